/**
 * Font files for the font discovery tests: the bundled Tinos faces with their `name` table replaced, so that
 * they call themselves Times New Roman (family, subfamily, full and PostScript names), the way the real
 * faces do. The glyphs stay Tinos' (metric-compatible), so they render like the real thing.
 */
import { readFileSync } from "node:fs";
import { FACE_NAMES, TINOS_PATHS } from "../../src/io/fonts.ts";
import type { FaceName } from "../../src/layout/font-bytes.ts";

const SUBFAMILY: Record<FaceName, string> = { normal: "Regular", bold: "Bold", italics: "Italic", bolditalics: "Bold Italic" };
const POSTSCRIPT: Record<FaceName, string> = {
  normal: "TimesNewRomanPSMT",
  bold: "TimesNewRomanPS-BoldMT",
  italics: "TimesNewRomanPS-ItalicMT",
  bolditalics: "TimesNewRomanPS-BoldItalicMT",
};

/** A `name` table (format 0) with Windows Unicode English records for the given name ids. */
function nameTable(names: Record<number, string>): Buffer {
  const entries = Object.entries(names).map(([id, text]) => ({ id: Number(id), bytes: Buffer.from(text, "utf16le").swap16() }));
  const header = Buffer.alloc(6 + 12 * entries.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(entries.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  entries.forEach(({ id, bytes }, i) => {
    const at = 6 + 12 * i;
    header.writeUInt16BE(3, at); // Windows
    header.writeUInt16BE(1, at + 2); // Unicode BMP
    header.writeUInt16BE(0x409, at + 4); // English (United States)
    header.writeUInt16BE(id, at + 6);
    header.writeUInt16BE(bytes.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += bytes.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.bytes)]);
}

/** `font` with its `name` table replaced by one holding `names` (appended at the end; the directory points to it). */
export function withNames(font: Buffer, names: Record<number, string>): Buffer {
  const table = nameTable(names);
  const numTables = font.readUInt16BE(4);
  const out = Buffer.concat([font, Buffer.alloc((4 - (font.length % 4)) % 4), table]);
  const offset = out.length - table.length;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (out.toString("latin1", record, record + 4) !== "name") continue;
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.length, record + 12);
    return out;
  }
  throw new Error("no name table");
}

/** The Tinos face `face`, renamed to the matching Times New Roman face. */
export function fakeTimesNewRoman(face: FaceName): Buffer {
  return withNames(readFileSync(TINOS_PATHS[face]), {
    1: "Times New Roman",
    2: SUBFAMILY[face],
    4: face === "normal" ? "Times New Roman" : `Times New Roman ${SUBFAMILY[face]}`,
    6: POSTSCRIPT[face],
  });
}

/** The usual Windows file names of the four faces. */
export const WINDOWS_FILE_NAMES: Record<FaceName, string> = { normal: "times.ttf", bold: "timesbd.ttf", italics: "timesi.ttf", bolditalics: "timesbi.ttf" };

export { FACE_NAMES };
