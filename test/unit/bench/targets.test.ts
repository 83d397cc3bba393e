/** The bench prints issue 16's targets beside this run's figures: each row's verdict follows from its figure. */
import { describe, expect, it } from "vitest";
import { targetRows, targetTable } from "../../../src/bench/targets.ts";

const figures = {
  seedFullMs: 1400,
  libreOfficeDecisionMs: 2000,
  warmLetterMs: 16,
  oneEditColdMs: 900,
  oneEditWatchMs: 350,
  noChangeColdMs: 450,
  scales: [
    { name: "100 agencies × 1000 tasks", tasks: 1000, wallMs: 3000, peakRssMb: 300 },
    { name: "1000 agencies × 10000 tasks", tasks: 10000, wallMs: 34000, peakRssMb: 440 },
  ],
};

describe("bench targets", () => {
  it("says which targets this run met", () => {
    const met = Object.fromEntries(targetRows(figures).map((r) => [r.measure, r.met]));
    expect(met["seed full build, cold process"]).toBe(true);
    expect(met["seed full build ÷ LibreOffice converting the decision DOCX"]).toBe(true);
    expect(met["warm letter (seed, 5 pages)"]).toBe(false);
    expect(met["one-task edit rebuild, cold process"]).toBe(true);
    expect(met["one-task edit rebuild in watch (as printed)"]).toBe(false);
    expect(met["no-change rebuild, cold process"]).toBe(true);
    expect(met["1000 agencies × 10000 tasks, cold process: time"]).toBe(false);
    expect(met["1000 agencies × 10000 tasks, cold process: peak RSS"]).toBe(true);
    // 10× the work in 11.3× the time is not linear by the measure (≤ 11×)
    expect(met["linear: 100 agencies × 1000 tasks → 1000 agencies × 10000 tasks"]).toBe(false);
  });

  it("has no verdict for the LibreOffice ratio where LibreOffice is not installed, and no scale rows with --quick", () => {
    const rows = targetRows({ ...figures, libreOfficeDecisionMs: undefined, scales: [] });
    expect(rows.find((r) => r.measure.includes("LibreOffice"))!.met).toBeUndefined();
    expect(rows.some((r) => r.measure.includes("tasks"))).toBe(false);
    expect(targetTable(rows)).toContain("| n/a |");
  });
});
