/**
 * A faster equivalent of pdfmake's style lookup. pdfmake resolves some 25 style properties for every word of
 * every text node; each lookup pushes the node on the style stack, builds a closure and a Set, walks the stack
 * and pops again (≈ 9 ms of a five-page letter). Letters use no named styles, only properties on nodes, so the
 * lookup is a walk down the stack, and its answers hold until the stack is pushed or popped: the words of one
 * text node are resolved against an unchanged stack (pdfmake writes resolved values onto the words, which the
 * fast path does not push). Whenever a named style is involved, pdfmake's own code answers.
 */

import { memberProblems } from "./runtime/shape-check.ts";

/** The parts of pdfmake's StyleContextStack this touches. */
export interface StyleStackClass {
  new (styleDictionary: unknown, defaultStyle?: Record<string, unknown>): StyleStack;
  prototype: StyleStack;
  getStyleProperty(item: StyleItem, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown;
}
export interface StyleStack {
  styleOverrides: unknown[];
  defaultStyle?: Record<string, unknown>;
  getProperty(property: string): unknown;
  push(item: unknown): void;
  pop(howMany?: number): void;
  [answers]?: Map<string, unknown>;
}
/** Answers since the last push or pop, kept on the stack itself (a WeakMap costs more than the walk it saves). */
const answers = Symbol("vanban style answers");
type StyleItem = Record<string, unknown> & { style?: unknown };

// pdfmake's isValue
const isValue = (value: unknown) => value !== undefined && value !== null;
const isNamedStyle = (item: unknown) => typeof item === "string" || item instanceof String;

/**
 * What the fast lookup relies on: the methods it replaces or calls, the fields it reads, and that a stack
 * answers from its pushed items first, then from its default style.
 */
export function styleLookupProblems(StyleContextStack: StyleStackClass): string[] {
  const label = "pdfmake StyleContextStack";
  const problems = [
    ...memberProblems(label, StyleContextStack, [{ name: "getStyleProperty", kind: "function", arity: 4 }]),
    ...memberProblems(`${label}.prototype`, StyleContextStack.prototype, [
      { name: "getProperty", kind: "function", arity: 1 },
      { name: "push", kind: "function", arity: 1 },
      { name: "pop", kind: "function" },
    ]),
  ];
  if (problems.length > 0 || typeof StyleContextStack !== "function") return problems;
  const defaultStyle = { font: "probe", fontSize: 9 };
  const probe = new StyleContextStack({}, defaultStyle);
  problems.push(...memberProblems(`${label} instance`, probe, [{ name: "styleOverrides", kind: "array" }, { name: "defaultStyle", kind: "object" }]));
  if (problems.length > 0) return problems;
  if (probe.defaultStyle !== defaultStyle) problems.push(`${label} instance.defaultStyle: not the default style it was made with`);
  probe.push({ fontSize: 7 });
  if (probe.styleOverrides.length !== 1) problems.push(`${label}.prototype.push: does not add to styleOverrides`);
  if (probe.getProperty("fontSize") !== 7 || probe.getProperty("font") !== "probe") problems.push(`${label}.prototype.getProperty: answers otherwise than expected`);
  probe.pop();
  if (probe.styleOverrides.length !== 0) problems.push(`${label}.prototype.pop: does not take from styleOverrides`);
  return problems;
}

/**
 * Installs the fast lookup. `enabled` is asked per stack (pdfmake makes stacks per document; the answer may be
 * kept on the stack), so documents rendered without the fast path get pdfmake's own lookup throughout.
 */
export function installFastStyleLookup(StyleContextStack: StyleStackClass, enabled: (stack: StyleStack) => boolean): void {
  const stack = StyleContextStack.prototype;
  const { getProperty, push, pop } = stack;
  stack.push = function (this: StyleStack, item: unknown) {
    this[answers] = undefined;
    push.call(this, item);
  };
  stack.pop = function (this: StyleStack, howMany?: number) {
    this[answers] = undefined;
    pop.call(this, howMany);
  };
  stack.getProperty = function (this: StyleStack, property: string) {
    if (!enabled(this)) return getProperty.call(this, property);
    let known = this[answers];
    if (known?.has(property)) return known.get(property);
    let value: unknown = this.defaultStyle && this.defaultStyle[property];
    const overrides = this.styleOverrides;
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (isNamedStyle(item)) return getProperty.call(this, property);
      const own = (item as StyleItem)[property];
      if (isValue(own)) {
        value = own;
        break;
      }
    }
    if (!known) this[answers] = known = new Map();
    known.set(property, value);
    return value;
  };

  const getStyleProperty = StyleContextStack.getStyleProperty.bind(StyleContextStack);
  StyleContextStack.getStyleProperty = (item, stack, property, defaultValue) => {
    if (!stack || !enabled(stack) || isNamedStyle(item) || item.style) return getStyleProperty(item, stack, property, defaultValue);
    const own = item[property];
    if (isValue(own)) return own;
    // pdfmake pushes the item first, but the item has no value for the property: the stack below answers
    const value = stack.getProperty(property);
    return isValue(value) ? value : defaultValue;
  };
}
