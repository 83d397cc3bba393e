import { deflateRawSync, crc32 } from "node:zlib";
import { strFromU8, strToU8, unzipSync, Zip, type ZipInputFile } from "fflate";
import { earliestIssueDay } from "../model/dates.ts";

/** DEFLATE level of the entries (zlib's default: what Office and LibreOffice write too). */
const DEFLATE_LEVEL = 6;

/**
 * Makes a zip-based office file reproducible (REPRO): fixed entry times, sorted-as-written entries without
 * folder records, and pinned core-properties dates. docx and exceljs both stamp the current time.
 * fflate writes the zip container; the entries are deflated by Node's zlib (native, several times faster than
 * fflate's JavaScript deflate on large parts such as a 10,000-row sheet).
 */
export function pinZip(bytes: Uint8Array, date: string): Uint8Array {
  return zipPinned(unzipSync(bytes), date);
}

/** The package's parts (path → bytes, in the order given) zipped as pinZip writes them. */
export function zipPinned(files: Record<string, Uint8Array>, date: string): Uint8Array {
  // a draft's "2025-12" or "2025": the earliest day it can be signed, as the PDF's dates (model/dates.ts)
  const isoDate = earliestIssueDay(date);
  const instant = `${isoDate}T00:00:00Z`;
  const core = files["docProps/core.xml"];
  if (core) {
    files["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${instant}$3`),
    );
  }
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  // fflate writes DOS times from local getters, so the local constructor gives the same bytes in every TZ.
  const mtime = new Date(y, m - 1, d);
  const names = Object.keys(files).filter((name) => !name.endsWith("/"));
  // [Content_Types].xml first, as Office writes it.
  names.sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));

  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate calls back synchronously here: every entry's data is given at once
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const name of names) {
    const data = files[name]!;
    const entry: ZipInputFile = { filename: name, size: data.length, crc: crc32(data), compression: 8, mtime };
    zip.add(entry);
    entry.ondata!(null, deflateRawSync(data, { level: DEFLATE_LEVEL }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
