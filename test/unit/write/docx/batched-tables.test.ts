/**
 * Long tables are written batch by batch (src/write/docx/batched-tables.ts) so that docx never holds a whole
 * 10,000-row table: the files must be byte-identical to the tables built whole. Batches are forced small here
 * so that every table crosses several batch boundaries: the seed's decision; a synthetic decision with two
 * appendices, group rows across all columns and cells merged down where a batch would otherwise end; letters.
 */
import { describe, expect, it } from "vitest";
import { syntheticModel } from "../../../../src/bench/synthetic-model.ts";
import { loadLetterWording } from "../../../../src/io/templates.ts";
import { isGroup, type Appendix, type Decision } from "../../../../src/model/schema.ts";
import { composeDecisionPlan } from "../../../../src/plan/decision.ts";
import type { DocumentPlan, TableNode } from "../../../../src/plan/nodes.ts";
import { batchEnds } from "../../../../src/write/docx/batched-tables.ts";
import { writeDocx } from "../../../../src/write/docx/write-docx.ts";
import { openDocx, readDocument, tablesOf } from "../../../support/docx-xml.ts";
import { letterPlan } from "../../../support/letters.ts";
import { loadSeed } from "../../../support/seed-docx.ts";

const seed = await loadSeed();
const wording = await loadLetterWording();

const write = (plan: DocumentPlan, rowsPerBatch: number) => writeDocx(plan, { toolName: "vanban", rowsPerBatch });
const tablesOfPlan = (plan: DocumentPlan): TableNode[] => plan.sections.flatMap((s) => s.blocks.filter((b): b is TableNode => b.kind === "table"));

async function expectSameBytes(plan: DocumentPlan, rowsPerBatch: number): Promise<void> {
  const batched = await write(plan, rowsPerBatch);
  const whole = await write(plan, Infinity);
  expect(Buffer.from(batched).equals(Buffer.from(whole)), `${plan.metadata.title}, ${rowsPerBatch} rows a batch`).toBe(true);
}

/** In each group of ten rows, the lead merged down over rows 3–5 and the deadline over rows 9–10: a batch of 4 would end inside both. */
function withMerges(appendix: Appendix): Appendix {
  const items = appendix.items.map((group) => {
    if (!isGroup(group)) throw new Error("the synthetic appendix holds groups only");
    const rows = group.items.map((row, i) => {
      if (isGroup(row)) throw new Error("the synthetic groups hold rows only");
      return i === 2 ? { ...row, span: { lead: "3" } } : i === 8 ? { ...row, span: { deadline: "2" } } : row;
    });
    return { ...group, items: rows };
  });
  return { ...appendix, items };
}

const GROUPS = 4;

function mergedDecision(): Decision {
  const { decision } = syntheticModel(seed.decision, { agencies: 6, tasks: GROUPS * 10 });
  const appendix = withMerges(decision.appendices[0]!);
  return { ...decision, appendices: [appendix, { ...appendix, items: appendix.items.slice(0, 2) }] };
}

describe("DOCX tables written batch by batch", () => {
  const plan = composeDecisionPlan(mergedDecision(), seed.ctx.layout, seed.ctx.measurer);
  const [first, second] = tablesOfPlan(plan);

  it("end batches only where no merged cell runs on", () => {
    const ends = batchEnds(first!, 4);
    expect(ends.length).toBeGreaterThan(6);
    expect(ends.at(-1)).toBe(first!.rows.length);
    // a row covered from above never starts a batch
    const covered = new Set<number>();
    first!.rows.forEach((row, r) => row.cells.forEach((cell) => Array.from({ length: (cell.rowSpan ?? 1) - 1 }, (_, k) => covered.add(r + 1 + k))));
    expect(covered.size).toBe(GROUPS * 3);
    for (const end of ends) expect(covered.has(end), `batch ends before row ${end}`).toBe(false);
    // and some batch runs past 4 rows to the end of a merge
    expect(ends.some((end, i) => end - (ends[i - 1] ?? 0) > 4)).toBe(true);
  });

  it("give the bytes of the tables built whole: merged cells, group rows, the header row, two long tables", async () => {
    for (const rowsPerBatch of [3, 4]) await expectSameBytes(plan, rowsPerBatch);
    const bytes = await write(plan, 4);
    // docx's own zip, the path taken without its compiler, builds every table whole
    expect(Buffer.from(bytes).equals(Buffer.from(await writeDocx(plan, { toolName: "vanban", rowsPerBatch: 4, viaDocxZip: true })))).toBe(true);
    const doc = readDocument(openDocx(bytes));
    const tables = tablesOf(doc.blocks).filter((t) => t.rows.length > 2);
    expect(tables.map((t) => t.rows.length)).toEqual([first!.rows.length, second!.rows.length]);
    const table = tables[0]!;
    expect(table.rows.map((r) => r.isHeader)).toEqual(first!.rows.map((_, r) => r === 0));
    const merges = table.rows.flatMap((r) => r.cells.map((c) => c.verticalMerge).filter(Boolean));
    expect(merges.filter((m) => m === "restart")).toHaveLength(GROUPS * 2);
    expect(merges.filter((m) => m === "continue")).toHaveLength(GROUPS * 3);
    // group rows span the columns after the label
    expect(table.rows.filter((r) => r.cells.some((c) => c.gridSpan === table.gridTwips.length - 1))).toHaveLength(GROUPS);
  });

  it("give the seed decision's and the letters' bytes", async () => {
    await expectSameBytes(composeDecisionPlan(seed.decision, seed.ctx.layout, seed.ctx.measurer), 7);
    for (const assignment of seed.resolved.assignments.slice(0, 2)) await expectSameBytes(letterPlan(seed.resolved, assignment, seed.ctx, wording), 1);
  });
});
