/**
 * The drawn-line rules share one measure: the line's length against the width of the text above it
 * (HDR-TN-LINE: equal ±5 %; HDR-ISSUER-LINE, TITLE-LINE: 1/3–1/2), solid and centred.
 */
import type { Range } from "../../layout/profiles.ts";
import { twipsToPt } from "../../layout/units.ts";
import type { DrawnLine } from "../geometry.ts";
import { failed, formatRange, inRange, pt, whereOf, type Outcome, type RuleContext } from "./outcome.ts";

export interface LineExpectation {
  /** what the line is under, for messages: "the Tiêu ngữ" */
  under: string;
  /** width of that text in points */
  textWidthPt: number;
  /** allowed line length as a share of the text width */
  shareRange: Range;
  /** how the range reads in reports: "1/3–1/2" */
  shareLabel: string;
}

export function checkLine(ctx: RuleContext, line: DrawnLine | undefined, e: LineExpectation): Outcome {
  const expected = `solid line, centred, ${e.shareLabel} of the width of ${e.under} (${formatRange({ min: e.textWidthPt * e.shareRange.min, max: e.textWidthPt * e.shareRange.max }, "pt")})`;
  if (!line) return failed(`no line under ${e.under}`, expected);
  const lengthPt = twipsToPt(line.lengthTwips);
  const share = lengthPt / e.textWidthPt;
  const measured = `${pt(lengthPt)} (${Math.round(share * 1000) / 10} % of ${pt(e.textWidthPt)}), ${line.kind}${line.centred === false ? ", off centre" : ""}`;
  const where = whereOf(ctx, line.paragraph, "(line)");
  const problems: string[] = [];
  if (!inRange(share, e.shareRange)) problems.push(`is ${pt(lengthPt)}, ${Math.round(share * 1000) / 10} % of the text width (${pt(e.textWidthPt)})`);
  if (!line.solid) problems.push("is not solid");
  if (line.centred === false) problems.push("is not centred");
  if (problems.length > 0) return failed(`the line under ${e.under} ${problems.join(", ")}`, expected, measured, where);
  const message = line.centred === undefined ? `line length within range (its centring cannot be read from a floating VML line)` : "line length within range, centred";
  return { status: "pass", message, expected, measured, where };
}
