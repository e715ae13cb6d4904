/**
 * Bad usage or unreadable input: the CLI prints the message and exits 2. Distinct from findings
 * (bad data in a readable roster, exit 1) and from bugs (anything else thrown, also exit 2 but
 * with the stack under `XUELI_DEBUG`).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
