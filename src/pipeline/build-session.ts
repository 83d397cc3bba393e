/**
 * What a build sets up before it renders, kept for the next build of the same process: the fonts and
 * measurer (a font search, four font files parsed), and the layout checker's thread. `vanban build` uses a
 * session once; `vanban watch` keeps one for all its rebuilds, so a rebuild after a save starts warm.
 */
import type { FontOptions } from "../io/fonts.ts";
import type { Profile } from "../model/schema.ts";
import type { RenderContext } from "../write/context.ts";
import { createLayoutChecker, type LayoutChecker } from "./layout-checker.ts";
import { createRenderContext } from "./render-context.ts";

export class BuildSession {
  private readonly contexts = new Map<string, Promise<RenderContext>>();
  private readonly checkers = new Map<RenderContext, LayoutChecker>();

  /** The render context of `profile` with these fonts; made once per session. */
  context(profile: Profile, fonts: FontOptions): Promise<RenderContext> {
    const key = JSON.stringify([profile, fonts.fontDir ?? null]);
    let context = this.contexts.get(key);
    if (!context) {
      context = createRenderContext(profile, fonts);
      // a font folder that fails now may be fixed before the next save: do not keep the failure
      context.catch(() => this.contexts.delete(key));
      this.contexts.set(key, context);
    }
    return context;
  }

  /** The layout checker of the documents rendered with `ctx` (its profile, its fonts); made once per session. */
  checker(ctx: RenderContext): LayoutChecker {
    let checker = this.checkers.get(ctx);
    if (!checker) {
      checker = createLayoutChecker(ctx);
      this.checkers.set(ctx, checker);
    }
    return checker;
  }

  async close(): Promise<void> {
    await Promise.all([...this.checkers.values()].map((checker) => checker.close()));
    this.checkers.clear();
    this.contexts.clear();
  }
}
