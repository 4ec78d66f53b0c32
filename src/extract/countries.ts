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
    if (!AMBIGUOUS.has(name) && !/[,()]/.test(name) && !table.has(key)) table.set(key, code);
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
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One alternation, longest names first, so "Papua New Guinea" wins over "Guinea" and "South Sudan" over "Sudan". */
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${[...TABLE.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join("|")})(?![\\p{L}\\p{N}]|\\.\\p{L}| Ocean)`,
  "gu",
);
/** Phrases where a country word names something else ("Latin American", "New Mexico", "Atlanta, Georgia"). */
const NOT_A_COUNTRY = /(?:Latin|Central|South|North|Native|African|Asian|Pan)[ -]$|New $|Papua $|(?:Gulf|Sea|Bay|Straits?|Lake|Isle) of (?:the )?$/;

/** A country found in text: its code and where the mention starts and ends. */
export interface CountryMention {
  code: string;
  start: number;
  end: number;
}

/** Every country mention in `text`, in order. */
export function findCountries(text: string): CountryMention[] {
  const plain = straighten(text);
  const out: CountryMention[] = [];
  for (const m of plain.matchAll(PATTERN)) {
    const before = plain.slice(Math.max(0, m.index - 16), m.index);
    if (NOT_A_COUNTRY.test(before) && !/^(?:Korea|Sudan|Africa|Macedonia)/.test(m[0])) continue;
    out.push({ code: TABLE.get(m[0])!, start: m.index, end: m.index + m[0].length });
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
