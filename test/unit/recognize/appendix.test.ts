import { describe, expect, it } from "vitest";
import { listTasks } from "../../../src/model/refs.ts";
import { decisionSchema, type Group, type Row } from "../../../src/model/schema.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { decisionWith, TASK_APPENDIX } from "./support/parts.ts";
import { cell, docx, p, table } from "./support/source-builder.ts";

const HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
const recognizeAppendix = (...blocks: Parameters<typeof docx>[0]) => recognizeDocument(docx(decisionWith(...TASK_APPENDIX), blocks));
const errors = (r: ReturnType<typeof recognizeDocument>) => r.diagnostics.filter((d) => d.severity === "error");

describe("appendix tables", () => {
  it("reads the heading, title and reference line, and the columns by role", () => {
    const r = recognizeAppendix(table([HEADER, ["1", "Rà soát thủ tục", "Sở Tư pháp", "Các sở, ngành", "Quý I"]]));
    expect(errors(r)).toEqual([]);
    const a = r.decision!.appendices[0]!;
    expect([a.heading, a.title, a.reference]).toEqual(["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh)"]);
    expect(a.columns.map((c) => c.role)).toEqual(["number", "content", "lead", "support", "deadline"]);
    expect(a.items).toEqual([{ number: "1", content: "Rà soát thủ tục", lead: "Sở Tư pháp", support: "Các sở, ngành", deadline: "Quý I", rows: [] }]);
    expect(r.decision!.letters?.subject).toBe("Nhiệm vụ cải cách hành chính năm 2026");
  });

  it("nests merged group rows by label kind, letters above Roman numerals", () => {
    const r = recognizeAppendix(
      table([
        HEADER,
        [cell("A"), cell("KHỐI TỈNH", { colSpan: 4 })],
        [cell("I"), cell("CẢI CÁCH THỂ CHẾ", { colSpan: 4 })],
        ["1", "Việc một", "Sở Tư pháp", "", "Quý I"],
        [cell("II"), cell("CẢI CÁCH THỦ TỤC", { colSpan: 4 })],
        ["1", "Việc hai", "Văn phòng UBND tỉnh", "", "Quý II"],
        [cell("B"), cell("KHỐI HUYỆN", { colSpan: 4 })],
        [cell("I"), cell("CẢI CÁCH THỂ CHẾ", { colSpan: 4 })],
        ["1", "Việc ba", "UBND cấp huyện", "", "Quý III"],
      ]),
    );
    expect(errors(r)).toEqual([]);
    const items = r.decision!.appendices[0]!.items as Group[];
    expect(items.map((g) => [g.group, g.title, (g.items as Group[]).map((s) => s.group)])).toEqual([
      ["A", "KHỐI TỈNH", ["I", "II"]],
      ["B", "KHỐI HUYỆN", ["I"]],
    ]);
    expect(listTasks(r.decision!).map((t) => t.ref)).toEqual(["A.I.1", "A.II.1", "B.I.1"]);
  });

  it("reads group rows of a table that merges nothing (a Roman numeral, only the title filled) and Arabic sub-groups that merge", () => {
    const r = recognizeAppendix(
      table([
        HEADER,
        ["I", "Cải cách thể chế", "", " ", ""],
        [cell("1"), cell("Xây dựng văn bản", { colSpan: 4 })],
        ["a", "Việc một", "Sở Tư pháp", "", "Quý I"],
        ["b", "Việc hai", "Sở Tư pháp", "", "Quý II"],
        [cell("2"), cell("Rà soát văn bản", { colSpan: 4 })],
        ["a", "Việc ba", "Sở Tư pháp", "", "Quý III"],
      ]),
    );
    const [group] = r.decision!.appendices[0]!.items as Group[];
    expect(group!.title).toBe("Cải cách thể chế");
    expect((group!.items as Group[]).map((g) => [g.group, g.items.length])).toEqual([["1", 2], ["2", 1]]);
  });

  it("a cell spanning rows: span on its first row, left out of the rows it covers", () => {
    const r = recognizeAppendix(
      table([
        HEADER,
        [cell("1"), cell("Việc một"), cell("Sở Nội vụ", { rowSpan: 3 }), cell("Các sở"), cell("Quý I")],
        ["2", "Việc hai", "Các sở", "Quý II"],
        ["3", "Việc ba", "Các huyện", "Quý III"],
        ["4", "Việc bốn", "Sở Tư pháp", "", "Quý IV"],
      ]),
    );
    const rows = r.decision!.appendices[0]!.items as Row[];
    expect(rows[0]).toMatchObject({ number: "1", lead: "Sở Nội vụ", span: { lead: "3" } });
    expect(rows[1]!.lead).toBeUndefined();
    expect(rows[2]).toMatchObject({ number: "3", support: "Các huyện", deadline: "Quý III" });
    expect(rows[3]!.lead).toBe("Sở Tư pháp");
    expect(decisionSchema.safeParse(r.decision).success).toBe(true);
    expect(listTasks(r.decision!).map((t) => t.ref)).toEqual(["1", "2", "3", "4"]);
  });

  it("keeps a column without a role by its label, its cells under `cells`; reads a two-row header", () => {
    const r = recognizeAppendix(
      table([
        [cell("STT", { rowSpan: 2 }), cell("Nhiệm vụ", { rowSpan: 2 }), cell("Địa bàn", { rowSpan: 2 }), cell("Cơ quan thực hiện", { colSpan: 2 }), cell("Thời hạn", { rowSpan: 2 })],
        ["Chủ trì", "Phối hợp"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["1", "Việc một", "Xã A", "Sở Y tế", "Sở Tài chính", "2026"],
      ]),
    );
    const a = r.decision!.appendices[0]!;
    expect(a.columns).toEqual([
      { role: "number", label: "STT" },
      { role: "content", label: "Nhiệm vụ" },
      { label: "Địa bàn" },
      { role: "lead", label: "Cơ quan thực hiện - Chủ trì" },
      { role: "support", label: "Cơ quan thực hiện - Phối hợp" },
      { role: "deadline", label: "Thời hạn" },
    ]);
    expect(a.items).toEqual([{ number: "1", content: "Việc một", cells: { "Địa bàn": "Xã A" }, lead: "Sở Y tế", support: "Sở Tài chính", deadline: "2026", rows: [] }]);
    expect(r.diagnostics.filter((d) => d.ruleId === "recognize/kept-column").map((d) => d.at)).toEqual(["section 2, table 1, row 1, cell 3"]);
    expect(r.diagnostics.some((d) => d.ruleId === "recognize/column-numbers-row")).toBe(true);
  });

  it("keeps a table that assigns no task (a list of units) and makes no letters", () => {
    const r = recognizeDocument(
      docx(decisionWith(), [
        p("**PHỤ LỤC I**"),
        p("**DANH SÁCH XÃ TRỌNG ĐIỂM**"),
        p("*(Kèm theo Quyết định số 12/QĐ-UBND)*"),
        table([["STT", "Tên xã", "Ghi chú"], [cell(""), cell("Huyện Đức Trọng", { colSpan: 2 })], ["1", "Xã Hiệp An", ""], ["2", "Xã Ninh Gia", "mới"]]),
      ]),
    );
    expect(errors(r)).toEqual([]);
    const a = r.decision!.appendices[0]!;
    expect(a.heading).toBe("PHỤ LỤC I");
    expect(a.columns).toEqual([{ role: "number", label: "STT" }, { role: "content", label: "Tên xã" }, { role: "notes", label: "Ghi chú" }]);
    expect((a.items as Group[])[0]!.title).toBe("Huyện Đức Trọng");
    expect(r.decision!.letters).toBeUndefined();
    expect(listTasks(r.decision!)).toEqual([]);
  });

  it("reads several appendices, and one table continued in a second of the same width", () => {
    const r = recognizeDocument(
      docx(decisionWith(...TASK_APPENDIX), [
        table([HEADER, ["1", "Việc một", "Sở Tư pháp", "", "Quý I"]]),
        p(""),
        table([HEADER, ["2", "Việc hai", "Sở Nội vụ", "", "Quý II"]]),
        p("**PHỤ LỤC II**"),
        p("**DANH SÁCH ĐƠN VỊ**"),
        p("*(Kèm theo Quyết định số 12/QĐ-UBND)*"),
        table([["STT", "Tên đơn vị"], ["1", "Sở Y tế"]]),
      ]),
    );
    const [first, second] = r.decision!.appendices;
    expect((first!.items as Row[]).map((row) => row.number)).toEqual(["1", "2"]);
    expect(r.diagnostics.some((d) => d.ruleId === "recognize/repeated-header")).toBe(true);
    expect(second!.heading).toBe("PHỤ LỤC II");
  });

  it("an appendix without a table is said so, at its heading", () => {
    const r = recognizeDocument(docx(decisionWith(), [p("**PHỤ LỤC**"), p("**HƯỚNG DẪN**"), p("Nội dung hướng dẫn bằng lời.")]));
    expect(r.diagnostics.find((d) => d.ruleId === "recognize/appendix-no-table")?.at).toBe("section 2, paragraph 1");
    expect(r.decision!.appendices).toEqual([]);
  });

  it("reads a list headed DANH SÁCH with its title and (Ban hành kèm theo …) line as an appendix", () => {
    const r = recognizeDocument(
      docx(decisionWith(), [p("**DANH SÁCH**", "center"), p("**Xã trọng điểm năm 2025**", "center"), p("*(Ban hành kèm theo Quyết định số 12/QĐ-UBND)*"), table([["STT", "Đơn vị", "Phân loại"], ["1", "Xã Hiệp An", "II"]])]),
    );
    const [a] = r.decision!.appendices;
    expect([a!.heading, a!.title, a!.columns.map((c) => c.label)]).toEqual(["DANH SÁCH", "Xã trọng điểm năm 2025", ["STT", "Đơn vị", "Phân loại"]]);
  });

  it("keeps a second table under a sub-heading of the same appendix as an appendix of its own, said so", () => {
    const r = recognizeAppendix(table([HEADER, ["1", "Việc một", "Sở Tư pháp", "", "Quý I"]]), p("II. CHỈ TIÊU"), table([["TT", "Chỉ tiêu", "Đơn vị"], ["1", "Tỷ lệ hồ sơ đúng hạn", "%"]]));
    const appendices = r.decision!.appendices;
    expect(appendices.map((a) => [a.heading, a.title, a.columns.length])).toEqual([
      ["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", 5],
      ["PHỤ LỤC", "II. CHỈ TIÊU", 3],
    ]);
    expect(r.diagnostics.find((d) => d.ruleId === "recognize/appendix-split")?.at).toBe("section 2, paragraph 1");
  });

  it("reads the second header row of a table that lost its spans (a pipe table)", () => {
    const r = recognizeAppendix(
      table([
        ["STT", "Tên nhiệm vụ", "Đơn vị thực hiện", "", "Thời hạn"],
        ["", "", "Chủ trì", "Phối hợp", ""],
        ["1", "Rà soát văn bản", "Vụ Pháp chế", "Các cục", "Tháng 6"],
      ]),
    );
    const a = r.decision!.appendices[0]!;
    expect(a.columns.map((c) => [c.role, c.label])).toEqual([
      ["number", "STT"],
      ["content", "Tên nhiệm vụ"],
      ["lead", "Đơn vị thực hiện - Chủ trì"],
      ["support", "Phối hợp"],
      ["deadline", "Thời hạn"],
    ]);
    expect(a.items).toHaveLength(1);
  });

  it("reads a Roman numeral with its title and another numbering beside it (in a column without role) as a group, said so", () => {
    const r = recognizeAppendix(
      table([
        ["STT", "Theo NQ 01", "Tên đề án", "Đơn vị chủ trì", "Thời gian"],
        ["I", "II", "Nhóm nhiệm vụ thể chế", "", ""],
        ["1", "48", "Tổng kết thi hành Luật", "Sở Tư pháp", "Tháng 12"],
      ]),
    );
    expect(errors(r)).toEqual([]);
    const a = r.decision!.appendices[0]!;
    // the column of its own holding the most text is the content, not the first one
    expect(a.columns.map((c) => c.role ?? c.label)).toEqual(["number", "Theo NQ 01", "content", "lead", "deadline"]);
    const [group] = a.items as Group[];
    expect([group!.group, group!.title, (group!.items[0] as Row).content]).toEqual(["I", "Nhóm nhiệm vụ thể chế", "Tổng kết thi hành Luật"]);
    const dropped = r.diagnostics.filter((d) => d.ruleId === "recognize/group-cells");
    expect(dropped.map((d) => [d.severity, d.at])).toEqual([["warning", "section 2, table 1, row 2, cell 2"]]);
    expect(dropped[0]!.message).toContain('"II" under "Theo NQ 01"');
  });

  it("leaves out a group's own header row worded otherwise, each label in the column of its role", () => {
    const r = recognizeAppendix(
      table([
        HEADER,
        [cell("I"), cell("CẢI CÁCH THỂ CHẾ", { colSpan: 4 })],
        ["", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        ["1", "Việc một", "Sở Tư pháp", "", "Quý I"],
        ["2", "Thời gian", "Sở Nội vụ", "", "Quý II"],
      ]),
    );
    expect(errors(r)).toEqual([]);
    expect(listTasks(r.decision!).map((t) => [t.ref, t.task.content])).toEqual([
      ["I.1", "Việc một"],
      ["I.2", "Thời gian"],
    ]);
    expect(r.diagnostics.filter((d) => d.ruleId === "recognize/repeated-header").map((d) => d.at)).toEqual(["section 2, table 1, row 3, cell 1"]);
  });

  it("reads the group rows of a table continued in another width across their own table", () => {
    const r = recognizeAppendix(
      table([HEADER, [cell("I"), cell("CẢI CÁCH THỂ CHẾ", { colSpan: 4 })], ["1", "Việc một", "Sở Tư pháp", "", "Quý I"]]),
      table([[cell("II"), cell("CẢI CÁCH THỦ TỤC", { colSpan: 5 })], ["1", "Việc hai", "Sở Nội vụ", "", "Quý II", "ghi chú"]]),
    );
    expect(errors(r)).toEqual([]);
    expect((r.decision!.appendices[0]!.items as Group[]).map((g) => [g.group, g.items.length])).toEqual([
      ["I", 1],
      ["II", 1],
    ]);
  });

  it("reads a table on after the mark of rows a site left out, said so", () => {
    const r = recognizeAppendix(table([HEADER, ["1", "Việc một", "Sở Tư pháp", "", "Quý I"]]), p("…................................."), table([["5", "Việc năm", "Sở Nội vụ", "", "Quý II"]]));
    expect(r.decision!.appendices).toHaveLength(1);
    expect((r.decision!.appendices[0]!.items as Row[]).map((row) => row.number)).toEqual(["1", "5"]);
    expect(r.diagnostics.filter((d) => d.ruleId === "recognize/elided").map((d) => [d.severity, d.at])).toEqual([["warning", "section 2, paragraph 1"]]);
  });
});
