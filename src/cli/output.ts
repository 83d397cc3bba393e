import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatCounts, formatDiagnostics, sortDiagnostics } from "../diagnostics/format.ts";

/** Documented exit codes of every command (`vanban --help` and the README list them: keep the three in step). */
export const EXIT = {
  ok: 0,
  /** errors in the input: nothing is written */
  errors: 1,
  usage: 2,
  /** `check`: the file is not a readable DOCX */
  unreadable: 2,
  /** another build is writing the output folder (its lock is live) */
  busy: 3,
  /** the output cannot be written: a file where a folder should be, permissions, a full disk, a read-only file system, a symbolic link */
  output: 4,
  /** a bug in vanban (reported as a diagnostic, never a stack trace) */
  internal: 70,
  /** Ctrl-C (SIGINT); 143 for SIGTERM */
  interrupted: 130,
  terminated: 143,
} as const;

/** The exit-code table of `vanban --help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0    success (warnings allowed)
  1    errors in the input; nothing is written
  2    usage error (unknown option, bad value; import -o at an existing file without --force); check: the file is not a readable DOCX
  3    another build is writing the output folder (see --wait)
  4    the output cannot be written (a file in the way, permissions, disk full, read-only, symbolic link)
  70   a bug in vanban (please report it with the diagnostic printed), or vanban was reinstalled while it ran
  130  interrupted by Ctrl-C (SIGINT); the previous outputs are kept
  143  ended by SIGTERM; the previous outputs are kept`;

export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], options: OutputOptions): void {
  if (options.json || diagnostics.length === 0) return;
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  if (shown.length > 0) process.stderr.write(`${formatDiagnostics(shown)}\n`);
  process.stderr.write(`${formatCounts(diagnostics)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function diagnosticsJson(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(diagnostics);
}
