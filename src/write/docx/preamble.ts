/** Between the title block and the articles (spec §4): authority, căn cứ, proposal, "QUYẾT ĐỊNH:". */
import type { Paragraph } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToTwips } from "../../layout/units.ts";
import type { Decision } from "../../model/schema.ts";
import { bodyParagraph, centredParagraph } from "./paragraphs.ts";
import { GAP_PT } from "./styles.ts";

export function preamble(decision: Decision, layout: ProfileLayout): Paragraph[] {
  const { font, body } = layout;
  const heading = { sizePt: body.sizePt, bold: true };
  const italic = { italic: true };
  return [
    // BODY-AUTHORITY: caps bold centred
    centredParagraph(font, decision.authority, heading, {
      spacing: { before: ptToTwips(GAP_PT.beforeAuthority), after: ptToTwips(body.spaceAfterPt) },
      keepNext: true,
    }),
    // BODY-BASIS: italic, one per paragraph, punctuation as written
    ...decision.legalBases.map((basis) => bodyParagraph(layout, [[basis, italic]])),
    ...(decision.proposal === "" ? [] : [bodyParagraph(layout, [[decision.proposal, italic]])]),
    // BODY-DECIDES: caps bold centred
    centredParagraph(font, decision.decides, heading, {
      spacing: { before: ptToTwips(GAP_PT.aroundDecides), after: ptToTwips(GAP_PT.aroundDecides) },
      keepNext: true,
    }),
  ];
}
