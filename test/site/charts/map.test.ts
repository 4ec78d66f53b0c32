// The world map: shapes from the atlas with ISO codes, shading and links only for the archive's countries, size and determinism.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadMapGeometry, MAP_CACHE_FILE, mapGeometry, projectWorld, worldMap, type CountryCount } from "../../../src/site/charts/map.ts";
import { countryName } from "../../../src/extract/countries.ts";

const href = (p: string) => p;
const country = (code: string, count: number): CountryCount => ({ code, label: countryName(code), url: `/countries/${code.toLowerCase()}/`, count });

test("projecting the atlas twice gives the same shapes (deterministic)", () => {
  assert.deepEqual(projectWorld(), mapGeometry());
});

test("every shape the atlas gives a code to is a known ISO country; small states are drawn as dots", () => {
  const { shapes, width, height } = mapGeometry();
  assert.equal(width, 960);
  assert.ok(height > 400 && height < 520, `height ${height}`);
  const withCode = shapes.filter((s) => s.code);
  assert.ok(withCode.length >= 230, `${withCode.length} shapes with codes`);
  for (const s of withCode) assert.notEqual(countryName(s.code!), s.code, `${s.name}: ${s.code} has a name`);
  const byCode = new Map(withCode.map((s) => [s.code, s]));
  for (const code of ["US", "KR", "FR", "XK"]) assert.ok(byCode.get(code)?.d, `${code} is drawn as a shape`);
  for (const code of ["SG", "BH", "MT"]) assert.ok(byCode.get(code)?.dot, `${code} is drawn as a dot`);
  assert.ok(shapes.every((s) => (s.d === null) !== (s.dot === null)));
});

test("countries in the archive are shaded links titled with name and count; the others neutral, without links", () => {
  const map = worldMap([country("US", 20), country("KR", 3), country("SG", 1), country("EU", 2)], href, "map-title");
  const links = [...map.svg.matchAll(/<a href="([^"]+)"><title>([^<]+)<\/title><(path|circle) class="(q\d)[^"]*"/g)].map((m) => [m[1], m[2], m[3], m[4]]);
  assert.deepEqual(links.sort(), [
    ["/countries/kr/", "Republic of Korea: 3 releases", "path", "q3"],
    ["/countries/sg/", "Singapore: 1 release", "circle", "q1"],
    ["/countries/us/", "United States: 20 releases", "path", "q6"],
  ]);
  assert.ok(/<path class="map__none" d="[^"]+" fill="#d5d9de"><title>France: no releases<\/title><\/path>/.test(map.svg), "France is neutral");
  assert.doesNotMatch(map.svg, /class="q0/, "no zero shade");
  assert.deepEqual(map.rows.map((r) => [r.code, r.count]), [["US", 20], ["KR", 3], ["EU", 2], ["SG", 1]], "most releases first");
  assert.deepEqual(map.notDrawn.map((r) => r.code), ["EU"]);
  assert.deepEqual(map.legend.map((l) => l.label), ["1 release", "2 releases", "3 releases", "20 releases"]);
});

test("the map with every country shaded stays under 150 KB gzip", (t) => {
  const all = mapGeometry().shapes.filter((s) => s.code).map((s, i) => country(s.code!, 1 + i));
  const { svg } = worldMap(all, href, "map-title");
  const gzip = gzipSync(svg).length;
  t.diagnostic(`world map, every country shaded: ${(svg.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
  console.log(`world map SVG (every country shaded): ${(svg.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
  assert.ok(gzip < 150 * 1024, `${gzip} bytes gzip`);
  assert.equal(worldMap(all, href, "map-title").svg, svg, "same input, same bytes");
});

test("the projected world is kept in the build's cache and taken from it only under the same key", async () => {
  const cache = await mkdtemp(join(tmpdir(), "communique-map-"));
  try {
    loadMapGeometry(cache);
    const file = join(cache, MAP_CACHE_FILE);
    const kept = JSON.parse(await readFile(file, "utf8")) as { key: string; geometry: ReturnType<typeof projectWorld> };
    assert.deepEqual(kept.geometry, projectWorld());
    assert.deepEqual(mapGeometry(), projectWorld());
    // Taken from the file while its key holds (a marked copy shows it was read, not projected again)…
    await writeFile(file, JSON.stringify({ key: kept.key, geometry: { ...kept.geometry, sphere: "M0 0z" } }));
    loadMapGeometry(cache);
    assert.equal(mapGeometry().sphere, "M0 0z");
    // …and projected again, and kept, when the key is another's or the file is damaged.
    await writeFile(file, JSON.stringify({ key: "other", geometry: { ...kept.geometry, sphere: "M0 0z" } }));
    loadMapGeometry(cache);
    assert.deepEqual(mapGeometry(), projectWorld());
    await writeFile(file, "{");
    loadMapGeometry(cache);
    assert.deepEqual(mapGeometry(), projectWorld());
    assert.equal((JSON.parse(await readFile(file, "utf8")) as { key: string }).key, kept.key);
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
});
