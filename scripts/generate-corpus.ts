// Writes a deterministic synthetic corpus of N releases (plain text, RSS feeds or both) for benchmarks and tests.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { type CorpusFormat, corpusFiles } from "./corpus-generator.ts";

const count = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
};

const opts = new Command()
  .description("Generate N realistic releases as source files (same seed, same bytes).")
  .requiredOption("--releases <n>", "how many releases", count)
  .requiredOption("--out <dir>", "folder to write the sources into (created if missing)")
  .option("--format <format>", "text, feed or mixed", "text")
  .option("--seed <s>", "seed of the generator", count, 1)
  .parse()
  .opts<{ releases: number; out: string; format: string; seed: number }>();

if (!["text", "feed", "mixed"].includes(opts.format)) {
  console.error(`--format must be text, feed or mixed, not ${opts.format}`);
  process.exit(2);
}

await mkdir(opts.out, { recursive: true });
let files = 0;
let bytes = 0;
// Written a batch at a time: enough to keep the disk busy, never the whole corpus in memory.
let batch: Promise<void>[] = [];
for (const file of corpusFiles(opts.releases, opts.seed, opts.format as CorpusFormat)) {
  const buffer = Buffer.from(file.text, "utf8");
  bytes += buffer.length;
  files++;
  batch.push(writeFile(join(opts.out, file.path), buffer));
  if (batch.length >= 256) {
    await Promise.all(batch);
    batch = [];
  }
}
await Promise.all(batch);
console.log(`${opts.releases} releases in ${files} files (${(bytes / 1e6).toFixed(1)} MB) written to ${opts.out}`);
