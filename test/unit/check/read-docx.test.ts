/**
 * The checker's OOXML reader on hand-written packages: effective formatting through docDefaults (theme
 * fonts), basedOn chains, table styles and toggles; fields simple and complex; inherited headers; line
 * shapes; and typed failures for inputs that are not a readable DOCX.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/read/docx/ooxml/document.ts";
import { DocxReadError, type DocxReadFailure } from "../../../src/read/docx/ooxml/package.ts";
import type { Paragraph } from "../../../src/read/docx/ooxml/paragraphs.ts";
import { packDocx, p, r, sectPr } from "../../support/fixture/ooxml-package.ts";

const STYLES = `
<w:docDefaults>
  <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="720"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Basis"><w:basedOn w:val="Body"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading"><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="Grid"><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblCellMar><w:left w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>`;

const pStyle = (id: string) => `<w:pStyle w:val="${id}"/>`;
const table = (tblPr: string, cellText: string) =>
  `<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr><w:tc>${p(r("left"))}</w:tc><w:tc>${p(r(cellText))}</w:tc></w:tr></w:tbl>`;

function read(body: string, extra: Partial<Parameters<typeof packDocx>[0]> = {}) {
  return readDocx(packDocx({ styles: STYLES, body: `${body}${sectPr()}`, ...extra }));
}

const byText = (paragraphs: readonly Paragraph[], text: string): Paragraph => {
  const found = paragraphs.find((x) => x.text === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
};

describe("effective run and paragraph formatting", () => {
  const doc = read(
    [
      p(r("plain")),
      p(r("body"), pStyle("Body")),
      p(r("basis"), pStyle("Basis")),
      p(r("strong in heading", '<w:rStyle w:val="Strong"/>'), pStyle("Heading")),
      p(r("direct", '<w:b w:val="0"/><w:sz w:val="26"/>'), pStyle("Heading")),
      p(r("hanging"), '<w:ind w:left="720" w:hanging="360"/><w:jc w:val="start"/>'),
      p(r("theme colour", '<w:color w:val="FF0000" w:themeColor="text1"/>')),
      table('<w:tblStyle w:val="Grid"/>', "styled table"),
      table("", "plain table"),
    ].join(""),
    { themeMinorFont: "Cambria" },
  );
  const run = (text: string) => byText(doc.paragraphs, text).runs[0]!.format;
  const para = (text: string) => byText(doc.paragraphs, text).format;

  const runCases = [
    { text: "plain", font: "Cambria", sizeHalfPt: 22, bold: false, italic: false, why: "docDefaults through the theme's minor font" },
    { text: "body", font: "Times New Roman", sizeHalfPt: 28, bold: false, italic: false, why: "paragraph style" },
    { text: "basis", font: "Times New Roman", sizeHalfPt: 28, bold: false, italic: true, why: "basedOn chain: Basis → Body → Normal" },
    { text: "strong in heading", font: "Cambria", sizeHalfPt: 22, bold: false, italic: false, why: "bold in paragraph and character styles toggles off (ECMA-376 17.7.3)" },
    { text: "direct", font: "Cambria", sizeHalfPt: 26, bold: false, italic: false, why: "direct formatting wins over the style" },
    { text: "styled table", font: "Cambria", sizeHalfPt: 24, bold: false, italic: false, why: "table style run properties" },
    { text: "plain table", font: "Cambria", sizeHalfPt: 22, bold: false, italic: false, why: "a table without a style gets the default table style" },
  ];
  it.each(runCases)("$text: $why", ({ text, font, sizeHalfPt, bold, italic }) => {
    const f = run(text);
    expect(f.fonts.ascii).toBe(font);
    expect(f.fonts.hAnsi).toBe(font);
    expect({ sizeHalfPt: f.sizeHalfPt, bold: f.bold, italic: f.italic }).toEqual({ sizeHalfPt, bold, italic });
  });

  it("paragraph formatting: styles over pPrDefault, hanging indents negative, jc start = left", () => {
    expect(para("plain")).toMatchObject({ alignment: "left", spaceAfterTwips: 160, line: 259, lineRule: "auto", firstLineTwips: 0 });
    expect(para("basis")).toMatchObject({ alignment: "both", firstLineTwips: 720 });
    expect(para("hanging")).toMatchObject({ alignment: "left", indentLeftTwips: 720, firstLineTwips: -360 });
  });

  it("a format is held once, frozen, by every run and paragraph that shows it; another look has its own", () => {
    // "plain" and "plain table" show the same run format, in a paragraph of the same format (the table's cell
    // of the default table style adds nothing to either)
    expect(run("plain table")).toBe(run("plain"));
    expect(para("plain table")).toBe(para("plain"));
    expect(run("body")).not.toBe(run("plain"));
    expect(run("body")).toEqual({ ...run("basis"), italic: false });
    for (const format of [run("plain"), para("plain"), run("plain").fonts, para("plain").tabs]) expect(Object.isFrozen(format)).toBe(true);
  });

  it("a theme colour is resolved through the theme (text1 → 000000)", () => {
    expect(run("theme colour").color).toBe("000000");
  });

  it("cell margins: table style chain over the default table style; Word's 108 otherwise", () => {
    const tables = doc.sections[0]!.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(tables.map((t) => t.rows[0]!.cells[1]!.marginsTwips)).toEqual([
      { left: 57, right: 108 },
      { left: 108, right: 108 },
    ]);
    expect(tables[0]!.rows[0]!.cells[1]!.widthTwips).toBe(6000);
  });
});

describe("fields", () => {
  const complex =
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PA</w:instrText></w:r>' +
    '<w:r><w:instrText xml:space="preserve">GE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    '<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
  const simple = '<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>';

  it.each([
    { kind: "complex (instruction split over runs)", xml: complex, instruction: "PAGE \\* MERGEFORMAT", text: "2", resultSize: 26 },
    { kind: "simple", xml: simple, instruction: "PAGE", text: "1", resultSize: 28 },
  ])("$kind: instruction, result text and result size", ({ xml, instruction, text, resultSize }) => {
    const paragraph = read(p(xml)).paragraphs[0]!;
    expect(paragraph.fields.map((f) => f.instruction)).toEqual([instruction]);
    expect(paragraph.text).toBe(text);
    expect(paragraph.fields[0]!.runs.some((run) => run.text === text && run.format.sizeHalfPt === resultSize)).toBe(true);
  });
});

describe("sections, headers and footers", () => {
  it("a section without its own header reference inherits the previous section's; titlePg and pgNumType are read", () => {
    const header = { kind: "header" as const, xml: p(r("h")) };
    const first = { kind: "header" as const, xml: p("") };
    const doc = readDocx(
      packDocx({
        styles: STYLES,
        parts: { rIdH1: header, rIdH2: first },
        body:
          p(r("one"), sectPr('<w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/><w:titlePg/>')) +
          p(r("two")) +
          sectPr('<w:pgNumType w:start="1"/>').replace('<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'),
      }),
    );
    const [one, two] = doc.sections;
    expect(doc.sections).toHaveLength(2);
    expect(one!.titlePage).toBe(true);
    expect(one!.headers.default?.part).toBe("word/rIdH1.xml");
    expect(one!.headers.first?.part).toBe("word/rIdH2.xml");
    expect(two!.headers.default?.part).toBe("word/rIdH1.xml");
    expect(two!.pageNumberStart).toBe(1);
    expect(two!.page).toEqual({ widthTwips: 16838, heightTwips: 11906, orientation: "landscape" });
  });
});

describe("drawn lines", () => {
  const inline = (cx: number) =>
    `<w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="0"/><a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  const vml = '<w:r><w:pict><v:line from="0,0" to="159pt,0" style="position:absolute"/></w:pict></w:r>';
  const alternate = `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${inline(2019300).replace(/^<w:r>|<\/w:r>$/g, "")}</mc:Choice><mc:Fallback>${vml.replace(/^<w:r>|<\/w:r>$/g, "")}</mc:Fallback></mc:AlternateContent></w:r>`;

  it.each([
    { kind: "DrawingML inline line", xml: inline(2019300), lengths: [3180], anchored: false },
    { kind: "VML line", xml: vml, lengths: [3180], anchored: true },
    { kind: "mc:AlternateContent (the Choice only, not its VML fallback)", xml: alternate, lengths: [3180], anchored: false },
  ])("$kind", ({ xml, lengths, anchored }) => {
    const lines = read(p(xml)).paragraphs[0]!.lines;
    expect(lines.map((l) => Math.round(l.lengthTwips))).toEqual(lengths);
    expect(lines[0]!.anchored).toBe(anchored);
  });

  it("a paragraph border keeps its style and the indents it is drawn between", () => {
    const line = read(p("", '<w:pBdr><w:bottom w:val="single" w:sz="6"/></w:pBdr><w:ind w:left="1200" w:right="1201"/>')).paragraphs[0]!;
    expect(line.format.borders.bottom?.style).toBe("single");
    expect([line.format.indentLeftTwips, line.format.indentRightTwips]).toEqual([1200, 1201]);
  });
});

describe("inputs that are not a readable DOCX", () => {
  const docx = packDocx({ body: p(r("x")) + sectPr() });
  /** The package with its document part edited into malformed XML. */
  const malformed = (name: string, edit: (xml: string) => string, message: RegExp) => {
    const files = unzipSync(docx);
    files["word/document.xml"] = strToU8(edit(strFromU8(files["word/document.xml"]!)));
    return [{ name, bytes: zipSync(files), kind: "malformed-xml" as const, message }];
  };
  const ole = (stream: string) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from(stream, "utf16le"), 1024);
    return bytes;
  };
  const cases: { name: string; bytes: Uint8Array; kind: DocxReadFailure; message: RegExp }[] = [
    { name: "empty file", bytes: new Uint8Array(), kind: "empty", message: /empty/ },
    { name: "text file", bytes: strToU8("Số: 503/QĐ-UBND\n"), kind: "not-zip", message: /not a DOCX.*not a zip/ },
    { name: "truncated zip", bytes: docx.slice(0, Math.floor(docx.length / 2)), kind: "corrupt-zip", message: /corrupt or truncated zip/ },
    { name: "zip without word/document.xml", bytes: zipSync({ "notes.txt": strToU8("x") }), kind: "not-docx", message: /no word\/document\.xml/ },
    { name: "XLSX", bytes: zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), kind: "not-docx", message: /XLSX/ },
    { name: "encrypted OLE package", bytes: ole("EncryptionInfo"), kind: "password-protected", message: /password-protected/ },
    { name: "legacy .doc", bytes: ole("WordDocument"), kind: "legacy-doc", message: /legacy Word \.doc/ },
    ...malformed("document.xml cut short", (xml) => xml.slice(0, xml.indexOf("</w:body>")), /word\/document\.xml is not well-formed XML \(line 1: <w:body> is never closed/),
    ...malformed("document.xml cut inside a tag", (xml) => xml.slice(0, xml.indexOf("</w:body>") - 9), /line 1: the part ends inside a tag/),
    ...malformed("a closing tag that closes another", (xml) => xml.replace("</w:p>", "</w:r>"), /line 1: <\/w:r> closes <w:p>/),
    ...malformed("a stray <", (xml) => xml.replace("<w:t", "< w:t"), /a '<' that opens no tag/),
  ];
  it.each(cases)("$name → $kind", ({ bytes, kind, message }) => {
    let error: unknown;
    try {
      readDocx(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocxReadError);
    expect((error as DocxReadError).kind).toBe(kind);
    expect((error as DocxReadError).message).toMatch(message);
  });

  it("a valid package reads, \">\" inside an attribute value and a comment included", () => {
    expect(readDocx(docx).paragraphs.map((x) => x.text)).toEqual(["x"]);
    const files = unzipSync(docx);
    files["word/document.xml"] = strToU8(strFromU8(files["word/document.xml"]!).replace("<w:p>", '<!-- a <note> --><w:p w14:paraId="a>b">'));
    expect(readDocx(zipSync(files)).paragraphs.map((x) => x.text)).toEqual(["x"]);
  });
});
