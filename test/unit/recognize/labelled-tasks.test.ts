/**
 * A plan that assigns tasks in its text ("- Đơn vị chủ trì: …" under each item) rather than in an appendix
 * table gets no letters for them: the import says so, at the first such line, instead of staying silent.
 */
import { describe, expect, it } from "vitest";
import { importText } from "../../support/seed.ts";
import { markdownDecision } from "./support/markdown-decision.ts";

const appendix = { header: ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"], rows: [["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp", "Quý II"]] };
const ARTICLE = "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.";
const LABELLED = [
  ARTICLE,
  "",
  "a) Rà soát các văn bản quy phạm pháp luật",
  "",
  "- Đơn vị chủ trì: Sở Tư pháp.",
  "",
  "- Đơn vị phối hợp: Sở Nội vụ.",
  "",
  "b) Tập huấn nghiệp vụ cho công chức",
  "",
  "- Cơ quan chủ trì: Sở Nội vụ.",
  "",
  "- Thời gian thực hiện: Quý III.",
].join("\n");

describe("tasks as labelled lines", () => {
  it("are reported, counted, at the first of them", async () => {
    const text = markdownDecision(appendix).replace(ARTICLE, LABELLED);
    const result = await importText(text);
    const found = result.diagnostics.filter((d) => d.ruleId === "recognize/labelled-tasks");
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.message).toContain("2 task(s)");
    const line = text.split("\n").findIndex((l) => l.startsWith("- Đơn vị chủ trì")) + 1;
    expect(found[0]!.start?.line).toBe(line);
  });

  it("are not reported where the text has none", async () => {
    const result = await importText(markdownDecision(appendix));
    expect(result.decision).toBeDefined();
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain("recognize/labelled-tasks");
  });
});
