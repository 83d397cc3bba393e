import { countBySeverity, type Diagnostic } from "./diagnostic.ts";

function compare(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "") ||
    (a.start?.line ?? 0) - (b.start?.line ?? 0) ||
    (a.start?.column ?? 0) - (b.start?.column ?? 0) ||
    // tree places in words: "paragraph 2" before "paragraph 12"
    (a.at ?? "").localeCompare(b.at ?? "", "en", { numeric: true }) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compare);
}

/** `file:line:col severity rule-id message` (+ an indented hint), sorted by place. Pure. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      // A diagnostic about a whole file (unreadable, empty) points at its start.
      const where = d.at !== undefined && !d.start ? `${d.file ?? "-"} (${d.at})` : [d.file ?? "-", d.start?.line ?? 1, d.start?.column ?? 1].join(":");
      const line = `${where} ${d.severity} ${d.ruleId} ${d.message}`;
      return d.hint ? `${line}\n    hint: ${d.hint}` : line;
    })
    .join("\n");
}

export function formatCounts(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${c.error} error(s), ${c.warning} warning(s), ${c.info} info`;
}
