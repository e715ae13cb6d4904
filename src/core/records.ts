/**
 * Reading untrusted values defensively: data may come from JSON, spreadsheets or JavaScript
 * callers, and a validator never throws on it.
 */

/** True for a plain object-like value (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value as a record, or `undefined` when it is not one: for optional chaining over untrusted data. */
export function rec(v: unknown): Record<string, unknown> | undefined {
  return isRecord(v) ? v : undefined;
}
