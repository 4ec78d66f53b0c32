// Generates the big hostile inputs (50 MB text, one enormous line, 10,000-item feed, deep nesting, billion laughs)
// and prints, for each, what parseSource made of it, its time and the process's peak memory (one process each).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const para = "The United States and its partners reaffirmed their commitment to a free and open Indo-Pacific region, with the Secretary noting the importance of cooperation on climate, health and security.";
const header = "Statement on Cooperation\n\nPress Statement\n\nOffice of the Spokesperson\n\nAugust 2, 2021\n\n";
const item = (i: number) => `<item><title>Item ${i} on cooperation</title><guid>g${i}</guid><pubDate>Mon, 02 Aug 2021 03:08:00 +0000</pubDate><dc:creator>Office of the Spokesperson</dc:creator><content:encoded><![CDATA[<p>${para} ${i}</p><p>${para}</p>]]></content:encoded></item>\n`;
const rss = (body: string, prolog = "") => `<?xml version="1.0"?>${prolog}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${body}</channel></rss>`;
const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

const INPUTS: [string, () => string | Buffer][] = [
  ["text-50MB.txt", () => header + repeatTo(`${para}\n\n`, 50e6)],
  ["text-15MB.txt", () => header + repeatTo(`${para}\n\n`, 15e6)],
  ["one-line-15MB.txt", () => header + repeatTo(`${para} `, 15e6)],
  ["one-line-90k.txt", () => header + repeatTo(`${para} `, 90_000)],
  ["feed-10000-items.rss", () => rss(Array.from({ length: 10_000 }, (_, i) => item(i)).join(""))],
  ["feed-5000-items.rss", () => rss(Array.from({ length: 5_000 }, (_, i) => item(i)).join(""))],
  ["xml-nested-1000000.rss", () => rss(`${"<x>".repeat(1e6)}${"</x>".repeat(1e6)}`)],
  ["html-nested-100000.rss", () => rss(`<item><title>Deep</title><pubDate>Mon, 02 Aug 2021 03:08:00 +0000</pubDate><content:encoded><![CDATA[<p>Office of the Spokesperson</p>${"<div>".repeat(1e5)}text${"</div>".repeat(1e5)}]]></content:encoded></item>`)],
  ["html-nested-15MB.rss", () => rss(`<item><title>Deep</title><pubDate>Mon, 02 Aug 2021 03:08:00 +0000</pubDate><content:encoded><![CDATA[<p>Office of the Spokesperson</p>${"<div>".repeat(3e6)}]]></content:encoded></item>`)],
  ["feed-of-tags-15MB.rss", () => rss(Array.from({ length: 190 }, (_, i) => item(i).replace("<p>", `<p>${"<br>".repeat(19_000)}`)).join(""))],
  ["billion-laughs.rss", () => rss("<item><title>&lol9;</title></item>", `<!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]>`)],
  ["xxe.rss", () => rss("<item><title>&xxe;</title></item>", `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)],
  ["random-5MB.bin", () => Buffer.from(Array.from({ length: 5e6 }, (_, i) => (i * 2654435761) >>> 24))],
];

const MEASURE = `
import { readFileSync } from "node:fs";
import { parseSource } from "${join(import.meta.dirname, "../src/ingest/parse-source.ts")}";
const p = process.argv[2];
const t = performance.now();
const r = parseSource(readFileSync(p), { path: p.split("/").pop() });
const ms = performance.now() - t;
const codes = {};
for (const d of [...r.diagnostics, ...r.items.flatMap((i) => i.diagnostics)]) codes[d.code] = (codes[d.code] ?? 0) + 1;
console.log(JSON.stringify({ seconds: +(ms / 1000).toFixed(2), peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), releases: r.items.filter((i) => i.release).length, codes }));
`;

const dir = mkdtempSync(join(tmpdir(), "communique-hostile-inputs-"));
try {
  const script = join(dir, "measure.ts");
  writeFileSync(script, MEASURE);
  console.log("| input | size | parse time | peak memory | releases | diagnostics |\n|---|---|---|---|---|---|");
  // `npm run hostile:inputs -- feed` measures only the inputs whose name holds "feed".
  for (const [name, make] of INPUTS.filter(([n]) => !process.argv[2] || n.includes(process.argv[2]))) {
    const path = join(dir, name);
    writeFileSync(path, make());
    const size = readFileSync(path).length;
    const out = execFileSync(process.execPath, ["--import", "tsx", script, path], { encoding: "utf8", maxBuffer: 1 << 20 });
    const m = JSON.parse(out.trim().split("\n").at(-1)!) as { seconds: number; peakMiB: number; releases: number; codes: Record<string, number> };
    const codes = Object.entries(m.codes).map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(", ") || "none";
    console.log(`| ${name} | ${(size / 1024 / 1024).toFixed(1)} MiB | ${m.seconds} s | ${m.peakMiB} MiB | ${m.releases} | ${codes} |`);
    rmSync(path);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
