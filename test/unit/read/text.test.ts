/**
 * The text readers on hand-written scrapes: the plain one-paragraph-per-line form with its positions, the
 * thuvienphapluat markdown (wrapped paragraphs, emphasis across wraps, "|"-line tables with their lost spans
 * restored), GitHub-style pipe tables with link noise, and footnote marks paired in order.
 */
import { describe, expect, it } from "vitest";
import type { SourceBlock, SourceDocument, SourceParagraph, SourceTable } from "../../../src/read/source-document.ts";
import { readTextSource } from "../../../src/read/text/read-text.ts";

function read(text: string): SourceDocument {
  const result = readTextSource(text);
  expect(result.diagnostics).toEqual([]);
  return result.document!;
}
const blocksOf = (text: string) => read(text).sections[0]!.blocks;
const cellTexts = (table: SourceTable) => table.rows.map((row) => row.cells.map((cell) => cell.blocks.map((b) => (b as SourceParagraph).text).join("/")));
const spans = (table: SourceTable) => table.rows.map((row) => row.cells.map((cell) => [cell.rowSpan, cell.colSpan]));
const texts = (blocks: readonly SourceBlock[]) => blocks.map((b) => (b.kind === "paragraph" ? b.text : `[table ${b.rows.length}]`));

describe("plain text (one paragraph per line)", () => {
  const seed = "Hệ thống pháp luật\n\nỦY BAN NHÂN DÂN\n  TỈNH QUẢNG NAM\n\n\u00a0\n\nĐiều 1. Ban hành kèm theo *Quyết định* này\nb) bên dưới";

  it("reads every line as a paragraph with its line and column; blank lines separate, a no-break space is kept", () => {
    const blocks = blocksOf(seed) as SourceParagraph[];
    expect(blocks.map((b) => [b.text, b.position])).toEqual([
      ["Hệ thống pháp luật", { line: 1, column: 1 }],
      ["ỦY BAN NHÂN DÂN", { line: 3, column: 1 }],
      ["TỈNH QUẢNG NAM", { line: 4, column: 3 }],
      ["\u00a0", { line: 6, column: 1 }],
      ["Điều 1. Ban hành kèm theo *Quyết định* này", { line: 8, column: 1 }],
      ["b) bên dưới", { line: 9, column: 1 }],
    ]);
    expect(blocks[4]!.runs).toEqual([{ text: "Điều 1. Ban hành kèm theo *Quyết định* này" }]);
  });

  it("gives text in NFC, decomposed letters composed", () => {
    expect(texts(blocksOf("\u0110ie\u0302\u0300u 1"))).toEqual(["\u0110i\u1ec1u 1"]);
  });

  it("reads Windows line ends like Unix ones", () => {
    expect(texts(blocksOf("Số: 12\r\nNgày 1\r\n"))).toEqual(["Số: 12", "Ngày 1"]);
  });
});

describe("thuvienphapluat markdown", () => {
  it("joins the wrapped lines between blank lines into one paragraph, **bold** and *italic* across the wraps", () => {
    const blocks = blocksOf("**I. MỤC\nĐÍCH, YÊU CẦU**\n\nCăn cứ Quyết định số\n912/QĐ-BKHCN của *Bộ Khoa\nhọc*;\nPHÒNG THỦ\n\n**KẾ HOẠCH**\n") as SourceParagraph[];
    expect(blocks.map((b) => b.runs)).toEqual([
      [{ text: "I. MỤC ĐÍCH, YÊU CẦU", bold: true }],
      [{ text: "Căn cứ Quyết định số 912/QĐ-BKHCN của " }, { text: "Bộ Khoa học", italic: true }, { text: "; PHÒNG THỦ" }],
      [{ text: "KẾ HOẠCH", bold: true }],
    ]);
    expect(blocks.map((b) => b.position)).toEqual([
      { line: 1, column: 1 },
      { line: 4, column: 1 },
      { line: 9, column: 1 },
    ]);
  });

  it("without blank lines, tells a wrap (lower case, a number after no final punctuation, an open emphasis) from a new paragraph", () => {
    const blocks = blocksOf("**I. MỤC\nĐÍCH, YÊU CẦU**\n- Triển khai thực hiện Nghị\nquyết số 57-NQ/TW của *Bộ Chính\ntrị* theo Quyết định số\n1569/QĐ-TTg.\n2. Yêu cầu\na) điểm a\nKẾ HOẠCH\n1. Mục tiêu\n") as SourceParagraph[];
    expect(blocks.map((b) => b.runs)).toEqual([
      [{ text: "I. MỤC ĐÍCH, YÊU CẦU", bold: true }],
      [{ text: "- Triển khai thực hiện Nghị quyết số 57-NQ/TW của " }, { text: "Bộ Chính trị", italic: true }, { text: " theo Quyết định số 1569/QĐ-TTg." }],
      [{ text: "2. Yêu cầu" }],
      [{ text: "a) điểm a" }],
      [{ text: "KẾ HOẠCH" }],
      [{ text: "1. Mục tiêu" }],
    ]);
    expect(blocks.map((b) => b.position)).toEqual([
      { line: 1, column: 1 },
      { line: 3, column: 1 },
      { line: 7, column: 1 },
      { line: 8, column: 1 },
      { line: 9, column: 1 },
      { line: 10, column: 1 },
    ]);
  });

  it("without blank lines, goes on below a line that stops at a word no sentence ends on, in upper case too", () => {
    const blocks = blocksOf(
      "**KẾ HOẠCH**\nThực hiện Nghị định số 200/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của\nLuật Phòng thủ dân sự.\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nSở Nội vụ và\nSở Tư pháp\nBan Chỉ đạo của tỉnh\n1. Mục tiêu\n",
    ) as SourceParagraph[];
    expect(blocks.map((b) => [b.text, b.position?.line])).toEqual([
      ["KẾ HOẠCH", 1],
      ["Thực hiện Nghị định số 200/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Phòng thủ dân sự.", 2],
      ["Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", 4],
      ["Sở Nội vụ và Sở Tư pháp", 5],
      // "tỉnh" may end a line, and an item number starts one of its own
      ["Ban Chỉ đạo của tỉnh", 7],
      ["1. Mục tiêu", 8],
    ]);
  });

  it("reads a heading as a paragraph of its own, without its marks; a bare # is nothing", () => {
    const blocks = blocksOf("#\n**Số hiệu:**\n## Văn bản liên quan\nnội dung") as SourceParagraph[];
    expect(blocks.map((b) => [b.text, b.position])).toEqual([
      ["Số hiệu:", { line: 2, column: 1 }],
      ["Văn bản liên quan", { line: 3, column: 4 }],
      ["nội dung", { line: 4, column: 1 }],
    ]);
  });

  const header = ["|", "**ỦY BAN NHÂN", "DÂN**", "TỈNH X", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "|", "|", "Số: 12/KH-UBND", "|", "*X, ngày 18", "tháng 11 năm 2025*", "|", "", "**KẾ HOẠCH**"].join("\n");

  it("reads a table of '|' lines: a cell after each '|', a row closed by '|' '|', the table by a blank line", () => {
    const blocks = blocksOf(header);
    expect(texts(blocks)).toEqual(["[table 2]", "KẾ HOẠCH"]);
    const table = blocks[0] as SourceTable;
    expect(cellTexts(table)).toEqual([
      ["ỦY BAN NHÂN DÂN/TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["Số: 12/KH-UBND", "X, ngày 18 tháng 11 năm 2025"],
    ]);
    expect(table.position).toEqual({ line: 1, column: 1 });
    expect(table.rows[1]!.cells[1]!.position).toEqual({ line: 11, column: 1 });
    expect(table.rows[1]!.cells[1]!.blocks[0]!.position).toEqual({ line: 11, column: 1 });
  });

  const cells = (...rows: string[][]) => ["|", rows.map((row) => row.join("\n|\n")).join("\n|\n|\n"), "|", ""].join("\n");

  it("restores the spans the export dropped: a group title across the table, cells spanning down", () => {
    const text = cells(
      ["**STT**", "**Nội dung**", "**Chủ trì**", "**Phối hợp**"],
      ["**I**", "**CẢI CÁCH THỂ CHẾ**"],
      ["1", "Rà soát văn bản", "Sở Tư pháp", "Các sở"],
      ["Xây dựng quy chế", "Sở Nội vụ", "Các sở"],
      ["2", "Tuyên truyền", "Sở Văn hóa", "Các xã"],
    );
    const table = blocksOf(text)[0] as SourceTable;
    expect(cellTexts(table)).toEqual([
      ["STT", "Nội dung", "Chủ trì", "Phối hợp"],
      ["I", "CẢI CÁCH THỂ CHẾ"],
      ["1", "Rà soát văn bản", "Sở Tư pháp", "Các sở"],
      ["Xây dựng quy chế", "Sở Nội vụ", "Các sở"],
      ["2", "Tuyên truyền", "Sở Văn hóa", "Các xã"],
    ]);
    expect(spans(table)).toEqual([
      [[1, 1], [1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 3]],
      [[2, 1], [1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 1], [1, 1], [1, 1]],
    ]);
  });

  it("reads an empty cell at a row's end from three '|' lines: the empty cell completes the row, then the row ends", () => {
    const text = ["|", "STT", "|", "Nội dung", "|", "Sản phẩm", "|", "|", "1", "|", "Rà soát", "|", "|", "|", "2", "|", "Tuyên truyền", "|", "Kế hoạch", "|", ""].join("\n");
    const table = blocksOf(text)[0] as SourceTable;
    expect(cellTexts(table)).toEqual([
      ["STT", "Nội dung", "Sản phẩm"],
      ["1", "Rà soát", ""],
      ["2", "Tuyên truyền", "Kế hoạch"],
    ]);
    expect(spans(table).flat().every(([rows, columns]) => rows === 1 && columns === 1)).toBe(true);
  });

  it("ends a table at the first text after a full row when the scrape has no blank lines at all", () => {
    const text = ["|", "a", "|", "b", "|", "|", "c", "|", "d", "|", "Điều 2. Sau bảng", "tiếp tục"].join("\n");
    const blocks = blocksOf(text);
    expect(texts(blocks)).toEqual(["[table 2]", "Điều 2. Sau bảng tiếp tục"]);
  });

  it("without blank lines, splits a first row wider than the rows after it: the end of one table glued to the next", () => {
    const text = ["Yêu cầu các sở thực hiện.", "|", "Nơi nhận:", "|", "TM. ỦY BAN NHÂN DÂN", "|", "PHỤ LỤC", "|", "TT", "|", "Nội dung", "|", "Chủ trì", "|", "|", "1", "|", "Rà soát", "|", "Sở Tư pháp", "|", "|", "2", "|", "Tuyên truyền", "|", "Sở Nội vụ", "|", "|", "3", "|", "Tổng kết", "|", "Văn phòng", "|", "Hết"].join("\n");
    const blocks = blocksOf(text);
    expect(texts(blocks)).toEqual(["Yêu cầu các sở thực hiện.", "[table 1]", "PHỤ LỤC", "[table 4]", "Hết"]);
    expect(cellTexts(blocks[1] as SourceTable)).toEqual([["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"]]);
    expect(blocks[2]!.position).toEqual({ line: 7, column: 1 });
    expect(cellTexts(blocks[3] as SourceTable)).toEqual([
      ["TT", "Nội dung", "Chủ trì"],
      ["1", "Rà soát", "Sở Tư pháp"],
      ["2", "Tuyên truyền", "Sở Nội vụ"],
      ["3", "Tổng kết", "Văn phòng"],
    ]);
    expect(blocks[3]!.position).toEqual({ line: 9, column: 1 });
  });

  it("without blank lines, keeps the text between a signature block and the next table out of both: the appendix's heading lines", () => {
    const signature = ["|", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "|", "**TM. ỦY BAN NHÂN", "DÂN **", "CHỦ TỊCH", "Nguyễn Văn A", "|"];
    const heading = ["** **", "**PHỤ LỤC**", "DANH MỤC NHIỆM VỤ", "*(Kèm theo Kế hoạch", "số 9/KH-UBND ngày 18 tháng 11 năm 2025)*"];
    const table = ["|", "**TT**", "|", "**Nội dung**", "|", "**Cơ quan chủ trì**", "|", "|", "**I**", "|", "**NHÓM MỘT**", "|", "|", "1", "|", "Rà soát", "|", "Sở Tư pháp", "|", "|", "2", "|", "Tuyên truyền", "|", "Sở Nội vụ", "|"];
    const blocks = blocksOf([...signature, ...heading, ...table, "Văn bản liên quan"].join("\n"));
    expect(texts(blocks)).toEqual(["[table 1]", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "(Kèm theo Kế hoạch số 9/KH-UBND ngày 18 tháng 11 năm 2025)", "[table 4]", "Văn bản liên quan"]);
    expect(cellTexts(blocks[0] as SourceTable)).toEqual([["Nơi nhận:/- Như trên;/- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN /CHỦ TỊCH/Nguyễn Văn A"]]);
    expect(cellTexts(blocks[4] as SourceTable)[0]).toEqual(["TT", "Nội dung", "Cơ quan chủ trì"]);
    expect(blocks[1]!.position).toEqual({ line: 12, column: 1 });
  });

  it("reads text after the last '|' that no '|' closes as text after the table, not a cell; a lone '|' opens no table", () => {
    const text = ["|", "TT", "|", "Nội dung", "|", "|", "1", "|", "Rà soát", "|", "|", "2", "|", "Kiểm tra", "|", "Quyết định 12/QĐ-UBND năm 2026", "Văn bản liên quan", "|", "Hết"].join("\n");
    const blocks = blocksOf(text);
    expect(texts(blocks)).toEqual(["[table 3]", "Quyết định 12/QĐ-UBND năm 2026", "Văn bản liên quan", "Hết"]);
    expect(cellTexts(blocks[0] as SourceTable)).toEqual([["TT", "Nội dung"], ["1", "Rà soát"], ["2", "Kiểm tra"]]);
    expect(blocks[1]!.position).toEqual({ line: 16, column: 1 });
  });

  it("ends a table without blank lines where more lines follow than a cell holds", () => {
    const body = Array.from({ length: 45 }, (_, k) => `Điều ${k + 1}. Nội dung`);
    const text = ["|", "Số: 12/KH-UBND", "|", "*X, ngày 18 tháng 11 năm 2025*", "|", ...body, "|", "Nơi nhận:", "|", "TM. ỦY BAN NHÂN DÂN", "|"].join("\n");
    const blocks = blocksOf(text);
    expect(blocks).toHaveLength(47);
    expect(cellTexts(blocks[0] as SourceTable)).toEqual([["Số: 12/KH-UBND", "X, ngày 18 tháng 11 năm 2025"]]);
    expect(cellTexts(blocks[46] as SourceTable)).toEqual([["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"]]);
  });
});

describe("pipe tables", () => {
  const text = [
    "Phụ lục I",
    "| STT |  | Tên văn bản | Đơn vị chủ trì |",
    "| --- | --- | --- | --- |",
    "| 1 | 37 | 06/2022/NĐ-CP [Link: https://thuvienphapluat.vn/van-ban/x.aspx] Nghị định | Cục A |",
    "| 2 |  | Điều 17 [JavaScript: LS_Tip_Type_Bookmark_dc] [ID: dc_1] Luật a \\| b | Cục B |",
    "Ghi chú",
  ].join("\n");

  it("reads rows and cells, leaves out the delimiter row and the link noise", () => {
    const blocks = blocksOf(text);
    expect(texts(blocks)).toEqual(["Phụ lục I", "[table 3]", "Ghi chú"]);
    const table = blocks[1] as SourceTable;
    expect(cellTexts(table)).toEqual([
      ["STT", "", "Tên văn bản", "Đơn vị chủ trì"],
      ["1", "37", "06/2022/NĐ-CP Nghị định", "Cục A"],
      ["2", "", "Điều 17 Luật a | b", "Cục B"],
    ]);
    expect(table.position).toEqual({ line: 2, column: 1 });
    expect(table.rows[1]!.cells[2]!.position).toEqual({ line: 4, column: 12 });
  });

  it("reads a short row as one whose leading cells the row above spans down into (a two-row header, an STT over sub-rows)", () => {
    const table = blocksOf(
      [
        "| TT | Chỉ tiêu | Đơn vị chủ trì |  | Thời gian |",
        "| --- | --- | --- | --- | --- |",
        "| Chủ trì | Phối hợp |  |",
        "| 1 | Rà soát | Cục A | Cục B | Quý I |",
        "| 2 | Tuyên truyền | Cục C |  | Quý II |",
        "| Tổng kết | Cục D |  | Quý III |",
        "| Báo cáo | Cục E |  | Quý IV |",
      ].join("\n"),
    )[0] as SourceTable;
    expect(cellTexts(table)).toEqual([
      ["TT", "Chỉ tiêu", "Đơn vị chủ trì", "", "Thời gian"],
      ["Chủ trì", "Phối hợp", ""],
      ["1", "Rà soát", "Cục A", "Cục B", "Quý I"],
      ["2", "Tuyên truyền", "Cục C", "", "Quý II"],
      ["Tổng kết", "Cục D", "", "Quý III"],
      ["Báo cáo", "Cục E", "", "Quý IV"],
    ]);
    expect(spans(table)).toEqual([
      [[2, 1], [2, 1], [1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 1], [1, 1], [1, 1], [1, 1]],
      [[3, 1], [1, 1], [1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 1], [1, 1], [1, 1]],
      [[1, 1], [1, 1], [1, 1], [1, 1]],
    ]);
  });

  it("fills a short first row at its end: nothing above it spans down", () => {
    const table = blocksOf("| STT | Nội dung |\n| --- | --- | --- |\n| 1 | Rà soát | Cục A |")[0] as SourceTable;
    expect(cellTexts(table)).toEqual([["STT", "Nội dung", ""], ["1", "Rà soát", "Cục A"]]);
    expect(table.rows[0]!.cells[2]!.position).toEqual({ line: 1, column: 18 });
  });
});

describe("footnotes", () => {
  it("pairs each mark with the next paragraph starting with it, in order, duplicate numbers included", () => {
    const document = read(["Điều 1 sửa đổi[1] và Điều 2[1].", "", "Điều 3[2] không có chú thích.", "", "[1] Theo Luật 2015.", "", "[1] Theo Nghị định 30."].join("\n"));
    const [first, second] = document.sections[0]!.blocks as SourceParagraph[];
    expect(first!.runs).toEqual([{ text: "Điều 1 sửa đổi" }, { text: "[1]", footnote: 1 }, { text: " và Điều 2" }, { text: "[1]", footnote: 2 }, { text: "." }]);
    expect(second!.runs).toEqual([{ text: "Điều 3[2] không có chú thích." }]);
    expect(document.sections[0]!.blocks).toHaveLength(2);
    expect(document.footnotes.map((f) => [f.id, f.mark, (f.blocks[0] as SourceParagraph).text, f.blocks[0]!.position])).toEqual([
      [1, "1", "Theo Luật 2015.", { line: 5, column: 1 }],
      [2, "1", "Theo Nghị định 30.", { line: 7, column: 1 }],
    ]);
  });
});

it("reports a text without content", () => {
  expect(readTextSource("\n  \n").diagnostics.map((d) => d.ruleId)).toEqual(["read/no-content"]);
});
