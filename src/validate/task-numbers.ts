import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { POINT_LETTERS, tableEntries } from "../model/refs.ts";
import type { Rule } from "./context.ts";

/**
 * Numbered rows of a group run on by one, from 1 or from where the previous group stopped (both are written);
 * an empty STT is kept and cited as "II.2a". Only plain numbers are checked; "1.1" or "a" are kept as written.
 */
export const checkTaskNumbers: Rule = (decision) => {
  const out: Diagnostic[] = [];
  decision.appendices.forEach((appendix, a) => {
    let previous = 0; // the last plain number of the previous rows at the top level
    let lastWritten = ""; // the last STT written in this group
    let unnumbered = 0; // rows without STT since it
    let inGroupFirst = true;
    for (const entry of tableEntries(appendix, ["appendices", a])) {
      if (entry.kind === "group") {
        inGroupFirst = true;
        lastWritten = "";
        continue;
      }
      if (entry.depth > 0) continue;
      const written = entry.row.number.trim();
      const path = [...entry.path, "number"];
      if (written === "") {
        const fixed = `${lastWritten.replace(/\.$/, "")}${POINT_LETTERS[unnumbered++] ?? String(unnumbered)}`;
        if (entry.row.content.trim() !== "") out.push(diagnose("appendix/empty-number", { previous: lastWritten || "(none)", fixed }, { path, fix: { path, from: entry.row.number, to: fixed } }));
        continue;
      }
      lastWritten = written;
      unnumbered = 0;
      if (!/^\d+\.?$/.test(written)) continue;
      const n = Number.parseInt(written, 10);
      const expected = inGroupFirst ? [1, previous + 1] : [previous + 1];
      if (!expected.includes(n)) out.push(diagnose("appendix/number-sequence", { found: written, expected: String(expected.at(-1)) }, { path }));
      previous = n;
      inGroupFirst = false;
    }
  });
  return out;
};
