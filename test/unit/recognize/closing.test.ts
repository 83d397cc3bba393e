import { describe, expect, it } from "vitest";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { DECISION_BODY, DECISION_TITLE, HEADER_TABLE, decisionWith } from "./support/parts.ts";
import { cell, docx, p, scrape, table } from "./support/source-builder.ts";

const errors = (r: ReturnType<typeof recognizeDocument>) => r.diagnostics.filter((d) => d.severity === "error");

describe("signature and Nơi nhận", () => {
  it("reads a compound signer beside the Nơi nhận in a table", () => {
    const d = recognizeDocument(docx(decisionWith())).decision!;
    expect(d.signer).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Nguyễn Văn B" });
    expect(d.recipients).toEqual({ origin: "source", items: ["Như Điều 3;", "CT, các PCT UBND tỉnh;"], archive: "Lưu: VT, NC." });
  });

  it("reads a tab-separated closing: Nơi nhận on the left, the capacity lines and the name on the right", () => {
    const closing = [
      p("***Nơi nhận:***     \t    **TL. CHỦ TỊCH**"),
      p("- Như trên; \t          **CHÁNH VĂN PHÒNG**"),
      p("- Chủ tịch UBND tỉnh;"),
      p("- Lưu: VT, NC."),
      p(""),
      p("                                                      **Đỗ Tấn Sương**"),
    ];
    const r = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, ...closing]));
    expect(errors(r)).toEqual([]);
    expect(r.decision!.signer).toEqual({ lines: ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], name: "Đỗ Tấn Sương" });
    expect(r.decision!.recipients.items).toEqual(["Như trên;", "Chủ tịch UBND tỉnh;"]);
  });

  it("reads a Nơi nhận whose items Word numbers as a list (the label and a tab before each)", () => {
    const closing = [p("***Nơi nhận:***\t\t**TM. ỦY BAN NHÂN DÂN**"), p("-\tNhư Điều 3;\t\t**CHỦ TỊCH**"), p("-\tLưu: VT, NC."), p(""), p("\t\t\t**Lê Văn D**")];
    const r = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, ...closing]));
    expect(r.decision!.signer).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "Lê Văn D" });
    expect(r.decision!.recipients).toEqual({ origin: "source", items: ["Như Điều 3;"], archive: "Lưu: VT, NC." });
  });

  it("reads a head signing in person, and a scrape's Nơi nhận after the signature", () => {
    const text = [
      "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/QĐ-UBND", "Quảng Nam, ngày 06 tháng 02 năm 2013",
      "QUYẾT ĐỊNH", "VỀ VIỆC THÀNH LẬP BAN CHỈ ĐẠO", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức HĐND và UBND;", "QUYẾT ĐỊNH:", "Điều 1. Thành lập Ban Chỉ đạo./.",
      "CHỦ TỊCH", "", "Lê Phước Thanh", "", "Nơi nhận:", "- Như Điều 1;", "- Lưu: VT.",
    ].join("\n");
    const d = recognizeDocument(scrape(text)).decision!;
    expect(d.authority).toBe("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH");
    expect(d.signer).toEqual({ lines: ["CHỦ TỊCH"], name: "Lê Phước Thanh" });
    expect(d.recipients).toEqual({ origin: "source", items: ["Như Điều 1;"], archive: "Lưu: VT." });
  });

  it("without a Nơi nhận: the editorial list, and validation says so", () => {
    const closing = [p("**TM. ỦY BAN NHÂN DÂN**"), p("**CHỦ TỊCH**"), p("**Lê Văn D**")];
    const d = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, ...closing])).decision!;
    expect(d.recipients.origin).toBe("editorial");
  });

  it("a capacity line without a name is an error at the capacity line", () => {
    const r = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, p("**TM. ỦY BAN NHÂN DÂN**"), p("**CHỦ TỊCH**")]));
    expect(errors(r).map((d) => [d.ruleId, d.at])).toEqual([["recognize/signer-name", "paragraph 11"]]);
  });

  it("an appendix joined into the signature's table is said so and kept out of the signature", () => {
    const joined = table([[cell(["Nơi nhận:", "- Như trên;", "- Lưu: VT."]), cell(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn D"]), cell(["PHỤ LỤC", "DANH MỤC NHIỆM VỤ"])]]);
    const r = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, joined]));
    expect(r.decision!.signer).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "Lê Văn D" });
    expect(r.diagnostics.find((d) => d.ruleId === "recognize/appendix-in-closing")?.at).toBe("table 2, row 1, cell 3, paragraph 1");
  });

  it("reads a name written in capitals under the capacity lines", () => {
    const closing = [p("**KT. CHỦ TỊCH**"), p("**PHÓ CHỦ TỊCH**"), p(""), p("**NGUYỄN VĂN A**")];
    const d = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, ...closing])).decision!;
    expect(d.signer).toEqual({ lines: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "NGUYỄN VĂN A" });
  });
});
