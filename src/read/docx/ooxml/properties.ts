/**
 * Run and paragraph properties as one level of the OOXML hierarchy states them (docDefaults, a style,
 * or direct formatting), and how a higher level overrides a lower one. Every field is optional: absent
 * means "inherit". Measures stay in the document's units (twips, half-points).
 */
import type { Theme } from "./theme.ts";
import { attr, child, childrenOf, numberAttr, onOff, tagOf, type XmlNode } from "./xml.ts";

/** w:rFonts slots; theme references are resolved to names when read. */
export interface FontSlots {
  ascii?: string;
  hAnsi?: string;
  eastAsia?: string;
  cs?: string;
}

export interface RunProps {
  fonts: FontSlots;
  /** w:rFonts w:hint: "eastAsia" makes ambiguous characters use the eastAsia slot */
  fontHint?: string;
  sizeHalfPt?: number;
  bold?: boolean;
  italic?: boolean;
  /** w:caps: shown in capitals whatever the text */
  caps?: boolean;
  /** w:u with any line style but "none" */
  underline?: boolean;
  /** "auto" or RRGGBB */
  color?: string;
  /** w:vanish */
  hidden?: boolean;
  /** w:spacing: space added after each character (negative: condensed), in twips */
  spacingTwips?: number;
}

export interface Border {
  /** w:val: "single", "double", "dashed", "none", … */
  style: string;
  sizeEighthPt?: number;
  color?: string;
}

export type BorderSide = "top" | "bottom" | "left" | "right" | "between";

/** A custom tab stop (w:tab): "left", "center", "right", "decimal", "bar", or "clear" (removes an inherited stop). */
export interface TabStop {
  kind: string;
  posTwips: number;
}

export interface ParaProps {
  /** normalised w:jc: "left", "center", "right", "both", "distribute", … */
  alignment?: string;
  indentLeftTwips?: number;
  indentRightTwips?: number;
  /** first-line indent; negative for a hanging indent */
  firstLineTwips?: number;
  spaceBeforeTwips?: number;
  spaceAfterTwips?: number;
  /** w:spacing w:line (240ths of a line for "auto", twips otherwise) */
  line?: number;
  /** w:spacing w:lineRule exactly as written ("auto", "exact", "atLeast", or an invalid value) */
  lineRule?: string;
  contextualSpacing?: boolean;
  keepNext?: boolean;
  /** w:numPr w:numId: the list the paragraph is numbered in ("0": none) */
  numId?: string;
  /** w:numPr w:ilvl */
  listLevel?: number;
  borders: Partial<Record<BorderSide, Border>>;
  /** w:tabs as this level states them; absent: none stated */
  tabs?: TabStop[];
}

export const emptyRunProps = (): RunProps => ({ fonts: {} });
export const emptyParaProps = (): ParaProps => ({ borders: {} });

/** Copies the defined fields of `over` onto `base` (a new object). */
function overlay<T extends object>(base: T, over: T): T {
  const out = { ...base } as Record<string, unknown>;
  const from = over as Record<string, unknown>;
  for (const key in from) if (from[key] !== undefined) out[key] = from[key];
  return out as T;
}

export function mergeRunProps(base: RunProps, over: RunProps): RunProps {
  return { ...overlay(base, over), fonts: overlay(base.fonts, over.fonts) };
}

/** Tab stops add up over the levels; a level's stop replaces one at the same position, "clear" removes it. */
function mergeTabs(base: readonly TabStop[] | undefined, over: readonly TabStop[] | undefined): TabStop[] | undefined {
  if (over === undefined) return base === undefined ? undefined : [...base];
  const kept = (base ?? []).filter((stop) => !over.some((o) => o.posTwips === stop.posTwips));
  return [...kept, ...over].sort((a, b) => a.posTwips - b.posTwips);
}

export function mergeParaProps(base: ParaProps, over: ParaProps): ParaProps {
  const merged: ParaProps = { ...overlay(base, over), borders: overlay(base.borders, over.borders) };
  const tabs = mergeTabs(base.tabs, over.tabs);
  if (tabs === undefined) delete merged.tabs;
  else merged.tabs = tabs;
  return merged;
}

const FONT_SLOTS = [
  ["ascii", "w:ascii", "w:asciiTheme"],
  ["hAnsi", "w:hAnsi", "w:hAnsiTheme"],
  ["eastAsia", "w:eastAsia", "w:eastAsiaTheme"],
  ["cs", "w:cs", "w:cstheme"],
] as const;

/** A theme reference wins over the explicit name at the same level (ECMA-376 17.3.2.26). */
function readFonts(rFonts: XmlNode | undefined, theme: Theme): FontSlots {
  const fonts: FontSlots = {};
  for (const [slot, nameAttr, themeAttr] of FONT_SLOTS) {
    const themeRef = attr(rFonts, themeAttr);
    const value = themeRef !== undefined ? theme.font(themeRef) : attr(rFonts, nameAttr);
    if (value !== undefined) fonts[slot] = value;
  }
  return fonts;
}

function readColor(color: XmlNode | undefined, theme: Theme): string | undefined {
  if (color === undefined) return undefined;
  const themeColor = attr(color, "w:themeColor");
  const tinted = attr(color, "w:themeTint") !== undefined || attr(color, "w:themeShade") !== undefined;
  const fromTheme = themeColor !== undefined && !tinted ? theme.color(themeColor) : undefined;
  return (fromTheme ?? attr(color, "w:val"))?.toUpperCase().replace("AUTO", "auto");
}

/** w:u without w:val is a single line (ECMA-376 17.3.2.40). */
function readUnderline(u: XmlNode | undefined): boolean | undefined {
  if (u === undefined) return undefined;
  return (attr(u, "w:val") ?? "single") !== "none";
}

export function readRunProps(rPr: XmlNode | undefined, theme: Theme): RunProps {
  const rFonts = child(rPr, "w:rFonts");
  const props: RunProps = {
    fonts: readFonts(rFonts, theme),
    sizeHalfPt: numberAttr(child(rPr, "w:sz"), "w:val"),
    bold: onOff(child(rPr, "w:b")),
    italic: onOff(child(rPr, "w:i")),
    caps: onOff(child(rPr, "w:caps")),
    underline: readUnderline(child(rPr, "w:u")),
    color: readColor(child(rPr, "w:color"), theme),
    hidden: onOff(child(rPr, "w:vanish")),
    spacingTwips: numberAttr(child(rPr, "w:spacing"), "w:val"),
  };
  const hint = attr(rFonts, "w:hint");
  if (hint !== undefined) props.fontHint = hint;
  return props;
}

const ALIGNMENT: Record<string, string> = { start: "left", end: "right", justify: "both" };

function readBorders(pBdr: XmlNode | undefined): ParaProps["borders"] {
  const borders: ParaProps["borders"] = {};
  for (const side of childrenOf(pBdr)) {
    const name = tagOf(side)?.replace(/^w:/, "");
    if (name !== "top" && name !== "bottom" && name !== "left" && name !== "right" && name !== "between") continue;
    const border: Border = { style: attr(side, "w:val") ?? "none" };
    const size = numberAttr(side, "w:sz");
    if (size !== undefined) border.sizeEighthPt = size;
    const color = attr(side, "w:color");
    if (color !== undefined) border.color = color;
    borders[name] = border;
  }
  return borders;
}

function readFirstLine(ind: XmlNode | undefined): number | undefined {
  const hanging = numberAttr(ind, "w:hanging");
  if (hanging !== undefined) return -hanging;
  return numberAttr(ind, "w:firstLine");
}

function readTabs(tabs: XmlNode | undefined): TabStop[] | undefined {
  if (tabs === undefined) return undefined;
  return childrenOf(tabs).flatMap((tab) => {
    const posTwips = numberAttr(tab, "w:pos");
    return tagOf(tab) === "w:tab" && posTwips !== undefined ? [{ kind: attr(tab, "w:val") ?? "left", posTwips }] : [];
  });
}

export function readParaProps(pPr: XmlNode | undefined): ParaProps {
  const ind = child(pPr, "w:ind");
  const spacing = child(pPr, "w:spacing");
  const jc = attr(child(pPr, "w:jc"), "w:val");
  const props: ParaProps = {
    alignment: jc === undefined ? undefined : (ALIGNMENT[jc] ?? jc),
    indentLeftTwips: numberAttr(ind, "w:left") ?? numberAttr(ind, "w:start"),
    indentRightTwips: numberAttr(ind, "w:right") ?? numberAttr(ind, "w:end"),
    firstLineTwips: readFirstLine(ind),
    spaceBeforeTwips: numberAttr(spacing, "w:before"),
    spaceAfterTwips: numberAttr(spacing, "w:after"),
    line: numberAttr(spacing, "w:line"),
    lineRule: attr(spacing, "w:lineRule"),
    contextualSpacing: onOff(child(pPr, "w:contextualSpacing")),
    keepNext: onOff(child(pPr, "w:keepNext")),
    numId: attr(child(child(pPr, "w:numPr"), "w:numId"), "w:val"),
    listLevel: numberAttr(child(child(pPr, "w:numPr"), "w:ilvl"), "w:val"),
    borders: readBorders(child(pPr, "w:pBdr")),
  };
  const tabs = readTabs(child(pPr, "w:tabs"));
  if (tabs !== undefined) props.tabs = tabs;
  return props;
}
