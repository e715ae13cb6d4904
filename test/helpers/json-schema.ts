import { readFileSync } from "node:fs";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";

/**
 * RFC 3339 full-date, as a format-asserting validator checks `format: "date"` (networknt's
 * json-schema-validator, python's jsonschema with a FormatChecker): 4-digit year, a real day of the
 * proleptic Gregorian calendar. Written from the RFC, not from the library.
 */
export function rfc3339FullDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The shipped schema schemas/<name>, as JSON. */
export function shippedSchema(name: string): object {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), "utf8")) as object;
}

/** ajv for draft 2020-12, asserting the `date` format, as a platform's validator would be set up. */
export function draft2020(options: { formats?: boolean } = {}): Ajv2020 {
  return options.formats === false
    ? new Ajv2020({ allErrors: true, allowUnionTypes: true, validateFormats: false })
    : new Ajv2020({ allErrors: true, allowUnionTypes: true, formats: { date: rfc3339FullDate } });
}

/** A validator of schemas/<name> that returns its errors as "path message" lines ([] when valid). */
export function errorsAgainst(name: string, ajv: Ajv2020 = draft2020()): (data: unknown) => string[] {
  const v: ValidateFunction = ajv.compile(shippedSchema(name));
  return (data) => (v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
