// Citations of items that differ only in their text: formatted by citeproc once per item shape, with stand-in words, and each item's own words put in their places.
import type { CslData } from "@citation-js/core";

/**
 * A text field citeproc copies as it is: letters, digits, single spaces and punctuation it does not act on, starting
 * and ending with a letter or digit (or a closing parenthesis). Quotes are left out (citeproc turns quotes inside a
 * quoted title into single ones), as are `&`, `<` and `>` (escaped), `$` (TeX math), brackets, superscripts and
 * doubled spaces. Punctuation at the end ({@link TRAILING}) is kept in the shape, since citeproc merges it with what
 * follows. (Our styles choose nothing by a field's value, such as `is-numeric`, which a shape would not see: the
 * property test in test/site/citation-shapes.test.ts, whose fields hold numbers too, would fail if one did.)
 */
const PLAIN_TEXT = /^[\p{L}\p{M}\p{Nd}](?:[\p{L}\p{M}\p{Nd} ,.\-–—:;()/’%+#®]*[\p{L}\p{M}\p{Nd})])?$/u;
/**
 * A personal name's given or family name (or suffix): capitalised words joined by single spaces or hyphens. citeproc
 * reads names (particles from lower-case words, suffixes after commas), so nothing else is shaped.
 */
const NAME_WORDS = /^\p{Lu}[\p{L}\p{M}’.]*(?:[ -]\p{Lu}[\p{L}\p{M}’.]*)*$/u;
/** A name's particle ("van", "de la"), a field of its own: words of letters. */
const PARTICLE_WORDS = /^[\p{L}\p{M}’]+(?: [\p{L}\p{M}’]+)*$/u;
/** A space before `:`, `;`, `?` or `!`, which citeproc may make a narrow no-break space (French typography). */
const SPACED_PUNCTUATION = / [:;?!]/;
/** Sentence punctuation ending a field: "Jr.", "What Next?"; citeproc drops a period after it, or moves it inside quotes. */
const TRAILING = /[.?!]*$/;
/** A URL citeproc copies as it is (the archive's permalinks). */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9./_~%:-]+$/;
/** The item fields a shape fills with stand-ins: every text field `cslItem` (citations.ts) sets but the URL. */
const TEXT_FIELDS = ["title", "genre", "publisher", "publisher-place", "archive"] as const;
/** Fields copied into the stand-in item as they are: they are part of the shape's key. */
const KEPT_FIELDS = ["type", "language"] as const;
/** Every field a shaped item may have. */
const SHAPED_FIELDS = new Set<string>(["id", "citation-key", "author", "issued", "URL", ...TEXT_FIELDS, ...KEPT_FIELDS]);

/** Two sets of stand-ins: the template is made with the first and checked with the second (see {@link ShapeTemplates}). */
const STAND_INS = [
  { word: (i: number) => `Qzx${letters(i)}q`, url: "https://qzxurlq.example/", year: 1987, day: 23 },
  { word: (i: number) => `Wvkj${letters(i)}yw`, url: "http://wvkurl.example/p/", year: 2016, day: 9 },
] as const;
const letters = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));

/** An item's shape: its key, the stand-in item of each set, and the item's own text for each slot. */
export interface Shape {
  key: string;
  /** Whether an author has a given name, which a style that makes initials of it does not copy. */
  givenNames: boolean;
  standIns: [CslData, CslData];
  /** Slot values, in slot order: the text fields and name parts (without trailing punctuation), then URL, year and day. */
  values: string[];
}

/**
 * The shape of an item, or null when some field is not one citeproc copies as it is. Items of one shape (the same
 * fields and name parts, the same trailing punctuation, the same month) are formatted alike but for their words.
 * `initializes`: the style shortens given names to initials, which are not copied: an item with one is not shaped.
 */
export function shapeOf(item: CslData, initializes: boolean): Shape | null {
  return forStyle(itemShape(item), initializes);
}

/** An item's shape as a style takes it: none when the style makes initials of a given name the item has. */
export function forStyle(shape: Shape | null, initializes: boolean): Shape | null {
  return shape && !(initializes && shape.givenNames) ? shape : null;
}

/** The shape of an item whatever the style (see {@link shapeOf}): made once per item, taken by each style. */
export function itemShape(item: CslData): Shape | null {
  const values: string[] = [];
  const key: string[] = KEPT_FIELDS.map((f) => JSON.stringify(item[f] ?? null));
  const standIns: [Record<string, unknown>, Record<string, unknown>] = [{ id: "shape" }, { id: "shape" }];
  for (const f of KEPT_FIELDS) if (item[f] !== undefined) for (const s of standIns) s[f] = item[f];
  // Each text slot: the stand-in word of each set, with the value's trailing punctuation.
  const slot = (value: unknown, words = PLAIN_TEXT): [string, string] | null => {
    if (typeof value !== "string") return null;
    const trail = TRAILING.exec(value)![0];
    const core = value.slice(0, value.length - trail.length);
    if (!words.test(core) || core.includes("  ") || SPACED_PUNCTUATION.test(value)) return null;
    values.push(core);
    key.push(trail);
    return [STAND_INS[0].word(values.length - 1) + trail, STAND_INS[1].word(values.length - 1) + trail];
  };
  for (const f of TEXT_FIELDS) {
    if (item[f] === undefined) {
      key.push(`-${f}`);
      continue;
    }
    const words = slot(item[f]);
    if (!words) return null;
    key.push(f);
    standIns[0][f] = words[0];
    standIns[1][f] = words[1];
  }
  const authors = (item.author ?? []) as Record<string, unknown>[];
  const names: [Record<string, string>[], Record<string, string>[]] = [[], []];
  let givenNames = false;
  for (const author of authors) {
    const parts = Object.entries(author).sort(([a], [b]) => (a < b ? -1 : 1));
    givenNames ||= parts.some(([k]) => k === "given");
    const standInNames: [Record<string, string>, Record<string, string>] = [{}, {}];
    for (const [part, value] of parts) {
      const words = slot(value, part === "literal" ? PLAIN_TEXT : part.endsWith("particle") ? PARTICLE_WORDS : NAME_WORDS);
      if (!words) return null;
      key.push(`author.${part}`);
      standInNames[0][part] = words[0];
      standInNames[1][part] = words[1];
    }
    key.push("|");
    names[0].push(standInNames[0]);
    names[1].push(standInNames[1]);
  }
  if (authors.length > 0) [standIns[0].author, standIns[1].author] = names;
  if (typeof item.URL !== "string" || !PLAIN_URL.test(item.URL)) return null;
  const issued = item.issued as { "date-parts"?: unknown[][] } | undefined;
  const parts = issued?.["date-parts"]?.[0];
  if (!parts || parts.length !== 3 || issued!["date-parts"]!.length !== 1 || Object.keys(issued!).length !== 1) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999 || day < 1 || day > 31) return null;
  key.push(`month ${month}`);
  // Any other field would be left out of the stand-in items: not shaped.
  if (Object.keys(item).some((k) => !SHAPED_FIELDS.has(k))) return null;
  STAND_INS.forEach((set, i) => {
    standIns[i]!.URL = set.url;
    standIns[i]!.issued = { "date-parts": [[set.year, month, set.day]] };
  });
  values.push(item.URL, String(year), String(day));
  return { key: key.join("\u0000"), givenNames, standIns: standIns as [CslData, CslData], values };
}

/** A formatted entry with holes: its text around each slot, and which slot fills each hole. */
interface Template {
  pieces: string[];
  slots: number[];
}

/**
 * Templates by style and shape, made from citeproc's entries for a shape's two stand-in items: the first gives the
 * template (each stand-in found exactly once in it becomes a hole), the second must come out as the template filled
 * with its own stand-ins, or the shape is always formatted by citeproc for that style. So a field citeproc changes
 * (a word capitalised, a name shortened, a number padded, a slot left out) makes no template.
 */
export class ShapeTemplates {
  private readonly templates = new Map<string, Template | null>();

  /** The key of a style's template for a shape. */
  private static key(style: string, shape: Shape): string {
    return `${style}\u0001${shape.key}`;
  }

  /** Whether this style's template for the shape was made (usable or not). */
  known(style: string, shape: Shape): boolean {
    return this.templates.has(ShapeTemplates.key(style, shape));
  }

  /** Makes the style's template for a shape from citeproc's entries for its two stand-in items. */
  learn(style: string, shape: Shape, entries: [string, string]): void {
    const template = templateOf(entries[0], standInValues(0, shape));
    const checked = template && fill(template, standInValues(1, shape)) === entries[1] ? template : null;
    this.templates.set(ShapeTemplates.key(style, shape), checked);
  }

  /** The item's entry in a style, from its shape's template; undefined when there is none. */
  entry(style: string, shape: Shape): string | undefined {
    const template = this.templates.get(ShapeTemplates.key(style, shape));
    return template ? fill(template, shape.values) : undefined;
  }
}

/** A stand-in set's slot values, as citeproc prints them: each word, the URL, the year and the day. */
function standInValues(set: 0 | 1, shape: Shape): string[] {
  const words = shape.values.length - 3;
  return [...Array.from({ length: words }, (_, i) => STAND_INS[set].word(i)), STAND_INS[set].url, String(STAND_INS[set].year), String(STAND_INS[set].day)];
}

/** The template of an entry formatted from stand-ins: null when one of them is found more than once, or they overlap. */
function templateOf(entry: string, standIns: readonly string[]): Template | null {
  const found: [number, number, number][] = [];
  for (const [slot, text] of standIns.entries()) {
    const at = entry.indexOf(text);
    if (at === -1) continue;
    if (entry.indexOf(text, at + 1) !== -1) return null;
    found.push([at, text.length, slot]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (const [at, length, slot] of found) {
    if (at < from) return null;
    pieces.push(entry.slice(from, at));
    slots.push(slot);
    from = at + length;
  }
  pieces.push(entry.slice(from));
  return { pieces, slots };
}

/** A template's holes filled with the values of their slots. */
function fill(template: Template, values: readonly string[]): string {
  let out = template.pieces[0]!;
  for (let i = 0; i < template.slots.length; i++) out += values[template.slots[i]!]! + template.pieces[i + 1]!;
  return out;
}
