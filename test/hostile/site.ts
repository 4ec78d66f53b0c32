// Test helper: the hostile archive (test/hostile/sources) built into a temporary folder, and what each source must become.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildResult } from "../../src/cli/build.ts";
import type { DiagnosticCode } from "../../src/model/diagnostic.ts";
import { SAMPLE_CONFIG } from "../site/sample.ts";

/** The hostile sources. */
export const HOSTILE_SOURCES = join(import.meta.dirname, "sources");

/** Each source's outcome: the error code it is reported with, or the titles of the releases it yields (in item order). */
export const EXPECTED: Record<string, { reported: DiagnosticCode } | { titles: string[]; info?: DiagnosticCode }> = {
  "arabic.txt": { titles: ["بيان مشترك بشأن التعاون بين الولايات المتحدة والأردن"] },
  "archive.zip": { reported: "NOT_TEXT" },
  "billion-laughs.rss": { reported: "XML_ENTITIES" },
  "cjk-1.txt": { titles: ["美日韩三国外长联合声明"] },
  "cjk-2.txt": { titles: ["日米韓外相共同声明"] },
  "cyrillic.txt": { titles: ["Заявление о сотрудничестве между США и Казахстаном"] },
  "document.pdf": { reported: "NOT_TEXT" },
  "empty.txt": { reported: "EMPTY_SOURCE" },
  "front-matter-title.txt": { titles: ["--- permalink: /index.html --- layout: false ---"] },
  "hostile.atom": { titles: ["Atom Title in HTML <b>"] },
  "hostile.rss": { titles: ["<script>window.__pwn()</script> Feed Title With {{ 7 * 7 }} and {% raw %}", "Statement on Hostile Input!", "Statement on Hostile Input?", "../../../../etc/passwd"] },
  "image.png": { reported: "NOT_TEXT" },
  "invalid-utf8.txt": { titles: ["Statement ÿþý on Bytes"], info: "NOT_UTF8" },
  "mixed-encoding.txt": { titles: ["Statement on Café Diplomacy in Zürich"], info: "MIXED_ENCODING" },
  "nul-bytes.txt": { reported: "NOT_TEXT" },
  "script-in-text.txt": { titles: ['<script>window.__pwn()</script> Statement on <img src=x onerror="window.__pwn()"> and {{ 7 * 7 }} {% raw %}'] },
  "utf-16.txt": { titles: ["Statement in UTF-16"] },
  "windows-1252.txt": { titles: ["“Quoted” Statement on Café Diplomacy"], info: "NOT_UTF8" },
  "xxe.rss": { reported: "XML_ENTITIES" },
};

/** Body text that must show literally on its release page (escaped markup, template syntax, delimiters). */
export const VISIBLE_BODY_TEXT = [
  "Escaped markup shows as text: <script>window.__pwn()</script> and {{ 7 * 7 }} and {% include \"x\" %} and ---.",
  'Click [this link](javascript:window.__pwn()) or <a href="javascript:window.__pwn()">that one</a> or <javascript:window.__pwn()> now.',
  "</main></body><script>window.__pwn()</script>",
  "Template syntax {{ 7 * 7 }} and {% include \"base.njk\" %} and {{ page.url }} and {%- if true %}tpl{% endif %} shows as written.",
];

export interface HostileSite {
  dir: string;
  sources: string;
  content: string;
  output: string;
  result: BuildResult;
  log: string[];
  remove(): Promise<void>;
}

/** Copies the hostile sources into a new temporary folder and builds them into `<dir>/site`. */
export async function buildHostile(prefix = "communique-hostile-"): Promise<HostileSite> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const sources = join(dir, "sources");
  await cp(HOSTILE_SOURCES, sources, { recursive: true });
  const content = join(dir, "content");
  const output = join(dir, "site");
  const log: string[] = [];
  const result = await build({ sources, content, output, config: SAMPLE_CONFIG, log: (l) => log.push(l) });
  return { dir, sources, content, output, result, log, remove: () => rm(dir, { recursive: true, force: true }) };
}
