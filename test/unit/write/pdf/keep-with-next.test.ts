import { describe, expect, it } from "vitest";
import type { Node } from "pdfmake/interfaces.js";
import { keepBreakBudget, pageBreakHook } from "../../../../src/write/pdf/keep-with-next.ts";

/** A node starting `ratio` of the way down a 700 pt page, asking for `room` points. */
const node = (room: number | undefined, ratio: number, id?: string) =>
  ({ headlineLevel: room, id, startPosition: { pageInnerHeight: 700, verticalRatio: ratio } }) as unknown as Node;

describe("keep-with-next hook (pdfmake pageBreakBefore)", () => {
  it("breaks before a node whose room is more than what is left below its start, and only then", () => {
    const hook = pageBreakHook(24);
    expect(hook(node(80, 0.95))).toBe(true); // 35 pt left
    expect(hook(node(80, 0.5))).toBe(false);
    expect(hook(node(undefined, 0.99))).toBe(false);
    // at the top of a page, or taller than a page: nothing to gain
    expect(hook(node(80, 0))).toBe(false);
    expect(hook(node(900, 0.9))).toBe(false);
  });

  it("asks for at most its budget of breaks (each costs a layout of the whole document)", () => {
    const hook = pageBreakHook(2);
    expect([1, 2, 3].map(() => hook(node(80, 0.95)))).toEqual([true, true, false]);
  });

  it("the budget shrinks with the document: a letter may move 24 times, a 10,000-row appendix once", () => {
    expect(keepBreakBudget(120)).toBe(24);
    expect(keepBreakBudget(1_100)).toBe(18);
    expect(keepBreakBudget(11_000)).toBe(1);
    expect(keepBreakBudget(50_000)).toBe(0);
  });

  it("moves every cell of a row once its first cell moved, even with the budget spent", () => {
    const hook = pageBreakHook(1);
    expect(hook(node(80, 0.95, "row-1/0"))).toBe(true);
    expect(hook(node(80, 0.95, "row-2/0"))).toBe(false);
    expect(hook(node(80, 0.96, "row-1/1"))).toBe(true);
  });
});
