/** Issue 16's targets beside the figures this bench run measured (all on this machine, in one run). */

export interface TargetFigures {
  seedFullMs: number;
  /** LibreOffice converting the one decision DOCX in one call, its start included (undefined: not installed) */
  libreOfficeDecisionMs: number | undefined;
  warmLetterMs: number;
  oneEditColdMs: number;
  /** undefined: watch printed no rebuild */
  oneEditWatchMs: number | undefined;
  noChangeColdMs: number;
  /** whole-process builds of synthetic models, smallest first (none with --quick) */
  scales: { name: string; tasks: number; wallMs: number; peakRssMb: number }[];
}

export interface TargetRow {
  measure: string;
  target: string;
  figure: string;
  met: boolean | undefined;
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;

export function targetRows(f: TargetFigures): TargetRow[] {
  const rows: TargetRow[] = [
    { measure: "seed full build, cold process", target: "≤ 1,500 ms", figure: ms(f.seedFullMs), met: f.seedFullMs <= 1500 },
    {
      measure: "seed full build ÷ LibreOffice converting the decision DOCX",
      target: "≤ 1.0×",
      figure: f.libreOfficeDecisionMs === undefined ? "LibreOffice not installed" : `${(f.seedFullMs / f.libreOfficeDecisionMs).toFixed(2)}× (${ms(f.libreOfficeDecisionMs)})`,
      met: f.libreOfficeDecisionMs === undefined ? undefined : f.seedFullMs <= f.libreOfficeDecisionMs,
    },
    { measure: "warm letter (seed, 5 pages)", target: "≤ 15 ms", figure: `${f.warmLetterMs.toFixed(1)} ms`, met: f.warmLetterMs <= 15 },
    { measure: "one-task edit rebuild, cold process", target: "≤ 1,000 ms", figure: ms(f.oneEditColdMs), met: f.oneEditColdMs <= 1000 },
    {
      measure: "one-task edit rebuild in watch (as printed)",
      target: "≤ 300 ms",
      figure: f.oneEditWatchMs === undefined ? "no rebuild printed" : ms(f.oneEditWatchMs),
      met: f.oneEditWatchMs === undefined ? false : f.oneEditWatchMs <= 300,
    },
    { measure: "no-change rebuild, cold process", target: "≤ 500 ms", figure: ms(f.noChangeColdMs), met: f.noChangeColdMs <= 500 },
  ];
  const largest = f.scales.at(-1);
  if (largest) {
    rows.push(
      { measure: `${largest.name}, cold process: time`, target: "≤ 30,000 ms", figure: ms(largest.wallMs), met: largest.wallMs <= 30_000 },
      { measure: `${largest.name}, cold process: peak RSS`, target: "≤ 450 MB", figure: `${Math.round(largest.peakRssMb)} MB`, met: largest.peakRssMb <= 450 },
    );
    const smaller = f.scales.at(-2);
    if (smaller) {
      const work = largest.tasks / smaller.tasks;
      const time = largest.wallMs / smaller.wallMs;
      rows.push({ measure: `linear: ${smaller.name} → ${largest.name}`, target: `${work}× work ≤ ${(work * 1.1).toFixed(0)}× time`, figure: `${time.toFixed(2)}×`, met: time <= work * 1.1 });
    }
  }
  return rows;
}

export function targetTable(rows: readonly TargetRow[]): string {
  const header = ["target (issue 16)", "goal", "this run", "met"];
  const cells = rows.map((r) => [r.measure, r.target, r.figure, r.met === undefined ? "n/a" : r.met ? "yes" : "no"]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}
