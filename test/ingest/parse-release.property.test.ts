// parseRelease never throws on arbitrary text or bytes, and every diagnostic points inside the input.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseRelease } from "../../src/ingest/parse-release.ts";

const statementish = fc
  .array(
    fc.oneof(
      fc.constantFrom("", "Media Note", "Office of the Spokesperson", "August 26, 2014", "February 30, 2021", "mardi 26 août 2014", "Begin Text:", "End Text", "Source: Dept. Of State – Releases", "No comments:", "QUESTION: Why?", "- item", "Antony J. Blinken, Secretary of State", "Collected Department Releases: T", "T"),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 25 },
  )
  .chain((lines) => fc.constantFrom("\n", "\r\n", "\r").map((eol) => lines.join(eol)));

function check(input: string | Uint8Array): void {
  const { release, diagnostics } = parseRelease(input, { path: "p.txt" });
  const text = typeof input === "string" ? input : Buffer.from(input).toString("latin1");
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    assert.ok(d.start.line >= 1 && d.start.line <= lineCount, `line ${d.start.line} outside 1..${lineCount}`);
    assert.ok(d.end.line >= d.start.line && d.end.line <= lineCount);
    assert.ok(d.start.column >= 1);
  }
  assert.ok(release !== null || diagnostics.some((d) => d.severity === "error"), "neither a release nor an error");
}

test("arbitrary statement-like text (property)", () => {
  fc.assert(fc.property(statementish, check), { numRuns: 3000 });
});

test("arbitrary strings and bytes (property)", () => {
  fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 1000 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), check), { numRuns: 1000 });
});

/** Bytes of text in several encodings at once: UTF-8 runs, Windows-1252 bytes, UTF-16 BOMs, NULs, controls. */
const mixedBytes = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }).map((s) => Buffer.from(s, "utf8")),
      fc.constantFrom([0x93], [0x94], [0x92], [0xe9], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0x01], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]).map((b) => Buffer.from(b)),
      fc.constantFrom("Media Note\n", "August 26, 2014\n", "Office of the Spokesperson\n", "\n\n").map((s) => Buffer.from(s)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => new Uint8Array(Buffer.concat(parts)));

test("mixed and invalid encodings, NULs and BOMs: a release or an error, never a throw, quickly (property)", () => {
  fc.assert(
    fc.property(mixedBytes, (b) => {
      const t = performance.now();
      check(b);
      const { release } = parseRelease(b, { path: "m.txt" });
      // Whatever the bytes, the text that reaches a release holds no NUL and no replacement character from decoding.
      if (release) assert.ok(!JSON.stringify(release).includes("\\u0000"));
      assert.ok(performance.now() - t < 5000, "bounded time");
    }),
    { numRuns: 1000 },
  );
});
