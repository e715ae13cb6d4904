/**
 * Reads the `@example` blocks of the library's doc comments (src/**, not src/cli/**) and turns each
 * into code that checks its `//=>` lines: the expression before a `//=>` is evaluated and compared,
 * deeply, with the value written after it (issue 13.5). Used by examples.test.ts.
 */
import ts from "typescript";

/** One `@example` block as written in a doc comment. */
export interface DocExample {
  /** The source file, relative to the repository (`src/fields/id/index.ts`). */
  readonly file: string;
  /** The 1-based line of the `@example` tag. */
  readonly line: number;
  /** The example's code, comment stars and fences removed. */
  readonly code: string;
  /** Why the example is not run, from a first line `// not run: <reason>`; undefined when it runs. */
  readonly notRun: string | undefined;
}

/** One `//=>` of an example: the code before it, ending with the expression, and the value after it. */
export interface DocAssertion {
  /** The statements since the previous `//=>`; the last one is the expression checked. */
  readonly code: string;
  /** The text after `//=>`, continuation comment lines included: a JavaScript expression. */
  readonly expected: string;
  /** The 0-based line of the `//=>` within the example's code. */
  readonly line: number;
}

/** `//=> throws XueliError("option.invalid")`: the expression throws a XueliError with this code. */
const THROWS = /^throws XueliError\(("[a-z.-]+")\)$/;

const NOT_RUN = /^\/\/\s*not run:\s*(.+)$/;

/** Every `@example` block in the doc comments (`/** … *\/`) of one source file. */
export function extractExamples(source: string, file: string): DocExample[] {
  const out: DocExample[] = [];
  const block = /\/\*\*[\s\S]*?\*\//g;
  for (let m = block.exec(source); m !== null; m = block.exec(source)) {
    const startLine = source.slice(0, m.index).split("\n").length;
    const lines = m[0]
      .replace(/^\/\*\*/, "")
      .replace(/\*\/$/, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, "").replace(/^\s*$/, ""));
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b(.*)$/.exec(lines[i] ?? "");
      if (tag === null) continue;
      const body: string[] = [];
      const rest = tag[1]?.trim() ?? "";
      if (rest !== "") body.push(rest);
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j] ?? "";
        if (/^\s*@\w+/.test(l)) break;
        body.push(l);
      }
      const code = body
        .filter((l) => !/^\s*```/.test(l))
        .join("\n")
        .trim();
      const first = code.split("\n")[0]?.trim() ?? "";
      const notRun = NOT_RUN.exec(first)?.[1]?.trim();
      out.push({ file, line: startLine + i, code, notRun });
      i = j - 1;
    }
  }
  return out;
}

/** Whether `text` parses as one complete JavaScript expression. */
function isExpression(text: string): boolean {
  const sf = ts.createSourceFile("x.ts", `(${text}\n);`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics;
  return diagnostics.length === 0 && sf.statements.length === 1;
}

/**
 * Splits an example's code at its `//=>` comments. An expected value may go on over the following
 * comment lines (`//    …`) until it parses as an expression. Code after the last `//=>` is
 * returned as `tail` (it is run too).
 */
export function splitAssertions(code: string): { assertions: DocAssertion[]; tail: string } {
  const lines = code.split("\n");
  const assertions: DocAssertion[] = [];
  let pending: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    const at = l.indexOf("//=>");
    if (at === -1) {
      pending.push(l);
      continue;
    }
    const before = l.slice(0, at);
    if (before.trim() !== "") pending.push(before);
    let expected = l.slice(at + 4).trim();
    const line = i;
    while (!isExpression(expected) && /^\s*\/\/(?!=>)/.test(lines[i + 1] ?? "")) {
      i++;
      expected += `\n${(lines[i] ?? "").replace(/^\s*\/\//, "")}`;
    }
    assertions.push({ code: pending.join("\n"), expected: expected.trim(), line });
    pending = [];
  }
  return { assertions, tail: pending.join("\n") };
}

/**
 * The body of an async function that runs an example: each assertion's last expression statement
 * becomes `await __check(index, () => (expression), () => (expected))`, or `await __throws(index,
 * () => (expression), code)` for `//=> throws XueliError("code")`; TypeScript syntax (`as const`,
 * annotations) is removed. Throws (a test failure) when the code before a `//=>` does not end with
 * an expression.
 */
export function compileExample(example: DocExample): string {
  const { assertions, tail } = splitAssertions(example.code);
  if (assertions.length === 0) throw new Error("an @example without a //=> line checks nothing");
  const parts: string[] = [];
  assertions.forEach((a, index) => {
    const sf = ts.createSourceFile("x.ts", a.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const last = sf.statements.at(-1);
    if (last === undefined || !ts.isExpressionStatement(last)) {
      throw new Error(`the code before the //=> on line ${a.line + 1} does not end with an expression`);
    }
    const expression = last.expression.getText(sf);
    parts.push(a.code.slice(0, last.getStart(sf)));
    const thrown = THROWS.exec(a.expected);
    if (thrown !== null) {
      parts.push(`;await __throws(${index}, async () => (${expression}\n), ${thrown[1]});\n`);
      return;
    }
    if (!isExpression(a.expected)) {
      throw new Error(`the value after the //=> on line ${a.line + 1} is not an expression: ${a.expected}`);
    }
    parts.push(`;await __check(${index}, async () => (${expression}\n), () => (${a.expected}\n));\n`);
  });
  parts.push(tail);
  const js = ts.transpileModule(parts.join(""), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: false,
  }).outputText;
  return js;
}
