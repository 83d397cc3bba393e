/** readSource: the reader chosen by the bytes whatever the name, and the name on every diagnostic. */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readSource } from "../../../src/read/read-source.ts";
import type { SourceParagraph } from "../../../src/read/source-document.ts";
import { docxOf, p, r } from "./support/docx-package.ts";

const firstText = (result: ReturnType<typeof readSource>) => (result.document!.sections[0]!.blocks[0] as SourceParagraph).text;

describe("readSource", () => {
  it("reads each format by its bytes, whatever the name says", () => {
    const docx = readSource(docxOf({ body: p(r("Điều 1.")) }), { name: "qd.txt" });
    expect([docx.document?.format, firstText(docx)]).toEqual(["docx", "Điều 1."]);
    const html = readSource(strToU8("<!DOCTYPE html><p>Điều 2.</p>"), { name: "qd.docx" });
    expect([html.document?.format, firstText(html)]).toEqual(["html", "Điều 2."]);
    const text = readSource(strToU8("Điều 3."), { name: "qd.html" });
    expect([text.document?.format, firstText(text)]).toEqual(["text", "Điều 3."]);
  });

  it("refuses a PDF named .docx, naming the file", () => {
    const result = readSource(strToU8("%PDF-1.4\n"), { name: "qd.docx" });
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([["read/pdf", "qd.docx"]]);
  });

  it("keeps the decoding's info next to the document", () => {
    const result = readSource(new Uint8Array([0xff, 0xfe, ...Buffer.from("Điều 4.", "utf16le")]), { name: "qd.txt" });
    expect(firstText(result)).toBe("Điều 4.");
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([["read/utf16", "info", "qd.txt"]]);
  });

  it("reads a workbook into a source document of its sheets", () => {
    const result = readSource(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }));
    expect([result.document?.format, result.document?.sections, result.diagnostics]).toEqual(["xlsx", [], []]);
  });
});
