/**
 * The look of a line of text (effective size, bold, italic, capitals, alignment) against what a rule
 * asks for: one shared check for the many "caps, bold, 13–14 pt, centred" rules.
 */
import type { Range } from "../../layout/profiles.ts";
import { shownText, visibleRuns, type TextLine } from "../parts/text.ts";
import { formatRange, inRange, whereOf, type Finding, type RuleContext } from "./outcome.ts";

export interface Look {
  sizeRangePt?: Range;
  bold?: boolean;
  italic?: boolean;
  /** shown in capitals (text or w:caps) */
  caps?: boolean;
  /** w:jc as normalised by the reader: "center", "both", … */
  alignment?: string;
}

const ALIGNMENT_NAMES: Record<string, string> = { center: "centred", both: "justified", left: "left", right: "right" };
export const alignmentName = (value: string): string => ALIGNMENT_NAMES[value] ?? value;
/** A column of a tab-aligned line is aligned as it stands in its column, whatever its paragraph's w:jc. */
const alignmentOf = (line: TextLine): string => line.alignment ?? line.paragraph.format.alignment;

/** "caps, bold, 12–13 pt, centred" */
export function describeExpected(look: Look): string {
  const parts: string[] = [];
  if (look.caps === true) parts.push("caps");
  if (look.bold !== undefined) parts.push(look.bold ? "bold" : "not bold");
  if (look.italic !== undefined) parts.push(look.italic ? "italic" : "upright");
  if (look.sizeRangePt) parts.push(formatRange(look.sizeRangePt, "pt"));
  if (look.alignment) parts.push(alignmentName(look.alignment));
  return parts.join(", ");
}

const sizesPt = (line: Pick<TextLine, "runs">): number[] => [...new Set(visibleRuns(line.runs).map((r) => r.format.sizeHalfPt / 2))].sort((a, b) => a - b);

/** "13 pt bold italic, centred" as measured */
function describeLook(line: TextLine): string {
  const runs = visibleRuns(line.runs);
  const sizes = sizesPt(line);
  const size = sizes.length === 0 ? "no text" : sizes.length === 1 ? `${sizes[0]} pt` : `${sizes[0]}–${sizes.at(-1)} pt`;
  const flags = (key: "bold" | "italic", name: string) =>
    runs.every((r) => r.format[key]) ? name : runs.some((r) => r.format[key]) ? `partly ${name}` : key === "bold" ? "regular" : "upright";
  return `${size} ${flags("bold", "bold")} ${flags("italic", "italic")}, ${alignmentName(alignmentOf(line))}`;
}

export function lookProblems(line: TextLine, look: Look): string[] {
  const runs = visibleRuns(line.runs);
  if (runs.length === 0) return ["has no visible text"];
  const problems: string[] = [];
  if (look.sizeRangePt) {
    const outside = sizesPt(line).filter((s) => !inRange(s, look.sizeRangePt!));
    if (outside.length > 0) problems.push(`size ${outside.join(", ")} pt outside ${formatRange(look.sizeRangePt, "pt")}`);
  }
  for (const key of ["bold", "italic"] as const) {
    const want = look[key];
    if (want === undefined) continue;
    const wrong = runs.filter((r) => r.format[key] !== want);
    if (wrong.length > 0) problems.push(`${want ? "not " : ""}${key}${wrong.length < runs.length ? ` in "${wrong[0]!.text.trim()}"` : ""}`);
  }
  if (look.caps === true) {
    const shown = shownText(line);
    if (shown !== shown.toLocaleUpperCase("vi")) problems.push("not in capitals");
  }
  if (look.alignment !== undefined && alignmentOf(line) !== look.alignment) {
    problems.push(`${alignmentName(alignmentOf(line))}, not ${alignmentName(look.alignment)}`);
  }
  return problems;
}

/** A finding for one line: its measured look, and what is wrong with it, if anything. */
export function lookFinding(ctx: RuleContext, line: TextLine, look: Look, label: string): Finding {
  const problems = lookProblems(line, look);
  const finding: Finding = { measured: describeLook(line), where: whereOf(ctx, line.paragraph, line.text) };
  if (problems.length > 0) finding.problem = `${label} "${line.text}": ${problems.join("; ")}`;
  return finding;
}
