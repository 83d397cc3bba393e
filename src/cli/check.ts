/**
 * `vanban check <file.docx> [--profile nd30|tt01] [--json] [-q]`: checks any DOCX against the layout
 * rules of spec/layout.md and prints every rule with its status, measured and expected values and place.
 * Exit 0 when no rule fails, 1 when some fail, 2 when the file cannot be read as a DOCX.
 */
import { checkDocx, profileFromKeywords } from "../check/check-docx.ts";
import { checkDiagnostics } from "../check/diagnostics.ts";
import { DocxReadError } from "../read/docx/ooxml/package.ts";
import { formatWhere, type CheckReport, type RuleResult } from "../check/report.ts";
import { loadTinos } from "../io/fonts.ts";
import { TextMeasurer } from "../layout/measure.ts";
import type { Profile } from "../model/schema.ts";
import { diagnosticsJson, EXIT, printJson } from "./output.ts";
import { readBounded } from "../io/bounded-read.ts";

export interface CheckCommandOptions {
  profile?: Profile;
  json?: boolean;
  quiet?: boolean;
}

type ProfileSource = "option" | "document keywords" | "default";

const COLUMN_LIMITS = { measured: 44, expected: 52 } as const;
const DEFAULT_PROFILE: Profile = "nd30";

const clip = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

/** The report as an aligned table, one line per rule, then the failures and warnings in full. Pure. */
function formatReport(report: CheckReport, file: string, source: ProfileSource, quiet = false): string {
  const shown = quiet ? report.results.filter((r) => r.status === "fail") : report.results;
  // a rule not evaluated shows why in place of a measurement
  const measured = (r: RuleResult) => (r.status === "not-evaluated" ? `(${r.message})` : (r.measured ?? ""));
  const rows = shown.map((r) => [r.ruleId, r.status, clip(measured(r), COLUMN_LIMITS.measured), clip(r.expected ?? "", COLUMN_LIMITS.expected), formatWhere(r.where)]);
  const header = ["RULE", "STATUS", "MEASURED", "EXPECTED", "WHERE"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  const out = [`${file}: profile ${report.profile} (${source}), recognised as ${report.kind}`];
  if (rows.length > 0) out.push(line(header), ...rows.map(line));
  const details = (r: RuleResult) => [
    ...(r.status === "fail" ? [`fail ${r.ruleId}: ${r.message}${r.expected ? `\n    expected: ${r.expected}` : ""}`] : []),
    ...(r.status === "not-evaluated" && !quiet ? [`not evaluated ${r.ruleId}: ${r.message}`] : []),
    ...(quiet ? [] : (r.warnings ?? []).map((w) => `warning ${r.ruleId}: ${w}`)),
  ];
  const notes = report.results.flatMap(details);
  if (notes.length > 0) out.push("", ...notes);
  out.push("", summaryLine(report));
  return out.join("\n");
}

function summaryLine(report: CheckReport): string {
  const count = (status: RuleResult["status"]) => report.results.filter((r) => r.status === status).length;
  const warnings = report.results.reduce((n, r) => n + (r.warnings?.length ?? 0), 0);
  return `${report.results.length} rules: ${count("pass")} pass, ${count("fail")} fail, ${count("not-evaluated")} not evaluated; ${warnings} warning(s)`;
}

function unreadable(file: string, message: string, options: CheckCommandOptions, kind: string): number {
  if (options.json) printJson({ file, ok: false, error: { kind, message } });
  else process.stderr.write(`vanban check: ${file}: ${message}\n`);
  return EXIT.unreadable;
}

/** A decision with its appendix is a few MB; more is not a document to check (or a pipe that never ends). */
const MAX_CHECKED_DOCX_BYTES = 100 * 1024 * 1024;

export async function runCheck(file: string, options: CheckCommandOptions): Promise<number> {
  let bytes: Uint8Array;
  try {
    const read = await readBounded(file, MAX_CHECKED_DOCX_BYTES);
    if (read.truncated) return unreadable(file, `the file holds more than ${MAX_CHECKED_DOCX_BYTES} bytes, the limit for a DOCX`, options, "too-large");
    bytes = read.bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(file, `cannot read the file${code ? ` (${code})` : ""}`, options, "io");
  }
  let report: CheckReport;
  let source: ProfileSource;
  try {
    const fromKeywords = options.profile ? undefined : profileFromKeywords(bytes);
    const profile = options.profile ?? fromKeywords ?? DEFAULT_PROFILE;
    source = options.profile ? "option" : fromKeywords ? "document keywords" : "default";
    report = checkDocx(bytes, { profile, measurer: new TextMeasurer(await loadTinos()) });
  } catch (error) {
    if (error instanceof DocxReadError) return unreadable(file, error.message, options, error.kind);
    throw error;
  }
  const failed = report.results.some((r) => r.status === "fail");
  if (options.json) {
    printJson({ file, ok: !failed, profile: report.profile, profileSource: source, kind: report.kind, results: report.results, diagnostics: diagnosticsJson(checkDiagnostics(report, file)) });
  } else {
    process.stdout.write(`${formatReport(report, file, source, options.quiet)}\n`);
  }
  return failed ? EXIT.errors : EXIT.ok;
}
