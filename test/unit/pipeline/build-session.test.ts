/** `vanban watch` keeps one BuildSession: fonts and the layout checker are made once, not per rebuild. */
import { describe, expect, it } from "vitest";
import { BuildSession } from "../../../src/pipeline/build-session.ts";

describe("BuildSession", () => {
  it("gives the same render context and checker to every build of the same profile and fonts", async () => {
    const session = new BuildSession();
    const first = session.context("nd30", {});
    expect(session.context("nd30", {})).toBe(first);
    // identity, not toBe: a failed toBe compares the two objects deeply (font files and all: ~40 s)
    expect(session.context("tt01", {}) === first).toBe(false);
    const ctx = await first;
    const tt01 = await session.context("tt01", {});
    expect(tt01.layout.id).toBe("tt01");
    const checker = session.checker(ctx);
    expect(session.checker(ctx)).toBe(checker);
    expect(session.checker(tt01) === checker).toBe(false);
    await session.close();
  });

  it("does not keep a font folder that failed: the next build looks again", async () => {
    const session = new BuildSession();
    const missing = { fontDir: "/nonexistent/vanban-fonts" };
    const failed = session.context("nd30", missing);
    await expect(failed).rejects.toThrow();
    expect(session.context("nd30", missing) === failed).toBe(false);
    await session.context("nd30", missing).catch(() => undefined);
    await session.close();
  });
});
