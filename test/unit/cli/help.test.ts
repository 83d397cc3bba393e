/**
 * `--help` and the README agree (#17): the README's command-line synopsis ("## The command line") lists every
 * command of the CLI with every one of its options and no option it does not have, and its exit-code table
 * every code the CLI documents.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../../src/cli/main.ts";
import { EXIT } from "../../../src/cli/output.ts";

const README = readFileSync("README.md", "utf8");

/** The synopsis: the first code block after "## The command line", one entry per `vanban <command>` line and its continuations. */
function synopsis(): Map<string, Set<string>> {
  const section = README.slice(README.indexOf("## The command line"));
  const block = /```\n([\s\S]*?)```/.exec(section)![1]!;
  const entries = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of block.split("\n")) {
    const start = /^vanban (\S+)/.exec(line);
    if (start) entries.set(start[1]!, (current = new Set()));
    for (const [flag] of line.matchAll(/(?<![\w-])--?[a-zA-Z][\w-]*/g)) current?.add(flag);
  }
  return entries;
}

describe("--help and the README", () => {
  const program = buildProgram();
  const readme = synopsis();

  it("list the same commands", () => {
    expect([...readme.keys()].filter((c) => !c.startsWith("-")).sort()).toEqual(program.commands.map((c) => c.name()).sort());
  });

  it.each(program.commands.map((c) => [c.name(), c] as const))("%s: the same options", (name, command) => {
    const written = readme.get(name) ?? new Set<string>();
    // an option with a short form may be written either way
    const missing = command.options.filter((o) => !written.has(o.long!) && !(o.short && written.has(o.short))).map((o) => o.long);
    const known = new Set(command.options.flatMap((o) => [o.long, o.short].filter(Boolean)));
    const unknown = [...written].filter((flag) => !known.has(flag));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it("the README's exit-code table has every code --help lists", () => {
    const table = README.slice(README.indexOf("#### Exit codes"));
    for (const code of new Set(Object.values(EXIT))) expect(table, String(code)).toMatch(new RegExp(`^\\|[^\\n]*\`${code}\``, "m"));
  });
});
