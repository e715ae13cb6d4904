import { catalogue, type FindingCode } from "../findings/catalogue.js";
import {
  type Locale,
  type LocaleOptions,
  messageFor,
  type Params,
  resolveLocale,
} from "../findings/locales/index.js";

export type Severity = "error" | "warning";

/** One problem found in the input: a stable code, its severity, a message and where it is. */
export interface Finding {
  /** Stable identifier, e.g. `"photo.dimensions"`. Switch over it, never over `message`. */
  code: FindingCode;
  severity: Severity;
  /** Human message in the requested locale (`zh-CN` by default, or `en`). */
  message: string;
  /** Where in the input: `[]` for the whole input, `["id", "number"]` for a nested field. */
  path: (string | number)[];
  /** The rules-digest clause the finding rests on, e.g. `"5.3.3"`. */
  clause?: string;
  /** Expected / received / suggestion … */
  params?: Params;
}

/** The one result shape of every validator: `ok` is true exactly when no finding is an error. */
export type Result<T> =
  | { ok: true; value: T; findings: Finding[] }
  | { ok: false; value?: T; findings: Finding[] };

export type { Locale, LocaleOptions, Params };

/**
 * Builds a finding for `code`: severity and clause come from the catalogue, the message from the
 * locale table of `options.locale` (zh-CN when absent).
 */
export function finding(
  code: FindingCode,
  path: (string | number)[] = [],
  params?: Params,
  options?: LocaleOptions,
): Finding {
  const entry = catalogue[code];
  const locale: Locale = resolveLocale(options);
  const f: Finding = {
    code,
    severity: entry.severity,
    message: messageFor(locale, code, params ?? {}),
    path,
    clause: entry.clause,
  };
  if (params !== undefined) f.params = params;
  return f;
}

/** True when at least one finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  for (const f of findings) if (f.severity === "error") return true;
  return false;
}

/** Wraps a value and its findings into a `Result`, deciding `ok` from the severities. */
export function toResult<T>(value: T | undefined, findings: Finding[]): Result<T> {
  if (!hasErrors(findings) && value !== undefined) return { ok: true, value, findings };
  return value === undefined ? { ok: false, findings } : { ok: false, value, findings };
}

/** Prefixes every finding's path, for nesting one validator's result inside another's. */
export function prefixFindings(findings: readonly Finding[], prefix: (string | number)[]): Finding[] {
  return findings.map((f) => ({ ...f, path: [...prefix, ...f.path] }));
}

export { XueliError } from "./error.js";
