/**
 * A long table laid out and drawn in chunks (src/write/pdf/chunks.ts) gives the pages the whole layout gives:
 * the same pages, every word at the same place, the same rules drawn. (Not the same bytes: a chunk opens with
 * the table's header as its first rows, drawn cell by cell, where the whole layout repeats the header and
 * draws the rule under it in one stroke.) The seed's appendix is cut into chunks of a few rows here; a build
 * chunks only tables of more than CHUNK_ROWS rows.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../src/model/schema.ts";
import { composeDecisionPlan } from "../../src/plan/decision.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { chunkCut } from "../../src/write/pdf/chunks.ts";
import { writePdf } from "../../src/write/pdf/write-pdf.ts";
import { readPdfStrokes, type Stroke } from "../support/pdf-strokes.ts";
import { readPdfText } from "../support/pdf-text.ts";
import { loadSeed, seedRow } from "../support/seed-docx.ts";

let decision: Decision;
let ctx: RenderContext;

beforeAll(async () => {
  ({ decision, ctx } = await loadSeed());
});

const round = (n: number) => Math.round(n * 100) / 100;

/** The rules of a page as drawn ink: collinear strokes of one width that touch are one rule. */
function ink(strokes: readonly Stroke[]): string[] {
  const lines = new Map<string, [number, number][]>();
  for (const s of strokes) {
    const horizontal = round(s.y1) === round(s.y2);
    const key = `${horizontal ? "h" : "v"} ${round(horizontal ? s.y1 : s.x1)} ${round(s.widthPt)}`;
    const [a, b] = horizontal ? [s.x1, s.x2] : [s.y1, s.y2];
    lines.set(key, [...(lines.get(key) ?? []), [Math.min(a, b), Math.max(a, b)]]);
  }
  return [...lines]
    .flatMap(([key, spans]) => {
      const merged: [number, number][] = [];
      for (const [from, to] of spans.sort((x, y) => x[0] - y[0])) {
        const last = merged.at(-1);
        if (last && from <= last[1] + 0.01) last[1] = Math.max(last[1], to);
        else merged.push([from, to]);
      }
      return merged.map(([from, to]) => `${key}: ${round(from)}–${round(to)}`);
    })
    .sort();
}

/** What a reader sees on each page: its size, each word run where it is drawn, the rules. */
async function pages(bytes: Uint8Array) {
  const [text, strokes] = [await readPdfText(bytes), await readPdfStrokes(bytes)];
  return text.pages.map((_, i) => ({
    size: text.sizes[i],
    words: text.items[i]!.map((item) => `${item.str} @${round(item.x)},${round(item.y)}`),
    ink: ink(strokes[i]!),
  }));
}

async function expectSamePages(model: Decision, chunkRows: readonly number[], repro = false) {
  const plan = composeDecisionPlan(model, ctx.layout, ctx.measurer);
  const whole = await pages(await writePdf(plan, ctx.fonts, { toolName: "vanban-test", chunkRows: Number.POSITIVE_INFINITY }));
  expect(whole.length).toBeGreaterThan(6);
  for (const rows of chunkRows) {
    const bytes = await writePdf(plan, ctx.fonts, { toolName: "vanban-test", chunkRows: rows });
    const chunked = await pages(bytes);
    expect(chunked.length, `${rows} rows a chunk`).toBe(whole.length);
    chunked.forEach((page, i) => expect(page, `${rows} rows a chunk, page ${i + 1}`).toEqual(whole[i]));
    // REPRO: chunked, the same plan gives the same bytes
    if (repro) expect(Buffer.from(await writePdf(plan, ctx.fonts, { toolName: "vanban-test", chunkRows: rows })).equals(Buffer.from(bytes))).toBe(true);
  }
}

describe("a long table laid out in chunks", () => {
  it("gives the same pages with a task taller than a page: rows may split", async () => {
    const model = structuredClone(decision);
    seedRow(model, 1, 2).content = Array.from({ length: 350 }, (_, i) => `việc${i}`).join(" ");
    await expectSamePages(model, [6]);
  });

  it("gives the same pages, and the same bytes each time, with a cell merged down across a page break: no chunk starts inside it", async () => {
    // the Phối hợp cell of group VII's first task merged over its 7 rows, which end on the next page
    const model = structuredClone(decision);
    const first = seedRow(model, 7, 0);
    first.span = { ...first.span, support: "7" };
    for (let row = 1; row < 7; row++) seedRow(model, 7, row).support = "";
    await expectSamePages(model, [6], true);
  });
});

describe("the memory of a long table laid out in chunks", () => {
  /** pdfmake's layout builder, whose per-cell bookkeeping a chunk must let go of (see the chunked-layout piece) */
  const builder = createRequire(createRequire(import.meta.url).resolve("pdfmake"))("./LayoutBuilder.js") as {
    default: { prototype: { processRow(...args: unknown[]): unknown; verticalAlignmentItemStack?: unknown[] } };
  };

  /** the most vertical-alignment entries pdfmake holds at once while it lays the seed's decision out */
  async function mostHeld(chunkRows: number): Promise<number> {
    const prototype = builder.default.prototype;
    const processRow = prototype.processRow;
    let most = 0;
    prototype.processRow = function (this: typeof prototype, ...args: unknown[]) {
      most = Math.max(most, this.verticalAlignmentItemStack?.length ?? 0);
      return processRow.apply(this, args);
    };
    try {
      await writePdf(composeDecisionPlan(decision, ctx.layout, ctx.measurer), ctx.fonts, { toolName: "vanban-test", chunkRows });
    } finally {
      prototype.processRow = processRow;
    }
    return most;
  }

  it("each chunk holds its own rows' cells, not every row's before it", async () => {
    const whole = await mostHeld(Number.POSITIVE_INFINITY);
    // the seed's 37 tasks and 8 group rows, vertically centred cells in each
    expect(whole).toBeGreaterThan(100);
    expect(await mostHeld(6)).toBeLessThan(whole / 3);
  });
});

describe("chunkCut", () => {
  const all = (n: number) => Array.from({ length: n }, () => true);
  it("keeps the pages before the last page a row of its own opens", () => {
    // rows on pages 1, 1, 2, 2, 3: pages 1–2 kept, the next chunk starts with the row on page 3
    expect(chunkCut([[1, 1], [1, 1], [2, 2], [2, 2], [3, 3]], 10, all(20), 3)).toEqual({ keepPages: 2, nextRow: 14 });
  });

  it("does not cut at a page a row runs onto from the page before", () => {
    expect(chunkCut([[1, 1], [1, 2], [2, 3], [3, 3]], 0, all(4), 3)).toEqual(undefined);
    expect(chunkCut([[1, 1], [2, 2], [2, 3], [3, 3]], 0, all(4), 3)).toEqual({ keepPages: 1, nextRow: 1 });
  });

  it("starts no chunk inside a merged cell: the cut moves to an earlier page", () => {
    const cuttable = [true, true, true, false, true];
    expect(chunkCut([[1, 1], [2, 2], [2, 2], [3, 3], [3, 3]], 0, cuttable, 3)).toEqual({ keepPages: 1, nextRow: 1 });
  });

  it("finds no cut in a chunk of one page or of one row a page", () => {
    expect(chunkCut([[1, 1], [1, 1]], 0, all(2), 1)).toEqual(undefined);
    expect(chunkCut([[1, 3]], 0, all(1), 3)).toEqual(undefined);
  });
});
