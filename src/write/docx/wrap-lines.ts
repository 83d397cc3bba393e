import type { MeasureStyle, TextMeasurer } from "../../layout/measure.ts";

/**
 * Greedy word wrap with Times New Roman metrics: the lines a centred paragraph `widthPt` wide shows.
 * TITLE-LINE and the appendix line are a share of the widest of these lines, not of the whole text.
 */
export function wrapLines(measurer: TextMeasurer, text: string, sizePt: number, widthPt: number, style: MeasureStyle): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (current !== "" && measurer.widthPt(candidate, sizePt, style) > widthPt) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current !== "") lines.push(current);
  return lines;
}
