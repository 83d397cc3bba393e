/** "Điều N." paragraphs (BODY-ARTICLE) and the sections, items, points and paragraphs under each. */
import type { Article, Block } from "../model/schema.ts";
import { classifyParagraph } from "./body-blocks.ts";
import { endsBody } from "./boundaries.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { oneLine, type Located } from "./source-lines.ts";

const ARTICLE = /^Điều\s+(\d+)\s*[.:]?[\s\u00a0]*(.*)$/su;

/** A table in the body has no place in the model: said so, never dropped silently. */
function reportBodyTable(ctx: RecognizeContext, index: number): void {
  const { block } = ctx.items[index]!;
  if (block.kind === "table") ctx.report("recognize/body-table", { rows: block.rows.length }, ctx.locate(index));
}

export function recognizeArticles(ctx: RecognizeContext, start: number): Recognized<Article[]> {
  const articles: Article[] = [];
  let i = start;
  for (; i < ctx.items.length && !endsBody(ctx, i); i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table") {
      reportBodyTable(ctx, i);
      continue;
    }
    const text = oneLine(block);
    if (text === "") continue;
    const at: Located = { position: block.position, section };
    const m = ARTICLE.exec(text);
    const article = articles.at(-1);
    if (m) {
      if (article && Number(m[1]) !== Number(article.number) + 1) ctx.report("recognize/article-sequence", { found: m[1]!, previous: article.number }, at);
      ctx.mark(["articles", articles.length], at);
      articles.push({ number: m[1]!, text: m[2]!, content: [] });
    } else if (article && article.text === "") {
      // "Điều 1" on a line of its own: its sentence follows
      article.text = text;
    } else if (article) {
      ctx.mark(["articles", articles.length - 1, "content", article.content.length], at);
      article.content.push(classifyParagraph(text));
    } else ctx.report("recognize/before-articles", { text: text.slice(0, 60) }, at);
  }
  if (articles.length === 0) ctx.report("recognize/articles", {}, ctx.locate(start));
  return { value: articles, next: i };
}

/** The body of a document without articles (a Kế hoạch, a Chỉ thị, an attached document): its blocks. */
export function recognizeContent(ctx: RecognizeContext, start: number, path: readonly (string | number)[]): Recognized<Block[]> {
  const content: Block[] = [];
  let i = start;
  for (; i < ctx.items.length && !endsBody(ctx, i); i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table") {
      reportBodyTable(ctx, i);
      continue;
    }
    const text = oneLine(block);
    if (text === "") continue;
    ctx.mark([...path, content.length], { position: block.position, section });
    content.push(classifyParagraph(text));
  }
  return { value: content, next: i };
}
