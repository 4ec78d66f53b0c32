// Parsing on worker threads gives exactly what parsing in one thread gives, in the sources' order.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseSources } from "../../src/cli/parse-pool.ts";

const CORPUS = join(import.meta.dirname, "../../../shared/corpus");
const pick = (dir: string, every: number) =>
  readdirSync(join(CORPUS, dir))
    .sort()
    .filter((_, i) => i % every === 0)
    .map((f) => ({ path: `${dir}/${f}`, bytes: readFileSync(join(CORPUS, dir, f)) }));
// Real text files, feed snapshots, and files that cannot become releases.
const jobs = [...pick("text", 20), { path: "empty.txt", bytes: new Uint8Array() }, ...pick("feeds", 30), { path: "binary.txt", bytes: new Uint8Array([0, 1, 2, 3]) }];
const taxonomy = { text: readFileSync(join(import.meta.dirname, "../../content/taxonomy/topics.yaml"), "utf8"), path: "taxonomy/topics.yaml" };

test("sources parsed on two worker threads equal sources parsed in this thread, in order", async () => {
  // Progress counts every source once, on either path.
  const counted = { here: 0, pooled: 0 };
  const counter = (key: keyof typeof counted) => ({ setTotal() {}, tick: (n = 1) => void (counted[key] += n) });
  const here = await parseSources(jobs, taxonomy, { workers: 1, progress: counter("here") });
  const pooled = await parseSources(jobs, taxonomy, { workers: 2, progress: counter("pooled") });
  assert.deepEqual(counted, { here: jobs.length, pooled: jobs.length });
  assert.equal(pooled.length, jobs.length);
  assert.deepEqual(pooled.map((r) => r.path), jobs.map((j) => j.path));
  assert.deepEqual(pooled, here);
  assert.ok(here.some((r) => r.format === "rss") && here.some((r) => r.items[0]?.release?.topics.length), "feeds and topics are in the sample");
});
