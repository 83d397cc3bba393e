/**
 * Automatic list numbers (word/numbering.xml): the label Word shows before a numbered paragraph ("1.",
 * "a)", "II.", "-"), which is in no w:t. A list's counters advance in document order; a level restarts when
 * a level above it advances (ECMA-376 17.9).
 */
import { formatListNumber, type NumberStyle } from "../../list-numbers.ts";
import type { DocxPackage } from "./package.ts";
import { attr, child, childrenNamed, findAll, numberAttr, type XmlNode } from "./xml.ts";

interface Level {
  start: number;
  /** w:numFmt: decimal, lowerLetter, upperRoman, bullet, none, … */
  format: string;
  /** w:lvlText: "%1.", "%1.%2", "-" */
  text: string;
  /** what follows the label: a tab unless w:suff says space or nothing */
  suffix: string;
}

type Levels = Map<number, Level>;

const SUFFIXES: Record<string, string> = { tab: "\t", space: " ", nothing: "" };
/** Symbol and Wingdings bullets are private-use characters; shown as what they draw. */
const PRIVATE_USE_BULLET = /[\uF000-\uF0FF]/g;

const NUMBER_STYLES = new Set<string>(["decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman"]);

/** w:numFmt as shown: bullets and "none" show no number; a format this reader does not know, as decimal. */
function formatNumber(n: number, format: string): string {
  if (format === "none" || format === "bullet") return "";
  return formatListNumber(n, NUMBER_STYLES.has(format) ? (format as NumberStyle) : "decimal");
}

function readLevels(abstract: XmlNode | undefined): Levels {
  const levels: Levels = new Map();
  for (const lvl of childrenNamed(abstract, "w:lvl")) {
    levels.set(numberAttr(lvl, "w:ilvl") ?? 0, {
      start: numberAttr(child(lvl, "w:start"), "w:val") ?? 1,
      format: attr(child(lvl, "w:numFmt"), "w:val") ?? "decimal",
      text: attr(child(lvl, "w:lvlText"), "w:val") ?? "",
      suffix: SUFFIXES[attr(child(lvl, "w:suff"), "w:val") ?? "tab"] ?? "\t",
    });
  }
  return levels;
}

/** numId → its levels, with the list instance's start overrides applied. */
export function readNumbering(pkg: DocxPackage): Map<string, Levels> {
  const lists = new Map<string, Levels>();
  const part = pkg.mainPart.replace(/[^/]+$/, "numbering.xml");
  if (!pkg.has(part)) return lists;
  const nodes = pkg.xml(part);
  const abstracts = new Map(findAll(nodes, "w:abstractNum").map((a) => [attr(a, "w:abstractNumId") ?? "", a]));
  for (const num of findAll(nodes, "w:num")) {
    const levels = readLevels(abstracts.get(attr(child(num, "w:abstractNumId"), "w:val") ?? ""));
    for (const override of childrenNamed(num, "w:lvlOverride")) {
      const level = levels.get(numberAttr(override, "w:ilvl") ?? 0);
      const start = numberAttr(child(override, "w:startOverride"), "w:val");
      if (level && start !== undefined) level.start = start;
    }
    lists.set(attr(num, "w:numId") ?? "", levels);
  }
  return lists;
}

/** The counters of one part's lists; `label` advances them. */
export class ListCounters {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly lists: Map<string, Levels>) {}

  /** The label of the next paragraph at this list and level, suffix included; undefined when none is shown. */
  label(numId: string, level: number): string | undefined {
    const levels = this.lists.get(numId);
    const own = levels?.get(level);
    if (levels === undefined || own === undefined) return undefined;
    const counts = this.counters.get(numId) ?? [];
    counts[level] = (counts[level] ?? own.start - 1) + 1;
    counts.length = level + 1;
    this.counters.set(numId, counts);
    const text = own.text.replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      const format = levels.get(at);
      return format === undefined ? "" : formatNumber(counts[at] ?? format.start, format.format);
    });
    const shown = text.replace(PRIVATE_USE_BULLET, "•");
    return shown === "" ? undefined : shown + own.suffix;
  }
}
