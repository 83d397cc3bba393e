/**
 * The theme part (a:theme): the fonts and colours that `w:asciiTheme="minorHAnsi"` or
 * `w:themeColor="text1"` refer to. Word-made documents usually take their default font from here.
 */
import type { DocxPackage } from "./package.ts";
import { relationships } from "./package.ts";
import { attr, child, childrenOf, findAll, tagOf, type XmlNode } from "./xml.ts";

export interface Theme {
  /** "minorHAnsi" → "Times New Roman"; an unknown reference is returned as "theme:<ref>" so it shows in reports */
  font(ref: string): string;
  /** "text1" → "000000", or undefined */
  color(ref: string): string | undefined;
}

const THEME_TYPE = /\/theme$/;
/** w:themeColor names → a:clrScheme children */
const COLOR_ALIASES: Record<string, string> = { text1: "dk1", background1: "lt1", text2: "dk2", background2: "lt2", hyperlink: "hlink" };

function themePart(pkg: DocxPackage): string | undefined {
  const relsName = `${pkg.mainPart.replace(/[^/]+$/, "")}_rels/${pkg.mainPart.replace(/^.*\//, "")}.rels`;
  if (pkg.has(relsName)) {
    for (const rel of findAll(pkg.xml(relsName), "Relationship")) {
      if (THEME_TYPE.test(attr(rel, "Type") ?? "")) return relationships(pkg, pkg.mainPart).get(attr(rel, "Id") ?? "");
    }
  }
  return pkg.has("word/theme/theme1.xml") ? "word/theme/theme1.xml" : undefined;
}

function fontScheme(scheme: XmlNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of ["major", "minor"] as const) {
    const font = child(scheme, `a:${kind}Font`);
    const latin = attr(child(font, "a:latin"), "typeface");
    const ea = attr(child(font, "a:ea"), "typeface");
    const cs = attr(child(font, "a:cs"), "typeface");
    if (latin) out[`${kind}Ascii`] = out[`${kind}HAnsi`] = latin;
    if (ea) out[`${kind}EastAsia`] = ea;
    if (cs) out[`${kind}Bidi`] = cs;
  }
  return out;
}

function colorScheme(scheme: XmlNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of childrenOf(scheme)) {
    const name = tagOf(entry)?.replace(/^a:/, "");
    const value = childrenOf(entry)[0];
    const rgb = attr(value, "lastClr") ?? attr(value, "val");
    if (name && rgb && /^[0-9A-Fa-f]{6}$/.test(rgb)) out[name] = rgb.toUpperCase();
  }
  return out;
}

export function readTheme(pkg: DocxPackage): Theme {
  const part = themePart(pkg);
  const nodes = part !== undefined && pkg.has(part) ? pkg.xml(part) : [];
  const fonts = fontScheme(findAll(nodes, "a:fontScheme")[0]);
  const colors = colorScheme(findAll(nodes, "a:clrScheme")[0]);
  return {
    font: (ref) => fonts[ref] ?? `theme:${ref}`,
    color: (ref) => colors[COLOR_ALIASES[ref] ?? ref],
  };
}
