/**
 * YAML syntax errors as a clerk can act on them: where the mistake really is and what to type. The parser
 * reports the consequence (a "nested mapping" at the end of the line above an over-indented key, a missing
 * quote at the end of the file, one error per line indented with a tab); this finds the cause and adds a hint.
 */
import type { LineCounter, YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";

interface Explained {
  line: number;
  column: number;
  reason?: string;
  hint?: string;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const spaces = (n: number) => `${n} space${n === 1 ? "" : "s"}`;

/** `key: value` on one line whose value holds ": " (the parser takes the second colon for a nested key). */
const COLON_IN_VALUE = /^(\s*(?:- )?)([^\s:#"'][^:#]*?):\s+([^"'|>{[].*:\s.*)$/;

function explain(error: YAMLError, position: { line: number; col: number }, lines: readonly string[]): Explained {
  const text = lines[position.line - 1] ?? "";
  const at = { line: position.line, column: position.col };
  switch (error.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      const colon = COLON_IN_VALUE.exec(text);
      if (colon) {
        const [, lead, key, value] = colon as unknown as [string, string, string, string];
        return {
          ...at,
          column: lead.length + key.length + 3,
          reason: `the text of "${key}" holds ": ", which YAML reads as another key`,
          hint: `put text containing ': ' in double quotes: ${lead}${key}: "${value.replaceAll('"', '\\"')}"`,
        };
      }
      // the next key is indented deeper than the one above, whose value is already on its line
      const next = lines.findIndex((l, i) => i >= position.line && l.trim() !== "" && !l.trimStart().startsWith("#"));
      if (next >= 0 && indentOf(lines[next]!) > indentOf(text)) {
        return {
          line: next + 1,
          column: indentOf(lines[next]!) + 1,
          reason: `this line is indented by ${spaces(indentOf(lines[next]!))}, the key above (line ${position.line}) by ${spaces(indentOf(text))}`,
          hint: `keys of one mapping start at the same column: indent this line by ${spaces(indentOf(text))}, like line ${position.line}`,
        };
      }
      return at;
    }
    case "BAD_INDENT": {
      if (/Flow sequence|Flow mapping/.test(error.message)) {
        return { ...at, hint: "a list written in [ ] (or a mapping in { }) must be closed before the next key: add the ] (or })" };
      }
      const indent = indentOf(text);
      const above = lines.slice(0, position.line - 1).reverse().find((l) => l.trim() !== "" && !l.trimStart().startsWith("#") && indentOf(l) > indent);
      return {
        ...at,
        column: indent + 1,
        hint: above
          ? `this key is indented by ${spaces(indent)}, the keys above by ${spaces(indentOf(above))}: keys of one mapping start at the same column`
          : "keys of one mapping start at the same column",
      };
    }
    case "MISSING_CHAR": {
      if (/quote/.test(error.message)) {
        // the quote opened on the last line above with an odd number of them
        const opened = lines.slice(0, position.line).map((l, i) => [l, i] as const).reverse().find(([l]) => (l.match(/(?<!\\)"/g) ?? []).length % 2 === 1);
        const line = opened ? opened[1] + 1 : position.line;
        return { line, column: opened ? opened[0].indexOf('"') + 1 : position.col, reason: "this quote is never closed", hint: 'close the quote with " on the same line' };
      }
      return at;
    }
    case "DUPLICATE_KEY":
      return { ...at, hint: "a key may appear only once in a mapping: remove or rename one of the two" };
    default:
      return at;
  }
}

/** One diagnostic per mistake: all the lines indented with a tab make one, and a line gets at most one. */
export function yamlSyntaxDiagnostics(errors: readonly YAMLError[], lineCounter: LineCounter, source: string, file: string): Diagnostic[] {
  const lines = source.split("\n");
  const tabs = errors.filter((e) => e.code === "TAB_AS_INDENT");
  if (tabs.length > 0) {
    const first = lineCounter.linePos(tabs[0]!.pos[0]);
    const more = tabs.length > 1 ? ` (and ${tabs.length - 1} more line${tabs.length > 2 ? "s" : ""})` : "";
    return [
      {
        ...diagnose("model/yaml", { reason: `line ${first.line}${more} is indented with a tab` }, { file, start: { line: first.line, column: 1 } }),
        hint: "YAML indents with spaces only: replace each tab at the start of a line with two spaces (most editors: “Convert indentation to spaces”)",
      },
    ];
  }
  const seen = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const explained = explain(error, lineCounter.linePos(error.pos[0]), lines);
    if (seen.has(explained.line)) continue;
    seen.add(explained.line);
    const reason = explained.reason ?? error.message.split("\n")[0]!;
    const diagnostic = diagnose("model/yaml", { reason }, { file, start: { line: explained.line, column: explained.column } });
    diagnostics.push(explained.hint ? { ...diagnostic, hint: explained.hint } : diagnostic);
  }
  return diagnostics;
}
