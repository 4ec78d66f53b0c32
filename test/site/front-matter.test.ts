// The fast front-matter parser reads every document the `yaml` package writes exactly as `yaml` itself reads it.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { splitFrontMatter } from "../../src/emit/front-matter.ts";
import { parseFrontMatter } from "../../src/site/front-matter.ts";

/** Scalars that YAML 1.1 habits or js-yaml's own core schema would read differently from YAML 1.2 core. */
const TRICKY = ["2014-08-26", "1_000", "0b101", "0o17", "0x1F", "017", "+12", "-0", "1.", ".5", "1e3", "1.5E-2", ".inf", "-.Inf", ".NaN", "yes", "No", "on", "OFF", "y", "~", "null", "Null", "TRUE", "False", "12:30:00", "1:20", "<<", "=", "!", "&a", "*a", "- x", "a: b", "#", "'", '"', "\t", " lead", "trail ", "line\nbreak", "’curly’", "€", "\u2028"];

const scalar = fc.oneof(fc.constantFrom(...TRICKY), fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...TRICKY)), tie("node"), { maxKeys: 4 })),
})).node;

test("front matter written by `yaml` parses to the same value as `yaml` reads", () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1 }), value, { maxKeys: 6 }), (data) => {
      const text = stringify(data);
      assert.deepEqual(parseFrontMatter(text), parse(text) ?? {});
    }),
    { numRuns: 500 },
  );
  // The same scalars written by hand, unquoted (a curator's edit): read as YAML 1.2 core reads them.
  for (const s of TRICKY.slice(0, TRICKY.indexOf("<<") + 1)) assert.deepEqual(parseFrontMatter(`v: ${s}\n`), parse(`v: ${s}\n`), s);
});

test("the sample release's front matter parses as `yaml` parses it; a duplicate key is an error", async () => {
  const dir = join(import.meta.dirname, "../../content/releases");
  const { readdir } = await import("node:fs/promises");
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  assert.ok(files.length > 0);
  for (const f of files) {
    const yaml = splitFrontMatter(await readFile(join(dir, f), "utf8"))!.yaml;
    assert.deepEqual(parseFrontMatter(yaml), parse(yaml), f);
  }
  assert.deepEqual(parseFrontMatter(""), {});
  assert.throws(() => parseFrontMatter("a: 1\na: 2\n"));
});
