// decodeBytes decodes every byte sequence exactly as its straightforward version did (kept here as the reference).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import { type Decoded, decodeBytes } from "../../src/sources/decode.ts";

// The reference: decode.ts as it was before its fast paths (binary check first, a closure per UTF-8 sequence).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Decodes bytes, preferring UTF-8 and falling back to Windows-1252 so a curly quote stays a curly quote. A file
 * that is valid UTF-8 except for a few bytes (two files pasted together, one edit in another editor) keeps its
 * UTF-8 characters and reads only the stray bytes as Windows-1252, rather than turning every `é` into `Ã©`.
 */
function decodeBytesReference(bytes: Uint8Array): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, binary: false };
  const binary = looksBinary(bytes);
  // Binary content is never read as text; a byte-for-character decoding is enough to name it, and fast.
  if (binary) return { text: cp1252(bytes), encoding: "windows-1252", binary };
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8", binary };
  } catch {
    const mixed = decodeMixed(bytes);
    if (mixed) return { text: mixed, encoding: "mixed", binary };
    return { text: cp1252(bytes), encoding: "windows-1252", binary };
  }
}

/** Node's TextDecoder maps 0x80–0x9F to C1 controls; iconv-lite has the real Windows-1252 table (0x92 → ’). */
function cp1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
}

/** Windows-1252 characters of the bytes 0x80–0xFF (a stray byte is never below 0x80: ASCII is valid UTF-8). */
const CP1252_HIGH = [...cp1252(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i))];

/** A UTF-16 byte-order mark: such a file is full of NUL bytes, yet text. */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** Length of the valid UTF-8 sequence starting at `i` (WHATWG's ranges: no overlongs, no surrogates), or 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Decodes bytes that are partly UTF-8: valid sequences as UTF-8, every other byte as Windows-1252. Returns null
 * when the valid multi-byte sequences are not more than the stray bytes: then the file is Windows-1252, whose
 * accented pairs only look like UTF-8 by chance (`Ã©`).
 */
function decodeMixed(bytes: Uint8Array): string | null {
  let sequences = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) {
      stray++;
      i++;
    } else {
      if (n > 1) sequences++;
      i += n;
    }
  }
  if (sequences <= stray) return null;
  let out = "";
  let runStart = 0;
  const text = new TextDecoder("utf-8");
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += text.decode(bytes.subarray(runStart, i)) + CP1252_HIGH[bytes[i]! - 0x80];
    i++;
    runStart = i;
  }
  return out + text.decode(bytes.subarray(runStart));
}

/** A NUL byte anywhere, or more than 1 in 20 of the first 64 KiB being C0 controls other than tab/CR/LF/FF, marks a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const length = Math.min(bytes.length, 65536);
  let controls = 0;
  // An indexed loop: iterating a typed array with for…of is several times slower, and this runs on every source.
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return length > 0 && controls * 20 > length;
}

/** Bytes of the kinds that steer decoding: ASCII, controls, NUL, UTF-8 sequences (valid and broken), stray high bytes, BOMs. */
const piece = fc.oneof(
  fc.uint8Array({ maxLength: 12 }),
  fc.string({ maxLength: 8 }).map((s) => new TextEncoder().encode(s)),
  fc.constantFrom(
    [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0x01], [0x07], [0x0b], [0x0c], [0x1f], [0x09, 0x0a, 0x0d],
    [0x92], [0x93, 0x41, 0x94], [0xc3, 0xa9], [0xc3], [0xe2, 0x80, 0x99], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98, 0x80],
    [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0x80],
  ).map((b) => Uint8Array.from(b)),
  fc.string({ unit: fc.constantFrom("a", " ", "\n", "\x01", "\x02", "\x1b"), maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
);
const bytes = fc.array(piece, { maxLength: 16 }).map((ps) => Uint8Array.from(ps.flatMap((p) => [...p])));

test("decodeBytes equals its straightforward version on arbitrary bytes (property)", () => {
  fc.assert(fc.property(fc.oneof(bytes, fc.uint8Array({ maxLength: 64 })), (b) => assert.deepEqual(decodeBytes(b), decodeBytesReference(b))), { numRuns: 5000 });
});

test("decodeBytes equals its straightforward version on long inputs around the 64 KiB control-count window", () => {
  for (const [controls, at] of [[0, 0], [3300, 0], [3200, 70000], [3276, 0], [3277, 0], [5000, 60000]] as const) {
    const b = new Uint8Array(66000 + at).fill(0x61);
    for (let i = 0; i < controls; i++) b[(at + i * 19) % b.length] = 0x01;
    b[100] = 0xe2; b[101] = 0x80; b[102] = 0x99;
    assert.deepEqual(decodeBytes(b), decodeBytesReference(b), `${controls} controls from ${at}`);
    b[200] = 0x92;
    assert.deepEqual(decodeBytes(b), decodeBytesReference(b), `${controls} controls from ${at}, a stray byte`);
  }
});
