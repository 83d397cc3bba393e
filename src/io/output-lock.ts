/**
 * One writer per output folder: `out/.<document>.lock` names the build that is writing `out/<document>/`
 * (its PID, host, start time and command line). A second build finds the lock and fails at once, or waits a
 * bounded time for it. A lock whose holder is a dead process of this host is stale: it is taken over, with a
 * warning. A lock from another host (a network share) cannot be checked and counts as live.
 *
 * Not proper-lockfile: it judges staleness by an mtime it keeps refreshing, so it needs a timer in every
 * build and cannot tell a clerk which build holds the folder. Here the holder's PID answers both.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { readBounded } from "./bounded-read.ts";

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock */
  started: string;
  command: string;
  /** tells this holder's lock from a later one of the same process */
  token: string;
}

/** The folder is being written by a live build: the CLI reports it (exit code EXIT.busy). */
export class OutputBusyError extends Error {
  override readonly name = "OutputBusyError";
  constructor(
    readonly lockFile: string,
    /** the folder the holder is writing */
    readonly target: string,
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(`${lockFile} is held by ${holder ? `PID ${holder.pid} on ${holder.host}` : "another build"}`);
  }
}

export interface LockOptions {
  /** the command line, recorded in the lock for whoever finds it */
  command: string;
  /** how long to wait for a live holder; 0 (default): fail at once */
  waitMs?: number;
  /** a stale lock (dead holder) was taken over */
  onStale?: (holder: LockHolder | undefined, lockFile: string) => void;
}

export interface OutputLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): Promise<void>;
}

const POLL_MS = 100;
/** A lock that is not ours is a few hundred bytes of JSON; more is not a lock. */
const MAX_LOCK_BYTES = 4096;
/** An unreadable lock this old was not being written just now: a crash left it. */
const UNREADABLE_STALE_MS = 5000;

export const lockFileOf = (target: string): string => join(dirname(target), `.${basename(target)}.lock`);

/** True unless `pid` is certainly gone (ESRCH); a process of another user (EPERM) is alive. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Whether `pid` still runs this program (the same executable as this process: node): a PID the system gave
 * to another program since the holder died is not a live build. Only where /proc tells; elsewhere, yes.
 */
function runsThisProgram(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return true;
  }
  const program = basename(process.execPath);
  return cmdline.split("\0").some((arg) => basename(arg) === program);
}

type Found = { state: "absent" } | { state: "live"; holder: LockHolder | undefined } | { state: "stale"; holder: LockHolder | undefined };

async function readHolder(file: string): Promise<LockHolder | undefined | "absent"> {
  try {
    const read = await readBounded(file, MAX_LOCK_BYTES);
    const parsed = JSON.parse(Buffer.from(read.bytes).toString("utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" && typeof parsed.token === "string" ? (parsed as LockHolder) : undefined;
  } catch (error) {
    // no lock file, or no folder to hold one (-o names a file: writing the outputs reports that)
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "absent";
    return undefined;
  }
}

async function inspect(file: string): Promise<Found> {
  const holder = await readHolder(file);
  if (holder === "absent") return { state: "absent" };
  if (holder === undefined) {
    const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
    return age > UNREADABLE_STALE_MS ? { state: "stale", holder } : { state: "live", holder };
  }
  if (holder.host !== hostname()) return { state: "live", holder };
  return isProcessAlive(holder.pid) && runsThisProgram(holder.pid) ? { state: "live", holder } : { state: "stale", holder };
}

/** Creates the lock file with its whole content in one step (a hard link of a finished file), or fails with EEXIST. */
async function create(file: string, holder: LockHolder): Promise<boolean> {
  const content = `${JSON.stringify(holder)}\n`;
  const draft = `${file}.${holder.pid}-${holder.token}`;
  await writeFile(draft, content, { flag: "wx" });
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    // a file system without hard links: exclusive creation (a reader may see it empty for a moment)
    try {
      await writeFile(file, content, { flag: "wx" });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw fallback;
    }
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/**
 * Moves a stale lock aside, unless it changed since it was judged stale (another build took it over first):
 * then it is put back and the caller looks again.
 */
async function takeOver(file: string, stale: LockHolder | undefined, own: LockHolder): Promise<boolean> {
  const aside = `${file}.stale-${own.pid}-${own.token}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = stale === undefined ? moved === undefined : typeof moved === "object" && moved.token === stale.token;
  if (!same) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return same;
}

/** Takes the lock of `target` (the folder a build replaces), creating the parent folder if needed. */
export async function acquireOutputLock(target: string, options: LockOptions): Promise<OutputLock> {
  const file = lockFileOf(target);
  await mkdir(dirname(target), { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    command: options.command,
    token: randomBytes(8).toString("hex"),
  };
  const waitMs = options.waitMs ?? 0;
  const start = Date.now();
  for (;;) {
    if (await create(file, holder)) return { file, holder, release: () => releaseLock(file, holder) };
    const found = await inspect(file);
    if (found.state === "stale") {
      if (await takeOver(file, found.holder, holder)) options.onStale?.(found.holder, file);
      continue;
    }
    if (found.state === "absent") continue;
    const waited = Date.now() - start;
    if (waited >= waitMs) throw new OutputBusyError(file, target, found.holder, waited);
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, waitMs - waited)));
  }
}

/** A live holder of `target`'s lock, as an error to report: a look before any work (acquireOutputLock decides). */
export async function liveLockOf(target: string): Promise<OutputBusyError | undefined> {
  const file = lockFileOf(target);
  const found = await inspect(file);
  return found.state === "live" ? new OutputBusyError(file, target, found.holder, 0) : undefined;
}

/** Removes the lock if it is still this holder's (a takeover by mistake must not be undone by us). */
async function releaseLock(file: string, holder: LockHolder): Promise<void> {
  const current = await readHolder(file);
  if (typeof current === "object" && current.token === holder.token) await unlink(file).catch(() => undefined);
}
