// Recognises RSS 2.0 and Atom feeds by their content and reads them into items with saxes (a streaming XML parser). Pure.
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { Position } from "../model/diagnostic.ts";
import { LIMITS, type LimitCode } from "./limits.ts";

export type FeedFormat = "rss" | "atom";

/** One item (RSS `<item>`, Atom `<entry>`) as written in the feed: raw strings, nothing interpreted yet. */
export interface FeedItem {
  /** 1-based position of the item in its feed. */
  index: number;
  /** Where the item's start tag ends, and where its end tag was read (or the end of the file when it has none). */
  start: Position;
  end: Position;
  /** False when the feed ended before the item's end tag. */
  complete: boolean;
  title: string | null;
  /** Whether the title is HTML (Atom `type="html"` / `"xhtml"`) rather than text. */
  titleIsHtml: boolean;
  link: string | null;
  guid: string | null;
  creator: string | null;
  /** `pubDate` (RSS), `published` or else `updated` (Atom), or `dc:date`, as written. */
  published: string | null;
  categories: string[];
  /** `content:encoded` (or Atom `content`), else `description`/`summary`: HTML. */
  html: string | null;
}

/** A feed's channel-level facts and its items, with the XML errors met on the way. */
export interface Feed {
  format: FeedFormat;
  /** The channel's title (`<title>` of the channel or feed). */
  title: string | null;
  /** `lastBuildDate` (RSS) or `updated` (Atom), as written: when this snapshot was made. */
  builtAt: string | null;
  /** True for a Blogger export (its author is the blog's owner, and only `kind#post` entries are posts). */
  blogger: boolean;
  items: FeedItem[];
  errors: { reason: string; at: Position }[];
  /** Why reading stopped early, when it did: a limit passed, or entities declared (which are never expanded). */
  stopped: { code: LimitCode | "XML_ENTITIES"; reason: string; at: Position } | null;
}

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const BLOGGER_KIND = "http://schemas.google.com/g/2005#kind";

/**
 * What a source's text is, judged by its content: `rss` or `atom` for a feed, `xml` for other XML, null for
 * anything else (plain text). The prolog (BOM, XML declaration, comments, doctype) is skipped to the root element.
 */
export function sniffFeed(text: string): FeedFormat | "xml" | null {
  let i = 0;
  const s = text.slice(0, 65536);
  for (;;) {
    while (i < s.length && /[\s\ufeff]/.test(s[i]!)) i++;
    if (s.startsWith("<?", i)) i = skipTo(s, i, "?>");
    else if (s.startsWith("<!--", i)) i = skipTo(s, i, "-->");
    else if (s.startsWith("<!", i)) i = skipDoctype(s, i);
    else break;
    if (i < 0) return s.trimStart().startsWith("<?xml") ? "xml" : null;
  }
  if (s[i] !== "<") return s.trimStart().replace(/^\ufeff/, "").startsWith("<?xml") ? "xml" : null;
  const name = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(s.slice(i))?.[2];
  if (name === "rss") return "rss";
  if (name === "feed") return "atom";
  return name ? "xml" : null;
}

function skipTo(s: string, from: number, end: string): number {
  const at = s.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

/** Skips a `<!DOCTYPE …>`, its internal subset `[…]` (entity declarations hold `>`) and quoted strings included. */
function skipDoctype(s: string, from: number): number {
  let quote = "";
  let subset = false;
  for (let i = from + 2; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") subset = true;
    else if (c === "]") subset = false;
    else if (c === ">" && !subset) return i + 1;
  }
  return -1;
}

/** An item's link when it is a web address (http or https); a `javascript:` or `data:` one would become a live link on its page. */
function webLink(href: string): string | null {
  const trimmed = href.trim();
  return /^https?:\/\/[^\s]/i.test(trimmed) ? trimmed : null;
}

/** Thrown from a saxes handler to stop reading (saxes has no abort); caught by {@link readFeed}. */
const STOP = Symbol("stop");

/** Serialises an element start tag again, for Atom `type="xhtml"` content that arrives as markup. */
function startTag(tag: SaxesTagNS): string {
  const attrs = Object.values(tag.attributes).map((a) => ` ${a.local}="${escapeXml(a.value)}"`);
  return `<${tag.local}${attrs.join("")}>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Reads a feed with saxes. Never throws: XML errors (not well-formed, truncated) are returned in `errors` with
 * their line and column, and every item read before or after them is kept; an item cut off by the end of the file
 * is returned with `complete: false`.
 */
export function readFeed(text: string, format: FeedFormat): Feed {
  const feed: Feed = { format, title: null, builtAt: null, blogger: false, items: [], errors: [], stopped: null };
  const parser = new SaxesParser({ xmlns: true, position: true });
  const at = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const stack: string[] = [];
  let item: FeedItem | null = null;
  let itemDepth = -1;
  let isPost = true;
  let textBuf: string | null = null;
  /** Depth at which an XHTML content/title element opened; its children are serialised as markup. */
  let xhtmlDepth = -1;
  let xhtml = "";
  let contentIsText = false;

  const local = (t: SaxesTagNS) => (t.uri && t.uri !== ATOM && t.uri !== "" ? `${t.uri}#${t.local}` : t.local);
  parser.on("error", (e) => {
    const reason = e.message.replace(/^(?:.*?:)?\d+:\d+: /, "");
    // Named HTML entities (&nbsp;) are common in feeds and kept as written; titles and bodies decode them later.
    if (/undefined entity/.test(reason)) return;
    if (feed.errors.length < 20) feed.errors.push({ reason, at: at() });
  });
  const stop = (code: NonNullable<Feed["stopped"]>["code"], reason: string): never => {
    feed.stopped = { code, reason, at: at() };
    throw STOP;
  };
  // saxes never expands an entity a DOCTYPE declares (it knows only XML's five and character references), nor
  // fetches an external one; a feed that declares any is refused outright rather than read with holes in its text.
  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) stop("XML_ENTITIES", "Unexpected entity declarations in the DOCTYPE, expected none (entities are never expanded or fetched); the feed is not read");
  });
  parser.on("opentag", (tag) => {
    const name = local(tag);
    const depth = stack.length;
    if (depth >= LIMITS.maxDepth) stop("TOO_DEEP", `Unexpected element nested ${depth + 1} deep, expected at most ${LIMITS.maxDepth}; the feed is read no further`);
    stack.push(name);
    if (xhtmlDepth >= 0) {
      xhtml += startTag(tag);
      return;
    }
    if (item === null && ((format === "rss" && name === "item") || (format === "atom" && name === "entry"))) {
      if (feed.items.length >= LIMITS.maxFeedItems) stop("TOO_MANY_FEED_ITEMS", `Unexpected item beyond the first ${LIMITS.maxFeedItems.toLocaleString("en-US")}, expected at most that many; this one and those after it are not read`);
      item = { index: feed.items.length + 1, start: at(), end: at(), complete: false, title: null, titleIsHtml: false, link: null, guid: null, creator: null, published: null, categories: [], html: null };
      itemDepth = depth;
      isPost = true;
      feed.items.push(item);
      return;
    }
    const type = tag.attributes["type"]?.value;
    if (item !== null && depth === itemDepth + 1) {
      if (name === "link" && format === "atom") {
        const rel = tag.attributes["rel"]?.value ?? "alternate";
        if (rel === "alternate" && tag.attributes["href"]) item.link = webLink(tag.attributes["href"].value);
      }
      if (name === "category") {
        const term = tag.attributes["term"]?.value;
        if (tag.attributes["scheme"]?.value === BLOGGER_KIND) {
          feed.blogger = true;
          isPost = term === undefined || term.endsWith("#post");
        } else if (term) item.categories.push(term);
      }
      if ((name === "content" || name === "summary" || name === "title") && type === "xhtml") {
        xhtmlDepth = stack.length;
        xhtml = "";
      }
      contentIsText = (name === "content" || name === "summary") && type === "text";
      if (name === "title") item.titleIsHtml = type === "html" || type === "xhtml";
    }
    if (item === null && format === "atom" && name === "generator" && /blogger/i.test(tag.attributes["uri"]?.value ?? "")) feed.blogger = true;
    textBuf = "";
  });
  parser.on("text", (t) => {
    if (xhtmlDepth >= 0) xhtml += escapeXml(t);
    else if (textBuf !== null) textBuf += t;
  });
  parser.on("cdata", (t) => {
    if (xhtmlDepth >= 0) xhtml += escapeXml(t);
    else if (textBuf !== null) textBuf += t;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag);
    stack.pop();
    const depth = stack.length;
    if (xhtmlDepth >= 0 && depth >= xhtmlDepth) {
      xhtml += `</${tag.local}>`;
      return;
    }
    let value = textBuf ?? "";
    if (xhtmlDepth >= 0 && depth === xhtmlDepth - 1) {
      value = xhtml;
      xhtmlDepth = -1;
    }
    textBuf = null;
    const trimmed = value.trim();
    if (item !== null && depth === itemDepth) {
      item.end = at();
      item.complete = true;
      if (!isPost) feed.items.pop();
      item = null;
      return;
    }
    if (item !== null && depth === itemDepth + 1) {
      const it: FeedItem = item;
      if (name === "title") it.title = trimmed || null;
      else if (name === "link" && format === "rss" && trimmed) it.link = webLink(trimmed);
      else if (name === "guid" || (name === "id" && format === "atom")) it.guid = trimmed || null;
      else if (name === `${DC}#creator` && trimmed) it.creator = trimmed;
      else if ((name === "pubDate" || name === "published") && trimmed) it.published = trimmed;
      else if ((name === "updated" || name === `${DC}#date`) && trimmed && it.published === null) it.published = trimmed;
      else if (name === "category" && format === "rss" && trimmed) it.categories.push(trimmed);
      else if ((name === `${CONTENT}#encoded` || name === "content") && trimmed) it.html = contentIsText ? escapeXml(trimmed) : trimmed;
      else if ((name === "description" || name === "summary") && trimmed && it.html === null) it.html = contentIsText ? escapeXml(trimmed) : trimmed;
      return;
    }
    if (item !== null && name === "name" && stack.at(-1) === "author" && depth === itemDepth + 2 && trimmed) item.creator = trimmed;
    // Channel-level facts: the channel's (or Atom feed's) own title and build date, not an image's or an item's.
    const parent = stack.at(-1);
    if (item === null && ((format === "rss" && parent === "channel") || (format === "atom" && parent === "feed" && depth === 1))) {
      if (name === "title" && feed.title === null) feed.title = trimmed || null;
      if ((name === "lastBuildDate" || name === "updated") && trimmed) feed.builtAt = trimmed;
    }
  });
  let endOfFile: Position = { line: 1, column: 1 };
  try {
    parser.write(text.replace(/^\ufeff/, ""));
    endOfFile = at();
    parser.close();
  } catch (e) {
    // saxes reports through the error handler; a throw here would be a bug in it, still reported, never raised.
    if (e !== STOP) feed.errors.push({ reason: (e as Error).message, at: at() });
  }
  // An item cut short by a stop is dropped: its end is unknown, and the stop's diagnostic says why.
  if (feed.stopped && feed.items.at(-1)?.complete === false) feed.items.pop();
  const last = feed.items.at(-1);
  if (last && !last.complete) last.end = endOfFile;
  return feed;
}
