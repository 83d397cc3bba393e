import { createHash } from "node:crypto";

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export const sha256 = (data: Uint8Array | string): string => createHash("sha256").update(data).digest("hex");

export const manifestEntryOf = (path: string, data: Uint8Array): ManifestEntry => ({ path, bytes: data.byteLength, sha256: sha256(data) });

/** Sorted by path, so that the manifest itself is deterministic. */
export function sortEntries(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function manifestBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
