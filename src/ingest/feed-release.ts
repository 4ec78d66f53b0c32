// A feed item → a Release: title, date, creator, place and preamble by the text parser's own rules, entities by extractEntities. Pure.
import { decodeHTML } from "entities";
import { type Diagnostic, type Position, diagnostic } from "../model/diagnostic.ts";
import { ReleaseSchema, type Block, type Link, type Person } from "../model/release.ts";
import type { ExtractContext, ExtractOptions } from "../extract/context.ts";
import { emptyFields, extractEntities } from "../extract/index.ts";
import type { ParseResult } from "./parse-release.ts";
import { preambleRule } from "../extract/rules/preamble.ts";
import { looksLikePlace } from "../extract/rules/place.ts";
import { readSpeakerLine } from "../extract/speakers.ts";
import { isOfficeLine, readReleaseType } from "../extract/vocabulary.ts";
import { readWrittenDate } from "../parse/dates.ts";
import { readFeedTime } from "../parse/feed-dates.ts";
import { htmlToBlocks, htmlToText } from "../parse/html.ts";
import { type Line, normalizeSpace } from "../parse/lines.ts";
import type { FeedFormat, FeedItem } from "../sources/feed.ts";
import { formatZodIssues } from "../emit/front-matter.ts";
import { releaseId } from "../emit/id.ts";

/** What a feed item's release takes from its feed file. */
export interface FeedSource {
  path: string;
  format: FeedFormat;
  /** SHA-256 of the feed file's bytes. */
  sha256: string;
  /** The snapshot's date (America/New_York date of `lastBuildDate`), the day the feed was collected. */
  collectedOn: string | null;
  /** The feed's own title ("Press Releases – United States Department of State"). */
  collection: string | null;
  /** A Blogger export: its entries' author is the blog's owner, not the Department's office. */
  blogger: boolean;
}

/** How many place lines may follow the creator, as in plain text. */
const MAX_PLACE_LINES = 2;

/** The creator's office or speakers, read by the text parser's rules: a speaker line first, else an office line. */
export function readCreator(creator: string | null): { office: string | null; speakers: Person[]; known: boolean } {
  if (!creator) return { office: null, speakers: [], known: true };
  const people = readSpeakerLine(creator);
  if (people) return { office: null, speakers: people, known: true };
  if (isOfficeLine(creator)) return { office: creator, speakers: [], known: true };
  return { office: creator, speakers: [], known: false };
}

/** Item text that may hold entities twice over (`&amp;#8217;`) or named HTML entities: decoded, spaces collapsed. */
export function itemText(raw: string | null, isHtml = false): string {
  if (!raw) return "";
  return normalizeSpace(isHtml ? htmlToText(raw) : decodeHTML(raw));
}

/** A paragraph without its first `n` lines (a header that shared the paragraph with body text), links shifted. */
function dropLines(block: Block & { kind: "paragraph" }, n: number): Block | null {
  const lines = block.text.split("\n");
  if (n >= lines.length) return null;
  const cut = lines.slice(0, n).join("\n").length + 1;
  const links = (block.links ?? []).filter((l) => l.start >= cut).map((l): Link => ({ ...l, start: l.start - cut, end: l.end - cut }));
  const text = lines.slice(n).join("\n");
  return links.length > 0 ? { kind: "paragraph", text, links } : { kind: "paragraph", text };
}

/**
 * Takes the header the body repeats off its leading paragraphs, line by line, as the text parser reads a header:
 * lines that repeat (part of) the creator, more speaker lines, one office line when no creator named one, a date
 * line; then up to two place lines, only while body text follows. Returns the location and the speakers and office
 * found.
 */
function claimHeader(blocks: Block[], creator: string | null, fields: { office: string | null; speakers: Person[] }): string | null {
  const repeats = (line: string) => creator !== null && line.length >= 4 && normalizeSpace(creator).includes(line);
  const claimCreator = (line: string): boolean => {
    const people = readSpeakerLine(line);
    if (repeats(line) && (people || isOfficeLine(line) || line.length >= 10)) return true;
    if (people) {
      for (const p of people) if (!fields.speakers.some((s) => s.name === p.name)) fields.speakers.push(p);
      return true;
    }
    if (fields.office === null && fields.speakers.length === 0 && isOfficeLine(line)) {
      fields.office = line;
      return true;
    }
    const d = readWrittenDate(line, ["en"]);
    return d !== null && d !== "invalid";
  };
  const places: string[] = [];
  let stage: "creator" | "place" = "creator";
  while (blocks.length > 1 || (blocks.length === 1 && stage === "creator")) {
    const first = blocks[0]!;
    if (first.kind !== "paragraph") break;
    const lines = first.text.split("\n");
    let n = 0;
    while (n < lines.length) {
      const line = lines[n]!;
      if (stage === "creator" && claimCreator(line)) n++;
      else if (places.length < MAX_PLACE_LINES && looksLikePlace(line) && (n < lines.length - 1 || blocks.length > 1)) {
        stage = "place";
        places.push(line);
        n++;
      } else break;
    }
    if (n === 0) break;
    const rest = dropLines(first, n);
    if (rest) {
      blocks[0] = rest;
      break;
    }
    blocks.shift();
    if (places.length >= MAX_PLACE_LINES) break;
  }
  return places.length > 0 ? places.join("; ") : null;
}

/**
 * Finds the preamble with the text parser's own preamble rule, run over the blocks' lines: an opening
 * attribution ("The following is attributable to…") or the text before a "Begin Text:" marker. Markers are removed.
 */
function claimPreamble(blocks: Block[], path: string): { preamble: string | null; blocks: Block[] } {
  const lines: Line[] = [];
  const owner: { block: number; line: number }[] = [];
  let number = 1;
  blocks.forEach((b, i) => {
    const texts = b.kind === "list" ? b.items : b.kind === "turn" ? [`${b.speaker}: ${b.text}`] : [b.text];
    const split = texts.flatMap((t) => t.split("\n"));
    split.forEach((t, j) => {
      lines.push({ number: number++, text: t });
      owner.push({ block: i, line: j });
    });
    number++; // a blank line between blocks, as in plain text
  });
  const ctx: ExtractContext = {
    parsed: { path, collectedOn: null, collection: null, title: null, header: [], dateLine: null, date: null, statement: lines, origin: null, diagnostics: [] },
    header: [],
    statement: [...lines],
    fields: emptyFields(),
    options: {},
    diagnostics: [],
  };
  preambleRule.run(ctx);
  const kept = new Set(ctx.statement.map((l) => l.number));
  const removedPerBlock = new Map<number, number>();
  lines.forEach((l, k) => {
    if (!kept.has(l.number)) removedPerBlock.set(owner[k]!.block, (removedPerBlock.get(owner[k]!.block) ?? 0) + 1);
  });
  const out: Block[] = [];
  blocks.forEach((b, i) => {
    const removed = removedPerBlock.get(i) ?? 0;
    if (removed === 0) out.push(b);
    else if (b.kind === "paragraph") {
      const rest = dropLines(b, removed);
      if (rest) out.push(rest);
    }
    // A turn, heading or list is never a preamble or a marker as a whole; the rule only takes paragraphs' lines.
    else out.push(b);
  });
  return { preamble: ctx.fields.preamble, blocks: out };
}

/** Builds the release of one feed item. Never throws: an item that cannot become a release yields error diagnostics. */
export function feedItemRelease(item: FeedItem, source: FeedSource, options: ExtractOptions = {}): ParseResult {
  const { path } = source;
  const diagnostics: Diagnostic[] = [];
  const where = (start: Position = item.start, end: Position = item.end) => ({ start, end });
  const title = itemText(item.title, item.titleIsHtml);
  const named = title ? `item ${item.index} ("${title.slice(0, 60)}")` : `item ${item.index}`;
  const fail = (code: Parameters<typeof diagnostic>[0], reason: string) => {
    const { start, end } = where();
    diagnostics.push(diagnostic(code, reason, path, start, end));
    return { release: null, diagnostics };
  };
  if (!item.complete) return fail("FEED_ITEM_TRUNCATED", `Unexpected end of file inside ${named}, expected its end tag; the item is skipped`);
  if (!title) return fail("FEED_ITEM_WITHOUT_TITLE", `Unexpected ${named} without a title, expected a <title>; the item is skipped`);
  const time = readFeedTime(item.published);
  if (!time) {
    const what = item.published ? `date "${item.published.slice(0, 40)}"` : "no publication date";
    return fail("FEED_ITEM_WITHOUT_DATE", `Unexpected ${what} in ${named}, expected a <pubDate> or <published> timestamp; the item is skipped`);
  }
  let blocks = item.html ? htmlToBlocks(item.html) : [];
  if (blocks.length === 0) return fail("FEED_ITEM_WITHOUT_BODY", `Unexpected ${named} without body text, expected <content:encoded> or <description>; the item is skipped`);

  const creator = source.blogger ? null : itemText(item.creator) || null;
  const read = readCreator(creator);
  if (!read.known) {
    const { start } = where();
    diagnostics.push(diagnostic("UNKNOWN_CREATOR", `Unexpected creator "${creator!.slice(0, 60)}" in ${named}, expected an office or "Name, Title" speakers; kept as the office`, path, start));
  }
  const fields = { office: read.office, speakers: [...read.speakers] };
  blocks = [...blocks];
  const location = claimHeader(blocks, creator, fields);
  const { preamble, blocks: body } = claimPreamble(blocks, path);
  if (body.length === 0) return fail("FEED_ITEM_WITHOUT_BODY", `Unexpected ${named} whose content is only its header, expected body text; the item is skipped`);

  const type = item.categories.map((c) => readReleaseType(itemText(c))).find((t) => t !== null) ?? null;
  const entities = extractEntities({ ...emptyFields(), title, date: time.date, type, office: fields.office, speakers: fields.speakers, location, preamble, body }, options);
  const candidate = {
    id: releaseId(time.date, title),
    title,
    date: time.date,
    type,
    office: fields.office,
    speakers: fields.speakers,
    transcriptSpeakers: [...new Set(body.flatMap((b) => (b.kind === "turn" ? [b.speaker] : [])))],
    location,
    preamble,
    delegations: entities.delegations,
    countries: entities.countries,
    people: entities.people,
    organizations: entities.organizations,
    places: entities.places,
    events: entities.events,
    topics: entities.topics,
    source: {
      format: source.format,
      path,
      sha256: source.sha256,
      guid: itemText(item.guid) || null,
      link: itemText(item.link) || null,
      collectedOn: source.collectedOn,
      collection: source.collection,
      origin: null,
    },
    otherSources: [],
    revisions: [],
    body,
  };
  const checked = ReleaseSchema.safeParse(candidate);
  if (!checked.success) return fail("INVALID_RECORD", `Unexpected record for ${named}: ${formatZodIssues(checked.error.issues)}`);
  return { release: checked.data, diagnostics, surnames: entities.surnames };
}
