import { describe, expect, it } from "vitest";
import { listTasks } from "../../../src/model/refs.ts";
import type { Decision, Group, Row } from "../../../src/model/schema.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { buildScrape, DEFAULT_HEADERS, defaultGroups } from "../../support/scrape-builder.ts";
import { importText, validationEnv } from "../../support/seed.ts";

const groupsOf = (d: Decision) => d.appendices[0]!.items as Group[];
const rowAt = (d: Decision, g: number, r: number) => groupsOf(d)[g]!.items[r] as Row;

const errors = (r: Awaited<ReturnType<typeof importText>>) => r.diagnostics.filter((d) => d.severity === "error");
const lineOfCell = (text: string, cell: string) => text.split("\n").findIndex((l) => l === cell) + 1;

describe("the recognizer on scraped decisions in the seed's format", () => {
  it("imports another decision with 3 groups, a KT. signer and a Nơi nhận", async () => {
    const text = buildScrape({ recipients: ["- Như Điều 3;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, NC."] });
    const result = await importText(text);
    expect(errors(result)).toEqual([]);
    const d = result.decision!;
    expect(d.document.number).toBe("120");
    expect(d.document.date).toBe("2014-01-15");
    expect(d.subject).toBe("Ban hành Kế hoạch cải cách hành chính năm 2014");
    expect(d.signer).toEqual({ lines: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Nguyễn Văn A" });
    expect(d.recipients).toEqual({ origin: "source", items: ["Như Điều 3;", "CT, các PCT UBND tỉnh;"], archive: "Lưu: VT, NC." });
    expect(d.appendices[0]!.planYear).toBe("2014");
    expect(groupsOf(d).map((g) => g.items.length)).toEqual([1, 2, 1]);
    const resolved = resolveDecision(d, (await validationEnv()).resolver);
    expect(resolved.tasks.map((t) => t.due ?? "-")).toEqual(["2014-06-30", "2014-06-30", "2014-09-30", "-"]);
    expect(result.diagnostics.some((d) => d.ruleId === "model/editorial-recipients")).toBe(false);
  });

  it("maps columns in another order and named differently, with an extra notes column", async () => {
    const order = [0, 1, 3, 4, 5, 2];
    const headers = ["TT", "NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "THỜI GIAN THỰC HIỆN", "SẢN PHẨM", "GHI CHÚ"];
    const groups = defaultGroups().map((g) => ({ ...g, rows: g.rows.map((row) => [...order.map((i) => row[i]!), "ghi chú " + row[0]]) }));
    const result = await importText(buildScrape({ headers, groups }));
    expect(errors(result)).toEqual([]);
    const a = result.decision!.appendices[0]!;
    expect(a.columns.map((c) => c.role)).toEqual(["number", "content", "lead", "support", "deadline", "product", "notes"]);
    const task = rowAt(result.decision!, 1, 1);
    expect(task).toMatchObject({ number: "2", content: "Áp dụng ISO", product: "Quyết định", notes: "ghi chú 2" });
    expect(task.lead).toBe("Sở Khoa học và Công nghệ");
    expect(task.deadline).toBe("30/9/2014");
    expect(listTasks(result.decision!)[2]!.ref).toBe("II.2");
  });

  it("imports a table without the product column and says so", async () => {
    const headers = DEFAULT_HEADERS.filter((h) => h !== "SẢN PHẨM");
    const groups = defaultGroups().map((g) => ({ ...g, rows: g.rows.map((row) => row.filter((_, i) => i !== 2)) }));
    const result = await importText(buildScrape({ headers, groups }));
    expect(errors(result)).toEqual([]);
    expect(result.diagnostics.find((d) => d.ruleId === "recognize/optional-column-absent")?.message).toContain("product");
    expect(rowAt(result.decision!, 0, 0).product).toBeUndefined();
    expect(result.decision!.appendices[0]!.columns.some((c) => c.role === "product")).toBe(false);
  });

  it("keeps a table without a lead column as an appendix that assigns no task, and says so at its header", async () => {
    const headers = DEFAULT_HEADERS.filter((h) => h !== "CƠ QUAN CHỦ TRÌ");
    const groups = defaultGroups().map((g) => ({ ...g, rows: g.rows.map((row) => row.filter((_, i) => i !== 3)) }));
    const text = buildScrape({ headers, groups });
    const result = await importText(text);
    expect(errors(result)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === "recognize/no-lead-column").map((d) => d.start?.line)).toEqual([lineOfCell(text, "STT")]);
    expect(result.decision!.appendices[0]!.columns.some((c) => c.role === "lead")).toBe(false);
    expect(result.decision!.letters).toBeUndefined();
    expect(listTasks(result.decision!)).toEqual([]);
  });

  it("keeps a column it has no role for by its label, in the order written, with its cells", async () => {
    const headers = [...DEFAULT_HEADERS.slice(0, 5), "ĐỊA BÀN", DEFAULT_HEADERS[5]!];
    const groups = defaultGroups().map((g) => ({ ...g, rows: g.rows.map((row) => [...row.slice(0, 5), `xã ${row[0]}`, row[5]!]) }));
    const text = buildScrape({ headers, groups });
    const result = await importText(text);
    expect(errors(result)).toEqual([]);
    const info = result.diagnostics.find((d) => d.ruleId === "recognize/kept-column")!;
    expect(info.start?.line).toBe(lineOfCell(text, "ĐỊA BÀN"));
    expect(result.decision!.appendices[0]!.columns[5]).toEqual({ label: "ĐỊA BÀN" });
    expect(rowAt(result.decision!, 0, 0).cells).toEqual({ "ĐỊA BÀN": "xã 1" });
  });

  it("reads a funding column (KINH PHÍ) by its role", async () => {
    const headers = [...DEFAULT_HEADERS.slice(0, 5), "KINH PHÍ", DEFAULT_HEADERS[5]!];
    const groups = defaultGroups().map((g) => ({ ...g, rows: g.rows.map((row) => [...row.slice(0, 5), "100", row[5]!]) }));
    const result = await importText(buildScrape({ headers, groups }));
    expect(errors(result)).toEqual([]);
    expect(result.decision!.appendices[0]!.columns[5]).toEqual({ role: "funding", label: "KINH PHÍ" });
    expect(rowAt(result.decision!, 0, 0).funding).toBe("100");
  });

  it("points at the row with a missing cell", async () => {
    const text = buildScrape({ dropRowCell: { group: 1, row: 0, cell: 2 } });
    const result = await importText(text);
    expect(result.decision).toBeUndefined();
    const [error] = errors(result);
    expect(error?.ruleId).toBe("recognize/scrape-row-misaligned");
    expect(error?.start?.line).toBe(lineOfCell(text, "Áp dụng ISO"));
    const lines = text.split("\n");
    const rowAbove = lines.indexOf("1", lines.indexOf("HIỆN ĐẠI HÓA HÀNH CHÍNH")) + 1;
    expect(error?.hint).toContain(`row above at line ${rowAbove}`);
  });

  it("reports a truncated table", async () => {
    const cells = 2 + 6 + 2 + 6 + 3; // stops inside the second row of group II
    const text = buildScrape({ truncateAfterCells: cells });
    const result = await importText(text);
    expect(errors(result).map((d) => d.ruleId)).toEqual(["recognize/scrape-row-truncated"]);
  });

  it("warns about an unknown deadline form and keeps its wording", async () => {
    const groups = defaultGroups();
    groups[0]!.rows[0]![5] = "Khi có yêu cầu";
    const result = await importText(buildScrape({ groups }));
    const warning = result.diagnostics.find((d) => d.ruleId === "deadline/unknown-form");
    expect(warning?.severity).toBe("warning");
    expect(rowAt(result.decision!, 0, 0).deadline).toBe("Khi có yêu cầu");
  });
});

describe("header date", () => {
  it("an impossible date is one precise error at its line", async () => {
    const text = buildScrape().replace("ngày 15 tháng 01 năm 2014", "ngày 30 tháng 02 năm 2014");
    const result = await importText(text);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.ruleId, d.start?.line])).toEqual([
      ["recognize/invalid-date", lineOfCell(text, "Quảng Nam, ngày 30 tháng 02 năm 2014")],
    ]);
  });
});
