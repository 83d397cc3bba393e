import { fileURLToPath } from "node:url";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { agencyDirectorySchema, type AgencyDirectory } from "../resolve/directory-schema.ts";
import type { KnownTypo } from "../validate/context.ts";
import { readTextInput } from "./read-text.ts";
import { yamlSyntaxDiagnostics } from "./yaml-errors.ts";

/** Data files shipped with the tool (resolved from dist/ or src/ alike). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
export const DEFAULT_DIRECTORY = `${DATA_DIR}agencies-quang-nam-2013.yaml`;
export const KNOWN_TYPOS = `${DATA_DIR}known-typos.yaml`;

interface DataFile {
  value?: unknown;
  diagnostics: Diagnostic[];
  /** line:col of the value at a path, for schema errors */
  locate?: (path: readonly PropertyKey[]) => Diagnostic["start"];
}

async function readYaml(file: string): Promise<DataFile> {
  const input = await readTextInput(file);
  if (input.text === undefined) return { diagnostics: input.diagnostics };
  const lines = new LineCounter();
  const doc: Document = parseDocument(input.text, { schema: "failsafe", lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) return { diagnostics: yamlSyntaxDiagnostics(doc.errors, lines, input.text, file) };
  const locate = (path: readonly PropertyKey[]) => {
    // the deepest node of the path that exists: a missing field is reported at the entry that lacks it
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  };
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }), diagnostics: [], locate };
  } catch (error) {
    return { diagnostics: [diagnose("model/yaml", { reason: (error as Error).message.split("\n")[0]! }, { file, start: { line: 1, column: 1 } })] };
  }
}

export async function loadDirectory(file = DEFAULT_DIRECTORY): Promise<{ directory?: AgencyDirectory; diagnostics: Diagnostic[] }> {
  const { value, diagnostics, locate } = await readYaml(file);
  if (value === undefined) return { diagnostics };
  const parsed = agencyDirectorySchema.safeParse(value);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.map((i) => {
        const start = locate?.(i.path);
        return diagnose("model/schema", { reason: `${i.message} (at ${i.path.map(String).join(".")})` }, start ? { file, start } : { file });
      }),
    };
  }
  return { directory: parsed.data, diagnostics };
}

export async function loadKnownTypos(file = KNOWN_TYPOS): Promise<KnownTypo[]> {
  const { value } = await readYaml(file);
  return Array.isArray(value) ? (value as KnownTypo[]) : [];
}
