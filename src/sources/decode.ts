// Turns a source's bytes into text: UTF-8 (BOM stripped) or, when the bytes are not valid UTF-8, Windows-1252.
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "windows-1252";

/** The outcome of decoding: the text, which encoding was used, and why it could not be text if so. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the bytes are not text at all (NUL bytes or many control characters). */
  binary: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes bytes, preferring UTF-8 and falling back to Windows-1252 so a curly quote stays a curly quote. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const binary = looksBinary(bytes);
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8", binary };
  } catch {
    // Node's TextDecoder maps 0x80–0x9F to C1 controls; iconv-lite has the real Windows-1252 table (0x92 → ’).
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252"), encoding: "windows-1252", binary };
  }
}

/** A NUL byte, or more than 1 in 20 bytes being C0 controls other than tab/CR/LF/FF, marks a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 65536);
  let controls = 0;
  // An indexed loop: iterating a typed array with for…of is several times slower, and this runs on every source.
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b < 32) {
      if (b === 0) return true;
      if (b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
    }
  }
  return length > 0 && controls * 20 > length;
}
