/**
 * The format of an input, from its bytes alone (a file name lies: a renamed XLSX, a .doc saved as .docx).
 * Formats that are recognised but not read (legacy Office, PDF, images) come back as a diagnostic saying what
 * to do instead.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../diagnostics/rules.ts";
import { decodeText } from "./text/decode-text.ts";
import { listZipEntries } from "./zip.ts";

export type DetectedFormat = "docx" | "xlsx" | "html" | "text";

export interface Detection {
  /** undefined: the input is refused, and `diagnostics` says why */
  format?: DetectedFormat;
  /** the decoded text, for "text", and for "html" when the bytes were UTF-16 (else the HTML reader decodes by its charset) */
  text?: string;
  diagnostics: Diagnostic[];
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const ZIP_MAGICS = [ascii("PK\x03\x04"), ascii("PK\x05\x06")];
/** OLE2 compound file: legacy .doc/.xls, or an encrypted OOXML package (MS-OFFCRYPTO). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGES: readonly { kind: string; magic: number[]; at?: number }[] = [
  { kind: "PNG", magic: [0x89, ...ascii("PNG\r\n\x1a\n")] },
  { kind: "JPEG", magic: [0xff, 0xd8, 0xff] },
  { kind: "GIF", magic: ascii("GIF8") },
  { kind: "TIFF", magic: ascii("II*\0") },
  { kind: "TIFF", magic: ascii("MM\0*") },
  { kind: "WebP", magic: ascii("WEBP"), at: 8 },
];
/** PDF readers accept the header anywhere in the first 1,024 bytes. */
const PDF_WINDOW = 1024;
const HTML_WINDOW = 1024;
/** An HTML page starts (after a BOM, white space, an XML declaration or comments) with one of these. */
const HTML_START = /<(?:!doctype\s+html|html|head|body|table|meta)[\s>/]/i;

/** The OLE directory names streams in UTF-16LE: an encrypted OOXML package has one named "EncryptionInfo". */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from("EncryptionInfo", "utf16le"));
}

function detectPackage(bytes: Uint8Array, place: Place): Detection {
  const entries = listZipEntries(bytes);
  if (entries === undefined) return { diagnostics: [diagnose("read/corrupt", { format: "zip package", reason: "its central directory is missing or damaged (a truncated file?)" }, place)] };
  const names = new Set(entries.map((e) => e.name));
  if (names.has("word/document.xml")) return { format: "docx", diagnostics: [] };
  if (names.has("xl/workbook.xml")) return { format: "xlsx", diagnostics: [] };
  const what = names.has("content.xml") && names.has("mimetype") ? " (it looks like an OpenDocument file)" : [...names].some((n) => n.startsWith("ppt/")) ? " (it looks like a PPTX presentation)" : "";
  return { diagnostics: [diagnose("read/unknown-package", { what }, place)] };
}

/** HTML when its start says so: the bytes are read as Latin-1, which keeps ASCII markup whatever the charset. */
function looksLikeHtml(start: string): boolean {
  return HTML_START.test(start.replace(/^\uFEFF/, "").trimStart().slice(0, HTML_WINDOW));
}

export function detectFormat(bytes: Uint8Array, place: Place = {}): Detection {
  if (bytes.length === 0) return { diagnostics: [diagnose("read/empty", {}, place)] };
  if (ZIP_MAGICS.some((magic) => startsWith(bytes, magic))) return detectPackage(bytes, place);
  if (startsWith(bytes, OLE_MAGIC)) return { diagnostics: [diagnose(isEncryptedPackage(bytes) ? "read/encrypted" : "read/legacy-office", {}, place)] };
  if (Buffer.from(bytes.subarray(0, PDF_WINDOW)).includes("%PDF-")) return { diagnostics: [diagnose("read/pdf", {}, place)] };
  const image = IMAGES.find((i) => startsWith(bytes, i.magic, i.at));
  if (image) return { diagnostics: [diagnose("read/image", { kind: image.kind }, place)] };
  const latin1 = Buffer.from(bytes.subarray(0, HTML_WINDOW * 2)).toString("latin1");
  if (!latin1.includes("\0") && looksLikeHtml(latin1)) return { format: "html", diagnostics: [] };
  const decoded = decodeText(bytes, place);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  return { format: looksLikeHtml(decoded.text) ? "html" : "text", text: decoded.text, diagnostics: decoded.diagnostics };
}
