/**
 * Appendix columns by their header wording: the model column a header fills, compared folded (no case, no
 * diacritics). The wordings seen in tables come first; a header worded otherwise is read by its key words
 * ("Chủ trì thực hiện" names the lead as "Cơ quan chủ trì" does). Anything else is a column of its own,
 * kept by its label.
 */
import type { ColumnRole } from "../model/schema.ts";
import { foldVietnamese } from "../model/text.ts";

/** Header wordings seen in appendix tables, by the model column they fill. */
const COLUMN_HEADERS: Partial<Record<ColumnRole, readonly string[]>> = {
  number: ["STT", "TT", "Số TT", "Số thứ tự"],
  content: ["Nội dung", "Nhiệm vụ", "Nội dung công việc", "Nội dung nhiệm vụ", "Tên nhiệm vụ", "Công việc"],
  product: ["Sản phẩm", "Sản phẩm dự kiến", "Kết quả", "Kết quả đầu ra", "Hình thức văn bản", "Hình thức sản phẩm"],
  lead: ["Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì", "Cơ quan thực hiện", "Đơn vị thực hiện", "Cơ quan, đơn vị chủ trì"],
  support: ["Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp", "Cơ quan, đơn vị phối hợp"],
  deadline: ["Thời gian hoàn thành", "Thời gian thực hiện", "Thời hạn", "Thời hạn hoàn thành", "Thời gian", "Tiến độ", "Tiến độ thực hiện"],
  result: ["Kết quả thực hiện", "Kết quả đạt được"],
  funding: ["Kinh phí", "Nguồn kinh phí", "Kinh phí thực hiện"],
  followUp: ["Theo dõi", "Cơ quan theo dõi", "Đơn vị theo dõi"],
  notes: ["Ghi chú"],
};

const BY_FOLDED = new Map<string, ColumnRole>(
  Object.entries(COLUMN_HEADERS).flatMap(([role, labels]) => labels!.map((l) => [foldVietnamese(l), role as ColumnRole])),
);

/** Key words of a header worded otherwise, folded, in the order they are tried. */
const KEY_WORDS: readonly [RegExp, ColumnRole][] = [
  [/^(stt|tt|so tt|so thu tu)$/, "number"],
  [/\bchu tri\b/, "lead"],
  [/\bphoi hop\b/, "support"],
  [/^(thoi gian|thoi han|tien do)\b/, "deadline"],
  [/^(ket qua thuc hien|ket qua dat duoc)\b/, "result"],
  [/^(san pham|ket qua|hinh thuc)\b/, "product"],
  [/^(noi dung|nhiem vu|ten nhiem vu|cong viec)\b/, "content"],
  [/^(kinh phi|nguon kinh phi|nguon von)\b/, "funding"],
  [/^(theo doi|don doc)\b/, "followUp"],
  [/^ghi chu\b/, "notes"],
];

export function columnKeyOf(label: string): ColumnRole | undefined {
  const folded = foldVietnamese(label).replace(/[.:]+$/, "");
  return BY_FOLDED.get(folded) ?? KEY_WORDS.find(([re]) => re.test(folded))?.[1];
}

export const OPTIONAL_COLUMNS: readonly ColumnRole[] = ["number", "product", "support", "deadline"];
