// Turns a feed item's HTML body into our body blocks: parse5 → hast, cleaned and sanitised (allow-list), then hast → mdast. Pure.
import type { ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { toMdast } from "hast-util-to-mdast";
import type { PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from "mdast";
import type { Block, Link } from "../model/release.ts";
import { looksLikeHeading, readTurn } from "../extract/rules/body.ts";
import { unwrapLink } from "./links.ts";
import { LIMITS, LimitExceeded } from "../sources/limits.ts";

/** Elements whose content is never statement text. */
const DROPPED = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "title", "meta", "link", "form", "button", "select", "textarea"]);

/**
 * Removes what is not statement text from a parsed HTML tree, in place: scripts, styles, inputs, `<wbr>`, elements
 * marked `hidden` or `display: none`, and comments. Links are rewritten to their unwrapped targets
 * ({@link unwrapLink}); a link with no usable target keeps its text and loses its `href`.
 */
export function cleanHtml(tree: HastRoot): HastRoot {
  const keep = (node: HastContent | ElementContent): boolean => {
    if (node.type === "comment" || node.type === "doctype") return false;
    if (node.type !== "element") return true;
    if (DROPPED.has(node.tagName)) return false;
    const p = node.properties;
    // A hidden input is form state, not text; <wbr> is a line-break opportunity inside a word, not a space.
    if (node.tagName === "input" || node.tagName === "wbr") return false;
    if (p["hidden"] !== undefined && p["hidden"] !== false && p["hidden"] !== null) return false;
    if (typeof p["style"] === "string" && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(p["style"])) return false;
    if (node.tagName === "a" && typeof p["href"] === "string") {
      const target = unwrapLink(p["href"]);
      if (target === null) delete p["href"];
      else p["href"] = target;
    }
    node.children = node.children.filter(keep);
    return true;
  };
  tree.children = tree.children.filter(keep);
  return tree;
}

/**
 * The allow-list feed HTML is held to (hast-util-sanitize, GitHub's schema): only its elements, attributes and link
 * protocols survive; any other element is unwrapped (its text kept), and the elements that are never statement text
 * are dropped with their content. Elements that commonly wrap statement text are added to the list, so their blocks
 * keep their breaks. Links are further held to http(s), mailto and tel by {@link unwrapLink}.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "article", "aside", "header", "footer", "main", "nav", "figure", "figcaption", "address", "center", "caption", "u", "small", "abbr", "cite", "mark", "time"],
  strip: [...new Set([...(defaultSchema.strip ?? []), ...DROPPED])],
  // Ids and names would be prefixed against DOM clobbering; they carry no statement text, so they simply go.
  clobber: [],
};

type Parse5Node = DefaultTreeAdapterMap["node"];

/** The deepest nesting of elements in a parse5 tree, walked without recursion (the later tree walks do recurse). */
function depthOf(root: Parse5Node): number {
  let deepest = 0;
  const stack: [Parse5Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > LIMITS.maxDepth) break;
    const children = "childNodes" in node ? node.childNodes : [];
    for (const child of children) stack.push([child, depth + 1]);
    if ("content" in node && node.content) stack.push([node.content, depth + 1]);
  }
  return deepest;
}

/**
 * How many elements an HTML string holds at most (its `<` followed by a letter), counted up to `max + 1`: a bound
 * found without parsing, since parse5 builds the whole tree before it can be measured.
 */
export function countElements(html: string, max = Infinity): number {
  let tags = 0;
  for (let i = html.indexOf("<"); i >= 0 && tags <= max; i = html.indexOf("<", i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a) tags++;
  }
  return tags;
}

/**
 * Parses an HTML fragment (a feed item's `content:encoded`) into a cleaned, sanitised tree. Throws
 * {@link LimitExceeded} for HTML of more than {@link LIMITS.maxHtmlElements} elements or nested more than
 * {@link LIMITS.maxDepth} deep.
 */
export function parseHtml(html: string): HastRoot {
  // parse5 directly rather than hast-util-from-html: that one always records source positions, which cost more
  // than the parse itself and are of no use here.
  // Counted on the string first: 15 MB of nested tags took parse5 40 s and 1.8 GB before its depth could be measured.
  if (countElements(html, LIMITS.maxHtmlElements) > LIMITS.maxHtmlElements) {
    throw new LimitExceeded("TOO_MANY_ELEMENTS", `Unexpected HTML of more than ${LIMITS.maxHtmlElements.toLocaleString("en-US")} elements, expected at most that many`);
  }
  const fragment = parseFragment(html);
  const depth = depthOf(fragment);
  if (depth > LIMITS.maxDepth) throw new LimitExceeded("TOO_DEEP", `Unexpected HTML nested more than ${LIMITS.maxDepth} elements deep, expected at most ${LIMITS.maxDepth}`);
  // Cleaned first (it reads `hidden` and `style`, which the sanitiser removes), then held to the allow-list.
  return sanitize(cleanHtml(fromParse5(fragment) as HastRoot), SANITIZE_SCHEMA) as HastRoot;
}

const SPACES = /\s+/g;

/** Plain text with links, built piece by piece with whitespace collapsed as the text parser does per line. */
class TextBuilder {
  text = "";
  links: Link[] = [];
  /** Whether every piece of text so far was bold (for headings written as a bold paragraph). */
  allStrong = true;

  add(value: string, strong: boolean): void {
    // Whitespace (no-break and zero-width spaces included) collapses to one space, never at the start of a line.
    let v = value.replace(SPACES, " ");
    if (v.startsWith(" ") && (this.text.length === 0 || this.text.endsWith(" ") || this.text.endsWith("\n"))) v = v.slice(1);
    if (v.length === 0) return;
    if (!strong && v.trim().length > 0) this.allStrong = false;
    this.text += v;
  }

  break(): void {
    // Not `replace(/ $/, "")`: the regex scans the whole text from its start, once per break (quadratic).
    if (this.text.endsWith(" ")) this.text = this.text.slice(0, -1);
    if (this.text.length > 0 && !this.text.endsWith("\n")) this.text += "\n";
  }

  phrasing(nodes: readonly PhrasingContent[], strong = false): void {
    for (const node of nodes) {
      switch (node.type) {
        case "text":
        case "inlineCode":
          this.add(node.value, strong);
          break;
        case "break":
          this.break();
          break;
        case "strong":
          this.phrasing(node.children, true);
          break;
        case "emphasis":
        case "delete":
          this.phrasing(node.children, strong);
          break;
        case "link": {
          const start = this.text.length;
          this.phrasing(node.children, strong);
          if (node.url) this.links.push({ start, end: this.text.length, href: node.url });
          break;
        }
        case "linkReference":
          this.phrasing(node.children, strong);
          break;
        default:
          // Images, footnote references and raw HTML carry no statement text.
          break;
      }
    }
  }

  /** The finished text (lines trimmed, blank lines dropped) and its links, clipped to non-blank characters. */
  finish(): { text: string; links: Link[] } {
    // Map every kept character to its new offset so link ranges follow the trimming.
    const lines = this.text.split("\n");
    const map: number[] = new Array(this.text.length + 1).fill(-1);
    let out = "";
    let at = 0;
    for (const line of lines) {
      const lead = line.length - line.trimStart().length;
      const body = line.trim();
      if (body.length > 0) {
        if (out.length > 0) out += "\n";
        for (let i = 0; i < body.length; i++) map[at + lead + i] = out.length + i;
        out += body;
      }
      at += line.length + 1;
    }
    const links: Link[] = [];
    for (const l of this.links) {
      let s = l.start;
      while (s < l.end && map[s] === -1) s++;
      let e = l.end - 1;
      while (e >= s && map[e] === -1) e--;
      if (e < s) continue;
      const start = map[s]!;
      const end = map[e]! + 1;
      // Trim the range to visible characters: a link never starts or ends on a space or a line break.
      const inner = out.slice(start, end);
      const a = start + (inner.length - inner.trimStart().length);
      const b = end - (inner.length - inner.trimEnd().length);
      if (b > a) links.push({ start: a, end: b, href: l.href });
    }
    return { text: out, links };
  }
}

function textOf(nodes: readonly PhrasingContent[]): { text: string; links: Link[]; allStrong: boolean } {
  const b = new TextBuilder();
  b.phrasing(nodes);
  return { ...b.finish(), allStrong: b.allStrong };
}

/** A paragraph's block: a transcript turn when its first line opens with a speaker label (as in plain text). */
function paragraphBlock(text: string, links: Link[], allStrong: boolean, inList = false): Block {
  if (inList) return withLinks({ kind: "paragraph", text }, links);
  const firstBreak = text.indexOf("\n");
  const first = firstBreak < 0 ? text : text.slice(0, firstBreak);
  const turn = readTurn(first);
  if (turn) {
    const offset = first.length - turn.text.length;
    const rest = text.slice(offset);
    const shifted = links.filter((l) => l.start >= offset).map((l) => ({ ...l, start: l.start - offset, end: l.end - offset }));
    return withLinks({ kind: "turn", speaker: turn.speaker, text: rest }, shifted);
  }
  if (allStrong && looksLikeHeading(text)) return withLinks({ kind: "heading", text }, links);
  return withLinks({ kind: "paragraph", text }, links);
}

function withLinks<B extends Block & { links?: Link[] }>(block: B, links: Link[]): B {
  return links.length > 0 ? { ...block, links } : block;
}

/** mdast node types that hold block content; anything else at block level is phrasing (text outside a `<p>`). */
const FLOW = new Set(["paragraph", "heading", "list", "blockquote", "table", "code", "thematicBreak", "html", "definition", "footnoteDefinition", "yaml"]);

/** Appends the blocks of mdast nodes (block content) to `out`; runs of bare phrasing read as one paragraph. */
function blocksOf(nodes: readonly MdastContent[], out: Block[], inList = false): void {
  let loose: PhrasingContent[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    const { text, links, allStrong } = textOf(loose);
    if (text.length > 0) out.push(paragraphBlock(text, links, allStrong, inList));
    loose = [];
  };
  for (const node of nodes) {
    if (!FLOW.has(node.type)) {
      loose.push(node as PhrasingContent);
      continue;
    }
    flush();
    switch (node.type) {
      case "paragraph": {
        const { text, links, allStrong } = textOf(node.children);
        if (text.length > 0) out.push(paragraphBlock(text, links, allStrong, inList));
        break;
      }
      case "heading": {
        const { text, links } = textOf(node.children);
        if (text.length > 0) out.push(withLinks({ kind: "heading", text }, links));
        break;
      }
      case "list": {
        const items: string[] = [];
        const itemLinks: Link[][] = [];
        for (const item of node.children) {
          const inner: Block[] = [];
          // Inside an item, text stays as written: a label in an item is not a turn of its own.
          blocksOf(item.children, inner, true);
          // An item's paragraphs join with line breaks; a nested list's items follow as lines of their own.
          let text = "";
          const links: Link[] = [];
          for (const b of inner) {
            const parts: { text: string; links: Link[] }[] =
              b.kind === "list" ? b.items.map((t, i) => ({ text: t, links: b.itemLinks?.[i] ?? [] })) : [{ text: b.kind === "turn" ? `${b.speaker}: ${b.text}` : b.text, links: b.kind === "turn" ? shift(b.links ?? [], b.speaker.length + 2) : (b.links ?? []) }];
            for (const p of parts) {
              if (text.length > 0) text += "\n";
              links.push(...shift(p.links, text.length));
              text += p.text;
            }
          }
          if (text.length > 0) {
            items.push(text);
            itemLinks.push(links);
          }
        }
        if (items.length > 0) {
          const block: Block = { kind: "list", ordered: node.ordered === true, items };
          out.push(itemLinks.some((l) => l.length > 0) ? { ...block, itemLinks } : block);
        }
        break;
      }
      case "blockquote":
        blocksOf(node.children, out, inList);
        break;
      case "table":
        // A table row reads as one paragraph, a cell per line; statements use tables rarely, for lists laid out in columns.
        for (const row of node.children) {
          const cells = row.children.map((cell) => textOf(cell.children)).filter((c) => c.text.length > 0);
          let text = "";
          const links: Link[] = [];
          for (const c of cells) {
            if (text.length > 0) text += "\n";
            links.push(...shift(c.links, text.length));
            text += c.text;
          }
          if (text.length > 0) out.push(withLinks({ kind: "paragraph", text }, links));
        }
        break;
      case "code":
        if (node.value.trim().length > 0) out.push({ kind: "paragraph", text: node.value.trim() });
        break;
      default:
        // Thematic breaks, raw HTML, definitions and images carry no statement text.
        break;
    }
  }
  flush();
}

function shift(links: readonly Link[], by: number): Link[] {
  return links.map((l) => ({ ...l, start: l.start + by, end: l.end + by }));
}

/**
 * Converts a feed item's HTML body into body blocks, in reading order: scripts, styles, hidden inputs and empty
 * paragraphs are gone, whitespace is collapsed as the text parser does, links are kept (unwrapped) as ranges of
 * the plain text, a paragraph opening with a speaker label (`<b>MR PRICE:</b> …`) is a turn, `<h1>`–`<h6>` and
 * a bold heading-shaped paragraph are headings, `<ul>`/`<ol>` are lists.
 */
export function htmlToBlocks(html: string): Block[] {
  const mdast = toMdast(parseHtml(html)) as MdastRoot;
  const out: Block[] = [];
  blocksOf(mdast.children, out);
  for (const b of out) {
    const length = b.kind === "list" ? Math.max(...b.items.map((i) => i.length)) : b.text.length;
    if (length > LIMITS.maxLineLength) throw new LimitExceeded("LINE_TOO_LONG", `Unexpected paragraph of ${length.toLocaleString("en-US")} characters, expected at most ${LIMITS.maxLineLength.toLocaleString("en-US")}`);
  }
  return out;
}

/** The plain text of an HTML fragment (a title written as HTML), whitespace collapsed. */
export function htmlToText(html: string): string {
  const blocks: Block[] = [];
  blocksOf((toMdast(parseHtml(html)) as MdastRoot).children, blocks, true);
  const texts = blocks.flatMap((b) => (b.kind === "list" ? b.items : b.kind === "turn" ? [`${b.speaker}: ${b.text}`] : [b.text]));
  return texts.join(" ").replace(/\s+/g, " ").trim();
}
