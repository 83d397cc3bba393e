/** The articles (spec §4): "Điều N." bold, then its text; the content blocks as body paragraphs; the end mark. */
import type { Paragraph } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import type { Block, BlockKind, Decision } from "../../model/schema.ts";
import { bodyParagraph, type Emphasis } from "./paragraphs.ts";

/** BODY-END */
const BODY_END_MARK = "./.";

type Piece = readonly [text: string, style: Emphasis];

/** Sections ("I. MỤC TIÊU") are headings; the other kinds read as running text. */
const BLOCK_STYLE: Record<BlockKind, Emphasis> = {
  section: { bold: true },
  item: {},
  point: {},
  paragraph: {},
  bullet: {},
};

const blockPieces = (block: Block): Piece[] => [[block.label === "" ? block.text : `${block.label} ${block.text}`, BLOCK_STYLE[block.kind]]];

/** BODY-END: the body ends with "./." once. The model usually has it; a final "." becomes "./.". */
function withEndMark(pieces: Piece[]): Piece[] {
  const last = pieces.at(-1)?.[0].trimEnd() ?? "";
  if (last.endsWith(BODY_END_MARK)) return pieces;
  return [...pieces, [last.endsWith(".") ? BODY_END_MARK.slice(1) : BODY_END_MARK, {}]];
}

export function articles(decision: Decision, layout: ProfileLayout): Paragraph[] {
  const paragraphs: Piece[][] = decision.articles.flatMap((article) => [
    // BODY-ARTICLE: "Điều 1." bold, indented like the body
    [[`Điều ${article.number}.`, { bold: true }], [` ${article.text}`, {}]],
    ...article.content.map(blockPieces),
  ]);
  const last = paragraphs.length - 1;
  paragraphs[last] = withEndMark(paragraphs[last]!);
  // The last paragraph keeps with the signature row, so the signature never starts a page alone.
  return paragraphs.map((pieces, i) => bodyParagraph(layout, pieces, i === last ? { keepNext: true } : {}));
}
