// The feed reader and parseSource never throw, whatever the bytes; every item is a release or reported.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { readFeed, sniffFeed } from "../../src/sources/feed.ts";

const pieces = [
  '<?xml version="1.0"?>', "<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<pubDate>Mon, 02 Aug 2021 03:08:00 +0000</pubDate>",
  '<guid isPermaLink="false">g</guid>', "<content:encoded><![CDATA[<p>Office of the Spokesperson</p><p>Text <a href='https://lnks.gd/l/x'>x</a></p>]]></content:encoded>",
  "<dc:creator>Office of the Spokesperson</dc:creator>", "&nbsp;", "&amp;", "]]>", "<![CDATA[", '<feed xmlns="http://www.w3.org/2005/Atom">', "<entry>", "</entry>",
  '<content type="xhtml"><div>', "</div></content>", "<published>2021-08-02</published>", "</channel></rss>", "<",
];
const feedish = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((p) => p.join(""));

function check(input: string | Uint8Array, path: string): void {
  const result = parseSource(input, { path });
  for (const item of result.items) assert.ok(item.release !== null || item.diagnostics.some((d) => d.severity === "error"), "an item is neither a release nor an error");
  const text = typeof input === "string" ? input : Buffer.from(input).toString("latin1");
  const kind = sniffFeed(text);
  if (kind === "rss" || kind === "atom") readFeed(text, kind);
}

test("feed-like strings never make the reader throw (property)", () => {
  fc.assert(fc.property(feedish, (s) => check(s, "feed.rss")), { numRuns: 1500 });
});

test("arbitrary strings and bytes never make the reader throw (property)", () => {
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => check(`<rss>${s}`, "a.xml")), { numRuns: 500 });
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => check(s, "b.rss")), { numRuns: 500 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(b, "c.atom")), { numRuns: 500 });
});

/** XML that tries the reader's limits: DOCTYPEs with entities (internal, external, nested), deep nesting, many items. */
const hostileXml = fc
  .tuple(
    fc.constantFrom("", '<?xml version="1.0"?>'),
    fc.constantFrom("", '<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>', '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">', "<!DOCTYPE rss>"),
    fc.array(fc.oneof(fc.constantFrom(...pieces, "&a;", "&b;", "&x;", "<x>", "</x>", "<x><x><x><x><x><x><x><x><x><x>"), fc.string({ maxLength: 8 })), { maxLength: 60 }),
    fc.nat({ max: 150 }),
  )
  .map(([decl, doctype, parts, depth]) => `${decl}${doctype}<rss><channel>${"<d>".repeat(depth)}${parts.join("")}`);

test("hostile XML (entities, external DTDs, deep nesting) never throws, never expands, and ends quickly (property)", () => {
  fc.assert(
    fc.property(hostileXml, (s) => {
      const t = performance.now();
      check(s, "h.rss");
      const result = parseSource(s, { path: "h.rss" });
      // No entity a DOCTYPE declares is ever expanded, and no external one is read.
      for (const item of result.items) assert.ok(!JSON.stringify(item.release ?? {}).includes("aaaa") && !JSON.stringify(item.release ?? {}).includes("root:"));
      if (/<!ENTITY/.test(s)) assert.ok(result.diagnostics.some((d) => d.code === "XML_ENTITIES") && result.items.length === 0, "entities refused");
      assert.ok(performance.now() - t < 5000, "bounded time");
    }),
    { numRuns: 400 },
  );
});
