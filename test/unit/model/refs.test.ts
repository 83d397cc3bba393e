import { describe, expect, it } from "vitest";
import { listTasks, tableEntries } from "../../../src/model/refs.ts";
import type { Appendix, Group, Row } from "../../../src/model/schema.ts";

const COLUMNS: Appendix["columns"] = [
  { role: "number", label: "STT" },
  { role: "content", label: "Nội dung" },
  { role: "lead", label: "Chủ trì" },
  { role: "deadline", label: "Thời hạn" },
];
const row = (number: string, content: string, extra: Partial<Row> = {}): Row => ({ number, content, rows: [], ...extra });
const group = (label: string, title: string, items: (Group | Row)[]): Group => ({ group: label, title, items });
const appendix = (items: (Group | Row)[], heading = "PHỤ LỤC", columns = COLUMNS): Appendix => ({ heading, title: "T", reference: "", columns, items });
const refsOf = (...appendices: Appendix[]) => listTasks({ appendices }).map((t) => t.ref);

describe("task refs", () => {
  it("follow the numbering as written: group label, then STT; a row without STT takes a letter after the number above", () => {
    const a = appendix([group("I", "A", [row("1", "x"), row("2", "y"), row("", "z"), row("", "w"), row("3", "v")]), group("II", "B", [row("1", "u")])]);
    expect(refsOf(a)).toEqual(["I.1", "I.2", "I.2a", "I.2b", "I.3", "II.1"]);
  });

  it("nest to any depth, and an STT that already carries the group labels (III.1.1) is not repeated", () => {
    const a = appendix([group("III", "A", [group("1", "B", [row("1.1", "x"), row("1.2", "y")]), group("2", "C", [row("a", "z")])])]);
    expect(refsOf(a)).toEqual(["III.1.1", "III.1.2", "III.2.a"]);
  });

  it("cite groups by position where sibling labels repeat (two groups VI), rows still as numbered", () => {
    const a = appendix([group("I", "A", [row("1", "x")]), group("VI", "B", [row("1", "y")]), group("VI", "C", [row("1", "z"), row("2", "w")])]);
    expect(refsOf(a)).toEqual(["I.1", "II.1", "III.1", "III.2"]);
    // only the level that repeats: the rows keep their numbering, "2a" included
    const b = appendix([group("I", "A", [row("1", "x")]), group("VI", "B", [row("1", "y"), row("", "y2")]), group("VI", "C", [row("1", "z")])]);
    expect(refsOf(b)).toEqual(["I.1", "II.1", "II.1a", "III.1"]);
  });

  it("cite a group's rows by position where their numbers repeat", () => {
    const a = appendix([group("I", "A", [row("1", "x"), row("1", "y"), row("2", "z")])]);
    expect(refsOf(a)).toEqual(["I.1", "I.2", "I.3"]);
  });

  it("cite the sub-rows of a numbered row after it: 2a, 2b; the numbered row itself is no task", () => {
    const a = appendix([group("II", "A", [row("1", "x"), row("2", "y", { rows: [row("", "y1"), row("", "y2")] })])]);
    expect(refsOf(a)).toEqual(["II.1", "II.2a", "II.2b"]);
  });

  it("are prefixed by the appendix when a document has several task appendices; a table without a lead column has no tasks", () => {
    const first = appendix([group("I", "A", [row("1", "x")])], "PHỤ LỤC I");
    const second = appendix([group("I", "B", [row("1", "y")])], "PHỤ LỤC II");
    const units = appendix([row("1", "Sở Nội vụ")], "PHỤ LỤC III", [{ role: "number", label: "STT" }, { role: "content", label: "Đơn vị" }]);
    expect(refsOf(first, second, units)).toEqual(["PLI.I.1", "PLII.I.1"]);
    expect(refsOf(first, units)).toEqual(["I.1"]);
    // a heading without a numeral ("PHỤ LỤC", whose last letter is a Roman C) counts by position
    expect(refsOf(appendix([row("1", "x")], "PHỤ LỤC"), appendix([row("1", "y")], "PHỤ LỤC"))).toEqual(["PLI.1", "PLII.1"]);
  });
});

describe("cells a task is read by", () => {
  it("a cell merged down (span) gives its text to the rows it covers, which leave it out", () => {
    const a = appendix([
      group("I", "A", [row("1", "x", { lead: "Sở Nội vụ", span: { lead: "3" } }), row("2", "y"), row("3", "z"), row("4", "w", { lead: "Sở Y tế" })]),
    ]);
    expect(listTasks({ appendices: [a] }).map((t) => t.task.lead)).toEqual(["Sở Nội vụ", "Sở Nội vụ", "Sở Nội vụ", "Sở Y tế"]);
    const spans = tableEntries(a).flatMap((e) => (e.kind === "row" ? [e.rowSpans.get("lead")] : []));
    expect(spans).toEqual([3, 0, 0, 1]);
  });

  it("a merged cell ends at the next group row", () => {
    const a = appendix([group("I", "A", [row("1", "x", { lead: "Sở Nội vụ", span: { lead: "3" } })]), group("II", "B", [row("1", "y", { lead: "Sở Y tế" })])]);
    expect(listTasks({ appendices: [a] }).map((t) => t.task.lead)).toEqual(["Sở Nội vụ", "Sở Y tế"]);
  });

  it("a sub-row that leaves a cell empty takes its parent row's", () => {
    const a = appendix([group("I", "A", [row("1", "x", { lead: "Sở Nội vụ", deadline: "Quý I", rows: [row("", "x1"), row("", "x2", { lead: "Sở Y tế" })] })])]);
    const tasks = listTasks({ appendices: [a] });
    expect(tasks.map((t) => [t.task.content, t.task.lead, t.task.deadline])).toEqual([
      ["x1", "Sở Nội vụ", "Quý I"],
      ["x2", "Sở Y tế", "Quý I"],
    ]);
  });

  it("give every task its model path, for diagnostics", () => {
    const a = appendix([group("I", "A", [group("1", "B", [row("1", "x", { rows: [row("", "y")] })])])]);
    expect(listTasks({ appendices: [a] })[0]!.path).toEqual(["appendices", 0, "items", 0, "items", 0, "items", 0, "rows", 0]);
  });
});
