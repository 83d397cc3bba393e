import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agencySlugs } from "../../../src/pipeline/output-names.ts";
import { OutputTransaction, safeJoin } from "../../../src/io/output-dir.ts";
import type { Agency } from "../../../src/resolve/directory-schema.ts";

/** Compares dotted versions numerically: "4.7.10" ≥ "4.7.9". */
function atLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < b.length; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i]!;
  return true;
}

describe("dependencies are at or above their fixed releases", () => {
  it.each([
    ["handlebars", "4.7.9"],
    ["fast-xml-parser", "5.5.7"],
    ["pdfmake", "0.3.6"],
  ])("%s ≥ %s", (name, minimum) => {
    // read from node_modules: some packages do not export their package.json
    const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string };
    expect(atLeast(version, minimum), `${name} ${version}`).toBe(true);
  });
  it("compares versions numerically", () => {
    expect(atLeast("4.7.10", "4.7.9")).toBe(true);
    expect(atLeast("4.7.8", "4.7.9")).toBe(false);
    expect(atLeast("0.3.11", "0.3.6")).toBe(true);
  });
});

/** Whether `version` is in an engines range of the forms package-lock.json holds: "*", ">=X", "^X", joined by "||". */
function admits(range: string, version: string): boolean {
  return range.split("||").some((alternative) => {
    const comparators = alternative.replace(/(>=|\^)\s+/g, "$1").trim().split(/\s+/);
    return comparators.every((c) => {
      if (c === "*") return true;
      if (c.startsWith(">=")) return atLeast(version, c.slice(2));
      if (c.startsWith("^")) return atLeast(version, c.slice(1)) && version.split(".")[0] === c.slice(1).split(".")[0];
      throw new Error(`an engines range of a form this test does not read: "${range}"`);
    });
  });
}

describe("npm ci prints no engine warning on this Node (the README names Node 20)", () => {
  it("every locked package admits it", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { engines?: { node?: string } }> };
    const node = process.versions.node;
    const refusing = Object.entries(lock.packages).flatMap(([path, p]) => (p.engines?.node && !admits(p.engines.node, node) ? [`${path}: ${p.engines.node}`] : []));
    expect(refusing).toEqual([]);
  });

  it("reads the ranges as npm does", () => {
    expect(admits("^22 || ^24 || >=26", "20.20.2")).toBe(false);
    expect(admits("^18 || >=20", "20.20.2")).toBe(true);
    expect(admits("^20.19.0 || >=22.12.0", "20.18.1")).toBe(false);
    expect(admits(">= 10", "20.20.2")).toBe(true);
  });
});

describe("output names cannot leave the output folder", () => {
  const agency = (id: string, name: string): Agency => ({ id, name, short: name, kind: "department", addressee: name, aliases: [] });
  it("slugs are ASCII, unique, and free of separators", () => {
    const slugs = agencySlugs([
      agency("a", "../../etc/passwd"),
      agency("b", "Sở Nội vụ"),
      agency("c", "SỞ NỘI VỤ"),
      agency("d", "/root/.ssh"),
      agency("e", "Đ\u0000đ\\..\\x"),
      agency("f", ""),
    ]);
    const values = [...slugs.values()];
    expect(values).toEqual(["etc-passwd", "so-noi-vu", "so-noi-vu-2", "root-ssh", "d-d-x", "unnamed"]);
    for (const slug of values) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  it("no folder takes a name Windows reserves (CON, NUL, COM1 …)", () => {
    const slugs = agencySlugs(["Con", "NUL", "Com1", "LPT9", "Aux", "Con Cuông", "COM10"].map((name, i) => agency(String(i), name)));
    expect([...slugs.values()]).toEqual(["co-quan-con", "co-quan-nul", "co-quan-com1", "co-quan-lpt9", "co-quan-aux", "con-cuong", "com10"]);
  });
  it.each(["../x", "a/../../x", "/etc/passwd", "a//b", "./a"])("refuses %s", (path) => {
    expect(() => safeJoin("/tmp/out", path)).toThrow(/outside the output folder/);
  });
  it("a transaction refuses to write outside its folder and leaves nothing behind on abort", async () => {
    const root = mkdtempSync(join(tmpdir(), "vanban-safe-"));
    const t = await OutputTransaction.begin(join(root, "doc"));
    await expect(t.write("../escape.txt", new Uint8Array([1]))).rejects.toThrow(/outside/);
    await t.abort();
    expect(readdirSync(root)).toEqual([]);
  });
});
