// The chart filters — timeline of a list of releases, a year's months, the world map, a calendar's legend — each computed once per build, and their Eleventy plugin.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { CalendarDay } from "../calendar.ts";
import type { ArchiveMonth, ListedRelease, SiteIndex } from "../collections.ts";
import { buildContextOf } from "../build-context.ts";
import { countryCounts } from "./country-counts.ts";
import { legend, type LegendEntry } from "./palette.ts";
import { worldMap, type WorldMap } from "./map.ts";
import { monthCounts, timeline, timelineSvg, yearTimeline, type Timeline } from "./timeline.ts";

/** A timeline ready for its partial: the data (for the text alternative) and the SVG. */
export interface TimelineChart {
  chart: Timeline;
  svg: string;
}

/** The id of the caption naming a page's timeline (a page shows at most one). */
export const TIMELINE_TITLE_ID = "timeline-title";
/** The id of the caption naming the world map (a page shows at most one). */
export const MAP_TITLE_ID = "map-title";

/**
 * The chart filters: `timeline` (a list of releases, newest first: the whole archive or one facet value's),
 * `yearTimeline` (a year's months), `worldMap` (the site index) and `calendarLegend` (a month's heat-map calendar).
 * Results are remembered per list for the build: a value's chart costs one pass over its own releases, whatever the
 * number of pages that show it, and the map is drawn once.
 */
export function chartFilters(href: (path: string) => string): Record<string, (...args: never[]) => unknown> {
  const timelines = new WeakMap<object, TimelineChart>();
  const maps = new WeakMap<object, WorldMap>();
  const legends = new WeakMap<object, LegendEntry[]>();
  const remember = <K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make()));
    return value;
  };
  const chartOf = (chart: Timeline): TimelineChart => ({ chart, svg: timelineSvg(chart, href, TIMELINE_TITLE_ID) });
  return {
    timeline: (releases: readonly ListedRelease[]) => remember(timelines, releases, () => chartOf(timeline(monthCounts(releases.map((r) => r.data.date))))),
    yearTimeline: (months: readonly ArchiveMonth[]) =>
      remember(timelines, months, () => chartOf(yearTimeline(months[0]?.year ?? "", new Map(months.map((m) => [`${m.year}-${m.month}`, m.count]))))),
    calendarLegend: (weeks: (CalendarDay | null)[][]) => remember(legends, weeks, () => legend(weeks.flat().map((d) => d?.count ?? 0))),
    worldMap: (index: SiteIndex) => remember(maps, index, () => worldMap(countryCounts(index), href, MAP_TITLE_ID)),
  };
}

/** Adds the build's {@link chartFilters} (src/site/build-context.ts) for Eleventy's pages (home, archive). */
export default function chartsPlugin(eleventyConfig: UserConfig): void {
  for (const [name, filter] of Object.entries(buildContextOf(eleventyConfig).charts)) eleventyConfig.addFilter(name, filter);
}
