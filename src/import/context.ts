import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { LineIndex } from "../diagnostics/line-index.ts";
import { diagnose, type RuleId } from "../diagnostics/rules.ts";
import type { Block } from "./scrape-blocks.ts";

/** What every part parser shares: the blocks, the diagnostics list and positions in the source. */
export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly index: LineIndex;

  constructor(
    readonly file: string,
    text: string,
    readonly blocks: Block[],
  ) {
    this.index = new LineIndex(text);
  }

  report(ruleId: RuleId, args: Record<string, string | number>, offset: number, length = 0): void {
    const start = this.index.toPoint(offset);
    const end = length > 0 ? this.index.toPoint(offset + length) : undefined;
    this.diagnostics.push(diagnose(ruleId, args, { file: this.file, start, ...(end ? { end } : {}) }));
  }

  reportLine(offset: number): number {
    return this.index.toPoint(offset).line;
  }

  reportAtBlock(ruleId: RuleId, args: Record<string, string | number>, block: Block | undefined): void {
    const fallback = this.blocks.at(-1);
    const at = block ?? fallback;
    this.report(ruleId, args, at ? at.offset : 0, at ? at.text.split("\n")[0]!.length : 0);
  }
}

/** A parsed value and the index of the first block after it. */
export interface Parsed<T> {
  value: T;
  next: number;
}
