import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { agencyDirectorySchema, type AgencyDirectory } from "../resolve/directory-schema.ts";
import type { KnownTypo } from "../validate/context.ts";
import { readTextInput } from "./read-text.ts";

/** Data files shipped with the tool (resolved from dist/ or src/ alike). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
export const DEFAULT_DIRECTORY = `${DATA_DIR}agencies-quang-nam-2013.yaml`;
export const KNOWN_TYPOS = `${DATA_DIR}known-typos.yaml`;

async function readYaml(file: string): Promise<{ value?: unknown; diagnostics: Diagnostic[] }> {
  const input = await readTextInput(file);
  if (input.text === undefined) return { diagnostics: input.diagnostics };
  try {
    return { value: parse(input.text, { schema: "failsafe" }), diagnostics: [] };
  } catch (error) {
    return { diagnostics: [diagnose("model/yaml", { reason: (error as Error).message.split("\n")[0]! }, { file })] };
  }
}

export async function loadDirectory(file = DEFAULT_DIRECTORY): Promise<{ directory?: AgencyDirectory; diagnostics: Diagnostic[] }> {
  const { value, diagnostics } = await readYaml(file);
  if (value === undefined) return { diagnostics };
  const parsed = agencyDirectorySchema.safeParse(value);
  if (!parsed.success) {
    return { diagnostics: parsed.error.issues.map((i) => diagnose("model/schema", { reason: `${i.message} (at ${i.path.join(".")})` }, { file })) };
  }
  return { directory: parsed.data, diagnostics };
}

export async function loadKnownTypos(file = KNOWN_TYPOS): Promise<KnownTypo[]> {
  const { value } = await readYaml(file);
  return Array.isArray(value) ? (value as KnownTypo[]) : [];
}
