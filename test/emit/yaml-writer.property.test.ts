// writeYaml, which remembers how yaml wrote each one-line string, writes exactly what yaml's own stringify writes.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { stringify } from "yaml";
import { clearYamlCache, writeYaml } from "../../src/emit/yaml-writer.ts";

const OPTIONS = { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN", aliasDuplicateObjects: false } as const;

// Strings that make yaml quote, fold, escape or write a block: indicators, document markers, numbers and booleans,
// line breaks, control characters, surrogates; drawn from a small pool so that values recur and the cache is hit.
const tricky = fc.constantFrom("", " ", "-", "- x", "? x", ": x", "a: b", "#x", "a #b", "x:", "---", "--- x", "...", "%x", "'q'", '"q"', "true", "null", "~", "1", "0x1F", "1e3", ".5", "2021-06-04", "a\nb", "a\n\nb\n", "a\tb", "\u0007", "\ud800", "é", "[x]", "{x}", "*x", "&x", "!x", "|", ">", "@x", "`x");
const str = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.constantFrom("Antony J. Blinken", "Secretary of State", "US", "KR", "Office of the Spokesperson"));
const leaf = fc.oneof(str, fc.constant(null), fc.boolean(), fc.integer());
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(str, tie("node"), { maxKeys: 4 })),
})).node;

test("writeYaml writes what yaml's stringify writes, cache cold or warm", () => {
  clearYamlCache();
  fc.assert(
    fc.property(fc.dictionary(str, value, { maxKeys: 8 }), (doc) => {
      const expected = stringify(doc, OPTIONS);
      assert.equal(writeYaml(doc), expected);
      // A second time, every one-line string comes from the cache.
      assert.equal(writeYaml(doc), expected);
    }),
    { numRuns: 500 },
  );
});

test("writeYaml writes what yaml's stringify writes for many release-shaped documents: fields remembered, fields never seen, fields no longer looked up", () => {
  clearYamlCache();
  // The same keys every time, as in front matter: some values recur (type, empty lists), some never do (id-like
  // strings), so fields are found, written afresh, and some stop being looked up after their trial.
  let drawn = 0;
  const unique = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s}-${drawn++}`);
  const person = fc.record({ name: str, title: fc.oneof(str, fc.constant(null)) });
  const release = fc.record({
    id: unique,
    title: fc.oneof(unique, tricky),
    type: fc.oneof(fc.constant(null), fc.constantFrom("Press Statement", "Media Note")),
    speakers: fc.array(person, { maxLength: 3 }),
    countries: fc.array(fc.constantFrom("US", "KR", "EE", "null", "y"), { maxLength: 4 }),
    preamble: fc.oneof(fc.constant(null), tricky, fc.constant("a\nb\n\n")),
    source: fc.record({ path: unique, sha256: unique, guid: fc.oneof(fc.constant(null), str) }),
    otherSources: fc.constant([]),
    corrected: fc.constant(null),
  });
  fc.assert(
    fc.property(release, (doc) => {
      assert.equal(writeYaml(doc), stringify(doc, OPTIONS));
    }),
    { numRuns: 2000 },
  );
});

test("writeYaml writes what yaml writes when a key is too long to be implicit (an explicit `? key` with a `: value` line)", () => {
  clearYamlCache();
  const long = "k".repeat(1100);
  for (const doc of [{ a: 1, [long]: "x", b: [1, 2] }, { [long]: { c: "d" }, e: null }, { [long]: null, f: "g" }, { f: "g", [long]: [] }]) {
    assert.equal(writeYaml(doc), stringify(doc, OPTIONS));
    assert.equal(writeYaml(doc), stringify(doc, OPTIONS));
  }
});
