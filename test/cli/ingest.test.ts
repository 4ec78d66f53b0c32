// The ingest command on disk: writes, then writes nothing on a re-run, rewrites only what changed, removes what is gone.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ingest } from "../../src/cli/ingest.ts";
import { listFiles } from "../../src/cli/files.ts";

const repoSources = join(import.meta.dirname, "../../content/sources");

test("ingest is incremental and reports every source", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-ingest-"));
  try {
    const sources = join(dir, "sources");
    const content = join(dir, "content");
    await cp(repoSources, sources, { recursive: true });
    const quiet = { log: () => {} };
    const first = await ingest({ sources, content, ...quiet });
    // Every text file and the one feed snapshot's items make releases; texts of the snapshot's items merge into them.
    const count = first.distinctReleases;
    assert.equal(first.itemsRead, first.distinctReleases + first.duplicatesMerged);
    assert.equal(first.written, count);
    assert.equal(first.reported, 0);
    const files = (await listFiles(join(content, "releases"))).map((f) => join(content, "releases", f));
    const mtimes = await Promise.all([...files, join(content, "ingest-report.json")].map(async (f) => (await stat(f)).mtimeMs));

    const lines: string[] = [];
    const second = await ingest({ sources, content, log: (l) => lines.push(l) });
    assert.deepEqual([second.written, second.unchanged, second.removed], [0, count, 0]);
    assert.match(lines.at(-1)!, /Nothing to write/);
    const after = await Promise.all([...files, join(content, "ingest-report.json")].map(async (f) => (await stat(f)).mtimeMs));
    assert.deepEqual(after, mtimes, "an unchanged re-run must not touch any file");

    // Change one source, remove another (a text that no feed item repeats), add a broken one.
    const seed = join(sources, "000_0399d071038372ee.txt");
    await writeFile(seed, (await readFile(seed, "utf8")).replace("Both sides reaffirmed", "Both sides firmly reaffirmed"));
    await rm(join(sources, "245942.txt"));
    await writeFile(join(sources, "broken.txt"), "");
    const third = await ingest({ sources, content, ...quiet });
    assert.deepEqual([third.written, third.removed, third.reported], [1, 1, 1]);
    const seedFile = join(content, "releases/2014/08/2014-08-26-joint-statement-on-united-states-republic-of-korea-bilateral-cyber-policy-consultations.md");
    assert.match(await readFile(seedFile, "utf8"), /Both sides firmly reaffirmed/);
    // The hashes ingest hands the render are those of the files as they now are: read, written and removed alike.
    const sha = async (path: string) => createHash("sha256").update(await readFile(path)).digest("base64url");
    const releaseFiles = (await listFiles(join(content, "releases"))).map((f) => `releases/${f}`);
    assert.deepEqual([...third.releaseDigests.keys()].sort(), releaseFiles);
    for (const f of releaseFiles) assert.equal(third.releaseDigests.get(f), await sha(join(content, f)), f);
    const sourceFiles = await listFiles(sources);
    assert.deepEqual([...third.sourceDigests.keys()].sort(), sourceFiles);
    for (const f of sourceFiles) assert.equal(third.sourceDigests.get(f), await sha(join(sources, f)), f);
    assert.ok(!(await listFiles(join(content, "releases"))).some((f) => f.includes("call-with-german-foreign-minister-maas")));
    const report = JSON.parse(await readFile(join(content, "ingest-report.json"), "utf8"));
    const broken = report.outcomes.find((o: { path: string }) => o.path === "broken.txt");
    assert.equal(broken.status, "reported");
    assert.equal(broken.diagnostics[0].code, "EMPTY_SOURCE");
    assert.equal(report.removed[0].sourcePath, "245942.txt");

    // A correction applies and survives re-ingest; a bad one is reported and the last good file stays.
    await mkdir(join(content, "corrections"));
    const id = "2014-08-26-joint-statement-on-united-states-republic-of-korea-bilateral-cyber-policy-consultations";
    await writeFile(join(content, "corrections", `${id}.yaml`), "topics:\n  - cyber-policy\n");
    await ingest({ sources, content, ...quiet });
    await ingest({ sources, content, ...quiet });
    assert.match(await readFile(seedFile, "utf8"), /topics:\n  - cyber-policy\n/);
    await writeFile(join(content, "corrections", `${id}.yaml`), "date: not a date\n");
    const bad: string[] = [];
    const fourth = await ingest({ sources, content, log: (l) => bad.push(l) });
    assert.equal(fourth.reported, 2);
    assert.ok(bad.some((l) => l.startsWith(join(content, "corrections", `${id}.yaml`) + ":1:1: ") && l.endsWith("[BAD_CORRECTION]")), bad.join("\n"));
    assert.match(await readFile(seedFile, "utf8"), /topics:\n  - cyber-policy\n/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
