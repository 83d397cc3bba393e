/**
 * Atomic output folders. A build writes into a temporary sibling folder as it renders, then commits it:
 *
 *   1. `.<doc>.tmp-<pid>`   → `.<doc>.ready-<pid>`   the new folder is complete (sealed)
 *   2. `<doc>`              → `.<doc>.old-<pid>`     the previous folder moves aside
 *   3. `.<doc>.ready-<pid>` → `<doc>`                the new folder is in place
 *   4. `.<doc>.old-<pid>` removed
 *
 * A process killed anywhere in there leaves either the previous folder or a sealed new one, and
 * recoverInterrupted (run by the next writer, under the folder's lock, and by readers that find `<doc>`
 * missing) completes the commit from a sealed folder, else puts the previous one back. Temporary folders are
 * removed only when their owner (the PID in the name) is dead.
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { lstat, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { readRegularFileBoundedSync } from "./bounded-read.ts";
import { acquireOutputLock, isProcessAlive } from "./output-lock.ts";
import type { OutputSink } from "./output-sink.ts";

const TEMP = ".tmp-";
const READY = ".ready-";
const OLD = ".old-";

/** The steps of a commit, in order: a test hook may stop the commit before any of them (a simulated kill). */
export const COMMIT_STEPS = ["seal", "move-aside", "swap", "clean"] as const;
export type CommitStep = (typeof COMMIT_STEPS)[number];

/** An output path the build refuses to write (a symlink on the way): the CLI reports it as output/symlink. */
export class OutputPathError extends Error {
  override readonly name = "OutputPathError";
  constructor(readonly path: string) {
    super(`refusing to write through the symbolic link ${path}`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return lstat(path).then((s) => s.isDirectory(), () => false);
}

interface Leftover {
  path: string;
  kind: "tmp" | "ready" | "old";
  pid: number;
}

async function leftovers(target: string): Promise<Leftover[]> {
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(dirname(target));
  } catch {
    return [];
  }
  const found: Leftover[] = [];
  for (const entry of entries.sort()) {
    for (const [kind, marker] of [["tmp", TEMP], ["ready", READY], ["old", OLD]] as const) {
      const prefix = `.${name}${marker}`;
      if (entry.startsWith(prefix)) found.push({ path: join(dirname(target), entry), kind, pid: Number.parseInt(entry.slice(prefix.length), 10) });
    }
  }
  return found;
}

/** A leftover whose owner still runs is another build's work in progress (this process's own: under its lock, not). */
const ownerAlive = (leftover: Leftover) => leftover.pid !== process.pid && isProcessAlive(leftover.pid);

/**
 * Finishes or undoes a commit that a dead process left halfway, and removes its temporary folders: a sealed
 * new folder is put in place (the build had finished), else the previous folder comes back. Call it holding
 * the folder's lock.
 */
export async function recoverInterrupted(target: string): Promise<void> {
  const dead = (await leftovers(target)).filter((l) => !ownerAlive(l));
  const ready = dead.find((l) => l.kind === "ready");
  const old = dead.find((l) => l.kind === "old");
  if (ready && (await isDirectory(ready.path))) {
    // the previous folder moves aside first (a rename, unlike removing it, cannot be cut halfway)
    const aside = join(dirname(target), `.${basename(target)}${OLD}${process.pid}`);
    if (await isDirectory(target)) {
      await rm(aside, { recursive: true, force: true });
      await rename(target, aside);
    }
    await rename(ready.path, target);
    await rm(aside, { recursive: true, force: true });
  } else if (old && !(await isDirectory(target))) {
    await rename(old.path, target);
  }
  for (const leftover of dead) await rm(leftover.path, { recursive: true, force: true });
}

/**
 * For a command that reads a build folder (`diff --against`, `build --agency`): if a commit was cut between
 * its renames, the folder is completed first, under the lock (waiting briefly for a build that is committing).
 */
export async function completeOutputFolder(target: string, command: string): Promise<void> {
  if (await isDirectory(target)) return;
  if ((await leftovers(target)).length === 0) return;
  const lock = await acquireOutputLock(target, { command, waitMs: 10_000 });
  try {
    await recoverInterrupted(target);
  } finally {
    await lock.release();
  }
}

/** Resolves a relative output path and refuses anything that would leave `root`. */
export function safeJoin(root: string, relativePath: string): string {
  if (relativePath.startsWith("/") || relativePath.split(/[\\/]/).some((part) => part === ".." || part === "" || part === ".")) {
    throw new Error(`refusing output path outside the output folder: ${relativePath}`);
  }
  return join(root, relativePath);
}

/** Refuses `target` and every folder between `root` and it that is a symbolic link (a missing one is fine). */
export async function refuseSymlinks(root: string, target: string): Promise<void> {
  let path = root;
  for (const part of relative(root, target).split(sep).filter(Boolean)) {
    path = join(path, part);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isSymbolicLink()) throw new OutputPathError(path);
  }
}

export interface TransactionOptions {
  /** called before each commit step; a test throws here to stand for a kill at that point */
  beforeCommitStep?: (step: CommitStep) => void | Promise<void>;
}

/**
 * One atomic replacement of `target`: write files, then commit (all of them appear) or abort (none do).
 *
 * A rebuild that changes nothing leaves the folder untouched: while every file handed over is the one already
 * at its path in `target` (kept from there, or written with the same bytes), the transaction only lists them;
 * the temporary folder is made, and those files linked into it, at the first file that differs. A commit that
 * still has no temporary folder, onto a folder holding exactly the listed files, has nothing to do.
 */
export class OutputTransaction implements OutputSink {
  private closed = false;
  /** made at the first file that differs from `target`'s */
  private made = false;
  /** files handed over so far that are already in place in `target`, while nothing has differed */
  private readonly inPlace = new Set<string>();
  /**
   * every path handed over: a second write of one would go through the hard link of the first (a kept file is
   * the previous folder's own inode) and change the previous folder in place
   */
  private readonly handed = new Set<string>();

  private constructor(
    readonly target: string,
    private readonly temp: string,
    private readonly options: TransactionOptions,
  ) {}

  /** Starts replacing `target`; the caller holds its lock (acquireOutputLock). */
  static async begin(target: string, options: TransactionOptions = {}): Promise<OutputTransaction> {
    await refuseSymlinks(dirname(target), target);
    await recoverInterrupted(target);
    const temp = join(dirname(target), `.${basename(target)}${TEMP}${process.pid}`);
    await rm(temp, { recursive: true, force: true });
    return new OutputTransaction(target, temp, options);
  }

  /**
   * Does one file's work at once, synchronously: a build writes or links a few hundred files, and on this kind
   * of machine each asynchronous file operation waits about 0.2 ms for the thread pool (against 10–50 µs for
   * the call itself). Nothing is ever in flight, so an interruption finds every write landed or not begun.
   */
  private now(path: string, work: (file: string) => void, alreadyInPlace: (existing: string) => boolean): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the build was interrupted"));
    if (this.handed.has(path)) return Promise.reject(new Error(`${path} was handed to the output folder twice`));
    this.handed.add(path);
    try {
      if (!this.made && alreadyInPlace(safeJoin(this.target, path))) {
        this.inPlace.add(path);
        return Promise.resolve();
      }
      this.make();
      const file = safeJoin(this.temp, path);
      mkdirSync(dirname(file), { recursive: true });
      work(file);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The temporary folder, with the files listed in place until now linked into it. */
  private make(): void {
    if (this.made) return;
    mkdirSync(this.temp, { recursive: true });
    this.made = true;
    for (const path of this.inPlace) {
      const file = safeJoin(this.temp, path);
      mkdirSync(dirname(file), { recursive: true });
      const source = safeJoin(this.target, path);
      keepFile(source, file, () => copyFileSync(source, file));
    }
    this.inPlace.clear();
  }

  write(path: string, data: Uint8Array): Promise<void> {
    return this.now(path, (file) => writeFileSync(file, data), (existing) => holdsBytes(existing, data));
  }

  /** Keeps an unchanged file as it is: a hard link (same inode, same mtime), or a copy with its times. */
  reuse(path: string, data: Uint8Array, source: string): Promise<void> {
    return this.now(path, (file) => keepFile(source, file, () => writeFileSync(file, data)), isKeptFrom(source));
  }

  /** Carries a file of the previous folder over as it is (`build --agency` keeps all but the packets it rebuilds). */
  keep(path: string, source: string): Promise<void> {
    return this.now(path, (file) => keepFile(source, file, () => copyFileSync(source, file)), isKeptFrom(source));
  }

  async commit(): Promise<void> {
    this.closed = true;
    if (!this.made) {
      if (holdsExactly(this.target, this.inPlace)) return;
      this.make();
    }
    const parent = dirname(this.target);
    const name = basename(this.target);
    const ready = join(parent, `.${name}${READY}${process.pid}`);
    const old = join(parent, `.${name}${OLD}${process.pid}`);
    const step = async (which: CommitStep) => this.options.beforeCommitStep?.(which);
    await step("seal");
    await rename(this.temp, ready);
    await step("move-aside");
    const hadTarget = await isDirectory(this.target);
    if (hadTarget) await rename(this.target, old);
    await step("swap");
    await rename(ready, this.target);
    await step("clean");
    // one synchronous walk: the asynchronous one waits on the thread pool for each of the old folder's files
    if (hadTarget) rmSync(old, { recursive: true, force: true });
  }

  /** Drops the new folder; after a commit cut short by an error, completes or undoes it (see recoverInterrupted). */
  async abort(): Promise<void> {
    this.closed = true;
    rmSync(this.temp, { recursive: true, force: true });
    await recoverInterrupted(this.target);
  }
}

/** A file kept from `source` is in place when `source` is the file at its own path, a regular file. */
const isKeptFrom = (source: string) => (existing: string) => existing === source && (lstatSync(existing, { throwIfNoEntry: false })?.isFile() ?? false);

/** `path` is a regular file of exactly these bytes (its size is looked at first: most differ there). */
function holdsBytes(path: string, data: Uint8Array): boolean {
  const info = lstatSync(path, { throwIfNoEntry: false });
  if (!info?.isFile() || info.size !== data.byteLength) return false;
  try {
    const read = readRegularFileBoundedSync(path, data.byteLength);
    return !read.truncated && Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).equals(data);
  } catch {
    return false;
  }
}

/** `root` holds these files (relative paths), regular files all, and nothing else: no other file, folder or link. */
function holdsExactly(root: string, files: ReadonlySet<string>): boolean {
  /** how many of `files` are under `dir`; undefined at anything else there (a build makes no empty folder) */
  const listedUnder = (dir: string): number | undefined => {
    let found = 0;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      const under = entry.isDirectory() ? listedUnder(path) : entry.isFile() && files.has(path) ? 1 : undefined;
      if (!under) return undefined;
      found += under;
    }
    return found;
  };
  try {
    return listedUnder("") === files.size;
  } catch {
    return false;
  }
}

function keepFile(source: string, file: string, copy: () => void): void {
  try {
    linkSync(source, file);
  } catch {
    copy();
    const times = statSync(source);
    utimesSync(file, times.atime, times.mtime);
  }
}
