/**
 * A trích yếu a site put in capitals ("QĐ-TTG" for "QĐ-TTg"): restored to sentence case with the dictionary
 * and reported; one in capitals without such a word stays as written (model/subject-caps).
 */
import { describe, expect, it } from "vitest";
import { sentenceCase } from "../../../src/recognize/sentence-case.ts";
import { importText } from "../../support/seed.ts";
import { markdownDecision } from "./support/markdown-decision.ts";

describe("sentence case with the dictionary", () => {
  it.each([
    [
      "THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT PHÒNG THỦ DÂN SỰ",
      "Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Nghị định quy định chi tiết một số điều của Luật Phòng thủ dân sự",
    ],
    ["PHÁT TRIỂN HẠ TẦNG 5G, IOT TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI", "Phát triển hạ tầng 5G, IoT trên địa bàn thành phố Hà Nội"],
    ["TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ, KẾ HOẠCH 12/KH-UBND CỦA UBND TỈNH NGHỆ AN", "Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị, Kế hoạch 12/KH-UBND của UBND tỉnh Nghệ An"],
    // a ký hiệu part the dictionary does not know stays in capitals; an abbreviation it does not know is a word
    ["THEO CÔNG VĂN 5/SXYZ-VP VỀ (ĐA) DẠNG", "Theo Công văn 5/SXYZ-VP về (đa) dạng"],
    // words that are names only in some places: "pháp luật", "hòa bình", "nhà nước", a plan in general
    ["TUYÊN TRUYỀN PHÁP LUẬT VỀ HÒA BÌNH, QUẢN LÝ NHÀ NƯỚC VÀ XÂY DỰNG KẾ HOẠCH NĂM", "Tuyên truyền pháp luật về hòa bình, quản lý nhà nước và xây dựng kế hoạch năm"],
    ["SỬA ĐỔI LUẬT SỐ 15/2012/QH13", "Sửa đổi Luật số 15/2012/QH13"],
  ])("%s", (caps, written) => {
    expect(sentenceCase(caps)).toBe(written);
  });
});

describe("a trích yếu a site put in capitals", () => {
  const HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"];
  const decision = (subject: string) => markdownDecision({ header: HEADER, rows: [["1", "Rà soát văn bản", "Sở Tư pháp", "Quý I"]] }, subject);

  it("is restored with the dictionary and reported where it was read; the rest stays as written", async () => {
    const text = decision("THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ");
    const result = await importText(text);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.decision!.subject).toBe("Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ");
    expect(result.decision!.authority).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM");
    const restored = result.diagnostics.filter((d) => d.ruleId === "recognize/case-restored");
    expect(restored.map((d) => [d.severity, d.file, d.start?.line])).toEqual([["warning", "input.txt", text.split("\n").indexOf(text.split("\n").find((l) => l.startsWith("THỰC HIỆN"))!) + 1]]);
    expect(restored[0]!.message).toContain('"1899/QĐ-TTG" for "1899/QĐ-TTg"');
    expect(result.diagnostics.some((d) => d.ruleId === "model/subject-caps")).toBe(false);
  });

  it("stays as written without a word that shows the site changed it, with the capitals warning", async () => {
    const result = await importText(decision("BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"));
    expect(result.decision!.subject).toBe("BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026");
    expect(result.diagnostics.map((d) => d.ruleId)).toContain("model/subject-caps");
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain("recognize/case-restored");
  });

  it("leaves a trích yếu in sentence case alone, whatever its words", async () => {
    const result = await importText(decision("**Về việc thực hiện Quyết định số 1899/QĐ-TTG của Thủ tướng**"));
    expect(result.decision!.subject).toBe("Về việc thực hiện Quyết định số 1899/QĐ-TTG của Thủ tướng");
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain("recognize/case-restored");
  });
});
