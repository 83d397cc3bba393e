/**
 * Lines a crawler ran together: a page's cells and short lines joined by spaces into one paragraph
 * ("Hà Nội, ngày 08 tháng 01 năm 2024 QUYẾT ĐỊNH VỀ VIỆC …", "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ
 * HOẠCH …"). Split where the parts' own marks say a new line starts: after a date line before a document
 * type, after the type before its trích yếu in capitals, before "(Ban hành kèm theo …)", and a signature
 * into its capacity lines, the name and what follows. The words are kept; only the line breaks come back.
 */
import { isAllCaps } from "../model/text.ts";
import type { SourceParagraph } from "../read/source-document.ts";
import { SIGNATURE_PREFIX } from "./boundaries.ts";
import { DATE } from "./header-marks.ts";
import type { Item } from "./source-lines.ts";
import { DOCUMENT_TYPES } from "./title-block.ts";

/** "PHỤ LỤC 01 DANH MỤC …": the heading, then its title in capitals */
const APPENDIX_FIRST = /^(PHỤ\s+LỤC(?:\s+(?:SỐ\s+)?[IVXLC\d]+)?)\s+(?=(?![IVXLC]+(?:\s|$))\p{Lu}{2,})/u;
const TYPE_FIRST = new RegExp(`^(${DOCUMENT_TYPES.join("|")})\\s+(?=\\S)`, "u");
const REFERENCE = /\s(?=\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\b)/u;
/** titles that close a capacity line: "KT. BỘ TRƯỞNG | THỨ TRƯỞNG", "TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH" */
const TITLES = ["PHÓ CHỦ TỊCH", "CHỦ TỊCH", "THỨ TRƯỞNG", "BỘ TRƯỞNG", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ TRƯỞNG BAN", "TRƯỞNG BAN", "VỤ TRƯỞNG", "PHÓ CỤC TRƯỞNG", "CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "PHÓ THỦ TƯỚNG", "THỦ TƯỚNG"];
const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;
const HEAD_FIRST = new RegExp(`^(${TITLES.join("|")})\\s`, "u");

/** "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → its lines: before each prefix, and a closing title apart. */
function capacityLines(text: string): string[] {
  const segments = text.split(/\s+(?=(?:TM|KT|Q|TL|TUQ)\.\s)/u);
  return segments.flatMap((segment) => {
    const title = TITLES.find((t) => segment.endsWith(` ${t}`));
    if (!title) return [segment];
    const before = segment.slice(0, -title.length - 1);
    // "KT. BỘ TRƯỞNG" is one line: a prefix alone is no line of its own
    return /^(TM|KT|Q|TL|TUQ)\.$/u.test(before) ? [segment] : [...capacityLines(before), title];
  });
}

/** A signature run on: capacity words in capitals, the name (2–5 capitalised words), then the rest. */
function splitSignature(text: string): string[] | undefined {
  if (!SIGNATURE_PREFIX.test(text) && !HEAD_FIRST.test(text)) return undefined;
  const words = text.split(/\s+/);
  let caps = 0;
  while (caps < words.length && isAllCaps(words[caps]!.replace(/[.,]/g, "") || "X")) caps++;
  let name = caps;
  while (name < words.length && name - caps < 5 && NAME_WORD.test(words[name]!) && !isAllCaps(words[name]!)) name++;
  if (caps === 0 || name - caps < 2) return undefined;
  const rest = words.slice(name).join(" ");
  return [...capacityLines(words.slice(0, caps).join(" ")), words.slice(caps, name).join(" "), ...(rest ? [rest] : [])];
}

/** `tail`: the text after a split, where a document type starts a title of its own */
function splitText(text: string, tail = false): string[] {
  const date = DATE.exec(text);
  if (date) {
    const end = date.index + date[0].length;
    const rest = text.slice(end).trim();
    if (TYPE_FIRST.test(`${rest} `) || DOCUMENT_TYPES.includes(rest)) return [text.slice(0, end).trim(), ...splitText(rest, true)];
  }
  const signature = splitSignature(text);
  if (signature) return [...signature.slice(0, -1), ...splitText(signature.at(-1)!, true)];
  const appendix = APPENDIX_FIRST.exec(text);
  if (appendix && isAllCaps(text.split(/\s\(/u)[0]!)) return [appendix[1]!, ...splitText(text.slice(appendix[0].length))];
  // "(Kèm theo Quyết định số …) Thực hiện …": the body runs on after the reference line
  if (/^\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\b/u.test(text)) {
    const close = text.indexOf(")");
    if (close > 0 && close < text.length - 1) return [text.slice(0, close + 1), ...splitText(text.slice(close + 1).trim())];
  }
  const reference = REFERENCE.exec(text);
  if (reference && reference.index > 0 && isAllCaps(text.slice(0, reference.index))) return [...splitText(text.slice(0, reference.index), tail), ...splitText(text.slice(reference.index + 1))];
  const type = TYPE_FIRST.exec(text);
  if (tail && type && isAllCaps(text) && text.length > type[0].length + 10) return [type[1]!, text.slice(type[0].length)];
  return [text];
}

function paragraphPiece(paragraph: SourceParagraph, text: string, offset: number): SourceParagraph {
  const { position } = paragraph;
  const at = "line" in position ? { line: position.line, column: position.column + offset } : position;
  return { kind: "paragraph", text, runs: [{ text }], position: at, ...(paragraph.alignment ? { alignment: paragraph.alignment } : {}) };
}

/** Top-level paragraphs run together split into the lines they were; every other block as it is. */
export function splitRunOnLines(items: readonly Item[]): Item[] {
  return items.flatMap((item) => {
    const { block } = item;
    if (block.kind !== "paragraph" || block.text.includes("\n")) return [item];
    const pieces = splitText(block.text.trim());
    if (pieces.length < 2) return [item];
    let from = 0;
    return pieces.map((piece) => {
      const offset = Math.max(block.text.indexOf(piece.split(" ")[0]!, from), 0);
      from = offset;
      return { block: paragraphPiece(block, piece, offset), section: item.section };
    });
  });
}
