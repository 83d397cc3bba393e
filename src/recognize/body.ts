/**
 * The body after the preamble: a decision's or a resolution's articles after "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:",
 * else the sections, items and paragraphs of a Kế hoạch, a Chỉ thị or another document without articles.
 */
import type { Article, Block } from "../model/schema.ts";
import { recognizeArticles, recognizeContent } from "./articles.ts";
import { classifyParagraph } from "./body-blocks.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import type { Preamble } from "./preamble.ts";

export interface Body {
  articles: Article[];
  content: Block[];
}

export function recognizeBody(ctx: RecognizeContext, start: number, preamble: Preamble, type: string): Recognized<Body> {
  if (preamble.decides !== "") {
    const articles = recognizeArticles(ctx, start);
    return { value: { articles: articles.value, content: [] }, next: articles.next };
  }
  const content = recognizeContent(ctx, start, ["content"]);
  // a Chỉ thị or a short Kế hoạch of paragraphs without labels: its paragraphs are its body, not a preamble
  if (content.value.length === 0 && preamble.preamble.length > 0) {
    preamble.preamble.forEach((text, i) => {
      const at = ctx.places.get(`preamble.${i}`);
      if (at) ctx.places.set(`content.${i}`, at);
      content.value.push(classifyParagraph(text));
    });
    preamble.preamble = [];
  }
  if (content.value.length === 0) ctx.report("recognize/body", { type }, ctx.locate(content.next));
  return { value: { articles: [], content: content.value }, next: content.next };
}
