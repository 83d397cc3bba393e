import { describe, expect, it } from "vitest";
import { decisionSchema } from "../../../src/model/schema.ts";
import type { SourceParagraph } from "../../../src/read/source-document.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { CLOSING_TABLE, DECISION_BODY, DECISION_TITLE, HEADER_TABLE, decisionWith } from "./support/parts.ts";
import { docx, p, table } from "./support/source-builder.ts";

const errors = (r: ReturnType<typeof recognizeDocument>) => r.diagnostics.filter((d) => d.severity === "error");

describe("title block, căn cứ, articles", () => {
  const r = recognizeDocument(docx(decisionWith()));
  const d = r.decision!;

  it("reads the type, the trích yếu and the authority line", () => {
    expect(errors(r)).toEqual([]);
    expect([d.document.type, d.subject, d.authority]).toEqual(["QUYẾT ĐỊNH", "Ban hành Kế hoạch cải cách hành chính năm 2026", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"]);
  });

  it("reads the căn cứ, the proposal and QUYẾT ĐỊNH: as written", () => {
    expect(d.legalBases).toEqual(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]);
    expect(d.proposal).toBe("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 8/TTr-SNV ngày 01 tháng 3 năm 2026.");
    expect(d.decides).toBe("QUYẾT ĐỊNH:");
  });

  it("reads the articles and what stands under each, by label kind", () => {
    const withContent = docx([
      HEADER_TABLE,
      ...DECISION_TITLE,
      ...DECISION_BODY.slice(0, 3),
      p("**Điều 1.** Giao nhiệm vụ:"),
      p("I. MỤC TIÊU"),
      p("1. Mục tiêu chung"),
      p("1.1. Mục tiêu cụ thể"),
      p("a) Nâng cao chất lượng;"),
      p("- Tăng cường kỷ cương;"),
      p("+ Đổi mới lề lối;"),
      p("Các sở, ngành thực hiện."),
      p("**Điều 2**"),
      p("Quyết định này có hiệu lực kể từ ngày ký./."),
      CLOSING_TABLE,
    ]);
    const articles = recognizeDocument(withContent).decision!.articles;
    expect(articles.map((a) => [a.number, a.text])).toEqual([
      ["1", "Giao nhiệm vụ:"],
      ["2", "Quyết định này có hiệu lực kể từ ngày ký./."],
    ]);
    expect(articles[0]!.content.map((b) => [b.kind, b.label])).toEqual([
      ["section", "I."],
      ["item", "1."],
      ["item", "1.1."],
      ["point", "a)"],
      ["bullet", "-"],
      ["bullet", "+"],
      ["paragraph", ""],
    ]);
  });

  it("reads an authority over two lines in capitals (a council and its session)", () => {
    const resolution = docx([HEADER_TABLE, p("**NGHỊ QUYẾT**"), p("**Về kế hoạch đầu tư công năm 2026**"), p("**HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG**"), p("**KHÓA X, KỲ HỌP THỨ 5**"), p("*Căn cứ Luật Tổ chức chính quyền địa phương;*"), p("**QUYẾT NGHỊ:**"), p("**Điều 1.** Thông qua kế hoạch./."), CLOSING_TABLE]);
    const d = recognizeDocument(resolution).decision!;
    expect([d.subject, d.authority]).toEqual(["Về kế hoạch đầu tư công năm 2026", "HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG KHÓA X, KỲ HỌP THỨ 5"]);
  });

  it("reads a Nghị quyết's QUYẾT NGHỊ:", () => {
    const resolution = docx([HEADER_TABLE, p("**NGHỊ QUYẾT**"), p("**Về kế hoạch năm 2026**"), p("**HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG**"), p("*Căn cứ Luật Tổ chức chính quyền địa phương;*"), p("**QUYẾT NGHỊ:**"), p("**Điều 1.** Thông qua kế hoạch./."), CLOSING_TABLE]);
    const d = recognizeDocument(resolution).decision!;
    expect([d.document.type, d.authority, d.decides, d.articles.length]).toEqual(["NGHỊ QUYẾT", "HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG", "QUYẾT NGHỊ:", 1]);
  });

  it("leaves a footnote's reference mark out of the wording, and says the footnotes are not in the model", () => {
    const source = docx(decisionWith());
    const basis = source.sections[0]!.blocks.find((b) => b.kind === "paragraph" && b.text.startsWith("Căn cứ"))! as SourceParagraph;
    basis.runs.splice(1, 0, { text: "1", footnote: 1 });
    basis.text = basis.runs.map((run) => run.text).join("");
    source.footnotes.push({ id: 1, mark: "1", blocks: [] });
    const result = recognizeDocument(source);
    expect(result.decision!.legalBases).toEqual(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]);
    expect(result.diagnostics.map((x) => x.ruleId)).toContain("recognize/footnotes");
  });

  it("says so when a table stands in the body, at the table", () => {
    const body = docx([HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY.slice(0, 4), table([["STT", "Nội dung"], ["1", "Việc một"]]), ...DECISION_BODY.slice(4), CLOSING_TABLE]);
    const warning = recognizeDocument(body).diagnostics.find((x) => x.ruleId === "recognize/body-table")!;
    expect([warning.severity, warning.at]).toEqual(["warning", "table 2"]);
  });
});

describe("a Kế hoạch issued directly", () => {
  const plan = docx([
    HEADER_TABLE,
    p("**KẾ HOẠCH**", "center"),
    p("**Cải cách hành chính năm 2026**", "center"),
    p(""),
    p("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;"),
    p("Thực hiện Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"),
    p("**I. MỤC ĐÍCH, YÊU CẦU**"),
    p("**1. Mục đích**"),
    p("a) Triển khai đồng bộ;"),
    p("**II. TỔ CHỨC THỰC HIỆN**"),
    p("Các sở, ngành triển khai thực hiện./."),
    CLOSING_TABLE,
  ]);
  const r = recognizeDocument(plan);
  const d = r.decision!;

  it("has no articles, no authority, no decides; its Thực hiện paragraph is the preamble", () => {
    expect(errors(r)).toEqual([]);
    expect([d.articles, d.authority, d.decides]).toEqual([[], "", ""]);
    expect(d.legalBases).toEqual(["Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;"]);
    expect(d.preamble).toEqual(["Thực hiện Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"]);
  });

  it("holds its sections, items and points in content", () => {
    expect(d.content.map((b) => [b.kind, b.label, b.text])).toEqual([
      ["section", "I.", "MỤC ĐÍCH, YÊU CẦU"],
      ["item", "1.", "Mục đích"],
      ["point", "a)", "Triển khai đồng bộ;"],
      ["section", "II.", "TỔ CHỨC THỰC HIỆN"],
      ["paragraph", "", "Các sở, ngành triển khai thực hiện./."],
    ]);
    expect(decisionSchema.safeParse(d).success).toBe(true);
  });
});

describe("an attached document", () => {
  const attached = [
    p("**KẾ HOẠCH**", "center"),
    p("**Cải cách hành chính năm 2026**", "center"),
    p("*(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)*", "center"),
    p("**I. MỤC ĐÍCH**"),
    p("1. Nâng cao chất lượng phục vụ."),
    p("- Rà soát thủ tục hành chính."),
    p("**TM. ỦY BAN NHÂN DÂN**\t"),
    p("**CHỦ TỊCH**"),
    p(""),
    p("**Trần Văn C**"),
  ];
  const r = recognizeDocument(docx(decisionWith(...attached)));
  const d = r.decision!;

  it("goes into attachments with its type, title, reference, content and signer", () => {
    expect(errors(r)).toEqual([]);
    expect(d.attachments).toHaveLength(1);
    const [a] = d.attachments;
    expect([a!.type, a!.title, a!.reference]).toEqual([
      "KẾ HOẠCH",
      "Cải cách hành chính năm 2026",
      "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)",
    ]);
    expect(a!.content.map((b) => b.kind)).toEqual(["section", "item", "bullet"]);
    expect(a!.signer).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "Trần Văn C" });
  });

  it("leaves the decision's own articles and signer as they are", () => {
    expect(d.articles.map((a) => a.number)).toEqual(["1", "2", "3"]);
    expect(d.signer.name).toBe("Nguyễn Văn B");
  });
});

describe("a Chỉ thị", () => {
  it("without section labels: its paragraphs are its content; its numbered items too", () => {
    const directive = docx([
      HEADER_TABLE,
      p("**CHỈ THỊ**", "center"),
      p("**Về tăng cường kỷ luật, kỷ cương hành chính**", "center"),
      p("Thời gian qua, công tác cải cách hành chính đạt nhiều kết quả."),
      p("Để khắc phục hạn chế, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"),
      p("1. Các sở, ngành chấn chỉnh lề lối làm việc."),
      p("2. Giao Sở Nội vụ theo dõi, báo cáo./."),
      CLOSING_TABLE,
    ]);
    const d = recognizeDocument(directive).decision!;
    expect(d.preamble).toEqual(["Thời gian qua, công tác cải cách hành chính đạt nhiều kết quả.", "Để khắc phục hạn chế, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"]);
    expect(d.content.map((b) => [b.kind, b.label])).toEqual([["item", "1."], ["item", "2."]]);
    const unlabelled = docx([HEADER_TABLE, p("**CHỈ THỊ**"), p("**Về phòng chống thiên tai**"), p("Mùa mưa bão năm nay diễn biến phức tạp."), p("Các cấp, các ngành chủ động ứng phó./."), CLOSING_TABLE]);
    const u = recognizeDocument(unlabelled).decision!;
    expect([u.preamble, u.content.map((b) => b.kind)]).toEqual([[], ["paragraph", "paragraph"]]);
  });
});

