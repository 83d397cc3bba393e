/**
 * `checkDocx` on documents laid out the Word way without tables: a công văn whose header and signature
 * are tab-aligned paragraphs (centre tab stops, the lines under the issuer and the Tiêu ngữ as shapes),
 * a header table with Shift+Enter lines and an underlined Tiêu ngữ, and our own decision with an empty
 * spacer row added to its header table. Each valid one passes every rule it shows; each change fails
 * its own rule.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDocx } from "../../../src/check/check-docx.ts";
import type { CheckReport, LayoutRuleId } from "../../../src/check/report.ts";
import { loadTinos } from "../../../src/io/fonts.ts";
import { TextMeasurer } from "../../../src/layout/measure.ts";
import { MOTTO, NATIONAL_NAME } from "../../../src/model/national-motto.ts";
import { buildDecisionFixture } from "../../support/fixture/decision-fixture.ts";
import { packDocx, sectPr } from "../../support/fixture/ooxml-package.ts";

let measurer: TextMeasurer;
beforeAll(async () => {
  measurer = new TextMeasurer(await loadTinos());
});

const STYLES = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>`;
/** The text width of sectPr(): A4 less 30 mm and 15 mm. */
const TEXT_TWIPS = 11906 - 1701 - 850;
const EMU_PER_TWIP = 635;

interface Look {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A run; "\t" is a tab, "\n" a line break (Shift+Enter). */
function run(text: string, look: Look = {}): string {
  const rPr = `${look.bold ? "<w:b/>" : ""}${look.italic ? "<w:i/>" : ""}${look.underline ? '<w:u w:val="single"/>' : ""}${look.size ? `<w:sz w:val="${look.size * 2}"/>` : ""}`;
  const content = text.split(/(\t|\n)/).map((piece) => (piece === "\t" ? "<w:tab/>" : piece === "\n" ? "<w:br/>" : piece === "" ? "" : `<w:t xml:space="preserve">${piece}</w:t>`));
  return `<w:r><w:rPr>${rPr}</w:rPr>${content.join("")}</w:r>`;
}

interface ParagraphOptions {
  tabs?: [kind: string, pos: number][];
  jc?: string;
  before?: number;
  after?: number;
  firstLine?: number;
}

function para(runs: string, o: ParagraphOptions = {}): string {
  const tabs = o.tabs ? `<w:tabs>${o.tabs.map(([kind, pos]) => `<w:tab w:val="${kind}" w:pos="${pos}"/>`).join("")}</w:tabs>` : "";
  const spacing = `<w:spacing w:before="${o.before ?? 0}" w:after="${o.after ?? 0}" w:line="264" w:lineRule="auto"/>`;
  return `<w:p><w:pPr>${tabs}${spacing}${o.firstLine ? `<w:ind w:firstLine="${o.firstLine}"/>` : ""}<w:jc w:val="${o.jc ?? "left"}"/></w:pPr>${runs}</w:p>`;
}

/** A floating straight line `lengthTwips` long, centred at `centreTwips` from the margin. */
function lineShape(id: number, centreTwips: number, lengthTwips: number): string {
  const cx = Math.round(lengthTwips * EMU_PER_TWIP);
  return `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>${Math.round((centreTwips - lengthTwips / 2) * EMU_PER_TWIP)}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="${cx}" cy="0"/><wp:wrapNone/><wp:docPr id="${id}" name="Line ${id}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
}

const widthTwips = (text: string, look: Look) => measurer.widthPt(text, look.size ?? 14, { bold: look.bold ?? false, italic: look.italic ?? false, kern: false }) * 20;

/** A page-numbered A4 section: the PAGE field centred in the default header, none on page 1. */
function pack(body: string): Uint8Array {
  const page = para(`<w:fldSimple w:instr="PAGE">${run("2", { size: 13 })}</w:fldSimple>`, { jc: "center" });
  return packDocx({ styles: STYLES, body: `${body}${sectPr('<w:headerReference w:type="default" r:id="rIdHeader"/><w:titlePg/>')}`, parts: { rIdHeader: { kind: "header", xml: page } } });
}

interface LetterOptions {
  /** where the right column's centre tab stop is */
  rightStop?: number;
  nationalSize?: number;
  /** the Tiêu ngữ set at a left tab stop here instead of the right column's centre stop */
  mottoLeftStop?: number;
  /** the signer's name moved off the signature's centre by this many twips */
  nameOffset?: number;
}

const ISSUER = { size: 13, bold: true };
const LEFT_STOP = 1750;

/** A công văn laid out with tab stops only: header, V/v, Kính gửi, body, Nơi nhận beside the signature. */
function tabAlignedLetter(o: LetterOptions = {}): Uint8Array {
  const right = o.rightStop ?? 6430;
  const national = { size: o.nationalSize ?? 12, bold: true };
  const motto = { size: 13, bold: true };
  const header: ParagraphOptions = { tabs: [["center", LEFT_STOP], ["center", right]], jc: "both" };
  const mottoTabs: ParagraphOptions = o.mottoLeftStop === undefined ? header : { ...header, tabs: [["center", LEFT_STOP], ["left", o.mottoLeftStop]] };
  const closing = { tabs: [["center", 6600]] as [string, number][] };
  const body = { jc: "both", after: 120, firstLine: 720 };
  const issuerWidth = widthTwips("ỦY BAN NHÂN DÂN", ISSUER);
  return pack(
    [
      para(`${run("\t")}${run("ỦY BAN NHÂN DÂN", ISSUER)}${run("\t")}${run(NATIONAL_NAME, national)}`, header),
      para(`${run("\t")}${run("TỈNH QUẢNG NAM", ISSUER)}${run("\t")}${run(MOTTO, motto)}`, mottoTabs),
      para(`${lineShape(1, LEFT_STOP, issuerWidth * 0.4)}${lineShape(2, right, widthTwips(MOTTO, motto))}`, { ...header, after: 0 }),
      para(`${run("\t")}${run("Số: 05/UBND-NC", { size: 13 })}${run("\t")}${run("Quảng Nam, ngày 06 tháng 02 năm 2013", { size: 14, italic: true })}`, { ...header, before: 120 }),
      para(`${run("\t")}${run("V/v triển khai Quy chế mẫu", { size: 12 })}`, { ...header, before: 120 }),
      para(run("Kính gửi: Sở Nội vụ"), { jc: "center", before: 240, after: 120 }),
      para(run("Thực hiện Quyết định số 05/QĐ-UBND ngày 06 tháng 02 năm 2013, Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ triển khai Quy chế làm việc mẫu."), body),
      para(run("Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30 tháng 6 năm 2013./."), body),
      para(`${run("Nơi nhận:", { size: 12, bold: true, italic: true })}${run("\t")}${run("TL. CHỦ TỊCH", { bold: true })}`, { ...closing, before: 120 }),
      para(`${run("- Như trên;", { size: 11 })}${run("\t")}${run("CHÁNH VĂN PHÒNG", { bold: true })}`, closing),
      para(run("- Lưu: VT, NC.", { size: 11 }), closing),
      para("", closing),
      para("", closing),
      para("", closing),
      para(`${run("\t")}${run("Nguyễn Văn An", { bold: true })}`, { tabs: [["center", 6600 + (o.nameOffset ?? 0)]] }),
    ].join(""),
  );
}

const failing = (report: CheckReport) => report.results.filter((r) => r.status === "fail").map((r) => r.ruleId);
const result = (report: CheckReport, id: LayoutRuleId) => report.results.find((r) => r.ruleId === id)!;
const check = (bytes: Uint8Array) => checkDocx(bytes, { profile: "nd30", measurer });

describe("a công văn laid out with tab stops, no tables", () => {
  it("is recognised as a công văn and passes every rule it shows: header, V/v, Kính gửi, signature, Nơi nhận", () => {
    const report = check(tabAlignedLetter());
    expect(report.kind).toBe("letter");
    expect(failing(report)).toEqual([]);
    const evaluated = ["HDR-QH", "HDR-TN", "HDR-TN-LINE", "HDR-ISSUER", "HDR-ISSUER-LINE", "HDR-NUMBER", "HDR-DATE", "TITLE-VV", "BODY-PARA", "BODY-END", "SIGN-PREFIX", "SIGN-TITLE", "SIGN-NAME", "RECIP-LABEL", "RECIP-ITEMS", "RECIP-KG"] as const;
    for (const id of evaluated) expect(result(report, id).status, id).toBe("pass");
    expect(result(report, "HDR-QH").measured).toMatch(/pt wide in a [\d.]+ pt column/);
    expect(result(report, "HDR-ISSUER-LINE").measured).toMatch(/\(40 % of/);
    expect(result(report, "HDR-TN-LINE").measured).toMatch(/\(100 % of/);
    expect(result(report, "SIGN-TITLE").where?.excerpt).toBe("TL. CHỦ TỊCH");
    expect(result(report, "RECIP-LABEL").where?.excerpt).toBe("Nơi nhận:");
    expect(result(report, "BODY-PARA").message).toMatch(/^2 body paragraphs/);
  });

  it("a Tiêu ngữ set at a left tab stop: it and the Quốc hiệu no longer share a centre (both fail), and its line is no longer under it", () => {
    const report = check(tabAlignedLetter({ mottoLeftStop: 5300 }));
    expect(failing(report)).toEqual(["HDR-QH", "HDR-TN", "HDR-TN-LINE"]);
    expect(result(report, "HDR-TN").message).toMatch(/pt right of its column's centre, not centred/);
  });

  it("a Quốc hiệu at 14 pt set too far right runs past the margin: HDR-QH fails, it wraps", () => {
    const report = check(tabAlignedLetter({ nationalSize: 14, rightStop: 6900 }));
    expect(failing(report)).toContain("HDR-QH");
    expect(result(report, "HDR-QH").message).toMatch(/does not fit one line of its cell .*: it wraps/);
  });

  it("the signer's name off the signature's centre: SIGN-NAME fails", () => {
    const report = check(tabAlignedLetter({ nameOffset: 600 }));
    expect(failing(report)).toEqual(["SIGN-NAME"]);
    expect(result(report, "SIGN-NAME").message).toMatch(/right of its column's centre/);
  });
});

describe("a header table as Word users write it", () => {
  /** Issuer and Quốc hiệu each in one paragraph with Shift+Enter, the Tiêu ngữ underlined as its line. */
  function shiftEnterDecision(underlined: boolean): Uint8Array {
    const cell = (width: number, paragraphs: string) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraphs}</w:tc>`;
    const centred: ParagraphOptions = { jc: "center" };
    const left = 3555;
    const table = `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_TWIPS}" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="${left}"/><w:gridCol w:w="${TEXT_TWIPS - left}"/></w:tblGrid>
      <w:tr>${cell(left, para(run("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM", ISSUER), centred))}
      ${cell(TEXT_TWIPS - left, para(run(`${NATIONAL_NAME}`, { size: 12, bold: true }) + run(`\n${MOTTO}`, { size: 13, bold: true, underline: underlined }), centred))}</w:tr>
      <w:tr>${cell(left, para(run("Số: 05/QĐ-UBND", { size: 13 }), { ...centred, before: 120 }))}${cell(TEXT_TWIPS - left, para(run("Quảng Nam, ngày 06 tháng 02 năm 2013", { size: 14, italic: true }), { ...centred, before: 120 }))}</w:tr></w:tbl>`;
    return pack(table);
  }

  it("finds the issuer's lines, the Quốc hiệu and the Tiêu ngữ as lines of their paragraphs; the underline is the Tiêu ngữ's line", () => {
    const report = check(shiftEnterDecision(true));
    for (const id of ["HDR-QH", "HDR-TN", "HDR-TN-LINE", "HDR-ISSUER", "HDR-NUMBER", "HDR-DATE"] as const) expect(result(report, id).status, id).toBe("pass");
    expect(result(report, "HDR-ISSUER").message).toBe("2 line(s) as expected");
    expect(result(report, "HDR-TN-LINE").measured).toMatch(/underline/);
  });

  it("without the underline: no line under the Tiêu ngữ", () => {
    expect(result(check(shiftEnterDecision(false)), "HDR-TN-LINE")).toMatchObject({ status: "fail", message: "no line under the Tiêu ngữ" });
  });

  /** Our own decision with an empty row put between the header table's two rows. */
  async function withSpacerRow(): Promise<Uint8Array> {
    const files = unzipSync(await buildDecisionFixture(measurer, {}));
    const xml = strFromU8(files["word/document.xml"]!);
    const firstRowEnd = xml.indexOf("</w:tr>") + "</w:tr>".length;
    const spacer = '<w:tr><w:tc><w:tcPr><w:tcW w:w="3555" w:type="dxa"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:tcW w:w="5800" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr>';
    files["word/document.xml"] = strToU8(xml.slice(0, firstRowEnd) + spacer + xml.slice(firstRowEnd));
    return zipSync(files);
  }

  it("an empty spacer row in the header table changes nothing: every rule still passes, the date level with Số: in row 3", async () => {
    const report = check(await withSpacerRow());
    expect(report.kind).toBe("decision");
    expect(failing(report)).toEqual([]);
    expect(result(report, "HDR-DATE").status).toBe("pass");
  });
});
