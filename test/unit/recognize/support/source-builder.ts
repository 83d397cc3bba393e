/**
 * Hand-built source documents for the recognizer's tests, shaped as the DOCX reader gives them: tree
 * positions numbered in order within each section, runs with their emphasis, "\n" for Shift+Enter and "\t"
 * for a tab; cells with their row and column spans.
 */
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph, SourceRun, SourceTable, TreeStep } from "../../../../src/read/source-document.ts";

type RunSpec = string | { text: string; bold?: boolean; italic?: boolean };
export interface ParagraphSpec {
  kind: "p";
  runs: RunSpec[];
  alignment?: SourceParagraph["alignment"];
}
export interface CellSpec {
  paragraphs: ParagraphSpec[];
  rowSpan?: number;
  colSpan?: number;
}
export interface TableSpec {
  kind: "table";
  rows: CellSpec[][];
}
export type BlockSpec = ParagraphSpec | TableSpec;

/** A paragraph; `**text**` runs are bold, `*text*` italic. */
export function p(text: string, alignment?: SourceParagraph["alignment"]): ParagraphSpec {
  const runs: RunSpec[] = text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/).filter((part) => part !== "").map((part) =>
    part.startsWith("**") ? { text: part.slice(2, -2), bold: true } : part.startsWith("*") ? { text: part.slice(1, -1), italic: true } : part,
  );
  return { kind: "p", runs, ...(alignment ? { alignment } : {}) };
}

/** A cell of paragraphs (one per string), with spans. */
export function cell(texts: string | string[], spans: { rowSpan?: number; colSpan?: number } = {}): CellSpec {
  return { paragraphs: (Array.isArray(texts) ? texts : [texts]).map((t) => p(t)), ...spans };
}

export function table(rows: (CellSpec | string)[][]): TableSpec {
  return { kind: "table", rows: rows.map((row) => row.map((c) => (typeof c === "string" ? cell(c) : c))) };
}

function paragraphOf(spec: ParagraphSpec, path: TreeStep[]): SourceParagraph {
  const runs: SourceRun[] = spec.runs.map((r) => (typeof r === "string" ? { text: r } : { ...r }));
  return { kind: "paragraph", text: runs.map((r) => r.text).join(""), runs, position: { part: "word/document.xml", path }, ...(spec.alignment ? { alignment: spec.alignment } : {}) };
}

function blocksOf(specs: readonly BlockSpec[], path: readonly TreeStep[]): SourceBlock[] {
  let paragraphs = 0;
  let tables = 0;
  return specs.map((spec): SourceBlock => {
    if (spec.kind === "p") return paragraphOf(spec, [...path, { paragraph: ++paragraphs }]);
    const t = ++tables;
    const source: SourceTable = {
      kind: "table",
      position: { part: "word/document.xml", path: [...path, { table: t }] },
      rows: spec.rows.map((row, r) => ({
        cells: row.map((c, k): SourceCell => {
          const at: TreeStep[] = [...path, { table: t, row: r + 1, cell: k + 1 }];
          return { rowSpan: c.rowSpan ?? 1, colSpan: c.colSpan ?? 1, blocks: blocksOf(c.paragraphs, at), position: { part: "word/document.xml", path: at } };
        }),
      })),
    };
    return source;
  });
}

/** A DOCX-like source document; each argument is a section. */
export function docx(...sections: BlockSpec[][]): SourceDocument {
  return { format: "docx", footnotes: [], sections: sections.map((blocks) => ({ page: {}, blocks: blocksOf(blocks, []) })) };
}

/** A plain-text scrape as the text reader gives it: a paragraph per non-blank line, with its line:col. */
export function scrape(text: string): SourceDocument {
  const blocks: SourceBlock[] = text.split("\n").flatMap((line, i): SourceBlock[] =>
    line.trim() === "" && !line.includes("\u00a0") ? [] : [{ kind: "paragraph", text: line.trim() || line, runs: [{ text: line.trim() || line }], position: { line: i + 1, column: 1 } }],
  );
  return { format: "text", footnotes: [], sections: [{ page: {}, blocks }] };
}
