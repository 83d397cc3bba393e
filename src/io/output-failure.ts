/**
 * File-system failures while writing a build, as diagnostics a clerk can act on: which path, what is wrong
 * in words (not an errno), what to do. The CLI maps them to exit codes.
 */
import { lstatSync, readlinkSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { OutputPathError } from "./output-dir.ts";
import { OutputBusyError, type LockHolder } from "./output-lock.ts";

const REASONS: Record<string, [reason: string, advice: string]> = {
  EACCES: ["permission denied", "choose a folder you may write to (-o), or ask for write permission on it"],
  EPERM: ["the operation is not permitted (the file may be open in Word or Excel, or protected)", "close the file in other programs, or choose another folder with -o"],
  EROFS: ["the file system is read-only", "this disk or share is mounted read-only: choose another output folder with -o"],
  ENOSPC: ["the disk is full", "free some space and build again; the previous outputs were kept"],
  EDQUOT: ["the disk quota is exceeded", "free some space and build again; the previous outputs were kept"],
  ENOTDIR: ["a file is in the way: part of the path is a file, not a folder", "-o must name a folder: rename or remove the file, or choose another folder"],
  EEXIST: ["a file is in the way where a folder must be", "-o must name a folder: rename or remove the file, or choose another folder"],
  EISDIR: ["a folder is in the way where a file must be", "remove or rename that folder"],
  ENOTEMPTY: ["a folder is in the way where a file must be", "remove or rename that folder"],
  ENAMETOOLONG: ["the path is too long", "choose a shorter output folder with -o"],
  ELOOP: ["the path has a loop of symbolic links", "replace the links by real folders"],
  EIO: ["the disk or the network share reported an input/output error", "check the disk or the connection to the share, then build again"],
  EBUSY: ["the file or folder is in use by another program", "close it in other programs (Word, Excel, Explorer) and build again"],
  EMFILE: ["too many files are open", "close other programs and build again"],
  ENFILE: ["too many files are open", "close other programs and build again"],
  ENOENT: ["a folder on the way is missing (deleted while the build wrote?)", "check the output folder and build again"],
  EXDEV: ["the temporary folder and the output are on different disks", "choose an output folder on one disk"],
};

function holderText(holder: LockHolder | undefined): string {
  return holder ? `PID ${holder.pid} on ${holder.host}, started ${holder.started}: ${holder.command}` : "a lock file vanban cannot read";
}

export function busyDiagnostic(error: OutputBusyError): Diagnostic {
  return diagnose("output/busy", { folder: error.target, holder: holderText(error.holder), lock: error.lockFile }, { file: error.lockFile });
}

export function staleLockDiagnostic(holder: LockHolder | undefined, lockFile: string): Diagnostic {
  return diagnose("output/stale-lock", { holder: holderText(holder) }, { file: lockFile });
}

/** A missing path that is a symbolic link: its target is what is missing. */
function danglingLink(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** The diagnostic for a failure to write the output, or undefined when `error` is not one (a bug). */
export function outputFailureDiagnostic(error: unknown): Diagnostic | undefined {
  if (error instanceof OutputBusyError) return busyDiagnostic(error);
  if (error instanceof OutputPathError) return diagnose("output/symlink", { path: error.path }, { file: error.path });
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== "string" || !(e.code in REASONS)) return undefined;
  // a rename names its source first: the path the clerk gave is its destination
  const dest = (e as { dest?: unknown }).dest;
  const path = e.syscall === "rename" && typeof dest === "string" ? dest : (e.path ?? "the output folder");
  const link = e.code === "ENOENT" && e.path ? danglingLink(e.path) : undefined;
  const [reason, advice] = link
    ? [`it is a symbolic link to ${link}, which does not exist`, "remove the broken link, or create the folder it points to"]
    : REASONS[e.code]!;
  return diagnose("output/unwritable", { path, reason, advice }, { file: path });
}
