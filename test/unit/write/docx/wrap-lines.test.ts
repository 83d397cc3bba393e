import { beforeAll, describe, expect, it } from "vitest";
import { loadTinos } from "../../../../src/io/fonts.ts";
import { TextMeasurer } from "../../../../src/layout/measure.ts";
import { wrapLines } from "../../../../src/write/docx/wrap-lines.ts";

let measurer: TextMeasurer;
beforeAll(async () => {
  measurer = new TextMeasurer(await loadTinos());
});

const style = { bold: true, kern: false };
const SUBJECT = "Ban hành Kế hoạch cải cách hành chính năm 2013 của Ủy ban nhân dân tỉnh Quảng Nam và các Sở, Ban, ngành";

describe("wrapLines (TITLE-LINE measures the widest wrapped line)", () => {
  it("keeps every word in order and every line within the width", () => {
    const lines = wrapLines(measurer, SUBJECT, 14, 300, style);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(SUBJECT);
    for (const line of lines) expect(measurer.widthPt(line, 14, style)).toBeLessThanOrEqual(300);
  });

  it("breaks greedily: the next word would not have fitted on the line", () => {
    const lines = wrapLines(measurer, SUBJECT, 14, 300, style);
    lines.slice(0, -1).forEach((line, i) => {
      const nextWord = lines[i + 1]!.split(" ")[0]!;
      expect(measurer.widthPt(`${line} ${nextWord}`, 14, style)).toBeGreaterThan(300);
    });
  });

  it("gives one line when the text fits, and a lone over-long word its own line", () => {
    expect(wrapLines(measurer, "QUYẾT ĐỊNH", 14, 300, style)).toEqual(["QUYẾT ĐỊNH"]);
    expect(wrapLines(measurer, "a VERYLONGWORDTHATDOESNOTFIT b", 14, 40, style)).toEqual(["a", "VERYLONGWORDTHATDOESNOTFIT", "b"]);
  });
});
