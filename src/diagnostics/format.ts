import { countBySeverity, type Diagnostic } from "./diagnostic.ts";

/** Code-unit order, the same on every machine (no locale's collation, whose set-up alone cost a validate 14 ms). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Tree places in words, numbers by value: "paragraph 2" before "paragraph 12". */
function compareNatural(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    // odd parts are the runs of digits
    const order = i % 2 === 1 ? Number(left[i]) - Number(right[i]) || byCodeUnits(left[i]!, right[i]!) : byCodeUnits(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return (
    byCodeUnits(a.file ?? "", b.file ?? "") ||
    (a.start?.line ?? 0) - (b.start?.line ?? 0) ||
    (a.start?.column ?? 0) - (b.start?.column ?? 0) ||
    compareNatural(a.at ?? "", b.at ?? "") ||
    byCodeUnits(a.ruleId, b.ruleId)
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
