/**
 * Reads a file in chunks and stops at a limit counted in bytes actually read: `stat` says nothing about a
 * FIFO, a pipe or /dev/zero (size 0, endless), and a file may grow while it is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

const CHUNK_BYTES = 64 * 1024;

export interface BoundedRead {
  bytes: Uint8Array;
  /** true when the input holds more than `limit` bytes; `bytes` then has the first `limit` */
  truncated: boolean;
}

/** The chunks of one read, up to one byte past the limit (which tells "exactly the limit" from "more"). */
class BoundedChunks {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  constructor(private readonly limit: number) {}

  /** a buffer for the next chunk, or undefined once past the limit */
  next(): Uint8Array | undefined {
    return this.total <= this.limit ? new Uint8Array(Math.min(CHUNK_BYTES, this.limit + 1 - this.total)) : undefined;
  }

  /** false at the end of the file */
  add(chunk: Uint8Array, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(chunk.subarray(0, bytesRead));
    this.total += bytesRead;
    return true;
  }

  result(): BoundedRead {
    const bytes = Buffer.concat(this.chunks, Math.min(this.total, this.limit));
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), truncated: this.total > this.limit };
  }
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
  const chunks = new BoundedChunks(limit);
  for (let chunk = chunks.next(); chunk && chunks.add(chunk, (await handle.read(chunk, 0, chunk.byteLength, null)).bytesRead); chunk = chunks.next());
  return chunks.result();
}

/**
 * The same for a file that must be a regular file (a previous build's output), read synchronously: on this
 * kind of machine each asynchronous file operation waits about 0.2 ms for the thread pool, against 10 µs for
 * the call itself, and a rebuild reads a few hundred files one after another. Opened without blocking, so
 * that a FIFO put in its place is refused rather than waited on.
 */
export function readRegularFileBoundedSync(file: string, limit: number): BoundedRead {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    const chunks = new BoundedChunks(limit);
    for (let chunk = chunks.next(); chunk && chunks.add(chunk, readSync(fd, chunk, 0, chunk.byteLength, null)); chunk = chunks.next());
    return chunks.result();
  } finally {
    closeSync(fd);
  }
}
