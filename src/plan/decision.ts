/**
 * The plan of the main document and what it issues. A decision or resolution: header grid, title block,
 * authority, căn cứ, proposal, "QUYẾT ĐỊNH:", its articles, signature and Nơi nhận. A Kế hoạch or Chỉ thị
 * issued directly: the same header and title, its "Thực hiện …" preamble, its sections (`content`), closing.
 * Then each attached document ("ban hành kèm theo") and each appendix in a section of its own.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import type { Attachment, Block, BlockKind, Decision } from "../model/schema.ts";
import { composeAppendixSection } from "./appendix.ts";
import { composeClosing, fitsWithClosing } from "./closing.ts";
import { composeHeaderGrid } from "./header-grid.ts";
import { withKeepRoom } from "./heights.ts";
import { decisionMetadata } from "./metadata.ts";
import type { BlockNode, ClosingNode, DocumentPlan, PageSetup, ParagraphNode, ParagraphRole, Run, SectionPlan } from "./nodes.ts";
import { pageNumbering, pageSetup, textWidthPt } from "./page.ts";
import { bodyParagraph, centredHeading, run, withEndMark } from "./paragraphs.ts";
import { composeAttachmentTitle, composeDecisionTitle } from "./title-block.ts";

/** Sections ("I. MỤC TIÊU") are bold headings kept with what follows; the other kinds read as running text. */
const BLOCK_ROLE: Record<BlockKind, ParagraphRole> = { section: "section", item: "item", point: "point", paragraph: "body", bullet: "bullet" };

const blockRuns = (block: Block): Run[] => [run(block.label === "" ? block.text : `${block.label} ${block.text}`, block.kind === "section" ? { bold: true } : {})];

const blockParagraphs = (blocks: readonly Block[], layout: ProfileLayout): ParagraphNode[] =>
  blocks.map((block) => bodyParagraph(layout, BLOCK_ROLE[block.kind], blockRuns(block), block.kind === "section"));

function preamble(decision: Decision, layout: ProfileLayout): ParagraphNode[] {
  const italic = { italic: true } as const;
  return [
    // BODY-AUTHORITY
    ...(decision.authority === "" ? [] : [centredHeading(layout, "authority", decision.authority, layout.gaps.beforeAuthority, layout.body.spaceAfterPt)]),
    // BODY-BASIS: italic, one per paragraph, punctuation as written
    ...decision.legalBases.map((basis) => bodyParagraph(layout, "basis", [run(basis, italic)])),
    ...(decision.proposal === "" ? [] : [bodyParagraph(layout, "proposal", [run(decision.proposal, italic)])]),
    // a Kế hoạch's "Thực hiện …": upright running text
    ...decision.preamble.map((text) => bodyParagraph(layout, "preamble", [run(text)])),
    // BODY-DECIDES
    ...(decision.decides === "" ? [] : [centredHeading(layout, "decides", decision.decides, layout.gaps.aroundDecides, layout.gaps.aroundDecides)]),
  ];
}

function body(decision: Decision, layout: ProfileLayout): ParagraphNode[] {
  const paragraphs = [
    ...decision.articles.flatMap((article) => [
      // BODY-ARTICLE: "Điều 1." bold, indented like the body
      bodyParagraph(layout, "article", [run(`Điều ${article.number}.`, { bold: true }), run(` ${article.text}`)]),
      ...blockParagraphs(article.content, layout),
    ]),
    ...blockParagraphs(decision.content, layout),
  ];
  return withBodyEnd(paragraphs);
}

/** BODY-END: the body's last paragraph ends with "./.". */
function withBodyEnd(paragraphs: ParagraphNode[]): ParagraphNode[] {
  const last = paragraphs.at(-1);
  if (!last) return paragraphs;
  const lastRun = last.runs.at(-1)!;
  return [...paragraphs.slice(0, -1), { ...last, runs: [...last.runs.slice(0, -1), { ...lastRun, text: withEndMark(lastRun.text) }] }];
}

/** The last paragraph stays with the signature, so the signature never starts a page alone. */
function closed(paragraphs: ParagraphNode[], closing: ClosingNode, page: PageSetup, measurer: TextMeasurer): BlockNode[] {
  const last = paragraphs.at(-1);
  if (!last) return [closing];
  return [...paragraphs.slice(0, -1), { ...last, keepWithNext: fitsWithClosing(last, closing, page, measurer) }, closing];
}

/** An attached document: its own portrait section, numbered from 1, title block, sections, and its signer if it is signed. */
function attachmentSection(attachment: Attachment, layout: ProfileLayout, measurer: TextMeasurer): SectionPlan {
  const page = pageSetup(layout, "portrait");
  const width = textWidthPt(page);
  const paragraphs = blockParagraphs(attachment.content, layout);
  const blocks: BlockNode[] = [
    composeAttachmentTitle(attachment, layout, measurer, width),
    ...(attachment.signer ? closed(paragraphs, composeClosing({ signer: attachment.signer, recipients: [] }, layout, width), page, measurer) : paragraphs),
  ];
  return { page, numbering: pageNumbering(layout, true), blocks: withKeepRoom(blocks, page, measurer) };
}

export function composeDecisionPlan(decision: Decision, layout: ProfileLayout, measurer: TextMeasurer): DocumentPlan {
  const page = pageSetup(layout, "portrait");
  const width = textWidthPt(page);
  const { document: doc, issuer } = decision;
  const closing = composeClosing({ signer: decision.signer, recipients: [...decision.recipients.items, decision.recipients.archive] }, layout, width);
  const blocks: BlockNode[] = [
    composeHeaderGrid({ issuer, number: doc.number, symbol: doc.symbol, date: doc.date }, layout, measurer, width),
    composeDecisionTitle(doc.type, decision.subject, layout, measurer, width),
    ...preamble(decision, layout),
    ...closed(body(decision, layout), closing, page, measurer),
  ];
  const sections: SectionPlan[] = [
    { page, numbering: pageNumbering(layout, false), blocks: withKeepRoom(blocks, page, measurer) },
    ...decision.attachments.map((attachment) => attachmentSection(attachment, layout, measurer)),
    ...decision.appendices.map((appendix) => composeAppendixSection(appendix, layout, measurer)),
  ];
  return { kind: "decision", font: { family: layout.font.family, colour: layout.font.color }, baseSizePt: layout.body.sizePt, metadata: decisionMetadata(decision, layout), sections };
}
