/**
 * An HTML page as a source document: decoded by its charset, parsed as a browser does (parse5), the site's
 * chrome left out, the document found among what is left (main-content.ts), footnotes paired with their
 * references by their links.
 */
import { parse } from "parse5";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../../diagnostics/rules.ts";
import type { SourceDocument, SourceFootnote } from "../source-document.ts";
import { decodeHtml } from "./decode-html.ts";
import { attrOf, cssOf, findElement, isElement, isInside, limitDepth, pushChildren, rawText, type HtmlElement, type HtmlNode } from "./dom.ts";
import { htmlBlocks, type HtmlContext } from "./html-blocks.ts";
import { findMainContent } from "./main-content.ts";

/** Never document text: scripts, styles, forms, and the site's own navigation, banners and side bars. */
const CHROME = new Set(["head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "iframe", "svg", "canvas", "object"]);
/** A footnote reference shows a mark: 1, [1], (1), *, i. */
const FOOTNOTE_MARK = /^[[(]?\s*(?:\d{1,3}|\*{1,3}|[ivx]{1,5})\s*[\])]?$/i;

const isHidden = (element: HtmlElement) => attrOf(element, "hidden") !== undefined || cssOf(element, "display") === "none";

/** Every element below `node`, in document order. */
function elementsOf(node: HtmlNode): HtmlElement[] {
  const found: HtmlElement[] = [];
  const pending: HtmlNode[] = [];
  pushChildren(pending, node);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (!isElement(next)) continue;
    found.push(next);
    pushChildren(pending, next);
  }
  return found;
}

const FOOTNOTE_BODIES = new Set(["div", "li", "p", "aside", "section", "td"]);

/** The element a footnote link points at, widened to its block (Word: the a name="_ftn1" inside its p). */
function footnoteBody(target: HtmlElement): HtmlElement {
  let body: HtmlNode = target;
  while (isElement(body) && !FOOTNOTE_BODIES.has(body.tagName) && body.parentNode) body = body.parentNode;
  return isElement(body) ? body : target;
}

interface Footnotes {
  references: Map<HtmlElement, number>;
  bodies: Map<HtmlElement, { id: number; mark: string }>;
  /** a body's link back to its reference: the body's mark, left out of its text */
  backLinks: Set<HtmlElement>;
}

/** Links "#x" showing a mark, whose target x (an id or an a name) sits outside the link's own block. */
function findFootnotes(elements: readonly HtmlElement[]): Footnotes {
  const targets = new Map<string, HtmlElement>();
  for (const element of elements) {
    for (const key of [attrOf(element, "id"), element.tagName === "a" ? attrOf(element, "name") : undefined]) if (key && !targets.has(key)) targets.set(key, element);
  }
  const found: Footnotes = { references: new Map(), bodies: new Map(), backLinks: new Set() };
  for (const link of elements.filter((e) => e.tagName === "a")) {
    const target = targets.get(attrOf(link, "href")?.replace(/^#/, "") ?? "");
    const mark = rawText(link).trim();
    if (!attrOf(link, "href")?.startsWith("#") || target === undefined || !FOOTNOTE_MARK.test(mark) || found.backLinks.has(link)) continue;
    const body = footnoteBody(target);
    if (found.bodies.has(body) || isInside(link, body)) continue;
    const backLinks = elementsOf(body).filter((e) => {
      const pointsAt = e.tagName === "a" ? targets.get(attrOf(e, "href")?.replace(/^#/, "") ?? "") : undefined;
      return pointsAt !== undefined && isInside(link, pointsAt);
    });
    // a note links back to its mark or starts with it; a link "1" to a heading ("Điều 1. …") is no note
    if (backLinks.length === 0 && !rawText(body).trimStart().startsWith(mark)) continue;
    const id = found.bodies.size + 1;
    found.references.set(link, id);
    found.bodies.set(body, { id, mark: mark.replace(/^[[(]\s*|\s*[\])]$/g, "") });
    for (const back of backLinks) found.backLinks.add(back);
  }
  return found;
}

export function readHtmlSource(bytes: Uint8Array, place: Place = {}, decodedText?: string): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const decoded = decodedText === undefined ? decodeHtml(bytes, place) : { text: decodedText, diagnostics: [] };
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const page = parse(decoded.text.normalize("NFC"));
  limitDepth(page);
  const html = findElement(page, "html")!;
  const body = findElement(html, "body") ?? html;
  const elements = elementsOf(html);
  const footnotes = findFootnotes(elements);
  const chrome = (element: HtmlElement) => CHROME.has(element.tagName) || isHidden(element);
  const skip = (element: HtmlElement) => chrome(element) || footnotes.bodies.has(element);
  const context: HtmlContext = { skip, footnoteOf: (element) => footnotes.references.get(element) };
  const main = findMainContent(body, skip);
  const blocks = htmlBlocks(main, [], context);
  if (!blocks.some((b) => b.kind === "table" || b.text.trim() !== "")) return { diagnostics: [...decoded.diagnostics, diagnose("read/no-content", { format: "HTML page" }, place)] };
  const notes: SourceFootnote[] = [...footnotes.bodies].map(([element, { id, mark }]) => ({
    id,
    mark,
    blocks: htmlBlocks(element, [{ footnote: id }], { skip: (e) => chrome(e) || footnotes.backLinks.has(e), footnoteOf: () => undefined }),
  }));
  return { document: { format: "html", sections: [{ page: {}, blocks }], footnotes: notes }, diagnostics: decoded.diagnostics };
}
