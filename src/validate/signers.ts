import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import type { Signer } from "../model/schema.ts";
import type { Rule } from "./context.ts";

/** SIGN-PREFIX: the prefixes of a capacity line, each with its dot. */
const PREFIXES = ["TM.", "KT.", "Q.", "TL.", "TUQ."];
/** A prefix written without its dot ("TM ỦY BAN NHÂN DÂN") or in lower case ("Tm."). */
const ALMOST_A_PREFIX = /^(tm|kt|q|tl|tuq)(\.?)(?=\s)/iu;

/**
 * Every signer's lines: a capacity line that starts like a prefix uses one of SIGN-PREFIX as written; a
 * signer has at least a title line besides its capacity lines. Kept as written, reported.
 */
export const checkSigners: Rule = (decision) => {
  const signers: { signer: Signer; path: (string | number)[] }[] = [
    { signer: decision.signer, path: ["signer"] },
    ...decision.attachments.flatMap((a, i) => (a.signer ? [{ signer: a.signer, path: ["attachments", i, "signer"] }] : [])),
    ...(decision.letters ? [{ signer: decision.letters.signer, path: ["letters", "signer"] }] : []),
  ];
  const out: Diagnostic[] = [];
  for (const { signer, path } of signers) {
    signer.lines.forEach((line, i) => {
      const m = ALMOST_A_PREFIX.exec(line);
      if (m && !PREFIXES.includes(m[0])) out.push(diagnose("model/signer-prefix", { found: m[0], line }, { path: [...path, "lines", i] }));
    });
    if (signer.lines.every((line) => PREFIXES.some((p) => line.startsWith(`${p} `)))) {
      out.push(diagnose("model/signer-title", { lines: signer.lines.join(" / ") }, { path: [...path, "lines"] }));
    }
  }
  return out;
};
