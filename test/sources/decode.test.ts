// Decoding: UTF-8 with or without BOM, Windows-1252 fallback with real curly quotes, binary detection.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeBytes } from "../../src/sources/decode.ts";

test("UTF-8 and its byte-order mark", () => {
  assert.deepEqual(decodeBytes(new TextEncoder().encode("Café’s")), { text: "Café’s", encoding: "utf-8", binary: false });
  assert.equal(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text, "A");
});

test("invalid UTF-8 is Windows-1252: curly quotes, dashes and accents survive", () => {
  const d = decodeBytes(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x92, 0xe9]));
  assert.equal(d.encoding, "windows-1252");
  assert.equal(d.text, "“A” – ’é");
  assert.ok(!d.text.includes("\ufffd"));
});

test("NUL bytes mark a binary file", () => {
  assert.equal(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).binary, true);
  assert.equal(decodeBytes(new TextEncoder().encode("plain\ttext\r\n")).binary, false);
});

test("mostly UTF-8 with stray Windows-1252 bytes keeps its UTF-8 characters (mixed)", () => {
  const bytes = Buffer.concat([Buffer.from("Zürich — “cordially” é"), Buffer.from([0x92, 0x20, 0x93, 0x41, 0x94])]);
  assert.deepEqual(decodeBytes(bytes), { text: "Zürich — “cordially” é’ “A”", encoding: "mixed", binary: false });
  // Windows-1252 whose accented pairs happen to be valid UTF-8 (Ã©) stays Windows-1252 when stray bytes outnumber them.
  assert.equal(decodeBytes(new Uint8Array([0xc3, 0xa9, 0x93, 0x41, 0x94, 0xe9])).encoding, "windows-1252");
});

test("UTF-16 with a byte-order mark is text, NUL bytes and all", () => {
  assert.deepEqual(decodeBytes(Buffer.from("\ufeffStatement – é", "utf16le")), { text: "Statement – é", encoding: "utf-16le", binary: false });
  const be = Buffer.from("\ufeffAB", "utf16le").swap16();
  assert.deepEqual(decodeBytes(be), { text: "AB", encoding: "utf-16be", binary: false });
});

test("a NUL byte anywhere, even past the first 64 KiB, marks a binary file", () => {
  const bytes = Buffer.concat([Buffer.from("a".repeat(100_000)), Buffer.from([0])]);
  assert.equal(decodeBytes(bytes).binary, true);
});
