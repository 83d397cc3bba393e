import type { ImportContext, Parsed } from "./context.ts";
import type { SourceSpans } from "./source-map.ts";

export interface Preamble {
  type: string;
  subject: string;
  authority: string;
  legalBases: string[];
  proposal: string;
  decides: string;
}

const LEGAL_BASIS = /^Căn cứ(?=\s)/u;
const PROPOSAL = /^(Xét|Theo) đề nghị(?=\s)/u;
const DECIDES = /^QUYẾT ĐỊNH\s*:$/u;

function skipEmpty(ctx: ImportContext, index: number): number {
  let i = index;
  while (i < ctx.blocks.length && ctx.blocks[i]!.text === "") i++;
  return i;
}

/**
 * Type line, trích yếu, authority line, căn cứ, the proposal ("Xét đề nghị …") and "QUYẾT ĐỊNH:".
 * The authority line is the last block before the first căn cứ; everything between it and the type is the trích yếu.
 */
export function parsePreamble(ctx: ImportContext, start: number, spans: SourceSpans): Parsed<Preamble | undefined> {
  const typeIndex = skipEmpty(ctx, start);
  const typeBlock = ctx.blocks[typeIndex];
  const firstBasis = ctx.blocks.findIndex((b, i) => i > typeIndex && LEGAL_BASIS.test(b.text));
  const decidesIndex = ctx.blocks.findIndex((b, i) => i > typeIndex && DECIDES.test(b.text));
  const titleEnd = firstBasis >= 0 ? firstBasis : decidesIndex;
  const titleBlocks = ctx.blocks.slice(typeIndex + 1, titleEnd < 0 ? typeIndex + 1 : titleEnd).filter((b) => b.text !== "");
  if (!typeBlock || titleBlocks.length < 2) {
    ctx.reportAtBlock("import/title", { found: typeBlock?.text.split("\n")[0] ?? "end of file" }, typeBlock);
    return { value: undefined, next: typeIndex };
  }
  if (decidesIndex < 0) {
    ctx.reportAtBlock("import/decides", {}, typeBlock);
    return { value: undefined, next: typeIndex };
  }
  const between = ctx.blocks.slice(titleEnd, decidesIndex).filter((b) => b.text !== "");
  const span = (key: string, b: { offset: number; text: string }) => spans.set(key, { offset: b.offset, length: b.text.split("\n")[0]!.length });
  span("document.type", typeBlock);
  titleBlocks.forEach((b, i) => span(i === titleBlocks.length - 1 ? "authority" : "subject", b));
  between.filter((b) => LEGAL_BASIS.test(b.text)).forEach((b, i) => span(`legalBases.${i}`, b));
  between.filter((b) => PROPOSAL.test(b.text)).forEach((b) => span("proposal", b));
  const legalBases = between.filter((b) => LEGAL_BASIS.test(b.text)).map((b) => b.text.replace(/\n/g, " "));
  const proposal = between.filter((b) => PROPOSAL.test(b.text)).map((b) => b.text.replace(/\n/g, " "));
  return {
    value: {
      type: typeBlock.text.replace(/\n/g, " "),
      subject: titleBlocks.slice(0, -1).map((b) => b.text.replace(/\n/g, " ")).join(" "),
      authority: titleBlocks.at(-1)!.text.replace(/\n/g, " "),
      legalBases,
      proposal: proposal.join(" "),
      decides: ctx.blocks[decidesIndex]!.text,
    },
    next: decidesIndex + 1,
  };
}
