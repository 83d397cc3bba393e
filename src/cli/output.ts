import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatCounts, formatDiagnostics, sortDiagnostics } from "../diagnostics/format.ts";

/** Documented exit codes of every command. */
export const EXIT = { ok: 0, errors: 1, usage: 2, unreadable: 2 } as const;

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
