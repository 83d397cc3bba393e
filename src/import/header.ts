import { calendarDate, toIsoDate } from "../model/dates.ts";
import type { Issuer } from "../model/schema.ts";
import type { ImportContext, Parsed } from "./context.ts";

const NATIONAL_NAME = /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu;
const MOTTO = /^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$/iu;
const RULE_LINE = /^[-_–—=.]{3,}$/;
const NUMBER_LINE = /^Số\s*:\s*(\d*)\s*\/\s*(\S+)$/u;
const PLACE_DATE_LINE = /^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\.?$/u;

export interface Header {
  issuer: Issuer;
  number: string;
  symbol: string;
  typeCode: string;
  date: string;
}

/**
 * The header grid: issuer lines (above the Quốc hiệu), the motto, "Số: …" and the place-date line.
 * Scrapes flatten the two columns in reading order, so the lines are searched, not counted.
 */
export function parseHeader(ctx: ImportContext): Parsed<Header | undefined> {
  const issuerLines: string[] = [];
  let sawNationalName = false;
  let number: { value: string; symbol: string } | undefined;
  let placeDate: { place: string; date: string } | undefined;
  let invalidDate = false;
  let next = 0;
  for (let i = 0; i < ctx.blocks.length && !(number && placeDate); i++) {
    const block = ctx.blocks[i]!;
    for (const line of block.lines) {
      if (NATIONAL_NAME.test(line.text)) sawNationalName = true;
      else if (MOTTO.test(line.text) || RULE_LINE.test(line.text)) continue;
      else if (!sawNationalName) issuerLines.push(line.text);
      const numberMatch = NUMBER_LINE.exec(line.text);
      if (numberMatch) number = { value: numberMatch[1]!, symbol: numberMatch[2]! };
      const dateMatch = PLACE_DATE_LINE.exec(line.text);
      if (dateMatch) {
        const calendar = calendarDate(Number(dateMatch[4]), Number(dateMatch[3]), Number(dateMatch[2]));
        const date = calendar && toIsoDate(calendar);
        if (!date) {
          invalidDate = true;
          ctx.report("import/invalid-date", { text: line.text }, line.offset, line.text.length);
        }
        else placeDate = { place: dateMatch[1]!, date };
      }
    }
    next = i + 1;
  }
  if (!sawNationalName || issuerLines.length === 0) ctx.reportAtBlock("import/header-issuer", {}, ctx.blocks[0]);
  if (!number) ctx.reportAtBlock("import/header-number", {}, ctx.blocks[0]);
  // A date line that is there but impossible has its own diagnostic; "no date line" would mislead.
  if (!placeDate && !invalidDate) ctx.reportAtBlock("import/header-date", {}, ctx.blocks[0]);
  if (!number || !placeDate || issuerLines.length === 0) return { value: undefined, next };
  const symbolParts = number.symbol.split("-");
  return {
    value: {
      issuer: { parent: [], lines: issuerLines, code: symbolParts.at(-1)!, place: placeDate.place },
      number: number.value,
      symbol: number.symbol,
      typeCode: symbolParts.length > 1 ? symbolParts[0]! : number.symbol,
      date: placeDate.date,
    },
    next,
  };
}
