import { describe, expect, it } from "vitest";
import { listTasks } from "../../../src/model/refs.ts";
import type { Decision, Group, Row } from "../../../src/model/schema.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { importText, lineOf, seedText, validationEnv } from "../../support/seed.ts";

const text = seedText();
const result = await importText(text);
const decision = result.decision!;
const appendix = decision.appendices[0]!;
/** The seed's groups (one level) and their rows. */
const groupsOf = (d: Decision) => d.appendices[0]!.items as Group[];
const rowsOf = (g: Group) => g.items as Row[];
const byRule = (id: string) => result.diagnostics.filter((d) => d.ruleId === id);

describe("importing the seed decision 503/QĐ-UBND", () => {
  it("succeeds without errors", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(decision).toBeDefined();
  });

  it("reads the header: number, ký hiệu, date, issuer, place", () => {
    expect(decision.document).toEqual({ type: "QUYẾT ĐỊNH", typeCode: "QĐ", number: "503", symbol: "QĐ-UBND", date: "2013-02-06" });
    expect(decision.issuer.lines).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]);
    expect(decision.issuer.code).toBe("UBND");
    expect(decision.issuer.place).toBe("Quảng Nam");
  });

  it("keeps the trích yếu, authority line, 3 căn cứ and the proposal exactly as written", () => {
    expect(decision.subject).toBe("BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2013");
    expect(decision.authority).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM");
    expect(decision.legalBases).toHaveLength(3);
    expect(decision.legalBases[0]).toBe("Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;");
    expect(decision.legalBases.every((b) => b.startsWith("Căn cứ ") && b.endsWith(";"))).toBe(true);
    expect(decision.proposal).toBe("Xét đề nghị của Giám đốc Sở Nội vụ tỉnh tại Tờ trình số 66/TTr-SNV ngày 22 tháng 01 năm 2013,");
    expect(decision.decides).toBe("QUYẾT ĐỊNH:");
  });

  it("puts the whole plan in Điều 1: sections I–IV, items 1–7 under II, points a)/b), bullets", () => {
    expect(decision.articles.map((a) => a.number)).toEqual(["1", "2", "3"]);
    const content = decision.articles[0]!.content;
    expect(content.filter((b) => b.kind === "section").map((b) => `${b.label} ${b.text}`)).toEqual([
      "I. MỤC TIÊU",
      "II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
      "III. KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
      "IV. TỔ CHỨC THỰC HIỆN",
    ]);
    const sectionII = content.findIndex((b) => b.label === "II.");
    const sectionIII = content.findIndex((b) => b.label === "III.");
    const items = content.slice(sectionII, sectionIII).filter((b) => b.kind === "item");
    expect(items.map((b) => b.label)).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    expect(content.filter((b) => b.kind === "point").map((b) => b.label)).toEqual(["a)", "b)"]);
    expect(content.filter((b) => b.kind === "bullet").length).toBeGreaterThan(25);
    expect(decision.articles[2]!.text.endsWith("chịu trách nhiệm thi hành Quyết định này./.")).toBe(true);
  });

  it("reads the signer", () => {
    expect(decision.signer).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "Lê Phước Thanh" });
  });

  it("reads 6 columns, 8 groups and 37 tasks with group sizes 2, 7, 5, 3, 4, 2, 6, 8", () => {
    expect(appendix.columns.map((c) => c.role)).toEqual(["number", "content", "product", "lead", "support", "deadline"]);
    expect(appendix.columns.map((c) => c.label)).toEqual([
      "STT", "NỘI DUNG", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN HOÀN THÀNH",
    ]);
    expect(groupsOf(decision).map((g) => g.items.length)).toEqual([2, 7, 5, 3, 4, 2, 6, 8]);
    expect(listTasks(decision)).toHaveLength(37);
  });

  it("keeps every group numeral and title as written", () => {
    expect(groupsOf(decision).map((g) => g.group)).toEqual(["I", "II", "III", "VI", "IV", "V", "VI", "VII"]);
    expect(groupsOf(decision).map((g) => g.title)).toEqual([
      "CẢI CÁCH THỂ CHẾ",
      "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
      "THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG",
      "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
      "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
      "CẢI CÁCH TÀI CHÍNH CÔNG",
      "HIỆN ĐẠI HOÁ NỀN HÀNH CHÍNH",
      "CÔNG TÁC CHỈ ĐẠO, HÀNH CẢI CÁCH HÀNH CHÍNH",
    ]);
    expect(appendix.heading).toBe("PHỤ LỤC");
    expect(appendix.title).toBe("TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2013");
    expect(appendix.reference).toBe("(Ban hành kèm theo Quyết định số 503/QĐ-UBND, ngày 06 tháng 02 năm 2013 của UBND tỉnh)");
  });

  it("reads every deadline as written; its due date is derived; groups are cited by position because two read VI, rows as numbered", async () => {
    const resolved = resolveDecision(decision, (await validationEnv()).resolver);
    const deadlines = resolved.tasks.map(({ ref, task, due }) => `${ref} ${task.deadline} ${due ?? "-"}`);
    expect(deadlines).toEqual([
      "I.1 Quý I 2013-03-31", "I.2 Quý I 2013-03-31",
      "II.1 Quý I 2013-03-31", "II.2 Quý I 2013-03-31", "II.2a Quý II 2013-06-30", "II.2b Quý III 2013-09-30",
      "II.2c Quý III 2013-09-30", "II.3 Quý II 2013-06-30", "II.4 Quý III 2013-09-30",
      "III.1 Chậm nhất đến cuối năm 2013 2013-12-31", "III.2 Quý III 2013-09-30", "III.3 Quý III 2013-09-30",
      "III.4 Quý II 2013-06-30", "III.5 Quý II 2013-06-30",
      "IV.1 Quý IV 2013-12-31", "IV.2 Quý III 2013-09-30", "IV.3 Quý IV 2013-12-31",
      "V.1 Quý I 2013-03-31", "V.2 Quý I 2013-03-31", "V.3 Quý II 2013-06-30", "V.4 Quý II 2013-06-30",
      "VI.1 Quý I 2013-03-31", "VI.2 Quý I 2013-03-31",
      "VII.1 Quý I 2013-03-31", "VII.2 Quý I 2013-03-31", "VII.3 Quý IV 2013-12-31", "VII.4 Quý IV 2013-12-31",
      "VII.5 Quý II 2013-06-30", "VII.6 Quý III 2013-09-30",
      "VIII.1 Tháng 1 2013-01-31", "VIII.2 Tháng 2 2013-02-28", "VIII.3 Tháng 3 2013-03-31", "VIII.4 Tháng 3 2013-03-31",
      "VIII.5 Tháng 3 2013-03-31", "VIII.6 Quý IV 2013-12-31", "VIII.7 Quý I 2013-03-31", "VIII.8 Quý I 2013-03-31",
    ]);
  });

  it("keeps the three empty STT cells empty and cites them II.2a–c", () => {
    const group = groupsOf(decision)[1]!;
    expect(rowsOf(group).map((t) => t.number)).toEqual(["1", "2", "", "", "", "3", "4"]);
    expect(listTasks(decision).slice(2, 9).map((t) => t.ref)).toEqual(["II.1", "II.2", "II.2a", "II.2b", "II.2c", "II.3", "II.4"]);
    const warnings = byRule("appendix/empty-number");
    expect(warnings.map((d) => d.start?.line)).toEqual([
      lineOf(text, "Đơn giản hóa TTHC trong lĩnh vực đầu tư") - 2,
      lineOf(text, "Đơn giản hóa TTHC trong lĩnh vực đất đai") - 2,
      lineOf(text, "Đơn giản hóa TTHC trong lĩnh vực xây dựng") - 2,
    ]);
    expect(warnings.every((d) => d.severity === "warning" && d.fix?.to.startsWith("2"))).toBe(true);
  });

  it("warns about the group numerals out of sequence at their source lines", () => {
    const warnings = byRule("appendix/group-sequence");
    expect(warnings.map((d) => [d.start?.line, d.start?.column, d.fix?.from, d.fix?.to])).toEqual([
      [lineOf(text, "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH") - 2, 1, "VI", "IV"],
      [lineOf(text, "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC") - 2, 1, "IV", "V"],
      [lineOf(text, "CẢI CÁCH TÀI CHÍNH CÔNG") - 2, 1, "V", "VI"],
      [lineOf(text, "HIỆN ĐẠI HOÁ NỀN HÀNH CHÍNH") - 2, 1, "VI", "VII"],
      [lineOf(text, "CÔNG TÁC CHỈ ĐẠO, HÀNH CẢI CÁCH HÀNH CHÍNH") - 2, 1, "VII", "VIII"],
    ]);
  });

  it("warns about the group title with a missing word, at its line, text unchanged", () => {
    const [typo, ...rest] = byRule("text/known-typo");
    expect(rest).toEqual([]);
    expect(typo!.start).toEqual({ line: lineOf(text, "CÔNG TÁC CHỈ ĐẠO, HÀNH CẢI CÁCH HÀNH CHÍNH"), column: 1 });
    expect(typo!.fix?.to).toBe("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
  });

  it("warns that Nơi nhận is absent and marks the added list as editorial", () => {
    expect(byRule("model/editorial-recipients")).toHaveLength(1);
    expect(byRule("model/editorial-recipients")[0]!.start?.line).toBe(lineOf(text, "TM. ỦY BAN NHÂN DÂN"));
    expect(decision.recipients.origin).toBe("editorial");
    expect(decision.recipients.archive).toMatch(/^Lưu: VT, .+\.$/);
    expect(decision.letters?.origin).toBe("editorial");
  });

  it("warns that the trích yếu is in capitals, at its line", () => {
    expect(byRule("model/subject-caps").map((d) => d.start?.line)).toEqual([lineOf(text, decision.subject)]);
  });

  it("produces NFC strings only", () => {
    const json = JSON.stringify(decision);
    expect(json.normalize("NFC")).toBe(json);
  });
});

describe("import --fix", async () => {
  const fixed = await importText(text, { fix: true });
  it("renumbers groups, fills empty STT, fixes the known typo and lists every change", () => {
    const groups = groupsOf(fixed.decision!);
    expect(groups.map((g) => g.group)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    expect(rowsOf(groups[1]!).map((t) => t.number)).toEqual(["1", "2", "2a", "2b", "2c", "3", "4"]);
    expect(groups[7]!.title).toBe("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
    // once the numbering no longer repeats, refs follow it as written
    expect(listTasks(fixed.decision!).map((t) => t.ref.split(".")[0])).toEqual(groupsOf(fixed.decision!).flatMap((g) => g.items.map(() => g.group)));
    expect(fixed.applied).toHaveLength(5 + 3 + 1);
  });
  it("does not change anything else", () => {
    const a = fixed.decision!;
    expect(a.subject).toBe(decision.subject);
    expect(a.articles).toEqual(decision.articles);
    expect(groupsOf(a).flatMap((g) => rowsOf(g).map((t) => t.content))).toEqual(groupsOf(decision).flatMap((g) => rowsOf(g).map((t) => t.content)));
  });
});
