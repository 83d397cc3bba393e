import { describe, expect, it } from "vitest";
import { joinInlines } from "../../../../src/write/pdf/line-merging.ts";

const font = { name: "Tinos" };
const bold = { name: "Tinos-Bold" };
const word = (text: string, x: number, width: number, extra: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 13, color: "black", opacity: 1, ...extra });

describe("joinInlines", () => {
  it("joins words that look alike, sit edge to edge and were broken at a space", () => {
    const joined = joinInlines([word("Xây ", 0, 20), word("dựng ", 20, 25), word("kế", 45, 10)]);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ text: "Xây dựng kế", x: 0, width: 55, font });
  });

  it.each([
    ["a gap (a justified line)", [word("Xây ", 0, 20), word("dựng", 22.5, 25)]],
    ["another face", [word("Xây ", 0, 20), word("dựng", 20, 25, { font: bold })]],
    ["another size", [word("Xây ", 0, 20), word("dựng", 20, 25, { fontSize: 12 })]],
    ["a break that is not a space (QĐ-|UBND: pdfkit would shape them together)", [word("QĐ-", 0, 20), word("UBND", 20, 25)]],
    ["a link", [word("Xây ", 0, 20), word("dựng", 20, 25, { link: "https://example.org" })]],
    ["a decoration", [word("Xây ", 0, 20, { decoration: "underline" }), word("dựng", 20, 25, { decoration: "underline" })]],
    ["a page reference", [word("Trang ", 0, 20), word("2", 20, 5, { _pageNodeRef: {} })]],
  ])("keeps words apart across %s", (_case, inlines) => {
    expect(joinInlines(inlines)).toBe(inlines);
  });

  it("keeps words apart where a viewer would not place them as pdfmake measured: character spacing, a glyph the font lacks", () => {
    const spaced = [word("Xây ", 0, 20, { characterSpacing: 0.5 }), word("dựng", 20, 25, { characterSpacing: 0.5 })];
    expect(joinInlines(spaced)).toBe(spaced);
    const lacking = (inline: { text: string }) => !inline.text.includes("中");
    const afterMissing = [word("中 ", 0, 20), word("dựng", 20, 25)];
    expect(joinInlines(afterMissing, lacking)).toBe(afterMissing);
    // a word with a missing glyph may end a run: nothing after it moves
    expect(joinInlines([word("Xây ", 0, 20), word("中", 20, 25)], lacking).map((i) => i.text)).toEqual(["Xây 中"]);
  });

  it("joins the runs on either side of a word that cannot join", () => {
    const joined = joinInlines([word("a ", 0, 5), word("b ", 5, 5), word("c ", 10, 5, { font: bold }), word("d ", 15, 5, { font: bold }), word("e", 20, 5)]);
    expect(joined.map((i) => i.text)).toEqual(["a b ", "c d ", "e"]);
  });
});
