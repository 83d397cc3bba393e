/** The parts of a small decision, to assemble source documents that vary one part at a time. */
import { cell, p, table, type BlockSpec } from "./source-builder.ts";

export const HEADER_TABLE: BlockSpec = table([
  [cell(["**ỦY BAN NHÂN DÂN**", "**TỈNH LÂM ĐỒNG**"]), cell(["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**"])],
  [cell("Số: 12/QĐ-UBND"), cell("*Lâm Đồng, ngày 05 tháng 3 năm 2026*")],
]);

export const DECISION_TITLE: BlockSpec[] = [
  p("**QUYẾT ĐỊNH**", "center"),
  p("**Ban hành Kế hoạch cải cách hành chính năm 2026**", "center"),
  p(""),
  p("**ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG**", "center"),
];

export const DECISION_BODY: BlockSpec[] = [
  p("*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*"),
  p("*Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 8/TTr-SNV ngày 01 tháng 3 năm 2026.*"),
  p("**QUYẾT ĐỊNH:**", "center"),
  p("**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026."),
  p("**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký."),
  p("**Điều 3.** Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./."),
];

export const CLOSING_TABLE: BlockSpec = table([
  [
    cell(["***Nơi nhận:***", "- Như Điều 3;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, NC."]),
    cell(["**TM. ỦY BAN NHÂN DÂN**", "**KT. CHỦ TỊCH**", "**PHÓ CHỦ TỊCH**", "", "", "**Nguyễn Văn B**"]),
  ],
]);

export const TASK_APPENDIX: BlockSpec[] = [
  p("**PHỤ LỤC**", "center"),
  p("**NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026**", "center"),
  p("*(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh)*", "center"),
];

/** A decision with the standard parts, `appendix` blocks after its closing. */
export const decisionWith = (...after: BlockSpec[]): BlockSpec[] => [HEADER_TABLE, ...DECISION_TITLE, ...DECISION_BODY, CLOSING_TABLE, ...after];
