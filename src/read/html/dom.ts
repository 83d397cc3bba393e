/** parse5's default tree, and what the HTML reader asks of it: names, attributes, inline CSS, text. */
import type { DefaultTreeAdapterMap } from "parse5";

export type HtmlNode = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["parentNode"];
export type HtmlElement = DefaultTreeAdapterMap["element"];

export const isElement = (node: HtmlNode): node is HtmlElement => "tagName" in node;
export const isText = (node: HtmlNode): node is DefaultTreeAdapterMap["textNode"] => node.nodeName === "#text";

export const childrenOf = (node: HtmlNode): HtmlNode[] => ("childNodes" in node ? node.childNodes : []);

export function attrOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** One property of the inline style attribute, lower-cased and trimmed ("text-align" → "center"). */
export function cssOf(element: HtmlElement, property: string): string | undefined {
  const style = attrOf(element, "style");
  if (style === undefined) return undefined;
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon !== -1 && declaration.slice(0, colon).trim().toLowerCase() === property) return declaration.slice(colon + 1).trim().toLowerCase();
  }
  return undefined;
}

/** Every text below a node, as the parser gives it (no whitespace collapsing). */
export function rawText(node: HtmlNode): string {
  if (isText(node)) return node.value;
  return childrenOf(node).map(rawText).join("");
}

/** The first element with this tag, depth first. */
export function findElement(node: HtmlNode, tag: string): HtmlElement | undefined {
  for (const child of childrenOf(node)) {
    if (isElement(child) && child.tagName === tag) return child;
    const found = findElement(child, tag);
    if (found) return found;
  }
  return undefined;
}
