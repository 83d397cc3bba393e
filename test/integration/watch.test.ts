/** `vanban watch` as a user runs it: a rebuild per save, errors reported without touching the outputs. */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_MODEL_FILE } from "../support/seed.ts";

describe("vanban watch", () => {
  it("rebuilds on save, reports a broken model and keeps the last good outputs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-watch-"));
    const model = join(dir, "model.yaml");
    copyFileSync(SEED_MODEL_FILE, model);
    const out = join(dir, "out");
    const child = spawn(process.execPath, ["dist/cli/main.js", "watch", model, "-o", out], { env: { ...process.env, NO_COLOR: "1" } });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const waitFor = async (pattern: RegExp, count: number) => {
      for (let i = 0; i < 1200 && (log.match(pattern) ?? []).length < count; i++) await new Promise((r) => setTimeout(r, 100));
      expect((log.match(pattern) ?? []).length, log).toBeGreaterThanOrEqual(count);
    };
    try {
      await waitFor(/^built /gm, 1);
      const changes = () => readFileSync(join(out, "qd-503-2013", "CHANGES.md"), "utf8");
      expect(changes()).toContain("Bản dựng đầu tiên");

      writeFileSync(model, readFileSync(model, "utf8").replace("text: Tháng 2\n", "text: Tháng 6\n").replace("due: 2013-02-28", "due: 2013-06-30"));
      await waitFor(/^built /gm, 2);
      expect(log).toMatch(/39 units unchanged, copied/);
      expect(changes()).toContain('deadline: "Tháng 2" → "Tháng 6"');

      const good = readFileSync(join(out, "qd-503-2013", "manifest.json"));
      writeFileSync(model, "profile: [broken\n");
      await waitFor(/error model\/yaml/g, 1);
      expect(readFileSync(join(out, "qd-503-2013", "manifest.json"))).toEqual(good);
    } finally {
      child.kill("SIGINT");
      await new Promise((r) => child.on("exit", r));
    }
  });
});
