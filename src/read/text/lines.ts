/** A text input as numbered lines, and the line shapes the text readers branch on. */
export interface Line {
  /** 1-based */
  number: number;
  /** without its line break */
  text: string;
}

export function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ number: i + 1, text: line }));
}

/** Nothing but spaces and tabs; a line holding a no-break space is not blank (the scrapes' empty cells). */
export const isBlank = (line: Line | undefined): boolean => line === undefined || /^[ \t]*$/.test(line.text);

/** thuvienphapluat markdown: a line holding only "|" opens, separates and closes table cells. */
export const isCellBar = (line: Line | undefined): boolean => line !== undefined && line.text.trim() === "|";

/** A GitHub-style pipe table row: "| a | b |". */
export const isPipeRow = (line: Line | undefined): boolean => line !== undefined && /^\s*\|.*\|\s*$/.test(line.text) && line.text.trim().length > 1;

/** The column of a line's first character that is not a space or tab, 1-based. */
export const firstColumn = (line: Line): number => line.text.length - line.text.replace(/^[ \t]+/, "").length + 1;
