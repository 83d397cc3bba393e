import type { Diagnostic, Fix } from "../diagnostics/diagnostic.ts";
import { LineIndex } from "../diagnostics/line-index.ts";
import { placeDiagnostics, type Locator } from "../diagnostics/locate.ts";
import { applyFixes } from "../model/apply-fixes.ts";
import { decisionSchema, SCHEMA_VERSION, type Decision } from "../model/schema.ts";
import type { ValidationEnv } from "../validate/context.ts";
import { validateDecision } from "../validate/validate-decision.ts";
import { parseAppendix } from "./appendix-table.ts";
import { parseArticles } from "./articles.ts";
import { ImportContext } from "./context.ts";
import { editorialLetters, editorialRecipients } from "../recognize/editorial-defaults.ts";
import { parseHeader } from "./header.ts";
import { parsePreamble } from "./preamble.ts";
import { splitBlocks } from "./scrape-blocks.ts";
import { parseClosing } from "./signature.ts";
import { pathKey, type SourceSpans } from "./source-map.ts";

export interface ImportResult {
  decision?: Decision;
  diagnostics: Diagnostic[];
  /** Fixes applied by `fix: true`, for the report. */
  applied: Fix[];
}

function spanLocator(spans: SourceSpans, index: LineIndex): Locator {
  return (path) => {
    const span = spans.get(pathKey(path));
    if (!span) return undefined;
    return { start: index.toPoint(span.offset), end: index.toPoint(span.offset + span.length) };
  };
}

/**
 * Scraped text → model. Part parsers collect diagnostics; model-level irregularities come from the same
 * validation rules `vanban validate` runs, placed at their source line:col. Official text is never changed
 * unless `fix` is set, and then every change is listed.
 */
export function importScrape(text: string, file: string, env: ValidationEnv, options: { fix?: boolean } = {}): ImportResult {
  const ctx = new ImportContext(file, text, splitBlocks(text));
  const spans: SourceSpans = new Map();
  const header = parseHeader(ctx);
  const preamble = header.value ? parsePreamble(ctx, header.next, spans) : undefined;
  const articles = preamble?.value ? parseArticles(ctx, preamble.next, spans) : undefined;
  const closing = articles && articles.value.length > 0 ? parseClosing(ctx, articles.next) : undefined;
  if (!header.value || !preamble?.value || !articles || !closing?.value.signer) {
    return { diagnostics: ctx.diagnostics, applied: [] };
  }
  const planYear = /\b(\d{4})\b/.exec(header.value.date)![1]!;
  const appendix = parseAppendix(ctx, closing.next, spans, /năm (\d{4})/iu.exec(preamble.value.subject)?.[1] ?? planYear);
  if (ctx.diagnostics.some((d) => d.severity === "error")) return { diagnostics: ctx.diagnostics, applied: [] };

  // Nơi nhận absent: point at the signature block it should stand beside.
  const capacityLine = closing.value.signer.lines[0]!;
  const signatureBlock = ctx.blocks.slice(articles.next).find((b) => b.text.startsWith(capacityLine));
  if (signatureBlock) spans.set("recipients", { offset: signatureBlock.offset, length: signatureBlock.text.length });
  const { issuer, number, symbol, typeCode, date } = header.value;
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    profile: "nd30" as const,
    issuer,
    document: { type: preamble.value.type, typeCode, number, symbol, date },
    subject: preamble.value.subject,
    authority: preamble.value.authority,
    legalBases: preamble.value.legalBases,
    proposal: preamble.value.proposal,
    decides: preamble.value.decides,
    articles: articles.value,
    signer: closing.value.signer,
    recipients: closing.value.recipients ?? editorialRecipients(),
  };
  let decision: Decision = decisionSchema.parse({
    ...draft,
    ...(appendix ? { appendices: [appendix], letters: editorialLetters(draft, appendix.title) } : {}),
  });
  const index = new LineIndex(text);
  const modelDiagnostics = placeDiagnostics(validateDecision(decision, env), file, spanLocator(spans, index));
  let applied: Fix[] = [];
  if (options.fix) {
    const fixes = modelDiagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    ({ decision, applied } = applyFixes(decision, fixes));
  }
  const diagnostics = [...ctx.diagnostics, ...modelDiagnostics];
  return { decision, diagnostics, applied };
}
