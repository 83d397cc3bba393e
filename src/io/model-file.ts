import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document as YamlDocument, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { placeDiagnostics, type Locator } from "../diagnostics/locate.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { migrateData } from "../model/migrate.ts";
import { decisionSchema, SCHEMA_VERSION, type Decision } from "../model/schema.ts";
import { MODEL_LIMITS } from "../validate/limits.ts";
import { scrapeGivenAsModel } from "./input-kind.ts";
import { readTextInput } from "./read-text.ts";
import { yamlSyntaxDiagnostics } from "./yaml-errors.ts";

/** The JSON Schema of the model, shipped with vanban. */
export const MODEL_JSON_SCHEMA = fileURLToPath(new URL("../../schema/decision.schema.json", import.meta.url));

/** The modeline that lets editors check a model against the JSON Schema, relative to where the model is saved. */
export function schemaModeline(modelFile: string): string {
  const relative = path.relative(path.dirname(path.resolve(modelFile)), MODEL_JSON_SCHEMA).split(path.sep).join("/");
  return `# yaml-language-server: $schema=${relative}`;
}

export interface LoadedModel {
  decision?: Decision;
  diagnostics: Diagnostic[];
  /** Maps model paths to positions in the YAML file. */
  locate: Locator;
  /** The text as read (NFC), for hashing and incremental builds. */
  source?: string;
  /** the schema version the file is written in, when it was migrated on reading */
  migratedFrom?: string;
}

function yamlLocator(doc: Document, lines: LineCounter): Locator {
  return (path) => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (!isNode(node) || !node.range) return undefined;
    const start = lines.linePos(node.range[0]);
    const end = lines.linePos(node.range[1]);
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
  };
}

function schemaDiagnostics(error: z.ZodError): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // Point at the unknown key itself, not at the object holding it.
    if (issue.code === "unrecognized_keys" && issue.keys[0]) path.push(issue.keys[0]);
    const where = path.length ? ` (at ${path.join(".")})` : "";
    const diagnostic = diagnose("model/schema", { reason: `${issue.message}${where}` }, { path });
    // `- Căn cứ Luật: Tổ chức` is a mapping to YAML: the colon, not the schema, is what the clerk must change
    if (issue.code === "invalid_type" && issue.expected === "string" && /received object/.test(issue.message)) {
      return { ...diagnostic, hint: "put text containing ': ' in double quotes (\"Căn cứ Luật: …\"): YAML reads it as a key and a value" };
    }
    return diagnostic;
  });
}

/** Parses model YAML (failsafe schema: every scalar a string, so "05" stays "05") and checks it against the schema. */
export function parseModel(source: string, file: string): LoadedModel {
  const lines = new LineCounter();
  const doc = parseDocument(source, { schema: "failsafe", lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = yamlLocator(doc, lines);
  const diagnostics: Diagnostic[] = [];
  if (doc.errors.length > 0) return { diagnostics: yamlSyntaxDiagnostics(doc.errors, lines, source, file), locate, source };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias to an anchor defined later, or an alias bomb
    diagnostics.push(diagnose("model/yaml", { reason: (error as Error).message }, { file, start: { line: 1, column: 1 } }));
    return { diagnostics, locate, source };
  }
  const version = typeof data === "object" && data !== null ? (data as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === undefined) {
    // schema 1 had no version field
    const migrated = migrateData(data ?? {});
    if ("error" in migrated) return { diagnostics: placeDiagnostics(schemaDiagnostics(migrated.error), file, locate), locate, source };
    diagnostics.push(diagnose("model/migrated", { from: migrated.from, to: SCHEMA_VERSION, file }, { file, start: { line: 1, column: 1 } }));
    return { decision: migrated.decision, diagnostics, locate: () => undefined, source, migratedFrom: migrated.from };
  }
  if (version !== SCHEMA_VERSION) {
    return { diagnostics: placeDiagnostics([diagnose("model/schema-version", { found: String(version), known: SCHEMA_VERSION }, { path: ["schemaVersion"] })], file, locate), locate, source };
  }
  const parsed = decisionSchema.safeParse(data);
  if (!parsed.success) return { diagnostics: placeDiagnostics(schemaDiagnostics(parsed.error), file, locate), locate, source };
  return { decision: parsed.data, diagnostics, locate, source };
}

export async function loadModel(file: string): Promise<LoadedModel> {
  const input = await readTextInput(file, MODEL_LIMITS.modelBytes);
  if (input.text === undefined) return { diagnostics: input.diagnostics, locate: () => undefined };
  const misuse = scrapeGivenAsModel(input.text, file);
  if (misuse) return { diagnostics: [...input.diagnostics, misuse], locate: () => undefined };
  const loaded = parseModel(input.text, file);
  const notNfc = input.diagnostics.some((d) => d.ruleId === "input/normalised" && d.message.includes("NFC"));
  const extra = notNfc ? [diagnose("model/not-nfc", {}, { file, start: { line: 1, column: 1 } })] : [];
  return { ...loaded, diagnostics: [...input.diagnostics.filter((d) => !d.message.includes("NFC")), ...extra, ...loaded.diagnostics] };
}

const OMITTED_WHEN_EMPTY = new Set(["rows", "preamble", "content", "attachments", "parent"]);

/** Model values as YAML nodes of `doc`, laid out as serializeModel lays out a whole model. */
export function modelNode(doc: Document, value: unknown): Node {
  // No anchors: a clerk editing one list must not silently edit every task sharing it.
  const node = doc.createNode(value, { aliasDuplicateObjects: false });
  tidy(node);
  return node;
}

function tidy(node: Document | Node): void {
  visit(node, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isSeq(pair.value)) return undefined;
      // Pinned agency ids on one line each, so that the overrides stay easy to read.
      if (pair.key.value === "agencies") pair.value.flow = true;
      // Lists the schema defaults to empty say nothing when empty ("rows: []" under every row).
      return pair.value.items.length === 0 && OMITTED_WHEN_EMPTY.has(String(pair.key.value)) ? visit.REMOVE : undefined;
    },
  });
}

/** The model as YAML to be saved as `modelFile`, with the modeline that lets editors check it against the JSON Schema. */
export function serializeModel(decision: Decision, modelFile: string, header: readonly string[] = []): string {
  const doc = new YamlDocument(decision, { aliasDuplicateObjects: false });
  tidy(doc);
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return [schemaModeline(modelFile), ...header.map((h) => `# ${h}`), body].join("\n");
}
