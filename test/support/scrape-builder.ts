/**
 * Builds scraped text in the site's format (site noise on top, one cell per line, blank lines between,
 * NBSP lines for empty cells) for a small decision, so variant fixtures say what they exercise.
 */
export interface ScrapeOptions {
  number?: string;
  headers?: string[];
  groups?: { numeral: string; title: string; rows: string[][] }[];
  recipients?: string[];
  signer?: string[];
  dropRowCell?: { group: number; row: number; cell: number };
  truncateAfterCells?: number;
}

const NBSP = "\u00a0";

export const DEFAULT_HEADERS = ["STT", "NỘI DUNG", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN HOÀN THÀNH"];

export function defaultGroups(): NonNullable<ScrapeOptions["groups"]> {
  return [
    { numeral: "I", title: "CẢI CÁCH THỂ CHẾ", rows: [["1", "Rà soát văn bản", "Báo cáo", "Sở Tư pháp", "Các Sở, Ban, ngành", "Quý II"]] },
    {
      numeral: "II",
      title: "HIỆN ĐẠI HÓA HÀNH CHÍNH",
      rows: [
        ["1", "Ứng dụng CNTT", "Kế hoạch", "Sở Thông tin và Truyền thông", "UBND cấp huyện", "Tháng 6"],
        ["2", "Áp dụng ISO", "Quyết định", "Sở Khoa học và Công nghệ", "Sở Nội vụ", "30/9/2014"],
      ],
    },
    { numeral: "III", title: "CÔNG TÁC CHỈ ĐẠO", rows: [["1", "Kiểm tra CCHC", "Kế hoạch", "Sở Nội vụ", "", "Thường xuyên"]] },
  ];
}

export function buildScrape(options: ScrapeOptions = {}): string {
  const headers = options.headers ?? DEFAULT_HEADERS;
  const groups = options.groups ?? defaultGroups();
  const cells: string[] = [];
  groups.forEach((group, g) => {
    cells.push(group.numeral, group.title);
    group.rows.forEach((row, r) => {
      const drop = options.dropRowCell;
      cells.push(...row.filter((_, c) => !(drop && drop.group === g && drop.row === r && drop.cell === c)));
    });
  });
  const tableCells = options.truncateAfterCells !== undefined ? cells.slice(0, options.truncateAfterCells) : cells;
  const recipients = options.recipients ? [["Nơi nhận:", ...options.recipients].join("\n")] : [NBSP];
  return [
    "Hệ thống pháp luật",
    "Đang tải nội dung, vui lòng chờ giây lát...",
    "",
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM",
    "-------",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------",
    `Số: ${options.number ?? "120"}/QĐ-UBND`,
    "Quảng Nam, ngày 15 tháng 01 năm 2014",
    NBSP,
    "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch cải cách hành chính năm 2014",
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
    "Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;",
    "Xét đề nghị của Giám đốc Sở Nội vụ,",
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành Kế hoạch cải cách hành chính năm 2014 (có Phụ lục kèm theo).",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
    ...recipients,
    (options.signer ?? ["KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn A"]).join("\n\n\n"),
    NBSP,
    "PHỤ LỤC\nKẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2014\n(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 15/01/2014 của UBND tỉnh)",
    ...headers,
    ...tableCells.map((c) => (c === "" ? NBSP : c)),
  ].join("\n\n");
}
