import type { Article, Block as ContentBlock } from "../model/schema.ts";
import type { ImportContext, Parsed } from "./context.ts";
import type { SourceSpans } from "./source-map.ts";

const ARTICLE = /^Điều\s+(\d+)\s*[.:]\s*(.*)$/su;
const SECTION = /^([IVXLC]+)\.\s+(.*)$/su;
const ITEM = /^(\d+)\.\s+(.*)$/su;
const POINT = /^([a-zđ])\)\s+(.*)$/su;
const BULLET = /^([-–])\s*(.*)$/su;
/** Lines that start the signature block (SIGN-PREFIX). */
export const SIGNATURE_START = /^(TM|KT|Q|TL|TUQ)\.\s/u;
const RECIPIENTS_LABEL = /^Nơi nhận\s*:/u;

export function classifyParagraph(text: string): ContentBlock {
  const oneLine = text.replace(/\n/g, " ");
  for (const [kind, re] of [
    ["section", SECTION],
    ["item", ITEM],
    ["point", POINT],
    ["bullet", BULLET],
  ] as const) {
    const m = re.exec(oneLine);
    if (m) return { kind, label: kind === "bullet" ? "-" : kind === "point" ? `${m[1]})` : `${m[1]}.`, text: m[2]! };
  }
  return { kind: "paragraph", label: "", text: oneLine };
}

/** True for the first block after the articles: the signature, Nơi nhận, or the appendix heading. */
function endsArticles(raw: string): boolean {
  return SIGNATURE_START.test(raw) || RECIPIENTS_LABEL.test(raw) || /^PHỤ LỤC\b/iu.test(raw);
}

/** "Điều N." paragraphs and everything under them up to the signature block. */
export function parseArticles(ctx: ImportContext, start: number, spans: SourceSpans): Parsed<Article[]> {
  const articles: Article[] = [];
  let i = start;
  for (; i < ctx.blocks.length; i++) {
    const block = ctx.blocks[i]!;
    if (block.text === "") continue;
    if (endsArticles(block.text)) break;
    const m = ARTICLE.exec(block.text);
    if (m) {
      const previous = articles.at(-1);
      if (previous && Number(m[1]) !== Number(previous.number) + 1) {
        ctx.report("import/article-sequence", { found: m[1]!, previous: previous.number }, block.offset, 6);
      }
      spans.set(`articles.${articles.length}`, { offset: block.offset, length: block.text.split("\n")[0]!.length });
      articles.push({ number: m[1]!, text: m[2]!.replace(/\n/g, " "), content: [] });
    } else if (articles.length > 0) {
      const article = articles.at(-1)!;
      spans.set(`articles.${articles.length - 1}.content.${article.content.length}`, { offset: block.offset, length: block.text.split("\n")[0]!.length });
      article.content.push(classifyParagraph(block.text));
    }
  }
  if (articles.length === 0) ctx.reportAtBlock("import/articles", {}, ctx.blocks[start]);
  return { value: articles, next: i };
}
