// The charts' colour scale: log buckets are monotone and bounded, legends cover every count, charts.css matches the palette.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { bucket, contrast, legend, PALETTE, STEPS } from "../../../src/site/charts/palette.ts";

test("bucket: 0 for none, 1 for one release, the last shade for the largest count", () => {
  assert.equal(bucket(0, 10), 0);
  assert.equal(bucket(1, 10), 1);
  assert.equal(bucket(10, 10), STEPS);
  assert.equal(bucket(1, 1), STEPS, "a single count is the darkest");
  assert.deepEqual([1, 2, 3, 5, 10, 30, 100].map((c) => bucket(c, 100)), [1, 1, 2, 3, 3, 5, 6]);
});

test("bucket is monotone in the count and stays within 1…STEPS (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (a, b, m) => {
      const max = Math.max(a, b, m);
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const [x, y] = [bucket(lo, max), bucket(hi, max)];
      return x >= 1 && y <= STEPS && x <= y;
    }),
  );
});

test("legend: one entry per shade used, lightest first, ranges covering every count", () => {
  assert.deepEqual(legend([0, 1, 1, 3, 7, 20]), [
    { level: 1, min: 1, max: 1, label: "1 release" },
    { level: 3, min: 3, max: 3, label: "3 releases" },
    { level: 4, min: 7, max: 7, label: "7 releases" },
    { level: 6, min: 20, max: 20, label: "20 releases" },
  ]);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }), (counts) => {
      const entries = legend(counts);
      const max = Math.max(0, ...counts);
      for (const c of counts.filter((x) => x > 0)) {
        const e = entries.find((x) => x.level === bucket(c, max));
        if (!e || c < e.min || c > e.max) return false;
      }
      return entries.every((e, i) => i === 0 || entries[i - 1]!.level < e.level);
    }),
  );
});

test("each shade's text colour reads on it (WCAG AA, 4.5:1), light and dark", () => {
  for (const scheme of ["light", "dark"] as const) {
    assert.equal(PALETTE[scheme].length, STEPS);
    for (const [i, s] of PALETTE[scheme].entries()) assert.ok(contrast(s.fill, s.text) >= 4.5, `${scheme} q${i + 1}: ${s.fill} on ${s.text} is ${contrast(s.fill, s.text).toFixed(2)}:1`);
  }
});

test("charts.css holds the palette's values, light then dark", () => {
  const css = readFileSync(join(import.meta.dirname, "../../../templates/assets/charts.css"), "utf8");
  const dark = css.indexOf("@media (prefers-color-scheme: dark)");
  assert.ok(dark > 0);
  for (const [scheme, part] of [["light", css.slice(0, dark)], ["dark", css.slice(dark)]] as const) {
    PALETTE[scheme].forEach((s, i) => {
      assert.ok(part.includes(`--q${i + 1}: ${s.fill}; --q${i + 1}-text: ${s.text};`), `${scheme} q${i + 1} should be ${s.fill} / ${s.text} in charts.css`);
    });
  }
});
