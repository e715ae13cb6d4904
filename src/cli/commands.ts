import { open, readFile, writeFile } from "node:fs/promises";
import { explain, isFindingCode, type Locale, rules } from "../index.js";
import { displayWidth, padDisplay } from "../roster/index.js";
import { type Command, oneOf, parseCommand } from "./args.js";
import { errnoOf, InputError, UsageError } from "./errors.js";
import { cliText } from "./messages.js";
import { safeText, styleFor } from "./report.js";

/** Where the CLI reads (stdin, for `-`) and writes, and the environment it reads (`NO_COLOR`, `FORCE_COLOR`). */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
}

function localeOf(v: string | undefined, fallback: Locale): Locale {
  // peekLocale already chose the language of messages; this makes a bad value an error.
  return oneOf("--lang", v, ["zh-CN", "en"] as const, fallback, cliText(fallback));
}

/**
 * What every command does first: parse its options (unknown ones are usage errors, exit 2), settle
 * the language, print the usage for `--help`, read `--format` (one of `formats`).
 */
export function begin<C extends Command, F extends string = "text" | "json">(
  command: C,
  argv: string[],
  io: Io,
  peeked: Locale,
  formats: readonly F[] = ["text", "json"] as unknown as readonly F[],
) {
  const { values, positionals } = parseCommand(command, argv, cliText(peeked));
  const v = values as typeof values & { lang?: string; help?: boolean; format?: string };
  const locale = localeOf(v.lang, peeked);
  const t = cliText(locale);
  if (v.help) io.stdout.write(`${t.usage}\n`);
  const format = v.help ? ("text" as F) : oneOf("--format", v.format, formats, "text" as F, t);
  return { values, positionals, locale, t, help: v.help === true, format };
}

/**
 * `xueli rules`: the catalogue, one line per code (or the `rules` array as JSON); the columns are
 * aligned by terminal width (a Chinese character takes two columns).
 */
export function rulesCommand(argv: string[], io: Io, peeked: Locale): number {
  const { positionals, locale, t, help, format } = begin("rules", argv, io, peeked);
  if (help) return 0;
  if (positionals.length > 0) throw new UsageError(t.unknownCommand(`rules ${positionals.join(" ")}`));
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const st = styleFor(io.stdout, io.env);
  const codeWidth = Math.max(...rules.map((r) => r.code.length));
  const sevWidth = Math.max(displayWidth(t.severityWord("error")), displayWidth(t.severityWord("warning")));
  const clauseWidth = Math.max(...rules.map((r) => r.clause.length));
  const lines = rules.map((r) => {
    const word = padDisplay(t.severityWord(r.severity), sevWidth);
    const sev = r.severity === "error" ? st.red(word) : st.yellow(word);
    return `${r.code.padEnd(codeWidth)}  ${sev}  ${r.clause.padEnd(clauseWidth)}  ${r.title[locale]}`;
  });
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** `xueli explain CODE`: one rule with its clause, both titles and the notice's own sentence. */
export function explainCommand(argv: string[], io: Io, peeked: Locale): number {
  const { positionals, locale, t, help, format } = begin("explain", argv, io, peeked);
  if (help) return 0;
  const code = positionals[0];
  if (code === undefined) throw new UsageError(t.codeMissing);
  if (positionals.length > 1) throw new UsageError(t.unknownCode(positionals.join(" ")));
  if (!isFindingCode(code)) throw new UsageError(t.unknownCode(code));
  const rule = explain(code, { locale });
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(rule, null, 2)}\n`);
    return 0;
  }
  const st = styleFor(io.stdout, io.env);
  const sev =
    rule.severity === "error" ? st.red(t.severityWord("error")) : st.yellow(t.severityWord("warning"));
  const lines = [
    `${st.bold(rule.code)}  ${sev}  ${t.clause} ${rule.clause}`,
    `  ${rule.title["zh-CN"]}`,
    `  ${rule.title.en}`,
  ];
  if (rule.standard !== undefined) lines.push(`  ${t.standard}: ${rule.standard}`);
  if (rule.notice !== undefined) lines.push(`  ${t.notice}: ${rule.notice}`);
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** The checker page, built beside the CLI (scripts/build-web.mjs → dist/web/xueli-checker.html). */
const checkerPage = new URL("./web/xueli-checker.html", import.meta.url);
/** What marks a page `xueli web` wrote (its `<meta name="generator">`): only such a file is overwritten. */
const PAGE_MARK = '<meta name="generator" content="xueli-zhuce';

/** True when `file` exists and is not a checker page (its first 4 KiB do not hold the mark). */
async function foreignFile(file: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
  } catch {
    return false; // nothing there (or nothing readable: writing will say why)
  }
  try {
    const { bytesRead, buffer } = await handle.read(new Uint8Array(4096), 0, 4096, 0);
    return !new TextDecoder().decode(buffer.subarray(0, bytesRead)).includes(PAGE_MARK);
  } catch {
    return true; // a folder, or a file that cannot be read: not ours to replace
  } finally {
    await handle.close();
  }
}

/**
 * `xueli web`: writes the offline checker page, one self-contained HTML file (issue 15), to `--out`
 * (default `xueli-checker.html`; `-`: stdout). The page is copied from the package, never fetched.
 * [decision] An existing file is overwritten only when it is an earlier checker page.
 */
export async function webCommand(argv: string[], io: Io, peeked: Locale): Promise<number> {
  const { values, positionals, t, help } = begin("web", argv, io, peeked);
  if (help) return 0;
  if (positionals.length > 0) throw new UsageError(t.unknownCommand(`web ${positionals.join(" ")}`));
  const out = values.out ?? "xueli-checker.html";
  const html = await readFile(checkerPage).catch(() => {
    throw new InputError(t.webMissing);
  });
  if (out === "-") {
    io.stdout.write(html);
    return 0;
  }
  if (await foreignFile(out)) throw new InputError(t.webExists(out));
  await writeFile(out, html).catch((e: unknown) => {
    throw new InputError(t.cannotWrite(out, t.fileProblem(errnoOf(e))));
  });
  io.stderr.write(`xueli: ${safeText(t.webWritten(out))}\n`);
  return 0;
}
