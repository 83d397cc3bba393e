/** Diagnostics print in the order of the places they name, the same on every machine. */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { sortDiagnostics } from "../../../src/diagnostics/format.ts";

const at = (file: string | undefined, place: Partial<Diagnostic>, ruleId = "BODY-PARA"): Diagnostic => ({ ruleId, severity: "warning", message: "m", ...(file ? { file } : {}), ...place });

describe("the order of diagnostics", () => {
  it("by file, then line and column, then tree place with its numbers by value, then rule id", () => {
    const sorted = sortDiagnostics([
      at("b.docx", { at: "paragraph 1" }),
      at("a.docx", { at: "table 1, row 10, cell 2" }),
      at("a.docx", { at: "paragraph 12" }),
      at("a.docx", { at: "table 1, row 9, cell 2" }),
      at("a.docx", { at: "paragraph 2" }, "TITLE-TYPE"),
      at("a.docx", { at: "paragraph 2" }, "BODY-PARA"),
      at("a.yaml", { start: { line: 3, column: 9 } }),
      at("a.yaml", { start: { line: 3, column: 2 } }),
      at("a.yaml", { start: { line: 12, column: 1 } }),
    ]);
    expect(sorted.map((d) => `${d.file} ${d.start ? `${d.start.line}:${d.start.column}` : d.at} ${d.ruleId}`)).toEqual([
      "a.docx paragraph 2 BODY-PARA",
      "a.docx paragraph 2 TITLE-TYPE",
      "a.docx paragraph 12 BODY-PARA",
      "a.docx table 1, row 9, cell 2 BODY-PARA",
      "a.docx table 1, row 10, cell 2 BODY-PARA",
      "a.yaml 3:2 BODY-PARA",
      "a.yaml 3:9 BODY-PARA",
      "a.yaml 12:1 BODY-PARA",
      "b.docx paragraph 1 BODY-PARA",
    ]);
  });

  it("does not depend on the machine's locale: upper case before lower case, as in code units", () => {
    expect(sortDiagnostics([at("b.docx", {}), at("B.docx", {}), at("a.docx", {})]).map((d) => d.file)).toEqual(["B.docx", "a.docx", "b.docx"]);
  });
});
