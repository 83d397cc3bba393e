/**
 * The DOCX reader on hand-written packages: spans and their look (style inheritance included), line breaks
 * and tabs, merged cells as spans, nested tables, text boxes read once, fields by their result, footnotes,
 * sections, and the limits on what a package may inflate to.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocxSource } from "../../../src/read/docx/read-docx.ts";
import type { SourceDocument, SourceParagraph, SourceTable } from "../../../src/read/source-document.ts";
import { docxOf, p, r, tbl, tc, tr, type DocxParts } from "./support/docx-package.ts";

const A4 = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr>';

function read(parts: DocxParts): SourceDocument {
  const result = readDocxSource(docxOf(parts));
  expect(result.diagnostics).toEqual([]);
  return result.document!;
}

const blocksOf = (body: string, extra: Omit<DocxParts, "body"> = {}) => read({ body: body + A4, ...extra }).sections[0]!.blocks;
const onlyParagraph = (body: string, extra: Omit<DocxParts, "body"> = {}) => blocksOf(body, extra)[0] as SourceParagraph;

describe("paragraphs", () => {
  it("keeps line breaks (w:br, Shift+Enter) as \\n and tabs as \\t inside the text", () => {
    const para = onlyParagraph(p('<w:r><w:t>ỦY BAN NHÂN DÂN</w:t><w:br/><w:t>TỈNH LÂM ĐỒNG</w:t><w:tab/><w:t>Số: 12</w:t><w:cr/></w:r>'));
    expect(para.text).toBe("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\tSố: 12\n");
    expect(para.position).toEqual({ part: "word/document.xml", path: [{ paragraph: 1 }] });
  });

  it("gives each span its look: bold, italic, underline, caps and size; runs that look alike are one span", () => {
    const para = onlyParagraph(
      p(
        [
          r("Độc lập", '<w:b/><w:u w:val="single"/><w:sz w:val="28"/>'),
          r(" - Tự do", '<w:b/><w:u w:val="single"/><w:sz w:val="28"/>'),
          r(" nghiêng", '<w:i/><w:u w:val="none"/><w:sz w:val="28"/>'),
          r(" hoa", '<w:caps/><w:sz w:val="26"/>'),
        ].join(""),
        '<w:jc w:val="center"/>',
      ),
    );
    expect(para.runs).toEqual([
      { text: "Độc lập - Tự do", bold: true, underline: true, sizePt: 14 },
      { text: " nghiêng", italic: true, sizePt: 14 },
      { text: " hoa", caps: true, sizePt: 13 },
    ]);
    expect(para.alignment).toBe("center");
  });

  it("inherits the look of the paragraph style and names the style", () => {
    const styles = [
      '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>',
      '<w:style w:type="paragraph" w:styleId="Motto"><w:name w:val="Tieu ngu"/><w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:b/><w:u/></w:rPr></w:style>',
    ].join("");
    const para = onlyParagraph(p(r("Hạnh phúc") + r(" thường", '<w:b w:val="0"/><w:u w:val="none"/>'), '<w:pStyle w:val="Motto"/>'), { styles });
    expect(para).toMatchObject({ style: "Tieu ngu", alignment: "justify" });
    expect(para.runs).toEqual([
      { text: "Hạnh phúc", bold: true, underline: true, sizePt: 13 },
      { text: " thường", sizePt: 13 },
    ]);
  });

  it("shows a field's result, not its instruction (complex and simple fields)", () => {
    const complex = ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("3"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'].join("");
    const simple = `<w:fldSimple w:instr=" DATE \\@ &quot;dd/MM/yyyy&quot; ">${r("06/02/2013")}</w:fldSimple>`;
    const para = onlyParagraph(p(r("Trang ") + complex + r(", ngày ") + simple));
    expect(para.text).toBe("Trang 3, ngày 06/02/2013");
  });

  it("shows nothing of a field nested in another field's code, only the outer result", () => {
    const char = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
    const nested = [char("begin"), instr(" IF "), char("begin"), instr(" PAGE "), char("separate"), r("7"), char("end"), instr(' = 1 "một" "nhiều" '), char("separate"), r("nhiều"), char("end")].join("");
    expect(onlyParagraph(p(r("Trang ") + nested)).text).toBe("Trang nhiều");
  });

  it("gives text in NFC, decomposed letters composed", () => {
    expect(onlyParagraph(p(r("\u0110ie\u0302\u0300u 1"))).text).toBe("\u0110i\u1ec1u 1");
  });

  it("leaves out hidden text and deleted revisions, keeps inserted ones", () => {
    const para = onlyParagraph(p(r("Điều 1.") + r(" ẩn", "<w:vanish/>") + `<w:del><w:r><w:delText> cũ</w:delText></w:r></w:del>` + `<w:ins>${r(" mới")}</w:ins>`));
    expect(para.text).toBe("Điều 1. mới");
  });
});

describe("tables", () => {
  const grid = tbl(
    3,
    tr(tc(p(r("STT")), '<w:gridSpan w:val="2"/>'), tc(p(r("Chủ trì")))),
    tr(tc(p(r("I")), '<w:vMerge w:val="restart"/>'), tc(p(r("a"))), tc(p(r("Sở Nội vụ")))),
    tr(tc(p(""), "<w:vMerge/>"), tc(p(r("b"))), tc(p(r("Sở Tư pháp")))),
  );

  it("turns gridSpan into colSpan and a vMerge run into one cell with a rowSpan", () => {
    const table = blocksOf(grid)[0] as SourceTable;
    const shape = table.rows.map((row) => row.cells.map((cell) => [(cell.blocks[0] as SourceParagraph).text, cell.rowSpan, cell.colSpan]));
    expect(shape).toEqual([
      [
        ["STT", 1, 2],
        ["Chủ trì", 1, 1],
      ],
      [
        ["I", 2, 1],
        ["a", 1, 1],
        ["Sở Nội vụ", 1, 1],
      ],
      [
        ["b", 1, 1],
        ["Sở Tư pháp", 1, 1],
      ],
    ]);
  });

  it("fills the grid columns a row leaves empty (w:gridBefore, a short row) with an empty cell", () => {
    const ragged = tbl(3, tr(tc(p(r("a"))), tc(p(r("b"))), tc(p(r("c")))), `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r("d")))}</w:tr>`);
    const table = blocksOf(ragged)[0] as SourceTable;
    expect(table.rows[1]!.cells.map((c) => [c.blocks.length, c.colSpan, (c.position as { path: unknown[] }).path.at(-1)])).toEqual([
      [0, 1, { table: 1, row: 2, cell: 0 }],
      [1, 1, { table: 1, row: 2, cell: 1 }],
      [0, 1, { table: 1, row: 2, cell: 2 }],
    ]);
  });

  it("places every cell and its blocks by table, row and cell", () => {
    const table = blocksOf(p(r("trước")) + grid)[1] as SourceTable;
    expect(table.position).toEqual({ part: "word/document.xml", path: [{ table: 1 }] });
    const cell = table.rows[2]!.cells[1]!;
    expect(cell.position).toEqual({ part: "word/document.xml", path: [{ table: 1, row: 3, cell: 3 }] });
    expect(cell.blocks[0]!.position).toEqual({ part: "word/document.xml", path: [{ table: 1, row: 3, cell: 3 }, { paragraph: 1 }] });
  });

  it("reads rows and cells inside content controls (a repeating section)", () => {
    const sdt = (content: string) => `<w:sdt><w:sdtPr/><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const table = blocksOf(tbl(2, tr(tc(p(r("STT"))), tc(p(r("Nội dung")))), sdt(tr(tc(p(r("1"))), sdt(tc(p(r("Rà soát"))))))))[0] as SourceTable;
    expect(table.rows.map((row) => row.cells.map((c) => (c.blocks[0] as SourceParagraph).text))).toEqual([
      ["STT", "Nội dung"],
      ["1", "Rà soát"],
    ]);
  });

  it("reads a table nested in a cell as a table block of that cell", () => {
    const nested = tbl(1, tr(tc(p(r("Nơi nhận")) + tbl(2, tr(tc(p(r("x"))), tc(p(r("y"))))))));
    const cell = (blocksOf(nested)[0] as SourceTable).rows[0]!.cells[0]!;
    expect(cell.blocks.map((b) => b.kind)).toEqual(["paragraph", "table"]);
    const inner = cell.blocks[1] as SourceTable;
    expect(inner.position).toEqual({ part: "word/document.xml", path: [{ table: 1, row: 1, cell: 1 }, { table: 1 }] });
    expect(inner.rows[0]!.cells.map((c) => (c.blocks[0] as SourceParagraph).text)).toEqual(["x", "y"]);
  });
});

describe("text boxes", () => {
  const box = (text: string) => `<w:txbxContent>${p(r(text))}</w:txbxContent>`;
  const drawing = (text: string) =>
    `<w:drawing><wp:anchor><wp:extent cx="100" cy="100"/><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box(text)}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;

  it("reads a text box once, after its anchor paragraph, though both mc:AlternateContent branches hold it", () => {
    const run = `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing("Số: 12/QĐ-UBND")}</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box("Số: 12/QĐ-UBND")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const blocks = blocksOf(p(r("Neo") + run) + p(r("sau")));
    expect(blocks.map((b) => (b as SourceParagraph).text)).toEqual(["Neo", "Số: 12/QĐ-UBND", "sau"]);
    expect(blocks[1]!.position).toEqual({ part: "word/document.xml", path: [{ paragraph: 1 }, { textbox: 1 }, { paragraph: 1 }] });
  });

  it("reads a VML text box (w:pict alone)", () => {
    const blocks = blocksOf(p(`<w:r><w:pict><v:shape><v:textbox>${box("Dự thảo")}</v:textbox></v:shape></w:pict></w:r>`));
    expect(blocks.map((b) => (b as SourceParagraph).text)).toEqual(["", "Dự thảo"]);
  });
});

describe("footnotes", () => {
  it("numbers footnotes in order of reference and keeps their text, without Word's separators", () => {
    const footnotes = [
      '<w:footnote w:type="separator" w:id="-1">' + p("<w:r><w:separator/></w:r>") + "</w:footnote>",
      '<w:footnote w:type="continuationSeparator" w:id="0">' + p("<w:r><w:continuationSeparator/></w:r>") + "</w:footnote>",
      `<w:footnote w:id="7">${p('<w:r><w:footnoteRef/></w:r>' + r(" Đã sửa đổi"))}</w:footnote>`,
      `<w:footnote w:id="4">${p('<w:r><w:footnoteRef/></w:r>' + r(" Bãi bỏ"))}</w:footnote>`,
    ].join("");
    const ref = (id: string) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const document = read({ body: p(r("Điều 1") + ref("4")) + p(r("Điều 2") + ref("7")) + A4, footnotes });
    const paragraphs = document.sections[0]!.blocks as SourceParagraph[];
    expect(paragraphs[0]!.runs.at(-1)).toMatchObject({ text: "1", footnote: 1 });
    expect(paragraphs[1]!.text).toBe("Điều 22");
    expect(document.footnotes.map((f) => [f.id, f.mark, (f.blocks[0] as SourceParagraph).text])).toEqual([
      [1, "1", " Bãi bỏ"],
      [2, "2", " Đã sửa đổi"],
    ]);
    expect(document.footnotes[0]!.blocks[0]!.position).toEqual({ part: "word/footnotes.xml", path: [{ footnote: 1 }, { paragraph: 1 }] });
  });
});

describe("sections", () => {
  it("gives every section its page size, orientation and margins in millimetres", () => {
    const landscape = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134"/></w:sectPr>';
    const document = read({ body: p(r("Quyết định"), A4) + p(r("Phụ lục")) + landscape });
    expect(document.sections.map((s) => s.page)).toEqual([
      { widthMm: 210, heightMm: 297, orientation: "portrait", marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } },
      { widthMm: 297, heightMm: 210, orientation: "landscape", marginsMm: { top: 20, bottom: 20, left: 20, right: 15 } },
    ]);
    expect(document.sections.map((s) => s.blocks.map((b) => (b as SourceParagraph).text))).toEqual([["Quyết định"], ["Phụ lục"]]);
  });
});

describe("packages that are not read", () => {
  /** A package whose central directory says word/document.xml inflates to `declared` bytes. */
  function declaring(declared: number): Uint8Array {
    const bytes = docxOf({ body: p(r("x")) });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8("word/document.xml");
    for (let at = 0; at < bytes.length - 46; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue; // central directory file header
      const nameLength = view.getUint16(at + 28, true);
      if (nameLength === name.length && name.every((b, i) => bytes[at + 46 + i] === b)) view.setUint32(at + 24, declared, true);
    }
    return bytes;
  }

  it("refuses a part whose stated size is over the limit before inflating it", () => {
    const result = readDocxSource(declaring(0xfff0_0000));
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["read/too-large"]);
    expect(result.diagnostics[0]!.message).toContain("word/document.xml");
  });

  it("refuses a part that inflates far more than XML does (a zip bomb)", () => {
    const bomb = zipSync({ "_rels/.rels": strToU8("<Relationships/>"), "word/document.xml": new Uint8Array(8 * 1024 * 1024).fill(0x20) });
    expect(readDocxSource(bomb).diagnostics.map((d) => d.ruleId)).toEqual(["read/too-large"]);
  });

  it("reports a malformed part as a corrupt DOCX", () => {
    const broken = zipSync({ "word/document.xml": strToU8("<w:document><w:body><w:p></w:body>") });
    expect(readDocxSource(broken).diagnostics.map((d) => d.ruleId)).toEqual(["read/corrupt"]);
  });
});

describe("a DOCX written by the docx package", () => {
  it("reads its header table, Shift+Enter breaks, underline, footnote and landscape section", async () => {
    const { Document, Footnote, FootnoteReferenceRun, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, AlignmentType } = await import("docx");
    const cell = (...runs: InstanceType<typeof TextRun>[]) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: runs })] });
    const document = new Document({
      footnotes: { 1: { children: [new Paragraph("Đã sửa đổi")] } },
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell(new TextRun({ text: "ỦY BAN NHÂN DÂN" }), new TextRun({ text: "TỈNH QUẢNG NAM", bold: true, break: 1 })),
                    cell(new TextRun({ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true }), new TextRun({ text: "Độc lập - Tự do - Hạnh phúc", bold: true, underline: { type: UnderlineType.SINGLE }, break: 1 })),
                  ],
                }),
              ],
            }),
            new Paragraph({ children: [new TextRun("Điều 1."), new FootnoteReferenceRun(1)] }),
          ],
        },
        { properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE } } }, children: [new Paragraph("PHỤ LỤC")] },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const result = readDocxSource(bytes);
    expect(result.diagnostics).toEqual([]);
    const [first, second] = result.document!.sections;
    const table = first!.blocks[0] as SourceTable;
    const motto = table.rows[0]!.cells[1]!.blocks[0] as SourceParagraph;
    expect(motto.text).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
    expect(motto.runs.map((r) => [r.text, r.bold ?? false, r.underline ?? false])).toEqual([
      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false],
      ["\nĐộc lập - Tự do - Hạnh phúc", true, true],
    ]);
    expect(motto.alignment).toBe("center");
    expect((first!.blocks[1] as SourceParagraph).runs.at(-1)).toMatchObject({ footnote: 1 });
    expect(result.document!.footnotes.map((f) => (f.blocks[0] as SourceParagraph).text)).toEqual(["Đã sửa đổi"]);
    expect(second!.page).toMatchObject({ widthMm: 297, heightMm: 210, orientation: "landscape" });
  });
});

describe("automatic list numbers", () => {
  const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  </w:numbering>`;
  const numPr = (numId: string, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  it("shows the label Word draws before a numbered paragraph, counters advancing and restarting by level", () => {
    const body = [
      p(r("Mục tiêu"), numPr("1")),
      p(r("chung"), numPr("1", 1)),
      p(r("cụ thể"), numPr("1", 1)),
      p(r("Yêu cầu"), numPr("1")),
      p(r("đầu tiên"), numPr("1", 1)),
      p(r("NHIỆM VỤ"), numPr("2")),
      p(r("ý"), numPr("3")),
      p(r("không số"), numPr("0")),
    ].join("");
    const bytes = docxOf({ body: body + A4 });
    const files = unzipSync(bytes);
    files["word/numbering.xml"] = strToU8(numbering);
    const document = readDocxSource(zipSync(files)).document!;
    expect((document.sections[0]!.blocks as SourceParagraph[]).map((b) => b.text)).toEqual([
      "1.\tMục tiêu",
      "a) chung",
      "b) cụ thể",
      "2.\tYêu cầu",
      "a) đầu tiên",
      "IV.\tNHIỆM VỤ",
      "•\tý",
      "không số",
    ]);
  });

  it("numbers paragraphs whose style is numbered, unless they leave the list with numId 0", () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Dieu"><w:name w:val="Điều"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>';
    const body = [p(r("Phạm vi"), '<w:pStyle w:val="Dieu"/>'), p(r("Ngoài"), `<w:pStyle w:val="Dieu"/>${numPr("0")}`), p(r("Hiệu lực"), '<w:pStyle w:val="Dieu"/>')].join("");
    const files = unzipSync(docxOf({ body: body + A4, styles }));
    files["word/numbering.xml"] = strToU8(numbering);
    const document = readDocxSource(zipSync(files)).document!;
    expect((document.sections[0]!.blocks as SourceParagraph[]).map((b) => b.text)).toEqual(["IV.\tPhạm vi", "Ngoài", "V.\tHiệu lực"]);
  });

  it("numbers the STT cells of a table numbered as a list", () => {
    const row = (text: string) => tr(tc(p("", numPr("1"))), tc(p(r(text))));
    const bytes = docxOf({ body: tbl(2, row("Rà soát"), row("Tuyên truyền")) + A4 });
    const files = unzipSync(bytes);
    files["word/numbering.xml"] = strToU8(numbering);
    const table = readDocxSource(zipSync(files)).document!.sections[0]!.blocks[0] as SourceTable;
    expect(table.rows.map((row) => (row.cells[0]!.blocks[0] as SourceParagraph).text)).toEqual(["1.\t", "2.\t"]);
  });
});
