/**
 * The per-agency công văn (spec §10) built from the seed, read back with pdf.js (test/support/pdf-text.ts)
 * and from the PDF objects. Rows are found in content-stream order, where pdfmake writes a table row cell by
 * cell; comparisons drop white space because cells and paragraphs wrap (also after "/" and "-").
 */
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { mkdtemp, mkdir, readdir, readFile, realpath, rm, symlink, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../../src/cli/validate.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import { composeLetterText } from "../../src/letters/letter-text.ts";
import { templateErrorDiagnostic, TemplateError, type LetterWording } from "../../src/letters/templates.ts";
import { DEFAULT_TEMPLATES_DIR, loadLetterWording, templateFile } from "../../src/io/templates.ts";
import { profileLayout } from "../../src/layout/profiles.ts";
import { mmToPt } from "../../src/layout/units.ts";
import { copiesFor, resolveDecision, type AgencyAssignment, type AssignedTask, type ResolvedDecision } from "../../src/resolve/resolve-decision.ts";
import { formatShortDate } from "../../src/model/dates.ts";
import type { Decision } from "../../src/model/schema.ts";
import { summarize } from "../../src/resolve/summary.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { ADDRESSEE_LABEL, NO_DUE_DATE } from "../../src/plan/letter.ts";
import { renderLetterPdf } from "../support/letters.ts";
import { SUBSET_REPERTOIRE } from "../../src/write/pdf/subset-sharing.ts";
import type { AgencyResolver } from "../../src/resolve/resolve-cell.ts";
import { skipReasonFor } from "../support/libreoffice.ts";
import { readPdfObjects, readPdfText, refOf, type PdfText } from "../support/pdf-text.ts";
import { SEED_MODEL_FILE } from "../support/seed.ts";
import { rowAt } from "../support/seed-docx.ts";

const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, "");
const STRESS = "Ỷ ỹ Ữ ữ Ặ ặ Đ đ ẫ ậ ờ";
const INJECTIONS = ["{{constructor}}", "__proto__", "{{#each this}}x{{/each}}"];

let decision: Decision;
let resolved: ResolvedDecision;
let resolver: AgencyResolver;
let ctx: RenderContext;
let wording: LetterWording;
let assignments: readonly AgencyAssignment[];
const pdfs = new Map<string, Uint8Array>();
const texts = new Map<string, PdfText>();
let scratch: string;
let wordByWordPdf: Uint8Array | undefined;
/** The letter to Sở Nội vụ drawn as pdfmake draws it, word by word. */
async function wordByWordLetter(): Promise<Uint8Array> {
  if (!wordByWordPdf) {
    wordByWordPdf = await renderLetterPdf(resolved, assignment("so-noi-vu"), ctx, wording, { lineMerging: false });
  }
  return wordByWordPdf;
}
const rasterSkip = skipReasonFor(["pdftoppm"], "letter rasters through poppler");

function assignment(id: string): AgencyAssignment {
  const found = assignments.find((a) => a.agency.id === id);
  if (!found) throw new Error(`no letter for ${id}`);
  return found;
}

async function letterText(id: string): Promise<PdfText> {
  let text = texts.get(id);
  if (!text) {
    text = await readPdfText(pdfs.get(id)!);
    texts.set(id, text);
  }
  return text;
}

/** A table row as written to the PDF: ref, content, product, the other side's cell, deadline, due date. */
function rowText(task: AssignedTask): string {
  const others = task.role === "lead" ? task.task.support : task.task.lead;
  return squash([task.ref, task.task.content, task.task.product, others, task.task.deadline, task.due ? formatShortDate(task.due) : NO_DUE_DATE].join(""));
}

/** The lines of a page without its page number (pdfmake draws the page header after the body). */
function withoutPageNumber(page: string, number: number): string[] {
  return page.split("\n").filter((line) => line !== "" && line !== String(number));
}

beforeAll(async () => {
  const loaded = await loadAndValidate(SEED_MODEL_FILE);
  decision = loaded.decision!;
  resolved = loaded.resolved!;
  resolver = loaded.env!.resolver;
  // Tinos whatever this machine has installed (the font names are checked below)
  ctx = await createRenderContext(decision.profile, { systemDirs: [] });
  wording = await loadLetterWording();
  assignments = resolved.assignments;
  for (const a of assignments) pdfs.set(a.agency.id, await renderLetterPdf(resolved, a, ctx, wording));
  scratch = await mkdtemp(path.join(tmpdir(), "vanban-letters-"));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("letters of the seed", () => {
  it("gives one letter per distinct resolved agency", () => {
    const { agencies } = summarize(resolved);
    const distinct = agencies.resolved + agencies.unlisted.length;
    expect(assignments.length).toBe(distinct);
    expect(assignments.length).toBe(41);
    expect(new Set(assignments.map((a) => a.agency.id)).size).toBe(assignments.length);
    expect(pdfs.size).toBe(assignments.length);
  });

  it("cites tasks by position: the seed's group numerals repeat (VI twice), so written refs would clash", async () => {
    const refs = resolved.tasks.map((t) => t.ref);
    expect(new Set(refs).size).toBe(refs.length);
    // the second group written "VI" is the seventh group; its first row is cited VII.1, not VI.1
    const second = resolved.tasks.find((t) => t.task.content.startsWith("Kế hoạch ứng dụng công nghệ thông tin"))!;
    expect([second.groups[0]!.group, second.task.number, second.ref]).toEqual(["VI", "1", "VII.1"]);
    expect(assignment("so-thong-tin-va-truyen-thong").lead.map((t) => t.ref)).toContain("VII.1");
    const flat = squash((await letterText("so-thong-tin-va-truyen-thong")).pages.join("\n"));
    expect(flat).toContain(squash(`VII.1${second.task.content}`));
  });

  it("PDF-VERSION: every letter starts with %PDF-1.x, x ≥ 4", () => {
    for (const [id, pdf] of pdfs) {
      const header = /^%PDF-1\.(\d)/.exec(Buffer.from(pdf.subarray(0, 16)).toString("latin1"));
      expect(header, id).not.toBeNull();
      expect(Number(header![1]), id).toBeGreaterThanOrEqual(4);
    }
  });

  it("PDF-FONTS: every font is a Tinos face with its font file embedded", () => {
    for (const id of ["so-noi-vu", "don-vi-su-nghiep-thuoc-tinh"]) {
      const objects = readPdfObjects(pdfs.get(id)!);
      const fonts = [...objects.values()].filter((o) => /\/Type \/Font\b/.test(o.dict) && !/\/Subtype \/CIDFontType2/.test(o.dict));
      const names = fonts.map((font) => /\/BaseFont \/[A-Z]{6}\+(\S+)/.exec(font.dict)?.[1]).sort();
      expect(names, id).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
      for (const font of fonts) {
        expect(font.dict).toMatch(/\/Subtype \/Type0/);
        const descendant = objects.get(refOf(font.dict, "DescendantFonts")!)!;
        const descriptor = objects.get(refOf(descendant.dict, "FontDescriptor")!)!;
        const file = objects.get(refOf(descriptor.dict, "FontFile2")!);
        expect(file, font.dict).toBeDefined();
        expect(file!.streamLength!).toBeGreaterThan(1000);
      }
    }
  });

  it("words that look alike are drawn as one text object per run; the text reads back the same as word by word", async () => {
    const textObjects = (pdf: Uint8Array) =>
      [...readPdfObjects(pdf).values()]
        .filter((o) => o.stream && !/\/Length1|\/Subtype/.test(o.dict))
        .map((o) => (inflateSync(o.stream!).toString("latin1").match(/^BT$/gm) ?? []).length)
        .reduce((a, b) => a + b, 0);
    const wordByWord = await wordByWordLetter();
    const joined = pdfs.get("so-noi-vu")!;
    expect(textObjects(joined)).toBeLessThan(textObjects(wordByWord) / 2);
    const text = async (pdf: Uint8Array) => squash((await readPdfText(pdf)).rawPages.join(""));
    expect(await text(joined)).toBe(await text(wordByWord));
  });

  it(`words drawn as one text object give the same pixels as word by word (poppler, 150 dpi)${rasterSkip}`, async ({ skip }) => {
    if (rasterSkip) skip();
    const pages = async (name: string, pdf: Uint8Array) => {
      const file = path.join(scratch, `${name}.pdf`);
      await writeFile(file, pdf);
      const run = spawnSync("pdftoppm", ["-r", "150", "-gray", file, path.join(scratch, name)]);
      expect(run.status, run.stderr.toString()).toBe(0);
      const names = (await readdir(scratch)).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".pgm")).sort();
      return Promise.all(names.map((f) => readFile(path.join(scratch, f))));
    };
    const [joined, wordByWord] = [await pages("joined", pdfs.get("so-noi-vu")!), await pages("word-by-word", await wordByWordLetter())];
    expect(joined.length).toBeGreaterThan(1);
    expect(joined.length).toBe(wordByWord.length);
    joined.forEach((page, i) => expect(page.equals(wordByWord[i]!), `page ${i + 1}`).toBe(true));
  });

  it("PDF-FONTS: letters share one font subset per face (fixed repertoire), so each font file is the same", () => {
    const fontFiles = (id: string) => {
      const objects = readPdfObjects(pdfs.get(id)!);
      const byName = new Map<string, string>();
      for (const font of objects.values()) {
        const name = /\/Type \/FontDescriptor[\s\S]*\/FontName \/[A-Z]{6}\+(\S+)/.exec(font.dict)?.[1];
        if (!name) continue;
        const file = objects.get(refOf(font.dict, "FontFile2")!)!;
        byName.set(name, createHash("sha256").update(file.stream!).digest("hex"));
      }
      return byName;
    };
    const first = fontFiles("so-noi-vu");
    expect([...first.keys()].sort()).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
    for (const id of ["ubnd-cap-xa", "don-vi-su-nghiep-thuoc-tinh"]) expect(fontFiles(id), id).toEqual(first);
  });

  it("REPRO: metadata from the model, dates from letters.date, the profile named", async () => {
    const { info } = await letterText("so-noi-vu");
    expect(info.CreationDate).toBe("D:20130206000000Z");
    expect(info.ModDate).toBe("D:20130206000000Z");
    expect(info.Title).toBe("V/v Triển khai các nhiệm vụ cải cách hành chính năm 2013 – Sở Nội vụ");
    expect(info.Author).toBe("Ủy ban nhân dân tỉnh Quảng Nam");
    expect(info.Subject).toContain("Sở Nội vụ");
    expect(info.Keywords).toContain("nd30");
    expect(info.Creator).toBe("vanban");
    expect(info.Producer).toContain("vanban");
  });

  it("REPRO: two renders are byte-identical, whatever was drawn before", async () => {
    const again = await renderLetterPdf(resolved, assignment("so-noi-vu"), ctx, wording);
    expect(Buffer.from(again).equals(Buffer.from(pdfs.get("so-noi-vu")!))).toBe(true);
    const last = assignments.at(-1)!;
    expect(Buffer.from(await renderLetterPdf(resolved, last, ctx, wording)).equals(Buffer.from(pdfs.get(last.agency.id)!))).toBe(true);
  });

  it("the shared caches and the fast style lookup give the bytes pdfmake and pdfkit give without them", async () => {
    for (const id of ["so-noi-vu", "ubnd-cap-xa"]) {
      const plain = await renderLetterPdf(resolved, assignment(id), ctx, wording, { sharedCaches: false });
      expect(Buffer.from(plain).equals(Buffer.from(pdfs.get(id)!)), id).toBe(true);
    }
  });
});

describe.each(["so-noi-vu", "so-tai-chinh", "ubnd-tam-ky", "ubnd-cap-xa", "don-vi-su-nghiep-thuoc-tinh"])("letter to %s", (id) => {
  it("header (§10): issuer, number, V/v, Quốc hiệu, Tiêu ngữ, place and date", async () => {
    const [page1] = (await letterText(id)).pages;
    const lines = page1!.split("\n");
    expect(lines.slice(0, 4)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    // the number is left blank for the văn thư
    expect(lines[4]).toMatch(/^Số:\s*\/UBND-NC$/);
    expect(squash(page1!)).toContain(squash("V/v Triển khai các nhiệm vụ cải cách hành chính năm 2013 Quảng Nam, ngày 06 tháng 02 năm 2013"));
  });

  it("RECIP-KG: Kính gửi the agency's addressee, then the opening citing the decision", async () => {
    const a = assignment(id);
    const lines = (await letterText(id)).pages[0]!.split("\n");
    const kg = lines.indexOf(`${ADDRESSEE_LABEL} ${a.agency.addressee}`);
    expect(kg).toBeGreaterThan(4);
    expect(squash(lines.slice(kg + 1).join(" "))).toMatch(
      new RegExp(`^${squash(`Thực hiện Quyết định số 503/QĐ-UBND ngày 06/02/2013 của Ủy ban nhân dân tỉnh Quảng Nam ban hành Kế hoạch cải cách hành chính năm 2013, Ủy ban nhân dân tỉnh giao ${a.agency.addressee}`)}`),
    );
  });

  it("each task the agency leads is a row of the lead table, each it supports a row of the support table, by due date", async () => {
    const a = assignment(id);
    const flat = squash((await letterText(id)).pages.join("\n"));
    const both = a.lead.length > 0 && a.support.length > 0;
    const leadIntro = flat.indexOf(squash(`${both ? "1. " : ""}Chủ trì thực hiện ${String(a.lead.length).padStart(2, "0")} nhiệm vụ sau:`));
    const supportIntro = flat.indexOf(squash(`${both ? "2. " : ""}Phối hợp với cơ quan chủ trì thực hiện ${String(a.support.length).padStart(2, "0")} nhiệm vụ sau:`));
    // the body names the agency as Kính gửi does (its addressee form: "Ủy ban nhân dân thành phố Tam Kỳ")
    const closing = flat.indexOf(squash(`Đề nghị ${a.agency.addressee} khẩn trương`));
    expect(closing).toBeGreaterThan(0);
    // A table and its intro are left out when empty.
    expect(leadIntro >= 0).toBe(a.lead.length > 0);
    expect(supportIntro >= 0).toBe(a.support.length > 0);
    expect(flat.includes(squash("Cơ quan phối hợp"))).toBe(a.lead.length > 0);
    expect(flat.includes(squash("Cơ quan chủ trì"))).toBe(a.support.length > 0);
    const leadEnd = supportIntro >= 0 ? supportIntro : closing;
    let previous = leadIntro;
    for (const task of a.lead) {
      const at = flat.indexOf(rowText(task), previous);
      expect(at, `${task.ref} in the lead table`).toBeGreaterThan(leadIntro);
      expect(at + rowText(task).length, `${task.ref} in the lead table`).toBeLessThanOrEqual(leadEnd);
      previous = at;
    }
    previous = supportIntro;
    for (const task of a.support) {
      const at = flat.indexOf(rowText(task), previous);
      expect(at, `${task.ref} in the support table`).toBeGreaterThan(supportIntro);
      expect(at + rowText(task).length, `${task.ref} in the support table`).toBeLessThanOrEqual(closing);
      previous = at;
    }
  });

  it("PAGE-NUM: the number is centred above the text from page 2 on, never on page 1", async () => {
    const { items, sizes } = await letterText(id);
    items.forEach((page, i) => {
      const top = page.reduce((a, b) => (b.y > a.y ? b : a));
      if (i === 0) {
        expect(top.str).not.toMatch(/^\d+$/);
        return;
      }
      expect(top.str).toBe(String(i + 1));
      // centred over the text width, between the side margins, as Word centres it
      const { left, right } = ctx.layout.page.marginMm;
      const textCentre = (mmToPt(left) + sizes[i]!.width - mmToPt(right)) / 2;
      expect(Math.abs(top.x + top.width / 2 - textCentre)).toBeLessThan(1);
      // in the top margin (20 mm = 56.7 pt), above the first line of text
      expect(sizes[i]!.height - top.y).toBeLessThan(56.7);
    });
  });

  it("APX-TABLE: a page that continues a table opens with that table's header row", async () => {
    const { pages } = await letterText(id);
    const a = assignment(id);
    const text = composeLetterText(resolved, a, wording);
    const tables = {
      lead: { intro: squash(text.leadIntro), heading: squash(text.leadColumns.join("")) },
      support: { intro: squash(text.supportIntro), heading: squash(text.supportColumns.join("")) },
    };
    let continued = 0;
    pages.slice(1).forEach((page, i) => {
      const flat = squash(withoutPageNumber(page, i + 2).join(""));
      const first = [...a.lead, ...a.support]
        .map((task) => ({ task, at: flat.indexOf(rowText(task)) }))
        .filter((found) => found.at >= 0)
        .sort((x, y) => x.at - y.at)[0];
      if (!first) return;
      const table = tables[first.task.role];
      const before = flat.slice(0, first.at);
      // Either the table starts on this page (its intro is above the row) or the page opens with its header row.
      if (before.includes(table.intro)) return;
      expect(before, `page ${i + 2}`).toBe(table.heading);
      continued++;
    });
    if (id === "so-noi-vu") expect(continued).toBeGreaterThan(1);
  });

  it("closing: body ends ./., signature right, Nơi nhận starts - Như trên; and ends - Lưu: VT, NC.", async () => {
    const { pages } = await letterText(id);
    const flat = squash(withoutPageNumber(pages.at(-1)!, pages.length).join("\n"));
    expect(flat).toContain(squash("xem xét, giải quyết./."));
    const letters = decision.letters!;
    // "Như trên" names the addressee: a copy line naming only that agency is left out of its own letter
    const copies = letters.copies.filter((c) => id !== "so-noi-vu" || c !== "Sở Nội vụ (theo dõi);");
    expect(copiesFor(resolved, id)).toEqual(copies);
    const recipients = ["Nơi nhận:", "- Như trên;", ...copies.map((c) => `- ${c}`), `- ${letters.archive}`];
    expect(flat).toContain(squash(recipients.join("")));
    if (id === "so-noi-vu") expect(flat).not.toContain(squash("Sở Nội vụ (theo dõi)"));
    else expect(flat).toContain(squash("- Sở Nội vụ (theo dõi);"));
    expect(flat).toContain(squash(letters.signer.lines.join("")));
    expect(flat.endsWith(squash(letters.signer.name))).toBe(true);
  });
});

describe("content edge cases", () => {
  it("PDF-FONTS: Vietnamese text comes back as the same NFC string (also from NFD input)", async () => {
    const copy = structuredClone(decision);
    const a = assignment("so-tai-chinh");
    const target = a.lead[0]!;
    const task = rowAt(copy, target.path);
    task.content = `Kiểm tra ${STRESS}`;
    task.product = `Sản phẩm ${STRESS.normalize("NFD")}`;
    const edited = resolveDecision(copy, resolver);
    const changed = edited.assignments.find((x) => x.agency.id === "so-tai-chinh")!;
    const text = await readPdfText(await renderLetterPdf(edited, changed, ctx, wording));
    const raw = text.rawPages.join("\n").replace(/\s+/g, " ");
    expect(STRESS).toBe(STRESS.normalize("NFC"));
    expect(raw).toContain(`Kiểm tra ${STRESS}`);
    expect(raw).toContain(`Sản phẩm ${STRESS}`);
    expect(raw).toBe(raw.normalize("NFC"));
  });

  it("PDF-FONTS: a character outside the shared repertoire is added to that letter's subset and reads back", async () => {
    const copy = structuredClone(decision);
    const target = assignment("so-tai-chinh").lead[0]!;
    const odd = "→ ½ ₫ Ω";
    for (const ch of odd.replace(/ /g, "")) expect(SUBSET_REPERTOIRE).not.toContain(ch.codePointAt(0));
    rowAt(copy, target.path).content = `Kiểm tra ${odd}`;
    const edited = resolveDecision(copy, resolver);
    const changed = edited.assignments.find((x) => x.agency.id === "so-tai-chinh")!;
    const pdf = await renderLetterPdf(edited, changed, ctx, wording);
    const raw = (await readPdfText(pdf)).rawPages.join("\n").replace(/\s+/g, " ");
    expect(raw).toContain(`Kiểm tra ${odd}`);
    const regularFile = (bytes: Uint8Array) => {
      const objects = readPdfObjects(bytes);
      const descriptor = [...objects.values()].find((o) => /\/FontName \/[A-Z]{6}\+Tinos-Regular/.test(o.dict))!;
      return objects.get(refOf(descriptor.dict, "FontFile2")!)!.streamLength!;
    };
    expect(regularFile(pdf)).toBeGreaterThan(regularFile(pdfs.get("so-tai-chinh")!));
  });

  it("a task without a due date shows its deadline as written and — for the date, last in its table", async () => {
    const copy = structuredClone(decision);
    const target = assignment("so-y-te").lead[0]!;
    rowAt(copy, target.path).deadline = "Thường xuyên";
    const edited = resolveDecision(copy, resolver);
    const changed = edited.assignments.find((x) => x.agency.id === "so-y-te")!;
    expect(changed.lead.at(-1)!.due).toBeUndefined();
    const flat = squash((await readPdfText(await renderLetterPdf(edited, changed, ctx, wording))).pages.join("\n"));
    const row = rowText(changed.lead.at(-1)!);
    expect(row.endsWith(squash(`Thường xuyên ${NO_DUE_DATE}`))).toBe(true);
    const at = flat.indexOf(row);
    expect(at).toBeGreaterThan(0);
    for (const task of changed.lead.slice(0, -1)) expect(flat.indexOf(rowText(task))).toBeLessThan(at);
  });

  it("HDR-NUMBER: a letter number below 10 gets a leading zero", async () => {
    const copy = structuredClone(decision);
    copy.letters!.number = "7";
    const text = await readPdfText(await renderLetterPdf({ ...resolved, decision: copy }, assignment("so-y-te"), ctx, wording));
    expect(text.pages[0]!.split("\n")).toContain("Số: 07/UBND-NC");
  });

  it("model text that looks like Handlebars is data: it comes out literally", async () => {
    const a = assignment("so-tu-phap");
    const literal = INJECTIONS.join(" ");
    const injected: AgencyAssignment = {
      agency: { ...a.agency, name: `Sở ${literal}`, addressee: `Sở ${literal}` },
      lead: a.lead.map((t, i) => (i === 0 ? { ...t, task: { ...t.task, content: `Nội dung ${literal}` } } : t)),
      support: a.support,
    };
    const flat = squash((await readPdfText(await renderLetterPdf(resolved, injected, ctx, wording))).pages.join("\n"));
    expect(flat).toContain(squash(`Kính gửi: Sở ${literal}`));
    expect(flat).toContain(squash(`giao Sở ${literal} triển khai`));
    expect(flat).toContain(squash(`Nội dung ${literal}`));
    expect(flat).toContain(squash(`Đề nghị Sở ${literal} khẩn trương`));
  });

  it("PAGE-NUM (tt01): the page number moves to the bottom right, still not on page 1", async () => {
    const tt01: RenderContext = { ...ctx, layout: profileLayout("tt01") };
    const { pages } = await readPdfText(await renderLetterPdf(resolved, assignment("so-noi-vu"), tt01, wording));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.trim().split("\n").at(-1)).not.toMatch(/^\d+$/);
    pages.slice(1).forEach((page, i) => {
      const lines = page.trim().split("\n");
      expect(lines.at(-1)).toBe(String(i + 2));
      expect(lines[0]).not.toBe(String(i + 2));
    });
  });
});

describe("templates", () => {
  async function templateCopy(name: string, edit?: (files: Record<string, string>) => Promise<void> | void): Promise<string> {
    const root = path.join(scratch, name);
    await cp(DEFAULT_TEMPLATES_DIR, root, { recursive: true });
    if (edit) {
      const files: Record<string, string> = {};
      await edit(files);
      for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, "letter", file), text);
    }
    return root;
  }

  async function failure(work: Promise<unknown>): Promise<TemplateError> {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }

  it("a copy of the bundled templates gives the same letter", async () => {
    const custom = await loadLetterWording(await templateCopy("same"));
    const pdf = await renderLetterPdf(resolved, assignment("so-noi-vu"), ctx, custom);
    expect(Buffer.from(pdf).equals(Buffer.from(pdfs.get("so-noi-vu")!))).toBe(true);
  });

  it("a user template changes the wording", async () => {
    const root = await templateCopy("custom", (files) => {
      files["closing.hbs"] = "Kính đề nghị {{agency.short}} báo cáo trước {{longDate letter.date}}";
    });
    const text = await readPdfText(await renderLetterPdf(resolved, assignment("so-noi-vu"), ctx, await loadLetterWording(root)));
    // BODY-END is added by the renderer
    expect(squash(text.pages.join(""))).toContain(squash("Kính đề nghị SNV báo cáo trước ngày 06 tháng 02 năm 2013./."));
  });

  it("a template naming a missing field fails at load, before any letter, with a template error that points into the file", async () => {
    const root = await templateCopy("missing-field", async (files) => {
      const original = await readFile(path.join(DEFAULT_TEMPLATES_DIR, "letter", "opening.hbs"), "utf8");
      files["opening.hbs"] = original.replace("{{agency.addressee}}", "{{agency.nmae}}");
    });
    const error = await failure(loadLetterWording(root));
    expect(error.code).toBe("template/field");
    expect(error.message).toBe('"nmae" is not a field of agency');
    expect(error.hint).toContain("name, short, addressee");
    expect(error.where.file).toBe(path.join(await realpath(root), "letter", "opening.hbs"));
    const source = await readFile(path.join(root, "letter", "opening.hbs"), "utf8");
    expect(source.split("\n")[error.where.line! - 1]).toContain("{{agency.nmae}}");
    const diagnostic = templateErrorDiagnostic(error);
    expect(diagnostic).toMatchObject({ ruleId: "template/field", severity: "error", file: error.where.file, start: { line: error.where.line } });
  });

  it("{{constructor}} and __proto__ in a template are missing fields, not prototype access", async () => {
    for (const field of ["constructor", "__proto__", "agency.constructor", "agency.name.length"]) {
      const error = await failure(loadLetterWording(await templateCopy(`proto-${field}`, (files) => void (files["lead-intro.hbs"] = `Chủ trì {{${field}}}`))));
      expect(error.code, field).toBe("template/field");
    }
  });

  it("an unknown helper, a syntax error or a missing file fails at load", async () => {
    const helper = await failure(loadLetterWording(await templateCopy("helper", (f) => void (f["closing.hbs"] = "{{shout agency.name}}"))));
    expect(helper.code).toBe("template/syntax");
    const syntax = await failure(loadLetterWording(await templateCopy("syntax", (f) => void (f["closing.hbs"] = "Đề nghị {{agency.name"))));
    expect(syntax.code).toBe("template/syntax");
    const root = await templateCopy("missing-file");
    await rm(path.join(root, "letter", "closing.hbs"));
    const missing = await failure(loadLetterWording(root));
    expect(missing.code).toBe("template/missing");
    const noDir = await failure(loadLetterWording(path.join(scratch, "does-not-exist")));
    expect(noDir.code).toBe("template/dir");
  });

  it("column templates must give six headings", async () => {
    const custom = await loadLetterWording(await templateCopy("columns", (f) => void (f["lead-columns.hbs"] = "STT\nNội dung\n")));
    const error = await failure(renderLetterPdf(resolved, assignment("so-noi-vu"), ctx, custom));
    expect(error.code).toBe("template/columns");
  });

  it("path traversal out of the template directory is refused", async () => {
    const outside = path.join(scratch, "secret.txt");
    await writeFile(outside, "bí mật {{agency.name}}");
    // a template that is a link to a file outside the directory
    const linked = await templateCopy("link-file");
    await rm(path.join(linked, "letter", "opening.hbs"));
    await symlink(outside, path.join(linked, "letter", "opening.hbs"));
    expect((await failure(loadLetterWording(linked))).code).toBe("template/unsafe-path");
    // letter/ itself a link to a directory outside
    const elsewhere = await templateCopy("elsewhere");
    const linkedDir = path.join(scratch, "link-dir");
    await mkdir(linkedDir);
    await symlink(path.join(elsewhere, "letter"), path.join(linkedDir, "letter"));
    expect((await failure(loadLetterWording(linkedDir))).code).toBe("template/unsafe-path");
    // names never leave letter/
    for (const name of ["../secret", "../../etc/passwd", "/etc/passwd", "opening/../../x"]) {
      expect(() => templateFile(linked, name), name).toThrow(TemplateError);
    }
    expect(templateFile(linked, "opening")).toBe(path.join(linked, "letter", "opening.hbs"));
  });

  it('closing: "(qua Sở Nội vụ)" from letters.reportVia, left out of the letter to Sở Nội vụ and when the model has none', () => {
    expect(decision.letters!.reportVia).toBe("so-noi-vu");
    const closing = (d: Decision, id: string) => composeLetterText({ ...resolved, decision: d }, assignment(id), wording).closing;
    expect(closing(decision, "so-tai-chinh")).toContain("về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để theo dõi");
    expect(closing(decision, "so-noi-vu")).toContain("về Ủy ban nhân dân tỉnh để theo dõi");
    const { reportVia: _reportVia, ...withoutReportVia } = decision.letters!;
    expect(closing({ ...decision, letters: withoutReportVia }, "so-tai-chinh")).toContain("về Ủy ban nhân dân tỉnh để theo dõi");
  });

  it("composeLetterText leaves a table's intro out when the agency has no task in that role", () => {
    const text = composeLetterText(resolved, assignment("don-vi-su-nghiep-thuoc-tinh"), wording);
    expect(text.supportIntro).toBe("");
    expect(text.supportColumns).toEqual([]);
    expect(text.leadIntro).toBe("Chủ trì thực hiện 02 nhiệm vụ sau:");
    expect(text.closing.endsWith("./.")).toBe(true);
  });
});
