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

/** Pushes the children last first, so that popping gives them in document order. */
export function pushChildren(stack: HtmlNode[], node: HtmlNode): void {
  const children = childrenOf(node);
  for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
}

/** Whether `node` is `ancestor` or below it. */
export function isInside(node: HtmlNode, ancestor: HtmlNode): boolean {
  for (let at: HtmlNode | null = node; at; at = "parentNode" in at ? at.parentNode : null) if (at === ancestor) return true;
  return false;
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

/**
 * Browsers put elements nested past a depth beside their parent instead of inside it (Blink: 512), so no
 * real page is deeper; the reader's walks recurse, so below that depth only the text is kept, in order.
 */
const MAX_DEPTH = 512;

export function limitDepth(root: HtmlNode): void {
  const stack: [HtmlNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!("childNodes" in node)) continue;
    if (depth < MAX_DEPTH) for (const child of node.childNodes) stack.push([child, depth + 1]);
    else node.childNodes = textNodesBelow(node).map((text) => Object.assign(text, { parentNode: node }));
  }
}

function textNodesBelow(node: HtmlNode): DefaultTreeAdapterMap["textNode"][] {
  const found: DefaultTreeAdapterMap["textNode"][] = [];
  const pending: HtmlNode[] = [];
  pushChildren(pending, node);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (isText(next)) found.push(next);
    else pushChildren(pending, next);
  }
  return found;
}
