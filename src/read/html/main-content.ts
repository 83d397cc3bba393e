/**
 * Finds the document among a page's chrome (menus, search boxes, related-document lists, notices): the
 * smallest element whose text holds as many of the marks of a Vietnamese administrative document as the
 * page holds (Quốc hiệu, Tiêu ngữ, "Số:", the place-date line, căn cứ, "Điều 1", "Nơi nhận", the type
 * in capitals). General by design: no site's selectors, so a page of a site not seen yet works the same.
 */
import { childrenOf, isElement, isText, type HtmlElement, type HtmlNode } from "./dom.ts";

const DOCUMENT_MARKS: readonly RegExp[] = [
  /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/iu,
  /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu,
  /(?:^|\s)Số\s*:/u,
  /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu,
  /Căn\s+cứ\s/u,
  /Điều\s+1\s*[.:]/u,
  /Nơi\s+nhận/iu,
  /(?:^|\s)(?:QUYẾT\s+ĐỊNH|KẾ\s+HOẠCH|NGHỊ\s+ĐỊNH|NGHỊ\s+QUYẾT|THÔNG\s+TƯ|CHỈ\s+THỊ|THÔNG\s+BÁO|BÁO\s+CÁO|TỜ\s+TRÌNH|PHỤ\s+LỤC)(?:\s|$)/u,
];

/** Fewer marks than this are what a menu or a list of related documents shows ("Quyết định 12/QĐ-UBND", "Số: …"). */
const MIN_MARKS = 3;

/** Elements that can hold a whole document; inline elements cannot. */
const CONTAINERS = new Set(["body", "main", "article", "section", "div", "td", "th", "table", "tbody", "tr", "center", "blockquote", "form", "font", "span"]);

interface Candidate {
  element: HtmlElement;
  marks: number;
  length: number;
}

/** The marks found in a text (NFC, as the reader parses it), one bit each. */
function marksIn(text: string): number {
  return DOCUMENT_MARKS.reduce((bits, mark, k) => (mark.test(text) ? bits | (1 << k) : bits), 0);
}

const countBits = (bits: number) => DOCUMENT_MARKS.filter((_, k) => bits & (1 << k)).length;

/** Elements that end a line of text, so that words on both sides stay apart. */
const LINE_ENDS = new Set(["p", "div", "br", "td", "th", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6"]);
/**
 * Text kept whole to find marks that cross elements ("<b>Điều</b> 1."); a longer one is searched on its
 * own and not copied into the text of every element above it (a page nested 500 deep would copy it 500 times).
 */
const SHORT_TEXT = 4096;

interface Summary {
  marks: number;
  length: number;
  /** the text, when it is short */
  text?: string;
}

/** Every container below `root` with the marks its text holds, computed once bottom-up. */
function candidatesOf(root: HtmlElement, skip: (element: HtmlElement) => boolean): Candidate[] {
  const found: Candidate[] = [];
  const summarise = (node: HtmlNode): Summary => {
    if (isText(node)) return node.value.length <= SHORT_TEXT ? { marks: 0, length: node.value.length, text: node.value } : { marks: marksIn(node.value), length: node.value.length };
    if (!isElement(node) || skip(node)) return { marks: 0, length: 0, text: "" };
    let marks = 0;
    let length = 0;
    let joined = "";
    for (const child of childrenOf(node)) {
      const summary = summarise(child);
      marks |= summary.marks;
      length += summary.length;
      joined += (summary.text ?? "\n") + (isElement(child) && LINE_ENDS.has(child.tagName) ? "\n" : "");
    }
    marks |= marksIn(joined);
    if (CONTAINERS.has(node.tagName)) found.push({ element: node, marks: countBits(marks), length });
    return length <= SHORT_TEXT ? { marks, length, text: joined } : { marks, length };
  };
  summarise(root);
  return found;
}

/** The element holding the document; `root` itself when nothing below holds more of its marks. */
export function findMainContent(root: HtmlElement, skip: (element: HtmlElement) => boolean): HtmlElement {
  const candidates = candidatesOf(root, skip);
  const most = candidates.reduce((max, c) => Math.max(max, c.marks), 0);
  if (most < MIN_MARKS) return root;
  return candidates.filter((c) => c.marks === most).reduce((best, c) => (c.length < best.length ? c : best)).element;
}
