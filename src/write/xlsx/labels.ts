/** The workbook's own wording (sheet names, headers of the sheets vanban adds). The Phụ lục keeps the model's. */
import type { Role } from "../../resolve/resolve-decision.ts";

/**
 * Vietnamese sheet names, kept on purpose: they are what a văn thư expects to see. Print titles and print
 * areas are defined names that quote the sheet name ('Phụ lục'!$8:$8); these names have spaces and
 * diacritics but no apostrophe (which would need doubling inside the quotes) and none of Excel's forbidden
 * characters []:*?/\, and are far below its 31-character limit. LibreOffice honours the quoted names: the
 * golden test renders the workbook and finds the header row repeated on every page of the Phụ lục.
 */
export const SHEET_NAMES = { appendix: "Phụ lục", tracking: "Theo dõi", summary: "Tổng hợp" } as const;

export const ROLE_LABELS: Record<Role, string> = { lead: "Chủ trì", support: "Phối hợp" };

export const TRACKING_LABELS = {
  agency: "Cơ quan",
  role: "Vai trò",
  group: "Nhóm nhiệm vụ",
  ref: "STT",
  content: "Nội dung",
  product: "Sản phẩm",
  deadline: "Thời gian hoàn thành",
  due: "Hạn hoàn thành",
  status: "Tình trạng",
} as const;

export const SUMMARY_LABELS = {
  agency: "Cơ quan",
  lead: "Số nhiệm vụ chủ trì",
  support: "Số nhiệm vụ phối hợp",
  earliest: "Hạn sớm nhất",
} as const;

/** Under the appendix reference in a per-agency workbook (editorial, not in the source). */
export function agencyScopeLine(agencyName: string): string {
  return `(Các nhiệm vụ do ${agencyName} chủ trì hoặc phối hợp)`;
}
