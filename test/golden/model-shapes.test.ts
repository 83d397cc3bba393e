/**
 * The shapes schema 2 can hold, built from edited copies of the seed, resolved, planned and written, then read
 * back: DOCX as XML (test/support/docx-xml.ts; every decision DOCX also passes `vanban check`), PDF as text
 * (test/support/pdf-text.ts), XLSX through exceljs.
 * Each test renders only the formats its shape needs.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDocx } from "../../src/check/check-docx.ts";
import { checkDiagnostics } from "../../src/check/diagnostics.ts";
import { loadLetterWording } from "../../src/io/templates.ts";
import type { LetterWording } from "../../src/letters/templates.ts";
import type { Appendix, Column, Decision, Group, Row } from "../../src/model/schema.ts";
import { composeDecisionPlan } from "../../src/plan/decision.ts";
import { ADDRESSEE_LABEL } from "../../src/plan/letter.ts";
import type { AgencyAssignment, ResolvedDecision } from "../../src/resolve/resolve-decision.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import { writePdf } from "../../src/write/pdf/write-pdf.ts";
import { renderAppendixXlsx } from "../../src/write/xlsx/appendix-xlsx.ts";
import { openDocx, paragraphsOf, readCoreProperties, readDocument, tablesOf, type DocxDocument, type RowInfo, type SectionInfo, type TableInfo } from "../support/docx-xml.ts";
import { renderLetterPdf } from "../support/letters.ts";
import { readPdfText, type PdfText } from "../support/pdf-text.ts";
import { loadSeed, seedRow } from "../support/seed-docx.ts";

let seed: Decision;
let resolve: (decision: Decision) => ResolvedDecision;
let ctx: RenderContext;
let wording: LetterWording;

beforeAll(async () => {
  ({ decision: seed, resolve, ctx } = await loadSeed());
  wording = await loadLetterWording();
});

const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, "");

/**
 * The seed with its articles' plan left out (Điều 1–3 keep their sentence; Điều 1 keeps a line citing the
 * Phụ lục, as BODY-APPENDIX-REF asks of a decision with an appendix): small documents, fast to render.
 */
function base(): Decision {
  const decision = structuredClone(seed);
  decision.articles = decision.articles.map((article, i) => ({
    ...article,
    content: i === 0 ? [{ kind: "paragraph" as const, label: "", text: "(Chi tiết tại Phụ lục kèm theo)." }] : [],
  }));
  return decision;
}

const row = (number: string, content: string, cells: Partial<Omit<Row, "number" | "content">> = {}): Row => ({ number, content, rows: [], ...cells });
const group = (label: string, title: string, items: (Group | Row)[]): Group => ({ group: label, title, items });
const task = (number: string, content: string, lead: string, more: Partial<Row> = {}): Row =>
  row(number, content, { product: "Báo cáo", lead, support: "Văn phòng UBND tỉnh", deadline: "Quý II", ...more });

/** A task appendix with the seed's six columns. */
function taskAppendix(decision: Decision, items: (Group | Row)[], edit: Partial<Appendix> = {}): Appendix {
  return { ...structuredClone(decision.appendices[0]!), items, ...edit };
}

/** The decision DOCX read back; it must pass `vanban check` as the build requires of every DOCX it writes. */
const docxOf = async (decision: Decision): Promise<DocxDocument> => {
  const bytes = await writeDocx(composeDecisionPlan(decision, ctx.layout, ctx.measurer), { toolName: ctx.toolName });
  const failures = checkDiagnostics(checkDocx(bytes, { profile: decision.profile, measurer: ctx.measurer }), "decision.docx").filter((d) => d.severity === "error");
  expect(failures.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  return readDocument(openDocx(bytes));
};
const pdfOf = async (decision: Decision): Promise<PdfText> => readPdfText(await writePdf(composeDecisionPlan(decision, ctx.layout, ctx.measurer), ctx.fonts, { toolName: ctx.toolName }));
const texts = (section: SectionInfo) => paragraphsOf(section.blocks).map((p) => p.text);
/** The section's text paragraphs outside tables. */
const bodyTexts = (section: SectionInfo) => section.blocks.flatMap((b) => (b.kind === "paragraph" && b.paragraph.text !== "" ? [b.paragraph.text] : []));
const tableOf = (section: SectionInfo): TableInfo => {
  const table = tablesOf(section.blocks)[0];
  if (!table) throw new Error("no table in the section");
  return table;
};
const cellTexts = (r: RowInfo) => r.cells.map((c) => c.text);
const landscapePages = (pdf: PdfText) => pdf.pages.filter((_, i) => pdf.sizes[i]!.width > pdf.sizes[i]!.height);
const assignmentOf = (resolved: ResolvedDecision, id: string): AgencyAssignment => {
  const found = resolved.assignments.find((a) => a.agency.id === id);
  if (!found) throw new Error(`no letter for ${id}`);
  return found;
};

// ---------------------------------------------------------------------------------------------------------

describe("two appendices: a task table with nested and letter-labelled groups, and a list of units", () => {
  const units: Column[] = [
    { role: "number", label: "STT" },
    { role: "content", label: "TÊN ĐƠN VỊ" },
    // a support column without a lead column: still a list, not tasks
    { role: "support", label: "ĐƠN VỊ HƯỚNG DẪN" },
    { role: "notes", label: "GHI CHÚ" },
  ];
  function model(): Decision {
    const decision = base();
    decision.appendices = [
      taskAppendix(
        decision,
        [
          group("I", "CẢI CÁCH THỂ CHẾ", [
            group("1", "Văn bản quy phạm pháp luật", [task("1", "Rà soát văn bản", "Sở Tư pháp"), task("2", "Công bố văn bản hết hiệu lực", "Sở Tư pháp")]),
            group("2", "Kiểm tra", [task("1", "Kiểm tra công tác văn bản", "Sở Nội vụ")]),
          ]),
          group("A", "NHIỆM VỤ THƯỜNG XUYÊN", [task("1", "Báo cáo định kỳ", "Sở Nội vụ")]),
          group("B", "NHIỆM VỤ ĐỘT XUẤT", [task("1", "Kiểm tra đột xuất", "Thanh tra tỉnh")]),
        ],
        { heading: "PHỤ LỤC I", title: "DANH MỤC NHIỆM VỤ" },
      ),
      {
        heading: "PHỤ LỤC II",
        title: "DANH SÁCH ĐƠN VỊ THỰC HIỆN ĐIỂM",
        reference: "(Ban hành kèm theo Quyết định số 503/QĐ-UBND ngày 06 tháng 02 năm 2013 của UBND tỉnh)",
        columns: units,
        // agencies named in a table that assigns nothing: no letter for them
        items: [row("1", "Sở Ngoại vụ", { support: "Sở Y tế", notes: "Điểm cấp tỉnh" }), row("2", "Sở Công Thương", { support: "Sở Y tế", notes: "" })],
      },
    ];
    return decision;
  }

  it("gives a landscape section per appendix, each with its title block and table; nested groups and letters as group rows", async () => {
    const doc = await docxOf(model());
    expect(doc.sections).toHaveLength(3);
    const [main, first, second] = doc.sections as [SectionInfo, SectionInfo, SectionInfo];
    expect(main.page.orientation).toBe("portrait");
    for (const section of [first, second]) {
      expect(section.page.orientation).toBe("landscape");
      expect(section.pageNumberStart).toBe(1);
    }
    expect(bodyTexts(first).slice(0, 2)).toEqual(["PHỤ LỤC I", "DANH MỤC NHIỆM VỤ"]);
    expect(bodyTexts(second).slice(0, 2)).toEqual(["PHỤ LỤC II", "DANH SÁCH ĐƠN VỊ THỰC HIỆN ĐIỂM"]);

    const tasks = tableOf(first);
    const groupRows = tasks.rows.filter((r) => r.cells.length === 2).map(cellTexts);
    expect(groupRows).toEqual([
      ["I", "CẢI CÁCH THỂ CHẾ"],
      ["1", "Văn bản quy phạm pháp luật"],
      ["2", "Kiểm tra"],
      ["A", "NHIỆM VỤ THƯỜNG XUYÊN"],
      ["B", "NHIỆM VỤ ĐỘT XUẤT"],
    ]);
    // rows in the order written, under their groups
    expect(tasks.rows.slice(1).map((r) => r.cells[1]!.text)).toEqual([
      "CẢI CÁCH THỂ CHẾ",
      "Văn bản quy phạm pháp luật",
      "Rà soát văn bản",
      "Công bố văn bản hết hiệu lực",
      "Kiểm tra",
      "Kiểm tra công tác văn bản",
      "NHIỆM VỤ THƯỜNG XUYÊN",
      "Báo cáo định kỳ",
      "NHIỆM VỤ ĐỘT XUẤT",
      "Kiểm tra đột xuất",
    ]);

    const list = tableOf(second);
    expect(list.gridTwips).toHaveLength(4);
    expect(list.rows.map(cellTexts)).toEqual([
      ["STT", "TÊN ĐƠN VỊ", "ĐƠN VỊ HƯỚNG DẪN", "GHI CHÚ"],
      ["1", "Sở Ngoại vụ", "Sở Y tế", "Điểm cấp tỉnh"],
      ["2", "Sở Công Thương", "Sở Y tế", ""],
    ]);
  });

  it("cites the tasks by their nested labels; the list of units makes no letters", () => {
    const resolved = resolve(model());
    expect(resolved.tasks.map((t) => t.ref)).toEqual(["I.1.1", "I.1.2", "I.2.1", "A.1", "B.1"]);
    expect(resolved.tasks.every((t) => t.appendixIndex === 0)).toBe(true);
    expect(resolved.assignments.map((a) => a.agency.id)).toEqual(["so-noi-vu", "so-tu-phap", "thanh-tra-tinh", "van-phong-ubnd-tinh"]);
    // named in Phụ lục II only
    for (const id of ["so-ngoai-vu", "so-cong-thuong", "so-y-te"]) expect(resolved.assignments.some((a) => a.agency.id === id), id).toBe(false);
  });

  it("gives the workbook a sheet per appendix, each with its own columns and rows", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderAppendixXlsx(resolve(model()), ctx)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["Phụ lục I", "Phụ lục II"]);
    const values = (name: string) => {
      const out: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
      return out;
    };
    const units = values("Phụ lục II");
    expect(units.map((r) => r.join("|"))).toEqual(expect.arrayContaining(["STT|TÊN ĐƠN VỊ|ĐƠN VỊ HƯỚNG DẪN|GHI CHÚ", "1|Sở Ngoại vụ|Sở Y tế|Điểm cấp tỉnh"]));
    const tasks = values("Phụ lục I").flat();
    for (const text of ["CẢI CÁCH THỂ CHẾ", "Văn bản quy phạm pháp luật", "NHIỆM VỤ THƯỜNG XUYÊN", "Kiểm tra đột xuất"]) expect(tasks).toContain(text);
    expect(tasks).not.toContain("Sở Ngoại vụ");
  });
});

describe("a cell merged down (span)", () => {
  function model(): Decision {
    const decision = base();
    decision.appendices = [
      taskAppendix(decision, [
        group("I", "CẢI CÁCH THỂ CHẾ", [
          task("1", "Rà soát văn bản quy phạm", "Sở Tư pháp", { span: { lead: "3" } }),
          task("2", "Hệ thống hóa văn bản", ""),
          task("3", "Kiểm tra văn bản", ""),
          task("4", "Báo cáo công tác cải cách", "Sở Nội vụ"),
        ]),
      ]),
    ];
    return decision;
  }

  it("DOCX: the lead cell restarts a vertical merge and the next two rows continue it", async () => {
    const doc = await docxOf(model());
    const table = tableOf(doc.sections[1]!);
    const leadColumn = seed.appendices[0]!.columns.findIndex((c) => c.role === "lead");
    const rows = table.rows.filter((r) => r.cells.length === 6 && !r.isHeader);
    expect(rows.map((r) => r.cells[0]!.text)).toEqual(["1", "2", "3", "4"]);
    expect(rows.map((r) => r.cells[leadColumn]!.verticalMerge)).toEqual(["restart", "continue", "continue", undefined]);
    expect(rows.map((r) => r.cells[leadColumn]!.text)).toEqual(["Sở Tư pháp", "", "", "Sở Nội vụ"]);
    // no other column merges
    for (const r of rows) expect(r.cells.filter((c) => c.verticalMerge !== undefined).length).toBeLessThanOrEqual(1);
  });

  it("PDF: the merged cell's text is printed once", async () => {
    const appendix = squash(landscapePages(await pdfOf(model())).join("\n"));
    expect(appendix.split(squash("Sở Tư pháp")).length - 1).toBe(1);
    expect(appendix).toContain(squash("Hệ thống hóa văn bản"));
  });

  it("every row the cell covers is a task of that lead", () => {
    const resolved = resolve(model());
    expect(resolved.tasks.map((t) => [t.ref, t.task.lead, t.lead])).toEqual([
      ["I.1", "Sở Tư pháp", ["so-tu-phap"]],
      ["I.2", "Sở Tư pháp", ["so-tu-phap"]],
      ["I.3", "Sở Tư pháp", ["so-tu-phap"]],
      ["I.4", "Sở Nội vụ", ["so-noi-vu"]],
    ]);
    expect(assignmentOf(resolved, "so-tu-phap").lead.map((t) => t.ref)).toEqual(["I.1", "I.2", "I.3"]);
  });

  it("XLSX: the merged cell is repeated in each row it covers, so that a filter on the column keeps them all", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderAppendixXlsx(resolve(model()), ctx)) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.getWorksheet("Phụ lục")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
    const lead = seed.appendices[0]!.columns.findIndex((c) => c.role === "lead");
    expect(rows.filter((r) => /^[1-4]$/.test(r[0] ?? "")).map((r) => r[lead])).toEqual(["Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp", "Sở Nội vụ"]);
  });
});

describe("sub-rows under a numbered row", () => {
  function model(): Decision {
    const decision = base();
    decision.appendices = [
      taskAppendix(decision, [
        group("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", [
          task("1", "Rà soát thủ tục hành chính", "Sở Nội vụ"),
          task("2", "Đơn giản hóa thủ tục hành chính", "Sở Tài chính", {
            rows: [task("", "Lĩnh vực ngân sách", ""), task("", "Lĩnh vực y tế", "Sở Y tế", { deadline: "Quý III" })],
          }),
        ]),
      ]),
    ];
    return decision;
  }

  it("are tasks cited II.2a, II.2b; one with an empty lead takes its parent row's", () => {
    const resolved = resolve(model());
    expect(resolved.tasks.map((t) => [t.ref, t.task.content, t.lead])).toEqual([
      ["II.1", "Rà soát thủ tục hành chính", ["so-noi-vu"]],
      ["II.2a", "Lĩnh vực ngân sách", ["so-tai-chinh"]],
      ["II.2b", "Lĩnh vực y tế", ["so-y-te"]],
    ]);
    expect(assignmentOf(resolved, "so-tai-chinh").lead.map((t) => t.ref)).toEqual(["II.2a"]);
  });

  it("the table shows the parent row and its sub-rows as written; the letter cites the sub-row", async () => {
    const decision = model();
    const table = tableOf((await docxOf(decision)).sections[1]!);
    const rows = table.rows.filter((r) => r.cells.length === 6 && !r.isHeader).map((r) => [r.cells[0]!.text, r.cells[1]!.text, r.cells[3]!.text]);
    expect(rows).toEqual([
      ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ"],
      ["2", "Đơn giản hóa thủ tục hành chính", "Sở Tài chính"],
      ["", "Lĩnh vực ngân sách", ""],
      ["", "Lĩnh vực y tế", "Sở Y tế"],
    ]);
    const resolved = resolve(decision);
    const letter = squash((await readPdfText(await renderLetterPdf(resolved, assignmentOf(resolved, "so-tai-chinh"), ctx, wording))).pages.join("\n"));
    expect(letter).toContain(squash("II.2a Lĩnh vực ngân sách"));
    expect(letter).not.toContain(squash("Lĩnh vực y tế"));
  });
});

describe("a column kept by its label (no role)", () => {
  const FUNDING = "KINH PHÍ (triệu đồng)";
  function model(): Decision {
    const decision = base();
    const columns = seed.appendices[0]!.columns;
    decision.appendices = [
      taskAppendix(decision, [group("I", "CẢI CÁCH THỂ CHẾ", [task("1", "Rà soát văn bản", "Sở Tư pháp", { cells: { [FUNDING]: "150" } }), task("2", "Kiểm tra văn bản", "Sở Nội vụ", { cells: { [FUNDING]: "75,5" } })])], {
        columns: [...columns.slice(0, 5), { label: FUNDING }, columns[5]!],
      }),
    ];
    return decision;
  }

  it("DOCX and PDF: its label heads the column, its cells fill it", async () => {
    const decision = model();
    const table = tableOf((await docxOf(decision)).sections[1]!);
    expect(table.gridTwips).toHaveLength(7);
    expect(table.rows[0]!.cells[5]!.text).toBe(FUNDING);
    const rows = table.rows.filter((r) => r.cells.length === 7 && !r.isHeader);
    expect(rows.map((r) => [r.cells[1]!.text, r.cells[5]!.text, r.cells[6]!.text])).toEqual([
      ["Rà soát văn bản", "150", "Quý II"],
      ["Kiểm tra văn bản", "75,5", "Quý II"],
    ]);
    const appendix = squash(landscapePages(await pdfOf(decision)).join("\n"));
    expect(appendix).toContain(squash(FUNDING));
    expect(appendix).toContain(squash("75,5"));
  });

  it("XLSX: the same label and cells in the Phụ lục sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderAppendixXlsx(resolve(model()), ctx)) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.getWorksheet("Phụ lục")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
    const header = rows.find((r) => r.includes(FUNDING));
    expect(header).toBeDefined();
    const at = header!.indexOf(FUNDING);
    expect(rows.filter((r) => r[1] === "Rà soát văn bản" || r[1] === "Kiểm tra văn bản").map((r) => r[at])).toEqual(["150", "75,5"]);
  });
});

describe("a compound signer", () => {
  const LINES = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"];
  function model(): Decision {
    const decision = base();
    decision.appendices = [];
    decision.signer = { lines: LINES, name: "Trần Văn Tân" };
    return decision;
  }

  it("prints its three lines in order, then the name, in DOCX and PDF", async () => {
    const decision = model();
    const doc = await docxOf(decision);
    const closing = tablesOf(doc.sections[0]!.blocks).at(-1)!;
    expect(closing.rows[0]!.cells[1]!.paragraphs.map((p) => p.text)).toEqual([...LINES, "Trần Văn Tân"]);
    const pdf = await pdfOf(decision);
    const lines = pdf.pages.at(-1)!.split("\n").map((l) => l.trim());
    const at = [...LINES, "Trần Văn Tân"].map((line) => lines.findIndex((l) => l.endsWith(line)));
    for (const i of at) expect(i).toBeGreaterThanOrEqual(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe("a draft: number and day left blank", () => {
  function model(): Decision {
    const decision = base();
    decision.appendices = [];
    decision.document = { ...decision.document, number: "", date: "2025-12" };
    return decision;
  }

  it('prints "Số:      /QĐ-UBND" and "ngày      tháng 12 năm 2025" in DOCX and PDF', async () => {
    const decision = model();
    const bytes = await writeDocx(composeDecisionPlan(decision, ctx.layout, ctx.measurer), { toolName: ctx.toolName });
    const paragraphs = texts(readDocument(openDocx(bytes)).sections[0]!);
    expect(paragraphs.find((p) => p.startsWith("Số:"))).toMatch(/^Số: {6,}\/QĐ-UBND$/);
    expect(paragraphs.find((p) => p.startsWith("Quảng Nam,"))).toMatch(/^Quảng Nam, ngày {6,}tháng 12 năm 2025$/);
    const page1 = (await pdfOf(decision)).pages[0]!;
    expect(page1).toMatch(/Số:\s+\/QĐ-UBND/);
    expect(page1).not.toMatch(/Số:\s*\d/);
    expect(page1).toMatch(/Quảng Nam, ngày\s+tháng 12 năm 2025/);
  });

  it("dates the files' metadata from the earliest day it can be signed, a valid W3CDTF instant (DOCX and XLSX)", async () => {
    const decision = model();
    const core = readCoreProperties(openDocx(await writeDocx(composeDecisionPlan(decision, ctx.layout, ctx.measurer), { toolName: ctx.toolName })));
    expect([core.created, core.modified]).toEqual(["2025-12-01T00:00:00Z", "2025-12-01T00:00:00Z"]);
    decision.appendices = structuredClone(seed.appendices);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderAppendixXlsx(resolve(decision), ctx)) as unknown as ArrayBuffer);
    expect(workbook.created.toISOString()).toBe("2025-12-01T00:00:00.000Z");
  });
});

describe("an attached Kế hoạch", () => {
  const PLAN = {
    type: "KẾ HOẠCH",
    title: "Cải cách hành chính năm 2013",
    reference: "(Kèm theo Quyết định số 503/QĐ-UBND ngày 06/02/2013 của UBND tỉnh)",
    content: [
      { kind: "section" as const, label: "I.", text: "MỤC ĐÍCH, YÊU CẦU" },
      { kind: "paragraph" as const, label: "", text: "Nâng cao chất lượng cải cách hành chính trên địa bàn tỉnh." },
      { kind: "section" as const, label: "II.", text: "NHIỆM VỤ" },
      { kind: "item" as const, label: "1.", text: "Cải cách thể chế." },
    ],
  };
  function model(): Decision {
    const decision = base();
    decision.attachments = [PLAN];
    return decision;
  }

  it("is a portrait section of its own, numbered from 1, between the decision and the appendix, with its title block and sections", async () => {
    const decision = model();
    const doc = await docxOf(decision);
    expect(doc.sections.map((s) => s.page.orientation)).toEqual(["portrait", "portrait", "landscape"]);
    const attachment = doc.sections[1]!;
    expect(attachment.pageNumberStart).toBe(1);
    const paragraphs = bodyTexts(attachment);
    expect(paragraphs.slice(0, 3)).toEqual([PLAN.type, PLAN.title, PLAN.reference]);
    expect(paragraphs.slice(3)).toEqual(["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng cải cách hành chính trên địa bàn tỉnh.", "II. NHIỆM VỤ", "1. Cải cách thể chế."]);
    // the decision itself is unchanged
    expect(texts(doc.sections[0]!)).toContain("QUYẾT ĐỊNH:");

    const pdf = await pdfOf(decision);
    const start = pdf.pages.findIndex((p) => p.trimStart().startsWith(PLAN.type));
    expect(start).toBeGreaterThan(0);
    expect(pdf.sizes[start]!.width).toBeLessThan(pdf.sizes[start]!.height);
    expect(squash(pdf.pages[start]!)).toContain(squash(`${PLAN.title}${PLAN.reference}I. MỤC ĐÍCH, YÊU CẦU`));
  });
});

describe("a Nghị quyết", () => {
  it('prints its "QUYẾT NGHỊ:" line between the căn cứ and the articles, and passes vanban check', async () => {
    const decision = base();
    decision.document = { ...decision.document, type: "NGHỊ QUYẾT", typeCode: "NQ", symbol: "NQ-HĐND" };
    decision.decides = "QUYẾT NGHỊ:";
    decision.appendices = [];
    decision.articles = decision.articles.map((a, i) => (i === 0 ? { ...a, content: [] } : a));
    const paragraphs = bodyTexts((await docxOf(decision)).sections[0]!);
    const decides = paragraphs.indexOf("QUYẾT NGHỊ:");
    expect(decides).toBeGreaterThan(paragraphs.indexOf(seed.legalBases.at(-1)!));
    expect(paragraphs[decides + 1]).toMatch(/^Điều 1\./);
  });
});

describe("a Kế hoạch issued directly", () => {
  const PREAMBLE = "Thực hiện Quyết định số 1009/QĐ-UBND ngày 29 tháng 3 năm 2012 của UBND tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:";
  function model(): Decision {
    const decision = base();
    decision.document = { ...decision.document, type: "KẾ HOẠCH", typeCode: "KH", symbol: "KH-UBND" };
    decision.subject = "Cải cách hành chính năm 2013";
    Object.assign(decision, { authority: "", legalBases: [], proposal: "", decides: "", articles: [], appendices: [], preamble: [PREAMBLE] });
    decision.content = [
      { kind: "section", label: "I.", text: "MỤC ĐÍCH, YÊU CẦU" },
      { kind: "paragraph", label: "", text: "Nâng cao chất lượng cải cách hành chính." },
      { kind: "section", label: "II.", text: "TỔ CHỨC THỰC HIỆN" },
      { kind: "paragraph", label: "", text: "Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch" },
    ];
    return decision;
  }

  it('has no "QUYẾT ĐỊNH:", no articles: its preamble, then its sections, ending ./.', async () => {
    const decision = model();
    const doc = await docxOf(decision);
    expect(doc.sections).toHaveLength(1);
    const paragraphs = bodyTexts(doc.sections[0]!);
    expect(paragraphs).not.toContain("QUYẾT ĐỊNH:");
    expect(paragraphs).not.toContain(seed.authority);
    expect(paragraphs.some((p) => p.startsWith("Điều "))).toBe(false);
    const from = paragraphs.indexOf(PREAMBLE);
    expect(from).toBeGreaterThan(0);
    expect(paragraphs.slice(from)).toEqual([
      PREAMBLE,
      "I. MỤC ĐÍCH, YÊU CẦU",
      "Nâng cao chất lượng cải cách hành chính.",
      "II. TỔ CHỨC THỰC HIỆN",
      "Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch./.",
    ]);
    expect(paragraphs.slice(0, from)).toContain("KẾ HOẠCH");

    const pdf = squash((await pdfOf(decision)).pages.join("\n"));
    expect(pdf).not.toContain(squash("QUYẾT ĐỊNH:"));
    expect(pdf).toContain(squash(`${PREAMBLE}I. MỤC ĐÍCH, YÊU CẦU`));
    expect(pdf).toContain(squash("II. TỔ CHỨC THỰC HIỆN"));
  });
});

describe("an agency no directory lists", () => {
  const NAME = "Trung tâm Phục vụ hành chính công tỉnh";
  it("gets a letter addressed with the cell text", async () => {
    const decision = base();
    seedRow(decision, 2, 4).lead = NAME; // III.5, led by Sở Y tế in the seed
    const resolved = resolve(decision);
    const assignment = resolved.assignments.find((a) => a.agency.name === NAME);
    expect(assignment).toBeDefined();
    expect(assignment!.agency.kind).toBe("unlisted");
    expect(assignment!.lead.map((t) => t.ref)).toEqual(["III.5"]);
    const page1 = (await readPdfText(await renderLetterPdf(resolved, assignment!, ctx, wording))).pages[0]!;
    expect(page1.split("\n")).toContain(`${ADDRESSEE_LABEL} ${NAME}`);
    expect(squash(page1)).toContain(squash(`giao ${NAME}`));
  });
});
