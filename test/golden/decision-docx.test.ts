/**
 * The seed decision rendered to DOCX, read back with test/support/docx-xml.ts and checked against
 * spec/layout.md with measured values. Test names cite the rule ids.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MOTTO, NATIONAL_NAME } from "../../src/model/national-motto.ts";
import { mmToTwips } from "../../src/layout/units.ts";
import type { Decision } from "../../src/model/schema.ts";
import { listTasks, writtenCell } from "../../src/model/refs.ts";
import {
  docDefaults,
  openDocx,
  paragraphsOf,
  paragraphStyleRuns,
  readCoreProperties,
  readDocument,
  readHeaderFooter,
  tablesOf,
  type DocxDocument,
  type DocxPackage,
  type ParagraphInfo,
  type RunInfo,
  type SectionInfo,
  type TableInfo,
} from "../support/docx-xml.ts";
import { buildSeedDocx, seedGroups, sha256, type SeedDocx } from "../support/seed-docx.ts";

/** Word's default cell padding when a table does not set its own. */
const DEFAULT_CELL_MARGIN_TWIPS = 108;
const END_MARK = "./.";

let nd30: SeedDocx;
let tt01: SeedDocx;
let pkg: DocxPackage;
let doc: DocxDocument;
let main: SectionInfo;
let appendix: SectionInfo;

beforeAll(async () => {
  [nd30, tt01] = await Promise.all([buildSeedDocx("nd30"), buildSeedDocx("tt01")]);
  pkg = openDocx(nd30.bytes);
  doc = readDocument(pkg);
  [main, appendix] = doc.sections as [SectionInfo, SectionInfo];
});

// ------------------------------------------------------------------------------------------- helpers

/** What the run's paragraph style sets (the appendix cells take font and size from theirs). */
const styleRun = (p: ParagraphInfo | undefined) => (p?.style ? paragraphStyleRuns(pkg).get(p.style) : undefined);
const sizeHalfPt = (run: RunInfo, p?: ParagraphInfo): number => run.sizeHalfPt ?? styleRun(p)?.sizeHalfPt ?? docDefaults(pkg).sizeHalfPt ?? NaN;
/** The runs that draw text (field codes and empty runs excluded). */
const textRuns = (p: ParagraphInfo): RunInfo[] => p.runs.filter((r) => r.text !== "");

function paragraphWithText(paragraphs: ParagraphInfo[], text: string): ParagraphInfo {
  const found = paragraphs.find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

/** Every text run has this style: size in points, bold, italic. */
function expectStyle(p: ParagraphInfo, style: { sizePt?: [number, number]; bold?: boolean; italic?: boolean }) {
  const runs = textRuns(p);
  expect(runs.length, p.text).toBeGreaterThan(0);
  for (const run of runs) {
    if (style.sizePt) {
      expect(sizeHalfPt(run, p) / 2, p.text).toBeGreaterThanOrEqual(style.sizePt[0]);
      expect(sizeHalfPt(run, p) / 2, p.text).toBeLessThanOrEqual(style.sizePt[1]);
    }
    if (style.bold !== undefined) expect(run.bold, `bold: ${run.text}`).toBe(style.bold);
    if (style.italic !== undefined) expect(run.italic, `italic: ${run.text}`).toBe(style.italic);
  }
}

/** Width of a paragraph's text in points, measured with Times New Roman metrics as Word sets it (no kerning). */
function measuredWidthPt(p: ParagraphInfo): number {
  return textRuns(p).reduce((sum, r) => sum + nd30.ctx.measurer.widthPt(r.text, sizeHalfPt(r, p) / 2, { bold: r.bold, italic: r.italic, kern: false }), 0);
}

const cellInnerTwips = (table: TableInfo, column: number): number =>
  table.gridTwips[column]! - (table.cellMarginsTwips.left ?? DEFAULT_CELL_MARGIN_TWIPS) - (table.cellMarginsTwips.right ?? DEFAULT_CELL_MARGIN_TWIPS);

/** A line paragraph: empty, with a bottom border; its length is what the indents leave of the box. */
function lineLengthPt(p: ParagraphInfo, boxTwips: number): number {
  expect(p.text).toBe("");
  expect(p.borders.bottom?.style).toBe("single");
  return (boxTwips - (p.indent.left ?? 0) - (p.indent.right ?? 0)) / 20;
}

const textWidthTwips = (section: SectionInfo) => section.page.widthTwips - section.marginsTwips.left - section.marginsTwips.right;

function headerGrid(): TableInfo {
  const first = main.blocks[0];
  if (first?.kind !== "table") throw new Error("the main section does not start with the header grid");
  return first.table;
}

/** The closing row: the last table of the main section. */
function closingTable(): TableInfo {
  const table = tablesOf(main.blocks).at(-1);
  if (!table || table === headerGrid()) throw new Error("no closing table");
  return table;
}

/** Top-level paragraphs of the main section between "QUYẾT ĐỊNH:" and the closing row: the articles. */
function articleParagraphs(decision: Decision, section: SectionInfo = main): ParagraphInfo[] {
  const start = section.blocks.findIndex((b) => b.kind === "paragraph" && b.paragraph.text === decision.decides);
  const end = section.blocks.findLastIndex((b) => b.kind === "table");
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return section.blocks.slice(start + 1, end).map((b) => {
    if (b.kind !== "paragraph") throw new Error("a table among the articles");
    return b.paragraph;
  });
}

function appendixTable(): TableInfo {
  const table = tablesOf(appendix.blocks)[0];
  if (!table) throw new Error("no appendix table");
  return table;
}

/** Every paragraph of the document body and of every header and footer part. */
function allParagraphs(d: DocxDocument = doc): ParagraphInfo[] {
  const parts = new Set(d.sections.flatMap((s) => [...Object.values(s.headers), ...Object.values(s.footers)]));
  return [...d.paragraphs, ...[...parts].flatMap((part) => paragraphsOf(readHeaderFooter(d.pkg, part)))];
}

// ------------------------------------------------------------------------------------------- page

describe("page setup", () => {
  it("PAGE-SIZE, PAGE-ORIENT: main section A4 portrait, appendix A4 landscape", () => {
    expect(doc.sections).toHaveLength(2);
    expect(main.page).toEqual({ widthTwips: 11906, heightTwips: 16838, orientation: "portrait" });
    expect(appendix.page).toEqual({ widthTwips: 16838, heightTwips: 11906, orientation: "landscape" });
    expect(appendix.type ?? "nextPage").toBe("nextPage");
  });

  it("PAGE-MARGIN: every section within the ranges, rounded from the profile, same on a landscape page", () => {
    const { marginMm, marginRangeMm } = nd30.ctx.layout.page;
    for (const section of doc.sections) {
      for (const side of ["top", "bottom", "left", "right"] as const) {
        const twips = section.marginsTwips[side];
        expect(twips, side).toBe(mmToTwips(marginMm[side]));
        expect(twips, side).toBeGreaterThanOrEqual(mmToTwips(marginRangeMm[side].min));
        expect(twips, side).toBeLessThanOrEqual(mmToTwips(marginRangeMm[side].max));
      }
    }
    expect(main.marginsTwips.left).toBe(1701); // 30 mm rounded, not floored to 1700
  });
});

// ------------------------------------------------------------------------------------------- fonts and text

describe("text", () => {
  it("FONT: document defaults and every run are Times New Roman, black", () => {
    const defaults = docDefaults(pkg);
    expect(defaults.font).toBe("Times New Roman");
    expect(defaults.fonts["w:hAnsi"]).toBe("Times New Roman");
    expect(["000000", "auto", undefined]).toContain(defaults.color);
    const runs = allParagraphs().flatMap((p) => p.runs.map((run) => ({ run, style: styleRun(p) })));
    expect(runs.length).toBeGreaterThan(300);
    for (const { run, style } of runs) {
      for (const key of ["w:ascii", "w:hAnsi", "w:cs"]) expect(run.fonts[key] ?? style?.fonts[key] ?? defaults.fonts[key], `${key}: ${run.text}`).toBe("Times New Roman");
      expect(["000000", "auto", undefined], run.text).toContain(run.color ?? style?.color);
    }
  });

  it("FONT: all text is NFC, core properties too", () => {
    const texts = [...allParagraphs().map((p) => p.text), ...Object.values(readCoreProperties(pkg))];
    expect(texts.join("")).toMatch(/[ạ-ỹ]/u);
    for (const text of texts) expect(text === text.normalize("NFC"), text).toBe(true);
  });

  it("BODY-PARA: no part writes the invalid lineRule=\"exactly\"", () => {
    for (const name of pkg.names.filter((n) => n.endsWith(".xml"))) expect(pkg.text(name), name).not.toContain('w:lineRule="exactly"');
  });
});

// ------------------------------------------------------------------------------------------- header grid

describe("header grid", () => {
  it("is a borderless two-column table of two rows filling the text width", () => {
    const grid = headerGrid();
    expect(grid.gridTwips).toHaveLength(2);
    expect(grid.gridTwips[0]! + grid.gridTwips[1]!).toBe(textWidthTwips(main));
    expect(grid.rows).toHaveLength(2);
    for (const border of Object.values(grid.borders)) expect(border.style).toBe("none");
    // ≈ 40 % / 60 %
    expect(grid.gridTwips[0]! / textWidthTwips(main)).toBeGreaterThan(0.33);
    expect(grid.gridTwips[0]! / textWidthTwips(main)).toBeLessThan(0.45);
  });

  it("HDR-ISSUER: issuer lines caps, bold, 12–13 pt, centred", () => {
    const issuerCell = headerGrid().rows[0]!.cells[0]!;
    for (const line of nd30.decision.issuer.lines) {
      const p = paragraphWithText(issuerCell.paragraphs, line);
      expect(p.alignment).toBe("center");
      expectStyle(p, { sizePt: [12, 13], bold: true });
    }
  });

  it("HDR-ISSUER-LINE: 1/3–1/2 of the widest issuer line, centred in the cell", () => {
    const grid = headerGrid();
    const paragraphs = grid.rows[0]!.cells[0]!.paragraphs;
    const widestPt = Math.max(...nd30.decision.issuer.lines.map((line) => measuredWidthPt(paragraphWithText(paragraphs, line))));
    const line = paragraphs.at(-1)!;
    const ratio = lineLengthPt(line, cellInnerTwips(grid, 0)) / widestPt;
    expect(ratio).toBeGreaterThanOrEqual(1 / 3);
    expect(ratio).toBeLessThanOrEqual(1 / 2);
    expect(Math.abs(line.indent.left! - line.indent.right!)).toBeLessThanOrEqual(1);
  });

  it("HDR-QH: caps, bold, 12–13 pt, fits ONE line of its column", () => {
    const grid = headerGrid();
    const p = paragraphWithText(grid.rows[0]!.cells[1]!.paragraphs, NATIONAL_NAME);
    expectStyle(p, { sizePt: [12, 13], bold: true });
    expect(p.alignment).toBe("center");
    expect(measuredWidthPt(p) * 20).toBeLessThanOrEqual(cellInnerTwips(grid, 1));
  });

  it("HDR-TN: bold, 13–14 pt, centred, on one line", () => {
    const grid = headerGrid();
    const p = paragraphWithText(grid.rows[0]!.cells[1]!.paragraphs, MOTTO);
    expectStyle(p, { sizePt: [13, 14], bold: true });
    expect(p.alignment).toBe("center");
    expect(measuredWidthPt(p) * 20).toBeLessThanOrEqual(cellInnerTwips(grid, 1));
  });

  it("HDR-TN-LINE: as long as the measured Tiêu ngữ (±5 %)", () => {
    const grid = headerGrid();
    const paragraphs = grid.rows[0]!.cells[1]!.paragraphs;
    const mottoPt = measuredWidthPt(paragraphWithText(paragraphs, MOTTO));
    const linePt = lineLengthPt(paragraphs.at(-1)!, cellInnerTwips(grid, 1));
    expect(Math.abs(linePt - mottoPt) / mottoPt).toBeLessThanOrEqual(nd30.ctx.layout.header.mottoLineTolerance);
  });

  it("HDR-NUMBER and HDR-DATE share the second row: number upright 13 pt, date italic 13–14 pt", () => {
    const [numberCell, dateCell] = headerGrid().rows[1]!.cells;
    const number = paragraphWithText(numberCell!.paragraphs, "Số: 503/QĐ-UBND");
    expectStyle(number, { sizePt: [13, 13], bold: false, italic: false });
    const date = paragraphWithText(dateCell!.paragraphs, "Quảng Nam, ngày 06 tháng 02 năm 2013");
    expectStyle(date, { sizePt: [13, 14], italic: true, bold: false });
  });
});

// ------------------------------------------------------------------------------------------- title and preamble

describe("title block and preamble", () => {
  const topParagraphs = () => main.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));

  it("TITLE-TYPE, TITLE-SUBJECT: type and trích yếu as written, bold 13–14 pt, centred", () => {
    const top = topParagraphs();
    const type = paragraphWithText(top, nd30.decision.document.type);
    expectStyle(type, { sizePt: [13, 14], bold: true });
    expect(type.alignment).toBe("center");
    const subject = top[top.indexOf(type) + 1]!;
    expect(subject.text).toBe(nd30.decision.subject);
    expectStyle(subject, { sizePt: [13, 14], bold: true });
    expect(subject.alignment).toBe("center");
  });

  it("TITLE-LINE: under the trích yếu, 1/3–1/2 of its measured width", () => {
    const top = topParagraphs();
    const subject = paragraphWithText(top, nd30.decision.subject);
    const subjectPt = measuredWidthPt(subject);
    expect(subjectPt * 20).toBeLessThanOrEqual(textWidthTwips(main)); // one line in the seed
    const ratio = lineLengthPt(top[top.indexOf(subject) + 1]!, textWidthTwips(main)) / subjectPt;
    expect(ratio).toBeGreaterThanOrEqual(1 / 3);
    expect(ratio).toBeLessThanOrEqual(1 / 2);
  });

  it("BODY-AUTHORITY: caps bold centred, before the căn cứ", () => {
    const top = topParagraphs();
    const authority = paragraphWithText(top, nd30.decision.authority);
    expectStyle(authority, { bold: true });
    expect(authority.alignment).toBe("center");
    expect(top.indexOf(authority)).toBeLessThan(top.indexOf(paragraphWithText(top, nd30.decision.legalBases[0]!)));
  });

  it("BODY-BASIS: one italic paragraph per căn cứ, in order, punctuation as written; the proposal italic too", () => {
    const top = topParagraphs();
    const lines = [...nd30.decision.legalBases, nd30.decision.proposal];
    const indexes = lines.map((line) => top.indexOf(paragraphWithText(top, line)));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(indexes.at(-1)! - indexes[0]!).toBe(lines.length - 1);
    for (const line of lines) expectStyle(paragraphWithText(top, line), { sizePt: [13, 14], italic: true, bold: false });
  });

  it("BODY-DECIDES: \"QUYẾT ĐỊNH:\" bold centred", () => {
    const p = paragraphWithText(topParagraphs(), nd30.decision.decides);
    expectStyle(p, { bold: true });
    expect(p.alignment).toBe("center");
  });
});

// ------------------------------------------------------------------------------------------- articles

describe("articles", () => {
  it("BODY-ARTICLE: \"Điều N.\" bold at the start of its paragraph, then the text as written", () => {
    const paragraphs = articleParagraphs(nd30.decision);
    for (const article of nd30.decision.articles) {
      const p = paragraphWithText(paragraphs, `Điều ${article.number}. ${article.text}`);
      const [label, ...rest] = textRuns(p);
      expect(label!.text).toBe(`Điều ${article.number}.`);
      expect(label!.bold).toBe(true);
      for (const run of rest) expect(run.bold).toBe(false);
    }
  });

  it("article content: one paragraph per block in source order; sections bold", () => {
    const paragraphs = articleParagraphs(nd30.decision);
    const expected = nd30.decision.articles.flatMap((a) => [`Điều ${a.number}. ${a.text}`, ...a.content.map((b) => (b.label ? `${b.label} ${b.text}` : b.text))]);
    expect(paragraphs.map((p) => p.text)).toEqual(expected);
    const sections = nd30.decision.articles.flatMap((a) => a.content.filter((b) => b.kind === "section"));
    expect(sections.length).toBe(4);
    for (const block of sections) expectStyle(paragraphWithText(paragraphs, `${block.label} ${block.text}`), { bold: true });
  });

  it("BODY-PARA: justified, 13–14 pt, first-line indent 1 or 1.27 cm, ≥ 6 pt after, auto spacing 240–360", () => {
    const { body } = nd30.ctx.layout;
    const top = main.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));
    const bodyParagraphs = [...nd30.decision.legalBases.map((l) => paragraphWithText(top, l)), ...articleParagraphs(nd30.decision)];
    const blocks = nd30.decision.articles.reduce((n, a) => n + 1 + a.content.length, 0);
    expect(bodyParagraphs).toHaveLength(nd30.decision.legalBases.length + blocks);
    for (const p of bodyParagraphs) {
      expect(p.alignment, p.text).toBe("both");
      expect(body.firstLineIndentTwipsAllowed, p.text).toContain(p.indent.firstLine);
      expect(p.spacing.after ?? 0, p.text).toBeGreaterThanOrEqual(body.minSpaceBetweenPt * 20);
      expect(p.spacing.lineRule, p.text).toBe("auto");
      expect(p.spacing.line, p.text).toBeGreaterThanOrEqual(240);
      expect(p.spacing.line, p.text).toBeLessThanOrEqual(360);
      expectStyle(p, { sizePt: [13, 14] });
    }
  });

  it("BODY-END: the body ends with \"./.\" exactly once (the model's own mark is not doubled)", () => {
    const paragraphs = articleParagraphs(nd30.decision);
    const all = paragraphs.map((p) => p.text).join("\n");
    expect(all.split(END_MARK)).toHaveLength(2);
    expect(paragraphs.at(-1)!.text.endsWith(END_MARK)).toBe(true);
    expect(paragraphs.at(-1)!.keepNext).toBe(true); // stays with the signature row
  });

  it("BODY-END: the renderer adds the mark when the model lacks it", async () => {
    for (const ending of ["", "."]) {
      const built = await buildSeedDocx("nd30", (d) => {
        const articles = d.articles.map((a) => ({ ...a, text: a.text.replace(/\.\/\.$/, ending) }));
        return { ...d, articles };
      });
      const paragraphs = articleParagraphs(built.decision, readDocument(openDocx(built.bytes)).sections[0]!);
      const text = built.decision.articles.at(-1)!.text;
      expect(text.endsWith(END_MARK)).toBe(false);
      expect(paragraphs.at(-1)!.text).toBe(`Điều 3. ${text.replace(/\.$/, "")}${END_MARK}`);
    }
  });
});

// ------------------------------------------------------------------------------------------- closing

describe("signature and recipients", () => {
  it("SIGN-TITLE, SIGN-NAME: right column, caps bold 13–14 pt centred, name bold under a blank space", () => {
    const table = closingTable();
    expect(table.rows).toHaveLength(1);
    const signature = table.rows[0]!.cells[1]!.paragraphs;
    const { signer } = nd30.decision;
    // the capacity and title lines as written, one paragraph each
    const titleLines = signer.lines;
    expect(titleLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    const texts = signature.map((p) => p.text);
    expect(texts).toEqual([...titleLines, signer.name]);
    for (const line of [...titleLines, signer.name]) {
      const p = paragraphWithText(signature, line);
      expectStyle(p, { sizePt: [13, 14], bold: true });
      expect(p.alignment).toBe("center");
    }
    // the space for the signature and the seal: nameGapLines lines of the signature size at body spacing
    const { signature: sig, body } = nd30.ctx.layout;
    expect(paragraphWithText(signature, signer.name).spacing.before).toBe(Math.round(sig.nameGapLines * sig.sizePt * (body.lineAuto240 / 240) * 20));
  });

  it("RECIP-LABEL, RECIP-ITEMS: left column level with the signature, label 12 pt bold italic, items 11 pt", () => {
    const row = closingTable().rows[0]!;
    const recipients = row.cells[0]!.paragraphs;
    const { items, archive } = nd30.decision.recipients;
    expect(recipients.map((p) => p.text)).toEqual(["Nơi nhận:", ...[...items, archive].map((item) => `- ${item}`)]);
    expectStyle(recipients[0]!, { sizePt: [12, 12], bold: true, italic: true });
    expect(recipients[0]!.alignment ?? "left").toBe("left");
    for (const item of recipients.slice(1)) expectStyle(item, { sizePt: [11, 11], bold: false });
    // level: the label and the capacity line start at the same height
    expect(recipients[0]!.spacing.before ?? 0).toBe(row.cells[1]!.paragraphs[0]!.spacing.before ?? 0);
  });

  it("keeps signature and Nơi nhận together: one row that cannot split, borderless", () => {
    const table = closingTable();
    expect(table.rows[0]!.cantSplit).toBe(true);
    for (const border of Object.values(table.borders)) expect(border.style).toBe("none");
  });
});

// ------------------------------------------------------------------------------------------- page numbers

describe("page numbers", () => {
  /** PAGE fields of a header or footer part with their paragraph. */
  const pageFields = (d: DocxDocument, part: string | undefined) =>
    part === undefined ? [] : paragraphsOf(readHeaderFooter(d.pkg, part)).filter((p) => p.fields.some((f) => f.split(/\s+/)[0] === "PAGE"));

  const cases = [
    { profile: "nd30", where: "headers", other: "footers", alignment: "center" },
    { profile: "tt01", where: "footers", other: "headers", alignment: "right" },
  ] as const;
  for (const { profile, where, other, alignment } of cases) {
    it(`PAGE-NUM (${profile}): PAGE field ${alignment} in the ${where}, 13–14 pt, none on page 1, each section its own parts`, () => {
      const built = profile === "nd30" ? nd30 : tt01;
      const d = readDocument(openDocx(built.bytes));
      const parts = d.sections.flatMap((s) => [...Object.values(s.headers), ...Object.values(s.footers)]);
      expect(new Set(parts).size).toBe(parts.length);
      for (const section of d.sections) {
        expect(section.titlePage).toBe(true);
        expect(pageFields(d, section.headers.first)).toHaveLength(0);
        expect(pageFields(d, section.footers.first)).toHaveLength(0);
        expect(pageFields(d, section[other].default)).toHaveLength(0);
        const fields = pageFields(d, section[where].default);
        expect(fields).toHaveLength(1);
        expect(fields[0]!.alignment).toBe(alignment);
        for (const run of fields[0]!.runs) {
          expect(sizeHalfPt(run)).toBeGreaterThanOrEqual(built.ctx.layout.pageNumber.sizeRangePt.min * 2);
          expect(sizeHalfPt(run)).toBeLessThanOrEqual(built.ctx.layout.pageNumber.sizeRangePt.max * 2);
        }
      }
    });
  }

  it("PAGE-NUM-APPENDIX: the appendix numbers its pages from 1", () => {
    expect(appendix.pageNumberStart).toBe(1);
  });
});

// ------------------------------------------------------------------------------------------- appendix

describe("appendix", () => {
  const heading = () => appendix.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));

  it("APX-HEAD, APX-TITLE, APX-REF: heading 14 pt bold, title bold, reference italic, then a short line", () => {
    const a = nd30.decision.appendices[0]!;
    const [head, title, reference, line] = heading();
    expect(head!.text).toBe(a.heading);
    expectStyle(head!, { sizePt: [14, 14], bold: true });
    expect(title!.text).toBe(a.title);
    expectStyle(title!, { sizePt: [13, 14], bold: true });
    expect(reference!.text).toBe(a.reference);
    expectStyle(reference!, { sizePt: [13, 14], italic: true });
    for (const p of [head!, title!, reference!]) expect(p.alignment).toBe("center");
    const ratio = lineLengthPt(line!, textWidthTwips(appendix)) / measuredWidthPt(title!);
    expect(ratio).toBeGreaterThanOrEqual(1 / 3);
    expect(ratio).toBeLessThanOrEqual(1 / 2);
  });

  it("APX-TABLE: the header row repeats, has the column labels, bold 12 pt; no row splits", () => {
    const table = appendixTable();
    const a = nd30.decision.appendices[0]!;
    expect(table.gridTwips).toHaveLength(a.columns.length);
    expect(table.gridTwips.reduce((x, y) => x + y, 0)).toBe(textWidthTwips(appendix));
    const [header, ...rest] = table.rows;
    expect(header!.isHeader).toBe(true);
    expect(rest.every((r) => !r.isHeader)).toBe(true);
    expect(header!.cells.map((c) => c.text)).toEqual(a.columns.map((c) => c.label));
    for (const cell of header!.cells) for (const p of cell.paragraphs) expectStyle(p, { sizePt: [12, 13], bold: true });
    expect(table.rows.every((r) => r.cantSplit)).toBe(true);
  });

  it("APX-TABLE: every header word fits its column (sensible widths)", () => {
    const table = appendixTable();
    nd30.decision.appendices[0]!.columns.forEach((column, i) => {
      const widestWordPt = Math.max(...column.label.split(" ").map((w) => nd30.ctx.measurer.widthPt(w, 12, { bold: true, kern: false })));
      expect(widestWordPt * 20, column.label).toBeLessThanOrEqual(cellInnerTwips(table, i));
    });
  });

  it("APX-TABLE: 8 group rows, bold, numeral first and the title merged across the rest", () => {
    const a = nd30.decision.appendices[0]!;
    const groups = appendixTable().rows.filter((r) => r.cells.length === 2);
    expect(groups).toHaveLength(8);
    expect(groups.map((r) => [r.cells[0]!.text, r.cells[1]!.text])).toEqual(seedGroups(nd30.decision).map((g) => [g.group, g.title]));
    for (const row of groups) {
      expect(row.cells[1]!.gridSpan).toBe(a.columns.length - 1);
      for (const cell of row.cells) for (const p of cell.paragraphs) expectStyle(p, { bold: true, sizePt: [12, 13] });
    }
  });

  it("APX-TABLE: 37 task rows in source order with the text as written, 12 pt, STT empty where the model's is", () => {
    const a = nd30.decision.appendices[0]!;
    const rows = appendixTable().rows.filter((r) => r.cells.length === a.columns.length && !r.isHeader);
    const tasks = listTasks(nd30.decision);
    expect(rows).toHaveLength(37);
    expect(tasks).toHaveLength(37);
    // each cell as the row writes it (the seed merges no cell down)
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual(tasks.map(({ row }) => a.columns.map((c) => writtenCell(row, c))));
    expect(rows.filter((r) => r.cells[0]!.text === "").length).toBe(tasks.filter((t) => t.task.number === "").length);
    for (const row of rows) for (const cell of row.cells) for (const p of cell.paragraphs) if (p.text) expectStyle(p, { sizePt: [12, 12], bold: false });
  });

  it("FONT, APX-TABLE: cell runs carry no font or size of their own; the cell style sets Times New Roman 12 pt", () => {
    const cells = appendixTable().rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
    const styles = new Set(cells.map((p) => p.style));
    expect([...styles]).toEqual(["VanbanTableCell24"]);
    const style = paragraphStyleRuns(pkg).get("VanbanTableCell24")!;
    expect(style.font).toBe("Times New Roman");
    expect(style.sizeHalfPt).toBe(24);
    for (const run of cells.flatMap((p) => p.runs)) expect([run.font, run.sizeHalfPt]).toEqual([undefined, undefined]);
  });
});

// ------------------------------------------------------------------------------------------- metadata, REPRO

describe("metadata and reproducibility", () => {
  it("core properties: title, subject, creator, profile id and rule set, dates pinned to the model date", () => {
    const core = readCoreProperties(pkg);
    const { layout, toolName } = nd30.ctx;
    expect(core.title).toBe("Quyết định 503/QĐ-UBND");
    expect(core.subject).toBe(nd30.decision.subject);
    expect(core.creator).toBe(toolName);
    expect(core.keywords).toContain("nd30");
    expect(core.description).toContain(layout.ruleSet);
    expect(core.created).toBe(`${nd30.decision.document.date}T00:00:00Z`);
    expect(core.modified).toBe(core.created);
    expect(readCoreProperties(openDocx(tt01.bytes)).keywords).toContain("tt01");
  });

  it("REPRO: two builds are byte-identical", async () => {
    const again = await buildSeedDocx("nd30");
    expect(sha256(again.bytes)).toBe(sha256(nd30.bytes));
    expect(sha256(tt01.bytes)).not.toBe(sha256(nd30.bytes));
  });

  // REPRO in another time zone and locale: test/integration/build-cli.test.ts builds a whole folder (this
  // DOCX among its files) in a child process in another zone and compares every file's bytes
});
