import { parseArgs } from "node:util";
import type { Locale } from "../index.js";
import { UsageError } from "./errors.js";
import type { CliText } from "./messages.js";

type OptionSpec = { type: "string" | "boolean"; short?: string };

const common = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  format: { type: "string" },
} as const satisfies Record<string, OptionSpec>;

export const commandOptions = {
  check: {
    ...common,
    example: { type: "boolean" },
    photos: { type: "string" },
    background: { type: "boolean" },
    batch: { type: "string" },
    "named-by": { type: "string" },
    "admission-year": { type: "string" },
    at: { type: "string" },
    output: { type: "string" },
    quiet: { type: "boolean" },
    "strict-columns": { type: "boolean" },
    sheet: { type: "string" },
    "input-format": { type: "string" },
    "max-rows": { type: "string" },
    "max-size": { type: "string" },
  },
  batch: { ...common, out: { type: "string" } },
  web: { ...common, out: { type: "string" } },
  rules: common,
  explain: common,
  none: { ...common, version: { type: "boolean", short: "v" } },
} as const satisfies Record<string, Record<string, OptionSpec>>;

export type Command = keyof typeof commandOptions;

/**
 * `--lang` read before anything else, so even a usage error speaks the requested language. A bad
 * value is reported by the full parse; here it just falls back to zh-CN.
 */
export function peekLocale(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a?.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === "en") return "en";
  }
  return "zh-CN";
}

/**
 * True when the command line asks for the version, before a command or after one (`xueli
 * --version`, `xueli check --version`, `xueli rules -v`): it then wins over the command. Read with
 * the command's own options, so a value that reads `--version` (`--batch --version`) or anything
 * after `--` is not a request; an unknown command is reported as such instead.
 */
export function wantsVersion(argv: readonly string[]): boolean {
  const [first, ...rest] = argv;
  const known = first !== undefined && first !== "none" && Object.hasOwn(commandOptions, first);
  if (first !== undefined && !first.startsWith("-") && !known) return false;
  const options = {
    ...commandOptions[known ? (first as Command) : "none"],
    version: commandOptions.none.version,
  };
  try {
    const { tokens } = parseArgs({
      args: known ? rest : [...argv],
      options,
      allowPositionals: true,
      strict: false,
      tokens: true,
    });
    return tokens.some((t) => t.kind === "option" && t.name === "version");
  } catch {
    return false;
  }
}

/** The option a parseArgs error names (`'--format <value>'` → `--format`), or the message's first word. */
function optionNamed(message: string): string {
  return /'(-{1,2}[^'\s<]+)/.exec(message)?.[1] ?? /(-{1,2}[\w-]+)/.exec(message)?.[1] ?? "";
}

/**
 * The options of one command, parsed strictly. An unknown option, an option without its value
 * (`--format` last) or a yes/no option given one (`--quiet=1`) is a `UsageError` (exit 2), said in
 * the locale's words: parseArgs's English message is never shown.
 */
export function parseCommand<C extends Command>(command: C, argv: string[], t: CliText) {
  try {
    return parseArgs({ args: argv, options: commandOptions[command], allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const option = optionNamed(err.message ?? "");
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(t.unknownOption(option));
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /does not take/.test(err.message ?? "")) {
      throw new UsageError(t.takesNoValue(option));
    }
    throw new UsageError(t.missingValue(option));
  }
}

/** A string option that must be one of `allowed`. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  t: CliText,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t.badValue(name, value, allowed.join(" | ")));
}
