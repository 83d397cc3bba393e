import type { MeasureStyle, TextMeasurer } from "../layout/measure.ts";

/**
 * Greedy word wrap with Times New Roman metrics: the lines a paragraph `widthPt` wide shows. The short lines
 * under a title or the issuer are a share of the widest of these lines, not of the whole text as one line.
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

/** Width of the widest line `text` wraps into in a box `widthPt` wide. */
export function widestWrappedPt(measurer: TextMeasurer, text: string, sizePt: number, widthPt: number, style: MeasureStyle): number {
  return Math.max(0, ...wrapLines(measurer, text, sizePt, widthPt, style).map((line) => measurer.widthPt(line, sizePt, style)));
}
