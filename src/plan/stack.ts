/** The lines and rules of a header or closing column. */
import type { ProfileLayout } from "../layout/profiles.ts";
import type { Align, RuleLine, StackLine } from "./nodes.ts";

export interface LineStyle {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  spaceBeforePt?: number;
}

export function line(text: string, style: LineStyle): StackLine {
  const out: StackLine = { kind: "line", text: text.normalize("NFC"), sizePt: style.sizePt, align: style.align ?? "center", spaceBeforePt: style.spaceBeforePt ?? 0 };
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  return out;
}

export function rule(layout: ProfileLayout, lengthPt: number): RuleLine {
  return { kind: "rule", lengthPt, strokePt: layout.rules.strokePt, gapAbovePt: layout.rules.gapAbovePt };
}
