/**
 * The folders of src/ form layers: a module imports only modules of its own folder or of folders below it,
 * so the folder-level import graph has no cycle (STYLE.md "Layout of src/"; unified-engine's split of the
 * pipeline and its file system). Imports are read from the sources: static `import … from`, `export … from`,
 * `import "…"` and dynamic `import("…")` of relative paths.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Bottom to top: each folder may import the folders before it in this list, never one after it. */
const LAYERS = [
  "diagnostics",
  "read",
  "model",
  "resolve",
  "validate",
  "recognize",
  "layout",
  "letters",
  "plan",
  "write",
  "check",
  "diff",
  "io",
  "pipeline",
  "cli",
  "bench",
] as const;

const SRC = path.resolve("src");

/** A folder's place in LAYERS; -1 for a folder that is not listed. */
const rank = (folder: string) => (LAYERS as readonly string[]).indexOf(folder);

interface Import {
  /** the importing file, relative to the repository ("src/io/output-dir.ts") */
  file: string;
  line: number;
  specifier: string;
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith(".ts") ? [full] : [];
    });
}

/**
 * The text with comments blanked out (same length, same line breaks), so that an import quoted in a comment
 * does not count; string and template literals are kept as they are.
 */
function blankComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (ch === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

const IMPORT_PATTERNS = [
  /^[ \t]*import\s+(?:type\s+)?[^;"'`]*?\bfrom\s*(["'])(\.[^"']*)\1/gm, // import x from "…", import { a, b } from "…"
  /^[ \t]*export\s+(?:type\s+)?(?:\*|\{)[^;"'`]*?\bfrom\s*(["'])(\.[^"']*)\1/gm, // export { a } from "…", export * from "…"
  /^[ \t]*import\s*(["'])(\.[^"']*)\1/gm, // import "…" (for its side effects)
  /\bimport\s*\(\s*(["'])(\.[^"']*)\1\s*\)/g, // import("…")
];

/** The top folder of a path under src/ ("io" for src/io/fonts.ts), or undefined outside src/. */
function folderOf(file: string): string | undefined {
  const relative = path.relative(SRC, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0] : "(src)";
}

function importsOf(file: string, text: string): Import[] {
  const code = blankComments(text);
  const from = folderOf(file)!;
  const found: Import[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2]!;
      const to = folderOf(path.resolve(path.dirname(file), specifier));
      if (to === undefined) continue; // outside src/ (package.json, data files)
      const line = code.slice(0, match.index + match[0].indexOf(specifier)).split("\n").length;
      found.push({ file: path.relative(process.cwd(), file), line, specifier, from, to });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

const files = sourceFiles(SRC);
const imports = files.flatMap((file) => importsOf(file, readFileSync(file, "utf8")));
const crossing = imports.filter((i) => i.from !== i.to);
const where = (i: Import) => `${i.file}:${i.line} imports "${i.specifier}" (${i.from} → ${i.to})`;

/** Every import into the same layer or one above, as a message naming the file, the line and the import. */
function upwardImports(edges: readonly Import[]): string[] {
  return edges
    .filter((i) => i.from !== i.to && rank(i.to) >= rank(i.from))
    .map((i) => `${where(i)}: ${i.from} may import only ${LAYERS.slice(0, Math.max(rank(i.from), 0)).join(", ") || "nothing"}`);
}

/** Folder → folders it imports, each with the first import that makes the edge. */
function folderGraph(edges: readonly Import[]): Map<string, Map<string, Import>> {
  const graph = new Map<string, Map<string, Import>>();
  for (const edge of edges) {
    const targets = graph.get(edge.from) ?? new Map<string, Import>();
    if (!targets.has(edge.to)) targets.set(edge.to, edge);
    graph.set(edge.from, targets);
  }
  return graph;
}

/** The strongly connected components with more than one folder (Tarjan), each sorted. */
function cyclesOf(graph: Map<string, Map<string, Import>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** One line per folder: the folders it imports, lowest first. */
function describeGraph(edges: readonly Import[]): string {
  const graph = folderGraph(edges);
  return [...graph.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((folder) => `${folder} → ${[...graph.get(folder)!.keys()].sort((a, b) => rank(a) - rank(b)).join(", ")}`)
    .join("\n");
}

describe("the layers of src/", () => {
  it("reads the imports of every kind, and no import quoted in a comment", () => {
    const sample = [
      'import { a } from "../model/a.ts";',
      'import type {\n  B,\n  C,\n} from "../resolve/b.ts";',
      'export { d } from "../validate/d.ts";',
      'import "../pipeline/x.ts";',
      'const m = await import("../write/m.ts");',
      '// import { z } from "../cli/z.ts";',
      '/** import("../bench/z.ts") */',
      'const url = "https://example.org"; const e = await import("./e.ts");',
      'import { f } from "../../package.json";',
    ].join("\n");
    const found = importsOf(path.join(SRC, "io", "sample.ts"), sample).map((i) => [i.line, i.to]);
    expect(found).toEqual([
      [1, "model"],
      [5, "resolve"],
      [6, "validate"],
      [7, "pipeline"],
      [8, "write"],
      [11, "io"],
    ]);
  });

  it("names the file and the import that goes upward", () => {
    const sample = 'import { a } from "./a.ts";\nimport "../pipeline/x.ts";\nimport { b } from "../layout/b.ts";\n';
    expect(upwardImports(importsOf(path.join(SRC, "io", "sample.ts"), sample))).toEqual([
      `${path.join("src", "io", "sample.ts")}:2 imports "../pipeline/x.ts" (io → pipeline): io may import only ${LAYERS.slice(0, rank("io")).join(", ")}`,
    ]);
  });

  it("finds the imports of src/", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(crossing.length).toBeGreaterThan(50);
  });

  it("has a layer for every folder", () => {
    const folders = [...new Set(files.map((file) => folderOf(file)!))].sort();
    const unknown = folders.filter((folder) => rank(folder) === -1);
    expect(unknown, `folders not in LAYERS (test/unit/architecture/layers.test.ts): ${unknown.join(", ")}`).toEqual([]);
  });

  it("imports only from the folders below", () => {
    const message = upwardImports(crossing);
    expect(message, `imports that go upward (layers, bottom to top: ${LAYERS.join(" → ")}):\n${message.join("\n")}`).toEqual([]);
  });

  it("has no cycle between folders", () => {
    const graph = folderGraph(crossing);
    const cycles = cyclesOf(graph).map((component) =>
      component
        .flatMap((from) => component.filter((to) => graph.get(from)?.has(to)).map((to) => `  ${where(graph.get(from)!.get(to)!)}`))
        .join("\n"),
    );
    expect(cycles, `import cycles between folders:\n${cycles.join("\n")}\n\nthe folder graph:\n${describeGraph(crossing)}`).toEqual([]);
  });
});
