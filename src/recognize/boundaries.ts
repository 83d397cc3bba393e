/**
 * Where the parts of a document start: the signature (SIGN-PREFIX, or a head signing in person), the Nơi
 * nhận, an appendix heading (APX-HEAD), a document issued with the decision ("KẾ HOẠCH" + title +
 * "(Ban hành kèm theo …)"), a second header grid. The body recognizers stop at any of them.
 */
import { isAllCaps } from "../model/text.ts";
import type { SourceTable } from "../read/source-document.ts";
import type { RecognizeContext } from "./context.ts";
import { NATIONAL_NAME } from "./header-marks.ts";
import { cellText, oneLine, tableText } from "./source-lines.ts";
import { isTypeLine } from "./title-block.ts";

export const SIGNATURE_PREFIX = /^(TM|KT|Q|TL|TUQ)\.\s*\S/u;
/** A head signing in person: "CHỦ TỊCH", "GIÁM ĐỐC", "BỘ TRƯỞNG" */
const HEAD_TITLE = /^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG)\b/u;
export const RECIPIENTS_LABEL = /^Nơi\s+nhận\s*:?/u;
const APPENDIX_HEADING = /^PH[ỤU]\s+L[ỤU]C(\s+(SỐ\s+)?[IVXLC\d]+[a-z]?)?\s*[.:]?$/iu;
/** "(Ban hành kèm theo Quyết định số …)", "(Kèm theo …)" */
export const ATTACHED_REFERENCE = /^\(?\s*(Ban\s+hành\s+)?(kèm|Kèm)\s+theo\b/u;

/** A capacity line that starts a signature block. */
export function startsSignature(text: string): boolean {
  return SIGNATURE_PREFIX.test(text) || (isAllCaps(text) && text.length <= 40 && HEAD_TITLE.test(text));
}

export function isAppendixHeading(text: string): boolean {
  return APPENDIX_HEADING.test(text);
}

/** A table beside the signature: a cell opens with "Nơi nhận" or a capacity line. */
export function isClosingTable(table: SourceTable): boolean {
  return table.rows.some((row) => row.cells.some((cell) => {
    const text = cellText(cell);
    return RECIPIENTS_LABEL.test(text) || startsSignature(text.split("\n")[0] ?? "");
  }));
}

export function isHeaderTable(table: SourceTable): boolean {
  return NATIONAL_NAME.test(tableText(table));
}

/** A type line followed, within a few paragraphs, by a "(Ban hành kèm theo …)" line. */
export function startsAttachment(ctx: RecognizeContext, index: number): boolean {
  const block = ctx.items[index]?.block;
  return block?.kind === "paragraph" && isTypeLine(block) && referenceFollows(ctx, index);
}

/**
 * An appendix headed otherwise than "PHỤ LỤC": a short line in capitals that is no document type
 * ("DANH SÁCH", "DANH MỤC"), its title, and a "(Kèm theo …)" line.
 */
export function startsHeadedList(ctx: RecognizeContext, index: number): boolean {
  const block = ctx.items[index]?.block;
  if (block?.kind !== "paragraph") return false;
  const text = oneLine(block);
  if (text.length > 40 || !isAllCaps(text) || isTypeLine(block) || /^[IVXLC\d]+[.)]/u.test(text) || isAppendixHeading(text)) return false;
  // a title line under "PHỤ LỤC" is no heading of its own
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    const before = ctx.items[i]!.block;
    if (before.kind !== "paragraph") break;
    if (oneLine(before) !== "") {
      if (isAppendixHeading(oneLine(before))) return false;
      break;
    }
  }
  return referenceFollows(ctx, index, 1);
}

/** A "(Kèm theo …)" line within a few paragraphs after `index`, with at least `titleLines` lines before it. */
function referenceFollows(ctx: RecognizeContext, index: number, titleLines = 0): boolean {
  let seen = 0;
  for (let i = index + 1; i < ctx.items.length && seen < 5; i++) {
    const next = ctx.items[i]!.block;
    if (next.kind !== "paragraph") return false;
    const text = oneLine(next);
    if (text === "") continue;
    if (ATTACHED_REFERENCE.test(text)) return seen >= titleLines;
    seen++;
  }
  return false;
}

/** The body ends here: a closing, an appendix, an attached document or its header. */
export function endsBody(ctx: RecognizeContext, index: number): boolean {
  const { block } = ctx.items[index]!;
  if (block.kind === "table") return isClosingTable(block) || isHeaderTable(block);
  const text = oneLine(block);
  const first = block.text.split(/[\t\n]|[ \u00a0]{3,}/).map((s) => s.trim()).find((s) => s !== "") ?? "";
  return RECIPIENTS_LABEL.test(text) || startsSignature(first) || isAppendixHeading(text) || startsAttachment(ctx, index);
}
