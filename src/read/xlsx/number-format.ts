/**
 * A stored number as the text its cell shows: a date serial under a date format as dd/mm/yyyy (how a
 * Vietnamese document writes a date), a time as hh:mm, percentages and fixed decimals as formatted, and
 * anything else much as Excel's General format shows it (whole numbers whole, fractions to ten significant
 * digits).
 */

export type DateSystem = "1900" | "1904";

type Shape = { kind: "general" } | { kind: "date" } | { kind: "time"; seconds: boolean } | { kind: "fixed"; decimals: number; thousands: boolean; percent: boolean };

const memo = new Map<string, Shape>();

/** The first section of a format code without its literal text, escapes and brackets (colours, locales). */
function bare(code: string): string {
  const first = code.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0] ?? "";
  return first
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
}

function shapeOf(code: string): Shape {
  const cached = memo.get(code);
  if (cached) return cached;
  const text = bare(code);
  let shape: Shape;
  if (/^general$/i.test(text.trim()) || text.trim() === "" || text.includes("@")) shape = { kind: "general" };
  else if (/[dy]/i.test(text) || /(^|[^hs:])m{3,}/i.test(text)) shape = { kind: "date" };
  else if (/[hs]/i.test(text)) shape = { kind: "time", seconds: /s/i.test(text) };
  else if (/[0#?]/.test(text)) {
    const decimals = /\.([0#?]+)/.exec(text)?.[1]?.length ?? 0;
    shape = { kind: "fixed", decimals, thousands: /[0#?],[0#?]/.test(text), percent: text.includes("%") };
  } else shape = { kind: "general" };
  memo.set(code, shape);
  return shape;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date serial as a UTC date: the 1900 system counts the 29 February 1900 that never was (serial 60). */
export function serialToDate(serial: number, system: DateSystem): Date {
  const day = Math.floor(serial);
  const base = system === "1904" ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + day * 86_400_000);
}

export function formatDate(date: Date): string {
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A whole number keeps every digit (an ID, a phone number: Excel would show 1.23457E+11), a fraction ten significant ones. */
function general(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

function fixed(value: number, decimals: number, thousands: boolean): string {
  const text = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = text.split(".") as [string, string?];
  const grouped = thousands ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  const sign = value < 0 && Number(text) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

export function formatNumber(value: number, code: string, system: DateSystem): string {
  const shape = shapeOf(code);
  switch (shape.kind) {
    case "general":
      return general(value);
    case "date":
      // a serial below 1 under a date format is a time of day, but no date: Excel shows 00/01/1900
      return value >= 1 && value < 2_958_466 ? formatDate(serialToDate(value, system)) : general(value);
    case "time": {
      const seconds = Math.round((value - Math.floor(value)) * 86_400);
      const hms = `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}`;
      return shape.seconds ? `${hms}:${pad(seconds % 60)}` : hms;
    }
    case "fixed":
      return shape.percent ? `${fixed(value * 100, shape.decimals, shape.thousands)}%` : fixed(value, shape.decimals, shape.thousands);
  }
}
