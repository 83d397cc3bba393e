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

function markCount(text: string): number {
  return DOCUMENT_MARKS.filter((mark) => mark.test(text)).length;
}

/** The text of every element below `root`, computed once bottom-up, and the candidates with their marks. */
function candidatesOf(root: HtmlElement, skip: (element: HtmlElement) => boolean): Candidate[] {
  const found: Candidate[] = [];
  const textOf = (node: HtmlNode): string => {
    if (isText(node)) return node.value;
    if (!isElement(node) || skip(node)) return "";
    const text = childrenOf(node).map(textOf).join(" ");
    if (CONTAINERS.has(node.tagName)) found.push({ element: node, marks: markCount(text.normalize("NFC")), length: text.length });
    return text;
  };
  textOf(root);
  return found;
}

/** The element holding the document; `root` itself when nothing below holds more of its marks. */
export function findMainContent(root: HtmlElement, skip: (element: HtmlElement) => boolean): HtmlElement {
  const candidates = candidatesOf(root, skip);
  const most = Math.max(0, ...candidates.map((c) => c.marks));
  if (most < MIN_MARKS) return root;
  return candidates.filter((c) => c.marks === most).reduce((best, c) => (c.length < best.length ? c : best)).element;
}
