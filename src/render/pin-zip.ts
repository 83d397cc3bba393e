import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/**
 * Makes a zip-based office file reproducible (REPRO): fixed entry times, sorted-as-written entries without
 * folder records, and pinned core-properties dates. docx and exceljs both stamp the current time.
 */
export function pinZip(bytes: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(bytes);
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
  const entries: Zippable = {};
  const names = Object.keys(files).filter((name) => !name.endsWith("/"));
  // [Content_Types].xml first, as Office writes it.
  names.sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
  for (const name of names) entries[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(entries);
}
