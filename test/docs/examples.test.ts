/**
 * Every `@example` of the library's doc comments is true (issue 13.5): each `//=>` line is checked,
 * with deep equality, against the value of the expression before it, run against the sources.
 *
 * An example may use the package's exports (`xueli-zhuce`, `xueli-zhuce/node`, `xueli-zhuce/roster`),
 * and, for internal helpers, the exports of the modules of its folder and what its own module imports, and the named values of ./fixtures.ts
 * (`student`, `ctx`, `stage`, `registration`, `staged`, `submitted`, `photo`, `rosterCsv`). A programmer error is
 * shown as `//=> throws XueliError("code")`. An example that cannot run here starts with the line
 * `// not run: <reason>` and must be listed in NOT_RUN below, so their number cannot grow unnoticed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import * as node from "../../src/node/index.js";
import * as roster from "../../src/roster/index.js";
import { compileExample, type DocExample, extractExamples } from "./extract.js";
import * as fixtures from "./fixtures.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const src = join(root, "src");

/** The examples that are not run, by file, with why: the list may shrink, never grow unnoticed. */
const NOT_RUN: readonly { file: string; reason: string }[] = [
  { file: "src/node/photo.ts", reason: "reads photo files from disk" },
  { file: "src/node/photo.ts", reason: "reads a folder of photo files from disk" },
];

/** Every source file of the library (src/**, not the CLI: it is no part of the package's API). */
function sourceFiles(): string[] {
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.startsWith("cli"))
    .map((f) => relative(root, join(src, f)).split("\\").join("/"))
    .sort();
}

const examples: DocExample[] = sourceFiles().flatMap((file) =>
  extractExamples(readFileSync(join(root, file), "utf8"), file),
);
const run = examples.filter((e) => e.notRun === undefined);
const notRun = examples.filter((e) => e.notRun !== undefined);

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** What a module sees of its relative imports (values only): an internal example may use them too. */
async function importsOf(file: string): Promise<Record<string, unknown>> {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.ES2022);
  const out: Record<string, unknown> = {};
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const spec = s.moduleSpecifier.text;
    const bindings = s.importClause?.namedBindings;
    if (!spec.startsWith(".") || s.importClause?.isTypeOnly || bindings === undefined) continue;
    if (!ts.isNamedImports(bindings)) continue;
    const mod = (await import(join(root, dirname(file), spec.replace(/\.js$/, ".ts")))) as Record<
      string,
      unknown
    >;
    for (const e of bindings.elements) {
      if (!e.isTypeOnly) out[e.name.text] = mod[(e.propertyName ?? e.name).text];
    }
  }
  return out;
}

/** The exports of every module in a file's folder: an internal example may use its neighbours. */
async function folderOf(file: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const dir = dirname(file);
  const names = readdirSync(join(root, dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  for (const f of names.sort()) Object.assign(out, await import(join(root, dir, f)));
  return out;
}

async function runExample(example: DocExample): Promise<number> {
  const own = (await import(join(root, example.file))) as Record<string, unknown>;
  const scope: Record<string, unknown> = {
    ...core,
    ...node,
    ...roster,
    ...fixtures,
    ...(await folderOf(example.file)),
    ...(await importsOf(example.file)),
    ...own,
  };
  const body = compileExample(example);
  let checks = 0;
  const where = `the @example at ${example.file}:${example.line}`;
  const check = async (index: number, actual: () => Promise<unknown>, expected: () => unknown) => {
    checks++;
    expect(await actual(), `${where}, //=> number ${index + 1}`).toEqual(expected());
  };
  const throws = async (index: number, actual: () => Promise<unknown>, code: string) => {
    checks++;
    let error: unknown;
    try {
      await actual();
    } catch (e) {
      error = e;
    }
    expect(error, `${where}, //=> number ${index + 1} throws`).toBeInstanceOf(core.XueliError);
    expect((error as core.XueliError).code, `${where}, //=> number ${index + 1}`).toBe(code);
  };
  const names = Object.keys(scope);
  const fn = new AsyncFunction(...names, "__check", "__throws", body);
  await fn(...names.map((n) => scope[n]), check, throws);
  return checks;
}

describe("the API reference's examples are true (issue 13.5)", () => {
  it("finds the library's examples (more than 100 @example blocks in src/**)", () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  it.each(run.map((e) => [`${e.file}:${e.line}`, e] as const))("the @example at %s is true", async (_, e) => {
    expect(await runExample(e)).toBeGreaterThan(0);
  });

  it("fails an example whose //=> is false, or whose expected throw does not happen", async () => {
    const at = (code: string): DocExample => ({
      file: "src/fields/id/index.ts",
      line: 1,
      code,
      notRun: undefined,
    });
    await expect(runExample(at('normalizeIdNumber(" 1 ") //=> "1"'))).resolves.toBe(1);
    await expect(runExample(at('normalizeIdNumber(" 1 ") //=> " 1 "'))).rejects.toThrow(/deeply equal/);
    await expect(
      runExample(at('validateIdNumber("x").ok //=> throws XueliError("locale.unknown")')),
    ).rejects.toThrow();
    await expect(runExample(at("const n = 1;\n//=> 1"))).rejects.toThrow(/does not end with an expression/);
    await expect(runExample(at("normalizeIdNumber('1');"))).rejects.toThrow(/checks nothing/);
  });

  it(`runs every example but the ${NOT_RUN.length} listed as not run (file system, browser)`, () => {
    const listed = notRun.map((e) => ({ file: e.file, reason: e.notRun }));
    for (const e of listed)
      expect(NOT_RUN, `${e.file}: not run (${e.reason}) but not listed`).toContainEqual(e);
    expect(notRun.length).toBeLessThanOrEqual(NOT_RUN.length);
    // An example not run is still well formed: each //=> follows an expression and is a value.
    for (const e of notRun) expect(() => compileExample(e), `${e.file}:${e.line}`).not.toThrow();
  });

  it("gives every exported function of the three entry points a summary and an @example", () => {
    const entries = ["src/index.ts", "src/node/index.ts", "src/roster/index.ts"].map((f) => join(root, f));
    const program = ts.createProgram(entries, { noEmit: true, noLib: true, types: [], skipLibCheck: true });
    const checker = program.getTypeChecker();
    const missing: string[] = [];
    let functions = 0;
    for (const entry of entries) {
      const sf = program.getSourceFile(entry);
      const mod = sf === undefined ? undefined : checker.getSymbolAtLocation(sf);
      expect(mod, entry).toBeDefined();
      for (const exported of checker.getExportsOfModule(mod as ts.Symbol)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const decl = symbol.declarations?.[0];
        if (decl === undefined) continue;
        const isFunction =
          ts.isFunctionDeclaration(decl) ||
          (ts.isVariableDeclaration(decl) &&
            decl.initializer !== undefined &&
            (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)));
        if (!isFunction) continue;
        functions++;
        const host = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
        const doc = ts
          .getJSDocCommentsAndTags(host)
          .map((d) => d.getText())
          .join("\n");
        const summary = /^\/\*\*\s*\n?\s*\*?\s*[^@\s]/.test(doc);
        if (!summary || !/@example/.test(doc))
          missing.push(`${exported.name} (${relative(root, decl.getSourceFile().fileName)})`);
      }
    }
    expect(functions).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });
});
