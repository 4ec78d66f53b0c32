// Turns a source's bytes into text: UTF-8 (BOM stripped), UTF-16 with a BOM, Windows-1252, or a mix of UTF-8 and Windows-1252.
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

/** `mixed`: mostly valid UTF-8 with some bytes that are not, each of those read as Windows-1252. */
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "mixed";

/** The outcome of decoding: the text, which encoding was used, and why it could not be text if so. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the bytes are not text at all (NUL bytes or many control characters). */
  binary: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** A C0 control other than tab, LF, FF and CR: what {@link looksBinary} counts (NUL is looked for first). */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

/**
 * Decodes bytes, preferring UTF-8 and falling back to Windows-1252 so a curly quote stays a curly quote. A file
 * that is valid UTF-8 except for a few bytes (two files pasted together, one edit in another editor) keeps its
 * UTF-8 characters and reads only the stray bytes as Windows-1252, rather than turning every `é` into `Ã©`.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, binary: false };
  if (bytes.indexOf(0) >= 0) return asBinary(bytes);
  // Valid UTF-8 (most sources) is decoded first and its control bytes counted only when the text has one: a byte
  // below 0x20 is that same character in UTF-8, so a text without one has no control byte to count. isUtf8 checks
  // without throwing, which the decoder's fatal mode would do on every Windows-1252 file.
  if (isUtf8(bytes)) {
    const text = utf8.decode(bytes);
    return CONTROL.test(text) && looksBinary(bytes) ? asBinary(bytes) : { text, encoding: "utf-8", binary: false };
  }
  if (looksBinary(bytes)) return asBinary(bytes);
  const mixed = decodeMixed(bytes);
  if (mixed) return { text: mixed, encoding: "mixed", binary: false };
  return { text: cp1252(bytes), encoding: "windows-1252", binary: false };
}

/** Binary content is never read as text; a byte-for-character decoding is enough to name it, and fast. */
function asBinary(bytes: Uint8Array): Decoded {
  return { text: cp1252(bytes), encoding: "windows-1252", binary: true };
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

/** Whether `bytes[j]` exists and lies in [lo, hi]: a continuation byte of a UTF-8 sequence. */
function inRange(bytes: Uint8Array, j: number, lo: number, hi: number): boolean {
  return j < bytes.length && bytes[j]! >= lo && bytes[j]! <= hi;
}

/** Length of the valid UTF-8 sequence starting at `i` (WHATWG's ranges: no overlongs, no surrogates), or 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  // Plain calls rather than a closure per sequence: this runs on every byte of a file that is not pure UTF-8.
  if (b >= 0xc2 && b <= 0xdf) return inRange(bytes, i + 1, 0x80, 0xbf) ? 2 : 0;
  if (b === 0xe0) return inRange(bytes, i + 1, 0xa0, 0xbf) && inRange(bytes, i + 2, 0x80, 0xbf) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return inRange(bytes, i + 1, 0x80, 0xbf) && inRange(bytes, i + 2, 0x80, 0xbf) ? 3 : 0;
  if (b === 0xed) return inRange(bytes, i + 1, 0x80, 0x9f) && inRange(bytes, i + 2, 0x80, 0xbf) ? 3 : 0;
  if (b === 0xf0) return inRange(bytes, i + 1, 0x90, 0xbf) && inRange(bytes, i + 2, 0x80, 0xbf) && inRange(bytes, i + 3, 0x80, 0xbf) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return inRange(bytes, i + 1, 0x80, 0xbf) && inRange(bytes, i + 2, 0x80, 0xbf) && inRange(bytes, i + 3, 0x80, 0xbf) ? 4 : 0;
  if (b === 0xf4) return inRange(bytes, i + 1, 0x80, 0x8f) && inRange(bytes, i + 2, 0x80, 0xbf) && inRange(bytes, i + 3, 0x80, 0xbf) ? 4 : 0;
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
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
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
    const n = bytes[i]! < 0x80 ? 1 : sequenceAt(bytes, i);
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
