// Finds countries in text by name, official name, abbreviation or demonym, as ISO 3166-1 alpha-2 codes.
import countries from "i18n-iso-countries";
import enLocale from "i18n-iso-countries/langs/en.json" with { type: "json" };
import worldCountriesData, { type Country } from "world-countries";
import { ALIASES, AMBIGUOUS, PREFERRED_NAMES } from "./data/countries.ts";

countries.registerLocale(enLocale);
// world-countries is CommonJS: under Node's ESM its default export is the array itself, which its types do not say.
const worldCountries = worldCountriesData as unknown as Country[];

/** Apostrophes vary between sources; matching treats ’ and ' alike (same length, so offsets hold). */
const straighten = (s: string) => s.replace(/[’‘]/g, "'");

/** Every written form we recognise, mapped to its code. Built once. */
function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = straighten(name);
    // "The Gambia" is also "Gambia": names starting with "The" would make every "The" a candidate.
    if (!AMBIGUOUS.has(name) && !/[,()]/.test(name) && !/^The /.test(name) && !table.has(key)) table.set(key, code);
  };
  for (const [code, names] of Object.entries(countries.getNames("en", { select: "all" }))) for (const n of names) add(n, code);
  for (const [name, code] of Object.entries(ALIASES)) add(name, code);
  // Demonyms of sovereign states only: "French" is France, not the French Southern Territories.
  for (const c of worldCountries.filter((x) => x.independent)) {
    const dem = c.demonyms?.eng;
    // Demonyms, and their plurals for peoples ("Syrians", "Yemenis").
    if (dem) for (const d of new Set([dem.m, dem.f])) if (d) {
      add(d, c.cca2);
      if (/(?:an|i)$/.test(d)) add(`${d}s`, c.cca2);
    }
    add(c.name.common, c.cca2);
    add(c.name.official, c.cca2);
  }
  return table;
}

const TABLE = buildTable();
/** Every leading run of words of every name ("Republic", "Republic of", "Republic of Korea"): lookups stop early. */
const PREFIXES = new Set([...TABLE.keys()].flatMap((k) => k.split(" ").map((_, i, w) => w.slice(0, i + 1).join(" "))));
/** Words before a country word that make it name something else ("Latin American", "New Mexico", "Gulf of Thailand"). */
const NOT_A_COUNTRY = /(?:^|\s)(?:Latin|Central|South|North|Native|African|Asian|Pan|New|Papua)[ -]$|(?:Gulf|Sea|Bay|Straits?|Lake|Isle) of (?:the )?$/;

/** A country found in text: its code and where the mention starts and ends. */
export interface CountryMention {
  code: string;
  start: number;
  end: number;
}

/**
 * Character classes of the words findCountries() reads, by UTF-16 code unit below 0x180: CAPITAL for
 * [A-ZÀ-ÖØ-ÞĀ-ſ] (a capitalised word starts with one), WORD_CHAR for the rest of [A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9], and PUNCT
 * for the ".", "'" and "-" of abbreviations and compounds, after which a word has to be cut(). Combining marks
 * (U+0300–U+036F) are word characters too, and "’" and "‘" are PUNCT, being "'" once straightened. A table lookup per
 * character lets a text be read once in JavaScript, with no match object or string made for most of its words.
 */
const CAPITAL = 1;
const WORD_CHAR = 2;
const PUNCT = 3;
const CLASS = new Uint8Array(0x180);
for (let c = 0; c < 0x180; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-ZÀ-ÖØ-ÞĀ-ſ]/.test(ch)) CLASS[c] = CAPITAL;
  else if (/[A-Za-zÀ-ÖØ-öø-ÿ0-9]/.test(ch)) CLASS[c] = WORD_CHAR;
  else if (/[.'-]/.test(ch)) CLASS[c] = PUNCT;
}
/** The class of any code unit (0: not part of a word). */
const classOf = (c: number) => (c < 0x180 ? CLASS[c]! : c >= 0x300 && c <= 0x36f ? WORD_CHAR : c === 0x2019 || c === 0x2018 ? PUNCT : 0);
/** A CAPITAL code unit (see CLASS); `lastIndex` after a test is just past it. */
const NEXT_CAPITAL = /[A-ZÀ-ÖØ-ÞĀ-ſ]/g;
/** The code units of JavaScript's \s. */
const isSpace = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/** A word of a text and where it starts and ends in the text. */
interface Token {
  text: string;
  start: number;
  end: number;
}

/** True for "U.S.", "R.O.K.": capitals each followed by a period. */
function isInitials(w: string): boolean {
  if (w.length === 0 || w.length % 2 === 1) return false;
  for (let k = 0; k < w.length; k += 2) if (classOf(w.charCodeAt(k)) !== CAPITAL || w.charCodeAt(k + 1) !== 0x2e) return false;
  return true;
}

/** `w` without its trailing periods. */
function withoutPeriods(w: string): string {
  let end = w.length;
  while (end > 0 && w.charCodeAt(end - 1) === 0x2e) end--;
  return end === w.length ? w : w.slice(0, end);
}

/**
 * The words in a run of word characters (straightened) that has a ".", "'" or "-", with offsets in the run. Trailing
 * periods are dropped except in abbreviations ("U.S."), a possessive is dropped ("Iraq's"), and a hyphenated word is
 * split ("U.S.-ROK") unless the whole is a name ("Guinea-Bissau").
 */
function cut(run: string): Token[] {
  let word = run.endsWith("'s") ? run.slice(0, -2) : run;
  if (!isInitials(word)) word = withoutPeriods(word);
  if (word.includes("-") && !TABLE.has(word)) {
    const out: Token[] = [];
    let offset = 0;
    for (const part of word.split("-")) {
      if (part) out.push({ text: isInitials(part) ? part : withoutPeriods(part), start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
    return out;
  }
  return word ? [{ text: word, start: 0, end: word.length }] : [];
}

/**
 * The word after `end` past some spaces (its first part when it has to be cut), where its run of word characters
 * ends, and whether the name it may continue has to stop there: a hyphenated word split into parts ends a name at its
 * first part. Null when no word follows the spaces.
 */
function wordAfter(text: string, end: number): (Token & { runEnd: number; last: boolean }) | null {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === end || i === text.length) return null;
  const start = i;
  let punct = false;
  for (let k; i < text.length && (k = classOf(text.charCodeAt(i))) !== 0; i++) if (k === PUNCT) punct = true;
  if (i === start) return null;
  if (!punct) return { text: text.slice(start, i), start, end: i, runEnd: i, last: false };
  const run = straighten(text.slice(start, i));
  const word = cut(run)[0];
  if (!word) return null;
  return { text: word.text, start: start + word.start, end: start + word.end, runEnd: i, last: word.end < run.length && run[word.end] === "-" };
}

/**
 * Every country mention in `text`, in order: the longest name starting at each capitalised word wins. A capitalised
 * word is a capital letter and the word characters after it (so "iPhone" gives "Phone"), read left to right.
 */
export function findCountries(text: string): CountryMention[] {
  // The text is read as it is and words straightened (’ and ‘ as ') one by one: the quotes are PUNCT to classOf(), as
  // "'" is, so words and offsets are the same as in the straightened text, whose fresh copy is slower to read.
  const out: CountryMention[] = [];
  const n = text.length;
  let skipUntil = 0;
  let i = 0;
  for (;;) {
    // The pattern finds the next capital (the characters before it are skipped at the regex engine's speed).
    NEXT_CAPITAL.lastIndex = i;
    if (!NEXT_CAPITAL.test(text)) break;
    const start = NEXT_CAPITAL.lastIndex - 1;
    i = start;
    let punct = false;
    while (++i < n) {
      const k = classOf(text.charCodeAt(i));
      if (k === 0) break;
      if (k === PUNCT) punct = true;
    }
    if (start < skipUntil) continue;
    const run = punct ? straighten(text.slice(start, i)) : text.slice(start, i);
    // Most capitalised words are plain letters, and most begin no name.
    if (!punct && !PREFIXES.has(run)) continue;
    const parts = punct ? cut(run) : [{ text: run, start: 0, end: run.length }];
    for (const t of parts) {
      const from = start + t.start;
      if (from < skipUntil || !PREFIXES.has(t.text)) continue;
      // Extend word by word while the words so far begin some name; keep the longest full name.
      let key = t.text;
      let name = TABLE.has(key) ? key : null;
      let nameEnd = start + t.end;
      if (t.end === run.length) {
        for (let w = wordAfter(text, i); w; w = w.last ? null : wordAfter(text, w.runEnd)) {
          key = `${key} ${w.text}`;
          if (!PREFIXES.has(key)) break;
          if (TABLE.has(key)) {
            name = key;
            nameEnd = w.end;
          }
        }
      }
      if (name === null) continue;
      // NOT_A_COUNTRY has no quotes: the text need not be straightened for it.
      const before = from > 0 && text.charCodeAt(from - 1) === 0x20 ? text.slice(Math.max(0, from - 16), from) : "";
      if (!(before && NOT_A_COUNTRY.test(before) && !/^(?:Korea|Sudan|Africa|Macedonia)/.test(name)) && !text.startsWith(" Ocean", nameEnd)) {
        out.push({ code: TABLE.get(name)!, start: from, end: nameEnd });
      }
      skipUntil = nameEnd;
    }
  }
  return out;
}

/** The code of a whole name, abbreviation or demonym ("ROK", "Indian", "European Union" → EU), or null. */
export function countryCode(name: string): string | null {
  const key = straighten(name.trim().replace(/^the\s+/i, ""));
  if (/^(?:European Union|EU|E\.U\.)$/.test(key)) return "EU";
  return TABLE.get(key) ?? null;
}

/** The name shown for a code: the Department's usage where it differs, else the library's English name. */
export function countryName(code: string): string {
  return PREFERRED_NAMES[code] ?? countries.getName(code, "en") ?? code;
}
