// The charts' colour scale: counts to bucket classes (q1…q6) on a log scale, and the viridis steps charts.css gives them.
import { interpolateViridis } from "d3-scale-chromatic";

/** How many shades a count can take (classes `q1` … `q6`); `q0` is no release at all. */
export const STEPS = 6;

/**
 * The bucket (1…{@link STEPS}) of a count among counts up to `max`, on a log scale: archives are skewed (one
 * country in most releases, many in one), and a linear scale would leave all but the largest in the first shade.
 * 1 is always the lightest shade and `max` the darkest; 0 (or less) is bucket 0.
 */
export function bucket(count: number, max: number): number {
  if (count <= 0) return 0;
  if (max <= 1 || count >= max) return STEPS;
  return Math.max(1, Math.ceil((STEPS * Math.log(count)) / Math.log(max)));
}

/** One entry of a legend: a shade and the counts that have it. */
export interface LegendEntry {
  level: number;
  min: number;
  max: number;
  /** `1 release`, `2–4 releases`. */
  label: string;
}

/** The shades the given counts actually take, with the smallest and largest count in each, lightest first. */
export function legend(counts: Iterable<number>): LegendEntry[] {
  const list = [...counts].filter((c) => c > 0);
  const max = list.reduce((a, b) => Math.max(a, b), 0);
  const ranges = new Map<number, { min: number; max: number }>();
  for (const c of list) {
    const level = bucket(c, max);
    const r = ranges.get(level);
    if (!r) ranges.set(level, { min: c, max: c });
    else {
      r.min = Math.min(r.min, c);
      r.max = Math.max(r.max, c);
    }
  }
  return [...ranges.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, r]) => ({ level, ...r, label: r.min === r.max ? `${r.min.toLocaleString("en-US")} release${r.min === 1 ? "" : "s"}` : `${r.min.toLocaleString("en-US")}–${r.max.toLocaleString("en-US")} releases` }));
}

/** d3-scale-chromatic's colour as `#rrggbb` (its ramps give hex, its interpolators `rgb(r, g, b)`). */
function hex(color: string): string {
  if (/^#[0-9a-f]{6}$/.test(color)) return color;
  const parts = color.match(/\d+/g);
  if (!parts || parts.length !== 3) throw new Error(`Not a colour: ${color}`);
  return `#${parts.map((p) => Number(p).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Where on viridis (0 = dark purple, 1 = yellow) each shade sits. Light scheme: few releases are light, many are
 * dark; dark scheme: the other way round, so "more" always stands out from the page. The darkest end is skipped
 * in the dark scheme (it would vanish into the background).
 */
const LIGHT_T = [0.95, 0.78, 0.6, 0.42, 0.24, 0.05];
const DARK_T = [0.18, 0.34, 0.5, 0.66, 0.82, 0.98];

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(color: string): number {
  const channel = (i: number) => {
    const v = parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A shade and the text colour (black or white) that reads best on it. */
export interface Shade {
  fill: string;
  text: string;
}

const shade = (t: number): Shade => {
  const fill = hex(interpolateViridis(t));
  return { fill, text: contrast(fill, "#000000") >= contrast(fill, "#ffffff") ? "#000000" : "#ffffff" };
};

/** The shades of q1…q6 in each colour scheme: charts.css holds these values (a test keeps the two equal). */
export const PALETTE: { light: Shade[]; dark: Shade[] } = { light: LIGHT_T.map(shade), dark: DARK_T.map(shade) };
