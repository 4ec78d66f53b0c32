// Measures parsing accuracy against a truth file: per field, the share of releases exactly right; text files or feed snapshots. Usage: npm run accuracy -- --sources DIR --truth FILE
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { parseRelease } from "../src/ingest/parse-release.ts";
import { parseSource } from "../src/ingest/parse-source.ts";
import { mergeReleases } from "../src/ingest/dedupe.ts";
import { isWrapper } from "../src/parse/links.ts";
import { readFeed, sniffFeed } from "../src/sources/feed.ts";
import { decodeBytes } from "../src/sources/decode.ts";
import { parseFragment } from "parse5";
import { formatDiagnostic } from "../src/model/diagnostic.ts";
import { personId } from "../src/extract/people.ts";
import type { Block, Release } from "../src/model/release.ts";

interface Truth {
  guid: string;
  title: string;
  date: string;
  creator: string;
  body_paragraphs: string[];
}

const opts = new Command()
  .option("--sources <dir>", "folder of text sources", "../shared/corpus/text")
  .option("--truth <file>", "truth JSON keyed by file name", "../shared/corpus/text-truth.json")
  .option("--entities <dir>", "gold entity annotations (sources relative to --shared)", "test/fixtures/entities")
  .option("--shared <dir>", "folder the gold annotations' sources are relative to", "../shared")
  .option("--expect <n>", "how many distinct releases the sources must hold (feeds: default the truth's guids)")
  .option("--verbose", "print every miss")
  .parse()
  .opts<{ sources: string; truth: string; entities: string; shared: string; expect?: string; verbose?: boolean }>();

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
/** List items lose their bullet sign (it becomes list markup), so bullets are compared without it on both sides. */
const unbullet = (s: string) => s.replace(/^[•·▪◦*-]\s+/, "");
/** Markers are dropped by rule (they are not statement text), so truth paragraphs that are only a marker are skipped. */
const MARKER = /^(begin|end)\s+text\s*[:.]?$/i;
const BOILERPLATE = [/Office of Website Management/i, /External links to other Internet sites/i, /^Source: Dept/i, /Collected Department Releases:/i, /Aucun commentaire/i, /^No comments:?$/i, /^Post a Comment$/i, /Enregistrer un commentaire/i];

function blockTexts(b: Block): string[] {
  if (b.kind === "list") return b.items;
  if (b.kind === "turn") return [`${b.speaker}: ${b.text}`];
  return [b.text];
}

/** The ways the creator line may spell the office or the first speaker: "Name, Title" or "Title Name". */
function creatorForms(r: Release): string[] {
  if (r.office) return [r.office];
  const s = r.speakers[0];
  if (!s) return [];
  return s.title ? [`${s.name}, ${s.title}`, `${s.title} ${s.name}`] : [s.name];
}

/**
 * The header lines the release holds in fields: its place lines and its speakers as "Name, Title" or "Title Name".
 * The truth's body keeps such lines when state.gov printed them after the date line; they are checked here instead.
 */
function headerLines(r: Release): Set<string> {
  const lines = [...(r.location ? r.location.split("; ") : []), ...(r.office ? [r.office] : [])];
  for (const s of r.speakers) lines.push(s.name, ...(s.title ? [`${s.name}, ${s.title}`, `${s.title} ${s.name}`] : []));
  return new Set(lines.map(norm));
}

/** Every truth paragraph appears, in order, among the release's preamble and body paragraphs (or in its header fields). */
function bodyMatches(r: Release, truth: string[]): string | null {
  const header = headerLines(r);
  const ours = [...(r.preamble ? r.preamble.split("\n\n") : []), ...r.body.flatMap(blockTexts)].map((p) => unbullet(norm(p)));
  let at = 0;
  for (const p of truth.map((p) => unbullet(norm(p))).filter((p) => p.length > 0 && !MARKER.test(p))) {
    const found = ours.indexOf(p, at);
    if (found < 0 && header.has(p.replace(/^(?:Dr|Mr|Mrs|Ms)\.\s+/, ""))) continue;
    if (found < 0) return p;
    at = found + 1;
  }
  return null;
}

const truth = JSON.parse(readFileSync(opts.truth, "utf8")) as Record<string, Truth>;
const sourceFiles = readdirSync(opts.sources).sort();
// Feed mode when the folder holds feeds (known by their content, as ingest knows them).
const isFeedFile = (f: string) => {
  const d = decodeBytes(readFileSync(join(opts.sources, f)).subarray(0, 4096));
  return sniffFeed(d.text) === "rss" || sniffFeed(d.text) === "atom";
};
const feedMode = sourceFiles.some(isFeedFile);
const right: Record<string, number> = { title: 0, date: 0, "office-or-speaker": 0, body: 0, "boilerplate-free": 0, ...(feedMode ? { "links-unwrapped": 0, "script-free": 0 } : {}) };
let reported = 0;
let checked = 0;
const misses: string[] = [];
/** Text of every <script>/<style> element in an item's HTML, to prove none reached the body. */
const scriptTexts = new Map<string, string[]>();

function check(name: string, release: Release, t: Truth): void {
  checked++;
  const miss = (field: string, detail: string) => misses.push(`${name}: ${field}: ${detail}`);
  if (norm(release.title) === norm(t.title)) right.title!++;
  else miss("title", `${release.title} ≠ ${t.title}`);
  if (release.date === t.date) right.date!++;
  else miss("date", `${release.date} ≠ ${t.date}`);
  const forms = creatorForms(release).map(norm);
  if (forms.some((f) => norm(t.creator) === f || norm(t.creator).startsWith(`${f}, `))) right["office-or-speaker"]!++;
  else miss("office-or-speaker", `${forms[0] ?? null} ≠ ${t.creator}`);
  const missing = bodyMatches(release, t.body_paragraphs);
  if (missing === null) right.body!++;
  else miss("body", `missing "${missing.slice(0, 90)}"`);
  const texts = release.body.flatMap(blockTexts);
  const dirty = texts.find((p) => BOILERPLATE.some((re) => re.test(p)));
  if (!dirty) right["boilerplate-free"]!++;
  else miss("boilerplate-free", dirty.slice(0, 90));
  if (!feedMode) return;
  const hrefs = release.body.flatMap((b) => (b.kind === "list" ? (b.itemLinks ?? []).flat() : (b.links ?? []))).map((l) => l.href);
  const words = texts.join("\n").split(/\s+/).filter((w) => /^https?:\/\//.test(w));
  const wrapped = [...hrefs, ...words].find((u) => isWrapper(u) || /safelinks\.protection\.outlook\.com|lnks\.gd/i.test(u));
  if (!wrapped) right["links-unwrapped"]!++;
  else miss("links-unwrapped", wrapped.slice(0, 90));
  const body = texts.join("\n");
  const script = [...(scriptTexts.get(t.guid) ?? []), "<script", "</script"].find((s) => body.includes(s));
  if (!script) right["script-free"]!++;
  else miss("script-free", script.slice(0, 90));
}

let releaseCount: number;
let expected: number;
if (!feedMode) {
  const files = sourceFiles.filter((f) => f in truth);
  for (const file of files) {
    const { release, diagnostics } = parseRelease(readFileSync(join(opts.sources, file)), { path: file });
    if (!release) {
      reported++;
      misses.push(...diagnostics.map((d) => formatDiagnostic(d)));
      continue;
    }
    check(file, release, truth[file]!);
  }
  releaseCount = files.length - reported;
  expected = Number(opts.expect ?? files.length);
} else {
  // Every snapshot is parsed and merged as ingest does; releases are matched to the truth by guid.
  const sources = sourceFiles.map((f) => {
    const bytes = readFileSync(join(opts.sources, f));
    const text = decodeBytes(bytes).text;
    const kind = sniffFeed(text);
    if (kind === "rss" || kind === "atom") {
      for (const item of readFeed(text, kind).items) {
        if (!item.guid || !item.html) continue;
        const found: string[] = [];
        const walk = (n: { nodeName: string; childNodes?: unknown[]; value?: string }, inScript: boolean) => {
          if (inScript && n.nodeName === "#text" && n.value) found.push(...n.value.split("\n").map((l) => l.trim()).filter((l) => l.length >= 8));
          for (const c of n.childNodes ?? []) walk(c as typeof n, inScript || n.nodeName === "script" || n.nodeName === "style");
        };
        walk(parseFragment(item.html) as unknown as { nodeName: string; childNodes?: unknown[] }, false);
        if (found.length > 0) scriptTexts.set(item.guid.trim(), [...(scriptTexts.get(item.guid.trim()) ?? []), ...found]);
      }
    }
    return parseSource(bytes, { path: f });
  });
  for (const s of sources) {
    for (const d of s.diagnostics) misses.push(formatDiagnostic(d));
    for (const it of s.items) {
      if (it.release) continue;
      reported++;
      misses.push(...it.diagnostics.map((d) => formatDiagnostic(d)));
    }
  }
  const merged = mergeReleases(sources);
  const byGuid = new Map(Object.values(truth).map((t) => [t.guid, t]));
  releaseCount = merged.releases.length;
  expected = Number(opts.expect ?? byGuid.size);
  for (const r of merged.releases) {
    const t = r.release.source.guid ? byGuid.get(r.release.source.guid) : undefined;
    if (!t) {
      misses.push(`${r.path}#${r.item}: no truth for guid ${r.release.source.guid}`);
      continue;
    }
    check(r.release.source.guid!, r.release, t);
  }
  const revised = merged.releases.filter((r) => r.release.revisions.length > 0);
  console.log(
    `${sources.length} feed snapshots: ${merged.counts.itemsRead} items read, ${merged.counts.distinctReleases} distinct releases, ` +
      `${merged.counts.duplicatesMerged} duplicates merged, ${reported} items reported; ${revised.length} releases with revisions\n`,
  );
}

const pct = (n: number) => `${((100 * n) / Math.max(checked, 1)).toFixed(1)} %`;
console.log(`Accuracy on ${checked} releases from ${opts.sources}\n`);
console.log("| field | exactly right | share |\n|---|---|---|");
console.log(`| releases found (expected ${expected}) | ${releaseCount} | ${releaseCount === expected ? "ok" : "WRONG"} |`);
for (const [field, n] of Object.entries(right)) console.log(`| ${field} | ${n} / ${checked} | ${pct(n)} |`);
console.log(`| reported (not made into a release) | ${reported} | |`);
if (misses.length > 0) {
  console.log(`\n${misses.length} misses${opts.verbose ? ":" : " (--verbose lists them)"}`);
  if (opts.verbose) for (const m of misses) console.log(`  ${m}`);
}
if (releaseCount !== expected) process.exitCode = 1;

// Entities: precision and recall against gold annotations.
interface Gold {
  source: string;
  delegations: { countryCode: string; heads: string[]; members: string[] }[];
  countries: string[];
  people: string[];
}
const orgKey = (o: string) => o.toLowerCase().replace(/[’']/g, "'").replace(/^the /, "");
const score = { heads: { tp: 0, fp: 0, fn: 0 }, members: { tp: 0, fp: 0, fn: 0 }, countries: { tp: 0, fp: 0, fn: 0 }, people: { tp: 0, fp: 0, fn: 0 } };
const entityMisses: string[] = [];
const goldFiles = existsSync(opts.entities) ? readdirSync(opts.entities).filter((f) => f.endsWith(".json")).sort() : [];
for (const f of goldFiles) {
  const gold = JSON.parse(readFileSync(join(opts.entities, f), "utf8")) as Gold;
  const { release } = parseRelease(readFileSync(join(opts.shared, gold.source)), { path: gold.source });
  const ours = {
    heads: new Set(release?.delegations.flatMap((d) => d.heads.map((h) => `${d.countryCode}|${personId(h.name)}`)) ?? []),
    members: new Set(release?.delegations.flatMap((d) => d.members.map((m) => `${d.countryCode}|${orgKey(m)}`)) ?? []),
    countries: new Set(release?.countries ?? []),
    people: new Set(release?.people.map((p) => p.id) ?? []),
  };
  const want = {
    heads: new Set(gold.delegations.flatMap((d) => d.heads.map((h) => `${d.countryCode}|${personId(h)}`))),
    members: new Set(gold.delegations.flatMap((d) => d.members.map((m) => `${d.countryCode}|${orgKey(m)}`))),
    countries: new Set(gold.countries),
    people: new Set(gold.people.map(personId)),
  };
  for (const k of Object.keys(score) as (keyof typeof score)[]) {
    for (const x of ours[k]) if (want[k].has(x)) score[k].tp++; else { score[k].fp++; entityMisses.push(`${f}: ${k}: extra ${x}`); }
    for (const x of want[k]) if (!ours[k].has(x)) { score[k].fn++; entityMisses.push(`${f}: ${k}: missing ${x}`); }
  }
}
if (goldFiles.length > 0) {
  const ratio = (a: number, b: number) => (b === 0 ? "–" : (a / b).toFixed(2));
  console.log(`\nEntities on ${goldFiles.length} gold-annotated releases in ${opts.entities}\n`);
  console.log("| measure | precision | recall | found / expected |\n|---|---|---|---|");
  const label = { heads: "delegation heads (country + name)", members: "delegation members (country + organisation)", countries: "countries", people: "people" };
  for (const [k, v] of Object.entries(score)) console.log(`| ${label[k as keyof typeof label]} | ${ratio(v.tp, v.tp + v.fp)} | ${ratio(v.tp, v.tp + v.fn)} | ${v.tp} / ${v.tp + v.fn} |`);
  if (opts.verbose) for (const m of entityMisses) console.log(`  ${m}`);
}
