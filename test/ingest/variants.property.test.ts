// Metamorphic property: the same statement saved in another variant (chrome language, line endings, BOM, type line,
// encoding) gives the same title, date, creator and body.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import type { Release } from "../../src/model/release.ts";

const dir = join(import.meta.dirname, "../../../shared/corpus/text");
const files = readdirSync(dir).sort().filter((_, i) => i % 12 === 0);
const texts = files.map((f) => {
  const bytes = readFileSync(join(dir, f));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "windows-1252");
  }
});

/** Chrome of another blog language: a date header, and a comment footer in that language. */
const CHROME: Record<string, { header: string; footer: string[] }> = {
  en: { header: "Tuesday, August 3, 2021", footer: ["No comments:", "Post a Comment"] },
  fr: { header: "mardi 3 août 2021", footer: ["Aucun commentaire:", "Enregistrer un commentaire"] },
  de: { header: "Dienstag, 3. August 2021", footer: ["Keine Kommentare:", "Kommentar veröffentlichen"] },
  es: { header: "martes, 3 de agosto de 2021", footer: ["No hay comentarios:", "Publicar un comentario"] },
  none: { header: "", footer: [] },
};
const HEADER = /^(?:\p{L}+,? \d{1,2}\.? \p{L}+ \d{4}|\p{L}+, \p{L}+ \d{1,2}, \d{4}|\p{L}+, \d{1,2}\.? (?:de )?\p{L}+ (?:de )?\d{4})\n\n/u;
const FOOTER = /\n(?:Aucun commentaire ?:|No comments:)\n\n(?:Enregistrer un commentaire|Post a Comment)\n*$/;

/** Re-dresses a statement: strips its Blogger chrome and puts on another. */
function rechrome(text: string, lang: string): string {
  const lf = text.replace(/\r\n/g, "\n");
  const hasChrome = HEADER.test(lf);
  let core = lf.replace(HEADER, "").replace(FOOTER, "\n");
  if (!hasChrome) return core; // a source without chrome stays without it (its post-title line is absent too)
  const chrome = CHROME[lang]!;
  if (lang === "none") core = core.replace(/^Collected Department Releases: .*\n\n/, "").replace(/\nCollected Department Releases: .*\n*$/, "\n");
  return [chrome.header, "", core.trimEnd(), "", ...chrome.footer.flatMap((l) => [l, ""])].join("\n").replace(/^\n/, "");
}

function essentials(r: Release | null) {
  assert.ok(r);
  return { title: r.title, date: r.date, office: r.office, speakers: r.speakers, location: r.location, preamble: r.preamble, body: r.body };
}

test("variants of a real statement parse the same (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.constantFrom("en", "fr", "de", "es", "none"),
      fc.constantFrom("\n", "\r\n", "\r"),
      fc.boolean(),
      fc.boolean(),
      (i, lang, eol, bom, cp1252) => {
        const original = parseRelease(texts[i]!, { path: files[i]! }).release;
        let variant = rechrome(texts[i]!, lang).replace(/\n/g, eol);
        if (bom) variant = `\ufeff${variant}`;
        const bytes = cp1252 && !bom && [...variant].every((c) => iconv.encodingExists("windows-1252") && iconv.decode(iconv.encode(c, "windows-1252"), "windows-1252") === c)
          ? iconv.encode(variant, "windows-1252")
          : Buffer.from(variant, "utf8");
        const { release } = parseRelease(bytes, { path: files[i]! });
        assert.deepEqual(essentials(release), essentials(original), `${files[i]} as ${lang}/${JSON.stringify(eol)}/bom=${bom}/cp1252=${cp1252}`);
        if (lang === "none") assert.equal(release!.source.collectedOn, null);
        else if (HEADER.test(texts[i]!.replace(/\r\n/g, "\n"))) assert.equal(release!.source.collectedOn, "2021-08-03");
      },
    ),
    { numRuns: 300 },
  );
});

test("a type line added to the header only sets the type", () => {
  for (const [i, text] of texts.entries()) {
    const original = parseRelease(text, { path: files[i]! }).release!;
    const lines = text.replace(/\r\n/g, "\n").split("\n");
    const titleAt = lines.findIndex((l) => l.replace(/[\s\u00a0]+/g, " ").trim() === original.title);
    assert.ok(titleAt >= 0, files[i]);
    lines.splice(titleAt + 1, 0, "", "Press Statement");
    const { release } = parseRelease(lines.join("\n"), { path: files[i]! });
    assert.equal(release?.type, "Press Statement", files[i]);
    assert.deepEqual(essentials(release), essentials(original), files[i]);
  }
});
