/**
 * A paragraph of the body by its label as written: section "I.", item "1." (or "1.1."), point "a)",
 * bullet "-" / "+", or a plain paragraph. The label is kept exactly; only the space after it goes.
 */
import type { Block } from "../model/schema.ts";

const KINDS = [
  ["section", /^([IVXLC]+\.)[\s\u00a0]+(.*)$/su],
  ["item", /^(\d+(?:\.\d+)*\.|\d+\))[\s\u00a0]+(.*)$/su],
  ["point", /^([a-zđ]\))[\s\u00a0]*(.*)$/su],
  ["bullet", /^([-–+•])[\s\u00a0]*(.*)$/su],
] as const;

export function classifyParagraph(text: string): Block {
  for (const [kind, re] of KINDS) {
    const m = re.exec(text);
    if (m) return { kind, label: m[1]!, text: m[2]! };
  }
  return { kind: "paragraph", label: "", text };
}
