import { describe, expect, it } from "vitest";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { scrape } from "./support/source-builder.ts";

/** A crawler's text: a page's cells and short lines joined by spaces. */
const CRAWLED = [
  "Quyết định 41/QĐ-BNV",
  "BỘ NỘI VỤ -------",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------",
  "Số: 41/QĐ-BNV",
  "Hà Nội, ngày 10 tháng 02 năm 2025 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 BỘ TRƯỞNG BỘ NỘI VỤ",
  "Căn cứ Nghị định số 63/2022/NĐ-CP của Chính phủ;",
  "QUYẾT ĐỊNH:",
  "Điều 1.",
  "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.",
  "Điều 2.",
  "Quyết định này có hiệu lực kể từ ngày ký./.",
  "Nơi nhận:",
  "- Như Điều 2;",
  "- Lưu: VT, Vụ CCHC.",
  "KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Bình KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 (Ban hành kèm theo Quyết định số 41/QĐ-BNV ngày 10 tháng 02 năm 2025 của Bộ trưởng Bộ Nội vụ)",
  "I. MỤC ĐÍCH",
  "1. Nâng cao chất lượng phục vụ người dân./.",
].join("\n");

describe("lines a crawler ran together", () => {
  const r = recognizeDocument(scrape(CRAWLED), { file: "crawl.txt" });
  const d = r.decision!;

  it("splits the header: the rule under the issuer, the date line and the title block", () => {
    expect(r.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(d.issuer.lines).toEqual(["BỘ NỘI VỤ"]);
    expect(d.document).toEqual({ type: "QUYẾT ĐỊNH", typeCode: "QĐ", number: "41", symbol: "QĐ-BNV", date: "2025-02-10" });
    expect([d.subject, d.authority]).toEqual(["BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025", "BỘ TRƯỞNG BỘ NỘI VỤ"]);
  });

  it("reads 'Điều N.' on a line of its own with its sentence on the next", () => {
    expect(d.articles.map((a) => [a.number, a.text])).toEqual([
      ["1", "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025."],
      ["2", "Quyết định này có hiệu lực kể từ ngày ký./."],
    ]);
  });

  it("splits the signature into capacity lines and the name, and the attached document's title and reference", () => {
    expect(d.signer).toEqual({ lines: ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"], name: "Trần Văn Bình" });
    expect(d.recipients.items).toEqual(["Như Điều 2;"]);
    expect(d.attachments.map((a) => [a.type, a.title, a.reference, a.content.length])).toEqual([
      ["KẾ HOẠCH", "CẢI CÁCH HÀNH CHÍNH NĂM 2025", "(Ban hành kèm theo Quyết định số 41/QĐ-BNV ngày 10 tháng 02 năm 2025 của Bộ trưởng Bộ Nội vụ)", 2],
    ]);
  });

  it("says so, at the first line it split", () => {
    expect(r.diagnostics.filter((x) => x.ruleId === "recognize/run-on-lines").map((x) => x.start?.line)).toEqual([5]);
  });

  it("places the split lines at their column in the line", () => {
    expect(r.places.get("document.type")).toEqual({ file: "crawl.txt", start: { line: 5, column: 35 } });
  });

  it("leaves a scrape's lines that are not run together as they are: an appendix title starting with a type word", () => {
    const text = CRAWLED.replace("KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Bình KẾ HOẠCH", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn Bình\nPHỤ LỤC\nKẾ HOẠCH").replace(/\nI\. MỤC ĐÍCH\n1\..*$/s, "\nSTT\nNỘI DUNG\nCƠ QUAN CHỦ TRÌ\n1\nRà soát\nVụ CCHC");
    const plan = recognizeDocument(scrape(text)).decision!;
    expect(plan.attachments).toEqual([]);
    expect(plan.appendices.map((a) => a.title)).toEqual(["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"]);
  });
});
