/**
 * The document plan (src/plan/) tested once against spec/layout.md and the profile, then read back from both
 * writers: the DOCX and the PDF of one plan carry the plan's lines, strokes, gaps and words.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { composeLetterText } from "../../src/letters/letter-text.ts";
import { loadLetterWording } from "../../src/io/templates.ts";
import type { LetterWording } from "../../src/letters/templates.ts";
import { MOTTO, NATIONAL_NAME } from "../../src/model/national-motto.ts";
import type { Decision } from "../../src/model/schema.ts";
import { profileLayout } from "../../src/layout/profiles.ts";
import { composeDecisionPlan } from "../../src/plan/decision.ts";
import { composeLetterPlan } from "../../src/plan/letter.ts";
import type { BlockNode, ClosingNode, DocumentPlan, HeaderGridNode, RuleLine, StackLine, TableNode } from "../../src/plan/nodes.ts";
import type { AgencyAssignment, ResolvedDecision } from "../../src/resolve/resolve-decision.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import { writePdf } from "../../src/write/pdf/write-pdf.ts";
import { openDocx, readDocument, tablesOf, type ParagraphInfo } from "../support/docx-xml.ts";
import { balancedGraphicsStates, horizontalRules, readPdfStrokes } from "../support/pdf-strokes.ts";
import { readPdfText } from "../support/pdf-text.ts";
import { loadSeed, seedGroups, seedRow } from "../support/seed-docx.ts";

let decision: Decision;
let ctx: RenderContext;
let wording: LetterWording;
let assignments: readonly AgencyAssignment[];
let resolve: (decision: Decision) => ResolvedDecision;

const letterPlanFor = (id: string, edit: (d: Decision) => Decision = (d) => d): DocumentPlan => {
  const model = resolve(edit(structuredClone(decision)));
  const assignment = model.assignments.find((a) => a.agency.id === id)!;
  return composeLetterPlan(model, model.decision.letters!, assignment, composeLetterText(model, assignment, wording), ctx.layout, ctx.measurer);
};
const blocksOf = (plan: DocumentPlan, section = 0): readonly BlockNode[] => plan.sections[section]!.blocks;
const only = <K extends BlockNode["kind"]>(plan: DocumentPlan, kind: K) => blocksOf(plan).filter((b): b is Extract<BlockNode, { kind: K }> => b.kind === kind);
const lines = (stack: HeaderGridNode["issuer"]) => stack.filter((i): i is StackLine => i.kind === "line");
const rules = (stack: HeaderGridNode["issuer"]) => stack.filter((i): i is RuleLine => i.kind === "rule");
const pdfOf = (plan: DocumentPlan) => writePdf(plan, ctx.fonts, { toolName: "vanban-test" });
const docxOf = (plan: DocumentPlan) => writeDocx(plan, { toolName: "vanban-test" });
const words = (text: string) => text.normalize("NFC").split(/\s+/).filter(Boolean);
/** The text without white space: wrapping may break a line after "/" or "-" in one format and not the other. */
const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, "");
/** The header rows of a plan's tables, squashed: the PDF repeats them at the top of a page, Word does so when it lays out. */
const headerTexts = (plan: DocumentPlan) =>
  plan.sections.flatMap((s) => s.blocks.filter((b): b is TableNode => b.kind === "table").map((t) => squash(t.rows[0]!.cells.map((c) => c.runs.map((r) => r.text).join("")).join(""))));
/** A PDF's text as the DOCX holds it: page numbers out, a header row repeated at the top of a page out. */
function pdfBodyText(pages: readonly string[], plan: DocumentPlan, shownNumber: (i: number) => number): string {
  const headers = headerTexts(plan);
  return pages
    .map((page, i) => {
      const text = squash(withoutNumber(page, shownNumber(i)));
      const repeated = i > 0 ? headers.find((h) => text.startsWith(h)) : undefined;
      return repeated ? text.slice(repeated.length) : text;
    })
    .join("");
}
/** A PDF page's text without its page number (pdfmake draws it after the body, on its own line). */
function withoutNumber(page: string, number: number): string {
  const lines = page.trimEnd().split("\n");
  return (lines.at(-1)?.trim() === String(number) ? lines.slice(0, -1) : lines).join("\n");
}

/**
 * Letters with the same lists of tasks differ only in the agency's name: one of each kind (16 of the seed's
 * 41), and the longest and the shortest name, whose wrapping moves everything below the greeting most.
 */
function letterOfEachKind(): Set<string> {
  const kinds = new Map<string, string>();
  for (const a of assignments) kinds.set(JSON.stringify([a.lead, a.support].map((tasks) => tasks.map((t) => t.ref))), a.agency.id);
  const byLength = [...assignments].sort((a, b) => a.agency.name.length - b.agency.name.length);
  return new Set([...kinds.values(), byLength[0]!.agency.id, byLength.at(-1)!.agency.id]);
}

/** The seed letters rendered once each (the tests of every kind of letter read them). */
const seedLetterPdfs = new Map<string, Promise<{ plan: DocumentPlan; pdf: Awaited<ReturnType<typeof readPdfText>> }>>();
function seedLetterPdf(id: string) {
  let found = seedLetterPdfs.get(id);
  if (!found) {
    const plan = letterPlanFor(id);
    found = pdfOf(plan).then(async (bytes) => ({ plan, pdf: await readPdfText(bytes) }));
    seedLetterPdfs.set(id, found);
  }
  return found;
}

/** The seed decision's plan, its PDF and the PDF's text, rendered once (three tests read them). */
let seedDecision: Promise<{ plan: DocumentPlan; bytes: Uint8Array; pdf: Awaited<ReturnType<typeof readPdfText>> }> | undefined;
function seedDecisionPdf() {
  seedDecision ??= (async () => {
    const plan = composeDecisionPlan(decision, ctx.layout, ctx.measurer);
    const bytes = await pdfOf(plan);
    return { plan, bytes, pdf: await readPdfText(bytes) };
  })();
  return seedDecision;
}

beforeAll(async () => {
  let resolved: ResolvedDecision;
  ({ decision, ctx, resolve, resolved } = await loadSeed());
  wording = await loadLetterWording();
  assignments = resolved.assignments;
});

describe("plan: header grid (spec §2)", () => {
  it("HDR-ISSUER-LINE: a share of the widest issuer line as it wraps in its column, in the profile's stroke", () => {
    const grid = only(composeDecisionPlan(decision, ctx.layout, ctx.measurer), "headerGrid")[0]!;
    const widest = Math.max(...decision.issuer.lines.map((l) => ctx.measurer.widthPt(l, ctx.layout.header.issuerSizePt, { bold: true })));
    expect(lines(grid.issuer).map((l) => l.text)).toEqual(decision.issuer.lines);
    expect(rules(grid.issuer)).toEqual([{ kind: "rule", lengthPt: widest * ctx.layout.header.shortLineShare, strokePt: 0.75, gapAbovePt: ctx.layout.rules.gapAbovePt }]);
  });

  it("HDR-ISSUER-LINE: an issuer line that wraps in its column gets a line from its widest wrapped line, never wider than the column", () => {
    const long = "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH VÀ CÁC HUYỆN NGOẠI THÀNH";
    const plan = composeDecisionPlan({ ...decision, issuer: { ...decision.issuer, lines: [long] } }, ctx.layout, ctx.measurer);
    const grid = only(plan, "headerGrid")[0]!;
    const inner = grid.columnsPt[0] - 2 * grid.cellPaddingPt;
    const asOneLine = ctx.measurer.widthPt(long, ctx.layout.header.issuerSizePt, { bold: true });
    expect(asOneLine).toBeGreaterThan(inner);
    const rule = rules(grid.issuer)[0]!;
    expect(rule.lengthPt).toBeLessThanOrEqual(inner * ctx.layout.header.shortLineShareRange.max);
    expect(rule.lengthPt).toBeLessThan(asOneLine * ctx.layout.header.shortLineShare);
  });

  it("HDR-QH, HDR-TN, HDR-TN-LINE: Quốc hiệu, Tiêu ngữ, a line as long as the Tiêu ngữ", () => {
    const grid = only(composeDecisionPlan(decision, ctx.layout, ctx.measurer), "headerGrid")[0]!;
    expect(lines(grid.national).map((l) => [l.text, l.sizePt, l.bold])).toEqual([
      [NATIONAL_NAME, ctx.layout.header.nationalNameSizePt, true],
      [MOTTO, ctx.layout.header.mottoSizePt, true],
    ]);
    expect(rules(grid.national)[0]!.lengthPt).toBeCloseTo(ctx.measurer.widthPt(MOTTO, ctx.layout.header.mottoSizePt, { bold: true }), 6);
    expect(grid.columnsPt[0] + grid.columnsPt[1]).toBeCloseTo(467.72, 1);
  });

  it("TITLE-VV: the letter's grid has \"V/v …\" under \"Số:\", 12 pt, 6 pt before; the decision's has none", () => {
    const letter = only(letterPlanFor("so-noi-vu"), "headerGrid")[0]!;
    expect(lines(letter.number).map((l) => [l.text, l.sizePt, l.spaceBeforePt > 0])).toEqual([
      ["Số:       /UBND-NC", ctx.layout.header.numberSizePt, true],
      [`V/v ${decision.letters!.subject}`, ctx.layout.title.vvSizePt, true],
    ]);
    expect(lines(letter.number)[1]!.spaceBeforePt).toBe(ctx.layout.title.vvSpaceBeforePt);
    const own = only(composeDecisionPlan(decision, ctx.layout, ctx.measurer), "headerGrid")[0]!;
    expect(lines(own.number).map((l) => l.text)).toEqual(["Số: 503/QĐ-UBND"]);
  });
});

describe("plan: gaps, strokes, keep-with-next", () => {
  it("every line and gap comes from the profile: strokes, the gap before the signature, the row gap", () => {
    for (const plan of [composeDecisionPlan(decision, ctx.layout, ctx.measurer), letterPlanFor("so-noi-vu")]) {
      const grid = only(plan, "headerGrid")[0]!;
      const closing = only(plan, "closing")[0]!;
      expect(grid.rowGapPt).toBe(ctx.layout.gaps.beforeNumberRow);
      expect(closing.spaceBeforePt).toBe(ctx.layout.gaps.beforeClosing);
      for (const rule of [...rules(grid.issuer), ...rules(grid.national)]) expect(rule.strokePt).toBe(ctx.layout.rules.strokePt);
      for (const table of only(plan, "table")) expect(table.strokePt).toBe(ctx.layout.table.strokePt);
    }
  });

  it("the profile's gaps stay within about one blank line (ND30 Phụ lục III templates, practice), strokes thin", () => {
    for (const profile of ["nd30", "tt01"] as const) {
      const layout = profileLayout(profile);
      // one blank line of the body: 14 pt at single spacing, Times New Roman's line height 1.15 em
      const blankLinePt = layout.body.sizePt * 1.15 * (layout.body.lineAuto240 / 240);
      for (const [name, gap] of Object.entries(layout.gaps)) {
        expect(gap, name).toBeGreaterThan(0);
        expect(gap, name).toBeLessThanOrEqual(blankLinePt + 1);
      }
      expect(layout.gaps.beforeClosing).toBeGreaterThanOrEqual(layout.body.spaceAfterPt);
      expect(layout.rules.strokePt).toBeGreaterThanOrEqual(0.5);
      expect(layout.rules.strokePt).toBeLessThanOrEqual(1);
    }
  });

  it("headings, a table's intro and the paragraph before the signature are kept with what follows", () => {
    const plan = letterPlanFor("so-noi-vu");
    const blocks = blocksOf(plan);
    blocks.forEach((block, i) => {
      if (block.kind !== "paragraph") return;
      const next = blocks[i + 1];
      if (block.role === "intro") expect(next?.kind).toBe("table");
      if (next?.kind === "table" || next?.kind === "closing") expect(block.keepWithNext, block.runs[0]!.text).toBe(true);
    });
    const decisionPlan = composeDecisionPlan(decision, ctx.layout, ctx.measurer);
    for (const b of blocksOf(decisionPlan)) if (b.kind === "paragraph" && b.role === "section") expect(b.keepWithNext).toBe(true);
  });

  it("tables: one repeated header row kept with the first row; group rows kept with their first task; every row fits and keeps together", () => {
    const plan = composeDecisionPlan(decision, ctx.layout, ctx.measurer);
    const table = only({ ...plan, sections: [plan.sections[1]!] }, "table")[0]!;
    expect(table.headerRows).toBe(1);
    expect(table.rows[0]!.role).toBe("header");
    expect(table.rows.filter((r) => r.role === "group")).toHaveLength(8);
    for (const row of table.rows) {
      expect(row.keepTogether).toBe(true);
      expect(row.keepWithNext).toBe(row.role !== "item");
    }
    expect(table.columns.reduce((sum, c) => sum + c.widthPt, 0)).toBeCloseTo(plan.sections[1]!.page.widthPt - 85.04 - 42.52, 1);
  });

  it("a task taller than a page is a row that may split (the others still keep together)", () => {
    const huge = Array.from({ length: 900 }, (_, i) => `việc${i}`).join(" ");
    const plan = letterPlanFor("so-noi-vu", (d) => {
      seedRow(d, 0, 0).content = huge;
      return d;
    });
    const tall = only(plan, "table").flatMap((table) => table.rows.filter((r) => !r.keepTogether));
    expect(tall).toHaveLength(1);
    expect(tall[0]!.cells[1]!.runs[0]!.text).toBe(huge);
  });
});

describe("writers: both formats carry the plan", () => {
  it("the letter's header lines: two rules of the plan's length and stroke in the PDF and in the DOCX", async () => {
    const plan = letterPlanFor("so-noi-vu");
    const grid = only(plan, "headerGrid")[0]!;
    const expected = [rules(grid.issuer)[0]!.lengthPt, rules(grid.national)[0]!.lengthPt];
    const page1 = (await readPdfStrokes(await pdfOf(plan)))[0]!;
    const headerRules = horizontalRules(page1, ctx.layout.rules.strokePt);
    expect(headerRules.map((r) => r.lengthPt).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b).map((l) => expect.closeTo(l, 1)));
    const docx = readDocument(openDocx(await docxOf(plan)));
    const bordered = tablesOf(docx.blocks)[0]!.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)).filter((p: ParagraphInfo) => p.borders.bottom);
    expect(bordered.map((p) => p.borders.bottom!.sizeEighthPt)).toEqual([6, 6]);
    const lengthsTwips = bordered.map((p, i) => {
      const cellTwips = tablesOf(docx.blocks)[0]!.gridTwips[i]! - 2 * Math.round(grid.cellPaddingPt * 20);
      return cellTwips - (p.indent.left ?? 0) - (p.indent.right ?? 0);
    });
    expect(lengthsTwips).toEqual(expected.map((l) => expect.closeTo(l * 20, 0)));
  });

  it("the V/v line is in both files of the letter, and in neither of the decision", async () => {
    const vv = `V/v ${decision.letters!.subject}`;
    const { plan, pdf } = await seedLetterPdf("so-noi-vu");
    expect(pdf.flat).toContain(vv);
    expect(readDocument(openDocx(await docxOf(plan))).paragraphs.map((p) => p.text)).toContain(vv);
    expect((await seedDecisionPdf()).pdf.flat).not.toContain("V/v");
  });

  it("the gap before the signature moves the signature by exactly that much in the PDF and the DOCX", async () => {
    const plan = letterPlanFor("so-tai-chinh");
    const wider = { ...plan, sections: [{ ...plan.sections[0]!, blocks: blocksOf(plan).map((b) => (b.kind === "closing" ? ({ ...b, spaceBeforePt: b.spaceBeforePt + 20 } satisfies ClosingNode) : b)) }] };
    const labelY = async (p: DocumentPlan) => {
      const { items } = await readPdfText(await pdfOf(p));
      const item = items.flat().find((i) => i.str.startsWith("Nơi"))!;
      const page = items.findIndex((page) => page.includes(item));
      return { page, y: item.y };
    };
    const [a, b] = [await labelY(plan), await labelY(wider)];
    if (a.page === b.page) expect(a.y - b.y).toBeCloseTo(20, 1);
    const closingBefore = async (p: DocumentPlan) => readDocument(openDocx(await docxOf(p))).paragraphs.find((x) => x.text === "Nơi nhận:")!.spacing.before;
    expect(await closingBefore(plan)).toBe(ctx.layout.gaps.beforeClosing * 20);
    expect(await closingBefore(wider)).toBe((ctx.layout.gaps.beforeClosing + 20) * 20);
  });

  it("every kind of letter: its DOCX and its PDF hold the same words (no task, paragraph or signature lost)", async () => {
    const ids = letterOfEachKind();
    expect(ids.size).toBeGreaterThan(10);
    for (const id of ids) {
      const { plan, pdf } = await seedLetterPdf(id);
      const { pages } = pdf;
      // page numbers are drawn in the PDF, a field in the DOCX
      const pdfText = pdfBodyText(pages, plan, (i) => (i === 0 ? 0 : i + 1));
      const docxText = squash(readDocument(openDocx(await docxOf(plan))).paragraphs.map((p) => p.text).join(""));
      expect(pdfText.length, id).toBeGreaterThan(1000);
      expect(pdfText, id).toBe(docxText);
    }
  });

  it("the decision's PDF holds the DOCX's words; the appendix is landscape, numbered from 1, its header row on every page", async () => {
    const { plan, pdf } = await seedDecisionPdf();
    const docx = readDocument(openDocx(await docxOf(plan)));
    const appendixStart = pdf.sizes.findIndex((s) => s.width > s.height);
    expect(appendixStart).toBeGreaterThan(0);
    expect(pdf.sizes.slice(0, appendixStart).every((s) => s.width < s.height)).toBe(true);
    expect(pdf.sizes.slice(appendixStart).every((s) => s.width > s.height)).toBe(true);
    // the page number is the topmost text of a page (ND30: top centre)
    const numberOf = (i: number) => pdf.items[i]!.reduce((a, b) => (b.y > a.y ? b : a)).str;
    expect(numberOf(0)).not.toMatch(/^\d+$/);
    for (let i = 1; i < appendixStart; i++) expect(numberOf(i)).toBe(String(i + 1));
    expect(numberOf(appendixStart)).not.toMatch(/^\d+$/);
    for (let i = appendixStart + 1; i < pdf.pages.length; i++) {
      expect(numberOf(i)).toBe(String(i - appendixStart + 1));
      // APX-TABLE: the page opens with the header row
      const labels = squash(decision.appendices[0]!.columns.map((c) => c.label).join(""));
      expect(squash(pdf.pages[i]!).startsWith(labels), `page ${i + 1}`).toBe(true);
    }
    const shownNumber = (i: number) => (i === 0 || i === appendixStart ? 0 : i < appendixStart ? i + 1 : i - appendixStart + 1);
    const pdfText = pdfBodyText(pdf.pages, plan, shownNumber);
    expect(pdfText).toBe(squash(docx.paragraphs.map((p) => p.text).join("")));
  });

  it("APX-TABLE: no group row ends an appendix page of the decision PDF, and every page's graphics states balance", async () => {
    const { bytes, pdf } = await seedDecisionPdf();
    const appendixStart = pdf.sizes.findIndex((s) => s.width > s.height);
    const groups = seedGroups(decision).map((g) => squash(`${g.group}${g.title}`));
    for (let i = appendixStart; i < pdf.pages.length; i++) {
      const text = squash(withoutNumber(pdf.pages[i]!, i - appendixStart + 1));
      for (const group of groups) expect(text.endsWith(group), `page ${i + 1} ends with ${group}`).toBe(false);
    }
    expect(await balancedGraphicsStates(bytes)).toEqual(pdf.pages.map(() => true));
  });

  it("no heading, table intro or lone table header ends a page in a letter of any kind", async () => {
    for (const id of letterOfEachKind()) {
      const { plan, pdf } = await seedLetterPdf(id);
      const intros = only(plan, "paragraph").filter((b) => b.role === "intro").map((b) => words(b.runs[0]!.text).join(" "));
      const headers = (only(plan, "table") as TableNode[]).map((t) => words(t.rows[0]!.cells.map((c) => c.runs[0]!.text).join(" ")).join(" "));
      pdf.pages.forEach((page, i) => {
        const text = words(page).join(" ").replace(new RegExp(` ${i + 1}$`), "");
        for (const intro of intros) expect(text.endsWith(intro), `${id} page ${i + 1}`).toBe(false);
        for (const header of headers) expect(text.endsWith(header), `${id} page ${i + 1}`).toBe(false);
      });
    }
  });

  it("a task taller than a page is printed whole: every word in the PDF, the DOCX row may split", async () => {
    const huge = Array.from({ length: 900 }, (_, i) => `việc${i}`).join(" ");
    const plan = letterPlanFor("so-noi-vu", (d) => {
      seedRow(d, 0, 0).content = huge;
      return d;
    });
    const pdfWords = new Set(words((await readPdfText(await pdfOf(plan))).pages.join("\n")));
    for (const word of words(huge)) expect(pdfWords.has(word), word).toBe(true);
    const table = tablesOf(readDocument(openDocx(await docxOf(plan))).blocks).find((t) => t.rows.some((r) => r.cells.some((c) => c.text.includes("việc0"))))!;
    const row = table.rows.find((r) => r.cells.some((c) => c.text.includes("việc0")))!;
    expect(row.cantSplit).toBe(false);
    expect(table.rows.filter((r) => r !== row).every((r) => r.cantSplit)).toBe(true);
  });
});
