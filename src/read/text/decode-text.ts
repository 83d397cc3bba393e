/**
 * Bytes of a text or HTML input → a string: UTF-8 (a byte-order mark dropped), or UTF-16 when a byte-order
 * mark or the NUL bytes of ASCII letters say so. Anything else that is not UTF-8 is refused with the offset
 * of the first bad byte: decoding it with a guessed code page would change official wording silently.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../../diagnostics/rules.ts";

export type Decoded = { text: string; diagnostics: Diagnostic[] } | { text?: undefined; diagnostics: Diagnostic[] };

/** How many of the first bytes are looked at for NUL bytes. */
const SNIFF_BYTES = 4096;
/** ASCII text in UTF-16 has a NUL in every other byte; UTF-8 text has none. */
const UTF16_NUL_SHARE = 0.2;

function utf16Endianness(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** "utf-16le" when the NULs sit at odd offsets (ASCII's high byte second), "utf-16be" at even ones. */
function guessUtf16(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  let even = 0;
  let odd = 0;
  head.forEach((byte, i) => {
    if (byte === 0) i % 2 === 0 ? even++ : odd++;
  });
  if (even + odd < head.length * UTF16_NUL_SHARE) return undefined;
  return odd >= even ? "utf-16le" : "utf-16be";
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const second = bytes[i + 1];
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", how: string, place: Place): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, diagnostics: [diagnose("read/utf16", { how }, place)] };
  } catch {
    return { diagnostics: [diagnose("read/binary", { reason: `${how}, but not valid ${encoding.toUpperCase()}` }, place)] };
  }
}

export function decodeText(bytes: Uint8Array, place: Place = {}): Decoded {
  const marked = utf16Endianness(bytes);
  if (marked) return decodeUtf16(bytes, marked, `${marked === "utf-16le" ? "little" : "big"}-endian, with a byte-order mark`, place);
  const head = bytes.subarray(0, SNIFF_BYTES);
  const guessed = guessUtf16(head);
  if (guessed) return decodeUtf16(bytes, guessed, `no byte-order mark; NUL bytes say ${guessed === "utf-16le" ? "little" : "big"}-endian`, place);
  if (head.includes(0)) return { diagnostics: [diagnose("read/binary", { reason: "NUL bytes" }, place)] };
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
    return { diagnostics: [diagnose("read/invalid-utf8", { byte, offset: bad, line: lineAt(bytes, bad) }, place)] };
  }
  return { text: new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes), diagnostics: [] };
}
