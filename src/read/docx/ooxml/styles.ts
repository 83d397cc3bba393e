/**
 * word/styles.xml: docDefaults, and paragraph, character and table styles with their `basedOn` chains.
 * Effective formatting follows ECMA-376 17.7.2: docDefaults → table style → paragraph style → character
 * style → direct formatting. Toggle properties (bold, italic, caps) set by several style types combine by
 * exclusive or (17.7.3); direct formatting sets them outright.
 */
import type { DocxPackage } from "./package.ts";
import {
  emptyParaProps,
  emptyRunProps,
  mergeParaProps,
  mergeRunProps,
  readParaProps,
  readRunProps,
  type FontSlots,
  type ParaProps,
  type RunProps,
  type TabStop,
} from "./properties.ts";
import { readTheme, type Theme } from "./theme.ts";
import { attr, child, findAll, numberAttr, type XmlNode } from "./xml.ts";

type StyleType = "paragraph" | "character" | "table" | "numbering";

interface StyleDef {
  id: string;
  /** w:name, as Word shows it ("heading 1", "Normal") */
  name?: string;
  type: StyleType;
  basedOn?: string;
  pPr: ParaProps;
  rPr: RunProps;
  /** table styles: w:tblPr/w:tblCellMar left and right */
  cellMarginsTwips: { left?: number; right?: number };
}

/** The formatting a run shows. */
export interface RunFormat {
  fonts: FontSlots;
  fontHint?: string;
  sizeHalfPt: number;
  bold: boolean;
  italic: boolean;
  caps: boolean;
  underline: boolean;
  /** "auto" or RRGGBB */
  color: string;
  hidden: boolean;
  /** character spacing: space after each character in twips (Word's "condensed by 0.4 pt" is -8) */
  spacingTwips: number;
}

/** The formatting a paragraph shows. */
export interface ParagraphFormat {
  /** "left" when nothing says otherwise */
  alignment: string;
  indentLeftTwips: number;
  indentRightTwips: number;
  firstLineTwips: number;
  spaceBeforeTwips: number;
  spaceAfterTwips: number;
  /** 240 auto (single) when nothing says otherwise */
  line: number;
  /** as written; "auto" when only w:line is given */
  lineRule: string;
  contextualSpacing: boolean;
  keepNext: boolean;
  /** the list it is numbered in, directly or through its style (a heading style numbered "Điều %1.") */
  numId?: string;
  listLevel: number;
  borders: ParaProps["borders"];
  /** custom tab stops in position order, "clear" ones applied */
  tabs: TabStop[];
}

/** Where a paragraph sits: in a table (with its style, or the default table style), and its own paragraph style. */
export interface StyleContext {
  table?: { styleId: string | undefined };
  paragraphStyleId?: string;
}

/** ECMA-376 17.3.2.38: a run with no size anywhere is 10 pt. */
const DEFAULT_SIZE_HALF_PT = 20;
const SINGLE_LINE_240 = 240;
const TOGGLES = ["bold", "italic", "caps"] as const;

export class StyleSheet {
  readonly theme: Theme;
  private readonly styles = new Map<string, StyleDef>();
  private readonly defaultIds: Partial<Record<StyleType, string>> = {};
  private readonly runDefaults: RunProps;
  private readonly paraDefaults: ParaProps;
  /** the style levels under a run or paragraph, merged once per combination of styles (every run asks) */
  private readonly runBases = new Map<string, { merged: RunProps; levels: RunProps[] }>();
  private readonly paraBases = new Map<string, ParaProps>();
  /**
   * Every distinct format once: a long table's thousands of cells show a handful of formats, and a format of
   * its own for every run and paragraph was most of what a read document holds. Frozen, as they are shared.
   */
  private readonly formats = new Map<string, RunFormat | ParagraphFormat>();

  constructor(pkg: DocxPackage) {
    this.theme = readTheme(pkg);
    const stylesPart = pkg.has("word/styles.xml") ? pkg.xml("word/styles.xml") : [];
    this.runDefaults = readRunProps(child(findAll(stylesPart, "w:rPrDefault")[0], "w:rPr"), this.theme);
    this.paraDefaults = readParaProps(child(findAll(stylesPart, "w:pPrDefault")[0], "w:pPr"));
    for (const node of findAll(stylesPart, "w:style")) this.addStyle(node);
  }

  private addStyle(node: XmlNode): void {
    const id = attr(node, "w:styleId");
    const type = (attr(node, "w:type") ?? "paragraph") as StyleType;
    if (id === undefined) return;
    const cellMar = child(child(node, "w:tblPr"), "w:tblCellMar");
    const def: StyleDef = {
      id,
      type,
      pPr: readParaProps(child(node, "w:pPr")),
      rPr: readRunProps(child(node, "w:rPr"), this.theme),
      cellMarginsTwips: {
        left: numberAttr(child(cellMar, "w:left") ?? child(cellMar, "w:start"), "w:w"),
        right: numberAttr(child(cellMar, "w:right") ?? child(cellMar, "w:end"), "w:w"),
      },
    };
    const name = attr(child(node, "w:name"), "w:val");
    if (name !== undefined) def.name = name;
    const basedOn = attr(child(node, "w:basedOn"), "w:val");
    if (basedOn !== undefined) def.basedOn = basedOn;
    this.styles.set(`${type}:${id}`, def);
    const isDefault = attr(node, "w:default");
    if (isDefault === "1" || isDefault === "true") this.defaultIds[type] ??= id;
  }

  /** The style and its ancestors, root first; a missing id falls back to the type's default style. */
  private chain(type: StyleType, id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let current = this.styles.get(`${type}:${id ?? this.defaultIds[type] ?? ""}`) ?? this.styles.get(`${type}:${this.defaultIds[type] ?? ""}`);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      out.unshift(current);
      current = current.basedOn === undefined ? undefined : this.styles.get(`${type}:${current.basedOn}`);
    }
    return out;
  }

  private resolvedRun(type: StyleType, id: string | undefined): RunProps {
    return this.chain(type, id).reduce((acc, s) => mergeRunProps(acc, s.rPr), emptyRunProps());
  }

  private resolvedPara(type: StyleType, id: string | undefined): ParaProps {
    return this.chain(type, id).reduce((acc, s) => mergeParaProps(acc, s.pPr), emptyParaProps());
  }

  /** Table style formatting applies only inside a table. */
  private tableLevel<T>(context: StyleContext, resolve: (id: string | undefined) => T, none: () => T): T {
    return context.table ? resolve(context.table.styleId) : none();
  }

  /** The name of a paragraph style, by its id. */
  paragraphStyleName(id: string): string | undefined {
    return this.styles.get(`paragraph:${id}`)?.name;
  }

  /** Left and right cell margins a table style gives (its chain, then the default table style). */
  tableCellMarginsTwips(tableStyleId: string | undefined): { left?: number; right?: number } {
    return this.chain("table", tableStyleId).reduce((acc, s) => ({ left: s.cellMarginsTwips.left ?? acc.left, right: s.cellMarginsTwips.right ?? acc.right }), {
      left: undefined as number | undefined,
      right: undefined as number | undefined,
    });
  }

  paragraphFormat(context: StyleContext, direct: ParaProps): ParagraphFormat {
    const key = `${context.table ? `t${context.table.styleId ?? ""}` : ""}|${context.paragraphStyleId ?? ""}`;
    let base = this.paraBases.get(key);
    if (!base) {
      const levels = [this.paraDefaults, this.tableLevel(context, (id) => this.resolvedPara("table", id), emptyParaProps), this.resolvedPara("paragraph", context.paragraphStyleId)];
      this.paraBases.set(key, (base = levels.reduce(mergeParaProps, emptyParaProps())));
    }
    const p = mergeParaProps(base, direct);
    return this.shared({
      alignment: p.alignment ?? "left",
      indentLeftTwips: p.indentLeftTwips ?? 0,
      indentRightTwips: p.indentRightTwips ?? 0,
      firstLineTwips: p.firstLineTwips ?? 0,
      spaceBeforeTwips: p.spaceBeforeTwips ?? 0,
      spaceAfterTwips: p.spaceAfterTwips ?? 0,
      line: p.line ?? SINGLE_LINE_240,
      lineRule: p.lineRule ?? "auto",
      contextualSpacing: p.contextualSpacing ?? false,
      keepNext: p.keepNext ?? false,
      ...(p.numId === undefined ? {} : { numId: p.numId }),
      listLevel: p.listLevel ?? 0,
      borders: p.borders,
      tabs: (p.tabs ?? []).filter((stop) => stop.kind !== "clear"),
    });
  }

  private runBase(context: StyleContext, characterStyleId: string | undefined): { merged: RunProps; levels: RunProps[] } {
    const key = `${context.table ? `t${context.table.styleId ?? ""}` : ""}|${context.paragraphStyleId ?? ""}|${characterStyleId ?? ""}`;
    let base = this.runBases.get(key);
    if (!base) {
      const levels = [
        this.tableLevel(context, (id) => this.resolvedRun("table", id), emptyRunProps),
        this.resolvedRun("paragraph", context.paragraphStyleId),
        this.resolvedRun("character", characterStyleId),
      ];
      this.runBases.set(key, (base = { merged: [this.runDefaults, ...levels].reduce(mergeRunProps, emptyRunProps()), levels }));
    }
    return base;
  }

  runFormat(context: StyleContext, characterStyleId: string | undefined, direct: RunProps): RunFormat {
    const { merged: base, levels: styleLevels } = this.runBase(context, characterStyleId);
    const merged = mergeRunProps(base, direct);
    const toggle = (key: (typeof TOGGLES)[number]): boolean => {
      if (direct[key] !== undefined) return direct[key];
      const set = styleLevels.map((level) => level[key]).filter((v): v is boolean => v !== undefined);
      return set.length > 0 ? set.reduce((a, b) => a !== b, false) : (this.runDefaults[key] ?? false);
    };
    const format: RunFormat = {
      fonts: merged.fonts,
      sizeHalfPt: merged.sizeHalfPt ?? DEFAULT_SIZE_HALF_PT,
      bold: toggle("bold"),
      italic: toggle("italic"),
      caps: toggle("caps"),
      underline: merged.underline ?? false,
      color: merged.color ?? "auto",
      hidden: merged.hidden ?? false,
      spacingTwips: merged.spacingTwips ?? 0,
    };
    if (merged.fontHint !== undefined) format.fontHint = merged.fontHint;
    return this.shared(format);
  }

  /** The one frozen copy of a format with these values (plain data: its JSON says which). */
  private shared<T extends RunFormat | ParagraphFormat>(format: T): T {
    const key = JSON.stringify(format);
    const known = this.formats.get(key);
    if (known) return known as T;
    this.formats.set(key, deepFreeze(format));
    return format;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
