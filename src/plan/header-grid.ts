/**
 * The header grid (spec §2, §10). Line lengths are measured from the text as it wraps in its column
 * (HDR-ISSUER-LINE: a share of the widest wrapped issuer line; HDR-TN-LINE: the Tiêu ngữ's width).
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import { formatPlaceDate } from "../model/dates.ts";
import { MOTTO, NATIONAL_NAME } from "../model/national-motto.ts";
import type { Issuer } from "../model/schema.ts";
import type { HeaderGridNode, StackItem } from "./nodes.ts";
import { line, rule } from "./stack.ts";
import { widestWrappedPt } from "./wrap-lines.ts";

export interface HeaderInput {
  issuer: Issuer;
  number: string;
  symbol: string;
  date: string;
  /** công văn only: the trích yếu after "V/v " (TITLE-VV) */
  subject?: string;
}

/** HDR-NUMBER: "Số: 503/QĐ-UBND"; a number below 10 gets a leading zero; an empty one is left for the văn thư. */
export function numberLine(number: string, symbol: string): string {
  return `Số: ${number === "" ? "      " : number.padStart(2, "0")}/${symbol}`;
}

/** Widths of the grid's two columns (≈ 40 % | 60 % of the text width). */
export function gridColumnsPt(layout: ProfileLayout, textWidthPt: number): [number, number] {
  const left = textWidthPt * layout.header.leftColumnShare;
  return [left, textWidthPt - left];
}

export function composeHeaderGrid(input: HeaderInput, layout: ProfileLayout, measurer: TextMeasurer, textWidthPt: number): HeaderGridNode {
  const h = layout.header;
  const columnsPt = gridColumnsPt(layout, textWidthPt);
  const padding = layout.grid.cellPaddingPt;
  const innerLeft = columnsPt[0] - 2 * padding;
  const bold = { bold: true } as const;
  const issuerWidest = Math.max(...input.issuer.lines.map((text) => widestWrappedPt(measurer, text, h.issuerSizePt, innerLeft, bold)));
  const issuer: StackItem[] = [
    // HDR-PARENT: caps, not bold
    ...input.issuer.parent.map((text) => line(text, { sizePt: h.issuerSizePt })),
    // HDR-ISSUER: caps, bold, centred; may wrap
    ...input.issuer.lines.map((text) => line(text, { sizePt: h.issuerSizePt, bold: true })),
    rule(layout, issuerWidest * h.shortLineShare),
  ];
  const national: StackItem[] = [
    line(NATIONAL_NAME, { sizePt: h.nationalNameSizePt, bold: true }),
    line(MOTTO, { sizePt: h.mottoSizePt, bold: true }),
    rule(layout, measurer.widthPt(MOTTO, h.mottoSizePt, bold)),
  ];
  // "Số:" and the date share a baseline: the smaller line starts lower by the difference of the ascenders.
  const ascender = measurer.ascenderEm();
  const numberShift = Math.max(0, (h.dateSizePt - h.numberSizePt) * ascender);
  const dateShift = Math.max(0, (h.numberSizePt - h.dateSizePt) * ascender);
  const numberStack: StackItem[] = [line(numberLine(input.number, input.symbol), { sizePt: h.numberSizePt, spaceBeforePt: numberShift })];
  if (input.subject !== undefined) {
    // TITLE-VV: under "Số:", 12–13 pt, not bold, 6 pt before
    numberStack.push(line(`V/v ${input.subject}`, { sizePt: layout.title.vvSizePt, spaceBeforePt: layout.title.vvSpaceBeforePt }));
  }
  return {
    kind: "headerGrid",
    columnsPt,
    cellPaddingPt: padding,
    issuer,
    national,
    rowGapPt: layout.gaps.beforeNumberRow,
    number: numberStack,
    // HDR-DATE: italic, on the line of "Số:"
    placeDate: [line(formatPlaceDate(input.issuer.place, input.date), { sizePt: h.dateSizePt, italic: true, spaceBeforePt: dateShift })],
  };
}
