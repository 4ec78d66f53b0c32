// Reference: the regex-driven country finder src/extract/countries.ts replaced, for property tests.
import countries from "i18n-iso-countries";
import enLocale from "i18n-iso-countries/langs/en.json" with { type: "json" };
import worldCountriesData, { type Country } from "world-countries";
import { ALIASES, AMBIGUOUS, PREFERRED_NAMES } from "../../../src/extract/data/countries.ts";
import { allMatches } from "../../../src/extract/matches.ts";

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

/** A word as countries are read: letters, digits, and the ".", "'" and "-" of abbreviations and compounds. */
const WORD = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f0-9.'’-]+/g;

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Words of a text with their offsets. Trailing periods are dropped except in abbreviations ("U.S."), possessives
 * are dropped ("Iraq’s"), and a hyphenated word is split ("U.S.-ROK") unless the whole is a name ("Guinea-Bissau").
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(WORD, text)) {
    let word = m[0];
    // Fast path: most words are plain letters.
    if (!/[.'’-]/.test(word)) {
      out.push({ text: word, start: m.index, end: m.index + word.length });
      continue;
    }
    word = word.replace(/['’]s$/, "");
    if (!/^(?:[A-ZÀ-ÖØ-ÞĀ-ſ]\.)+$/.test(word)) word = word.replace(/\.+$/, "");
    if (word.includes("-") && !TABLE.has(word)) {
      let offset = m.index;
      for (const part of word.split("-")) {
        if (part) out.push({ text: /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ]\.)+$/.test(part) ? part : part.replace(/\.+$/, ""), start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
    } else if (word) out.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return out;
}

/** A capitalised word: only these can start a country's name. */
const CAPITALISED = /[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f0-9.'’-]*/g;
/** The next word after some spaces, read in place (sticky), so the text is never split into words as a whole. */
const NEXT_WORD = /\s+([A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f0-9.'’-]+)/y;

/** The words that follow `end` in `text`, one at a time, as tokens() would cut them. */
function* wordsAfter(text: string, end: number): Generator<Token> {
  for (;;) {
    NEXT_WORD.lastIndex = end;
    const m = NEXT_WORD.exec(text);
    if (!m) return;
    const at = m.index + m[0].length - m[1]!.length;
    const word = /[.'’-]/.test(m[1]!) ? tokens(m[1]!)[0] : { text: m[1]!, start: 0, end: m[1]!.length };
    if (!word) return;
    yield { text: word.text, start: at + word.start, end: at + word.end };
    // A hyphenated word split into parts ends the name at its first part.
    if (word.end < m[1]!.length && m[1]![word.end] === "-") return;
    end = m.index + m[0].length;
  }
}

/** Every country mention in `text`, in order: the longest name starting at each capitalised word wins. */
export function findCountries(text: string): CountryMention[] {
  const plain = straighten(text);
  const out: CountryMention[] = [];
  let skipUntil = 0;
  for (const m of allMatches(CAPITALISED, plain)) {
    if (m.index < skipUntil) continue;
    const parts = /[.'’-]/.test(m[0]) ? tokens(m[0]) : [{ text: m[0], start: 0, end: m[0].length }];
    for (const t of parts) {
      const from = m.index + t.start;
      if (from < skipUntil || !PREFIXES.has(t.text)) continue;
      // Extend word by word while the words so far begin some name; keep the longest full name.
      let key = t.text;
      let best: { name: string; end: number } | null = TABLE.has(key) ? { name: key, end: m.index + t.end } : null;
      if (m.index + t.end === m.index + m[0].length) {
        for (const w of wordsAfter(plain, m.index + m[0].length)) {
          key = `${key} ${w.text}`;
          if (!PREFIXES.has(key)) break;
          if (TABLE.has(key)) best = { name: key, end: w.end };
        }
      }
      if (!best) continue;
      const before = from > 0 && plain[from - 1] === " " ? plain.slice(Math.max(0, from - 16), from) : "";
      if (!(before && NOT_A_COUNTRY.test(before) && !/^(?:Korea|Sudan|Africa|Macedonia)/.test(best.name)) && !plain.startsWith(" Ocean", best.end)) {
        out.push({ code: TABLE.get(best.name)!, start: from, end: best.end });
      }
      skipUntil = best.end;
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
