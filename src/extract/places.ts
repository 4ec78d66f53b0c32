// Places a statement names: cities written "City, Country", capitals, and the place lines of its header.
import worldCountriesData, { type Country } from "world-countries";
import { countryCode } from "./countries.ts";
import { allMatches } from "./matches.ts";
import { GEOGRAPHIC_WORDS, ORGANISATION_WORDS, TITLE_WORDS } from "./vocabulary.ts";

const worldCountries = worldCountriesData as unknown as Country[];
/** Capital cities, which are places whenever they are named. */
const CAPITALS = new Set(worldCountries.flatMap((c) => c.capital ?? []).filter((c) => c.length > 3 && !countryCode(c)));
/** The U.S. capital's many spellings, written one way. */
const WASHINGTON = /^Washington,?\s*(?:DC|D\.C\.?)$/;

const isPlaceWord = (w: string) => /^[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]*$/.test(w) && !TITLE_WORDS.has(w.toLowerCase()) && !ORGANISATION_WORDS.has(w.toLowerCase()) && !GEOGRAPHIC_WORDS.has(w.toLowerCase());

/** The city in "City, Country" or "City, DC", or null. */
function cityOf(text: string): string | null {
  const t = text.trim();
  if (WASHINGTON.test(t)) return "Washington, DC";
  const m = /^(.+?),\s*(.+)$/.exec(t);
  if (!m) return CAPITALS.has(t) ? t : null;
  return m[1]!.split(/\s+/).every(isPlaceWord) && (countryCode(m[2]!) || /^[A-Z]{2}$|^[A-Z]\.[A-Z]\.$/.test(m[2]!)) ? m[1]! : null;
}

/** "in Seoul, " right before a country mention: the city is the capitalised words after the preposition. */
const CITY_BEFORE = /\b(?:in|to|from|at|near|visit(?:ed|s)?)\s+((?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+\s){0,2}[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+),\s+(?:the\s+)?$/;
/** How CITY_BEFORE ends: a comma and spaces, perhaps "the", right before the mention. */
const ENDS_AFTER_COMMA = /,\s+(?:the\s+)?$/;
const AFTER_PREPOSITION = /\b(?:in|to|from|at|visit(?:ed|s)?)\s+((?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+\s?){1,2})/g;
const WASHINGTON_DC = /\bWashington,?\s*D\.?C\b/;

/**
 * Places in the header's place lines and in the text: a city written before a country ("in Seoul, Republic of
 * Korea", "in Busan, Korea"; `mentions[i]` are the country mentions of `paragraphs[i]`), Washington, DC, and
 * capital cities after a preposition ("in Geneva" is not a capital; "in Kyiv" is).
 */
export function findPlaces(locationLines: string[], paragraphs: string[], mentions: { start: number }[][]): string[] {
  const found: string[] = [];
  for (const line of locationLines) {
    const city = cityOf(line);
    if (city) found.push(city);
  }
  paragraphs.forEach((p, i) => {
    if (p.includes("Washington") && WASHINGTON_DC.test(p)) found.push("Washington, DC");
    for (const m of mentions[i] ?? []) {
      const before = p.slice(Math.max(0, m.start - 60), m.start);
      // Most mentions follow no comma: ENDS_AFTER_COMMA (which starts with a plain ",", found fast) rules them out
      // before CITY_BEFORE, whose leading alternatives are tried at every character.
      const city = ENDS_AFTER_COMMA.test(before) ? CITY_BEFORE.exec(before)?.[1] : undefined;
      if (city && city.split(/\s+/).every(isPlaceWord) && !countryCode(city)) found.push(city);
    }
    for (const m of allMatches(AFTER_PREPOSITION, p)) {
      const name = m[1]!.trim();
      if (CAPITALS.has(name)) found.push(name);
    }
  });
  return [...new Set(found)];
}
