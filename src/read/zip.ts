/**
 * Zip packages (DOCX, XLSX) read within limits. The central directory states every entry's inflated size
 * before anything is inflated, and fflate inflates into a buffer of exactly that size, so checking the
 * stated sizes bounds the memory a package can take (a 160 KB DOCX once inflated to 2.1 GB, issue #15).
 */
import { unzipSync, type UnzipFileInfo } from "fflate";

/** Far above any real document (a 1,000-page DOCX has a few hundred entries and a document.xml of ~30 MB). */
const ZIP_LIMITS = {
  entries: 10_000,
  partBytes: 64 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  /** inflated : compressed, for parts over `ratioFromBytes`; XML rarely passes 50 */
  ratio: 200,
  ratioFromBytes: 1024 * 1024,
} as const;

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  inflatedBytes: number;
}

/** The entries of a zip package, from its central directory; undefined when the bytes are no readable zip. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries.push({ name: file.name, compressedBytes: file.size, inflatedBytes: file.originalSize });
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return entries;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Why unpacking these entries would pass a limit, or undefined when it would not. */
export function zipLimitExceeded(entries: readonly ZipEntry[], unpacked: (name: string) => boolean): string | undefined {
  if (entries.length > ZIP_LIMITS.entries) return `the package has ${entries.length} entries, over the limit of ${ZIP_LIMITS.entries}`;
  let total = 0;
  for (const entry of entries.filter((e) => unpacked(e.name))) {
    if (entry.inflatedBytes > ZIP_LIMITS.partBytes) return `${entry.name} inflates to ${mib(entry.inflatedBytes)}, over the limit of ${mib(ZIP_LIMITS.partBytes)} per part`;
    const ratio = entry.inflatedBytes / Math.max(entry.compressedBytes, 1);
    if (entry.inflatedBytes > ZIP_LIMITS.ratioFromBytes && ratio > ZIP_LIMITS.ratio) {
      return `${entry.name} inflates ${Math.round(ratio)} times (${mib(entry.inflatedBytes)}), over the limit of ${ZIP_LIMITS.ratio} times`;
    }
    total += entry.inflatedBytes;
    if (total > ZIP_LIMITS.totalBytes) return `the parts inflate to more than ${mib(ZIP_LIMITS.totalBytes)}, the limit`;
  }
  return undefined;
}

/** Inflates the entries `unpacked` selects into a map (no prototype keys: a part named "constructor" is a part). */
export function unzipEntries(bytes: Uint8Array, unpacked: (name: string) => boolean): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes, { filter: (file) => unpacked(file.name) })));
}
