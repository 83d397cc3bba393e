/**
 * HDR-NUMBER and HDR-DATE (spec §2): the "Số: 503/QĐ-UBND" line (13 pt, upright, number < 10 with a
 * leading zero, no spaces inside the ký hiệu, a decision's ký hiệu starting "QĐ-") and the place-date
 * line (italic, 13–14 pt, day < 10 and months 1–2 with a leading zero, months 3–12 without, level with
 * "Số:": the same row of the grid).
 */
import { normalise } from "../parts/text.ts";
import { describeExpected, lookFinding, type Look } from "./look.ts";
import { failed, judge, notEvaluated, withWarnings, type LayoutRule } from "./outcome.ts";

const NUMBER_LINE = /^Số\s*:\s*(?<number>[^/]*?)\s*\/\s*(?<symbol>.*)$/u;
/** placeholders a văn thư fills in by hand: blank, dots, ellipses */
const PLACEHOLDER = /^[\s.…_]*$/u;
const DATE_LINE = /^(?<place>[^,]+),\s*ngày\s*(?<day>[^\s]*?)\s*tháng\s*(?<month>[^\s]*?)\s*năm\s*(?<year>\d{4})\s*$/u;

function numberProblems(number: string, symbol: string, decision: boolean): string[] {
  const problems: string[] = [];
  if (PLACEHOLDER.test(number)) {
    // left blank for the văn thư: allowed
  } else if (!/^\d+$/.test(number)) problems.push(`number "${number}" is not a number`);
  else if (Number(number) < 10 && number !== `0${Number(number)}`) problems.push(`number ${number} below 10 needs one leading zero ("0${Number(number)}")`);
  else if (Number(number) >= 10 && number.startsWith("0")) problems.push(`number "${number}" has a leading zero it does not need`);
  if (/\s/u.test(symbol)) problems.push(`ký hiệu "${symbol}" contains spaces`);
  if (!/^[^\s-]+(-[^\s-]+)+$/u.test(symbol)) problems.push(`ký hiệu "${symbol}" is not code-code (e.g. "QĐ-UBND")`);
  else if (decision && !symbol.startsWith("QĐ-")) problems.push(`a Quyết định's ký hiệu starts "QĐ-", not "${symbol}"`);
  return problems;
}

const numberLine: LayoutRule = {
  id: "HDR-NUMBER",
  check(ctx) {
    const look: Look = { italic: false, sizeRangePt: ctx.layout.header.sizeRangePt.number };
    const expected = `"Số: NN/KÝ-HIỆU", ${describeExpected(look)}, number < 10 as "0N", no spaces in the ký hiệu`;
    const grid = ctx.parts.header;
    if (!grid) return notEvaluated("no header grid", expected);
    if (!grid.number) return failed('no "Số:" line in the header grid', expected);
    const line = grid.number;
    const finding = lookFinding(ctx, line, look, "the number line");
    const match = normalise(line.text).match(NUMBER_LINE);
    const problems = match ? numberProblems(match.groups!.number!, match.groups!.symbol!, ctx.parts.kind === "decision") : [`"${line.text}" does not read "Số: <number>/<ký hiệu>"`];
    if (problems.length > 0) finding.problem = [finding.problem, ...problems].filter(Boolean).join("; ");
    finding.measured = `"${line.text}", ${finding.measured}`;
    return judge([finding], expected, "number line as expected");
  },
};

/** HDR-DATE: day < 10 and months 1–2 get a leading zero; months 3–12 do not ("tháng 6"). */
const DATE_PARTS = [
  { name: "day", max: 31, written: (n: number) => (n < 10 ? `0${n}` : String(n)) },
  { name: "month", max: 12, written: (n: number) => (n <= 2 ? `0${n}` : String(n)) },
] as const;

function dateProblems(values: readonly [day: string, month: string]): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  DATE_PARTS.forEach(({ name, max, written }, i) => {
    const value = values[i]!;
    const n = Number(value);
    if (PLACEHOLDER.test(value)) warnings.push(`the ${name} is left blank`);
    else if (!/^\d+$/.test(value) || n < 1 || n > max) problems.push(`${name} "${value}" is not a ${name}`);
    else if (value !== written(n)) problems.push(`${name} written "${value}", expected "${written(n)}"`);
  });
  return { problems, warnings };
}

const placeDate: LayoutRule = {
  id: "HDR-DATE",
  check(ctx) {
    const look: Look = { italic: true, sizeRangePt: ctx.layout.header.sizeRangePt.date };
    const expected = `"<place>, ngày DD tháng M năm YYYY" (day < 10 and months 1–2 with a leading zero), ${describeExpected(look)}, level with "Số:"`;
    const grid = ctx.parts.header;
    if (!grid) return notEvaluated("no header grid", expected);
    if (!grid.placeDate) return failed("no place-date line in the header grid", expected);
    const line = grid.placeDate;
    const finding = lookFinding(ctx, line, look, "the place-date line");
    finding.measured = `"${line.text}", ${finding.measured}`;
    const match = line.text.match(DATE_LINE);
    const { problems, warnings } = match ? dateProblems([match.groups!.day!, match.groups!.month!]) : { problems: [`"${line.text}" does not read "<place>, ngày … tháng … năm …"`], warnings: [] };
    const number = grid.number;
    // level: in one row of the grid, or on one line of a tab-aligned header
    if (number && number.row !== undefined && line.row !== undefined && number.row !== line.row) problems.push(`not level with "Số:" (grid row ${line.row + 1}, "Số:" in row ${number.row + 1})`);
    else if (number && (number.row === undefined) !== (line.row === undefined)) problems.push('not level with "Số:" (one in the grid table, the other not)');
    else if (number && number.row === undefined && number.paragraph !== line.paragraph) problems.push('not level with "Số:" (not on its line)');
    if (problems.length > 0) finding.problem = [finding.problem, ...problems].filter(Boolean).join("; ");
    return withWarnings(judge([finding], expected, "place-date line as expected"), warnings);
  },
};

export const HEADER_NUMBER_RULES: readonly LayoutRule[] = [numberLine, placeDate];
