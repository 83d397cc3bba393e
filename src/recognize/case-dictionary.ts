/**
 * Words as an official text writes them in a sentence-case line (Nghị định 30/2020 Phụ lục I, Phụ lục III:
 * abbreviations of document types and agencies; proper names), for restoring a line a site put in capitals.
 * Data, not code: add a word here, not a pattern in the code. Compared without case; written as given here.
 */

/** Parts of a ký hiệu ("1899/QĐ-TTg", "200/2025/NĐ-CP", "12/KH-UBND"). */
export const SYMBOLS: readonly string[] = [
  // document types (Phụ lục III)
  "NQ", "QĐ", "CT", "QC", "QYĐ", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ", "CV", "NĐ", "TT", "TTLT", "L", "PL", "KL", "TW",
  // agencies and bodies
  "TTg", "CP", "VPCP", "QH", "UBTVQH", "BCH", "BCĐ", "UBND", "HĐND", "MTTQ", "BTNMT", "BNNMT", "BTP", "BNV", "BTC", "BKHĐT", "BKHCN", "BGDĐT", "BYT", "BCA", "BQP",
  "BXD", "BCT", "BLĐTBXH", "BTTTT", "BGTVT", "BVHTTDL", "NHNN", "TANDTC", "VKSNDTC", "KTNN", "UBDT", "TTCP", "SNV", "STP", "STC", "VP", "NC",
];

/** Abbreviations and terms written alone, as an official text writes them (none is a Vietnamese word). */
export const ABBREVIATIONS: readonly string[] = ["UBND", "HĐND", "MTTQ", "VPCP", "CCHC", "KT-XH", "ODA", "ISO", "GDP", "IoT", "5G", "4G", "COVID-19", "ASEAN", "WTO"];

/** Names written with capitals mid-sentence: bodies, posts, the country, provinces and cities. */
export const NAMES: readonly string[] = [
  // not "nhà nước", "trung ương", "đảng" alone: official texts write "quản lý nhà nước", "cấp trung ương", "đảng viên"
  "Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Chủ tịch nước", "Bộ Chính trị", "Ban Bí thư",
  "Ban Chấp hành Trung ương", "Mặt trận Tổ quốc Việt Nam", "Việt Nam", "Ủy ban Dân tộc", "Ngân hàng Nhà nước Việt Nam",
  "Kiểm toán Nhà nước", "Thanh tra Chính phủ", "Văn phòng Chính phủ", "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
  "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tư pháp", "Bộ Nội vụ", "Bộ Tài chính",
  "Bộ Kế hoạch và Đầu tư", "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Công an", "Bộ Quốc phòng", "Bộ Xây dựng", "Bộ Công Thương",
  "Bộ Lao động - Thương binh và Xã hội", "Bộ Thông tin và Truyền thông", "Bộ Giao thông vận tải", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao",
  "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương",
  "Sở Nông nghiệp và Môi trường", "Sở Tài nguyên và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo",
  // provinces and cities (before and after 2025), as they follow "tỉnh" / "thành phố"; not "Hòa Bình" ("hòa bình", peace)
  "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau",
  "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
  "Hải Dương", "Hải Phòng", "Hậu Giang", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai",
  "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
  "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang",
  "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
];

/**
 * Names of kinds of documents, written with a capital when the text names a particular one: after a word of
 * DOCUMENT_CONTEXT ("ban hành Kế hoạch", "thực hiện Chương trình") or before its number ("Quyết định số
 * 1899", "Nghị định 30/2020"). Not "quy định", "hướng dẫn", "báo cáo", "kết luận": they are verbs as often.
 */
export const DOCUMENT_NAMES: readonly string[] = [
  "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư liên tịch", "Thông tư", "Kế hoạch", "Chương trình",
  "Đề án", "Dự án", "Phương án", "Chiến lược", "Quy hoạch", "Quy chế", "Điều lệ", "Công văn",
];

/** Words before a document name that make it a particular document. */
export const DOCUMENT_CONTEXT: readonly string[] = ["ban hành", "thực hiện", "thi hành", "phê duyệt", "kèm theo", "sửa đổi", "bổ sung", "của", "theo", "tại"];

/** Document names followed by their own name, which starts with a capital: "Luật Phòng thủ dân sự". */
export const NAMED_DOCUMENTS: readonly string[] = ["Bộ luật", "Luật", "Pháp lệnh"];
