import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { PointOrder } from "../model/point-order.ts";
import type { Rule } from "./context.ts";

/** BODY-BASIS punctuation (reported, never changed), BODY-POINT letters and BODY-END. */
export const checkBody: Rule = (decision) => {
  const out: Diagnostic[] = [];
  decision.legalBases.forEach((basis, i) => {
    const last = i === decision.legalBases.length - 1 && decision.proposal === "";
    const expected = last ? "." : ";";
    const found = basis.trim().slice(-1);
    if (found !== expected) {
      out.push(diagnose("model/legal-basis-punctuation", { index: i + 1, found, expected }, { path: ["legalBases", i] }));
    }
  });
  // each list of điểm: an article's, the body's (a document without articles), an attached document's
  const lists = [
    ...decision.articles.map((article, a) => article.content.map((block, b) => ({ block, path: ["articles", a, "content", b, "label"] }))),
    decision.content.map((block, b) => ({ block, path: ["content", b, "label"] })),
    ...decision.attachments.map((att, a) => att.content.map((block, b) => ({ block, path: ["attachments", a, "content", b, "label"] }))),
  ];
  for (const blocks of lists) {
    // as vanban check reads BODY-POINT: a khoản ("1.") starts a new list
    const order = new PointOrder();
    for (const { block, path } of blocks) {
      if (block.kind === "item" && /^\d/u.test(block.label)) order.restart();
      if (block.kind !== "point") continue;
      const verdict = order.take(block.label.replace(/\)$/, ""));
      if (verdict.kind === "not-a-letter") out.push(diagnose("model/point-letter", { label: block.label }, { path }));
      // no fix offered: relabelling one point would put every later one of its list out of order
      else if (verdict.kind === "out-of-order" && verdict.expected) out.push(diagnose("model/point-sequence", { found: block.label, expected: `${verdict.expected})` }, { path }));
    }
  }
  // BODY-END: the last paragraph of the articles, or of the body of a document without articles
  const lastArticle = decision.articles.at(-1);
  const [lastText, lastPath] = lastArticle
    ? lastArticle.content.length > 0
      ? [lastArticle.content.at(-1)!.text, ["articles", decision.articles.length - 1, "content", lastArticle.content.length - 1, "text"]]
      : [lastArticle.text, ["articles", decision.articles.length - 1, "text"]]
    : [decision.content.at(-1)?.text ?? "", ["content", Math.max(0, decision.content.length - 1), "text"]];
  if (decision.articles.length === 0 && decision.content.length === 0) out.push(diagnose("model/body-missing", {}, { path: [] }));
  else if (!lastText.trimEnd().endsWith("./.")) out.push(diagnose("model/body-end", {}, { path: lastPath }));
  if (decision.recipients.origin === "editorial") out.push(diagnose("model/editorial-recipients", {}, { path: ["recipients", "origin"] }));
  // RECIP-ITEMS: each Nơi nhận line ends ";", the last ("Lưu: …") "."; the build's layout check refuses otherwise
  // --fix puts the mark the line lacks at its end (a "," or "." there becomes it), the words as written
  const punctuation = (line: string, expected: string, path: (string | number)[]) => {
    if (line.trimEnd().endsWith(expected)) return;
    const to = `${line.trimEnd().replace(/[;,.:]$/u, "")}${expected}`;
    out.push(diagnose("model/recipients-punctuation", { line, expected }, { path, fix: { path, from: line, to } }));
  };
  decision.recipients.items.forEach((item, i) => punctuation(item, ";", ["recipients", "items", i]));
  punctuation(decision.recipients.archive, ".", ["recipients", "archive"]);
  if (!decision.letters) out.push(diagnose("model/letters-missing", {}, { path: [] }));
  return out;
};
