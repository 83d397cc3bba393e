/**
 * Format detection from the bytes: each format, each refused kind with its rule id, and the encodings of
 * text (UTF-8 with or without a BOM, UTF-16 with a BOM or by its NUL bytes, invalid UTF-8 at its offset).
 */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../../src/read/detect.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const withTail = (head: Uint8Array) => new Uint8Array([...head, ...strToU8(" rest of the file")]);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));

describe("detectFormat", () => {
  const formats: { what: string; input: Uint8Array; format: string }[] = [
    { what: "a zip with word/document.xml", input: zipSync({ "word/document.xml": strToU8("<w:document/>") }), format: "docx" },
    { what: "a zip with xl/workbook.xml", input: zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), format: "xlsx" },
    { what: "a doctype after a BOM and white space", input: strToU8("\uFEFF \n <!DOCTYPE html><html><body>x</body></html>"), format: "html" },
    { what: "a bare table in capitals", input: strToU8("<TABLE border=1><tr><td>STT</td></tr></TABLE>"), format: "html" },
    { what: "a body after a comment", input: strToU8("<!-- saved from url=(0014)about:internet -->\n<body>\n<p>Điều 1</p>"), format: "html" },
    { what: "Windows-1252 HTML (the charset is the HTML reader's)", input: new Uint8Array([...strToU8('<html><meta charset="windows-1252"><p>'), 0xe9, ...strToU8("</p>")]), format: "html" },
    { what: "UTF-8 text that mentions <html> further down", input: strToU8(`Hệ thống pháp luật\n${"x".repeat(2000)}\n<html>`), format: "text" },
    { what: "UTF-8 text with a BOM", input: strToU8("\uFEFFỦY BAN NHÂN DÂN"), format: "text" },
  ];
  it.each(formats)("$what → $format", ({ input, format }) => {
    expect(detectFormat(input)).toMatchObject({ format, diagnostics: [] });
  });

  it("hands text over decoded, without its BOM", () => {
    expect(detectFormat(strToU8("\uFEFFSố: 503/QĐ-UBND")).text).toBe("Số: 503/QĐ-UBND");
  });

  const refused: { what: string; input: Uint8Array; ruleId: string }[] = [
    { what: "an empty file", input: new Uint8Array(), ruleId: "read/empty" },
    { what: "a legacy .doc (OLE2)", input: withTail(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)), ruleId: "read/legacy-office" },
    { what: "an encrypted OOXML package (OLE2 with EncryptionInfo)", input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...utf16le("EncryptionInfo")]), ruleId: "read/encrypted" },
    { what: "a PDF", input: strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ruleId: "read/pdf" },
    { what: "a PNG", input: withTail(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), ruleId: "read/image" },
    { what: "a JPEG", input: withTail(bytes(0xff, 0xd8, 0xff, 0xe0)), ruleId: "read/image" },
    { what: "a GIF", input: strToU8("GIF89a...."), ruleId: "read/image" },
    { what: "a TIFF", input: withTail(bytes(0x49, 0x49, 0x2a, 0x00)), ruleId: "read/image" },
    { what: "a zip of neither kind", input: zipSync({ "mimetype": strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<x/>") }), ruleId: "read/unknown-package" },
    { what: "a truncated zip", input: zipSync({ "word/document.xml": strToU8("<w:document/>") }).subarray(0, 40), ruleId: "read/corrupt" },
    { what: "binary data with a few NUL bytes", input: withTail(bytes(0x01, 0x00, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a)), ruleId: "read/binary" },
  ];
  it.each(refused)("refuses $what with $ruleId", ({ input, ruleId }) => {
    const detection = detectFormat(input, { file: "input.docx" });
    expect(detection.format).toBeUndefined();
    expect(detection.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([[ruleId, "error", "input.docx"]]);
  });

  it("names the image kind and suggests what to do with a .doc", () => {
    expect(detectFormat(strToU8("GIF87a")).diagnostics[0]!.message).toContain("GIF");
    expect(detectFormat(withTail(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).diagnostics[0]!.hint).toContain("soffice --headless --convert-to docx");
  });

  it("decodes UTF-16 with a byte-order mark and says so, even with no ASCII letter to give NUL bytes", () => {
    const detection = detectFormat(new Uint8Array([0xff, 0xfe, ...utf16le("ỦỶỆỘỨỪỬỮỰ")]));
    expect(detection).toMatchObject({ format: "text", text: "ỦỶỆỘỨỪỬỮỰ" });
    expect(detection.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([["read/utf16", "info"]]);
    expect(detection.diagnostics[0]!.message).toContain("UTF-16");
  });

  it("decodes big-endian UTF-16 without a BOM from its NUL bytes, HTML included", () => {
    const detection = detectFormat(new Uint8Array(Buffer.from("<html><body>Điều 1</body></html>", "utf16le").swap16()));
    expect(detection).toMatchObject({ format: "html", text: "<html><body>Điều 1</body></html>" });
    expect(detection.diagnostics[0]!.message).toContain("big-endian");
  });

  it("refuses invalid UTF-8 naming the offset and line of the first bad byte (a Windows-1258 save)", () => {
    const input = new Uint8Array([...strToU8("Hệ thống\nS"), 0xd0, ...strToU8(" 12")]);
    const [diagnostic] = detectFormat(input).diagnostics;
    expect(diagnostic).toMatchObject({ ruleId: "read/invalid-utf8", severity: "error" });
    expect(diagnostic!.message).toContain("0xD0 at offset 14 (line 2)");
    expect(diagnostic!.hint).toMatch(/Windows-1258.*UTF-8/);
  });

  it("finds an overlong encoding and a lone continuation byte invalid", () => {
    expect(detectFormat(new Uint8Array([0x41, 0xc0, 0xaf])).diagnostics[0]!.message).toContain("offset 1");
    expect(detectFormat(new Uint8Array([0x41, 0x42, 0x80])).diagnostics[0]!.message).toContain("offset 2");
  });
});
