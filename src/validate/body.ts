import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { POINT_LETTERS } from "../model/refs.ts";
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
  decision.articles.forEach((article, a) =>
    article.content.forEach((block, b) => {
      if (block.kind === "point" && !POINT_LETTERS.includes(block.label.replace(/\)$/, ""))) {
        out.push(diagnose("model/point-letter", { label: block.label }, { path: ["articles", a, "content", b, "label"] }));
      }
    }),
  );
  const lastArticle = decision.articles.at(-1);
  const lastText = lastArticle?.content.at(-1)?.text ?? lastArticle?.text ?? "";
  if (!lastText.trimEnd().endsWith("./.")) {
    out.push(diagnose("model/body-end", {}, { path: ["articles", decision.articles.length - 1, "text"] }));
  }
  if (decision.recipients.origin === "editorial") out.push(diagnose("model/editorial-recipients", {}, { path: ["recipients", "origin"] }));
  if (!decision.letters) out.push(diagnose("model/letters-missing", {}, { path: [] }));
  return out;
};
