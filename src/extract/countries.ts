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
/** A 30-bit hash of a string's code units, step by step: a word can be hashed while it is read, with no string made. */
const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) & 0x3fffffff;
/** `hash` carried on over the code units of `s`. */
function hashOf(hash: number, s: string): number {
  for (let k = 0; k < s.length; k++) hash = hashStep(hash, s.charCodeAt(k));
  return hash;
}

/** A set of 30-bit hashes as bits (2^16 of them, by a hash's low bits): a clear bit is a hash none of the set has. */
class HashBits {
  private readonly bits = new Uint32Array(1 << 11);
  add(hash: number): void {
    this.bits[(hash >>> 5) & 0x7ff]! |= 1 << (hash & 31);
  }
  has(hash: number): boolean {
    return (this.bits[(hash >>> 5) & 0x7ff]! & (1 << (hash & 31))) !== 0;
  }
}

/**
 * A leading run of words of a name ("Republic", "Republic of", "Republic of Korea"): names are found word by word,
 * and a lookup stops at the first word that leads to none.
 */
interface NameStart {
  /** The words, joined by spaces. */
  key: string;
  /** hashOf(0, key): how it is found. */
  hash: number;
  /** The last word. */
  word: string;
  /** The words before the last; null for a first word. */
  before: NameStart | null;
  /** The code when the words are a whole name, else null. */
  code: string | null;
}

/** Every leading run of words of every name, by the hash of its key. */
function indexNameStarts(): Map<number, NameStart[]> {
  const byHash = new Map<number, NameStart[]>();
  const byKey = new Map<string, NameStart>();
  for (const name of TABLE.keys()) {
    let before: NameStart | null = null;
    for (const word of name.split(" ")) {
      const key: string = before ? `${before.key} ${word}` : word;
      let start = byKey.get(key);
      if (!start) {
        start = { key, hash: hashOf(0, key), word, before, code: TABLE.get(key) ?? null };
        byKey.set(key, start);
        byHash.set(start.hash, [...(byHash.get(start.hash) ?? []), start]);
      }
      before = start;
    }
  }
  return byHash;
}

const NAME_STARTS = indexNameStarts();
/** The hashes of NAME_STARTS' keys, to pass by most words, which begin no name, without a lookup. */
const NAME_START_HASHES = new HashBits();
for (const hash of NAME_STARTS.keys()) NAME_START_HASHES.add(hash);

/** The name start of `word` after `before` (null: `word` is a first word), given the hash of its key. */
function nameStart(hash: number, before: NameStart | null, word: string): NameStart | undefined {
  if (!NAME_START_HASHES.has(hash)) return undefined;
  const starts = NAME_STARTS.get(hash);
  if (starts) for (const s of starts) if (s.before === before && s.word === word) return s;
  return undefined;
}

/** nameStart() of the word from `start` to `end` of `text`, which has no quote to straighten: no string is made. */
function nameStartIn(hash: number, before: NameStart | null, text: string, start: number, end: number): NameStart | undefined {
  if (!NAME_START_HASHES.has(hash)) return undefined;
  const starts = NAME_STARTS.get(hash);
  if (starts) for (const s of starts) if (s.before === before && s.word.length === end - start && text.startsWith(s.word, start)) return s;
  return undefined;
}

/**
 * Each first word of a name by its letters before its first ".", "'" or "-", hashed, and then that character (0 when
 * there is none): "Iraq" as ("Iraq", 0), "U.S." as ("U", "."). A capitalised word without a hyphen whose word as cut()
 * gives it can be none of these begins no name, and is passed by without a lookup.
 */
const LEADING_LETTERS = new HashBits();
for (const key of TABLE.keys()) {
  let hash = 0;
  let k = 0;
  for (; k < key.length && !/[ .'-]/.test(key[k]!); k++) hash = hashStep(hash, key.charCodeAt(k));
  LEADING_LETTERS.add(hashStep(hash, k < key.length && key[k] !== " " ? key.charCodeAt(k) : 0));
}

/**
 * Words before a country word that make it name something else ("Latin American", "New Mexico", "Gulf of Thailand"),
 * matched where the country word starts (set `lastIndex`): the look-behind reads back from there only.
 */
const NOT_A_COUNTRY = /(?<=(?:^|\s)(?:Latin|Central|South|North|Native|African|Asian|Pan|New|Papua)[ -]|(?:Gulf|Sea|Bay|Straits?|Lake|Isle) of (?:the )?)/y;
/** The letters NOT_A_COUNTRY's words end with, before the space: a word ending with another is none of them. */
const NOT_A_COUNTRY_LAST_LETTERS = "nlhewaf";

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
/** The class of every code unit (0: not part of a word), a table read once per character. */
const CLASS_OF_CODE = new Uint8Array(0x10000);
CLASS_OF_CODE.set(CLASS);
CLASS_OF_CODE.fill(WORD_CHAR, 0x300, 0x370);
CLASS_OF_CODE[0x2019] = CLASS_OF_CODE[0x2018] = PUNCT;
/** The class of any code unit (0: not part of a word). */
const classOf = (c: number) => CLASS_OF_CODE[c]!;
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

/** The next word of a name as nameAfter() finds it. */
interface NextWord {
  /** The name's words so far, this one last. */
  name: NameStart;
  /** Where the word ends. */
  end: number;
  /** Where its run of word characters ends, past a part of it cut off. */
  runEnd: number;
  /** True when the name has to stop at this word: a hyphenated word split into parts ends a name at its first part. */
  last: boolean;
}

/**
 * The word after `end` past some spaces (its first part when it has to be cut) when it continues the name's words
 * `before`. Null when no word follows the spaces, or when the words so far and it begin no name.
 */
function nameAfter(text: string, end: number, before: NameStart): NextWord | null {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === end || i === text.length) return null;
  const start = i;
  let punct = false;
  let hash = hashStep(before.hash, 0x20);
  for (let code, k; i < text.length && (k = classOf((code = text.charCodeAt(i)))) !== 0; i++) {
    if (k === PUNCT) punct = true;
    hash = hashStep(hash, code);
  }
  if (i === start) return null;
  if (!punct) {
    const name = nameStartIn(hash, before, text, start, i);
    return name ? { name, end: i, runEnd: i, last: false } : null;
  }
  const run = straighten(text.slice(start, i));
  const word = cut(run)[0];
  if (!word) return null;
  const name = nameStart(hashOf(hashStep(before.hash, 0x20), word.text), before, word.text);
  return name ? { name, end: start + word.end, runEnd: i, last: word.end < run.length && run[word.end] === "-" } : null;
}

/**
 * The longest name at `from` in `text` whose first word is `first`, which ends at `wordEnd`: with `extend`, the words
 * after it are added one by one while the words so far begin some name. Adds the name's mention to `out` unless the
 * words around it make it something else, and returns where the name ends, or -1 when there is none.
 */
function nameAt(text: string, from: number, first: NameStart, wordEnd: number, extend: boolean, out: CountryMention[]): number {
  let name = first.code === null ? null : first;
  let nameEnd = wordEnd;
  if (extend) {
    for (let w = nameAfter(text, wordEnd, first); w; w = w.last ? null : nameAfter(text, w.runEnd, w.name)) {
      if (w.name.code !== null) {
        name = w.name;
        nameEnd = w.end;
      }
    }
  }
  if (name === null) return -1;
  // NOT_A_COUNTRY has no quotes: the text need not be straightened for it.
  NOT_A_COUNTRY.lastIndex = from;
  const notACountry = from > 1 && text.charCodeAt(from - 1) === 0x20 && NOT_A_COUNTRY_LAST_LETTERS.includes(text[from - 2]!) && NOT_A_COUNTRY.test(text) && !/^(?:Korea|Sudan|Africa|Macedonia)/.test(name.key);
  if (!notACountry && !text.startsWith(" Ocean", nameEnd)) out.push({ code: name.code!, start: from, end: nameEnd });
  return nameEnd;
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
    // The word's letters before its first ".", "'" or "-", hashed, and that character (straightened).
    let leading = text.charCodeAt(start);
    let firstPunct = 0;
    let hyphen = false;
    let quote = false;
    while (++i < n) {
      const code = text.charCodeAt(i);
      const k = classOf(code);
      if (k === 0) break;
      if (k === PUNCT) {
        const isQuote = code === 0x2019 || code === 0x2018;
        if (isQuote) quote = true;
        else if (code === 0x2d) hyphen = true;
        if (firstPunct === 0) firstPunct = isQuote ? 0x27 : code;
      } else if (firstPunct === 0) leading = hashStep(leading, code);
    }
    if (start < skipUntil) continue;
    // Without a hyphen, the word gives at most one word to look up: those letters alone ("Iraq's", "Iraq."), or those
    // letters, that character and more ("U.S."). See LEADING_LETTERS.
    if (!hyphen && !LEADING_LETTERS.has(hashStep(leading, 0)) && !(firstPunct !== 0 && LEADING_LETTERS.has(hashStep(leading, firstPunct)))) continue;
    const punct = firstPunct !== 0;
    if (!punct) {
      // Most capitalised words are plain letters, and most begin no name.
      const first = nameStartIn(leading, null, text, start, i);
      if (first === undefined) continue;
      const end = nameAt(text, start, first, i, true, out);
      if (end >= 0) skipUntil = end;
      continue;
    }
    const run = quote ? straighten(text.slice(start, i)) : text.slice(start, i);
    for (const t of cut(run)) {
      const from = start + t.start;
      if (from < skipUntil) continue;
      const first = nameStart(hashOf(0, t.text), null, t.text);
      if (first === undefined) continue;
      const end = nameAt(text, from, first, start + t.end, t.end === run.length, out);
      if (end >= 0) skipUntil = end;
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
