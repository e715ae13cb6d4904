import type * as z from "zod/mini";
import { clip, RECEIVED_MAX } from "../core/strings.js";
import {
  type Finding,
  finding,
  type LocaleOptions,
  type SchemaExpectation,
  type SchemaParams,
} from "../findings/index.js";

/** The options every schema parse of the entities uses: issues carry the input they refused. */
export const PARSE = { reportInput: true } as const;

const TYPES: Readonly<Record<string, SchemaExpectation>> = {
  string: "string",
  number: "number",
  int: "integer",
  boolean: "boolean",
  object: "object",
  array: "array",
};

/** The name of a value's type, as `schema.invalid` reports what it received for a wrong type. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  try {
    if (Array.isArray(v)) return "array";
  } catch {
    // A revoked Proxy: Array.isArray throws on it; it is an object all the same.
  }
  return typeof v;
}

/** A received value as params keep it: strings cut to `RECEIVED_MAX`, primitives as they are, objects by type. */
function receivedValue(v: unknown): unknown {
  if (typeof v === "string") return clip(v, RECEIVED_MAX);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  return typeName(v);
}

/**
 * zod issues become `schema.invalid` findings at their paths: zod's issue code, what was expected
 * (a type, a format, one of a list of values, a bound) and what was received, as data. zod's own
 * English message is not kept: the locales say it. Parse with `PARSE` so that issues carry their input.
 */
export function zodFindings(error: z.core.$ZodError, options?: LocaleOptions): Finding[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const params: SchemaParams = { issue: issue.code };
    const i = issue as unknown as Record<string, unknown>;
    const input = i.input;
    switch (issue.code) {
      case "invalid_type": {
        const expected = TYPES[String(i.expected)];
        if (expected !== undefined) params.expected = expected;
        params.received = typeName(input);
        // What was there, for a person to find it (issue 14.4): a year written "二〇一九".
        if (typeof input === "string" || typeof input === "number" || typeof input === "boolean") {
          params.value = receivedValue(input) as string | number | boolean;
        }
        break;
      }
      case "invalid_value": {
        const values = Array.isArray(i.values)
          ? i.values.filter(
              (v): v is string | number | boolean =>
                typeof v === "string" || typeof v === "number" || typeof v === "boolean",
            )
          : [];
        params.values = values;
        params.received = receivedValue(input);
        break;
      }
      case "too_small":
      case "too_big": {
        if (i.origin === "string") params.expected = "string";
        else if (i.origin === "number") params.expected = "number";
        const bound = issue.code === "too_small" ? i.minimum : i.maximum;
        const n = typeof bound === "bigint" ? Number(bound) : bound;
        if (typeof n === "number") {
          if (issue.code === "too_small") params.minimum = n;
          else params.maximum = n;
        }
        params.received = receivedValue(input);
        break;
      }
      case "custom": {
        const p = i.params as Record<string, unknown> | undefined;
        if (p?.expected === "date" || p?.expected === "instant") params.expected = p.expected;
        if (p?.reason === "order") params.reason = "order";
        params.received = receivedValue(input);
        break;
      }
      default:
        if (input !== undefined) params.received = receivedValue(input);
    }
    return finding("schema.invalid", path, params, options);
  });
}
