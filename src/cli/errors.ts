/**
 * Bad usage: the CLI prints the message, then how to get help, and exits 2. Distinct from
 * unreadable input (`InputError`, exit 2 without the hint), from findings (bad data in a readable
 * roster, exit 1) and from bugs (anything else thrown, also exit 2, the stack under `XUELI_DEBUG`).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Input that cannot be read or written (a missing file, a batch file with errors, a report file
 * that cannot be written): the CLI prints the message and exits 2; the command line itself was
 * right, so no usage hint follows. [decision] An `--output` that is the roster is a `UsageError`: the
 * command line names one file twice. `lines` are printed after the message, one per line (a batch file's findings).
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** A Node error's code (`ENOENT` …), if it has one. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}
