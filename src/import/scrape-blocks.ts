/**
 * Splits scraped text into blocks: runs of non-blank lines separated by blank lines.
 * In the scrape format one block is one table cell or one paragraph; a line holding only
 * spaces or NBSP is an empty cell, so it becomes an empty block rather than a separator.
 */
export interface SourceLine {
  text: string;
  /** character offset of the first character of `text` in the normalised input */
  offset: number;
}

export interface Block {
  lines: SourceLine[];
  /** offset of the block's first character */
  offset: number;
  /** the lines joined with "\n"; "" for an empty cell */
  text: string;
}

const BLANK_OR_NBSP = /^[\s\u00a0]*$/;
const NBSP_ONLY = /^[ \t]*\u00a0[\s\u00a0]*$/;
/** Site chrome that scrapers pick up above the document. */
const SITE_NOISE = [/^Hệ thống pháp luật$/i, /^Đang tải nội dung/i];

/** Trims spaces and NBSP at both ends: layout, never wording. */
export function trimCell(text: string): string {
  return text.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "");
}

export function isSiteNoise(line: string): boolean {
  return SITE_NOISE.some((re) => re.test(trimCell(line)));
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length === 0) return;
    blocks.push({ lines: current, offset: current[0]!.offset, text: current.map((l) => l.text).join("\n") });
    current = [];
  };
  let offset = 0;
  let beforeContent = true;
  for (const raw of text.split("\n")) {
    const lineOffset = offset;
    offset += raw.length + 1;
    if (beforeContent && isSiteNoise(raw)) continue;
    if (NBSP_ONLY.test(raw)) {
      flush();
      blocks.push({ lines: [], offset: lineOffset, text: "" });
      continue;
    }
    if (BLANK_OR_NBSP.test(raw)) {
      flush();
      continue;
    }
    beforeContent = false;
    const leading = raw.length - raw.replace(/^[\s\u00a0]+/, "").length;
    current.push({ text: trimCell(raw), offset: lineOffset + leading });
  }
  flush();
  return blocks;
}
