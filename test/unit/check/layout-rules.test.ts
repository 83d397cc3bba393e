/**
 * `checkDocx` on minimal decisions built with the docx library (test/support/fixture): the valid one
 * passes every rule, each invalid one fails exactly its own rule and no other, whether formatting is
 * written directly or only through styles (a document made in Word).
 */
import { LineRuleType } from "docx";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDocx } from "../../../src/check/check-docx.ts";
import { checkDiagnostics } from "../../../src/check/diagnostics.ts";
import type { CheckReport, LayoutRuleId } from "../../../src/check/report.ts";
import { loadTinos } from "../../../src/io/fonts.ts";
import { TextMeasurer } from "../../../src/layout/measure.ts";
import { buildDecisionFixture, type FixtureOptions } from "../../support/fixture/decision-fixture.ts";

let measurer: TextMeasurer;
beforeAll(async () => {
  measurer = new TextMeasurer(await loadTinos());
});

async function check(options: FixtureOptions): Promise<CheckReport> {
  return checkDocx(await buildDecisionFixture(measurer, options), { profile: options.profile ?? "nd30", measurer });
}

const failing = (report: CheckReport) => report.results.filter((r) => r.status === "fail").map((r) => r.ruleId);
const status = (report: CheckReport, id: LayoutRuleId) => report.results.find((r) => r.ruleId === id)!;

/** Rules the minimal decision cannot show: no parent body, no Phần/Chương, no e-signature, not a công văn. */
const NOT_SHOWN: LayoutRuleId[] = ["HDR-PARENT", "BODY-PART", "SIGN-DIGITAL", "RECIP-KG"];

describe("valid decisions pass every rule", () => {
  it.each([
    { name: "direct formatting, ND30", options: {} },
    { name: "direct formatting, TT01 (page number bottom right)", options: { profile: "tt01" } },
    { name: "styles only (Word-made), ND30", options: { styled: true } },
    { name: "styles only (Word-made), TT01", options: { styled: true, profile: "tt01" } },
  ] satisfies { name: string; options: FixtureOptions }[])("$name", async ({ options }) => {
    const report = await check(options);
    expect(report.kind).toBe("decision");
    expect(failing(report)).toEqual([]);
    expect(report.results.filter((r) => r.status === "not-evaluated").map((r) => r.ruleId)).toEqual(NOT_SHOWN);
    for (const r of report.results.filter((x) => x.status === "pass")) expect(r.expected, r.ruleId).toBeTruthy();
  });

  it("a công văn: V/v and Kính gửi checked; the decision-only parts and the appendix not evaluated", async () => {
    const report = await check({ letter: true });
    expect(report.kind).toBe("letter");
    expect(failing(report)).toEqual([]);
    expect(status(report, "TITLE-VV")).toMatchObject({ status: "pass", where: { excerpt: /^V\/v/ } });
    expect(status(report, "RECIP-KG")).toMatchObject({ status: "pass", where: { excerpt: /^Kính gửi/ } });
    expect(report.results.filter((r) => r.status === "not-evaluated").map((r) => r.ruleId)).toEqual([
      "PAGE-NUM-APPENDIX", "HDR-PARENT", "TITLE-TYPE", "TITLE-SUBJECT", "TITLE-LINE", "BODY-AUTHORITY", "BODY-BASIS", "BODY-DECIDES",
      "BODY-ARTICLE", "BODY-POINT", "BODY-PART", "BODY-APPENDIX-REF", "SIGN-DIGITAL", "APX-HEAD", "APX-TITLE", "APX-REF", "APX-TABLE",
    ]);
  });

  it("the Quốc hiệu and the Tiêu ngữ in one paragraph (Shift+Enter), the Tiêu ngữ underlined as its line: every rule passes", async () => {
    const report = await check({ mottoInOneParagraph: { underlined: true } });
    expect(failing(report)).toEqual([]);
    expect(status(report, "HDR-QH")).toMatchObject({ status: "pass" });
    expect(status(report, "HDR-TN")).toMatchObject({ status: "pass" });
    expect(status(report, "HDR-TN-LINE")).toMatchObject({ status: "pass", measured: /underline/ });
  });

  it("… and without the underline, only HDR-TN-LINE fails: no line under the Tiêu ngữ", async () => {
    const report = await check({ mottoInOneParagraph: { underlined: false } });
    expect(failing(report)).toEqual(["HDR-TN-LINE"]);
  });

  it("HDR-PARENT is evaluated when a parent body stands above the issuer", async () => {
    const report = await check({ parent: ["UBND TỈNH QUẢNG NAM"] });
    expect(failing(report)).toEqual([]);
    expect(status(report, "HDR-PARENT")).toMatchObject({ status: "pass", where: { excerpt: "UBND TỈNH QUẢNG NAM" } });
    expect(status(report, "HDR-ISSUER")).toMatchObject({ status: "pass", where: { excerpt: "SỞ NỘI VỤ" } });
  });
});

interface InvalidCase {
  name: string;
  options: FixtureOptions;
  rule: LayoutRuleId;
  /** where the failure is reported */
  where: { section?: number; excerpt?: RegExp };
  measured: RegExp;
}

const recipientsWithoutArchive = ["- Như Điều 3;", "- CT, các PCT UBND tỉnh."];

const INVALID: InvalidCase[] = [
  { name: "top margin 15 mm", options: { marginsMm: { top: 15, bottom: 20, left: 30, right: 15 } }, rule: "PAGE-MARGIN", where: { section: 1 }, measured: /top 850/ },
  { name: "Arial body runs", options: { edits: { body: { font: "Arial" } } }, rule: "FONT", where: { excerpt: /^Căn cứ/ }, measured: /Arial/ },
  { name: "4 pt between paragraphs", options: { edits: { body: { afterPt: 4 } } }, rule: "BODY-PARA", where: { excerpt: /^Căn cứ/ }, measured: /4 pt to the next/ },
  { name: 'lineRule="exactly" (LineRuleType.EXACTLY)', options: { edits: { body: { lineRule: LineRuleType.EXACTLY } } }, rule: "BODY-PARA", where: { excerpt: /^Căn cứ/ }, measured: /exactly/ },
  { name: "page number in the footer under ND30", options: { pageNumberIn: "footer" }, rule: "PAGE-NUM", where: { section: 1 }, measured: /no PAGE field/ },
  { name: '"V/v" in a Quyết định', options: { subjectLine: "V/v ban hành quy chế làm việc" }, rule: "TITLE-VV", where: { excerpt: /^V\/v/ }, measured: /V\/v ban hành/ },
  { name: 'Nơi nhận without "Lưu: VT"', options: { recipients: recipientsWithoutArchive }, rule: "RECIP-ITEMS", where: { excerpt: /^- CT/ }, measured: /- CT, các PCT UBND tỉnh\./ },
  { name: 'month written "tháng 03"', options: { placeDate: "Quảng Nam, ngày 06 tháng 03 năm 2013" }, rule: "HDR-DATE", where: { excerpt: /tháng 03/ }, measured: /tháng 03/ },
  { name: "Quốc hiệu at 14 pt wraps", options: { edits: { nationalName: { sizePt: 14 } } }, rule: "HDR-QH", where: { excerpt: /^CỘNG HÒA/ }, measured: /14 pt.*292\.07 pt wide in a 279\.2 pt cell/ },
  { name: "Quốc hiệu at 13 pt in a narrow column wraps", options: { edits: { nationalName: { sizePt: 13 } }, columnsTwips: [4055, 5300] }, rule: "HDR-QH", where: { excerpt: /^CỘNG HÒA/ }, measured: /271\.2 pt wide in a 254\.2 pt cell/ },
  { name: "parent body line in bold", options: { parent: ["UBND TỈNH QUẢNG NAM"], edits: { parent: { bold: true } } }, rule: "HDR-PARENT", where: { excerpt: /^UBND/ }, measured: /bold/ },
  { name: "Word-made: căn cứ style not italic", options: { styled: true, edits: { basis: { italic: false } } }, rule: "BODY-BASIS", where: { excerpt: /^Căn cứ/ }, measured: /upright/ },
  { name: "Word-made: body style in Arial", options: { styled: true, edits: { body: { font: "Arial" } } }, rule: "FONT", where: { excerpt: /^Căn cứ/ }, measured: /Arial/ },
  { name: "Word-made: body style left-aligned", options: { styled: true, edits: { body: { alignment: "left" } } }, rule: "BODY-PARA", where: { excerpt: /^Căn cứ/ }, measured: /left/ },
  { name: "công văn: V/v in bold", options: { letter: true, edits: { subjectLine: { bold: true } } }, rule: "TITLE-VV", where: { excerpt: /^V\/v/ }, measured: /bold/ },
  { name: 'công văn: Nơi nhận not starting "- Như trên;"', options: { letter: true, recipients: ["- Như Điều 3;", "- Lưu: VT, NC."] }, rule: "RECIP-KG", where: { excerpt: /^- Như Điều 3/ }, measured: /Như Điều 3/ },
  { name: "Word-made: page number style 11 pt", options: { styled: true, edits: { pageNumber: { sizePt: 11 } } }, rule: "PAGE-NUM", where: { excerpt: /PAGE/ }, measured: /11 pt/ },
];

describe("each invalid decision fails exactly its own rule", () => {
  it.each(INVALID)("$name → $rule", async ({ options, rule, where, measured }) => {
    const report = await check(options);
    expect(failing(report)).toEqual([rule]);
    const result = status(report, rule);
    expect(result.measured).toMatch(measured);
    expect(result.expected).toBeTruthy();
    if (where.section !== undefined) expect(result.where?.section).toBe(where.section);
    if (where.excerpt) expect(result.where?.excerpt).toMatch(where.excerpt);
    const diagnostics = checkDiagnostics(report, "fixture.docx").filter((d) => d.severity === "error");
    expect(diagnostics.map((d) => d.ruleId)).toEqual([rule]);
    expect(diagnostics[0]!.file).toBe("fixture.docx");
  });
});
