// The seed's citation in every style and format, pinned by golden files (UPDATE=1 rewrites them); RIS lines unwrapped.
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { frontMatterOf } from "../../src/emit/markdown.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import { cslItem, formatCitationBatch, formatCitations, unwrapRis, type Citations } from "../../src/site/citations.ts";
import { siteUrls } from "../../src/site/config.ts";
import { SAMPLE_CONFIG, SAMPLE_SOURCES, SEED } from "./sample.ts";

const FIXTURES = join(import.meta.dirname, "fixtures/seed-citations");
const FILES: Record<keyof Citations, string> = { chicago: "chicago.html", apa: "apa.html", mla: "mla.html", bibtex: "bibtex.bib", ris: "ris.ris", csl: "csl.json" };

async function seedCitations(): Promise<Citations> {
  const path = "000_0399d071038372ee.txt";
  const { release } = parseRelease(await readFile(join(SAMPLE_SOURCES, path)), { path });
  assert.ok(release);
  return formatCitations(cslItem(frontMatterOf(release), siteUrls(SAMPLE_CONFIG).absolute(SEED.url), SAMPLE_CONFIG));
}

test("the seed's citations match their golden files", async () => {
  const citations = await seedCitations();
  if (process.env["UPDATE"]) {
    await mkdir(FIXTURES, { recursive: true });
    for (const [key, file] of Object.entries(FILES)) await writeFile(join(FIXTURES, file), `${citations[key as keyof Citations]}\n`);
  }
  for (const [key, file] of Object.entries(FILES)) {
    assert.equal(`${citations[key as keyof Citations]}\n`, await readFile(join(FIXTURES, file), "utf8"), `${file} (UPDATE=1 rewrites it)`);
  }
});

test("citations name speakers as authors, else the office; the item is a report with the type as genre", async () => {
  const config = SAMPLE_CONFIG;
  const base = { id: "2021-06-03-remarks", title: "Remarks", date: "2021-06-03", type: "Remarks", office: null, location: null, speakers: [{ name: "Antony J. Blinken", title: "Secretary of State" }] };
  const item = cslItem(base as never, "https://x.example/r/", config);
  assert.deepEqual(item["author"], [{ given: "Antony J.", family: "Blinken" }]);
  assert.equal(item["genre"], "Remarks");
  assert.equal(item["type"], "report");
  assert.match(formatCitations(item).chicago, /^Blinken, Antony J\. “Remarks\.” Remarks, U\.S\. Department of State, June 3, 2021\. https:\/\/x\.example\/r\/\.$/);
});

test("RIS values that citation-js wrapped at 70 characters are put back on one line", () => {
  assert.equal(unwrapRis("TY  - RPRT\nTI  - abc\ndef\nER  - \n"), "TY  - RPRT\nTI  - abcdef\nER  - ");
});

test("BibTeX keeps every word of a non-Latin title and name; accents, quotes and specials still as LaTeX", () => {
  const base = { id: "2021-06-03-statement", date: "2021-06-03", type: "Joint Statement", office: null, location: null };
  const title = "日米韓 共同声明 «Заявление» on Côte d’Ivoire & 한국 <i>";
  const item = cslItem({ ...base, title, speakers: [{ name: "Моон Чжэ Ин", title: null }] } as never, "https://x.example/r/", SAMPLE_CONFIG);
  const bibtex = formatCitations(item).bibtex;
  const field = (name: string) => new RegExp(`\\t${name} = \\{(.*)\\},`).exec(bibtex)?.[1];
  assert.equal(field("title"), "日米韓 共同声明 \\guillemotleft{}Заявление\\guillemotright{} on {C}{\\^ o}te d\\textquoteright{}{Ivoire} \\& 한국 \\textless{}i\\textgreater{}");
  assert.match(field("author") ?? "", /Моон|Ин/);
  // A title that already holds the stand-ins' shape is written as citation-js writes it, never garbled.
  const odd = formatCitations(cslItem({ ...base, title: "zqu41zq 日", speakers: [] } as never, "https://x.example/r/", SAMPLE_CONFIG)).bibtex;
  assert.match(odd, /title = \{zqu41zq \},/);
});

test("a batch formats each item as it is formatted alone, whatever else the batch holds", () => {
  const base = { date: "2021-06-03", type: "Press Statement", office: "Office of the Spokesperson", location: "Washington, DC" };
  const blinken = [{ name: "Antony J. Blinken", title: "Secretary of State" }];
  const items = [
    // The same author, year and title twice (a style that disambiguated would add "a" and "b"), and the same id.
    { ...base, id: "2021-06-03-a", title: "Statement", speakers: blinken },
    { ...base, id: "2021-06-03-b", title: "Statement", speakers: blinken },
    { ...base, id: "2021-06-03-a", title: "On <b>bold</b> words & “quotes”?", speakers: [] },
    { ...base, id: "2021-06-04-c", date: "2021-06-04", title: "日米韓 共同声明 zqu41zq", speakers: [{ name: "Моон Чжэ Ин", title: null }] },
    { ...base, id: "2019-01-01-d", date: "2019-01-01", title: "Readout", speakers: [], office: null, location: null },
  ].map((fm) => cslItem(fm as never, `https://x.example/${fm.id}/`, SAMPLE_CONFIG));
  const alone = items.map((item) => formatCitations(item));
  assert.deepEqual(formatCitationBatch(items), alone);
  assert.deepEqual(formatCitationBatch([...items].reverse()), [...alone].reverse());
  // Not vacuous: the items' citations differ from one another.
  assert.equal(new Set(alone.map((c) => c.chicago)).size, items.length);
});

test("a one-word speaker's name that is also a name suffix (Do, Ma, PC) is cited whole", () => {
  const base = { id: "2021-06-03-a", title: "Remarks", date: "2021-06-03", type: "Remarks", office: null, location: null };
  for (const name of ["Do", "Ma", "PC"]) {
    const item = cslItem({ ...base, speakers: [{ name, title: null }] } as never, "https://x.example/r/", SAMPLE_CONFIG);
    assert.deepEqual(item.author, [{ literal: name }]);
    assert.match(formatCitations(item).chicago, new RegExp(`^${name}\\. “Remarks\\.”`));
  }
});

test("a title naming a property every object has (constructor, __proto__, toString) is cited, and so is every item after it", () => {
  const base = { id: "2021-06-03-a", date: "2021-06-03", type: "Remarks", office: "Office of the Spokesperson", location: null, speakers: [] };
  for (const title of ["constructor", "__proto__", "toString", "hasOwnProperty", "A Later Statement"]) {
    const citations = formatCitations(cslItem({ ...base, title } as never, "https://x.example/r/", SAMPLE_CONFIG));
    assert.ok(citations.chicago.includes(`“${title}.”`), citations.chicago);
  }
});
