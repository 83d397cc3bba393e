/**
 * The readers on the real documents of ../shared/corpus (see its README), when that folder exists: general
 * properties every document of a kind must have, never facts about one file, since unseen documents of the
 * same kinds are read the same way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "../../../src/read/read-source.ts";
import type { SourceBlock, SourceDocument, SourceTable } from "../../../src/read/source-document.ts";

const CORPUS = path.resolve("../shared/corpus");
const present = existsSync(CORPUS);
const filesOf = (kind: string) => (present && existsSync(path.join(CORPUS, kind)) ? readdirSync(path.join(CORPUS, kind)).sort().map((name) => path.join(kind, name)) : []);

function read(file: string): SourceDocument {
  const result = readSource(new Uint8Array(readFileSync(path.join(CORPUS, file))), { name: file });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.document!;
}

/** Every block in reading order, descending into table cells. */
function allBlocks(blocks: readonly SourceBlock[]): SourceBlock[] {
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block] : [block, ...block.rows.flatMap((row) => row.cells.flatMap((cell) => allBlocks(cell.blocks)))]));
}

const blocksOf = (document: SourceDocument): SourceBlock[] => document.sections.flatMap((s) => allBlocks(s.blocks));
const tablesOf = (document: SourceDocument) => blocksOf(document).filter((b): b is SourceTable => b.kind === "table");
const paragraphTexts = (document: SourceDocument) => blocksOf(document).flatMap((b) => (b.kind === "paragraph" ? [b.text.replace(/\s+/g, " ")] : []));

/** The grid columns each row covers: its cells' column spans and the cells of rows above spanning down into it. */
function rowWidths(table: SourceTable): number[] {
  const taken = table.rows.map(() => new Set<number>());
  table.rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.cells) {
      while (taken[r]!.has(column)) column++;
      for (let down = r; down < Math.min(r + cell.rowSpan, table.rows.length); down++) for (let k = 0; k < cell.colSpan; k++) taken[down]!.add(column + k);
      column += cell.colSpan;
    }
  });
  return taken.map((columns) => columns.size);
}

const QUOC_HIEU = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/i;

describe.skipIf(!present)(`the corpus in ${CORPUS}${present ? "" : " (absent: corpus tests skipped)"}`, () => {
  it("holds documents of the kinds read here", () => {
    expect(["docx", "tvpl-md", "web"].filter((kind) => filesOf(kind).length === 0)).toEqual([]);
  });

  describe.each(filesOf("docx"))("%s", (file) => {
    const document = read(file);

    it("has the Quốc hiệu in a paragraph or a table cell", () => {
      expect(paragraphTexts(document).some((text) => QUOC_HIEU.test(text))).toBe(true);
    });

    it("gives every section its page size and orientation", () => {
      for (const section of document.sections) {
        expect(section.page.widthMm).toBeGreaterThan(100);
        expect(section.page.heightMm).toBeGreaterThan(100);
        expect(section.page.orientation).toBe(section.page.widthMm! > section.page.heightMm! ? "landscape" : "portrait");
      }
    });

    it("covers the same grid columns in every row of every table once spans are counted", () => {
      for (const table of tablesOf(document)) expect(new Set(rowWidths(table)).size, JSON.stringify(table.position)).toBe(1);
    });

    it("places every block by its path in the document part", () => {
      for (const block of blocksOf(document)) expect(block.position).toMatchObject({ part: "word/document.xml", path: expect.arrayContaining([expect.anything()]) });
    });
  });

  describe.each(filesOf("tvpl-md"))("%s", (file) => {
    const document = read(file);

    it("reads the header block as a table with the Quốc hiệu in a cell", () => {
      const inCell = tablesOf(document).some((t) => t.rows.some((row) => row.cells.some((cell) => cell.blocks.some((b) => b.kind === "paragraph" && QUOC_HIEU.test(b.text)))));
      expect(inCell).toBe(true);
    });

    it("restores spans so that every row of every table covers the same grid columns", () => {
      for (const table of tablesOf(document)) expect(new Set(rowWidths(table)).size, JSON.stringify(table.position)).toBe(1);
    });

    it("finds a task table of at least 5 columns and 5 rows, headed by a row of 5 or more labelled cells", () => {
      const largest = tablesOf(document).reduce((best, t) => (t.rows.length > best.rows.length ? t : best));
      expect(rowWidths(largest)[0]).toBeGreaterThanOrEqual(5);
      expect(largest.rows.length).toBeGreaterThanOrEqual(5);
      const header = largest.rows[0]!.cells.map((cell) => cell.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(" ").trim());
      expect(header.filter((text) => text !== "").length, header.join(" | ")).toBeGreaterThanOrEqual(5);
    });

    it("leaves no emphasis marks in the text", () => {
      expect(paragraphTexts(document).filter((text) => text.includes("**"))).toEqual([]);
    });

    it("gives every block its line and column", () => {
      for (const block of blocksOf(document)) expect(block.position).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    });
  });

  describe.each(filesOf("web"))("%s", (file) => {
    const document = read(file);

    it("has the Quốc hiệu in its text", () => {
      expect(paragraphTexts(document).some((text) => QUOC_HIEU.test(text))).toBe(true);
    });

    it("leaves no crawler link noise in the text", () => {
      expect(paragraphTexts(document).filter((text) => /\[(?:Link|JavaScript|ID): /.test(text))).toEqual([]);
    });

    it("covers the same grid columns in every row of every pipe table", () => {
      for (const table of tablesOf(document)) expect(new Set(rowWidths(table)).size, JSON.stringify(table.position)).toBe(1);
    });
  });
});
