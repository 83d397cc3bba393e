import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../../src/diagnostics/format.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { cell, docx, p, scrape, table } from "./support/source-builder.ts";
import { CLOSING_TABLE, DECISION_BODY, DECISION_TITLE, HEADER_TABLE } from "./support/parts.ts";

const errors = (r: ReturnType<typeof recognizeDocument>) => r.diagnostics.filter((d) => d.severity === "error");

describe("header grid", () => {
  it("reads a two-column table: issuer lines, number and ký hiệu, place and date", () => {
    const r = recognizeDocument(docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, CLOSING_TABLE]));
    expect(errors(r)).toEqual([]);
    expect(r.decision!.issuer).toEqual({ parent: [], lines: ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], code: "UBND", place: "Lâm Đồng" });
    expect(r.decision!.document).toEqual({ type: "QUYẾT ĐỊNH", typeCode: "QĐ", number: "12", symbol: "QĐ-UBND", date: "2026-03-05" });
  });

  it("reads tab-aligned paragraphs with Shift+Enter breaks, both columns on each line", () => {
    const header = [
      p("**ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n    TỈNH LÂM ĐỒNG\t\t     Độc lập - Tự do - Hạnh phúc**"),
      p(""),
      p("Số: 07/KH-UBND                         *Lâm Đồng, ngày 20 tháng 01 năm 2026*"),
    ];
    const r = recognizeDocument(docx([...header, p("**KẾ HOẠCH**", "center"), p("**Tuyên truyền cải cách hành chính năm 2026**", "center"), p("I. MỤC ĐÍCH"), p("Nâng cao nhận thức."), CLOSING_TABLE]));
    expect(errors(r)).toEqual([]);
    expect(r.decision!.issuer.lines).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]);
    expect(r.decision!.issuer.place).toBe("Lâm Đồng");
    expect(r.decision!.document).toMatchObject({ type: "KẾ HOẠCH", typeCode: "KH", number: "07", date: "2026-01-20" });
  });

  it("tells the parent body (not bold) from the issuer (bold)", () => {
    const header = table([
      [cell(["UBND TỈNH LÂM ĐỒNG", "**SỞ NỘI VỤ**"]), cell(["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**"])],
      [cell("Số: 3/KH-SNV"), cell("*Lâm Đồng, ngày 02 tháng 02 năm 2026*")],
    ]);
    const r = recognizeDocument(docx([header, p("**KẾ HOẠCH**"), p("**Tập huấn năm 2026**"), p("I. MỤC ĐÍCH"), CLOSING_TABLE]));
    expect(r.decision!.issuer).toMatchObject({ parent: ["UBND TỈNH LÂM ĐỒNG"], lines: ["SỞ NỘI VỤ"], code: "SNV" });
  });

  it("reads a draft: a blank number and a blank day give an empty number and a partial date, with infos", () => {
    const header = table([
      [cell(["**ỦY BAN NHÂN DÂN**", "**TỈNH LÂM ĐỒNG**"]), cell(["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**"])],
      [cell("Số:          /KH-UBND"), cell("*Lâm Đồng, ngày       tháng 3 năm 2026*")],
    ]);
    const r = recognizeDocument(docx([header, p("**KẾ HOẠCH**"), p("**Cải cách hành chính giai đoạn 2026 - 2030**"), p("I. MỤC TIÊU"), CLOSING_TABLE]));
    expect(errors(r)).toEqual([]);
    expect(r.decision!.document).toMatchObject({ number: "", symbol: "KH-UBND", date: "2026-03" });
    expect(r.diagnostics.filter((d) => d.severity === "info").map((d) => [d.ruleId, d.at])).toEqual(
      expect.arrayContaining([
        ["recognize/draft-number", "table 1, row 2, cell 1, paragraph 1"],
        ["recognize/draft-date", "table 1, row 2, cell 2, paragraph 1"],
      ]),
    );
  });

  it("reads a draft with day and month blank or dotted as a year", () => {
    const text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:     /KH-UBND\nQuảng Nam, ngày … tháng … năm 2025\nKẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH NĂM 2026\nI. MỤC TIÊU\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn D";
    expect(recognizeDocument(scrape(text)).decision!.document.date).toBe("2025");
  });

  it("without a place-date line: an error naming what was looked for and the blocks searched, at the first block", () => {
    const header = table([[cell(["**ỦY BAN NHÂN DÂN**", "**TỈNH LÂM ĐỒNG**"]), cell(["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"])], [cell("Số: 12/QĐ-UBND"), cell("")]]);
    const r = recognizeDocument(docx([header, ...DECISION_TITLE, ...DECISION_BODY, CLOSING_TABLE]), { file: "qd.docx" });
    expect(r.decision).toBeUndefined();
    const error = errors(r).find((d) => d.ruleId === "recognize/header-date")!;
    expect(error.at).toBe("table 1");
    expect(error.message).toContain("ngày … tháng … năm");
    expect(error.message).toContain('(searched table 1, up to the type line "QUYẾT ĐỊNH")');
    expect(formatDiagnostics([error])).toMatch(/^qd\.docx \(table 1\) error recognize\/header-date /);
    expect(r.diagnostics.some((d) => d.ruleId === "recognize/no-motto")).toBe(true);
  });

  it("in a scrape, a site's notice before the issuer is not an issuer line, and positions are line:col", () => {
    const text = "Hệ thống pháp luật\n\nỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 503/QĐ-UBND\nQuảng Nam, ngày 31 tháng 02 năm 2013\n";
    const r = recognizeDocument(scrape(text), { file: "s.txt" });
    expect(errors(r).map((d) => [d.ruleId, d.start?.line])).toEqual([["recognize/invalid-date", 9]]);
  });

  it("reads a header table with an empty spacer column before the issuer", () => {
    const header = table([
      [cell(""), cell(["**ỦY BAN NHÂN DÂN**", "**TỈNH LÂM ĐỒNG**"]), cell(["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**"])],
      [cell(""), cell("Số 12/QĐ-UBND"), cell("*Lâm Đồng, ngày 05 tháng 3 năm 2026*")],
    ]);
    const r = recognizeDocument(docx([header, ...DECISION_TITLE, ...DECISION_BODY, CLOSING_TABLE]));
    expect(errors(r)).toEqual([]);
    expect(r.decision!.issuer.lines).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]);
    expect(r.decision!.document.number).toBe("12");
  });
});
