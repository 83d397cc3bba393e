/**
 * The parts map of the recognition (src/recognize/parts.ts): where each part of the layout stands, by the
 * source positions of its blocks, for a decision in tables and for a công văn laid out with tabs (each
 * column of a line its own part), the same recognition `vanban import` builds its model from.
 */
import { describe, expect, it } from "vitest";
import type { SourcePosition } from "../../../src/read/source-document.ts";
import type { BlockRef, LineRef } from "../../../src/recognize/parts-map.ts";
import { recognizeStructure } from "../../../src/recognize/parts.ts";
import { decisionWith, TASK_APPENDIX } from "./support/parts.ts";
import { cell, docx, p, table } from "./support/source-builder.ts";

const pathOf = (ref: BlockRef | undefined) => (ref?.position as Extract<SourcePosition, { path: unknown }> | undefined)?.path;
const line = (ref: LineRef | undefined) => ref && { text: ref.text, column: ref.column, path: pathOf(ref) };

describe("a decision with its header and closing in tables", () => {
  const { parts, header } = recognizeStructure(docx([...decisionWith(...TASK_APPENDIX, table([["STT", "NỘI DUNG"], ["1", "Xây dựng quy chế"]]))]));

  it("finds every part where it stands, and the model's values from the same recognition", () => {
    expect(header?.number).toBe("12");
    expect(parts.kind).toBe("decision");
    expect(pathOf(parts.header?.table)).toEqual([{ table: 1 }]);
    expect(parts.header?.issuer.map(line)).toEqual([
      { text: "ỦY BAN NHÂN DÂN", column: undefined, path: [{ table: 1, row: 1, cell: 1 }, { paragraph: 1 }] },
      { text: "TỈNH LÂM ĐỒNG", column: undefined, path: [{ table: 1, row: 1, cell: 1 }, { paragraph: 2 }] },
    ]);
    expect(line(parts.header?.motto)).toEqual({ text: "Độc lập - Tự do - Hạnh phúc", column: undefined, path: [{ table: 1, row: 1, cell: 2 }, { paragraph: 2 }] });
    expect(line(parts.header?.placeDate)?.path).toEqual([{ table: 1, row: 2, cell: 2 }, { paragraph: 1 }]);
    expect(pathOf(parts.title?.type)).toEqual([{ paragraph: 1 }]);
    expect(parts.title?.authority.map(pathOf)).toEqual([[{ paragraph: 4 }]]);
    expect(parts.bases.map(pathOf)).toEqual([[{ paragraph: 5 }], [{ paragraph: 6 }]]);
    expect(pathOf(parts.decides)).toEqual([{ paragraph: 7 }]);
    expect(parts.articles.map(pathOf)).toEqual([[{ paragraph: 8 }], [{ paragraph: 9 }], [{ paragraph: 10 }]]);
    expect(parts.body.map(pathOf)).toEqual([5, 6, 8, 9, 10].map((n) => [{ paragraph: n }]));
    expect(parts.closing?.signature.map((l) => l.text)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(line(parts.closing?.name)).toEqual({ text: "Nguyễn Văn B", column: undefined, path: [{ table: 2, row: 1, cell: 2 }, { paragraph: 6 }] });
    expect(parts.closing?.recipients.map((l) => l.text)).toEqual(["- Như Điều 3;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, NC."]);
    expect(parts.appendices.map((a) => ({ kind: a.kind, heading: pathOf(a.heading), title: pathOf(a.title), reference: pathOf(a.reference), table: pathOf(a.table) }))).toEqual([
      { kind: "appendix", heading: [{ paragraph: 11 }], title: [{ paragraph: 12 }], reference: [{ paragraph: 13 }], table: [{ table: 3 }] },
    ]);
  });
});

describe("a công văn laid out with tab stops", () => {
  const source = docx([
    p("**ỦY BAN NHÂN DÂN**\t**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"),
    p("**TỈNH LÂM ĐỒNG**\t\t**Độc lập - Tự do - Hạnh phúc**"),
    p("Số: 15/UBND-NC\t*Lâm Đồng, ngày 05 tháng 3 năm 2026*"),
    p("V/v triển khai thực hiện", "center"),
    p("Công văn số 5689/BCA-C04", "center"),
    p(""),
    p("Kính gửi:", "center"),
    p("- Công an tỉnh;"),
    p("- Sở Nội vụ."),
    p("Ủy ban nhân dân tỉnh giao Công an tỉnh chủ trì triển khai thực hiện./."),
    p("***Nơi nhận:***\t**TL. CHỦ TỊCH**"),
    p("- Như trên;\t**CHÁNH VĂN PHÒNG**"),
    p("- Lưu: VT, NC."),
    p(""),
    p("\t\t**Đỗ Tấn Sương**"),
  ]);
  const { parts } = recognizeStructure(source);

  it("splits each header line at its tab: the issuer in the left column, the Quốc hiệu, Tiêu ngữ and date in the right", () => {
    expect(parts.kind).toBe("letter");
    expect(parts.header?.table).toBeUndefined();
    expect(parts.header?.issuer.map(line)).toEqual([
      { text: "ỦY BAN NHÂN DÂN", column: "left", path: [{ paragraph: 1 }] },
      { text: "TỈNH LÂM ĐỒNG", column: "left", path: [{ paragraph: 2 }] },
    ]);
    expect(line(parts.header?.nationalName)).toEqual({ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", column: "right", path: [{ paragraph: 1 }] });
    expect(line(parts.header?.motto)).toMatchObject({ text: "Độc lập - Tự do - Hạnh phúc", column: "right" });
    expect(line(parts.header?.number)).toEqual({ text: "Số: 15/UBND-NC", column: "left", path: [{ paragraph: 3 }] });
    expect(line(parts.header?.placeDate)).toEqual({ text: "Lâm Đồng, ngày 05 tháng 3 năm 2026", column: "right", path: [{ paragraph: 3 }] });
  });

  it('has no type line: "V/v" under the number with the line it wraps onto, Kính gửi and its addressees, then the body', () => {
    expect(parts.title).toBeUndefined();
    expect(parts.header?.subjectLine.map((l) => [l.text, pathOf(l)])).toEqual([
      ["V/v triển khai thực hiện", [{ paragraph: 4 }]],
      ["Công văn số 5689/BCA-C04", [{ paragraph: 5 }]],
    ]);
    expect(parts.addressees.map(pathOf)).toEqual([7, 8, 9].map((n) => [{ paragraph: n }]));
    expect(parts.body.map(pathOf)).toEqual([[{ paragraph: 10 }]]);
  });

  it("reads the signature from the right column and the Nơi nhận from the left of the same lines", () => {
    expect(parts.closing?.signature.map(line)).toEqual([
      { text: "TL. CHỦ TỊCH", column: "right", path: [{ paragraph: 11 }] },
      { text: "CHÁNH VĂN PHÒNG", column: "right", path: [{ paragraph: 12 }] },
    ]);
    expect(line(parts.closing?.name)).toEqual({ text: "Đỗ Tấn Sương", column: "right", path: [{ paragraph: 15 }] });
    expect(line(parts.closing?.recipientsLabel)).toEqual({ text: "Nơi nhận:", column: "left", path: [{ paragraph: 11 }] });
    expect(parts.closing?.recipients.map(line)).toEqual([
      { text: "- Như trên;", column: "left", path: [{ paragraph: 12 }] },
      { text: "- Lưu: VT, NC.", column: undefined, path: [{ paragraph: 13 }] },
    ]);
  });

  it("a header table with a spacer row and Shift+Enter lines: the same parts, in their cells", () => {
    const { parts: inTable } = recognizeStructure(
      docx([
        table([[cell("**ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG**"), cell("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**")], ["", ""], [cell(["Số: 15/UBND-NC", "V/v triển khai thực hiện"]), cell("*Lâm Đồng, ngày 05 tháng 3 năm 2026*")]]),
        p("Kính gửi: Công an tỉnh", "center"),
      ]),
    );
    expect(inTable.header?.issuer.map((l) => [l.text, l.column])).toEqual([["ỦY BAN NHÂN DÂN", undefined], ["TỈNH LÂM ĐỒNG", undefined]]);
    expect(line(inTable.header?.motto)?.path).toEqual([{ table: 1, row: 1, cell: 2 }, { paragraph: 1 }]);
    expect(inTable.header?.subjectLine.map((l) => [l.text, pathOf(l)])).toEqual([["V/v triển khai thực hiện", [{ table: 1, row: 3, cell: 1 }, { paragraph: 2 }]]]);
    expect(inTable.kind).toBe("letter");
  });
});

describe("the issuer's lines", () => {
  it("tells the parent body from the issuer by wording, bold or not: the check measures what the import models", () => {
    const { parts: bodies, header: modelled } = recognizeStructure(
      docx([table([[cell(["**UBND TỈNH LÂM ĐỒNG**", "**SỞ NỘI VỤ**"]), cell(["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**"])], ["Số: 15/SNV-VP", "*Lâm Đồng, ngày 05 tháng 3 năm 2026*"]])]),
    );
    expect(bodies.header?.parent.map((l) => l.text)).toEqual(["UBND TỈNH LÂM ĐỒNG"]);
    expect(bodies.header?.issuer.map((l) => l.text)).toEqual(["SỞ NỘI VỤ"]);
    expect(modelled?.issuer).toMatchObject({ parent: ["UBND TỈNH LÂM ĐỒNG"], lines: ["SỞ NỘI VỤ"] });
  });
});
