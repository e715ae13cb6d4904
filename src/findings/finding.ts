import { toResult as coreToResult, type Path, type ResultOf, type Severity } from "../core/result.js";
import { catalogue } from "./catalogue.js";
import { locales, messageFor, messageWith } from "./format.js";
import { type Locale, type LocaleOptions, resolveLocale } from "./locale.js";
import type { Empty, FindingCode, FindingParams } from "./params.js";
import type { Text, TextsOf } from "./text.js";

/** One finding of one code: its params have that code's exact shape. */
export interface FindingOf<C extends FindingCode> {
  /** Stable identifier, e.g. `"photo.dimensions"`. Switch over it, never over `message`. */
  code: C;
  severity: Severity;
  /** Human message in the requested locale (`zh-CN` by default, or `en`). */
  message: string;
  /** Where in the input: `[]` for the whole input, `["id", "number"]` for a nested field. */
  path: Path;
  /** The rules-digest clause the finding rests on, e.g. `"5.3.3"`. */
  clause: string;
  /** Raw data of the finding (expected / received / suggestion …), typed by `code`: see `FindingParams`. */
  params: FindingParams[C];
}

/**
 * One problem found in the input: a union discriminated on `code`, so that after
 * `if (f.code === "photo.dpi")` the editor knows `f.params.expected` is a number.
 * `Finding<"photo.dpi" | "photo.file-size">` narrows to those codes.
 */
export type Finding<C extends FindingCode = FindingCode> = C extends FindingCode ? FindingOf<C> : never;

/** The one result shape of every validator: `ok` is true exactly when no finding is an error. */
export type Result<T> = ResultOf<T, Finding>;

/** The arguments after `path`: params (optional when the code's params may be empty), then options. */
export type FindingArgs<C extends FindingCode> = Empty extends FindingParams[C]
  ? [params?: FindingParams[C], options?: LocaleOptions]
  : [params: FindingParams[C], options?: LocaleOptions];

/**
 * Makes a finding of `code`: severity and clause from the catalogue, the message from the locale
 * table of `options.locale` (zh-CN when absent). Typed by code: the params must have the code's
 * shape. For importers that report findings of their own in the same shape.
 * @example
 * finding("photo.dpi", [], { expected: 300, received: 72, source: "jfif" }, { locale: "en" })
 * //=> { code: "photo.dpi", severity: "error", clause: "5.3.3", path: [],
 * //     message: "The photo's density must be at least 300 dpi (received 72 dpi)",
 * //     params: { expected: 300, received: 72, source: "jfif" } }
 */
export function finding<C extends FindingCode>(code: C, path: Path, ...args: FindingArgs<C>): Finding<C> {
  return findingIn(locales, code, path, ...args);
}

/**
 * `finding` with the message taken from `texts` (some codes' texts in each locale) instead of the
 * whole tables: the same finding, but a bundle whose findings are all made this way carries only
 * those texts. `validateIdNumber` makes its findings with `idTexts` (issue 13.2).
 * @example
 * findingIn(idTexts, "id.region", [], { received: "990101" }, { locale: "en" }).message
 * //=> "The ID number's region code is not valid (received 990101)"
 */
export function findingIn<C extends FindingCode>(
  texts: Readonly<Record<Locale, TextsOf<NoInfer<C>>>>,
  code: C,
  path: Path,
  ...args: FindingArgs<C>
): Finding<C> {
  const [params, options] = args as [FindingParams[C] | undefined, LocaleOptions | undefined];
  const p = (params ?? {}) as FindingParams[C];
  const locale = resolveLocale(options);
  const entry = catalogue[code as FindingCode];
  const f: FindingOf<C> = {
    code,
    severity: entry.severity,
    message: messageWith(texts[locale][code] as Text<C>, locale, p, path),
    path,
    clause: entry.clause,
    params: p,
  };
  return f as Finding<C>;
}

/**
 * The same finding with its message in another locale (the params, path and code unchanged).
 * @example
 * const f = validateIdNumber("110108199805121681").findings[0];
 * f.message //=> "身份证号码校验码不正确（应为 X；收到 1）"
 * relocalize(f, { locale: "en" }).message //=> "The ID number's check character is wrong (expected X; received 1)"
 */
export function relocalize<F extends Finding>(f: F, options?: LocaleOptions): F {
  return { ...f, message: messageFor(resolveLocale(options), f.code, f.params as never, f.path) };
}

/**
 * Wraps a value and its findings into a `Result`, deciding `ok` from the severities.
 * @example
 * toResult({ n: 1 }, []) //=> { ok: true, value: { n: 1 }, findings: [] }
 */
export function toResult<T>(value: T | undefined, findings: Finding[]): Result<T> {
  return coreToResult(value, findings);
}
