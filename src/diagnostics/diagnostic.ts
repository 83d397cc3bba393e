/** One diagnostic type for the importer, validator, resolver and checker (see STYLE.md). */
export type Severity = "error" | "warning" | "info";

export interface Point {
  /** 1-based */
  line: number;
  /** 1-based, in characters */
  column: number;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  hint?: string;
  file?: string;
  start?: Point;
  end?: Point;
  /** a place in a DOCX or HTML tree, in words ("table 2, row 5, cell 3"), where a text input has `start` */
  at?: string;
  path?: (string | number)[];
  /** A suggested change of the official text, applied only on request (`--fix`). */
  fix?: Fix;
}

export interface Fix {
  path: (string | number)[];
  from: string;
  to: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
