/**
 * FONT (spec §1): every run that draws text, in the body, its tables and text boxes, and every header
 * and footer in use, is Times New Roman in black (auto or 000000), and its text is NFC. The Latin slots
 * (w:ascii, w:hAnsi) draw Vietnamese; w:eastAsia counts too when the run's hint asks for it.
 */
import type { Paragraph, Run } from "../../read/docx/ooxml/paragraphs.ts";
import { excerpt } from "../parts/text.ts";
import { type LayoutRule, type RuleContext, whereOf } from "./outcome.ts";

interface Offence {
  reason: string;
  run: Run;
  paragraph: Paragraph;
}

function allParagraphs(ctx: RuleContext): Paragraph[] {
  const parts = new Set(ctx.doc.sections.flatMap((s) => [...Object.values(s.headers), ...Object.values(s.footers)]));
  return [...ctx.doc.paragraphs, ...[...parts].flatMap((part) => part.paragraphs)];
}

function offences(run: Run, family: string, color: string): string[] {
  const found: string[] = [];
  const { fonts, fontHint } = run.format;
  const slots = fontHint === "eastAsia" ? (["ascii", "hAnsi", "eastAsia"] as const) : (["ascii", "hAnsi"] as const);
  for (const slot of slots) {
    const name = fonts[slot];
    if (name?.toLowerCase() !== family.toLowerCase()) found.push(`font ${name ?? "not set"}`);
  }
  const runColor = run.format.color;
  if (runColor !== "auto" && runColor.toUpperCase() !== color.toUpperCase()) found.push(`colour ${runColor}`);
  if (run.text !== run.text.normalize("NFC")) found.push("text not NFC");
  return [...new Set(found)];
}

export const FONT_RULES: readonly LayoutRule[] = [
  {
    id: "FONT",
    check(ctx) {
      const { family, color } = ctx.layout.font;
      const expected = `${family}, colour auto or ${color}, NFC text`;
      const found: Offence[] = [];
      let runs = 0;
      for (const paragraph of allParagraphs(ctx)) {
        for (const run of paragraph.runs) {
          if (run.isFieldCode || run.format.hidden || run.text.trim() === "") continue;
          runs++;
          for (const reason of offences(run, family, color)) found.push({ reason, run, paragraph });
        }
      }
      if (found.length === 0) return { status: "pass", message: `${runs} text runs checked`, expected, measured: `${family}, ${color}/auto in all ${runs} runs` };
      const counts = new Map<string, number>();
      for (const o of found) counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
      const summary = [...counts].map(([reason, n]) => `${reason} in ${n} run${n > 1 ? "s" : ""}`).join("; ");
      const first = found[0]!;
      return {
        status: "fail",
        message: `${summary} (first: "${excerpt(first.run.text, 30)}")`,
        expected,
        measured: summary,
        where: whereOf(ctx, first.paragraph),
      };
    },
  },
];
