/**
 * PAGE-NUM and PAGE-NUM-APPENDIX (spec §1, §9): where the PAGE field is, by profile. ND30: centred in
 * the default header, none on page 1 (w:titlePg, no PAGE in the first-page header), none in footers.
 * TT01: bottom right in the default footer, none on page 1, none in headers. Each appendix starts at 1.
 */
import type { HeaderFooter, HeaderFooterKind, Section } from "../../read/docx/ooxml/document.ts";
import type { Field, Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import { formatRange, inRange, judge, notEvaluated, whereOf, withWarnings, type Finding, type LayoutRule, type RuleContext } from "./outcome.ts";

interface PageField {
  paragraph: Paragraph;
  field: Field;
}

const isPageField = (field: Field) => field.instruction.split(/\s+/)[0]?.toUpperCase() === "PAGE";

function pageFields(part: HeaderFooter | undefined): PageField[] {
  return (part?.paragraphs ?? []).flatMap((paragraph) => paragraph.fields.filter(isPageField).map((field) => ({ paragraph, field })));
}

/** The sizes a field shows in points: its runs', or the paragraph mark's when it has none. */
function fieldSizesPt(f: PageField): number[] {
  const runs = f.field.runs.length > 0 ? f.field.runs.map((r) => r.format) : [f.paragraph.markFormat];
  return [...new Set(runs.map((r) => r.sizeHalfPt / 2))];
}

function placement(ctx: RuleContext) {
  const top = ctx.layout.pageNumber.position === "top-center";
  return {
    where: top ? ("headers" as const) : ("footers" as const),
    other: top ? ("footers" as const) : ("headers" as const),
    alignment: top ? "center" : "right",
    label: top ? "centred in the header" : "right-aligned in the footer",
  };
}

function sectionFindings(ctx: RuleContext, section: Section): Finding[] {
  const { where, other, alignment, label } = placement(ctx);
  const range = ctx.layout.pageNumber.sizeRangePt;
  const at = { section: section.index };
  const findings: Finding[] = [];
  const numbered: HeaderFooterKind[] = ctx.doc.evenAndOddHeaders ? ["default", "even"] : ["default"];
  for (const kind of numbered) {
    const fields = pageFields(section[where][kind]);
    const first = fields[0];
    const partName = section[where][kind]?.part ?? `no ${kind} ${where.slice(0, -1)}`;
    if (!first) {
      findings.push({ measured: `§${section.index} ${kind} ${where.slice(0, -1)}: no PAGE field`, where: at, problem: `section ${section.index}: no PAGE field in the ${kind} ${where.slice(0, -1)} (${partName})` });
      continue;
    }
    const sizes = fieldSizesPt(first);
    const finding: Finding = { measured: `PAGE ${first.paragraph.format.alignment} in ${partName}, ${sizes.join("/")} pt`, where: whereOf(ctx, first.paragraph, "PAGE") };
    const problems: string[] = [];
    if (first.paragraph.format.alignment !== alignment) problems.push(`aligned ${first.paragraph.format.alignment}, not ${alignment}`);
    if (!sizes.every((s) => inRange(s, range))) problems.push(`size ${sizes.join("/")} pt outside ${formatRange(range, "pt")}`);
    if (problems.length > 0) finding.problem = `section ${section.index}: page number ${problems.join("; ")}`;
    findings.push(finding);
  }
  // not on page 1 (the main section; appendices: practice, see PAGE-NUM-APPENDIX)
  if (section === ctx.parts.mainSection && !section.titlePage) {
    findings.push({ measured: `§${section.index} no titlePg`, where: at, problem: `section ${section.index} has no w:titlePg: page 1 shows the page number` });
  }
  // parts in use that must not show a number: the first-page parts, and every part on the other side
  const firstKinds: HeaderFooterKind[] = section.titlePage ? ["first"] : [];
  const checks: [typeof where | typeof other, HeaderFooterKind][] = [
    ...firstKinds.map((k) => [where, k] as [typeof where, HeaderFooterKind]),
    ...[...numbered, ...firstKinds].map((k) => [other, k] as [typeof other, HeaderFooterKind]),
  ];
  for (const [side, kind] of checks) {
    const stray = pageFields(section[side][kind])[0];
    if (stray) findings.push({ measured: `PAGE in ${section[side][kind]!.part}`, where: whereOf(ctx, stray.paragraph, "PAGE"), problem: `section ${section.index}: a PAGE field in the ${kind} ${side.slice(0, -1)}; the number belongs ${label}${kind === "first" ? ", not on page 1" : ""}` });
  }
  return findings;
}

const pageNumber: LayoutRule = {
  id: "PAGE-NUM",
  check(ctx) {
    const { label } = placement(ctx);
    const expected = `PAGE field ${label}, ${formatRange(ctx.layout.pageNumber.sizeRangePt, "pt")}, not on page 1 (w:titlePg)`;
    return judge(ctx.doc.sections.flatMap((s) => sectionFindings(ctx, s)), expected, `page numbers ${label} in every section`);
  },
};

const appendixNumbering: LayoutRule = {
  id: "PAGE-NUM-APPENDIX",
  check(ctx) {
    const expected = 'appendix section w:pgNumType w:start="1"';
    if (ctx.parts.appendices.length === 0) return notEvaluated("the document has no appendix", expected);
    const warnings: string[] = [];
    const findings = ctx.parts.appendices.map((a): Finding => {
      const s = a.section;
      const where = whereOf(ctx, a.heading);
      if (s === ctx.parts.mainSection) return { measured: "no section of its own", where, problem: "the appendix does not start a section of its own, so its pages cannot be numbered from 1" };
      // hiding page 1 of the appendix too is practice: noted, not failed
      if (!s.titlePage) warnings.push(`section ${s.index}: the appendix's first page shows its number (hiding it is practice)`);
      const measured = `§${s.index} start=${s.pageNumberStart ?? "none (continues)"}`;
      return s.pageNumberStart === 1 ? { measured, where } : { measured, where, problem: `section ${s.index}: the appendix does not restart page numbering at 1` };
    });
    return withWarnings(judge(findings, expected, "each appendix numbers its pages from 1"), warnings);
  },
};

export const PAGE_NUMBER_RULES: readonly LayoutRule[] = [pageNumber, appendixNumbering];
