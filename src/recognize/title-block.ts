/**
 * The title block (spec/layout.md §3): the document type in capitals, the trích yếu lines under it and, in
 * a decision or a resolution, the authority line ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM") before the căn cứ.
 */
import { isAllCaps } from "../model/text.ts";
import type { SourceParagraph } from "../read/source-document.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { RULE_LINE } from "./header-marks.ts";
import type { TitleParts } from "./parts-map.ts";
import { isBold, oneLine, type Located } from "./source-lines.ts";

/** The types with a number and ký hiệu (Nghị định 30/2020 Phụ lục III), and those issued with a decision. */
export const DOCUMENT_TYPES = [
  "QUYẾT ĐỊNH", "KẾ HOẠCH", "NGHỊ QUYẾT", "CHỈ THỊ", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "DỰ ÁN", "PHƯƠNG ÁN", "QUY CHẾ",
  "QUY ĐỊNH", "ĐIỀU LỆ", "HƯỚNG DẪN", "THÔNG BÁO", "BÁO CÁO", "TỜ TRÌNH", "KẾT LUẬN", "NGHỊ ĐỊNH", "THÔNG TƯ",
  "QUY TRÌNH", "CHIẾN LƯỢC", "QUY HOẠCH",
];
const TYPES = new Set(DOCUMENT_TYPES);

/** The authority line names who decides: a body or the head of one. */
const AUTHORITY = /^(ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG BAN|BAN THƯỜNG VỤ|BAN CHỈ ĐẠO|CHÁNH)/u;
/** How a paragraph of the body's prose opens; a trích yếu may open so too ("Thực hiện Quyết định số …"). */
const PROSE_OPENINGS = "Căn cứ|Thực hiện|Triển khai|Xét|Theo";
const PROSE_OPENER = new RegExp(`^(${PROSE_OPENINGS})\\s`, "u");
/** Paragraphs that open the body (its prose, its headings): the title block has ended before them. */
const BODY_OPENER = new RegExp(`^(${PROSE_OPENINGS}|Điều\\s+\\d|QUYẾT (ĐỊNH|NGHỊ)\\s*:|[IVX]+\\.\\s)`, "u");

export const typeOf = (paragraph: SourceParagraph): string => oneLine(paragraph).toLocaleUpperCase("vi");

/** A paragraph holding only a document type in capitals: "QUYẾT ĐỊNH", "KẾ HOẠCH". */
export function isTypeLine(paragraph: SourceParagraph): boolean {
  const text = oneLine(paragraph);
  return isAllCaps(text) && TYPES.has(text.replace(/\s+/g, " "));
}

export interface TitleBlock {
  type: string;
  subject: string;
  /** empty when the document has none (a Kế hoạch) */
  authority: string;
  at: Located;
  parts: TitleParts;
}

const isBlankOrRule = (p: SourceParagraph) => oneLine(p) === "" || RULE_LINE.test(oneLine(p));

/** Bold or centred: set apart from the body's prose as a title's lines are. */
const setApart = (paragraph: SourceParagraph) => isBold(paragraph) || paragraph.alignment === "center";

/** A line of the title block after its first: set apart by capitals, bold or centring, never a body opener. */
function continuesTitle(paragraph: SourceParagraph): boolean {
  const text = oneLine(paragraph);
  if (BODY_OPENER.test(text)) return false;
  return isAllCaps(text) || setApart(paragraph);
}

/**
 * Whether the first line under the type line opens the body rather than the trích yếu. A trích yếu may open
 * as a body paragraph does ("Thực hiện Quyết định số …"): bold or centred under the type line, it is one;
 * plain (a scrape's text), the body has begun.
 */
function opensBody(paragraph: SourceParagraph): boolean {
  const text = oneLine(paragraph);
  if (!BODY_OPENER.test(text)) return false;
  return !PROSE_OPENER.test(text) || !setApart(paragraph);
}

/**
 * Where the authority lines start among the title lines (their length when there are none): the last line
 * naming a body or head ("HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG") with only capitals after it ("KHÓA X, KỲ HỌP
 * THỨ 5"), or a last line in capitals under a trích yếu that is not.
 */
function authorityStart(lines: readonly { text: string }[]): number {
  for (let k = lines.length - 1; k >= 1; k--) {
    if (!isAllCaps(lines[k]!.text)) break;
    if (AUTHORITY.test(lines[k]!.text)) return k;
  }
  const last = lines.length - 1;
  return last >= 1 && isAllCaps(lines[last]!.text) && !lines.slice(0, -1).every((l) => isAllCaps(l.text)) ? last : lines.length;
}

/** The types whose title block ends with an authority line (BODY-AUTHORITY). */
const DECIDING_TYPES = new Set(["QUYẾT ĐỊNH", "NGHỊ QUYẾT"]);
/** the full names an authority line starts with, after a word that does not tie them to the trích yếu ("CỦA") */
const AUTHORITY_INSIDE = /(?<!\s(?:CỦA|CHO|VỚI|VÀ|TẠI|THUỘC|GIỮA|LẬP|GIAO))\s(?=(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHỦ TỊCH ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG BỘ|THỦ TƯỚNG CHÍNH PHỦ|GIÁM ĐỐC SỞ)\s)/gu;

/**
 * A crawler's one line for the trích yếu and the authority ("… NĂM 2024 BỘ TRƯỞNG BỘ TÀI NGUYÊN VÀ MÔI
 * TRƯỜNG"): in a decision's capitals, the authority starts at its last name of a body or head.
 */
function splitRunOnAuthority(lines: { text: string; at: Located }[], type: string): void {
  const last = lines.at(-1);
  if (!last || !DECIDING_TYPES.has(type) || !isAllCaps(last.text) || (lines.length >= 2 && AUTHORITY.test(last.text))) return;
  const at = [...last.text.matchAll(AUTHORITY_INSIDE)].at(-1)?.index;
  if (at === undefined || at === 0) return;
  lines.splice(-1, 1, { text: last.text.slice(0, at), at: last.at }, { text: last.text.slice(at + 1), at: last.at });
}

export function recognizeTitle(ctx: RecognizeContext, start: number): Recognized<TitleBlock | undefined> {
  let i = start;
  while (i < ctx.items.length && ctx.items[i]!.block.kind === "paragraph" && isBlankOrRule(ctx.items[i]!.block as SourceParagraph)) i++;
  const typeItem = ctx.items[i];
  if (!typeItem || typeItem.block.kind !== "paragraph" || !isTypeLine(typeItem.block)) {
    const found = typeItem?.block.kind === "paragraph" ? oneLine(typeItem.block).slice(0, 60) : typeItem ? "a table" : "the end of the document";
    ctx.report("recognize/title", { found, types: DOCUMENT_TYPES.slice(0, 4).join(", ") }, ctx.locate(i));
    return { value: undefined, next: i };
  }
  const at: Located = { position: typeItem.block.position, section: typeItem.section };
  ctx.mark(["document", "type"], at);
  const lines: { text: string; at: Located }[] = [];
  let j = i + 1;
  for (; j < ctx.items.length; j++) {
    const { block, section } = ctx.items[j]!;
    if (block.kind !== "paragraph") break;
    if (isBlankOrRule(block)) continue;
    if (lines.length > 0 && !continuesTitle(block)) break;
    if (lines.length === 0 && opensBody(block)) break;
    lines.push({ text: oneLine(block), at: { position: block.position, section } });
  }
  if (lines.length === 0) {
    ctx.report("recognize/subject", { type: typeOf(typeItem.block) }, at);
    return { value: undefined, next: j };
  }
  const type = typeOf(typeItem.block);
  splitRunOnAuthority(lines, type);
  const authorityAt = authorityStart(lines);
  const subjectLines = lines.slice(0, authorityAt);
  const authorityLines = lines.slice(authorityAt);
  ctx.mark(["subject"], subjectLines[0]!.at);
  if (authorityLines[0]) ctx.mark(["authority"], authorityLines[0].at);
  return {
    value: {
      type,
      subject: subjectLines.map((l) => l.text).join(" "),
      authority: authorityLines.map((l) => l.text).join(" "),
      at,
      parts: { type: at, subject: subjectLines.map((l) => l.at), authority: authorityLines.map((l) => l.at) },
    },
    next: j,
  };
}
