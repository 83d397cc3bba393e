/** A check report as diagnostics: failed rules are errors, noted wording irregularities warnings. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatWhere, type CheckReport, type RuleResult, type Where } from "./report.ts";

/** ["section", 1, "paragraph", 12], or ["word/header1.xml", "paragraph", 1] for a header part. */
function pathOf(where: Where | undefined): (string | number)[] | undefined {
  if (!where) return undefined;
  const path: (string | number)[] = [];
  if (where.part !== undefined) path.push(where.part);
  else if (where.section !== undefined) path.push("section", where.section);
  if (where.paragraph !== undefined) path.push("paragraph", where.paragraph);
  return path.length > 0 ? path : undefined;
}

function diagnostic(result: RuleResult, file: string, severity: "error" | "warning", message: string): Diagnostic {
  const place = formatWhere(result.where);
  const d: Diagnostic = { ruleId: result.ruleId, severity, message: place ? `${place}: ${message}` : message, file };
  const path = pathOf(result.where);
  if (path) d.path = path;
  return d;
}

export function checkDiagnostics(report: CheckReport, file: string): Diagnostic[] {
  return report.results.flatMap((result) => {
    const out: Diagnostic[] = [];
    if (result.status === "fail") {
      const measured = result.measured !== undefined ? ` (measured: ${result.measured})` : "";
      const d = diagnostic(result, file, "error", `${result.message}${measured}`);
      if (result.expected !== undefined) d.hint = `expected (${report.profile}): ${result.expected}`;
      out.push(d);
    }
    for (const warning of result.warnings ?? []) out.push(diagnostic(result, file, "warning", warning));
    return out;
  });
}
