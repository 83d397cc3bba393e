/**
 * A thuvienphapluat page around the document: the site's notices and its metadata table before it, its
 * editorial summary and "Văn bản liên quan" list after it; with blank lines between paragraphs and, as some
 * exports give it, with none at all. None of it reaches the model.
 */
import { describe, expect, it } from "vitest";
import { listTasks } from "../../../src/model/refs.ts";
import { importText } from "../../support/seed.ts";
import { cellBarTable, markdownDecision } from "./support/markdown-decision.ts";

const BEFORE = [
  "Bản dịch này thuộc quyền sở hữu của **",
  "THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của **",
  "THƯ VIỆN PHÁP LUẬT** là vi phạm pháp luật về Sở hữu trí tuệ.",
  "",
  "Đang tải văn bản...",
  "",
  "#",
  cellBarTable([
    ["**Số hiệu:**", "12/QĐ-UBND", "**Loại văn bản:**", "Quyết định"],
    ["**Nơi ban hành:**", "Tỉnh Quảng Nam", "**Người ký:**", "Nguyễn Văn B"],
    ["**Ngày ban hành:**", "05/03/2026", "**Tình trạng:**", "Đã biết"],
  ]),
  "",
].join("\n");

const AFTER = [
  "",
  "Quyết định 12/QĐ-UBND năm 2026 ban hành Kế hoạch cải cách hành chính do tỉnh Quảng Nam ban hành",
  "",
  "Văn bản này chưa cập nhật nội dung Tiếng Anh",
  "",
  "## Văn bản liên quan",
  "",
  "Ban hành:",
  "04/09/2025",
  "Hiệu lực: Đã biết",
  "Tình trạng: Đã biết",
  "",
].join("\n");

const CHROME = /THƯ VIỆN PHÁP LUẬT|Đang tải|Số hiệu|Loại văn bản|Đã biết|Văn bản liên quan|Tiếng Anh|Hiệu lực/;

// a body as long as a real one: without blank lines, what ends a table before it is that more lines follow than a cell holds
const ITEMS = Array.from({ length: 45 }, (_, k) => `${k + 1}. Nội dung thứ ${k + 1} của Kế hoạch.`).join("\n\n");
const decision = markdownDecision({ header: ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"], rows: [["1", "Rà soát văn bản", "Sở Tư pháp", "Quý I"], ["2", "Kiểm tra", "Sở Nội vụ", "Quý II"]] });
const page = BEFORE + decision.replace("Kế hoạch cải cách hành chính năm 2026.\n", `Kế hoạch cải cách hành chính năm 2026:\n\n${ITEMS}\n`) + AFTER;

describe.each([
  ["with blank lines between paragraphs", page],
  ["without any blank line", page.split("\n").filter((line) => line.trim() !== "").join("\n")],
])("a thuvienphapluat page %s", (_form, text) => {
  it("gives the document and nothing of the site's notices, metadata, summary or related documents", async () => {
    const result = await importText(text);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const decision = result.decision!;
    expect([decision.document.number, decision.document.symbol, decision.issuer.lines]).toEqual(["12", "QĐ-UBND", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]]);
    expect(decision.signer.name).toBe("Nguyễn Văn B");
    expect(listTasks(decision).map((t) => [t.ref, t.task.lead])).toEqual([
      ["1", "Sở Tư pháp"],
      ["2", "Sở Nội vụ"],
    ]);
    const model = JSON.stringify(decision);
    expect(model).not.toMatch(CHROME);
    // what follows the document is counted, not read
    expect(result.diagnostics.find((d) => d.ruleId === "recognize/unread")?.message).toMatch(/Quyết định 12\/QĐ-UBND năm 2026/);
  });
});
