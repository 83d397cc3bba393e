import type { ColumnRole } from "../model/schema.ts";

type ColumnKey = ColumnRole;
import { foldVietnamese } from "../model/text.ts";

/** Header wordings seen in appendix tables, by the model column they fill. Compared folded (no case, no diacritics). */
export const COLUMN_HEADERS: Partial<Record<ColumnKey, readonly string[]>> = {
  number: ["STT", "TT", "Số TT", "Số thứ tự"],
  content: ["Nội dung", "Nhiệm vụ", "Nội dung công việc", "Nội dung nhiệm vụ", "Tên nhiệm vụ", "Công việc"],
  product: ["Sản phẩm", "Sản phẩm dự kiến", "Kết quả", "Kết quả đầu ra", "Hình thức văn bản", "Hình thức sản phẩm"],
  lead: ["Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì", "Cơ quan thực hiện", "Đơn vị thực hiện", "Cơ quan, đơn vị chủ trì"],
  support: ["Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp", "Cơ quan, đơn vị phối hợp"],
  deadline: [
    "Thời gian hoàn thành",
    "Thời gian thực hiện",
    "Thời hạn",
    "Thời hạn hoàn thành",
    "Thời gian",
    "Tiến độ",
    "Tiến độ thực hiện",
  ],
  result: ["Kết quả thực hiện", "Kết quả đạt được"],
  funding: ["Kinh phí", "Nguồn kinh phí", "Kinh phí thực hiện"],
  followUp: ["Theo dõi", "Cơ quan theo dõi", "Đơn vị theo dõi"],
  notes: ["Ghi chú"],
};

const BY_FOLDED = new Map<string, ColumnKey>(
  Object.entries(COLUMN_HEADERS).flatMap(([key, labels]) => labels!.map((l) => [foldVietnamese(l), key as ColumnKey])),
);

export function columnKeyOf(label: string): ColumnKey | undefined {
  return BY_FOLDED.get(foldVietnamese(label).replace(/[.:]+$/, ""));
}

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ["content", "lead"];
export const OPTIONAL_COLUMNS: readonly ColumnKey[] = ["number", "product", "support", "deadline"];
