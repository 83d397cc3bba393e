import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place, type RuleId } from "../diagnostics/rules.ts";
import { placeOf } from "./positions.ts";
import type { Item, Located } from "./source-lines.ts";

type Args = Record<string, string | number>;

/** What every part recognizer shares: the blocks, the diagnostics, and where each model value was read. */
export class RecognizeContext {
  readonly diagnostics: Diagnostic[] = [];
  /** model path ("articles.2.content.0") → where it was read, to place the validation's diagnostics */
  readonly places = new Map<string, Place>();

  constructor(
    readonly items: readonly Item[],
    readonly file: string | undefined,
    private readonly sections: number,
  ) {}

  placeOf(at: Located): Place {
    return { ...(this.file === undefined ? {} : { file: this.file }), ...placeOf(at, this.sections) };
  }

  /** A diagnostic at `at`; without a place, at the start of the document. */
  report(ruleId: RuleId, args: Args, at: Located | undefined): void {
    const fallback = this.items[0] && { position: this.items[0].block.position, section: this.items[0].section };
    const where = at ?? fallback;
    this.diagnostics.push(diagnose(ruleId, args, where ? this.placeOf(where) : this.file === undefined ? {} : { file: this.file }));
  }

  /** Remembers where the model value at `path` was read. */
  mark(path: readonly (string | number)[], at: Located): void {
    this.places.set(path.join("."), this.placeOf(at));
  }

  /** Where the item at `index` stands (the last item past the end). */
  locate(index: number): Located | undefined {
    const item = this.items[Math.min(index, this.items.length - 1)];
    return item && { position: item.block.position, section: item.section };
  }
}

/** A recognized value and the index of the first item after it. */
export interface Recognized<T> {
  value: T;
  next: number;
}
