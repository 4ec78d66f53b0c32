// A build's progress counts what it does: every source parsed, every page written, every release page indexed.
import assert from "node:assert/strict";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "../../src/cli/build.ts";
import type { Progress } from "../../src/cli/progress.ts";
import { SAMPLE_CONFIG, copySample } from "../site/sample.ts";

interface PhaseRecord {
  label: string;
  unit: string;
  total: number;
  done: number;
  ended: boolean;
}

test("the sample build reports each phase's total and counts up to it", async () => {
  const { dir, sources, content } = await copySample("communique-progress-");
  try {
    const phases: PhaseRecord[] = [];
    const progress: Progress = (label, unit, total) => {
      const record = { label, unit, total, done: 0, ended: false };
      phases.push(record);
      return { setTotal: (n) => (record.total = n), tick: (n = 1) => (record.done += n), done: () => (record.ended = true) };
    };
    const log: string[] = [];
    const result = await build({ sources, content, output: join(dir, "site"), config: SAMPLE_CONFIG, log: (l) => log.push(l), progress });
    assert.equal(result.built, true, log.join("\n"));
    const written = log.map((l) => /: (\d+) files, (\d+) release pages indexed/.exec(l)).find((m) => m);
    assert.ok(written, log.join("\n"));
    const sourceFiles = (await readdir(sources, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    assert.deepEqual(phases, [
      { label: "ingest", unit: "sources parsed", total: sourceFiles, done: sourceFiles, ended: true },
      { label: "render", unit: "pages written", total: Number(written[1]), done: Number(written[1]), ended: true },
      { label: "index", unit: "pages indexed", total: Number(written[2]), done: Number(written[2]), ended: true },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
