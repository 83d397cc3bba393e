/**
 * The decision's plan: the portrait main section (header grid, title block, authority, căn cứ, proposal,
 * "QUYẾT ĐỊNH:", the articles, signature and Nơi nhận) and, when the model has one, the appendix section.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import type { Block, BlockKind, Decision } from "../model/schema.ts";
import { composeAppendixSection } from "./appendix.ts";
import { composeClosing, fitsWithClosing } from "./closing.ts";
import { composeHeaderGrid } from "./header-grid.ts";
import { withKeepRoom } from "./heights.ts";
import { decisionMetadata } from "./metadata.ts";
import type { BlockNode, DocumentPlan, ParagraphNode, ParagraphRole, Run, SectionPlan } from "./nodes.ts";
import { pageNumbering, pageSetup, textWidthPt } from "./page.ts";
import { bodyParagraph, centredHeading, run, withEndMark } from "./paragraphs.ts";
import { composeDecisionTitle } from "./title-block.ts";

/** Sections ("I. MỤC TIÊU") are bold headings kept with what follows; the other kinds read as running text. */
const BLOCK_ROLE: Record<BlockKind, ParagraphRole> = { section: "section", item: "item", point: "point", paragraph: "body", bullet: "bullet" };

const blockRuns = (block: Block): Run[] => [run(block.label === "" ? block.text : `${block.label} ${block.text}`, block.kind === "section" ? { bold: true } : {})];

function preamble(decision: Decision, layout: ProfileLayout): ParagraphNode[] {
  const italic = { italic: true } as const;
  return [
    // BODY-AUTHORITY
    centredHeading(layout, "authority", decision.authority, layout.gaps.beforeAuthority, layout.body.spaceAfterPt),
    // BODY-BASIS: italic, one per paragraph, punctuation as written
    ...decision.legalBases.map((basis) => bodyParagraph(layout, "basis", [run(basis, italic)])),
    ...(decision.proposal === "" ? [] : [bodyParagraph(layout, "proposal", [run(decision.proposal, italic)])]),
    // BODY-DECIDES
    centredHeading(layout, "decides", decision.decides, layout.gaps.aroundDecides, layout.gaps.aroundDecides),
  ];
}

function articles(decision: Decision, layout: ProfileLayout): ParagraphNode[] {
  const paragraphs = decision.articles.flatMap((article) => [
    // BODY-ARTICLE: "Điều 1." bold, indented like the body
    bodyParagraph(layout, "article", [run(`Điều ${article.number}.`, { bold: true }), run(` ${article.text}`)]),
    ...article.content.map((block) => bodyParagraph(layout, BLOCK_ROLE[block.kind], blockRuns(block), block.kind === "section")),
  ]);
  const last = paragraphs.at(-1)!;
  const lastRun = last.runs.at(-1)!;
  // BODY-END
  paragraphs[paragraphs.length - 1] = { ...last, runs: [...last.runs.slice(0, -1), { ...lastRun, text: withEndMark(lastRun.text) }] };
  return paragraphs;
}

export function composeDecisionPlan(decision: Decision, layout: ProfileLayout, measurer: TextMeasurer): DocumentPlan {
  const page = pageSetup(layout, "portrait");
  const width = textWidthPt(page);
  const { document: doc, issuer } = decision;
  const body = articles(decision, layout);
  const closing = composeClosing({ signer: decision.signer, recipients: [...decision.recipients.items, decision.recipients.archive] }, layout, width);
  // the last paragraph stays with the signature, so the signature never starts a page alone
  body[body.length - 1] = { ...body.at(-1)!, keepWithNext: fitsWithClosing(body.at(-1)!, closing, page, measurer) };
  const blocks: BlockNode[] = [
    composeHeaderGrid({ issuer, number: doc.number, symbol: doc.symbol, date: doc.date }, layout, measurer, width),
    composeDecisionTitle(doc.type, decision.subject, layout, measurer, width),
    ...preamble(decision, layout),
    ...body,
    closing,
  ];
  const sections: SectionPlan[] = [{ page, numbering: pageNumbering(layout, false), blocks: withKeepRoom(blocks, page, measurer) }];
  if (decision.appendix) sections.push(composeAppendixSection(decision.appendix, layout, measurer));
  return { kind: "decision", font: { family: layout.font.family, colour: layout.font.color }, baseSizePt: layout.body.sizePt, metadata: decisionMetadata(decision, layout), sections };
}
