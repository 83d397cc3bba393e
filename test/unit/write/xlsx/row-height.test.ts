import { beforeAll, describe, expect, it } from "vitest";
import { loadTinos } from "../../../../src/io/fonts.ts";
import { TextMeasurer } from "../../../../src/layout/measure.ts";
import { linePitchPt, RowHeightMeter } from "../../../../src/write/xlsx/row-height.ts";

let meter: RowHeightMeter;
beforeAll(async () => {
  meter = new RowHeightMeter(new TextMeasurer(await loadTinos()));
});

const LONG = "Tổ chức tốt việc rà soát, kiểm tra, tự kiểm tra văn bản quy phạm pháp luật, kịp thời phát hiện để điều chỉnh, bổ sung hoặc bãi bỏ theo thẩm quyền";

describe("row heights for wrapped text", () => {
  it("gives one line to short and empty text", () => {
    expect(meter.lines({ text: "Quý I", sizePt: 12, widthChars: 14 })).toBe(1);
    expect(meter.lines({ text: "", sizePt: 12, widthChars: 14 })).toBe(1);
  });

  it("wraps long text into more lines in a narrower column, and more again in bold", () => {
    const wide = meter.lines({ text: LONG, sizePt: 12, widthChars: 40 });
    const narrow = meter.lines({ text: LONG, sizePt: 12, widthChars: 20 });
    expect(wide).toBeGreaterThan(1);
    expect(narrow).toBeGreaterThan(wide);
    expect(meter.lines({ text: LONG.toUpperCase(), sizePt: 12, widthChars: 20, bold: true })).toBeGreaterThanOrEqual(narrow);
  });

  it("sizes the row for its tallest cell, in quarter points", () => {
    const cells = [
      { text: "1", sizePt: 12, widthChars: 5 },
      { text: LONG, sizePt: 12, widthChars: 20 },
    ];
    const height = meter.heightPt(cells);
    const lines = meter.lines(cells[1]!);
    expect(height).toBeGreaterThanOrEqual(lines * linePitchPt(12));
    expect(height).toBeLessThan((lines + 1) * linePitchPt(12));
    expect(height * 4).toBe(Math.round(height * 4));
  });

  it("uses Excel's 15.75 pt pitch for a 12 pt Times New Roman line", () => {
    expect(linePitchPt(12)).toBe(15.75);
  });
});
