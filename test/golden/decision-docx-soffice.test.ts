/**
 * The seed DOCX as LibreOffice lays it out (optional: needs soffice, pdftotext and pdfinfo on PATH).
 * Times New Roman is mapped to Tinos (same metrics) through a private fontconfig file, so the result does
 * not depend on the fonts installed on the machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MOTTO, NATIONAL_NAME } from "../../src/model/national-motto.ts";
import { convertToPdf, onPath, skipReasonFor } from "../support/libreoffice.ts";
import { buildSeedDocx } from "../support/seed-docx.ts";

const TOOLS = ["soffice", "pdftotext", "pdfinfo"];
const missing = TOOLS.filter((tool) => !onPath(tool));
const skipReason = skipReasonFor(TOOLS, "decision DOCX through LibreOffice");

let dir: string;

/** Converts DOCX files to PDF in one LibreOffice run with its own profile (no clash with other soffice users). */
function toPdf(docxFiles: string[], run: string): string[] {
  return convertToPdf(docxFiles, mkdtempSync(join(dir, `${run}-`)));
}

const pageCount = (pdf: string): number => Number(/^Pages:\s+(\d+)/m.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1]);

/** The non-blank lines of one page, as pdftotext -layout prints them. */
function pageLines(pdf: string, page: number): string[] {
  const out = spawnSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).stdout;
  return out.split("\n").filter((line) => line.trim() !== "");
}

describe.skipIf(missing.length > 0)(`decision DOCX rendered by LibreOffice${skipReason}`, () => {
  let nd30Pdf: string;
  let nd30AgainPdf: string;
  let tt01Pdf: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vanban-docx-soffice-"));
    const [a, b, t] = await Promise.all([buildSeedDocx("nd30"), buildSeedDocx("nd30"), buildSeedDocx("tt01")]);
    const files = { "nd30.docx": a.bytes, "nd30-again.docx": b.bytes, "tt01.docx": t.bytes };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    // one LibreOffice start for all three (each start costs seconds)
    [nd30Pdf, tt01Pdf, nd30AgainPdf] = toPdf([join(dir, "nd30.docx"), join(dir, "tt01.docx"), join(dir, "nd30-again.docx")], "all") as [string, string, string];
  }, 240_000);

  it("HDR-QH, HDR-TN: the Quốc hiệu and the Tiêu ngữ each stay on one line of page 1", () => {
    const lines = pageLines(nd30Pdf, 1);
    expect(lines.some((line) => line.includes(NATIONAL_NAME)), lines.slice(0, 6).join("\n")).toBe(true);
    expect(lines.some((line) => line.includes(MOTTO)), lines.slice(0, 6).join("\n")).toBe(true);
  });

  it("the page count is the same across two renders", () => {
    const count = pageCount(nd30Pdf);
    expect(count).toBeGreaterThan(2);
    expect(pageCount(nd30AgainPdf)).toBe(count);
  });

  it("PAGE-NUM (nd30): no number on page 1, \"2\" at the top of page 2; PAGE-NUM-APPENDIX: the appendix restarts at 1", () => {
    expect(pageLines(nd30Pdf, 1)[0]!.trim()).not.toMatch(/^\d+$/);
    expect(pageLines(nd30Pdf, 2)[0]!.trim()).toBe("2");
    const pages = pageCount(nd30Pdf);
    const appendixPage = Array.from({ length: pages }, (_, i) => i + 1).find((p) => pageLines(nd30Pdf, p)[0]!.trim() === "PHỤ LỤC");
    expect(appendixPage).toBeDefined();
    expect(pageLines(nd30Pdf, appendixPage! + 1)[0]!.trim()).toBe("2");
  });

  it("PAGE-NUM (tt01): no number on page 1, \"2\" at the bottom right of page 2", () => {
    expect(pageLines(tt01Pdf, 1).at(-1)!.trim()).not.toMatch(/^\d+$/);
    const last = pageLines(tt01Pdf, 2).at(-1)!;
    expect(last.trim()).toBe("2");
    expect(last.length - last.trimStart().length).toBeGreaterThan(60); // right, not centred
    expect(pageLines(tt01Pdf, 2)[0]!.trim()).not.toBe("2");
  });
});
