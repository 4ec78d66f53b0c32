// Each limit (file size, line length, feed items, nesting, DOCTYPE entities) is enforced with its diagnostic, and the
// rest of the archive is still ingested.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ingest } from "../../src/cli/ingest.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { readFeed } from "../../src/sources/feed.ts";
import { LIMITS } from "../../src/sources/limits.ts";

const HEADER = "Statement on Limits\n\nPress Statement\n\nOffice of the Spokesperson\n\nAugust 2, 2021\n\n";
const item = (i: number, html = "<p>Office of the Spokesperson</p><p>Body text.</p>") =>
  `<item><title>Item ${i}</title><guid>g${i}</guid><pubDate>Mon, 02 Aug 2021 03:08:00 +0000</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
const rss = (body: string) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${body}</channel></rss>`;
const codes = (r: ReturnType<typeof parseSource>) => [...r.diagnostics, ...r.items.flatMap((i) => i.diagnostics)].map((d) => d.code);

test("a source over the size limit is reported without being parsed", () => {
  const big = Buffer.alloc(LIMITS.maxSourceBytes + 1, "a");
  assert.deepEqual(codes(parseSource(big, { path: "big.txt" })), ["SOURCE_TOO_LARGE"]);
  assert.deepEqual(codes(parseSource(big, { path: "big.rss" })), ["SOURCE_TOO_LARGE"]);
});

test("a line over the length limit is reported with its line number; one just under it is read", () => {
  const long = parseSource(`${HEADER}${"word ".repeat(LIMITS.maxLineLength / 5 + 1)}\n`, { path: "long.txt" });
  const d = long.items[0]!.diagnostics.find((x) => x.code === "LINE_TOO_LONG");
  assert.equal(d?.start.line, 9);
  assert.equal(long.items[0]!.release, null);
  const ok = parseSource(`${HEADER}${"word ".repeat(LIMITS.maxLineLength / 5 - 1)}\n`, { path: "ok.txt" });
  assert.ok(ok.items[0]!.release, JSON.stringify(ok.items[0]!.diagnostics));
});

test("a feed over the item limit keeps its first items and says so", () => {
  const items = Array.from({ length: LIMITS.maxFeedItems + 10 }, (_, i) => `<item><title>${i}</title></item>`).join("");
  const feed = readFeed(rss(items), "rss");
  assert.equal(feed.items.length, LIMITS.maxFeedItems);
  assert.ok(feed.items.every((i) => i.complete));
  assert.equal(feed.stopped?.code, "TOO_MANY_FEED_ITEMS");
});

test("XML nested past the limit stops the feed; HTML nested past it, or of too many elements, skips the item; so does a huge paragraph", () => {
  const deepXml = parseSource(rss(`${item(1)}${"<x>".repeat(LIMITS.maxDepth + 5)}`), { path: "deep.rss" });
  assert.deepEqual(codes(deepXml), ["TOO_DEEP"]);
  assert.ok(deepXml.items[0]!.release, "the item before the deep part is read");
  const deepHtml = parseSource(rss(item(1, `<p>Office of the Spokesperson</p>${"<div>".repeat(LIMITS.maxDepth + 5)}text`) + item(2)), { path: "html.rss" });
  assert.deepEqual(codes(deepHtml), ["TOO_DEEP"]);
  assert.equal(deepHtml.items[0]!.release, null);
  assert.ok(deepHtml.items[1]!.release);
  const many = parseSource(rss(item(1, `<p>Office of the Spokesperson</p>${"<br>".repeat(LIMITS.maxHtmlElements)}`) + item(2)), { path: "many.rss" });
  assert.deepEqual(codes(many), ["TOO_MANY_ELEMENTS"]);
  assert.ok(many.items[1]!.release);
  // Items just under the per-item limit, until the feed's budget runs out: those after it are skipped. (They have no
  // date, so the reader stops before parsing their HTML, which keeps the test quick; the budget counts them still.)
  const undated = `<item><title>Undated</title><content:encoded><![CDATA[${"<br>".repeat(LIMITS.maxHtmlElements - 1)}]]></content:encoded></item>`;
  const count = Math.ceil(LIMITS.maxFeedElements / LIMITS.maxHtmlElements);
  const spent = parseSource(rss(item(0) + undated.repeat(count) + item(1)), { path: "budget.rss" });
  assert.ok(spent.items[0]!.release, "the first item is read");
  assert.deepEqual(spent.items.at(-1)!.diagnostics.map((d) => d.code), ["TOO_MANY_ELEMENTS"], "the item past the feed's element budget is skipped");
  const longPara = parseSource(rss(item(1, `<p>Office of the Spokesperson</p><p>${"word ".repeat(LIMITS.maxLineLength / 5 + 1)}</p>`)), { path: "para.rss" });
  assert.deepEqual(codes(longPara), ["LINE_TOO_LONG"]);
});

test("a DOCTYPE declaring entities is refused, whether internal, external or too long to sniff past", () => {
  for (const doctype of ['<!DOCTYPE rss [<!ENTITY a "b">]>', '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', `<!DOCTYPE rss [${'<!ENTITY a "b">'.repeat(5000)}]>`]) {
    const r = parseSource(`<?xml version="1.0"?>${doctype}<rss><channel>${item(1)}</channel></rss>`, { path: "e.rss" });
    assert.deepEqual(codes(r), ["XML_ENTITIES"]);
    assert.equal(r.items.length, 0);
  }
  // A DOCTYPE without entities (RSS 0.91's public one) is harmless and read; nothing is fetched.
  const plain = parseSource(`<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${rss(item(1)).replace(/^<\?xml[^>]*>/, "")}`, { path: "p.rss" });
  assert.ok(plain.items[0]?.release, JSON.stringify(codes(plain)));
});

test("ingest reports a file over the limit without reading it, and writes the rest", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-limits-"));
  try {
    const sources = join(dir, "sources");
    await mkdir(sources);
    await writeFile(join(sources, "big.txt"), Buffer.alloc(LIMITS.maxSourceBytes + 1, "a"));
    await writeFile(join(sources, "good.txt"), `${HEADER}A body.\n`);
    const lines: string[] = [];
    const summary = await ingest({ sources, content: join(dir, "content"), log: (l) => lines.push(l) });
    assert.equal(summary.written, 1);
    assert.equal(summary.reported, 1);
    assert.ok(lines.some((l) => /big\.txt:1:1: Unexpected file of 16,777,217 bytes \(16 MiB\), expected at most 16,777,216 \(16 MiB\); it is not read \[SOURCE_TOO_LARGE\]/.test(l)), lines.join("\n"));
    assert.deepEqual(await readdir(join(dir, "content/releases/2021/08")), ["2021-08-02-statement-on-limits.md"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
