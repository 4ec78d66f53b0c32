// A world map of the countries releases concern: Natural Earth shapes (world-atlas) projected once with d3-geo, shaded by count.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoEqualEarth, geoPath, type GeoContext } from "d3-geo";
import countries from "i18n-iso-countries";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { packageVersion } from "../package-version.ts";
import { readJsonFile, writeFileAtomicSync } from "../site-files.ts";
import { bucket, legend, PALETTE, type LegendEntry } from "./palette.ts";
import { escapeXml, type Href } from "./svg.ts";

/** Natural Earth at 1:50m: it still draws small states releases often concern (Singapore, Bahrain, Malta). */
const ATLAS = "world-atlas/countries-50m.json";
/** Width of the map in SVG user units; it scales to its container through its viewBox. */
export const MAP_WIDTH = 960;
/** Antarctica (ISO 010) takes a sixth of the height and no release concerns it; it is left off the drawing. */
const LEFT_OFF = new Set(["010"]);
/** Shapes the atlas gives no ISO numeric code, named by the code the archive uses for them. */
const NAMED_CODES: Record<string, string> = { Kosovo: "XK" };
/** A shape smaller than this (in square user units) is drawn as a dot, so it can be seen and clicked. */
const MIN_AREA = 8;
const DOT_RADIUS = 3;

/** One drawable country: its ISO alpha-2 code (null for shapes without one), the atlas's name and its outline. */
export interface MapShape {
  code: string | null;
  name: string;
  /** SVG path data, or null when the country is drawn as a dot. */
  d: string | null;
  dot: { x: number; y: number } | null;
}

/** The projected world: every shape, the outline of the globe and the drawing's height. */
export interface MapGeometry {
  shapes: MapShape[];
  sphere: string;
  width: number;
  height: number;
}

/** A shape's path data, the area its rings enclose and the middle of its bounding box, in rounded user units. */
interface Traced {
  d: string;
  area: number;
  middle: { x: number; y: number };
}

/**
 * A d3-geo path context that writes compact SVG path data: coordinates rounded to whole units, relative moves,
 * and points that round onto the previous one dropped (at this scale that is the simplification the map needs).
 * It also sums each ring's area (shoelace) and the bounds, so no second pass over the shape is needed.
 */
class CompactPath implements GeoContext {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private ringArea = 0;
  private area = 0;
  private bounds = [Infinity, Infinity, -Infinity, -Infinity];
  private point(x: number, y: number): void {
    const b = this.bounds;
    [b[0], b[1], b[2], b[3]] = [Math.min(b[0]!, x), Math.min(b[1]!, y), Math.max(b[2]!, x), Math.max(b[3]!, y)];
  }
  moveTo(px: number, py: number): void {
    const [x, y] = [Math.round(px), Math.round(py)];
    this.parts.push(`M${x} ${y}`);
    [this.x, this.y, this.startX, this.startY] = [x, y, x, y];
    this.ringArea = 0;
    this.point(x, y);
  }
  lineTo(px: number, py: number): void {
    const [x, y] = [Math.round(px), Math.round(py)];
    if (x === this.x && y === this.y) return;
    const dy = y - this.y;
    this.parts.push(`l${x - this.x}${dy < 0 ? "" : " "}${dy}`);
    this.ringArea += this.x * y - x * this.y;
    [this.x, this.y] = [x, y];
    this.point(x, y);
  }
  closePath(): void {
    this.parts.push("z");
    this.ringArea += this.x * this.startY - this.startX * this.y;
    this.area += Math.abs(this.ringArea) / 2;
    [this.x, this.y] = [this.startX, this.startY];
  }
  arc(): void {
    // Only called for Point geometries, which a countries file has none of.
  }
  beginPath(): void {
    // Each ring starts with moveTo; nothing to do.
  }
  /** What was traced since the last call; the context is then ready for the next shape. */
  result(): Traced {
    // A ring that collapsed to one point draws nothing: drop its "M x yz".
    const d = this.parts.join("").replace(/M-?\d+ -?\d+z/g, "");
    const [x0, y0, x1, y1] = this.bounds as [number, number, number, number];
    const traced = { d, area: this.area, middle: { x: Math.round((x0 + x1) / 2), y: Math.round((y0 + y1) / 2) } };
    [this.parts, this.area, this.bounds] = [[], 0, [Infinity, Infinity, -Infinity, -Infinity]];
    return traced;
  }
}

/** Projects the atlas (Equal Earth, fitted to {@link MAP_WIDTH}) into drawable shapes; {@link mapGeometry} keeps the result. */
export function projectWorld(): MapGeometry {
  const topology = JSON.parse(readFileSync(createRequire(import.meta.url).resolve(ATLAS), "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = all.features.filter((f) => !LEFT_OFF.has(String(f.id)));
  // Fitted to the globe's outline, not to the shapes: cheaper, and the same frame whatever the atlas holds.
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: "Sphere" });
  const context = new CompactPath();
  const draw = geoPath(projection, context);
  const shapes: MapShape[] = features.map((f: Feature<Geometry, { name: string }>) => {
    const name = f.properties.name;
    const code = (f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined) ?? NAMED_CODES[name] ?? null;
    draw(f);
    const { d, area, middle } = context.result();
    return area >= MIN_AREA && d ? { code, name, d, dot: null } : { code, name, d: null, dot: middle };
  });
  draw({ type: "Sphere" });
  const sphere = context.result();
  return { shapes, sphere: sphere.d, width: MAP_WIDTH, height: 2 * sphere.middle.y };
}

let geometry: MapGeometry | undefined;

/** The projected world, computed once per process (or taken from the build's cache, see {@link loadMapGeometry}): the atlas never changes, only the shading does. */
export function mapGeometry(): MapGeometry {
  return (geometry ??= projectWorld());
}

/** The projected world kept between builds in the build's cache folder (`<output>.cache/`). */
export const MAP_CACHE_FILE = "map-geometry.json";

/**
 * Sets the world {@link mapGeometry} gives from `cache` when it was projected there from the same atlas by the same
 * code (this file, d3-geo, topojson-client, i18n-iso-countries), else projects it and keeps it there: projecting took
 * about 0.3 s of every build. The render thread calls it while ingest runs (src/cli/render-worker.ts).
 */
export function loadMapGeometry(cache: string): void {
  const file = join(cache, MAP_CACHE_FILE);
  const hash = createHash("sha256").update(readFileSync(createRequire(import.meta.url).resolve(ATLAS))).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const pkg of ["d3-geo", "topojson-client", "i18n-iso-countries"]) hash.update(`${pkg}@${packageVersion(pkg)}\n`);
  const key = hash.digest("base64url");
  // Missing, damaged or of another key: projected again.
  const kept = readJsonFile(file) as { key?: unknown; geometry?: MapGeometry } | null | undefined;
  if (kept?.key === key && kept.geometry && Array.isArray(kept.geometry.shapes)) {
    geometry = kept.geometry;
    return;
  }
  geometry = projectWorld();
  writeFileAtomicSync(file, JSON.stringify({ key, geometry }));
}

/** A country in the archive: its code, name, page and number of releases. */
export interface CountryCount {
  /** ISO 3166-1 alpha-2 (or `EU`). */
  code: string;
  label: string;
  url: string;
  count: number;
}

/** The map of an archive: its SVG, the countries sorted by count (its text alternative), its legend, and who is not drawn. */
export interface WorldMap {
  svg: string;
  /** Most releases first, then by name. */
  rows: CountryCount[];
  legend: LegendEntry[];
  /** Countries of the archive that have no shape on the map (the EU; states too small for the atlas). */
  notDrawn: CountryCount[];
}

const plural = (n: number) => `${n.toLocaleString("en-US")} release${n === 1 ? "" : "s"}`;
const collator = new Intl.Collator("en", { sensitivity: "base" });
const NEUTRAL = "#d5d9de";

/**
 * Shades each country by its number of releases (palette buckets q1…q6 on a log scale; countries absent from the
 * archive neutral), each shaded one a link to its country page titled with name and count. `labelledBy` is the id
 * of the element naming the map.
 */
export function worldMap(archive: readonly CountryCount[], href: Href, labelledBy: string): WorldMap {
  const geo = mapGeometry();
  const byCode = new Map(archive.map((c) => [c.code, c]));
  const max = archive.reduce((m, c) => Math.max(m, c.count), 0);
  const drawn = new Set<string>();
  const out: string[] = [];
  out.push(`<svg class="map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${geo.width} ${geo.height}" role="group" aria-labelledby="${escapeXml(labelledBy)}">`);
  out.push(`<path class="map__sphere" d="${geo.sphere}" fill="#eef1f4"/>`);
  for (const shape of geo.shapes) {
    const entry = shape.code ? byCode.get(shape.code) : undefined;
    const outline = shape.d !== null ? `d="${shape.d}"` : null;
    if (entry && entry.count > 0) {
      drawn.add(entry.code);
      const level = bucket(entry.count, max);
      const title = escapeXml(`${entry.label}: ${plural(entry.count)}`);
      const fill = PALETTE.light[level - 1]!.fill;
      const body = outline ? `<path class="q${level}" ${outline} fill="${fill}"/>` : `<circle class="q${level} map__dot" cx="${shape.dot!.x}" cy="${shape.dot!.y}" r="${DOT_RADIUS}" fill="${fill}"/>`;
      out.push(`<a href="${escapeXml(href(entry.url))}"><title>${title}</title>${body}</a>`);
    } else if (outline) {
      // Not in the archive: neutral, not the palette's lightest shade, and no link (there is no page to go to).
      out.push(`<path class="map__none" ${outline} fill="${NEUTRAL}"><title>${escapeXml(shape.name)}: no releases</title></path>`);
    }
  }
  out.push(`</svg>`);
  const rows = archive.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || collator.compare(a.label, b.label) || (a.code < b.code ? -1 : 1));
  return { svg: out.join("\n"), rows, legend: legend(rows.map((r) => r.count)), notDrawn: rows.filter((r) => !drawn.has(r.code)) };
}
