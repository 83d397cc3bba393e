/**
 * The parts of the document as the rules measure them: the recognizer's parts map (src/recognize, the
 * same recognition `vanban import` builds its model from) mapped back to the file's own paragraphs, runs
 * and cells through the source positions, with the drawn lines under them and, for a column of a
 * tab-aligned header or closing, where it stands and how it is aligned in its column.
 */
import type { TextMeasurer } from "../../layout/measure.ts";
import { cellInnerTwips, type Cell, type Table } from "../../read/docx/ooxml/blocks.ts";
import type { DocxDocument, Section } from "../../read/docx/ooxml/document.ts";
import type { Paragraph, Run } from "../../read/docx/ooxml/paragraphs.ts";
import type { DocxWithSource } from "../../read/docx/read-docx.ts";
import type { BlockRef, DocumentKind, DocumentPartsMap, LineRef } from "../../recognize/parts-map.ts";
import { centreOf, COLUMN_CENTRE_TOLERANCE_TWIPS, placeText, type Placed } from "../columns.ts";
import { drawnLineAfter, sectionFlow, type DrawnLine, type Flow } from "../geometry.ts";
import { linesOf, normalise, type TextLine } from "./text.ts";

export type { DocumentKind } from "../../recognize/parts-map.ts";

/** A line of a part, where it stands. */
export interface PartLine extends TextLine {
  /** the width the line may fill, in twips: its cell's or its page's after the paragraph's indents, or from where its column starts */
  boxTwips: number;
  cell?: Cell;
  /** 0-based row of the table the line stands in */
  row?: number;
  /** a column of a tab-aligned line: which, and where it stands */
  column?: "left" | "right";
  placed?: Placed;
}

export interface HeaderGridPart {
  /** HDR-PARENT lines (may be none) */
  parent: PartLine[];
  /** HDR-ISSUER lines */
  issuer: PartLine[];
  issuerLine?: DrawnLine;
  nationalName: PartLine;
  motto?: PartLine;
  mottoLine?: DrawnLine;
  number?: PartLine;
  placeDate?: PartLine;
}

export interface TitlePart {
  type: Paragraph;
  /** the trích yếu: one paragraph, or several */
  subject: Paragraph[];
  line?: DrawnLine;
}

export interface SignaturePart {
  /** capacity and title lines, top to bottom */
  titleLines: PartLine[];
  name?: PartLine;
  cell?: Cell;
  row?: number;
}

export interface RecipientsPart {
  label: PartLine;
  items: PartLine[];
  cell?: Cell;
  row?: number;
}

export interface ClosingPart {
  signature?: SignaturePart;
  recipients?: RecipientsPart;
}

export interface AppendixPart {
  section: Section;
  heading: Paragraph;
  title?: Paragraph;
  reference?: Paragraph;
  line?: DrawnLine;
  table?: Table;
}

export interface DocumentParts {
  kind: DocumentKind;
  typeName?: string;
  /** the section of the header, the decision's own text */
  mainSection: Section;
  header?: HeaderGridPart;
  title?: TitlePart;
  /** TITLE-VV: "V/v …" and the lines it wraps onto */
  subjectLine: PartLine[];
  /** RECIP-KG: "Kính gửi: …" of a công văn and the addressees under it */
  addressees: Paragraph[];
  authority?: Paragraph;
  /** căn cứ lines and the closing "Theo đề nghị …" */
  bases: Paragraph[];
  decides?: Paragraph;
  /** BODY-PARA: the running text (căn cứ, articles and their content) */
  bodyParagraphs: Paragraph[];
  articles: Paragraph[];
  /** BODY-PART: "Phần I" / "Chương I" lines and the title line after each */
  partHeadings: { heading: Paragraph; title?: Paragraph }[];
  closing?: ClosingPart;
  appendices: AppendixPart[];
  /** 1-based section of a body paragraph */
  sectionOf: (p: Paragraph) => number | undefined;
}

function sectionIndex(doc: DocxDocument): (p: Paragraph) => number | undefined {
  const map = new Map<Paragraph, number>();
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      const paragraphs = block.kind === "paragraph" ? [block.paragraph] : block.table.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
      for (const p of paragraphs) map.set(p, section.index);
    }
  }
  return (p) => map.get(p);
}

/** The lines of a paragraph as drawn, blank ones kept: the runs' pieces, their text NFC as the source reads it. */
function drawnLines(p: Paragraph): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of p.runs) {
    if (run.isFieldCode || run.format.hidden) continue;
    run.text.normalize("NFC").split("\n").forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== "") lines.at(-1)!.push({ ...run, text: piece });
    });
  }
  return lines;
}

/** The pieces of `runs` that draw characters [from, to) of their text. */
function sliceRuns(runs: readonly Run[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + run.text.length);
    if (start < end) out.push({ ...run, text: run.text.slice(start - at, end - at) });
    at += run.text.length;
  }
  return out;
}

const rowOf = (ref: BlockRef): number | undefined => {
  if (!("path" in ref.position)) return undefined;
  const step = ref.position.path.findLast((s) => "row" in s);
  return step && "row" in step ? step.row - 1 : undefined;
};

class PartMapper {
  readonly sectionOf: (p: Paragraph) => number | undefined;
  private readonly flows = new Map<Cell | Section, Flow>();

  constructor(
    private readonly read: DocxWithSource,
    private readonly measurer: TextMeasurer,
  ) {
    this.sectionOf = sectionIndex(read.docx);
  }

  paragraph(ref: BlockRef | undefined): Paragraph | undefined {
    return ref && this.read.index.paragraph(ref);
  }

  paragraphs(refs: readonly BlockRef[]): Paragraph[] {
    return refs.flatMap((ref) => this.paragraph(ref) ?? []);
  }

  section(ref: BlockRef): Section {
    return this.read.docx.sections[ref.section - 1] ?? this.read.docx.sections[0]!;
  }

  /** The paragraphs that share a box with the one at `ref`: its cell's, or its section's top-level ones. */
  flow(ref: BlockRef): Flow {
    const cell = this.read.index.cell(ref);
    const key = cell ?? this.section(ref);
    let flow = this.flows.get(key);
    if (!flow) this.flows.set(key, (flow = cell ? { paragraphs: cell.paragraphs, boxTwips: cellInnerTwips(cell) } : sectionFlow(this.section(ref))));
    return flow;
  }

  /** A line of a part as the file draws it: the whole line, or (a column) the runs of its text only. */
  line(ref: LineRef | undefined): PartLine | undefined {
    const p = this.paragraph(ref);
    if (!ref || !p) return undefined;
    const cell = this.read.index.cell(ref);
    const row = rowOf(ref);
    const { boxTwips } = this.flow(ref);
    const free = boxTwips - p.format.indentLeftTwips - p.format.indentRightTwips - Math.max(0, p.format.firstLineTwips);
    const base = { ...(cell ? { cell } : {}), ...(row !== undefined ? { row } : {}) };
    const drawn = drawnLines(p);
    const k = drawn.findIndex((runs) => runs.map((r) => r.text).join("").includes(ref.text));
    if (ref.column && k >= 0) {
      const runs = drawn[k]!;
      const placed = placeText(p, runs, ref.text, k === 0, this.read.docx.defaultTabStopTwips, this.measurer);
      const from = runs.map((r) => r.text).join("").indexOf(ref.text);
      if (placed) return { ...base, paragraph: p, text: normalise(ref.text), runs: sliceRuns(runs, from, from + ref.text.length), boxTwips: boxTwips - p.format.indentRightTwips - placed.startTwips, column: ref.column, placed };
    }
    const wanted = normalise(ref.text);
    const whole = linesOf(p);
    const line = whole.find((l) => l.text === wanted) ?? whole.find((l) => l.text.includes(wanted)) ?? whole[0] ?? { paragraph: p, text: "", runs: [] };
    return { ...base, ...line, boxTwips: free };
  }

  lines(refs: readonly LineRef[]): PartLine[] {
    return refs.flatMap((ref) => this.line(ref) ?? []);
  }

  /** The line drawn under a part's line, in its flow; for a column, the one under where the column's lines stand. */
  lineUnder(ref: LineRef | BlockRef | undefined, column?: Placed): DrawnLine | undefined {
    const p = this.paragraph(ref);
    return ref && p ? drawnLineAfter(this.flow(ref), p, column) : undefined;
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};

/**
 * Columns of tab-aligned lines that belong together (the issuer's lines, the Quốc hiệu and the Tiêu ngữ,
 * the signature) are centred when each stands on the centre the column's lines share, as the reader sees
 * them (whether centre tab stops or spaces put them there): the median of their centres, or for two
 * lines each other's. A column of one line is centred on itself: nothing in the file says where its
 * column ends.
 */
function alignColumn(lines: readonly PartLine[]): void {
  const placed = lines.filter((l) => l.placed !== undefined);
  const centres = placed.map((l) => centreOf(l.placed!));
  for (const [i, line] of placed.entries()) {
    const others = centres.filter((_, k) => k !== i);
    const off = others.length === 0 ? 0 : centres[i]! - (others.length === 1 ? others[0]! : median(centres));
    line.alignment = Math.abs(off) <= COLUMN_CENTRE_TOLERANCE_TWIPS ? "center" : `${Math.round(Math.abs(off) / 2) / 10} pt ${off < 0 ? "left" : "right"} of its column's centre`;
  }
}

/** Where a column's lines stand together: from the leftmost start to the rightmost end. */
function extentOf(lines: readonly PartLine[]): Placed | undefined {
  const placed = lines.flatMap((l) => l.placed ?? []);
  return placed.length === 0 ? undefined : { startTwips: Math.min(...placed.map((p) => p.startTwips)), endTwips: Math.max(...placed.map((p) => p.endTwips)) };
}

function headerPart(map: DocumentPartsMap, m: PartMapper): HeaderGridPart | undefined {
  const h = map.header;
  const nationalName = m.line(h?.nationalName);
  if (!h || !nationalName) return undefined;
  const grid: HeaderGridPart = { parent: m.lines(h.parent), issuer: m.lines(h.issuer), nationalName };
  const motto = m.line(h.motto);
  const number = m.line(h.number);
  const placeDate = m.line(h.placeDate);
  if (motto) grid.motto = motto;
  if (number) grid.number = number;
  if (placeDate) grid.placeDate = placeDate;
  alignColumn([...grid.parent, ...grid.issuer, ...(number ? [number] : [])]);
  alignColumn([nationalName, ...(motto ? [motto] : [])]);
  const issuerLine = m.lineUnder(h.issuer.at(-1), extentOf(grid.issuer));
  if (issuerLine) grid.issuerLine = issuerLine;
  const mottoLine = motto && m.lineUnder(h.motto, motto.placed);
  if (mottoLine) grid.mottoLine = mottoLine;
  return grid;
}

/** The trích yếu up to the line under it (a line drawn under an earlier line ends it there). */
function titlePart(map: DocumentPartsMap, m: PartMapper): TitlePart | undefined {
  const t = map.title;
  const type = m.paragraph(t?.type);
  if (!t || !type) return undefined;
  for (const [i, ref] of t.subject.entries()) {
    const line = m.lineUnder(ref);
    if (line) return { type, subject: m.paragraphs(t.subject.slice(0, i + 1)), line };
  }
  return { type, subject: m.paragraphs(t.subject) };
}

function closingPart(map: DocumentPartsMap, m: PartMapper): ClosingPart | undefined {
  const c = map.closing;
  if (!c) return undefined;
  const closing: ClosingPart = {};
  const titleLines = m.lines(c.signature);
  const name = m.line(c.name);
  if (titleLines.length > 0 || name) {
    const first = titleLines[0] ?? name!;
    closing.signature = { titleLines, ...(name ? { name } : {}), ...(first.cell ? { cell: first.cell } : {}), ...(first.row !== undefined ? { row: first.row } : {}) };
    alignColumn([...titleLines, ...(name ? [name] : [])]);
  }
  const label = m.line(c.recipientsLabel);
  if (label) closing.recipients = { label, items: m.lines(c.recipients), ...(label.cell ? { cell: label.cell } : {}), ...(label.row !== undefined ? { row: label.row } : {}) };
  return closing;
}

function appendixParts(map: DocumentPartsMap, m: PartMapper, read: DocxWithSource): AppendixPart[] {
  // a list headed otherwise ("DANH SÁCH …") is a document of its own, not a Phụ lục the §7 rules measure
  return map.appendices.flatMap((a): AppendixPart[] => {
    const heading = a.kind === "appendix" ? m.paragraph(a.heading) : undefined;
    if (!heading) return [];
    const appendix: AppendixPart = { section: m.section(a.heading), heading };
    const title = m.paragraph(a.title);
    const reference = m.paragraph(a.reference);
    if (title) appendix.title = title;
    if (reference) appendix.reference = reference;
    const lineHost = a.reference ?? a.title;
    const line = m.lineUnder(lineHost);
    if (line) appendix.line = line;
    const table = a.table && read.index.table(a.table);
    if (table) appendix.table = table;
    return [appendix];
  });
}

export function documentParts(read: DocxWithSource, map: DocumentPartsMap, measurer: TextMeasurer): DocumentParts {
  const m = new PartMapper(read, measurer);
  const top = map.header?.nationalName ?? map.title?.type;
  const parts: DocumentParts = {
    kind: map.kind,
    mainSection: top ? m.section(top) : read.docx.sections[0]!,
    subjectLine: m.lines(map.header?.subjectLine ?? []),
    addressees: m.paragraphs(map.addressees),
    bases: m.paragraphs(map.bases),
    bodyParagraphs: m.paragraphs(map.body),
    articles: m.paragraphs(map.articles),
    partHeadings: map.partHeadings.flatMap(({ heading, title }) => {
      const h = m.paragraph(heading);
      const t = m.paragraph(title);
      return h ? [{ heading: h, ...(t ? { title: t } : {}) }] : [];
    }),
    appendices: appendixParts(map, m, read),
    sectionOf: m.sectionOf,
  };
  if (map.typeName !== undefined) parts.typeName = map.typeName;
  const header = headerPart(map, m);
  if (header) parts.header = header;
  const title = titlePart(map, m);
  if (title) parts.title = title;
  const authority = m.paragraph(map.title?.authority[0]);
  if (authority) parts.authority = authority;
  const decides = m.paragraph(map.decides);
  if (decides) parts.decides = decides;
  const closing = closingPart(map, m);
  if (closing) parts.closing = closing;
  return parts;
}
