/**
 * The codes of programmer errors, one spelling each:
 * - `option.invalid`: an option of the wrong type or value (a `limits.minDpi` that is not a number,
 *   a `namedBy` that is neither naming, a `concurrency` that is not a positive integer …);
 * - `argument.invalid`: an argument that must already be checked is not (a registration given to
 *   `guardInput` that `parseRegistration` would refuse);
 * - `locale.unknown`: a locale other than `zh-CN` and `en`;
 * - `code.unknown`: a finding code that is not in the catalogue;
 * - `context.invalid`, `context.at`, `context.actor`: a transition context that is not an object, an
 *   `at` that is not a valid `Date` or an ISO 8601 string with an offset, an unknown role.
 */
export type XueliErrorCode =
  | "option.invalid"
  | "argument.invalid"
  | "locale.unknown"
  | "code.unknown"
  | "context.invalid"
  | "context.at"
  | "context.actor";

/**
 * Thrown for programmer errors only (a wrong option type, an unknown locale or code); bad data
 * never throws, it gives findings.
 * @example
 * validateIdNumber("110108199805121681", { locale: "fr" as never }) //=> throws XueliError("locale.unknown")
 * new XueliError("option.invalid", "limits must be an object").code //=> "option.invalid"
 */
export class XueliError extends Error {
  readonly code: XueliErrorCode;
  constructor(code: XueliErrorCode, message: string) {
    super(message);
    this.name = "XueliError";
    this.code = code;
  }
}
