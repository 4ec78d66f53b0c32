// Golden tests: each test/fixtures/<case>/ holds one source beside the exact Markdown and diagnostics it must give
// (a feed's releases one after another in expected.md, in feed order after merging duplicate items).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { formatDiagnostic } from "../src/model/diagnostic.ts";
import { releaseMarkdown } from "../src/emit/markdown.ts";
import { parseSource } from "../src/ingest/parse-source.ts";
import { mergeReleases } from "../src/ingest/dedupe.ts";
import { readTaxonomy } from "../src/ingest/taxonomy.ts";

const root = join(import.meta.dirname, "fixtures");
// The archive's own taxonomy, so a fixture's Markdown is exactly what ingest writes into content/releases.
const taxonomyFile = join(import.meta.dirname, "../content/taxonomy/topics.yaml");
const loaded = readTaxonomy(readFileSync(taxonomyFile, "utf8"), "taxonomy/topics.yaml");
if ("error" in loaded) throw new Error(formatDiagnostic(loaded.error));
const { taxonomy } = loaded;
const update = process.env.UPDATE === "1";

// entities/ holds gold annotations for the accuracy script, not golden cases.
for (const name of readdirSync(root).sort().filter((n) => n !== "entities")) {
  const dir = join(root, name);
  const inputs = readdirSync(dir).filter((f) => !f.startsWith("expected."));
  test(`fixture ${name}`, () => {
    assert.equal(inputs.length, 1, `${dir} must hold exactly one input file besides expected.*`);
    const input = inputs[0]!;
    const source = parseSource(readFileSync(join(dir, input)), { path: input, taxonomy });
    const diagnostics = [...source.diagnostics, ...source.items.flatMap((i) => i.diagnostics)];
    const releases = mergeReleases([source]).releases.sort((a, b) => (a.item ?? 0) - (b.item ?? 0)).map((r) => r.release);
    const md = releases.length > 0 ? releases.map(releaseMarkdown).join("\n") : null;
    const diags = diagnostics.map((d) => formatDiagnostic(d)).join("\n") + (diagnostics.length ? "\n" : "");
    const mdFile = join(dir, "expected.md");
    const diagFile = join(dir, "expected.diagnostics.txt");
    if (update) {
      if (md === null) rmSync(mdFile, { force: true });
      else writeFileSync(mdFile, md);
      writeFileSync(diagFile, diags);
      return;
    }
    assert.equal(diags, readFileSync(diagFile, "utf8"), `${diagFile} differs (UPDATE=1 rewrites it)`);
    if (md === null) assert.ok(!existsSync(mdFile), `${name}: no release was made, but ${mdFile} expects one`);
    else assert.equal(md, readFileSync(mdFile, "utf8"), `${mdFile} differs (UPDATE=1 rewrites it)`);
  });
}
