/**
 * Every field a letter template names, checked against the letter data when the template is loaded, in
 * block parameters too: Handlebars' strict mode checks `{{agency.nmae}}` only when it is printed, and never
 * `{{#if agency.nmae}}` or `{{#each agency.nmae}}`, which would quietly be false or empty in every letter.
 */

/** The fields of each group of the letter data (LetterTemplateData in templates.ts). */
export type LetterFields = Readonly<Record<string, readonly string[]>>;

/** Where the names of a template resolve: the whole data, one group, a text value, or something not known here. */
type Scope = { kind: "root" } | { kind: "group"; name: string } | { kind: "text"; block: string } | { kind: "unknown" };

export interface FieldProblem {
  message: string;
  hint?: string;
  line: number;
  /** 0-based, as Handlebars counts */
  column: number;
}

const DATA_VARIABLES = new Set(["index", "key", "first", "last"]);
const BUILTIN_BLOCKS = new Set(["if", "unless", "each", "with"]);

export function findFieldProblems(program: hbs.AST.Program, fields: LetterFields, helpers: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (node: hbs.AST.Node) => ({ line: node.loc.start.line, column: node.loc.start.column });

  /** The scope a path leads to, or a problem. */
  const resolve = (path: hbs.AST.PathExpression, scopes: readonly Scope[], blockParams: ReadonlySet<string>): Scope => {
    const parts = path.parts;
    if (path.data) {
      if (parts[0] === "root") return walkParts(path, parts.slice(1), { kind: "root" });
      if (parts.length === 1 && DATA_VARIABLES.has(parts[0]!)) return { kind: "text", block: "@" };
      problems.push({ message: `"@${parts.join(".")}" is not a data variable`, hint: "inside {{#each}}: @index, @key, @first, @last; anywhere: @root.<field>", ...at(path) });
      return { kind: "unknown" };
    }
    if (parts.length > 0 && path.depth === 0 && blockParams.has(parts[0]!)) return { kind: "unknown" };
    const scope = scopes[scopes.length - 1 - path.depth];
    if (!scope) {
      problems.push({ message: `"${path.original}" goes up more levels than there are blocks`, ...at(path) });
      return { kind: "unknown" };
    }
    return walkParts(path, parts, scope);
  };

  const walkParts = (path: hbs.AST.PathExpression, parts: readonly string[], start: Scope): Scope => {
    let scope = start;
    for (const part of parts) {
      if (scope.kind === "unknown") return scope;
      if (scope.kind === "text") {
        const inside = scope.block === "@" ? "" : ` (inside {{#each ${scope.block}}} each value is text)`;
        problems.push({ message: `"${part}" is not a field: the value before it is text${inside}`, hint: "use {{this}} for the value itself", ...at(path) });
        return { kind: "unknown" };
      }
      if (scope.kind === "root") {
        if (!Object.hasOwn(fields, part)) {
          problems.push({ message: `"${part}" is not a field of the letter data`, hint: `the letter data has: ${Object.keys(fields).join(", ")}`, ...at(path) });
          return { kind: "unknown" };
        }
        scope = { kind: "group", name: part };
        continue;
      }
      const known = fields[scope.name]!;
      if (!known.includes(part)) {
        problems.push({ message: `"${part}" is not a field of ${scope.name}`, hint: `${scope.name} has: ${known.join(", ")}`, ...at(path) });
        return { kind: "unknown" };
      }
      scope = { kind: "text", block: `${scope.name}.${part}` };
    }
    return scope;
  };

  const expression = (node: hbs.AST.Expression, scopes: readonly Scope[], blockParams: ReadonlySet<string>): Scope => {
    if (node.type === "PathExpression") return resolve(node as hbs.AST.PathExpression, scopes, blockParams);
    if (node.type === "SubExpression") call(node as hbs.AST.SubExpression, scopes, blockParams);
    return { kind: "unknown" };
  };

  const call = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, scopes: readonly Scope[], blockParams: ReadonlySet<string>) => {
    for (const param of node.params) expression(param, scopes, blockParams);
    for (const pair of node.hash?.pairs ?? []) expression(pair.value, scopes, blockParams);
  };

  const isHelper = (path: hbs.AST.Expression) =>
    path.type === "PathExpression" && (helpers.has((path as hbs.AST.PathExpression).original) || BUILTIN_BLOCKS.has((path as hbs.AST.PathExpression).original));

  const walk = (program: hbs.AST.Program | undefined, scopes: readonly Scope[], blockParams: ReadonlySet<string>): void => {
    if (!program) return;
    const params = new Set([...blockParams, ...(program.blockParams ?? [])]);
    for (const node of program.body) {
      if (node.type === "MustacheStatement") {
        const mustache = node as hbs.AST.MustacheStatement;
        if (isHelper(mustache.path)) call(mustache, scopes, params);
        else expression(mustache.path, scopes, params);
      } else if (node.type === "BlockStatement") {
        const block = node as hbs.AST.BlockStatement;
        const name = (block.path as hbs.AST.PathExpression).original;
        const [first, ...rest] = block.params;
        const target: Scope = first ? expression(first, scopes, params) : { kind: "unknown" };
        for (const param of rest) expression(param, scopes, params);
        for (const pair of block.hash?.pairs ?? []) expression(pair.value, scopes, params);
        // the names inside: each value of the list (text, when the list is a group), the object of {{#with}}, else as outside
        const inner: Scope =
          name === "each" ? (target.kind === "group" ? { kind: "text", block: target.name } : { kind: "unknown" }) : name === "with" ? target : scopes[scopes.length - 1]!;
        const pushes = name === "each" || name === "with";
        walk(block.program, pushes ? [...scopes, inner] : scopes, params);
        walk(block.inverse, scopes, params);
      }
    }
  };

  walk(program, [{ kind: "root" }], new Set());
  return problems;
}
