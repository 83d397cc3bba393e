/**
 * Between the title block and the body: căn cứ (one per paragraph, BODY-BASIS), the proposal ("Xét đề nghị
 * …", "Theo đề nghị …"), "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:"; in a Kế hoạch the "Thực hiện …" paragraphs before
 * section I.
 */
import type { RecognizeContext, Recognized } from "./context.ts";
import { endsBody } from "./boundaries.ts";
import { oneLine, type Located } from "./source-lines.ts";

export const LEGAL_BASIS = /^Căn\s+cứ(?=[\s\u00a0])/u;
export const PROPOSAL = /^(Xét|Theo)\s+(đề\s+nghị|đề\s+xuất|tờ\s+trình)(?=[\s\u00a0])/iu;
export const DECIDES = /^QUYẾT\s+(ĐỊNH|NGHỊ)\s*:?$/u;
export const ARTICLE = /^Điều\s+\d+/u;
/** a labelled paragraph opens the body: section "I.", "PHẦN I", or item "1." */
const SECTION = /^([IVXLC]+\.|\d+\.|PHẦN\s+[IVXLC\d]+|Phần\s+[IVXLC\d]+)[\s\u00a0]/u;

export interface Preamble {
  legalBases: string[];
  proposal: string;
  decides: string;
  /** a Kế hoạch's opening paragraphs ("Thực hiện …"); in a decision, paragraphs that fit nowhere else */
  preamble: string[];
}

export function recognizePreamble(ctx: RecognizeContext, start: number): Recognized<Preamble> {
  const value: Preamble = { legalBases: [], proposal: "", decides: "", preamble: [] };
  const proposals: string[] = [];
  let firstUnplaced: Located | undefined;
  let i = start;
  for (; i < ctx.items.length; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table" || endsBody(ctx, i)) break;
    const text = oneLine(block);
    if (text === "") continue;
    const at = { position: block.position, section };
    if (DECIDES.test(text)) {
      if (firstUnplaced) ctx.report("recognize/decision-preamble", { count: value.preamble.length }, firstUnplaced);
      value.decides = text;
      ctx.mark(["decides"], at);
      i++;
      break;
    }
    if (ARTICLE.test(text) || SECTION.test(text)) break;
    if (LEGAL_BASIS.test(text)) {
      ctx.mark(["legalBases", value.legalBases.length], at);
      value.legalBases.push(text);
    } else if (PROPOSAL.test(text)) {
      ctx.mark(["proposal"], at);
      proposals.push(text);
    } else {
      firstUnplaced ??= at;
      ctx.mark(["preamble", value.preamble.length], at);
      value.preamble.push(text);
    }
  }
  value.proposal = proposals.join(" ");
  return { value, next: i };
}
