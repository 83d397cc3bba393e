/**
 * The PDF runtime's fast paths change nothing that shows: random nested pdfmake documents (Vietnamese and
 * random Unicode text, characters outside the fixed subset repertoire, bold and italics, stacks, columns,
 * tables with header rows and cell spans, margins, sizes, line heights, page breaks, page numbers) render
 * - byte-identically with the shared caches on and off (`sharedCaches`), documents interleaved, so the caches
 *   carry what earlier documents left in them;
 * - to the same extracted text with line merging on and off (`lineMerging`), and, where poppler is
 *   installed, to the same pixels.
 */
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { describe, expect, it } from "vitest";
import { loadTinos } from "../../src/io/fonts.ts";
import { pdfRuntimeStatus, renderPdf } from "../../src/write/pdf/pdfmake-runtime.ts";
import { skipReasonFor } from "../support/libreoffice.ts";
import { readPdfText } from "../support/pdf-text.ts";

const fonts = await loadTinos();
/** Runs per property, scaled by VANBAN_PROPERTY_SCALE (e.g. 5 for a deeper search than `npm test` makes). */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.VANBAN_PROPERTY_SCALE ?? 1)));
const rasterSkip = skipReasonFor(["pdftoppm"], "random documents rasterised through poppler");

const WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Quảng", "Nam", "Quyết", "định", "số", "503/QĐ-UBND", "Sở", "Nội", "vụ", "Ỷ", "ỹ", "Ữ", "ữ", "Ặ", "đ", "ờ", "Điều", "1.", "–", "“trích", "yếu”", "…"];
/** Outside the repertoire every subset starts with (subset-sharing.ts), some not in Tinos at all. */
const ODD = ["✓", "𝕍", "€", "ß", "Ω", "中文", "ﬁ", "\u00a0", "🙂", "\u0301", "Ǆ", "№"];
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
);
const text = fc
  .array(fc.tuple(word, fc.constantFrom(" ", " ", " ", "", "\n", "  ")), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(""));

const look = fc.record(
  {
    bold: fc.boolean(),
    italics: fc.boolean(),
    fontSize: fc.integer({ min: 6, max: 20 }),
    lineHeight: fc.constantFrom(0.9, 1, 1.15, 1.5),
    characterSpacing: fc.constantFrom(0, 0.5),
    alignment: fc.constantFrom("left" as const, "center" as const, "right" as const, "justify" as const),
  },
  { requiredKeys: [] },
);
const margin = fc.option(fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12), fc.nat(12)), { nil: undefined });
const pageBreak = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("before" as const, "after" as const) });
const strip = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A paragraph: plain text or runs of text with their own look. */
const paragraph: fc.Arbitrary<Content> = fc
  .tuple(fc.oneof(text, fc.array(fc.tuple(text, look), { minLength: 1, maxLength: 4 })), look, margin, pageBreak)
  .map(([body, style, m, pb]) =>
    strip({ text: typeof body === "string" ? body : body.map(([t, s]) => ({ text: t, ...s })), ...style, margin: m, pageBreak: pb }) as Content,
  );

/** A table whose spans never overlap: each anchor covers only free cells, covered cells are `{}` as pdfmake wants. */
const table = (cell: fc.Arbitrary<Content>): fc.Arbitrary<Content> =>
  fc
    .record({
      cols: fc.integer({ min: 1, max: 3 }),
      rows: fc.integer({ min: 1, max: 5 }),
      headerRows: fc.integer({ min: 0, max: 2 }),
      cells: fc.array(fc.tuple(cell, fc.nat(5), fc.nat(5)), { minLength: 24, maxLength: 24 }),
      widths: fc.constantFrom("*", "auto", 60),
      dontBreakRows: fc.boolean(),
      m: margin,
      pb: pageBreak,
    })
    .map(({ cols, rows, headerRows, cells, widths, dontBreakRows, m, pb }) => {
      const header = Math.min(headerRows, rows);
      const taken = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
      const body: Content[][] = Array.from({ length: rows }, () => Array<Content>(cols));
      let next = 0;
      for (let r = 0; r < rows; r++) {
        // a row span stays within the header rows or within the body
        const lastRow = r < header ? header - 1 : rows - 1;
        for (let c = 0; c < cols; c++) {
          if (taken[r]![c]) continue;
          const [content, a, b] = cells[next++ % cells.length]!;
          let colSpan = a >= 4 ? Math.min(2, cols - c) : 1;
          let rowSpan = b >= 4 ? Math.min(2, lastRow - r + 1) : 1;
          while (colSpan > 1 && taken[r]!.slice(c, c + colSpan).some(Boolean)) colSpan--;
          while (rowSpan > 1 && taken.slice(r, r + rowSpan).some((row) => row.slice(c, c + colSpan).some(Boolean))) rowSpan--;
          for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) taken[rr]![cc] = true;
          for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) body[rr]![cc] = {};
          const anchor = { ...(content as object) } as Record<string, unknown>;
          if (colSpan > 1) anchor.colSpan = colSpan;
          if (rowSpan > 1) anchor.rowSpan = rowSpan;
          body[r]![c] = anchor as Content;
        }
      }
      return strip({ table: { headerRows: header, dontBreakRows, widths: Array(cols).fill(widths), body }, margin: m, pageBreak: pb }) as Content;
    });

const { block } = fc.letrec<{ block: Content }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: paragraph },
    { weight: 1, arbitrary: fc.tuple(fc.array(tie("block"), { minLength: 1, maxLength: 3 }), look, margin).map(([stack, style, m]) => strip({ stack, ...style, margin: m }) as Content) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(tie("block"), { minLength: 1, maxLength: 3 }), fc.nat(12))
        .map(([columns, gap]) => ({ columns: columns.map((c) => ({ width: "*", stack: [c] })), columnGap: gap }) as Content),
    },
    { weight: 1, arbitrary: table(paragraph) },
  ),
}));

const documentDefinition: fc.Arbitrary<TDocumentDefinitions> = fc
  .record({
    content: fc.array(block, { minLength: 1, maxLength: 3 }),
    pageSize: fc.constantFrom("A4" as const, "A6" as const, "A7" as const),
    fontSize: fc.integer({ min: 8, max: 14 }),
    numbered: fc.boolean(),
    title: text,
  })
  .map(({ content, pageSize, fontSize, numbered, title }) => ({
    version: "1.7",
    pageSize,
    info: { title, creationDate: new Date(Date.UTC(2013, 1, 6)), modDate: new Date(Date.UTC(2013, 1, 6)) },
    defaultStyle: { fontSize },
    content,
    ...(numbered ? { footer: (page: number, pages: number) => ({ text: `${page}/${pages}`, alignment: "center" as const }) } : {}),
  }));

/** The rendered bytes, or the error pdfmake gave (both settings must agree either way). */
async function outcome(definition: TDocumentDefinitions, options: Parameters<typeof renderPdf>[2]): Promise<Uint8Array | string> {
  try {
    return await renderPdf(definition, fonts, options);
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe("the PDF runtime's fast paths on random documents", () => {
  it("has every fast path installed (else this would compare pdfmake with itself)", () => {
    expect(pdfRuntimeStatus(fonts).warning).toBeUndefined();
  });

  it("shared caches on and off give byte-identical files", async () => {
    await fc.assert(
      fc.asyncProperty(documentDefinition, async (definition) => {
        // pdfmake writes into the definition it lays out: give each render its own copy
        const cached = await outcome(structuredCloneDefinition(definition), {});
        const plain = await outcome(structuredCloneDefinition(definition), { sharedCaches: false });
        if (typeof cached === "string" || typeof plain === "string") expect(plain).toEqual(cached);
        else expect(Buffer.from(cached).equals(Buffer.from(plain))).toBe(true);
      }),
      { numRuns: runs(6), seed: 20130206, endOnFailure: true },
    );
  });

  it("line merging on and off give the same extracted text", async () => {
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(documentDefinition, async (definition) => {
        const joined = await outcome(structuredCloneDefinition(definition), {});
        const words = await outcome(structuredCloneDefinition(definition), { lineMerging: false });
        if (typeof joined === "string" || typeof words === "string") expect(words).toEqual(joined);
        else {
          if (!Buffer.from(joined).equals(Buffer.from(words))) merged++;
          expect(await textOf(joined)).toEqual(await textOf(words));
        }
      }),
      { numRuns: runs(4), seed: 6022013, endOnFailure: true },
    );
    // not vacuous: some documents had words joined
    expect(merged).toBeGreaterThan(0);
  });

  it(`line merging on and off give the same pixels (poppler, 72 dpi)${rasterSkip}`, async ({ skip }) => {
    if (rasterSkip) skip();
    const scratch = mkdtempSync(path.join(tmpdir(), "vanban-fast-paths-"));
    const pages = (name: string, pdf: Uint8Array): Buffer[] => {
      const file = path.join(scratch, `${name}.pdf`);
      writeFileSync(file, pdf);
      const run = spawnSync("pdftoppm", ["-r", "72", "-gray", file, path.join(scratch, name)]);
      expect(run.status, run.stderr.toString()).toBe(0);
      return readdirSync(scratch)
        .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".pgm"))
        .sort()
        .map((f) => readFileSync(path.join(scratch, f)));
    };
    try {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(documentDefinition, async (definition) => {
          const joined = await outcome(structuredCloneDefinition(definition), {});
          const words = await outcome(structuredCloneDefinition(definition), { lineMerging: false });
          if (typeof joined === "string" || typeof words === "string") return;
          n++;
          const [a, b] = [pages(`joined${n}`, joined), pages(`words${n}`, words)];
          expect(a.length).toBe(b.length);
          a.forEach((page, i) => expect(page.equals(b[i]!), `page ${i + 1}`).toBe(true));
        }),
        { numRuns: runs(3), seed: 2013, endOnFailure: true },
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

/** The text of each page as pdf.js extracts it. */
async function textOf(pdf: Uint8Array): Promise<string[]> {
  return (await readPdfText(pdf)).pages;
}

/** A deep copy that keeps functions (the footer) and dates. */
function structuredCloneDefinition(definition: TDocumentDefinitions): TDocumentDefinitions {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value instanceof Date || typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  };
  return copy(definition) as TDocumentDefinitions;
}
