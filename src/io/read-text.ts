import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { decodeText } from "../read/text/decode-text.ts";
import { readBounded } from "./bounded-read.ts";

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface TextInput {
  text?: string;
  diagnostics: Diagnostic[];
}

export interface InputBytes {
  bytes?: Uint8Array;
  diagnostics: Diagnostic[];
}

/**
 * Reads an input's bytes, refusing oversized input (counted as it is read, so a FIFO, a pipe or /dev/zero
 * stops at the limit too) and naming why a file cannot be read.
 */
export async function readInputBytes(file: string, limit = MAX_INPUT_BYTES): Promise<InputBytes> {
  try {
    const read = await readBounded(file, limit);
    if (read.truncated) return { diagnostics: [diagnose("input/too-large", { limit }, { file })] };
    return { bytes: read.bytes, diagnostics: [] };
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    return { diagnostics: [diagnose("input/unreadable", { reason }, { file })] };
  }
}

/**
 * Reads a UTF-8 text input for the importer or the model loader: refuses binary data and oversized input,
 * strips a BOM, turns CRLF into LF and normalises to NFC, saying so with an info diagnostic.
 */
export async function readTextInput(file: string, limit = MAX_INPUT_BYTES): Promise<TextInput> {
  const read = await readInputBytes(file, limit);
  return read.bytes ? decodeTextInput(read.bytes, file) : { diagnostics: read.diagnostics };
}

/**
 * The encoding as src/read decodes scrapes (so a model and a scrape get the same messages): UTF-8, or UTF-16
 * by its byte-order mark or NUL bytes (said in an info); anything else is refused with the offset and line
 * of the first byte that is not UTF-8 and the likely code page (Windows-1258 or 1252).
 */
export function decodeTextInput(bytes: Uint8Array, file: string): TextInput {
  const decoded = decodeText(bytes, { file });
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  let text = decoded.text;
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000e-\u001f]/.exec(text);
  if (control) {
    const reason = `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} at offset ${control.index}`;
    return { diagnostics: [diagnose("input/binary", { reason }, { file })] };
  }
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  if (text.startsWith("\ufeff")) text = text.slice(1);
  if (text.includes("\r")) {
    text = text.replace(/\r\n?/g, "\n");
    diagnostics.push(diagnose("input/normalised", { what: "CRLF line ends became LF" }, { file }));
  }
  const nfc = text.normalize("NFC");
  if (nfc !== text) {
    text = nfc;
    diagnostics.push(diagnose("input/normalised", { what: "text was converted to Unicode NFC" }, { file }));
  }
  if (text.trim() === "") return { diagnostics: [...diagnostics, diagnose("input/empty", {}, { file })] };
  return { text, diagnostics };
}
