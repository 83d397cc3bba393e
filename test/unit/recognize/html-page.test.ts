/** A page saved from a legal-text site, read by the HTML reader and recognized: the same model as from Word. */
import { describe, expect, it } from "vitest";
import type { Group, Row } from "../../../src/model/schema.ts";
import { readSource } from "../../../src/read/read-source.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Quyết định 12/QĐ-UBND</title></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản pháp luật</a></nav>
<div class="content">
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH LÂM ĐỒNG</b><br>-------</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------</td></tr>
<tr><td>Số: 12/QĐ-UBND</td><td><i>Lâm Đồng, ngày 05 tháng 3 năm 2026</i></td></tr></table>
<p align="center"><b>QUYẾT ĐỊNH</b></p>
<p align="center"><b>Ban hành Kế hoạch cải cách hành chính năm 2026</b></p>
<p align="center"><b>ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG</b></p>
<p><i>Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;</i></p>
<p><i>Theo đề nghị của Giám đốc Sở Nội vụ.</i></p>
<p align="center"><b>QUYẾT ĐỊNH:</b></p>
<p><b>Điều 1.</b> Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026 (Phụ lục kèm theo).</p>
<p><b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký./.</p>
<table><tr><td><b><i>Nơi nhận:</i></b><br>- Như Điều 2;<br>- Lưu: VT, NC.</td>
<td><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br>Nguyễn Văn B</b></td></tr></table>
<p align="center"><b>PHỤ LỤC</b></p>
<p align="center"><b>NHIỆM VỤ NĂM 2026</b></p>
<p align="center"><i>(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh)</i></p>
<table border="1">
<tr><th rowspan="2">STT</th><th rowspan="2">Nội dung</th><th colspan="2">Cơ quan thực hiện</th><th rowspan="2">Thời gian</th></tr>
<tr><th>Chủ trì</th><th>Phối hợp</th></tr>
<tr><td>I</td><td colspan="4">CẢI CÁCH THỂ CHẾ</td></tr>
<tr><td>1</td><td>Rà soát văn bản</td><td rowspan="2">Sở Tư pháp</td><td>Các sở</td><td>Quý I</td></tr>
<tr><td>2</td><td>Hệ thống hóa văn bản</td><td>Các huyện</td><td>Quý II</td></tr>
</table>
</div>
<footer>© Cơ sở dữ liệu văn bản</footer>
</body></html>`;

describe("a page saved from a legal-text site", () => {
  const read = readSource(new TextEncoder().encode(PAGE), { name: "qd-12.html" });
  const r = recognizeDocument(read.document!, { file: "qd-12.html" });
  const d = r.decision!;

  it("is recognized without errors, the site's chrome left out", () => {
    expect([...read.diagnostics, ...r.diagnostics].filter((x) => x.severity === "error")).toEqual([]);
    expect(d.issuer.lines).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]);
    expect(d.document).toEqual({ type: "QUYẾT ĐỊNH", typeCode: "QĐ", number: "12", symbol: "QĐ-UBND", date: "2026-03-05" });
    expect(d.authority).toBe("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
  });

  it("reads the articles, the compound signer and the Nơi nhận", () => {
    expect(d.articles.map((a) => a.number)).toEqual(["1", "2"]);
    expect(d.signer).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Nguyễn Văn B" });
    expect(d.recipients).toEqual({ origin: "source", items: ["Như Điều 2;"], archive: "Lưu: VT, NC." });
  });

  it("reads the appendix with its two-row header, a merged group row and a rowspan", () => {
    const [a] = d.appendices;
    expect(a!.columns.map((c) => [c.role, c.label])).toEqual([
      ["number", "STT"],
      ["content", "Nội dung"],
      ["lead", "Cơ quan thực hiện - Chủ trì"],
      ["support", "Cơ quan thực hiện - Phối hợp"],
      ["deadline", "Thời gian"],
    ]);
    const [group] = a!.items as Group[];
    const [first, second] = group!.items as Row[];
    expect(group!.title).toBe("CẢI CÁCH THỂ CHẾ");
    expect(first).toMatchObject({ lead: "Sở Tư pháp", span: { lead: "2" } });
    expect(second).toMatchObject({ number: "2", support: "Các huyện", deadline: "Quý II" });
    expect(second!.lead).toBeUndefined();
  });
});
