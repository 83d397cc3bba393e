/**
 * One công văn (assignment letter) per agency as PDF (spec §10): the header grid, "Kính gửi", the opening
 * paragraph, the tasks the agency leads and those it supports as tables, the closing paragraph, the signature
 * and "Nơi nhận". Wording from the letter templates; sizes and margins from the profile.
 *
 * Pure: no file, clock or environment access (fonts come from the context, dates from the model), so the same
 * model gives the same bytes, and it can run in a worker thread (only per-thread caches are shared).
 */
import type { Content, DynamicContent, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { AS_ABOVE, planRecipients, planSignature } from "../../layout/closing-plan.ts";
import { planHeader, textWidthPt } from "../../layout/header-plan.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { mmToPt } from "../../layout/units.ts";
import { composeLetterText, issuerName, requireLetters, type LetterText } from "../../letters/letter-text.ts";
import type { LetterWording } from "../../letters/templates.ts";
import type { AgencyAssignment } from "../../resolve/assignments.ts";
import { isoToUtcDate } from "../../model/dates.ts";
import type { Decision } from "../../model/schema.ts";
import type { RenderContext } from "../context.ts";
import { closingContent } from "./pdf-closing.ts";
import { headerContent } from "./pdf-header.ts";
import { taskTable } from "./pdf-tables.ts";
import { ascenderEm, renderPdf } from "./pdfmake-runtime.ts";

/** RECIP-KG: the addressee line above the body. */
export const ADDRESSEE_LABEL = "Kính gửi:";
/** Space above and below the "Kính gửi" line. */
const ADDRESSEE_SPACE_PT = 12;

/** PAGE-NUM: not on page 1; top centre (ND30) or bottom right (TT01), in the page margin. */
function pageNumbers(layout: ProfileLayout): Pick<TDocumentDefinitions, "header" | "footer"> {
  const { sizePt, position } = layout.pageNumber;
  const { marginMm, headerMm, footerMm } = layout.page;
  const number = (page: number, content: (text: string) => Content): Content | null => (page === 1 ? null : content(String(page)));
  if (position === "top-center") {
    const header: DynamicContent = (page) => number(page, (text) => ({ text, fontSize: sizePt, alignment: "center", margin: [0, mmToPt(headerMm), 0, 0] }));
    return { header };
  }
  const footer: DynamicContent = (page) =>
    number(page, (text) => ({
      text,
      fontSize: sizePt,
      alignment: "right",
      margin: [0, Math.max(0, mmToPt(marginMm.bottom - footerMm) - sizePt), mmToPt(marginMm.right), 0],
    }));
  return { footer };
}

function bodyParagraph(text: string, layout: ProfileLayout): Content {
  // BODY-PARA: justified, first-line indent, ≥ 6 pt after
  return { text, alignment: "justify", leadingIndent: mmToPt(layout.body.firstLineIndentMm), margin: [0, 0, 0, layout.body.spaceAfterPt] };
}

function bodyContent(text: LetterText, assignment: AgencyAssignment, ctx: RenderContext): Content[] {
  const layout = ctx.layout;
  const width = textWidthPt(layout);
  const content: Content[] = [bodyParagraph(text.opening, layout)];
  // A table and its intro are left out when the agency has no task in that role.
  if (assignment.lead.length > 0) {
    content.push(bodyParagraph(text.leadIntro, layout));
    content.push(taskTable({ role: "lead", tasks: assignment.lead, headings: text.leadColumns, textWidthPt: width }, layout, ctx.measurer));
  }
  if (assignment.support.length > 0) {
    content.push(bodyParagraph(text.supportIntro, layout));
    content.push(taskTable({ role: "support", tasks: assignment.support, headings: text.supportColumns, textWidthPt: width }, layout, ctx.measurer));
  }
  return content;
}

export async function renderLetterPdf(decision: Decision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): Promise<Uint8Array> {
  const letters = requireLetters(decision);
  const layout = ctx.layout;
  const text = composeLetterText(decision, assignment, wording, ctx.resolver.byId);
  const nfc = (s: string) => s.normalize("NFC");
  const header = planHeader(
    { issuer: decision.issuer, number: letters.number, symbol: letters.symbol, date: letters.date, subjectLine: `V/v ${letters.subject}`, kern: true },
    layout,
    ctx.measurer,
  );
  // BODY-PARA line spacing: 240 = single
  const lineSpacing = layout.body.lineAuto240 / 240;
  const addressee = nfc(assignment.agency.addressee);
  const { marginMm } = layout.page;
  const issued = isoToUtcDate(letters.date);
  const definition: TDocumentDefinitions = {
    version: "1.7", // PDF-VERSION: ≥ 1.4 (pdfmake writes 1.3 by default)
    pageSize: { width: mmToPt(layout.page.widthMm), height: mmToPt(layout.page.heightMm) },
    pageOrientation: "portrait",
    pageMargins: [mmToPt(marginMm.left), mmToPt(marginMm.top), mmToPt(marginMm.right), mmToPt(marginMm.bottom)],
    language: "vi-VN",
    info: {
      title: nfc(`${header.subjectLine} – ${addressee}`),
      author: nfc(issuerName(decision)),
      // "…/UBND-NC" while the number is left blank
      subject: nfc(`Công văn số ${header.numberLine.replace(/^Số:\s*/, "").replace(/^\//, "…/")} gửi ${addressee}`),
      keywords: nfc(`công văn; ${decision.document.symbol}; ${assignment.agency.id}; profile ${layout.id} (${layout.ruleSet})`),
      creator: ctx.toolName,
      producer: `${ctx.toolName} (pdfmake)`,
      // REPRO: dates from the model, never the clock; pdfkit derives the file /ID from them
      creationDate: issued,
      modDate: issued,
    },
    ...pageNumbers(layout),
    defaultStyle: { fontSize: layout.body.sizePt, lineHeight: lineSpacing },
    content: [
      ...headerContent(header, layout, { ascenderEm: ascenderEm(ctx.fonts, "normal") }),
      // RECIP-KG: one addressee, on the label's line
      { text: `${ADDRESSEE_LABEL} ${addressee}`, alignment: "center", margin: [0, ADDRESSEE_SPACE_PT, 0, ADDRESSEE_SPACE_PT] },
      ...bodyContent(text, assignment, ctx),
      closingContent(
        {
          paragraph: bodyParagraph(text.closing, layout),
          signature: planSignature(letters.signer),
          recipients: planRecipients({ items: [AS_ABOVE, ...letters.copies], archive: letters.archive }),
          leftWidthPt: header.leftWidthPt,
          rightWidthPt: header.rightWidthPt,
          lineSpacing,
        },
        layout,
      ),
    ],
  };
  return renderPdf(definition, ctx.fonts);
}
