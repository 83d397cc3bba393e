/**
 * `vanban validate --fix`: applies suggested fixes to the model file itself, through the YAML document so
 * that comments, key order and formatting stay as the văn thư wrote them. A fix applies only if the value
 * is still the one it was computed from. The file is replaced atomically.
 */
import { isScalar, parseDocument } from "yaml";
import type { Fix } from "../diagnostics/diagnostic.ts";
import { writeFileAtomic } from "./atomic-write.ts";

export function applyFixesToYaml(source: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const doc = parseDocument(source, { schema: "failsafe" });
  const applied: Fix[] = [];
  for (const fix of fixes) {
    const node = doc.getIn(fix.path, true);
    if (!isScalar(node) || String(node.value) !== fix.from) continue;
    node.value = fix.to;
    applied.push(fix);
  }
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), applied };
}

export async function fixModelFile(file: string, source: string, fixes: readonly Fix[]): Promise<Fix[]> {
  const { text, applied } = applyFixesToYaml(source, fixes);
  if (applied.length > 0) await writeFileAtomic(file, text);
  return applied;
}
