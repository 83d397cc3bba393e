/** "Điều N." paragraphs (BODY-ARTICLE) and the sections, items, points and paragraphs under each. */
import type { Article, Block } from "../model/schema.ts";
import { classifyParagraph } from "./body-blocks.ts";
import { endsBody } from "./boundaries.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { oneLine, type Located } from "./source-lines.ts";

const ARTICLE = /^Điều\s+(\d+)\s*[.:]?[\s\u00a0]*(.*)$/su;

/**
 * Each paragraph with text of the body from `start` to where it ends, with its place; a table in the body
 * has no place in the model: said so, never dropped silently. Returns the index of the first item after it.
 */
function eachBodyParagraph(ctx: RecognizeContext, start: number, visit: (text: string, at: Located) => void): number {
  let i = start;
  for (; i < ctx.items.length && !endsBody(ctx, i); i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table") {
      ctx.report("recognize/body-table", { rows: block.rows.length }, ctx.locate(i));
      continue;
    }
    const text = oneLine(block);
    if (text !== "") visit(text, { position: block.position, section });
  }
  return i;
}

export function recognizeArticles(ctx: RecognizeContext, start: number): Recognized<Article[]> {
  const articles: Article[] = [];
  const next = eachBodyParagraph(ctx, start, (text, at) => {
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
  });
  if (articles.length === 0) ctx.report("recognize/articles", {}, ctx.locate(start));
  return { value: articles, next };
}

/** The body of a document without articles (a Kế hoạch, a Chỉ thị, an attached document): its blocks. */
export function recognizeContent(ctx: RecognizeContext, start: number, path: readonly (string | number)[]): Recognized<Block[]> {
  const content: Block[] = [];
  const next = eachBodyParagraph(ctx, start, (text, at) => {
    ctx.mark([...path, content.length], at);
    content.push(classifyParagraph(text));
  });
  return { value: content, next };
}
