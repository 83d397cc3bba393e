/**
 * Sub-rows (the model's `rows`): a task with sub-tasks "1.1", "1.2", letters "a", "b" under a number, bullets
 * "-" under a row, rows without STT under a row that only heads them, from every reader's tables; and what an
 * import gives the letters: a sub-row with its own lead is its agency's task, one without takes its parent's.
 */
import { describe, expect, it } from "vitest";
import { listTasks } from "../../../src/model/refs.ts";
import { isGroup, type Decision, type Group, type Row } from "../../../src/model/schema.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { loadLetterWording } from "../../../src/io/templates.ts";
import { createRenderContext } from "../../../src/pipeline/render-context.ts";
import { openDocx, readDocument, tablesOf } from "../../support/docx-xml.ts";
import { renderLetterDocx } from "../../support/letters.ts";
import { buildScrape } from "../../support/scrape-builder.ts";
import { importText, validationEnv } from "../../support/seed.ts";
import { decisionWith, TASK_APPENDIX } from "./support/parts.ts";
import { markdownDecision } from "./support/markdown-decision.ts";
import { cell, docx, table } from "./support/source-builder.ts";

const HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];

/** [number, content, lead, support, deadline] per row. */
const ROWS: string[][] = [
  ["1", "Rà soát văn bản", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Quý I"],
  ["1.1", "Rà soát nghị quyết", "", "", "Quý II"],
  ["1.2", "Rà soát quyết định", "Sở Nội vụ", "", ""],
  ["2", "Kiểm tra công vụ", "Sở Nội vụ", "", "Quý III"],
  ["a", "Kiểm tra cấp tỉnh", "", "Sở Y tế", ""],
  ["b", "Kiểm tra cấp huyện", "Sở Tài chính", "", ""],
  ["3", "Tuyên truyền cải cách hành chính", "", "", "Quý IV"],
  ["", "Trên báo Quảng Nam", "Sở Y tế", "", ""],
  ["", "Trên đài phát thanh", "Sở Tài chính", "", ""],
  ["4", "Hiện đại hóa hành chính", "Sở Tài chính", "", "Tháng 6"],
  ["", "- Phần mềm một cửa", "", "", ""],
  ["", "- Chữ ký số", "Sở Y tế", "", ""],
  ["5", "Tổng kết", "Sở Nội vụ", "", "Tháng 12"],
  ["", "Báo cáo năm", "Sở Tư pháp", "", "Tháng 12"],
];

/** The refs and lead cells of the tasks as the letters read them. */
const EXPECTED_TASKS = [
  ["1.1", "Sở Tư pháp", "Quý II"],
  ["1.2", "Sở Nội vụ", "Quý I"],
  ["2.a", "Sở Nội vụ", "Quý III"],
  ["2.b", "Sở Tài chính", "Quý III"],
  ["3a", "Sở Y tế", "Quý IV"],
  ["3b", "Sở Tài chính", "Quý IV"],
  ["4a", "Sở Tài chính", "Tháng 6"],
  ["4b", "Sở Y tế", "Tháng 6"],
  ["5", "Sở Nội vụ", "Tháng 12"],
  ["5a", "Sở Tư pháp", "Tháng 12"],
];

/** Each row as "number [sub-row numbers or contents]". */
function shape(items: readonly (Group | Row)[]): string[] {
  const label = (row: Row) => row.number || row.content;
  return items.flatMap((item) => (isGroup(item) ? shape(item.items) : [`${label(item)}${item.rows.length > 0 ? ` [${item.rows.map(label).join(", ")}]` : ""}`]));
}
const SHAPE = ["1 [1.1, 1.2]", "2 [a, b]", "3 [Trên báo Quảng Nam, Trên đài phát thanh]", "4 [- Phần mềm một cửa, - Chữ ký số]", "5", "Báo cáo năm"];

const tasksOf = (decision: Decision) => listTasks(decision).map((t) => [t.ref, t.task.lead, t.task.deadline]);
const errors = (diagnostics: readonly { severity: string }[]) => diagnostics.filter((d) => d.severity === "error");

describe("sub-rows", () => {
  it("nests sub-rows by their STT in a Word table: dotted numbers, letters, rows under a row without lead, bullets", () => {
    const r = recognizeDocument(docx(decisionWith(...TASK_APPENDIX, table([HEADER, ...ROWS]))));
    expect(errors(r.diagnostics)).toEqual([]);
    expect(shape(r.decision!.appendices[0]!.items)).toEqual(SHAPE);
    expect(tasksOf(r.decision!)).toEqual(EXPECTED_TASKS);
  });

  it("keeps a merged lead cell over the sub-rows: each takes it", () => {
    const r = recognizeDocument(
      docx(decisionWith(...TASK_APPENDIX, table([HEADER, ["1", "Rà soát", cell("Sở Tư pháp", { rowSpan: 3 }), "", "Quý I"], ["1.1", "Nghị quyết", "", "Quý II"], ["1.2", "Quyết định", "Sở Y tế", ""]]))),
    );
    expect(errors(r.diagnostics)).toEqual([]);
    const [parent] = r.decision!.appendices[0]!.items as Row[];
    expect(parent!.span).toEqual({ lead: "3" });
    expect(tasksOf(r.decision!)).toEqual([
      ["1.1", "Sở Tư pháp", "Quý II"],
      ["1.2", "Sở Tư pháp", "Quý I"],
    ]);
  });

  it("leaves a letter under no number, and a dotted number without its parent, rows of the group", () => {
    const r = recognizeDocument(docx(decisionWith(...TASK_APPENDIX, table([HEADER, [cell("I"), cell("CẢI CÁCH THỂ CHẾ", { colSpan: 4 })], ["a", "Một", "Sở Y tế", "", "Quý I"], ["1.1", "Hai", "Sở Tư pháp", "", "Quý I"], ["1.2", "Ba", "Sở Nội vụ", "", "Quý I"]]))));
    expect(shape(r.decision!.appendices[0]!.items)).toEqual(["a", "1.1", "1.2"]);
    expect(listTasks(r.decision!).map((t) => t.ref)).toEqual(["I.a", "I.1.1", "I.1.2"]);
  });

  it("imports them from a thuvienphapluat markdown page and gives each agency the tasks a letter lists", async () => {
    const result = await importText(markdownDecision({ header: HEADER, rows: ROWS }));
    expect(errors(result.diagnostics)).toEqual([]);
    const decision = result.decision!;
    expect(shape(decision.appendices[0]!.items)).toEqual(SHAPE);
    expect(tasksOf(decision)).toEqual(EXPECTED_TASKS);
    const resolved = resolveDecision(decision, (await validationEnv()).resolver);
    // (a letter lists its tasks by due date; compared here in ref order)
    const leads = Object.fromEntries(resolved.assignments.map((a) => [a.agency.name, a.lead.map((t) => t.ref).sort()]));
    expect(leads).toMatchObject({
      "Sở Tư pháp": ["1.1", "5a"],
      "Sở Nội vụ": ["1.2", "2.a", "5"],
      "Sở Tài chính": ["2.b", "3b", "4a"],
      "Sở Y tế": ["3a", "4b"],
    });
    // a sub-row's support is its own when it has one, else its parent's
    const support = Object.fromEntries(resolved.assignments.map((a) => [a.agency.name, a.support.map((t) => t.ref)]));
    expect(support["Sở Y tế"]).toEqual(["2.a"]);
    expect(support["Văn phòng UBND tỉnh"]!.sort()).toEqual(["1.1", "1.2"]);
    // the letter as written: Sở Tài chính's table lists its sub-rows' own content, with the parent's deadline
    const assignment = resolved.assignments.find((a) => a.agency.name === "Sở Tài chính")!;
    const docx = await renderLetterDocx(resolved, assignment, await createRenderContext("nd30"), await loadLetterWording());
    const [leadTable] = tablesOf(readDocument(openDocx(docx)).blocks).filter((t) => t.rows[0]!.cells.length > 2);
    const rows = leadTable!.rows.slice(1).map((row) => row.cells.map((cell) => cell.text));
    expect(rows.map((cells) => cells[0])).toEqual(["4a", "2.b", "3b"]);
    expect(rows.map((cells) => cells[1])).toEqual(["- Phần mềm một cửa", "Kiểm tra cấp huyện", "Trên đài phát thanh"]);
    expect(rows.map((cells) => cells.find((c) => /^(Quý|Tháng)/.test(c)))).toEqual(["Tháng 6", "Quý III", "Quý IV"]);
  });

  it("imports them from a crawler's pipe table, where the STT of a sub-row is absent from the row", async () => {
    const pipe = [HEADER, ...ROWS].map((row, r) => {
      // the crawler leaves out the STT cell of rows it spans down into
      const cells = r > 0 && row[0] === "" ? row.slice(1) : row;
      return `| ${cells.join(" | ")} |${r === 0 ? `\n|${" --- |".repeat(HEADER.length)}` : ""}`;
    });
    const text = markdownDecision({ header: HEADER, rows: [] }).replace(/\|\n\*\*STT\*\*[\s\S]*$/, pipe.join("\n") + "\n");
    const result = await importText(text);
    expect(errors(result.diagnostics)).toEqual([]);
    expect(tasksOf(result.decision!)).toEqual(EXPECTED_TASKS);
  });

  it("imports them from the seed's scrape format, a cell per paragraph", async () => {
    // STT, NỘI DUNG, SẢN PHẨM, CƠ QUAN CHỦ TRÌ, CƠ QUAN PHỐI HỢP, THỜI GIAN HOÀN THÀNH
    const rows = ROWS.map(([number, content, lead, support, deadline]) => [number === "" && content!.startsWith("- ") ? "-" : number!, content!.replace(/^- /, ""), "", lead!, support!, deadline!]);
    const result = await importText(buildScrape({ groups: [{ numeral: "I", title: "CẢI CÁCH THỂ CHẾ", rows }] }));
    expect(errors(result.diagnostics)).toEqual([]);
    expect(tasksOf(result.decision!)).toEqual(EXPECTED_TASKS.map(([ref, lead, deadline]) => [`I.${ref}`, lead, deadline]));
  });

  it("nests a hostile chain of STT \"1\", \"1.1\", \"1.1.1\" … no deeper than six rows under a row", () => {
    const chain = Array.from({ length: 300 }, (_, k) => [Array.from({ length: k + 1 }, () => "1").join("."), `Việc ${k + 1}`, "Sở Tư pháp", "", "Quý I"]);
    const r = recognizeDocument(docx(decisionWith(...TASK_APPENDIX, table([HEADER, ...chain]))));
    expect(errors(r.diagnostics)).toEqual([]);
    let depth = 0;
    for (let rows = r.decision!.appendices[0]!.items as Row[]; rows.length > 0; rows = rows.at(-1)!.rows) depth++;
    expect(depth).toBe(7);
    expect(listTasks(r.decision!)).toHaveLength(300 - 6);
  });
});
