// The archive's countries as the world map counts them: for the chart filters and the page digests alike, without loading the map's code.
import type { SiteIndex } from "../collections.ts";
import type { CountryCount } from "./map.ts";

/** The archive's countries (the country facet's values) as the map counts them. */
export function countryCounts(index: Pick<SiteIndex, "facets">): CountryCount[] {
  return index.facets.country.map((v) => ({ code: v.detail ?? v.key.toUpperCase(), label: v.label, url: v.url, count: v.count }));
}
