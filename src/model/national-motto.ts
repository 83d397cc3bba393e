/** The Quốc hiệu and the Tiêu ngữ (HDR-QH, HDR-TN), exactly as ND30 prints them. */
export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/** space, hyphen-minus, space */
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
