/**
 * Reads a generated PDF back for tests: the text of each page with pdf.js (as extracted, and NFC), and the
 * object structure needed to check font embedding (parsed from the bytes via the xref table).
 */
import { getDocument } from "./pdfjs.ts";

/** A run of text as drawn: its origin (baseline start) in points from the bottom left, and its width. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfText {
  /** text of each page in content-stream order, one line per text line, NFC */
  pages: string[];
  /** the drawn text runs of each page (NFC), and each page's size in points */
  items: PdfItem[][];
  sizes: { width: number; height: number }[];
  /** the same without any normalisation (pdf.js's own normalisation switched off too) */
  rawPages: string[];
  /** all pages, white space collapsed to single spaces: for finding phrases that wrap */
  flat: string;
  info: Record<string, unknown>;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const rawPages: string[] = [];
    const items: PdfItem[][] = [];
    const sizes: PdfText["sizes"] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      sizes.push({ width, height });
      const content = (await page.getTextContent({ disableNormalization: true })).items as TextItemLike[];
      rawPages.push(content.map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : "")).join(""));
      items.push(
        content
          .filter((item) => (item.str ?? "").trim() !== "")
          .map((item) => ({ str: item.str!.normalize("NFC"), x: item.transform?.[4] ?? 0, y: item.transform?.[5] ?? 0, width: item.width ?? 0 })),
      );
    }
    const pages = rawPages.map((page) => page.normalize("NFC"));
    const { info } = await doc.getMetadata();
    return { pages, rawPages, items, sizes, flat: collapse(pages.join("\n")), info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

export const collapse = (text: string): string => text.normalize("NFC").replace(/\s+/g, " ").trim();

/** One indirect object: its dictionary text (streams not included) and, for streams, the raw (still encoded) stream bytes. */
export interface PdfObject {
  id: number;
  dict: string;
  streamLength?: number;
  stream?: Uint8Array;
}

/** Indirect objects by number, found through the (classic) xref table pdfkit writes. */
export function readPdfObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(bytes).toString("latin1");
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) throw new Error("no startxref");
  const xref = text.slice(Number(startxref[1]));
  const header = /^xref\s+(\d+) (\d+)\s+/.exec(xref);
  if (!header) throw new Error("no classic xref table");
  const first = Number(header[1]);
  const count = Number(header[2]);
  const objects = new Map<number, PdfObject>();
  const rows = xref.slice(header[0].length).split(/\r?\n/);
  for (let i = 0; i < count; i++) {
    const row = /^(\d{10}) (\d{5}) ([nf])/.exec(rows[i] ?? "");
    if (!row || row[3] !== "n") continue;
    const id = first + i;
    const offset = Number(row[1]);
    const head = new RegExp(`^${id} 0 obj\\s*`).exec(text.slice(offset, offset + 32));
    if (!head) throw new Error(`object ${id} is not at its xref offset ${offset}`);
    const bodyStart = offset + head[0].length;
    const end = text.indexOf("endobj", bodyStart);
    const streamAt = text.indexOf("stream", bodyStart);
    const isStream = streamAt !== -1 && streamAt < end && !text.slice(bodyStart, streamAt).includes("endstream");
    const dict = text.slice(bodyStart, isStream ? streamAt : end).trim();
    const object: PdfObject = { id, dict };
    if (isStream) {
      const length = /\/Length (\d+)/.exec(dict);
      object.streamLength = length ? Number(length[1]) : -1;
      // "stream" is followed by an end of line, then Length bytes
      const dataStart = streamAt + "stream".length + (text[streamAt + 6] === "\r" ? 2 : 1);
      if (length) object.stream = bytes.subarray(dataStart, dataStart + object.streamLength);
    }
    objects.set(id, object);
  }
  return objects;
}

/** The object a dictionary key refers to: `/FontFile2 12 0 R` → object 12. */
export function refOf(dict: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+\\[?\\s*(\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
}
