/**
 * Atomic output folders. A build writes into a temporary sibling folder as it renders, then swaps it in
 * with two renames. An interrupted build (SIGINT, SIGKILL) leaves the previous outputs in place; the next
 * run removes stray temporary folders and, if a swap was cut between its two renames, restores the old one.
 */
import { link, mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { OutputSink } from "./output-sink.ts";

const TEMP = ".tmp-";
const OLD = ".old-";

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes what an interrupted earlier build left beside `target`. */
export async function recoverInterrupted(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  for (const entry of entries.sort()) {
    const path = join(parent, entry);
    if (entry.startsWith(`.${name}${OLD}`) && !(await exists(target))) await rename(path, target);
    else if (entry.startsWith(`.${name}${OLD}`) || entry.startsWith(`.${name}${TEMP}`)) await rm(path, { recursive: true, force: true });
  }
}

/** Resolves a relative output path and refuses anything that would leave `root`. */
export function safeJoin(root: string, relative: string): string {
  if (relative.startsWith("/") || relative.split(/[\\/]/).some((part) => part === ".." || part === "" || part === ".")) {
    throw new Error(`refusing output path outside the output folder: ${relative}`);
  }
  return join(root, relative);
}

/** One atomic replacement of `target`: write files, then commit (all of them appear) or abort (none do). */
export class OutputTransaction implements OutputSink {
  /** the write in flight: an interruption waits for it, so nothing lands in the folder after it is removed */
  private pending: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly target: string,
    private readonly temp: string,
  ) {}

  static async begin(target: string): Promise<OutputTransaction> {
    await recoverInterrupted(target);
    const temp = join(dirname(target), `.${basename(target)}${TEMP}${process.pid}`);
    await rm(temp, { recursive: true, force: true });
    await mkdir(temp, { recursive: true });
    return new OutputTransaction(target, temp);
  }

  /** Runs file work one at a time, so that an interruption knows when the last write has landed. */
  private enqueue(path: string, work: (file: string) => Promise<void>): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the build was interrupted"));
    let file: string;
    try {
      file = safeJoin(this.temp, path);
    } catch (error) {
      return Promise.reject(error);
    }
    const done = this.pending.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await work(file);
    });
    this.pending = done.catch(() => undefined);
    return done;
  }

  write(path: string, data: Uint8Array): Promise<void> {
    return this.enqueue(path, (file) => writeFile(file, data));
  }

  /** Keeps an unchanged file as it is: a hard link (same inode, same mtime), or a copy with its times. */
  reuse(path: string, data: Uint8Array, source: string): Promise<void> {
    return this.enqueue(path, async (file) => {
      try {
        await link(source, file);
      } catch {
        await writeFile(file, data);
        const times = await stat(source);
        await utimes(file, times.atime, times.mtime);
      }
    });
  }

  async commit(): Promise<void> {
    const old = join(dirname(this.target), `.${basename(this.target)}${OLD}${process.pid}`);
    const hadTarget = await exists(this.target);
    if (hadTarget) await rename(this.target, old);
    await rename(this.temp, this.target);
    if (hadTarget) await rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    this.closed = true;
    await this.pending;
    await rm(this.temp, { recursive: true, force: true });
  }
}
