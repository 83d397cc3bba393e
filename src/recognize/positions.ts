/**
 * Source positions as diagnostic places: line:col in a text input; in a DOCX or HTML tree the path in
 * words ("paragraph 12", "table 2, row 5, cell 3", 'sheet "Phụ lục", cell B7'), with the section when
 * the document has several (paragraphs are numbered within their section; a sheet names itself).
 */
import type { Place } from "../diagnostics/rules.ts";
import type { TreeStep } from "../read/source-document.ts";
import type { Located } from "./source-lines.ts";

function stepInWords(step: TreeStep): string {
  if ("sheet" in step) return "cell" in step ? `sheet "${step.sheet}", cell ${step.cell}` : `sheet "${step.sheet}"`;
  if ("row" in step) return `table ${step.table}, row ${step.row}, cell ${step.cell}`;
  if ("table" in step) return `table ${step.table}`;
  if ("paragraph" in step) return `paragraph ${step.paragraph}`;
  if ("textbox" in step) return `text box ${step.textbox}`;
  return `footnote ${step.footnote}`;
}

export function placeOf(at: Located, sections: number): Place {
  const { position } = at;
  if ("line" in position) return { start: { line: position.line, column: position.column } };
  const words = position.path.map(stepInWords);
  if (position.part !== undefined && position.part !== "word/document.xml") words.unshift(position.part);
  else if (sections > 1 && !position.path.some((step) => "sheet" in step)) words.unshift(`section ${at.section}`);
  return { at: words.join(", ") };
}
