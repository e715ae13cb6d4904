/**
 * Thrown for programmer errors only (a wrong option type, an unknown locale or code); bad data
 * never throws, it gives findings.
 */
export class XueliError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "XueliError";
    this.code = code;
  }
}
