/** `vanban import` on malformed input, through the CLI's entry in this process (exit code and output captured). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";
import { seedText } from "../../support/seed.ts";

const dir = mkdtempSync(join(tmpdir(), "vanban-malformed-"));
function write(name: string, data: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** file:line:col severity rule-id message */
const DIAGNOSTIC_LINE = /^(.+):(\d+):(\d+) (error|warning|info) ([a-z0-9-]+\/[a-z0-9-]+) .+$/m;

describe("vanban import on malformed input: a clear diagnostic, exit 1, no stack trace, no output file", () => {
  const cases: [string, string | Uint8Array, string][] = [
    ["empty.txt", "", "input/empty"],
    ["blank.txt", "\n\n \u00a0\n", "input/empty"],
    ["garbage.bin", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), "read/binary"],
    ["nul.txt", "ỦY BAN NHÂN DÂN\u0000\u0001", "read/binary"],
    ["control.txt", "ỦY BAN NHÂN DÂN\u0001", "input/binary"],
    // "Ủy ban" in Windows-1258: U, then 0xD2 (combining hook above), then y
    ["cp1258.txt", Uint8Array.from([0x55, 0xd2, 0x79, 0x20, 0x62, 0x61, 0x6e, 0x0a]), "read/invalid-utf8"],
    ["no-header.txt", "Một văn bản bất kỳ\n\nKhông có số hiệu", "recognize/header-number"],
    ["header-only.txt", seedText().split("QUYẾT ĐỊNH\n")[0]!, "recognize/title"],
    ["no-articles.txt", seedText().split("Điều 1.")[0]!, "recognize/articles"],
    ["truncated-table.txt", seedText().slice(0, seedText().lastIndexOf("Văn phòng UBND tỉnh")), "recognize/scrape-row-truncated"],
  ];
  for (const [name, data, ruleId] of cases) {
    it(`${name} → ${ruleId}`, async () => {
      const input = write(name, data);
      const output = join(dir, `${name}.yaml`);
      const run = await runCliInProcess(["import", input, "-o", output]);
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(STACK_LINE);
      const line = run.stderr.split("\n").find((l) => l.includes(` ${ruleId} `));
      expect(line, run.stderr).toMatch(DIAGNOSTIC_LINE);
      expect(() => readFileSync(output)).toThrow();
    });
  }

  it("a missing file is a diagnostic too", async () => {
    const run = await runCliInProcess(["import", join(dir, "does-not-exist.txt")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("input/unreadable");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("a file over the size limit is refused before reading (21 MB)", async () => {
    const run = await runCliInProcess(["import", write("huge.txt", "x".repeat(21 * 1024 * 1024))]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("input/too-large");
  });

  it("a 10 MB file of scraped-looking text is read and rejected with a diagnostic", async () => {
    const run = await runCliInProcess(["import", write("ten-mb.txt", "Đang tải nội dung\n\n" + "Dòng chữ tiếng Việt có dấu.\n\n".repeat(350_000))]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("recognize/header-number");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("CRLF line ends import like LF, with an info diagnostic", async () => {
    const run = await runCliInProcess(["import", write("crlf.txt", seedText().replace(/\n/g, "\r\n")), "--json"]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ tasks: 37, appendices: [{ kind: "tasks" }] });
    expect(report.diagnostics.some((d: { ruleId: string }) => d.ruleId === "input/normalised")).toBe(true);
  });

  it("NFD text is normalised to NFC and gives the same model", async () => {
    const nfd = await runCliInProcess(["import", write("nfd.txt", seedText().normalize("NFD"))]);
    const nfc = await runCliInProcess(["import", write("nfc.txt", seedText())]);
    expect(nfd.status).toBe(0);
    expect(nfd.stdout.replace(/nfd\.txt/, "nfc.txt")).toBe(nfc.stdout);
    expect(nfd.stderr).toContain("input/normalised");
  });
});
