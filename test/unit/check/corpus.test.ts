/**
 * `checkDocx` on the real documents of ../shared/corpus/docx (see its README), when that folder exists:
 * none crashes, none misses a Quốc hiệu it holds, and the công văn (a tab- and space-aligned header and
 * signature, "V/v" under the number, Kính gửi, TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG) fails only what is wrong
 * with the file itself.
 */
import { strFromU8, unzipSync } from "fflate";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDocx } from "../../../src/check/check-docx.ts";
import type { CheckReport } from "../../../src/check/report.ts";
import { loadTinos } from "../../../src/io/fonts.ts";
import { TextMeasurer } from "../../../src/layout/measure.ts";

const CORPUS = path.resolve("../shared/corpus/docx");
const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith(".docx")).sort() : [];
if (!present) console.warn(`corpus check tests skipped: ${CORPUS} is absent`);

const reports = new Map<string, CheckReport>();
let measurer: TextMeasurer;
beforeAll(async () => {
  measurer = new TextMeasurer(await loadTinos());
});

const reportOf = (file: string): CheckReport => {
  let report = reports.get(file);
  if (!report) reports.set(file, (report = checkDocx(new Uint8Array(readFileSync(path.join(CORPUS, file))), { profile: "nd30", measurer })));
  return report;
};
const failing = (report: CheckReport) => report.results.filter((r) => r.status === "fail").map((r) => r.ruleId);

describe.skipIf(!present)("vanban check on the corpus DOCX", () => {
  it.each(files)("%s: checked without a crash, and a Quốc hiệu it holds is found", (file) => {
    const report = reportOf(file);
    const documentXml = unzipSync(new Uint8Array(readFileSync(path.join(CORPUS, file))), { filter: (entry) => entry.name === "word/document.xml" })["word/document.xml"]!;
    const text = strFromU8(documentXml).replace(/<[^>]+>/g, "").normalize("NFC");
    const holdsNationalName = /CỘNG\s*H(ÒA|OÀ)\s*XÃ\s*HỘI\s*CHỦ\s*NGHĨA\s*VIỆT\s*NAM/iu.test(text);
    const national = report.results.find((r) => r.ruleId === "HDR-QH")!;
    if (holdsNationalName) expect(national.message).not.toMatch(/no Quốc hiệu/);
  });

  const letters = files.filter((f) => /^CV[-_]/.test(f));
  it.each(letters)("%s (a công văn laid out with tabs and spaces): its header and signature pass; what fails is the file's own", (file) => {
    const report = reportOf(file);
    expect(report.kind).toBe("letter");
    // failed before the check read tab-aligned headers and signatures: each part found, measured, passing
    const passing = ["HDR-QH", "HDR-TN", "HDR-TN-LINE", "HDR-ISSUER", "HDR-ISSUER-LINE", "HDR-NUMBER", "HDR-DATE", "TITLE-VV", "BODY-PARA", "BODY-END", "SIGN-PREFIX", "SIGN-TITLE", "SIGN-NAME", "RECIP-LABEL", "RECIP-KG"];
    for (const id of passing) expect(report.results.find((r) => r.ruleId === id)!.status, id).toBe("pass");
    // real faults of the file: margins a twip past the range, a run not in NFC, no page number, an archive line not ending "."
    expect(failing(report)).toEqual(["PAGE-MARGIN", "FONT", "PAGE-NUM", "RECIP-ITEMS"]);
  });
});
