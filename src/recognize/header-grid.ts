/**
 * The header grid (spec/layout.md §2): parent body and issuer lines, "Số: …/…", the Quốc hiệu and Tiêu
 * ngữ, the place-date line. Read from a two-column table, from tab-aligned paragraphs (both columns on one
 * line, Shift+Enter breaks), or from a scrape's consecutive paragraphs: the lines are searched for their
 * marks, never counted.
 */
import { isAllCaps } from "../model/text.ts";
import type { Issuer } from "../model/schema.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { DATE, leftOfMarks, MOTTO, NATIONAL_NAME, NUMBER, placeBefore, RULE_LINE } from "./header-marks.ts";
import { cellLines, linesOf, type Located, type TextLine } from "./source-lines.ts";
import { isTypeLine, typeOf } from "./title-block.ts";

export interface Header {
  issuer: Issuer;
  number: string;
  symbol: string;
  typeCode: string;
  /** YYYY-MM-DD, or a draft's YYYY-MM / YYYY */
  date: string;
}

/** Blocks searched for the header before giving up: a site's notices may come first. */
const HEADER_WINDOW = 80;

interface HeaderLine extends TextLine {
  /** the column the line stands in when the source says so (a table cell); else read from the marks */
  column?: "left" | "right";
}

function headerLines(ctx: RecognizeContext, index: number): HeaderLine[] {
  const { block, section } = ctx.items[index]!;
  if (block.kind === "paragraph") return linesOf(block, section);
  return block.rows.flatMap((row) => {
    // the right column starts at the cell holding the Quốc hiệu, the Tiêu ngữ or the date (a spacer column may come first)
    const lines = row.cells.map((cell) => cellLines(cell, section));
    const right = lines.findIndex((cellLines) => cellLines.some((line) => NATIONAL_NAME.test(line.raw) || MOTTO.test(line.raw) || DATE.test(line.raw)));
    return lines.flatMap((cellLines, c) => cellLines.map((line): HeaderLine => (right < 0 ? line : { ...line, column: c < right ? "left" : "right" })));
  });
}

/** A date as the model holds it; a draft's blank day (and month) make a partial date. */
function modelDate(day: string | undefined, month: string | undefined, year: string): string | undefined {
  if (day !== undefined && month === undefined) return undefined;
  const pad = (n: string) => n.padStart(2, "0");
  const iso = [year, month && pad(month), day && pad(day)].filter((part) => part !== undefined).join("-");
  const [y, m = 1, d = 1] = iso.split("-").map(Number) as [number, number?, number?];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? iso : undefined;
}

/** Issuer lines in capitals, read up to the Quốc hiệu; the lines before the bold ones are the parent body. */
function splitParent(pieces: readonly { text: string; bold: boolean }[]): { parent: string[]; lines: string[] } {
  const firstBold = pieces.findIndex((p) => p.bold);
  const split = firstBold > 0 && pieces.slice(firstBold).every((p) => p.bold) ? firstBold : 0;
  return { parent: pieces.slice(0, split).map((p) => p.text), lines: pieces.slice(split).map((p) => p.text) };
}

export function recognizeHeader(ctx: RecognizeContext): Recognized<Header | undefined> {
  let issuerPieces: { text: string; bold: boolean }[] = [];
  let sawNationalName = false;
  let sawMotto = false;
  let number: { value: string; symbol: string; at: Located } | undefined;
  let placeDate: { place: string; date: string; at: Located } | undefined;
  let invalidDate = false;
  let i = 0;
  let stoppedAt: string | undefined;
  const end = Math.min(ctx.items.length, HEADER_WINDOW);
  for (; i < end && !(number && placeDate); i++) {
    const item = ctx.items[i]!;
    if (item.block.kind === "paragraph" && isTypeLine(item.block) && (number || sawNationalName)) {
      stoppedAt = typeOf(item.block);
      break;
    }
    for (const line of headerLines(ctx, i)) {
      if (line.text === "" || RULE_LINE.test(line.text)) continue;
      if (NATIONAL_NAME.test(line.raw)) sawNationalName = true;
      if (MOTTO.test(line.raw)) sawMotto = true;
      const numberMatch = NUMBER.exec(line.raw);
      if (numberMatch && !number) number = { value: numberMatch[1]!, symbol: numberMatch[2]!.replace(/\.$/, ""), at: line };
      const dateMatch = DATE.exec(line.raw);
      if (dateMatch && !placeDate) {
        const date = modelDate(dateMatch[1], dateMatch[2], dateMatch[3]!);
        if (date === undefined) {
          invalidDate = true;
          ctx.report("recognize/invalid-date", { text: line.text }, line);
        } else placeDate = { place: placeBefore(line.raw), date, at: line };
      }
      const left = line.column === "right" ? "" : leftOfMarks(line.raw);
      if (number || left === "" || RULE_LINE.test(left)) continue;
      // text before the issuer that is not in capitals is a site's notice: the issuer starts after it
      if (!isAllCaps(left)) {
        if (!sawNationalName) issuerPieces = [];
        continue;
      }
      issuerPieces.push({ text: left, bold: line.bold });
    }
  }
  const searched = searchedBlocks(ctx, i) + (stoppedAt ? `, up to the type line "${stoppedAt}"` : "");
  if (issuerPieces.length === 0) ctx.report("recognize/header-issuer", { searched }, ctx.locate(0));
  if (!sawNationalName) ctx.report("recognize/no-national-name", { searched }, ctx.locate(0));
  else if (!sawMotto) ctx.report("recognize/no-motto", { searched }, ctx.locate(0));
  if (!number) ctx.report("recognize/header-number", { searched }, ctx.locate(0));
  // a date line that is there but impossible has its own diagnostic; "no date line" would mislead
  if (!placeDate && !invalidDate) ctx.report("recognize/header-date", { searched }, ctx.locate(0));
  if (placeDate && placeDate.place === "") ctx.report("recognize/header-place", { text: "" }, placeDate.at);
  if (!number || !placeDate || issuerPieces.length === 0 || placeDate.place === "") return { value: undefined, next: i };
  if (number.value === "") ctx.report("recognize/draft-number", { symbol: number.symbol }, number.at);
  if (placeDate.date.length < 10) ctx.report("recognize/draft-date", { date: placeDate.date }, placeDate.at);
  ctx.mark(["document", "number"], number.at);
  ctx.mark(["document", "symbol"], number.at);
  ctx.mark(["document", "date"], placeDate.at);
  ctx.mark(["issuer", "place"], placeDate.at);
  const symbolParts = number.symbol.split("-");
  return {
    value: {
      issuer: { ...splitParent(issuerPieces), code: symbolParts.at(-1)!, place: placeDate.place },
      number: number.value,
      symbol: number.symbol,
      typeCode: symbolParts.length > 1 ? symbolParts[0]! : number.symbol,
      date: placeDate.date,
    },
    next: i,
  };
}

/** "line 1 to line 40" in a text input, "table 1 to paragraph 7" in a tree: what the header search read. */
function searchedBlocks(ctx: RecognizeContext, end: number): string {
  const first = ctx.locate(0);
  const last = ctx.locate(Math.max(end - 1, 0));
  if (!first || !last) return "an empty document";
  const words = (at: Located) => {
    const place = ctx.placeOf(at);
    return place.start ? `line ${place.start.line}` : place.at!;
  };
  return end <= 1 ? words(first) : `${words(first)} to ${words(last)}`;
}
