/**
 * The foot of a công văn: "Nơi nhận" on the left (RECIP-LABEL, RECIP-ITEMS, RECIP-KG: it starts with
 * "- Như trên;") and the signature block on the right (SIGN-TITLE, SIGN-NAME), both starting on one line so
 * the label is level with the capacity line. Kept on one page with the paragraph before it, so the signature
 * never stands alone on the last page.
 */
import type { Content } from "pdfmake/interfaces.js";
import type { RecipientsPlan, SignaturePlan } from "../../layout/closing-plan.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";

/** Space between the body and the signature block. */
const SPACE_BEFORE_PT = 12;

export interface ClosingInput {
  /** the closing paragraph of the body */
  paragraph: Content;
  signature: SignaturePlan;
  recipients: RecipientsPlan;
  leftWidthPt: number;
  rightWidthPt: number;
  /** the body's line spacing (pdfmake lineHeight), for the blank lines left for the signature */
  lineSpacing: number;
}

export function closingContent(input: ClosingInput, layout: ProfileLayout): Content {
  const { signature, recipients } = input;
  const size = layout.signature.sizePt;
  const left: Content[] = [
    { text: recipients.label, fontSize: layout.recipients.labelSizePt, bold: true, italics: true },
    ...recipients.items.map((item): Content => ({ text: item, fontSize: layout.recipients.itemSizePt })),
  ];
  const right: Content[] = [
    ...signature.titleLines.map((line): Content => ({ text: line, fontSize: size, bold: true })),
    // the space for the handwritten signature and the seal: blank lines of the signature size
    { text: signature.name, fontSize: size, bold: true, margin: [0, layout.signature.nameGapLines * size * input.lineSpacing, 0, 0] },
  ];
  return {
    stack: [
      input.paragraph,
      {
        columns: [
          { width: input.leftWidthPt, stack: left, alignment: "left", lineHeight: 1 },
          { width: input.rightWidthPt, stack: right, alignment: "center", lineHeight: 1 },
        ],
        columnGap: 0,
        margin: [0, SPACE_BEFORE_PT, 0, 0],
      },
    ],
    unbreakable: true,
  };
}
