/** The signature block (spec §5) and Nơi nhận (spec §6), side by side, in the header grid's columns. */
import type { ProfileLayout } from "../layout/profiles.ts";
import type { Signer } from "../model/schema.ts";
import { gridColumnsPt } from "./header-grid.ts";
import type { TextMeasurer } from "../layout/measure.ts";
import { paragraphHeightPt, stackHeightPt } from "./heights.ts";
import type { ClosingNode, PageSetup, ParagraphNode } from "./nodes.ts";
import { textHeightPt, textWidthPt } from "./page.ts";
import { bodyLineSpacing } from "./paragraphs.ts";
import { line } from "./stack.ts";

export const RECIPIENTS_LABEL = "Nơi nhận:";
/** công văn: the addressees are named in "Kính gửi", so Nơi nhận starts with this (RECIP-KG) */
export const AS_ABOVE = "Như trên;";

export interface ClosingInput {
  signer: Signer;
  /** recipient lines without the leading "- ", the archive line last */
  recipients: readonly string[];
}

/**
 * Whether the last paragraph can be kept on the signature's page: only when the two fit on one page together,
 * else a writer that keeps them as one block would have to cut it.
 */
export function fitsWithClosing(paragraph: ParagraphNode, closing: ClosingNode, page: PageSetup, measurer: TextMeasurer): boolean {
  const width = textWidthPt(page);
  const closingPt = closing.spaceBeforePt + Math.max(...[closing.recipients, closing.signature].map((stack, i) => stackHeightPt(stack, closing.columnsPt[i]! - 2 * closing.cellPaddingPt, measurer)));
  return paragraphHeightPt(paragraph, width, measurer) + closingPt <= textHeightPt(page);
}

export function composeClosing(input: ClosingInput, layout: ProfileLayout, textWidthPt: number): ClosingNode {
  const { signature, recipients } = layout;
  const bold = { sizePt: signature.sizePt, bold: true } as const;
  // SIGN-TITLE: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", as written
  const titles = input.signer.lines;
  return {
    kind: "closing",
    columnsPt: gridColumnsPt(layout, textWidthPt),
    cellPaddingPt: layout.grid.cellPaddingPt,
    spaceBeforePt: layout.gaps.beforeClosing,
    // RECIP-LABEL: flush left, 12 pt bold italic, level with the capacity line; RECIP-ITEMS: "- …", 11 pt
    // an attached document signed at its end has no Nơi nhận of its own
    recipients:
      input.recipients.length === 0
        ? []
        : [
            line(RECIPIENTS_LABEL, { sizePt: recipients.labelSizePt, bold: true, italic: true, align: "left" }),
            ...input.recipients.map((item) => line(`- ${item}`, { sizePt: recipients.itemSizePt, align: "left" })),
          ],
    signature: [
      ...titles.map((text) => line(text, bold)),
      // SIGN-NAME: under the space left for the signature and the seal (blank lines of the signature size)
      line(input.signer.name, { ...bold, spaceBeforePt: signature.nameGapLines * signature.sizePt * bodyLineSpacing(layout) }),
    ],
  };
}
