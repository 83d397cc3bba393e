/**
 * The PDF runtime replaces a few methods of pdfmake, pdfkit and fontkit (the versions pinned in package.json).
 * Before it replaces anything it checks that each piece it touches is there with the shape it was written
 * for: the methods it replaces or calls (present, and taking the expected number of parameters where that
 * means something) and the fields it reads (probed on real instances). A piece whose check fails is left
 * alone, so rendering takes pdfmake's own path for it, and the pieces left alone are reported as one warning.
 */

/** The pieces the runtime patches, each installed or left alone by itself. */
export type PatchPiece =
  | "style-lookup"
  | "measured-text"
  | "line-merging"
  | "chunked-layout"
  | "xmp-escaping"
  | "font-buffers"
  | "shared-tables"
  | "shared-runs"
  | "subset-seeding"
  | "subset-cache"
  | "deflate-cache";

/** What rendering loses while a piece is left alone. */
export const FALLBACK_EFFECT: Record<PatchPiece, string> = {
  "style-lookup": "pdfmake's own style lookup (slower)",
  "measured-text": "every document measures all its text again (slower)",
  "line-merging": "every word is drawn as its own text object (larger files, same pages)",
  "chunked-layout": "a long table is laid out whole before any page is drawn (more memory, same pages)",
  "xmp-escaping": "metadata strings are XML-escaped before pdfkit sees them, so the Info dictionary shows &amp; and the like",
  "font-buffers": "no shared caches, no fixed font subsets and no line merging",
  "shared-tables": "every document decodes the font tables again (slower)",
  "shared-runs": "every document shapes its words again (slower)",
  "subset-seeding": "each document's font subset holds only its own glyphs (no subset shared between letters)",
  "subset-cache": "every document encodes its font subsets again (slower)",
  "deflate-cache": "every document deflates its font files again (slower)",
};

/** One expected member: a method (with its parameter count, `Function.length`, when that is meaningful) or a field. */
export type MemberShape =
  | { name: string; kind: "function"; arity?: number }
  | { name: string; kind: "number" | "boolean" | "string" | "object" | "array" | "bytes" };

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Uint8Array) return "bytes";
  return typeof value;
}

/**
 * The problems of `target` against `members`, one line each ("pdfkit EmbeddedFont.prototype.encode: missing").
 * Getters are read, so pass prototypes for methods and probe instances for fields.
 */
export function memberProblems(label: string, target: unknown, members: readonly MemberShape[]): string[] {
  if (target === null || (typeof target !== "object" && typeof target !== "function")) return [`${label}: not found`];
  const problems: string[] = [];
  for (const member of members) {
    let value: unknown;
    try {
      value = (target as Record<string, unknown>)[member.name];
    } catch (error) {
      problems.push(`${label}.${member.name}: reading it throws (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const found = kindOf(value);
    if (value === undefined) problems.push(`${label}.${member.name}: missing`);
    else if (member.kind === "object" ? found !== "object" && found !== "bytes" : found !== member.kind)
      problems.push(`${label}.${member.name}: ${member.kind} expected, found ${found}`);
    else if (member.kind === "function" && member.arity !== undefined && (value as (...args: unknown[]) => unknown).length !== member.arity)
      problems.push(`${label}.${member.name}: takes ${(value as (...args: unknown[]) => unknown).length} parameter(s), expected ${member.arity}`);
  }
  return problems;
}

/** Runs a probe (building instances to check); a probe that throws is itself the problem. */
export function probeProblems(label: string, probe: () => string[]): string[] {
  try {
    return probe();
  } catch (error) {
    return [`${label}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** A piece to patch: how to check it and how to install it. */
export interface Piece {
  piece: PatchPiece;
  /** pieces that must be installed (or pass their check) for this one to work */
  requires?: readonly PatchPiece[];
  /** problems found; empty when the piece has the expected shape */
  check(): string[];
  install(): void;
}

export interface PieceReport {
  piece: PatchPiece;
  installed: boolean;
  /** why it was left alone (empty when installed) */
  problems: string[];
}

/**
 * Checks every piece and installs those that pass (in order, so a piece may require an earlier one). A piece
 * whose install throws is reported as left alone too: installs replace methods only as their last step.
 */
export function applyPieces(pieces: readonly Piece[], done: ReadonlyMap<PatchPiece, PieceReport> = new Map()): PieceReport[] {
  const reports = new Map(done);
  for (const piece of pieces) {
    const missing = (piece.requires ?? []).filter((p) => reports.get(p)?.installed === false);
    let problems = missing.length > 0 ? missing.map((p) => `needs ${p}, which is left alone`) : probeProblems(piece.piece, () => piece.check());
    if (problems.length === 0) {
      try {
        piece.install();
      } catch (error) {
        problems = [`installing it failed: ${error instanceof Error ? error.message : String(error)}`];
      }
    }
    reports.set(piece.piece, { piece: piece.piece, installed: problems.length === 0, problems });
  }
  return pieces.map((p) => reports.get(p.piece)!);
}

/** The one warning a caller prints when some pieces were left alone. */
export interface PdfRuntimeWarning {
  code: "pdf-runtime/unpatched";
  /** one line for a person */
  message: string;
  /** the pieces left alone, why, and what rendering loses */
  pieces: { piece: PatchPiece; problems: string[]; effect: string }[];
}

export function runtimeWarning(reports: readonly PieceReport[], versions: Record<string, string>): PdfRuntimeWarning | undefined {
  const left = reports.filter((r) => !r.installed);
  if (left.length === 0) return undefined;
  const installed = Object.entries(versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
  return {
    code: "pdf-runtime/unpatched",
    message:
      `the PDF runtime left ${left.length} piece(s) unpatched (${left.map((r) => r.piece).join(", ")}): ` +
      `their internals in ${installed} are not what it was written for; those parts take pdfmake's own path ` +
      `(${left.map((r) => FALLBACK_EFFECT[r.piece]).join("; ")})`,
    pieces: left.map((r) => ({ piece: r.piece, problems: r.problems, effect: FALLBACK_EFFECT[r.piece] })),
  };
}
