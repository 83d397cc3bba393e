/**
 * Reads a file in chunks and stops at a limit counted in bytes actually read: `stat` says nothing about a
 * FIFO, a pipe or /dev/zero (size 0, endless), and a file may grow while it is read.
 */
import { open, type FileHandle } from "node:fs/promises";

const CHUNK_BYTES = 64 * 1024;

export interface BoundedRead {
  bytes: Uint8Array;
  /** true when the input holds more than `limit` bytes; `bytes` then has the first `limit` */
  truncated: boolean;
}

export async function readBounded(file: string, limit: number): Promise<BoundedRead> {
  const handle = await open(file, "r");
  try {
    return await readHandleBounded(handle, limit);
  } finally {
    await handle.close();
  }
}

/** The same from a file already open (whose identity the caller has checked). */
export async function readHandleBounded(handle: FileHandle, limit: number): Promise<BoundedRead> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // one byte past the limit tells "exactly the limit" from "more"
  while (total <= limit) {
    const chunk = new Uint8Array(Math.min(CHUNK_BYTES, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  const bytes = Buffer.concat(chunks, Math.min(total, limit));
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), truncated: total > limit };
}
