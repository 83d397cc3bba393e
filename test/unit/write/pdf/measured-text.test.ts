/**
 * Measured text shared between documents (measured-text.ts): a text measured before in the same style and
 * fonts is copied, not measured again; the copies are the document's own (layout splitting and moving words
 * in one document leaves the next as it would be); what is not the same text in the same style is measured
 * anew; and a pdfmake whose measurement reads other style properties is left alone.
 */
import { createRequire } from "node:module";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { describe, expect, it } from "vitest";
import { loadTinos } from "../../../../src/io/fonts.ts";
import { measuredTextCounts, measuredTextProblems, type TextBreakerClass, type TextInlinesClass } from "../../../../src/write/pdf/measured-text.ts";
import { pdfRuntimeStatus, renderPdf } from "../../../../src/write/pdf/pdfmake-runtime.ts";
import { readPdfText } from "../../../support/pdf-text.ts";

const fonts = await loadTinos();
const fromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake"));
const TextInlines = (fromPdfmake("./TextInlines.js") as { default: TextInlinesClass }).default;
const TextBreaker = (fromPdfmake("./TextBreaker.js") as { default: TextBreakerClass }).default;

const TASK = "Rà soát, đánh giá việc thực hiện các thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp năm 2013";
/** The task in a table cell `widthPt` wide: narrow enough and its words are split across lines. */
const letter = (agency: string, widthPt: number): TDocumentDefinitions => ({
  info: { creationDate: new Date(Date.UTC(2013, 1, 6)) },
  content: [
    { text: `Kính gửi: ${agency}`, bold: true },
    { table: { widths: [widthPt, "*"], body: [[TASK, "Quý IV"]] } },
    { text: [{ text: "Hạn: ", italics: true }, "Tháng 12"] },
  ],
});
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("measured text shared between documents", () => {
  it("is installed on the pinned pdfmake", () => {
    expect(pdfRuntimeStatus(fonts).pieces.find((p) => p.piece === "measured-text")).toMatchObject({ installed: true, problems: [] });
    expect(measuredTextProblems(TextInlines, TextBreaker)).toEqual([]);
  });

  it("copies a text measured before in the same style, and gives the bytes of measuring it again", async () => {
    const first = await renderPdf(letter("Sở Tư pháp", 200), fonts);
    const before = measuredTextCounts();
    const again = await renderPdf(letter("Sở Nội vụ", 200), fonts);
    const after = measuredTextCounts();
    // the task, its deadline and the last paragraph (one text of two runs) were measured before; only the greeting is new
    expect(after.hits - before.hits).toBe(3);
    expect(after.misses - before.misses).toBe(1);
    expect(same(again, await renderPdf(letter("Sở Nội vụ", 200), fonts, { sharedCaches: false }))).toBe(true);
    expect((await readPdfText(again)).flat).toContain("Kính gửi: Sở Nội vụ");
    expect(same(first, await renderPdf(letter("Sở Tư pháp", 200), fonts))).toBe(true);
  });

  it("gives each document its own words: one laid out in a narrow column leaves the next as measured", async () => {
    const wide = await renderPdf(letter("Sở Y tế", 300), fonts, { sharedCaches: false });
    // a column narrower than some words: layout splits those words in place
    await renderPdf(letter("Sở Y tế", 20), fonts);
    expect(same(await renderPdf(letter("Sở Y tế", 300), fonts), wide)).toBe(true);
  });

  it("measures anew what differs in style, even by a property the words do not show", async () => {
    await renderPdf(letter("Sở Công Thương", 200), fonts);
    const before = measuredTextCounts();
    const spaced: TDocumentDefinitions = { ...letter("Sở Công Thương", 200), defaultStyle: { characterSpacing: 0.5 } };
    const pdf = await renderPdf(spaced, fonts);
    expect(measuredTextCounts().hits - before.hits).toBe(0);
    expect(same(pdf, await renderPdf(spaced, fonts, { sharedCaches: false }))).toBe(true);
  });

  it("is left alone where pdfmake's measurement reads a style property the key does not hold", () => {
    const measure = function (this: unknown, array: unknown, stack: unknown) {
      // stands for a later pdfmake's measure
      return [array, stack, TextBreaker, "getStyleProperty(item, styleContextStack, 'textIndent', 0)"];
    };
    const changed = { prototype: { buildInlines: TextInlines.prototype.buildInlines, measure } } as unknown as TextInlinesClass;
    const [problem] = measuredTextProblems(changed, TextBreaker);
    expect(problem).toMatch(/reads the style properties .*textIndent/);
  });
});
