// The xueli CLI: a thin shell over the core (`../index.js`), the file helpers (`../node`) and the
// roster package (`../roster`). Exit codes: 0 no errors found; 1 errors found; 2 bad usage or
// unreadable input.
import { version } from "../../package.json";
import { parseCommand, peekLocale, wantsVersion } from "./args.js";
import { batchCommand } from "./batch.js";
import { checkCommand } from "./check.js";
import { explainCommand, type Io, rulesCommand, webCommand } from "./commands.js";
import { InputError, UsageError } from "./errors.js";
import { cliText } from "./messages.js";
import { safeText } from "./report.js";
import { RosterError } from "./roster/read.js";

/** The option that raises each bound of reading a roster. */
const RAISE: Partial<Record<string, string>> = {
  maxRows: "--max-rows",
  maxFileBytes: "--max-size",
  maxInflatedBytes: "--max-size",
  maxXlsBytes: "--max-size",
};

/**
 * Runs one command line; returns the exit code. Never calls `process.exit`, so output is flushed.
 * Everything written to stderr that holds input (a path, an option's value, a batch's field) is
 * escaped (`safeText`): no control or bidi character of the input reaches the terminal.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const locale = peekLocale(argv);
  const t = cliText(locale);
  const say = (line: string) => io.stderr.write(`xueli: ${safeText(line)}\n`);
  try {
    // `--version` after a command too (`xueli check --version`): the version, whatever the command.
    if (wantsVersion(argv)) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    const [first, ...rest] = argv;
    switch (first) {
      case "check":
        return await checkCommand(rest, io, locale);
      case "batch":
        return await batchCommand(rest, io, locale);
      case "rules":
        return rulesCommand(rest, io, locale);
      case "explain":
        return explainCommand(rest, io, locale);
      case "web":
        return await webCommand(rest, io, locale);
      default: {
        if (first !== undefined && !first.startsWith("-")) throw new UsageError(t.unknownCommand(first));
        const { values, positionals } = parseCommand("none", argv, t);
        if (values.version) {
          io.stdout.write(`${version}\n`);
          return 0;
        }
        if (values.help) {
          io.stdout.write(`${t.usage}\n`);
          return 0;
        }
        if (positionals.length > 0) throw new UsageError(t.unknownCommand(positionals[0] as string));
        io.stderr.write(`${t.usage}\n`);
        return 2;
      }
    }
  } catch (e) {
    if (e instanceof RosterError) {
      // A roster that cannot be read as a whole: its findings, localized; not a usage error.
      for (const f of e.findings) {
        say(f.message);
        const option = f.code === "roster.too-large" ? RAISE[f.params.limit] : undefined;
        if (option !== undefined) io.stderr.write(`${t.raiseLimit(option)}\n`);
      }
      return 2;
    }
    if (e instanceof InputError) {
      // Input that cannot be read (or written): the command line was right, no usage hint.
      say(e.message);
      for (const line of e.lines) io.stderr.write(`${safeText(line)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      say(e.message);
      io.stderr.write(`${t.helpHint}\n`);
      return 2;
    }
    // A bug, not the user's input: say so briefly; XUELI_DEBUG shows the stack.
    const err = e instanceof Error ? e : new Error(String(e));
    say(t.internal(err.message));
    if (io.env.XUELI_DEBUG)
      for (const line of (err.stack ?? "").split("\n")) io.stderr.write(`${safeText(line)}\n`);
    return 2;
  }
}

// `xueli check … | head`: a reader that stops early is not an error of ours; exit quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdin: process.stdin,
});
process.exitCode = code;
