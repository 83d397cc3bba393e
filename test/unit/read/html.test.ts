/**
 * The HTML reader on hand-written pages: paragraphs and their look (tags and inline CSS), <br>, alignment,
 * tables with rowspan/colspan and nesting, white space, the charset of a Word "Save as HTML" page, footnotes
 * paired by their links, and the document found among a legal-text site's chrome.
 */
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readHtmlSource } from "../../../src/read/html/read-html.ts";
import type { SourceBlock, SourceDocument, SourceParagraph, SourceTable } from "../../../src/read/source-document.ts";

function read(html: string | Uint8Array): SourceDocument {
  const result = readHtmlSource(typeof html === "string" ? strToU8(html) : html);
  expect(result.diagnostics).toEqual([]);
  return result.document!;
}
const blocksOf = (body: string) => read(`<!doctype html><html><body>${body}</body></html>`).sections[0]!.blocks;
const texts = (blocks: readonly SourceBlock[]) => blocks.map((b) => (b.kind === "paragraph" ? b.text : `[table ${b.rows.length}]`));

describe("paragraphs", () => {
  it("gives runs their look from tags and inline CSS, <br> as \\n, white space collapsed", () => {
    const [para] = blocksOf(
      `<p align="center">  <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>
        <strong><u>Độc lập - Tự do -
        Hạnh phúc</u></strong> <span style="font-style: italic; font-size: 13.0pt">nghiêng</span>
        <span style="text-transform:uppercase;font-weight:400">hoa</span> </p>`,
    ) as SourceParagraph[];
    expect(para!.runs).toEqual([
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true },
      { text: "\n" },
      { text: "Độc lập - Tự do - Hạnh phúc", bold: true, underline: true },
      { text: " " },
      { text: "nghiêng", italic: true, sizePt: 13 },
      { text: " " },
      { text: "hoa", caps: true },
    ]);
    expect(para!.alignment).toBe("center");
    expect(para!.position).toEqual({ path: [{ paragraph: 1 }] });
  });

  it("reads Word's tab spans (mso-tab-count) as tabs", () => {
    const [para] = blocksOf(`<p class=MsoNormal>ỦY BAN NHÂN DÂN<span style='mso-tab-count:2'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>CỘNG HÒA</p>`) as SourceParagraph[];
    expect(para!.text).toBe("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA");
  });

  it("ends paragraphs at block elements, takes text-align from the style or an enclosing block", () => {
    const blocks = blocksOf(`<div align="right"><p class="MsoNormal">Quảng Nam, ngày 06 tháng 02 năm 2013</p></div><h1 style="text-align:justify">Điều 1.</h1>text <i>after</i>`) as SourceParagraph[];
    expect(blocks.map((b) => [b.text, b.alignment, b.style])).toEqual([
      ["Quảng Nam, ngày 06 tháng 02 năm 2013", "right", "MsoNormal"],
      ["Điều 1.", "justify", undefined],
      ["text after", undefined, undefined],
    ]);
  });

  it("gives text in NFC, decomposed letters composed", () => {
    expect(texts(blocksOf("<p>\u0110ie\u0302\u0300u 1</p>"))).toEqual(["\u0110i\u1ec1u 1"]);
  });

  it("numbers the items of an ordered list as a browser shows them (type, start, value)", () => {
    const blocks = blocksOf(`<ol><li>Mục tiêu</li><li>Yêu cầu<ol type="a"><li>chung</li><li>riêng</li></ol></li></ol><ol type="I" start="3"><li>Nhiệm vụ</li><li value="7">Kinh phí</li></ol><ul><li>gạch</li></ul>`);
    expect(texts(blocks)).toEqual(["1. Mục tiêu", "2. Yêu cầu", "a. chung", "b. riêng", "III. Nhiệm vụ", "VII. Kinh phí", "gạch"]);
  });

  it("leaves out scripts, styles, navigation and hidden elements", () => {
    const blocks = blocksOf(`<nav>Trang chủ</nav><script>var x = "Điều 1";</script><style>p{}</style><p>Nội dung</p><p style="display:none">ẩn</p><footer>© site</footer>`);
    expect(texts(blocks)).toEqual(["Nội dung"]);
  });
});

describe("tables", () => {
  const table = `<table>
    <tr><th rowspan="2">STT</th><th colspan="2">Đơn vị</th></tr>
    <tr><td>Chủ trì</td><td>Phối hợp</td></tr>
    <tr><td>1</td><td>Sở Nội vụ<br>Sở Tư pháp</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr>
  </table>`;

  it("keeps rowspan and colspan, and th as bold", () => {
    const [t] = blocksOf(table) as SourceTable[];
    expect(t!.rows.map((row) => row.cells.map((c) => [texts(c.blocks).join("|"), c.rowSpan, c.colSpan]))).toEqual([
      [
        ["STT", 2, 1],
        ["Đơn vị", 1, 2],
      ],
      [
        ["Chủ trì", 1, 1],
        ["Phối hợp", 1, 1],
      ],
      [
        ["1", 1, 1],
        ["Sở Nội vụ\nSở Tư pháp", 1, 1],
        ["[table 1]", 1, 1],
      ],
    ]);
    expect((t!.rows[0]!.cells[0]!.blocks[0] as SourceParagraph).runs).toEqual([{ text: "STT", bold: true }]);
  });

  it("reads a table's caption as a paragraph above it", () => {
    expect(texts(blocksOf("<table><caption>Phụ lục I</caption><tr><td>1</td></tr></table>"))).toEqual(["Phụ lục I", "[table 1]"]);
  });

  it("nests tables and places cells by table, row and cell", () => {
    const [t] = blocksOf(`<p>trước</p>${table}`).slice(1) as SourceTable[];
    expect(t!.position).toEqual({ path: [{ table: 1 }] });
    const inner = t!.rows[2]!.cells[2]!.blocks[0] as SourceTable;
    expect(inner.position).toEqual({ path: [{ table: 1, row: 3, cell: 3 }, { table: 1 }] });
    expect(inner.rows[0]!.cells[1]!.blocks[0]!.position).toEqual({ path: [{ table: 1, row: 3, cell: 3 }, { table: 1, row: 1, cell: 2 }, { paragraph: 1 }] });
  });
});

describe("Word and LibreOffice pages", () => {
  it("decodes by the meta charset (windows-1252) and pairs footnotes with their references", () => {
    const html = `<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head><body lang=EN-US>
      <div class=WordSection1><p class=MsoNormal>Caf\u00e9 law<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference>[1]</span></a> applies.</p></div>
      <div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%">
      <div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title="">[1]</a> Amended in 2013.</p></div></div>
      </body></html>`;
    const document = read(new Uint8Array(Buffer.from(html, "latin1")));
    const [para] = document.sections[0]!.blocks as SourceParagraph[];
    expect(para!.runs).toEqual([{ text: "Café law" }, { text: "[1]", footnote: 1 }, { text: " applies." }]);
    expect(document.footnotes).toHaveLength(1);
    expect(document.footnotes[0]).toMatchObject({ id: 1, mark: "1" });
    expect(texts(document.footnotes[0]!.blocks)).toEqual(["Amended in 2013."]);
    expect(document.sections[0]!.blocks).toHaveLength(1);
  });


  it("reads a page saved as Word's Unicode web page (UTF-16 with a BOM, meta charset=unicode)", () => {
    const html = `<html><head><meta http-equiv=Content-Type content="text/html; charset=unicode"></head><body><p class=MsoNormal>Điều 1.</p></body></html>`;
    const result = readHtmlSource(new Uint8Array([0xff, 0xfe, ...Buffer.from(html, "utf16le")]));
    expect(texts(result.document!.sections[0]!.blocks)).toEqual(["Điều 1."]);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["read/utf16"]);
  });

  it("reads a meta charset=unicode on ASCII-compatible bytes as UTF-8, as browsers do", () => {
    expect(texts(blocksOf(`<meta charset="unicode"><p>Điều 1.</p>`))).toEqual(["Điều 1."]);
  });
});

describe("footnotes", () => {
  it("takes a link showing a number to a heading for no footnote", () => {
    const blocks = blocksOf(`<p>Mục lục: <a href="#dieu_1">1</a></p><p><a name="dieu_1"></a>Điều 1. Phạm vi</p>`);
    expect(texts(blocks)).toEqual(["Mục lục: 1", "Điều 1. Phạm vi"]);
  });

  it("pairs a note that starts with its mark, without a link back", () => {
    const document = read(`<html><body><p>Điều 1<sup><a href="#fn1">1</a></sup>.</p><p id="fn1">1 Đã sửa đổi.</p></body></html>`);
    expect(document.footnotes.map((f) => [f.mark, texts(f.blocks)])).toEqual([["1", ["1 Đã sửa đổi."]]]);
  });
});

describe("the document among a site's chrome", () => {
  const chrome = (inner: string) => `<html><body>
    <div id="top"><a href="/">Trang chủ</a> | <a href="/van-ban">Văn bản pháp luật</a> | Tìm kiếm</div>
    <div class="sidebar"><h3>Văn bản liên quan</h3><ul><li>Quyết định 12/QĐ-UBND về kế hoạch</li><li>Số: 14/2020</li></ul></div>
    <div class="outer"><div class="tabs">Nội dung | Tóm tắt | Lược đồ</div>
      <div class="doc">${inner}</div>
      <div class="share">Chia sẻ: Facebook, Zalo. Ngày đăng: 12/02/2013</div>
    </div>
    <div class="bottom">Bản quyền © Thư viện. Địa chỉ: Hà Nội</div></body></html>`;
  const decision = `<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NAM</b></td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></td></tr>
      <tr><td>Số: 503/QĐ-UBND</td><td><i>Quảng Nam, ngày 06 tháng 02 năm 2013</i></td></tr></table>
      <p align="center"><b>QUYẾT ĐỊNH</b></p><p>Căn cứ Luật Tổ chức HĐND và UBND;</p><p><b>Điều 1.</b> Ban hành kèm theo Quyết định này.</p>
      <table><tr><td><b><i>Nơi nhận:</i></b><br>- Như Điều 3;</td><td><b>TM. ỦY BAN NHÂN DÂN</b></td></tr></table>`;

  it("reads the element that holds the document's marks, not the menus, side bars and notices around it", () => {
    const blocks = read(chrome(decision)).sections[0]!.blocks;
    expect(texts(blocks)).toEqual(["[table 2]", "QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức HĐND và UBND;", "Điều 1. Ban hành kèm theo Quyết định này.", "[table 1]"]);
  });

  it("reads the whole body when no document marks are found", () => {
    expect(texts(read(chrome("<p>Hello</p>")).sections[0]!.blocks)).toContain("Hello");
  });

  it("reads a page nested deeper than browsers nest, keeping the text below that depth", () => {
    const deep = `<html><body>${"<div>".repeat(5000)}<p>Điều 1.</p><p>Điều 2.</p>${"</div>".repeat(5000)}</body></html>`;
    expect(texts(read(deep).sections[0]!.blocks)).toEqual(["Điều 1.Điều 2."]);
  });

  it("reports a page without text", () => {
    expect(readHtmlSource(strToU8("<html><body><script>x()</script></body></html>")).diagnostics.map((d) => d.ruleId)).toEqual(["read/no-content"]);
  });
});
