/**
 * The header grid (spec/layout.md §2): parent body and issuer lines, "Số: …/…", the Quốc hiệu and Tiêu
 * ngữ, the place-date line. Read from a two-column table, from tab-aligned paragraphs (both columns on one
 * line, Shift+Enter breaks), or from a scrape's consecutive paragraphs: the lines are searched for their
 * marks, never counted.
 */
import { isAllCaps } from "../model/text.ts";
import type { Issuer } from "../model/schema.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { COLUMN_GAP, DATE, leftOfMarks, MOTTO, NATIONAL_NAME, NUMBER, placeBefore, RULE_LINE } from "./header-marks.ts";
import type { HeaderParts, LineRef } from "./parts-map.ts";
import { cellLines, linesOf, trimText, type Located, type TextLine } from "./source-lines.ts";
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

/** "V/v triển khai …": a công văn's trích yếu under its number */
export const SUBJECT_LINE = /^V\/v(?![\p{L}\p{N}])/iu;
const LOCALITY = /^(TỈNH|THÀNH PHỐ|TP\.|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?![\p{L}\p{N}])/u;

/** Whether a line continues the name on the line before (a locality, or a name wrapped after "VÀ" or ","). */
const continuesName = (line: string, previous: string): boolean =>
  LOCALITY.test(line) || /^VÀ\s/u.test(line) || /(\sVÀ|,|-)$/u.test(previous) || /^\p{Ll}/u.test(line);

interface IssuerPiece {
  text: string;
  bold: boolean;
  ref: LineRef;
}

/**
 * Where the issuer starts among the agency lines, by wording: each line that does not continue the one
 * before starts a new body, and the last body is the issuer ("UBND TỈNH QUẢNG NAM" / "SỞ NỘI VỤ"), while
 * "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NAM" is one; when the wording says one body, regular lines over bold
 * ones are the parent body.
 */
function issuerStart(pieces: readonly IssuerPiece[]): number {
  let lastStart = 0;
  pieces.forEach((piece, i) => {
    if (i > 0 && !continuesName(piece.text, pieces[i - 1]!.text)) lastStart = i;
  });
  if (lastStart > 0) return lastStart;
  const firstBold = pieces.findIndex((p) => p.bold);
  return firstBold > 0 && pieces.slice(firstBold).every((p) => p.bold) ? firstBold : 0;
}

/** A line that holds more than `text`, or stands after a tab or a run of spaces: one laid out in columns. */
const inColumns = (raw: string, text: string): boolean => trimText(raw) !== trimText(text) || /^[ \u00a0]*\t|^[ \u00a0]{3,}/u.test(raw);

/** A mark's part of a header line for the parts map; a line laid out in columns (not in cells) says which. */
function refOf(line: HeaderLine, text: string, side: "left" | "right"): LineRef {
  const ref: LineRef = { position: line.position, section: line.section, text: trimText(text) };
  if (line.column === undefined && inColumns(line.raw, text)) ref.column = side;
  return ref;
}

/** The text of a mark matched in `raw`: from its match to the end of the match. */
const matched = (raw: string, match: RegExpExecArray): string => raw.slice(match.index, match.index + match[0].length);

/** The place-date as written: the place before ", ngày", up to the year. */
function placeDateText(raw: string, match: RegExpExecArray): string {
  const place = placeBefore(raw);
  const start = place === "" ? match.index : raw.lastIndexOf(place, match.index);
  return raw.slice(start, match.index + match[0].length);
}

/** The table cell a position is in, as a key ("" outside tables). */
function cellKey(at: Located): string {
  if (!("path" in at.position)) return "";
  const path = at.position.path;
  return JSON.stringify(path.slice(0, path.findLastIndex((step) => "row" in step) + 1));
}

const sameCell = (a: Located, b: Located): boolean => cellKey(a) !== "" && cellKey(a) === cellKey(b);

export function recognizeHeader(ctx: RecognizeContext): Recognized<Header | undefined> & { parts: HeaderParts } {
  const parts: HeaderParts = { parent: [], issuer: [], subjectLine: [] };
  let issuerPieces: IssuerPiece[] = [];
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
      const vv = line.column === "right" ? undefined : line.raw.split(COLUMN_GAP).map(trimText).find((piece) => SUBJECT_LINE.test(piece));
      const lastVv = parts.subjectLine.at(-1);
      if (vv !== undefined && lastVv === undefined) parts.subjectLine.push(refOf(line, vv, "left"));
      // the trích yếu wraps onto the next lines of its cell
      else if (lastVv && line.column === "left" && sameCell(lastVv, line) && !NUMBER.test(line.raw) && !DATE.test(line.raw)) parts.subjectLine.push(refOf(line, line.text, "left"));
      const nationalMatch = NATIONAL_NAME.exec(line.raw);
      if (nationalMatch) {
        sawNationalName = true;
        parts.nationalName ??= refOf(line, matched(line.raw, nationalMatch), "right");
        if (item.block.kind === "table") parts.table ??= { position: item.block.position, section: item.section };
      }
      const mottoMatch = MOTTO.exec(line.raw);
      if (mottoMatch) {
        sawMotto = true;
        parts.motto ??= refOf(line, matched(line.raw, mottoMatch), "right");
      }
      const numberMatch = NUMBER.exec(line.raw);
      if (numberMatch && !number) {
        number = { value: numberMatch[1]!, symbol: numberMatch[2]!.replace(/\.$/, ""), at: line };
        parts.number = refOf(line, matched(line.raw, numberMatch), "left");
      }
      const dateMatch = DATE.exec(line.raw);
      if (dateMatch && !parts.placeDate) parts.placeDate = refOf(line, placeDateText(line.raw, dateMatch), "right");
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
      issuerPieces.push({ text: left, bold: line.bold, ref: refOf(line, left, "left") });
    }
  }
  const split = issuerStart(issuerPieces);
  parts.parent = issuerPieces.slice(0, split).map((p) => p.ref);
  parts.issuer = issuerPieces.slice(split).map((p) => p.ref);
  const recognized = (value: Header | undefined) => ({ value, next: i, parts });
  const searched = searchedBlocks(ctx, i) + (stoppedAt ? `, up to the type line "${stoppedAt}"` : "");
  if (issuerPieces.length === 0) ctx.report("recognize/header-issuer", { searched }, ctx.locate(0));
  if (!sawNationalName) ctx.report("recognize/no-national-name", { searched }, ctx.locate(0));
  else if (!sawMotto) ctx.report("recognize/no-motto", { searched }, ctx.locate(0));
  if (!number) ctx.report("recognize/header-number", { searched }, ctx.locate(0));
  // a date line that is there but impossible has its own diagnostic; "no date line" would mislead
  if (!placeDate && !invalidDate) ctx.report("recognize/header-date", { searched }, ctx.locate(0));
  if (placeDate && placeDate.place === "") ctx.report("recognize/header-place", { text: "" }, placeDate.at);
  if (!number || !placeDate || issuerPieces.length === 0 || placeDate.place === "") return recognized(undefined);
  if (number.value === "") ctx.report("recognize/draft-number", { symbol: number.symbol }, number.at);
  if (placeDate.date.length < 10) ctx.report("recognize/draft-date", { date: placeDate.date }, placeDate.at);
  ctx.mark(["document", "number"], number.at);
  ctx.mark(["document", "symbol"], number.at);
  ctx.mark(["document", "date"], placeDate.at);
  ctx.mark(["issuer", "place"], placeDate.at);
  const symbolParts = number.symbol.split("-");
  return recognized({
    issuer: { parent: parts.parent.map((l) => l.text), lines: parts.issuer.map((l) => l.text), code: symbolParts.at(-1)!, place: placeDate.place },
    number: number.value,
    symbol: number.symbol,
    typeCode: symbolParts.length > 1 ? symbolParts[0]! : number.symbol,
    date: placeDate.date,
  });
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
