// Merging: one release per guid across snapshots (newest wins, changes recorded), a text file joined to its feed item.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { mergeReleases } from "../../src/ingest/dedupe.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { planIngest } from "../../src/ingest/plan.ts";
import { onDisk } from "./existing.ts";

const snapshot = (built: string, items: { guid: string; title: string; body: string; link?: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Press Releases</title><lastBuildDate>${built}</lastBuildDate>` +
  items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link ?? `https://www.state.gov/${i.guid}/`}</link><dc:creator><![CDATA[Office of the Spokesperson]]></dc:creator>` +
        `<pubDate>Fri, 21 May 2021 15:00:00 +0000</pubDate><guid isPermaLink="false">https://www.state.gov/?page_id=${i.guid}</guid>` +
        `<content:encoded><![CDATA[<p>Office of the Spokesperson</p>${i.body}]]></content:encoded></item>`,
    )
    .join("") +
  "</channel></rss>";

const text = (title: string, body: string) => `${title}\n\nOffice of the Spokesperson\n\nMay 21, 2021\n\n${body}\n`;

test("the same guid in several snapshots is one release: the newest wins, and title and body changes are revisions", () => {
  const older = parseSource(snapshot("Sat, 22 May 2021 12:00:00 +0000", [{ guid: "1", title: "Readout Of Call", body: "<p>First text.</p>" }]), { path: "b.rss" });
  const newer = parseSource(snapshot("Sun, 23 May 2021 03:00:00 +0000", [{ guid: "1", title: "Readout of Call", body: "<p>First text, corrected.</p>" }]), { path: "a.rss" });
  const same = parseSource(snapshot("Sun, 23 May 2021 12:00:00 +0000", [{ guid: "1", title: "Readout of Call", body: "<p>First text, corrected.</p>" }]), { path: "c.rss" });
  // File order does not decide: the snapshots' build dates do.
  const merged = mergeReleases([newer, older, same]);
  assert.equal(merged.releases.length, 1);
  assert.deepEqual(merged.counts, { itemsRead: 3, distinctReleases: 1, duplicatesMerged: 2 });
  const r = merged.releases[0]!;
  assert.equal(r.key, "https://www.state.gov/?page_id=1");
  assert.equal(r.release.title, "Readout of Call");
  assert.equal(r.release.source.path, "c.rss");
  // The change appeared in the snapshot built at 03:00 UTC on 23 May: 22 May in New York.
  assert.deepEqual(r.release.revisions, [{ date: "2021-05-22", changes: "title was “Readout Of Call”; body changed (1 paragraph edited)" }]);
  assert.deepEqual(r.release.otherSources, []);
});

test("a text file with the same title and date as a feed item joins it, both sources listed; two texts never merge", () => {
  const feed = parseSource(snapshot("Sat, 22 May 2021 12:00:00 +0000", [{ guid: "7", title: "Secretary Blinken’s Call", body: "<p>Text.</p>" }]), { path: "feed.rss" });
  const a = parseSource(text("Secretary Blinken's  Call", "Text."), { path: "7.txt" });
  const b = parseSource(text("Another Readout", "Other."), { path: "x.txt" });
  const c = parseSource(text("Another Readout", "Other again."), { path: "y.txt" });
  const merged = mergeReleases([a, b, c, feed]);
  assert.equal(merged.releases.length, 3);
  const joined = merged.releases.find((r) => r.key === "https://www.state.gov/?page_id=7")!;
  assert.deepEqual(joined.aliases, ["7.txt"]);
  assert.deepEqual(joined.release.otherSources.map((s) => [s.format, s.path]), [["text", "7.txt"]]);
  assert.deepEqual(merged.merged.map((m) => m.path), ["7.txt"]);
});

test("ids stay put: a text release keeps its id when its feed item arrives, and across snapshots", () => {
  const t = parseSource(text("Secretary Blinken’s Call", "Text."), { path: "7.txt" });
  const first = planIngest(mergeReleases([t]).releases.map((r) => ({ ...r })), []);
  const existing = first.outcomes.map((o, i) => ({ file: o.file!, id: o.id!, sourcePath: o.path, keys: [o.key], ...onDisk(first.writes[i]!.markdown) }));
  const feed = parseSource(snapshot("Sat, 22 May 2021 12:00:00 +0000", [{ guid: "7", title: "Secretary Blinken’s Call", body: "<p>Text.</p>" }]), { path: "s1.rss" });
  const second = planIngest(mergeReleases([t, feed]).releases.map((r) => ({ ...r })), existing);
  assert.equal(second.outcomes.length, 1);
  assert.equal(second.outcomes[0]!.id, first.outcomes[0]!.id);
  assert.deepEqual(second.removals, []);
  // A later snapshot with a corrected title: same guid, same id; the old file is rewritten, not removed.
  const next = [{ file: second.outcomes[0]!.file!, id: second.outcomes[0]!.id!, sourcePath: "s1.rss", keys: ["https://www.state.gov/?page_id=7", "7.txt"], ...onDisk(second.writes[0]!.markdown) }];
  const feed2 = parseSource(snapshot("Sun, 23 May 2021 12:00:00 +0000", [{ guid: "7", title: "Secretary Blinken’s Call with a Minister", body: "<p>Text.</p>" }]), { path: "s2.rss" });
  const third = planIngest(mergeReleases([feed, feed2]).releases.map((r) => ({ ...r })), next);
  assert.equal(third.outcomes[0]!.id, first.outcomes[0]!.id);
  assert.deepEqual(third.removals, []);
  assert.match(third.writes[0]!.markdown, /title was “Secretary Blinken’s Call”/);
});

const corpus = join(import.meta.dirname, "../../../shared/corpus/feeds");
test("the 106 state.gov snapshots hold exactly 587 releases, with revisions where titles or bodies changed", { skip: !existsSync(corpus) && "../shared/corpus/feeds is absent" }, () => {
  const sources = readdirSync(corpus).sort().map((f) => parseSource(readFileSync(join(corpus, f)), { path: f }));
  assert.equal(sources.length, 106);
  const merged = mergeReleases(sources);
  assert.deepEqual(merged.counts, { itemsRead: 1060, distinctReleases: 587, duplicatesMerged: 473 });
  assert.equal(new Set(merged.releases.map((r) => r.key)).size, 587);
  // Every release whose versions differ in title or body records it, and only those.
  const versions = new Map<string, Set<string>>();
  for (const s of sources) for (const it of s.items) {
    const r = it.release!;
    const set = versions.get(it.guid!) ?? new Set();
    set.add(JSON.stringify([r.title, r.body]));
    versions.set(it.guid!, set);
  }
  const changed = [...versions].filter(([, v]) => v.size > 1).map(([g]) => g).sort();
  const revised = merged.releases.filter((r) => r.release.revisions.length > 0).map((r) => r.key).sort();
  assert.ok(changed.length > 0);
  assert.deepEqual(revised, changed);
  const titleChanges = merged.releases.flatMap((r) => r.release.revisions).filter((v) => v.changes.startsWith("title was"));
  assert.ok(titleChanges.length > 0, "some titles were corrected between snapshots");
});
