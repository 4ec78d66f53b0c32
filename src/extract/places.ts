// Places a statement names: cities written "City, Country", capitals, and the place lines of its header.
import worldCountriesData, { type Country } from "world-countries";
import { countryCode } from "./countries.ts";
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

/** Places in the header's place lines and in the text: "Seoul, Republic of Korea", "in Busan, Korea", "in Geneva". */
export function findPlaces(locationLines: string[], paragraphs: string[]): string[] {
  const found: string[] = [];
  for (const line of locationLines) {
    const city = cityOf(line);
    if (city) found.push(city);
  }
  for (const p of paragraphs) {
    for (const m of p.matchAll(/\b(Washington,?\s*D\.?C\.?)(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f])/g)) found.push("Washington, DC");
    for (const m of p.matchAll(/\b(?:in|to|from|at|near|visit(?:ed|s)?)\s+((?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+\s?){1,3}),\s+((?:the\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*\s?){1,4})/g)) {
      const name = m[1]!.trim();
      const where = m[2]!.trim().replace(/\s*\(.*$/, "");
      const code = countryCode(where) ?? countryCode(where.split(/\s+/).slice(0, 3).join(" ")) ?? countryCode(where.split(/\s+/)[0]!);
      if (code && name.split(/\s+/).every(isPlaceWord) && !countryCode(name)) found.push(name);
    }
    for (const m of p.matchAll(/\b(?:in|to|from|at|visit(?:ed|s)?)\s+((?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+\s?){1,2})/g)) {
      const name = m[1]!.trim();
      if (CAPITALS.has(name)) found.push(name);
    }
  }
  return [...new Set(found)];
}
