// "Cite this": a release as a CSL-JSON item, formatted with citation-js (Chicago, APA, MLA, BibTeX, RIS, CSL-JSON).
import { Cite, plugins, type CslData } from "@citation-js/core";
import { parse as parseName } from "@citation-js/name";
import "@citation-js/plugin-bibtex";
import { commands, diacritics, ligatures, mathCommands } from "@citation-js/plugin-bibtex/lib/input/constants.js";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrontMatter } from "../model/release.ts";
import type { SiteConfig } from "./config.ts";
import { forStyle, itemShape, type Shape, ShapeTemplates } from "./citation-shapes.ts";
import { CSL_DIR } from "./paths.ts";

/** The styles of the "Cite this" block: our CSL files in src/site/csl/, formatted by citeproc-js through citation-js. */
export const CITATION_STYLES = [
  { key: "chicago", label: "Chicago", file: "chicago.csl", initializes: false },
  // Given names as initials (`initialize-with`): an item with one would make no template, so none is tried.
  { key: "apa", label: "APA", file: "apa.csl", initializes: true },
  { key: "mla", label: "MLA", file: "mla.csl", initializes: false },
] as const;

/** This thread's citation templates by item shape (src/site/citation-shapes.ts), made as shapes are first met. */
const TEMPLATES = new ShapeTemplates();

/** A release's citation in every style and format. Style entries are HTML (italics as `<i>`); the rest are plain text. */
export interface Citations {
  chicago: string;
  apa: string;
  mla: string;
  bibtex: string;
  ris: string;
  csl: string;
}

let registered = false;
/** Registers the CSL styles with citation-js once per process. */
function registerStyles(): void {
  if (registered) return;
  const styles = plugins.config.get("@csl").styles;
  for (const style of CITATION_STYLES) styles.add(`communique-${style.key}`, readFileSync(join(CSL_DIR, style.file), "utf8"));
  registered = true;
}

/**
 * The CSL-JSON item of a release. Its authors are its speakers, else its office (as an institution), else nobody;
 * the publisher is the Department (left out when it is the author, as APA asks); the URL is the archive's permalink.
 * Type `report` with the release type as genre is how Zotero and the styles read a press release.
 */
export function cslItem(data: FrontMatter, url: string, config: Pick<SiteConfig, "name" | "publisher" | "language">): CslData {
  const [year, month, day] = data.date.split("-").map(Number);
  const author = data.speakers.length > 0 ? data.speakers.map((s) => personName(s.name)) : data.office ? [{ literal: data.office }] : [];
  const item: CslData = {
    id: data.id,
    // BibTeX keys may not hold hyphens (citation-js would make up an author-year key instead).
    "citation-key": data.id.replaceAll("-", "_"),
    type: "report",
    title: data.title,
    ...(author.length ? { author } : {}),
    issued: { "date-parts": [[year, month, day]] },
    publisher: config.publisher.name,
    ...(data.location ? { "publisher-place": data.location.split(";")[0]!.trim() } : {}),
    ...(data.type ? { genre: data.type } : {}),
    URL: url,
    archive: config.name,
    language: config.language,
  };
  return item;
}

/**
 * A speaker's name split for citations (`Antony J. Blinken` → Blinken, Antony J.); a name it cannot split stays whole.
 * @citation-js/name throws on a one-word name that is also a suffix it knows ("Do", "Ma", "PC"): kept whole too.
 */
function personName(name: string): Record<string, string> {
  let parsed: ReturnType<typeof parseName>;
  try {
    parsed = parseName(name);
  } catch {
    return { literal: name };
  }
  if (!parsed.family) return { literal: name };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === "string" && v) out[k] = v;
  return out;
}

/** A private-use character standing in for `<` while citeproc and citation-js format a title. */
const LT = "\ue000";
const LT_ASCII = "zqltzq";

/** Every citation of one item. About 2–3 ms a release (see docs/site.md): done once per release page. */
export function formatCitations(item: CslData): Citations {
  return formatCitationBatch([item])[0]!;
}

/**
 * Every citation of each item, as {@link formatCitations} gives it, with each style formatted for the whole batch
 * in one bibliography: citeproc's work per call (its registry emptied and filled, the entry's ambiguity key) then
 * comes once per batch. At 64 items a release's three styles took 0.9 ms against 1.8 ms one by one. An entry does not
 * depend on the others: our styles neither disambiguate nor stand in for a repeated author (src/site/csl/). Most
 * entries are not formatted by citeproc at all but filled in from the entry of an item of the same shape (same
 * fields and punctuation, other words), which this thread formatted once: src/site/citation-shapes.ts. `byShape:
 * false` formats every entry with citeproc (the tests compare the two).
 */
export function formatCitationBatch(items: readonly CslData[], options: { byShape?: boolean } = {}): Citations[] {
  registerStyles();
  // citeproc and citation-js read `<i>`, `<b>`, `<sup>`, `<sc>`, `<span style=…>` in a title as formatting (a
  // title written "<b>" would lose that text, or leave BibTeX with an unclosed brace): every `<` goes in as a
  // private-use stand-in and comes out as the escaped character of each format.
  // BibTeX is written in ASCII, so its stand-in is a lower-case ASCII word (capitalised words get braces).
  const standIn = (item: CslData, lt: string): CslData => (typeof item.title === "string" && item.title.includes("<") && !item.title.includes(lt) ? { ...item, title: item.title.replaceAll("<", lt) } : item);
  // Ids unique within the batch, whatever the items' own: an entry is found again by its id.
  const bibliography = (key: string, entries: CslData[]) => {
    if (entries.length === 0) return new Map<string, string>();
    const formatted = new Cite(entries).format("bibliography", { template: `communique-${key}`, format: "html", lang: "en-US", asEntryArray: true }) as unknown as [string, string][];
    return new Map(formatted.map(([id, html]) => [id, entryHtml(html).replaceAll(LT, "&#60;")]));
  };
  // A style's entry of an item is its shape's template filled when the style has one (src/site/citation-shapes.ts);
  // citeproc formats the other items and, with them, the stand-in items of the shapes new to the style.
  const itemShapes = items.map((item) => (options.byShape === false ? null : itemShape(item)));
  const style = ({ key, initializes }: (typeof CITATION_STYLES)[number]) => {
    const shapes = itemShapes.map((shape) => forStyle(shape, initializes));
    const learning = new Map<string, Shape>();
    for (const shape of shapes) if (shape && !TEMPLATES.known(key, shape)) learning.set(shape.key, shape);
    const unshaped = (i: number) => ({ ...standIn(items[i]!, LT), id: `item-${i}` });
    const standIns = [...learning.values()].flatMap((shape, j) => shape.standIns.map((item, k) => ({ ...item, id: `shape-${j}-${k}` })));
    const entries = bibliography(key, [...items.keys()].filter((i) => !shapes[i]).map(unshaped).concat(standIns));
    [...learning.values()].forEach((shape, j) => TEMPLATES.learn(key, shape, [entries.get(`shape-${j}-0`) ?? "", entries.get(`shape-${j}-1`) ?? ""]));
    const filled = items.map((_, i) => (shapes[i] ? TEMPLATES.entry(key, shapes[i]) : undefined));
    // Items of a shape that made no template.
    const rest = bibliography(key, [...items.keys()].filter((i) => shapes[i] && filled[i] === undefined).map(unshaped));
    return items.map((_, i) => filled[i] ?? entries.get(`item-${i}`) ?? rest.get(`item-${i}`) ?? "");
  };
  const [chicago, apa, mla] = CITATION_STYLES.map(style) as [string[], string[], string[]];
  return items.map((item, i) => ({
    chicago: chicago[i]!,
    apa: apa[i]!,
    mla: mla[i]!,
    bibtex: bibtexOf(standIn(item, LT_ASCII)).replaceAll(LT_ASCII, "\\textless{}"),
    ris: unwrapRis(new Cite(item).format("ris")).trim(),
    csl: JSON.stringify([item], null, 2),
  }));
}

/** The characters citation-js's BibTeX writer keeps, as it reads them (after NFKD): ASCII, the diacritics it writes as accents, and those it has a LaTeX command for. */
const BIBTEX_KNOWN = new Set([commands, diacritics, ligatures, mathCommands].flatMap((table) => Object.values(table)));
const BIBTEX_SAFE = /^[\x00-\x7f\u0300-\u0308\u030a-\u030c\u0332\u0323\u0327\u0328\u0361\u0326]$/;
/** True when citation-js would drop `ch`, or part of it, from BibTeX: "日", "ж" (but not "é", "«" or "–"). */
const droppedFromBibtex = (ch: string) => [...ch.normalize("NFKD")].some((c) => !BIBTEX_SAFE.test(c) && !BIBTEX_KNOWN.has(c));
/** An ASCII stand-in for a character BibTeX output would lose, and the pattern that finds it again. */
const bibtexStandIn = (ch: string) => `zqu${ch.codePointAt(0)!.toString(16)}zq`;
const BIBTEX_STAND_IN = /zqu([0-9a-f]+)zq/g;

/**
 * The item as BibTeX. citation-js writes BibTeX in ASCII, with LaTeX commands for the characters it knows, and
 * silently drops the others: a Japanese or Russian title would come out blank. Those characters go in as ASCII
 * stand-ins and come out as themselves (UTF-8, which biber, BibLaTeX and reference managers read), the rest as
 * citation-js writes it. An item that already holds a stand-in's shape is written as citation-js does.
 */
function bibtexOf(item: CslData): string {
  const json = JSON.stringify(item);
  if (json.includes("zqu")) return new Cite(item).format("bibtex").trim();
  const protect = (value: unknown): unknown =>
    typeof value === "string"
      ? value.replace(/[^\x00-\x7f]/gu, (ch) => (droppedFromBibtex(ch) ? bibtexStandIn(ch) : ch))
      : Array.isArray(value)
        ? value.map(protect)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, protect(v)]))
          : value;
  return new Cite(protect(item)).format("bibtex").trim().replace(BIBTEX_STAND_IN, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** The HTML inside citeproc's `<div class="csl-entry">` of an entry. */
function entryHtml(html: string): string {
  const m = /^\s*<div[^>]*>([\s\S]*?)<\/div>\s*$/.exec(html);
  return (m ? m[1]! : html).trim();
}

/**
 * citation-js cuts RIS values every 70 characters with a bare line break; readers take such a line as a new,
 * untagged line (Zotero joins it with a space, splitting a word). Put each value back on its tag's line.
 */
export function unwrapRis(ris: string): string {
  const out: string[] = [];
  for (const line of ris.split("\n")) {
    if (line === "") continue;
    if (out.length > 0 && !/^[A-Z][A-Z0-9] {2}-( |$)/.test(line)) out[out.length - 1] += line;
    else out.push(line);
  }
  return out.join("\n");
}
