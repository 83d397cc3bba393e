/** A whole decision as the thuvienphapluat markdown gives it: its tables in "|" lines, paragraphs between blank lines. */

const DEFAULT_SUBJECT = "**Ban hành Kế hoạch cải cách hành chính năm 2026**";

/** "|" lines around each cell, two between rows; an empty cell holds a no-break space. */
export const cellBarTable = (cells: readonly (readonly string[])[]) =>
  ["|", cells.map((row) => row.map((c) => (c === "" ? "\u00a0" : c)).join("\n|\n")).join("\n|\n|\n"), "|"].join("\n");

export function markdownDecision(appendix: { header: readonly string[]; rows: readonly (readonly string[])[] }, subject = DEFAULT_SUBJECT): string {
  return [
    cellBarTable([
      ["**ỦY BAN NHÂN DÂN**\n**TỈNH QUẢNG NAM**", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n**Độc lập - Tự do - Hạnh phúc**"],
      ["Số: 12/QĐ-UBND", "*Quảng Nam, ngày 05 tháng 3 năm 2026*"],
    ]),
    "",
    "**QUYẾT ĐỊNH**",
    "",
    subject,
    "",
    "**ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM**",
    "",
    "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*",
    "",
    "*Theo đề nghị của Giám đốc Sở Nội vụ.*",
    "",
    "**QUYẾT ĐỊNH:**",
    "",
    "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.",
    "",
    "**Điều 2.** Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.",
    "",
    cellBarTable([["***Nơi nhận:***\n- Như Điều 2;\n- Lưu: VT, NC.", "**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n**Nguyễn Văn B**"]]),
    "",
    "**PHỤ LỤC**",
    "",
    "**NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026**",
    "",
    "*(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh)*",
    "",
    cellBarTable([appendix.header.map((h) => `**${h}**`), ...appendix.rows]),
    "",
  ].join("\n");
}
