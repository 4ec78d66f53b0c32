// parseSource: any source's bytes → its releases (one for a text file, one per item for a feed) and diagnostics. Pure.
import { createHash } from "node:crypto";
import { type Diagnostic, diagnostic } from "../model/diagnostic.ts";
import type { Release } from "../model/release.ts";
import type { ExtractOptions, SurnameMention } from "../extract/context.ts";
import { readFeedTime } from "../parse/feed-dates.ts";
import { decodeBytes } from "../sources/decode.ts";
import { type FeedFormat, type FeedItem, readFeed, sniffFeed } from "../sources/feed.ts";
import { LIMITS, LimitExceeded, tooLarge } from "../sources/limits.ts";
import { countElements } from "../parse/html.ts";
import { type FeedSource, feedItemRelease, itemText } from "./feed-release.ts";
import { type ParseResult, parseRelease } from "./parse-release.ts";

/** One release a source yields (or would have, when it is reported). */
export interface ItemResult {
  /** The feed item's 1-based position; null for a text source. */
  item: number | null;
  /** The item's guid and link as written, when it has them (so a failing item can still be named and matched). */
  guid: string | null;
  link: string | null;
  release: Release | null;
  diagnostics: Diagnostic[];
  /** With a release: the people it names by title and surname only (see {@link ParseResult}). */
  surnames?: SurnameMention[];
}

/** Everything one source file yields. */
export interface SourceResult {
  path: string;
  format: "text" | FeedFormat;
  /** When a feed snapshot was built (UTC ISO instant of `lastBuildDate`/`updated`, else of its newest item); null for text. */
  builtAt: string | null;
  /** Problems of the file as a whole (not XML, not a feed, no items). */
  diagnostics: Diagnostic[];
  items: ItemResult[];
}

/** Extensions that promise a feed: such a file that is not XML is reported as a malformed feed, not read as text. */
const FEED_EXTENSIONS = /\.(?:rss|atom|xml)$/i;

/**
 * Parses one source, whatever its format: a feed (RSS 2.0 or Atom, recognised by its content, whatever its
 * extension) gives one result per item; anything else is read as plain text by {@link parseRelease}. Never throws.
 */
export function parseSource(input: Uint8Array | string, options: { path: string } & ExtractOptions): SourceResult {
  const { path } = options;
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const start = { line: 1, column: 1 };
  const format = FEED_EXTENSIONS.test(path) ? (/\.atom$/i.test(path) ? "atom" : "rss") : "text";
  if (bytes.length > LIMITS.maxSourceBytes) return { path, format, builtAt: null, diagnostics: [], items: [{ item: null, guid: null, link: null, release: null, diagnostics: [tooLarge(bytes.length, path)] }] };
  const decoded = bytes.length > 0 ? decodeBytes(bytes) : null;
  const sniffed = decoded && !decoded.binary ? sniffFeed(decoded.text) : null;
  // Other XML is only XML when it says so (a declaration, a feed's extension): a text statement may open with a tag.
  const kind = sniffed === "xml" && !FEED_EXTENSIONS.test(path) && !/^[\s\ufeff]*<\?xml/.test(decoded!.text) ? null : sniffed;
  if (kind === null) {
    if (FEED_EXTENSIONS.test(path) && decoded && decoded.text.trim().length > 0) {
      const reason = decoded.binary ? "Unexpected binary content, expected an RSS or Atom feed" : "Unexpected text that is not XML, expected an RSS or Atom feed";
      return { path, format: /\.atom$/i.test(path) ? "atom" : "rss", builtAt: null, diagnostics: [diagnostic("MALFORMED_FEED", reason, path, start)], items: [] };
    }
    const result = parseRelease(bytes, { ...options, decoded: decoded ?? undefined });
    return { path, format: "text", builtAt: null, diagnostics: [], items: [{ item: null, guid: null, link: null, ...result }] };
  }
  if (kind === "xml") {
    // A DOCTYPE too long for the sniffer to see past (a "billion laughs" one) still says what it is.
    if (/<!DOCTYPE[^>[]*\[[\s\S]*<!ENTITY/i.test(decoded!.text.slice(0, 65536))) {
      return { path, format: "rss", builtAt: null, diagnostics: [diagnostic("XML_ENTITIES", "Unexpected entity declarations in the DOCTYPE, expected none (entities are never expanded or fetched); the file is not read", path, start)], items: [] };
    }
    return { path, format: "rss", builtAt: null, diagnostics: [diagnostic("NOT_A_FEED", "Unexpected XML document, expected an <rss> or Atom <feed> root element", path, start)], items: [] };
  }
  return parseFeed(decoded!.text, bytes, kind, options);
}

/**
 * Releases already built from identical items, keyed by the item's content and the options: collectors save the same
 * feed many times, so most items recur in many snapshots. Only clean results are kept (diagnostics name a file and
 * line, which differ between snapshots); the source is attached afresh. Bounded, and invisible to callers: the
 * result is the same as without it.
 */
const itemCache = new Map<string, { release: Release; surnames?: SurnameMention[] }>();
const ITEM_CACHE_SIZE = 4000;
const taxonomyIds = new WeakMap<object, number>();
let taxonomyCount = 0;

/** Forgets the releases built so far (for benchmarks that measure a cold run). */
export function clearItemCache(): void {
  itemCache.clear();
}

function itemKey(item: FeedItem, blogger: boolean, options: ExtractOptions): string {
  let tax = 0;
  if (options.taxonomy) {
    tax = taxonomyIds.get(options.taxonomy) ?? ++taxonomyCount;
    taxonomyIds.set(options.taxonomy, tax);
  }
  const { index: _i, start: _s, end: _e, ...content } = item;
  return createHash("sha256").update(JSON.stringify([content, blogger, tax])).digest("hex");
}

function cachedItemRelease(item: FeedItem, source: FeedSource, options: ExtractOptions): ParseResult {
  const key = itemKey(item, source.blogger, options);
  const hit = itemCache.get(key);
  if (hit) {
    const release = { ...hit.release, source: { ...hit.release.source, path: source.path, sha256: source.sha256, collectedOn: source.collectedOn, collection: source.collection } };
    return { release, diagnostics: [], surnames: hit.surnames };
  }
  const result = feedItemRelease(item, source, options);
  if (result.release && result.diagnostics.length === 0) {
    if (itemCache.size >= ITEM_CACHE_SIZE) itemCache.clear();
    itemCache.set(key, { release: result.release, surnames: result.surnames });
  }
  return result;
}

function parseFeed(text: string, bytes: Uint8Array, format: FeedFormat, options: { path: string } & ExtractOptions): SourceResult {
  const { path } = options;
  const feed = readFeed(text, format);
  // The first XML error says what broke; the ones that follow it (unclosed parents of a cut-off item) add nothing.
  const first = feed.errors[0];
  const more = feed.errors.length > 1 ? ` (and ${feed.errors.length - 1} more)` : "";
  const diagnostics = first ? [diagnostic("MALFORMED_FEED", `Unexpected XML: ${first.reason.replace(/\.$/, "")}${more}; complete items are still read`, path, first.at)] : [];
  if (feed.stopped) diagnostics.push(diagnostic(feed.stopped.code, feed.stopped.reason, path, feed.stopped.at));
  if (feed.items.length === 0 && diagnostics.length === 0) diagnostics.push(diagnostic("EMPTY_FEED", "Unexpected feed without items, expected <item> or <entry> elements", path, { line: 1, column: 1 }));
  const built = readFeedTime(feed.builtAt);
  // Without a build date, the snapshot is as new as its newest item.
  const newest = feed.items.map((i) => readFeedTime(i.published)?.instant).filter((t): t is string => t !== undefined).sort().at(-1) ?? null;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const source = { path, format, sha256, collectedOn: built?.date ?? null, collection: itemText(feed.title) || null, blogger: feed.blogger };
  // The HTML of all items together is held to an element budget: time grows with elements, and the size limit
  // alone would let 16 MiB of tags (3.6 million elements, two minutes) through.
  let elements = 0;
  const items = feed.items.map((item): ItemResult => {
    const named = { item: item.index, guid: item.guid?.trim() || null, link: item.link?.trim() || null };
    elements += countElements(item.html ?? "", LIMITS.maxFeedElements) + (item.titleIsHtml ? countElements(item.title ?? "", LIMITS.maxFeedElements) : 0);
    if (elements > LIMITS.maxFeedElements) {
      const reason = `Unexpected HTML beyond ${LIMITS.maxFeedElements.toLocaleString("en-US")} elements in the feed's items, expected at most that many in all; item ${item.index} and those after it are skipped`;
      return { ...named, release: null, diagnostics: [diagnostic("TOO_MANY_ELEMENTS", reason, path, item.start, item.end)] };
    }
    try {
      return { ...named, ...cachedItemRelease(item, source, options) };
    } catch (e) {
      // An item's HTML past a limit (nesting, paragraph length) is reported with that limit's code.
      if (e instanceof LimitExceeded) return { ...named, release: null, diagnostics: [diagnostic(e.code, `${e.message} in item ${item.index}; the item is skipped`, path, item.start, item.end)] };
      // Not expected: the readers and rules do not throw; if one ever does, the item is reported, never the run.
      const reason = `Unexpected failure reading item ${item.index}: ${(e as Error).message}`;
      return { ...named, release: null, diagnostics: [diagnostic("INVALID_RECORD", reason, path, item.start, item.end)] };
    }
  });
  return { path, format, builtAt: built?.instant ?? newest, diagnostics, items };
}
