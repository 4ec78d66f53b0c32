// Derives the generator's vocabulary (titles, speaker lines, places, statement sentences, transcript turns) from a real text corpus.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";

/**
 * Run once by hand when the corpus changes; the generator reads only the JSON it writes, so `generate-corpus`
 * never needs the corpus. Sentences and turns are picked by a fixed stride, so the output is deterministic.
 */
const opts = new Command()
  .option("--corpus <dir>", "corpus folder holding text-truth.json", "../shared/corpus")
  .option("--out <file>", "vocabulary file to write", "scripts/data/corpus-vocabulary.json")
  .option("--sentences <n>", "statement sentences to keep", "900")
  .option("--turns <n>", "transcript turns to keep", "300")
  .parse()
  .opts<{ corpus: string; out: string; sentences: string; turns: string }>();

interface Truth {
  title: string;
  creator: string;
  body_paragraphs: string[];
}
const truth = JSON.parse(await readFile(join(opts.corpus, "text-truth.json"), "utf8")) as Record<string, Truth>;
const entries = Object.keys(truth).sort().map((k) => truth[k]!);

const TURN = /^([A-Z][A-Z .'’-]{1,40}):\s+(.+)$/;
const sentences = new Set<string>();
const turns = new Set<string>();
const titles = new Set<string>();
for (const e of entries) {
  // Titles naming a date or year would clash with the generated date.
  if (!/\d/.test(e.title)) titles.add(e.title);
  for (const p of e.body_paragraphs) {
    const turn = TURN.exec(p);
    if (turn) {
      const text = turn[2]!;
      // A turn's words, not its label: labels are re-made for each generated era.
      if (text.length >= 40 && text.length <= 500 && !/https?:/.test(text)) turns.add(`${turn[1]!.startsWith("QUESTION") ? "Q" : "A"}|${text}`);
      continue;
    }
    // Whole sentences of ordinary paragraphs: at least 8 words, ending with a full stop, no links or footers.
    for (const s of p.split(/(?<=[.!?][”"’]?)\s+(?=[A-Z“"])/)) {
      const words = s.split(/\s+/).length;
      if (words >= 8 && words <= 60 && /[.!?][”"’]?$/.test(s) && !/^[-•*]/.test(s) && !/https?:|www\.|@|Begin Text|End Text|Office of Website Management|Source:/i.test(s)) sentences.add(s);
    }
  }
}

/** Every k-th item, so the kept set spans the whole corpus rather than its first files. */
function stride<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

const vocabulary = {
  derivedFrom: "587 State Department releases of May–August 2021 (public domain), text-truth.json",
  titles: [...titles],
  sentences: stride([...sentences], Number(opts.sentences)),
  turns: stride([...turns], Number(opts.turns)),
};
await writeFile(opts.out, `${JSON.stringify(vocabulary, null, 1)}\n`);
console.log(`${opts.out}: ${vocabulary.titles.length} titles, ${vocabulary.sentences.length} sentences, ${vocabulary.turns.length} turns`);
