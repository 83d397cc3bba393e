/** Source documents no office writes: the recognizer never throws and says what it could not read. */
import { describe, expect, it } from "vitest";
import type { SourceBlock, SourceDocument } from "../../../src/read/source-document.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { decisionWith, TASK_APPENDIX } from "./support/parts.ts";
import { cell, docx, p, table } from "./support/source-builder.ts";

const wellFormed = (source: SourceDocument) => {
  const r = recognizeDocument(source, { file: "x.docx" });
  for (const d of r.diagnostics) expect(d.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  return r;
};

describe("hostile source documents", () => {
  it("an empty document, and one of only empty paragraphs: the header's errors", () => {
    expect(wellFormed({ format: "docx", sections: [], footnotes: [] }).diagnostics.map((d) => d.ruleId)).toContain("recognize/header-date");
    expect(wellFormed(docx([p(""), p(" "), p("\t")])).decision).toBeUndefined();
  });

  it("spans far beyond the table and cells nested deep", () => {
    let nested: SourceBlock[] = [{ kind: "paragraph", text: "sâu", runs: [{ text: "sâu" }], position: { path: [{ paragraph: 1 }] } }];
    for (let depth = 0; depth < 200; depth++) nested = [{ kind: "table", position: { path: [{ table: 1 }] }, rows: [{ cells: [{ rowSpan: 1, colSpan: 1, blocks: nested, position: { path: [{ table: 1, row: 1, cell: 1 }] } }] }] }];
    const source = docx(decisionWith(...TASK_APPENDIX), [
      table([
        ["STT", "Nội dung", "Cơ quan chủ trì"],
        [cell("1"), cell("Việc một", { rowSpan: 1_000_000 }), cell("Sở Nội vụ", { colSpan: 1_000_000 })],
        ["2", "Việc hai"],
      ]),
    ]);
    source.sections[1]!.blocks.push(...nested);
    const r = wellFormed(source);
    expect(r.decision?.appendices[0]?.items.length).toBe(2);
  });

  it("a table of many rows and a body of many paragraphs are read in one pass", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [String(i + 1), `Việc ${i + 1}`, "Sở Nội vụ"]);
    const body = Array.from({ length: 20_000 }, (_, i) => p(`- Ý ${i + 1};`));
    const source = docx([...decisionWith().slice(0, 9), ...body, ...decisionWith().slice(9), ...TASK_APPENDIX], [table([["STT", "Nội dung", "Cơ quan chủ trì"], ...rows])]);
    const r = wellFormed(source);
    expect(r.decision!.appendices[0]!.items).toHaveLength(20_000);
    expect(r.decision!.articles[0]!.content.length).toBeGreaterThan(19_999);
  });
});
