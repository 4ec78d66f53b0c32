// Releases per month (or per year over long spans) as a bar chart in static SVG, each bar a link to its archive page.
import { monthLabel } from "../filters.ts";
import { escapeXml, type Href } from "./svg.ts";

/** A list spanning more months than this is charted per year: past three years monthly bars get too thin to read. */
export const MONTHLY_SPAN_LIMIT = 36;

/** One bar: a month (`2021-06`) or a year (`2021`), its count, and the archive page it links to (none when empty). */
export interface TimelineBin {
  key: string;
  /** `June 2021` or `2021`. */
  label: string;
  count: number;
  /** Site path of the period's archive page, or null when the period has no release. */
  url: string | null;
}

/** A chart's data: its bins in date order, oldest first, empty periods included. */
export interface Timeline {
  unit: "month" | "year";
  /** What the chart shows: `Releases per year, 2014 to 2021`. */
  caption: string;
  bins: TimelineBin[];
  max: number;
  total: number;
}

/** Counts of a list of `YYYY-MM-DD` dates by month (`YYYY-MM`), in one pass. */
export function monthCounts(dates: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const date of dates) {
    const key = date.slice(0, 7);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
const monthKey = (index: number) => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;

function monthBin(key: string, count: number): TimelineBin {
  const [y, m] = [key.slice(0, 4), key.slice(5, 7)];
  return { key, label: monthLabel(y, m), count, url: count > 0 ? `/archive/${y}/${m}/` : null };
}

function finish(unit: Timeline["unit"], caption: string, bins: TimelineBin[]): Timeline {
  let max = 0;
  let total = 0;
  for (const b of bins) {
    max = Math.max(max, b.count);
    total += b.count;
  }
  return { unit, caption, bins, max, total };
}

/**
 * The chart of a list of releases, from its counts by month: one bar a month from its first month to its last when
 * they span at most {@link MONTHLY_SPAN_LIMIT} months, else one bar a year from its first year to its last.
 */
export function timeline(counts: ReadonlyMap<string, number>): Timeline {
  const keys = [...counts.keys()].filter((k) => (counts.get(k) ?? 0) > 0).sort();
  if (keys.length === 0) return finish("month", "Releases per month", []);
  const first = monthIndex(keys[0]!);
  const last = monthIndex(keys[keys.length - 1]!);
  if (last - first + 1 <= MONTHLY_SPAN_LIMIT) {
    const bins: TimelineBin[] = [];
    for (let i = first; i <= last; i++) bins.push(monthBin(monthKey(i), counts.get(monthKey(i)) ?? 0));
    const span = bins.length === 1 ? bins[0]!.label : `${bins[0]!.label} to ${bins[bins.length - 1]!.label}`;
    return finish("month", `Releases per month, ${span}`, bins);
  }
  const years = new Map<number, number>();
  for (const key of keys) years.set(Number(key.slice(0, 4)), (years.get(Number(key.slice(0, 4))) ?? 0) + counts.get(key)!);
  const bins: TimelineBin[] = [];
  const [y0, y1] = [Math.floor(first / 12), Math.floor(last / 12)];
  for (let y = y0; y <= y1; y++) {
    const count = years.get(y) ?? 0;
    const key = String(y).padStart(4, "0");
    bins.push({ key, label: key, count, url: count > 0 ? `/archive/${key}/` : null });
  }
  return finish("year", `Releases per year, ${y0} to ${y1}`, bins);
}

/** A year's chart: one bar for each of its twelve months. `counts` maps `YYYY-MM` to a count (other years ignored). */
export function yearTimeline(year: string, counts: ReadonlyMap<string, number>): Timeline {
  const bins: TimelineBin[] = [];
  for (let m = 1; m <= 12; m++) {
    const key = `${year}-${String(m).padStart(2, "0")}`;
    bins.push(monthBin(key, counts.get(key) ?? 0));
  }
  return finish("month", `Releases per month in ${year}`, bins);
}

const MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Plot geometry, in SVG user units (CSS pixels: the chart is drawn at its natural size and scrolls when wider). */
const PLOT_HEIGHT = 120;
const TOP = 14;
const BOTTOM = 20;
const LEFT = 36;
const RIGHT = 6;
/** Width a bar's slot aims to share: a short chart gets wide bars, a long one thin bars (never under 12 px). */
const TARGET_WIDTH = 600;
/** Room an axis label needs, so labels never overlap. */
const LABEL_WIDTH = 32;

const plural = (n: number) => `${n.toLocaleString("en-US")} release${n === 1 ? "" : "s"}`;

/**
 * The chart as SVG: a bar for each bin (a link to its archive page with its label and count as title), the
 * largest count and zero on the y axis, and period labels that never overlap. `labelledBy` is the id of the
 * element naming the chart (its figure caption). Integer coordinates only, so output is byte-stable.
 */
export function timelineSvg(chart: Timeline, href: Href, labelledBy: string): string {
  const n = Math.max(1, chart.bins.length);
  const slot = Math.max(12, Math.min(32, Math.floor(TARGET_WIDTH / n)));
  const gap = Math.max(2, Math.round(slot / 5));
  const width = LEFT + n * slot + RIGHT;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const base = TOP + PLOT_HEIGHT;
  const max = Math.max(1, chart.max);
  const out: string[] = [];
  out.push(`<svg class="timeline__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${escapeXml(labelledBy)}">`);
  // Axis and gridline: decoration for sighted readers; the figure's table says the same in text.
  out.push(`<g class="timeline__axis" aria-hidden="true">`);
  out.push(`<line class="timeline__grid" x1="${LEFT}" x2="${width - RIGHT}" y1="${TOP}" y2="${TOP}" stroke="#d0d7de"/>`);
  out.push(`<line class="timeline__base" x1="${LEFT}" x2="${width - RIGHT}" y1="${base}" y2="${base}" stroke="#57606a"/>`);
  out.push(`<text class="timeline__tick" x="${LEFT - 4}" y="${TOP + 4}" text-anchor="end">${chart.max.toLocaleString("en-US")}</text>`);
  out.push(`<text class="timeline__tick" x="${LEFT - 4}" y="${base}" text-anchor="end">0</text>`);
  const every = Math.ceil(LABEL_WIDTH / slot);
  const monthNames = chart.unit === "month" && slot >= 28;
  let lastLabel = -Infinity;
  chart.bins.forEach((bin, i) => {
    const x = LEFT + i * slot + Math.floor(slot / 2);
    let text: string | null = null;
    if (chart.unit === "year") text = i % every === 0 ? bin.key : null;
    else if (monthNames) text = MONTH_ABBR[Number(bin.key.slice(5, 7)) - 1]!;
    // Narrow months: the year at each January (and at the first bar), when there is room.
    else if (i === 0 || bin.key.endsWith("-01")) text = bin.key.slice(0, 4);
    if (text === null || x - lastLabel < LABEL_WIDTH) return;
    lastLabel = x;
    out.push(`<text class="timeline__tick" x="${x}" y="${height - 5}" text-anchor="middle">${text}</text>`);
  });
  out.push(`</g>`);
  chart.bins.forEach((bin, i) => {
    if (!bin.url || bin.count === 0) return;
    const h = Math.max(2, Math.round((PLOT_HEIGHT * bin.count) / max));
    const x = LEFT + i * slot + Math.floor(gap / 2);
    const label = escapeXml(`${bin.label}: ${plural(bin.count)}`);
    // The whole column is the link's target, so a one-release bar is as easy to click as the tallest.
    out.push(`<a href="${escapeXml(href(bin.url))}" aria-label="${label}"><title>${label}</title>`);
    out.push(`<rect class="timeline__hit" x="${LEFT + i * slot}" y="${TOP}" width="${slot}" height="${PLOT_HEIGHT}" fill="transparent"/>`);
    out.push(`<rect class="timeline__bar" x="${x}" y="${base - h}" width="${slot - gap}" height="${h}" fill="#0b4fa8"/></a>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}
