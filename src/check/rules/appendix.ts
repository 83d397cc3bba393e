/**
 * Appendix rules (spec §7): APX-HEAD ("Phụ lục" + numeral, 14 pt bold centred, capital P), APX-TITLE
 * (caps bold 13–14 pt centred), APX-REF ("(Kèm theo … số … ngày …)" italic centred, then a short line),
 * APX-TABLE (header row repeats, header cells bold 12–13 pt, group rows bold, rows do not split).
 */
import type { Row, Table } from "../../read/docx/ooxml/blocks.ts";
import { sectionTextWidthTwips } from "../geometry.ts";
import type { AppendixPart } from "../parts/document-parts.ts";
import { linesOf, normalise, visibleRuns, type TextLine } from "../parts/text.ts";
import { describeExpected, lookFinding, type Look } from "./look.ts";
import { judge, notEvaluated, pt, whereOf, type Finding, type LayoutRule, type Outcome, type RuleContext } from "./outcome.ts";

const NO_APPENDIX = "the document has no appendix";
const HEADING = /^(Phụ lục|PHỤ LỤC)(\s+[IVXLC]+)?$/u;
const REFERENCE = /^\(.*kèm theo .*\ssố\s.*\)$/iu;
/** a group row's numeral: I, II, … (optionally with a dot) */
const GROUP_NUMERAL = /^[IVXLC]+\.?$/u;

function eachAppendix(ctx: RuleContext, expected: string, success: string, findings: (a: AppendixPart) => Finding[]): Outcome {
  if (ctx.parts.appendices.length === 0) return notEvaluated(NO_APPENDIX, expected);
  return judge(ctx.parts.appendices.flatMap(findings), expected, success);
}

const firstLine = (p: AppendixPart["heading"]): TextLine => linesOf(p)[0] ?? { paragraph: p, text: "", runs: [] };

const heading: LayoutRule = {
  id: "APX-HEAD",
  check(ctx) {
    const look: Look = { bold: true, sizeRangePt: ctx.layout.appendix.headingSizeRangePt, alignment: "center" };
    const expected = `"Phụ lục" (+ numeral), capital P, ${describeExpected(look)}`;
    return eachAppendix(ctx, expected, "appendix heading as expected", (a) => {
      const line = firstLine(a.heading);
      const finding = lookFinding(ctx, line, look, "the appendix heading");
      if (!HEADING.test(line.text)) finding.problem = [finding.problem, `reads "${line.text}"`].filter(Boolean).join("; ");
      return [finding];
    });
  },
};

const title: LayoutRule = {
  id: "APX-TITLE",
  check(ctx) {
    const look: Look = { caps: true, bold: true, sizeRangePt: ctx.layout.appendix.titleSizeRangePt, alignment: "center" };
    return eachAppendix(ctx, describeExpected(look), "appendix title as expected", (a) =>
      a.title ? linesOf(a.title).map((l) => lookFinding(ctx, l, look, "the appendix title")) : [{ measured: "none", where: whereOf(ctx, a.heading), problem: "the appendix has no title after its heading" }],
    );
  },
};

const reference: LayoutRule = {
  id: "APX-REF",
  check(ctx) {
    const look: Look = { italic: true, sizeRangePt: ctx.layout.appendix.referenceSizeRangePt, alignment: "center" };
    const expected = `"(Kèm theo … số … ngày … của …)", ${describeExpected(look)}, then a short centred line`;
    return eachAppendix(ctx, expected, "reference line as expected", (a) => {
      if (!a.reference) return [{ measured: "none", where: whereOf(ctx, a.heading), problem: 'the appendix has no "(Kèm theo …)" reference line' }];
      const text = normalise(a.reference.text);
      const finding = lookFinding(ctx, { paragraph: a.reference, text, runs: linesOf(a.reference).flatMap((l) => l.runs) }, look, "the reference line");
      const problems = finding.problem ? [finding.problem] : [];
      if (!REFERENCE.test(text)) problems.push(`"${text}" does not read "(Kèm theo … số …)"`);
      // short: at most half the text width
      const halfWidthTwips = sectionTextWidthTwips(a.section) / 2;
      if (!a.line) problems.push("no short line under the reference");
      else {
        finding.measured = `${finding.measured}; line ${pt(a.line.lengthTwips / 20)}`;
        if (!a.line.solid || a.line.centred === false || a.line.lengthTwips > halfWidthTwips) problems.push(`the line under it is not a short solid centred line (${pt(a.line.lengthTwips / 20)})`);
      }
      if (problems.length > 0) finding.problem = problems.join("; ");
      return [finding];
    });
  },
};

const rowText = (row: Row) => row.cells.map((c) => normalise(c.paragraphs.map((p) => p.text).join(" "))).join(" | ");

function tableFindings(ctx: RuleContext, a: AppendixPart, table: Table): Finding[] {
  const sizeRange = ctx.layout.appendix.tableSizeRangePt;
  const [header, ...rows] = table.rows;
  const at = (row: Row) => {
    const p = row.cells[0]?.paragraphs[0];
    return p ? whereOf(ctx, p, rowText(row)) : whereOf(ctx, a.heading);
  };
  const findings: Finding[] = [];
  if (!header) return [{ measured: "empty table", where: whereOf(ctx, a.heading), problem: "the appendix table has no rows" }];
  if (!header.isHeader) findings.push({ measured: "no w:tblHeader", where: at(header), problem: "the header row does not repeat on each page (no w:tblHeader)" });
  const headerLook: Look = { bold: true, sizeRangePt: sizeRange };
  for (const cell of header.cells) for (const line of cell.paragraphs.flatMap(linesOf)) findings.push(lookFinding(ctx, line, headerLook, "header cell"));
  for (const row of rows) {
    const first = normalise(row.cells[0]?.paragraphs.map((p) => p.text).join(" ") ?? "");
    if (GROUP_NUMERAL.test(first)) {
      const notBold = row.cells.flatMap((c) => c.paragraphs.flatMap(linesOf)).filter((l) => visibleRuns(l.runs).some((r) => !r.format.bold));
      if (notBold.length > 0) findings.push({ measured: `group row "${rowText(row)}"`, where: at(row), problem: `group row "${rowText(row)}" is not bold across the row` });
    }
  }
  const splitting = table.rows.filter((r) => !r.cantSplit);
  if (splitting.length > 0) findings.push({ measured: `${splitting.length} rows may split`, where: at(splitting[0]!), problem: `${splitting.length} of ${table.rows.length} rows may split across pages (no w:cantSplit)` });
  return findings;
}

const table: LayoutRule = {
  id: "APX-TABLE",
  check(ctx) {
    const expected = `header row repeats (w:tblHeader), header cells bold ${sizeLabel(ctx)}, group rows bold, rows w:cantSplit`;
    return eachAppendix(ctx, expected, "appendix table as expected", (a) =>
      a.table ? tableFindings(ctx, a, a.table) : [{ measured: "none", where: whereOf(ctx, a.heading), problem: "the appendix has no table" }],
    );
  },
};

const sizeLabel = (ctx: RuleContext) => describeExpected({ sizeRangePt: ctx.layout.appendix.tableSizeRangePt });

export const APPENDIX_RULES: readonly LayoutRule[] = [heading, title, reference, table];
