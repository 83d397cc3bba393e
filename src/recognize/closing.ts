/**
 * The signature block (spec/layout.md §5: capacity lines as written, then the name) and the Nơi nhận (§6),
 * side by side in a table, tab-aligned on the same lines, or one after the other in a scrape.
 */
import { isAllCaps } from "../model/text.ts";
import type { Recipients, Signer } from "../model/schema.ts";
import { isAppendixHeading, isClosingTable, isHeaderTable, RECIPIENTS_LABEL, startsAttachment, startsSignature } from "./boundaries.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { COLUMN_GAP } from "./header-marks.ts";
import type { ClosingParts, LineRef } from "./parts-map.ts";
import { cellLines, linesOf, type Located, type TextLine } from "./source-lines.ts";

type Side = "left" | "right" | "either";

interface ClosingLine extends Located {
  text: string;
  side: Side;
  item: number;
  /** a column of a line laid out by tabs or spaces, not the whole line */
  column?: boolean;
}

export interface Closing {
  signer: Signer | undefined;
  recipients: Recipients | undefined;
  /** capacity lines were found but no name (reported there) */
  unnamed: boolean;
  parts: ClosingParts;
}

function refOf(line: ClosingLine): LineRef {
  const ref: LineRef = { position: line.position, section: line.section, text: line.text };
  if (line.column && line.side !== "either") ref.column = line.side;
  return ref;
}

/** Notes that stand in for the signature itself. */
const SIGNATURE_NOTE = /^\(?\s*(đã\s+ký|ký|ký,?\s+ghi\s+rõ\s+họ\s+tên|ký\s+tên,?\s+đóng\s+dấu|đã\s+ký\s+và\s+đóng\s+dấu)[^)]*\)?$/iu;
const LIST_MARK = /^[-–+•]/u;
const LIST_LABEL = /^([-–+•▪◦]|\d+[.)]|[a-zđ][.)])$/u;
/** two to five words of letters: "NGUYỄN VĂN A" */
const PERSON_IN_CAPITALS = /^\p{L}+(\s+\p{L}+){1,4}$/u;
/** words of offices and titles, never of a person's name */
const OFFICE_WORDS = /(?:^|\s)(CHỦ TỊCH|TRƯỞNG|GIÁM ĐỐC|ỦY BAN|UỶ BAN|HỘI ĐỒNG|VĂN PHÒNG|THỦ TƯỚNG|BỘ|SỞ|BAN|NHÂN DÂN|CHÁNH|PHÓ)(?=\s|$)/u;
const ARCHIVE = /^[-–]?\s*Lưu\s*:?/u;
/** A line indented this far stands in the right column of a tab-aligned closing. */
const RIGHT_INDENT = 8;
/** Paragraphs searched for a Nơi nhận that follows the signature in a scrape. */
const RECIPIENTS_WINDOW = 30;

function paragraphLines(line: TextLine, item: number): ClosingLine[] {
  const pieces = line.raw
    .split(COLUMN_GAP)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  // a list label Word draws before its text ("•\tNhư Điều 3;", "-\tLưu: VT.") is no column of its own
  if (pieces.length >= 2 && LIST_LABEL.test(pieces[0]!)) pieces.splice(0, 2, `${pieces[0]} ${pieces[1]}`);
  if (pieces.length === 0) return [];
  if (pieces.length >= 2 && !LIST_MARK.test(pieces[1]!)) {
    return [
      { text: pieces[0]!, side: "left", item, position: line.position, section: line.section, column: true },
      { text: pieces.slice(1).join(" "), side: "right", item, position: line.position, section: line.section, column: true },
    ];
  }
  const indent = line.raw.length - line.raw.replace(/^[ \u00a0\t]+/, "").length + (line.raw.match(/^[ \u00a0]*\t/) ? RIGHT_INDENT : 0);
  const side: Side = indent >= RIGHT_INDENT || line.alignment === "right" ? "right" : "either";
  return [{ text: pieces.join(" "), side, item, position: line.position, section: line.section, column: indent >= RIGHT_INDENT }];
}

function tableLines(ctx: RecognizeContext, item: number): ClosingLine[] {
  const { block, section } = ctx.items[item]!;
  if (block.kind !== "table") return [];
  return block.rows.flatMap((row) =>
    row.cells.flatMap((cell, c) => {
      const lines = cellLines(cell, section);
      // the source's table structure joined the appendix to the closing: said, never read as a signature
      const appendixAt = lines.findIndex((l) => isAppendixHeading(l.text));
      if (appendixAt >= 0) ctx.report("recognize/appendix-in-closing", { heading: lines[appendixAt]!.text }, lines[appendixAt]!);
      const side: Side = row.cells.length === 1 ? "either" : c === 0 ? "left" : "right";
      return lines.slice(0, appendixAt < 0 ? lines.length : appendixAt).map((l): ClosingLine => ({ text: l.text, side, item, position: l.position, section }));
    }),
  );
}

/** Whether the closing stops before item `i`: an appendix, an attached document, its header grid. */
function stopsClosing(ctx: RecognizeContext, i: number): boolean {
  const { block } = ctx.items[i]!;
  if (block.kind === "table") return isHeaderTable(block) || !isClosingTable(block);
  return isAppendixHeading(block.text.trim()) || startsAttachment(ctx, i);
}

function readRecipients(lines: readonly ClosingLine[], ctx: RecognizeContext, parts: ClosingParts): { recipients: Recipients; used: number } | undefined {
  const labelAt = lines.findIndex((l) => l.side !== "right" && RECIPIENTS_LABEL.test(l.text));
  if (labelAt < 0) return undefined;
  const label = lines[labelAt]!;
  parts.recipientsLabel = refOf(label);
  const items: string[] = [];
  let archive: string | undefined;
  let used = label.item;
  const first = label.text.replace(RECIPIENTS_LABEL, "").trim();
  const candidates = [...(first ? [{ ...label, text: first }] : []), ...lines.slice(labelAt + 1).filter((l) => l.side !== "right")];
  for (const line of candidates) {
    if (!LIST_MARK.test(line.text) && !ARCHIVE.test(line.text)) {
      // in the Nơi nhận's own cell a line without its dash is a recipient wrapped onto the next line
      if (line.side !== "left" || line.item !== label.item) break;
      if (items.length > 0 && archive === undefined) items[items.length - 1] += ` ${line.text}`;
      else items.push(line.text);
      if (line !== candidates[0] || !first) parts.recipients.push(refOf(line));
      continue;
    }
    if (line !== candidates[0] || !first) parts.recipients.push(refOf(line));
    used = Math.max(used, line.item);
    const text = line.text.replace(/^[-–]\s*/u, "");
    if (ARCHIVE.test(text)) archive = text;
    else items.push(text);
  }
  ctx.mark(["recipients"], label);
  if (archive === undefined) {
    ctx.report("recognize/no-archive", {}, label);
    archive = "Lưu: VT.";
  }
  return { recipients: { origin: "source", items, archive }, used };
}

function readSigner(lines: readonly ClosingLine[], ctx: RecognizeContext, path: readonly (string | number)[], parts: ClosingParts): { signer?: Signer; used: number } | undefined {
  // without a capacity line the block beside the Nơi nhận of a closing table signs ("CHÁNH THANH TRA")
  const table = new Set(lines.filter((l) => l.side === "left" && !l.column && RECIPIENTS_LABEL.test(l.text)).map((l) => l.item));
  const found = lines.findIndex((l) => l.side !== "left" && startsSignature(l.text));
  const startAt = found >= 0 ? found : lines.findIndex((l) => l.side === "right" && !l.column && table.has(l.item) && isAllCaps(l.text));
  if (startAt < 0) return undefined;
  let capacity: ClosingLine[] = [];
  let name: ClosingLine | undefined;
  for (const line of lines.slice(startAt).filter((l) => l.side !== "left")) {
    if (LIST_MARK.test(line.text) || RECIPIENTS_LABEL.test(line.text) || SIGNATURE_NOTE.test(line.text)) continue;
    if (isAllCaps(line.text)) {
      capacity.push(line);
      continue;
    }
    name = line;
    break;
  }
  // a name written in capitals: the first line under the capacity lines that names a person, not an office
  if (!name) {
    const at = capacity.findIndex((line, i) => i > 0 && PERSON_IN_CAPITALS.test(line.text) && !OFFICE_WORDS.test(line.text));
    if (at > 0) [capacity, name] = [capacity.slice(0, at), capacity[at]];
  }
  const start = lines[startAt]!;
  ctx.mark([...path], start);
  parts.signature = capacity.map(refOf);
  if (name) parts.name = refOf(name);
  if (!name) {
    ctx.report("recognize/signer-name", { capacity: capacity.map((line) => line.text).join(" / ") }, start);
    return { used: start.item };
  }
  return { signer: { lines: capacity.map((line) => line.text), name: name.text }, used: name.item };
}

/**
 * The closing from item `start`: the signature and the Nơi nhận, in either order. `path` is where the
 * signer goes in the model (["signer"], or an attachment's).
 */
export function recognizeClosing(ctx: RecognizeContext, start: number, path: readonly (string | number)[] = ["signer"]): Recognized<Closing> {
  const lines: ClosingLine[] = [];
  let i = start;
  for (; i < ctx.items.length && i < start + RECIPIENTS_WINDOW; i++) {
    if (i > start && stopsClosing(ctx, i)) break;
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table") lines.push(...tableLines(ctx, i));
    else for (const line of linesOf(block, section)) lines.push(...paragraphLines(line, i));
  }
  const parts: ClosingParts = { signature: [], recipients: [] };
  const signed = readSigner(lines, ctx, path, parts);
  const received = readRecipients(lines, ctx, parts);
  const used = Math.max(signed?.used ?? start, received?.used ?? start);
  return { value: { signer: signed?.signer, recipients: received?.recipients, unnamed: signed !== undefined && !signed.signer, parts }, next: Math.max(used + 1, start + 1) };
}
