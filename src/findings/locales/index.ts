import { XueliError } from "../../core/error.js";
import { clip } from "../../core/strings.js";
import type { FindingCode } from "../catalogue.js";
import { en } from "./en.js";
import type { Locale, LocaleOptions, LocaleTable, Params } from "./types.js";
import { zhCN } from "./zh-CN.js";

export type { Locale, LocaleOptions, LocaleTable, Params, Text } from "./types.js";

export const locales: Readonly<Record<Locale, LocaleTable>> = { "zh-CN": zhCN, en };
export const defaultLocale: Locale = "zh-CN";

/** The call's locale, then the default. Throws for a locale that does not exist (a programmer error). */
export function resolveLocale(options?: LocaleOptions | null): Locale {
  const l = options?.locale;
  if (l === undefined) return defaultLocale;
  if (l !== "zh-CN" && l !== "en") throw new XueliError("locale.unknown", `Unknown locale: ${String(l)}`);
  return l;
}

interface Labels {
  received: string;
  expected: string;
  suggestion: string;
  sep: string;
  /** How a boolean param reads: [false, true]. */
  boolean: readonly [string, string];
  /** How `null` (nothing given) reads. */
  none: string;
}
const labels: Record<Locale, Labels> = {
  "zh-CN": {
    received: "收到",
    expected: "应为",
    suggestion: "建议",
    sep: "；",
    boolean: ["否", "是"],
    none: "无",
  },
  en: {
    received: "received",
    expected: "expected",
    suggestion: "suggestion",
    sep: "; ",
    boolean: ["false", "true"],
    none: "null",
  },
};

/**
 * The message of `code` in `locale`. A code with its own message function builds it from
 * `params` (when it returns a string); any other gets its title followed by the expected / received / suggestion params.
 */
export function messageFor(locale: Locale, code: FindingCode, params: Params): string {
  const text = locales[locale][code];
  if (text.message) {
    try {
      const m = text.message(clipStrings(params));
      if (m !== undefined) return m;
    } catch {
      // A message must never make a validator throw: fall back to the generic form.
    }
  }
  const l = labels[locale];
  // Yes/no facts (a study part complete, an approval given) read as 是/否 in Chinese, not true/false.
  // A missing value (null) reads as 无 in Chinese.
  const value = (v: unknown) =>
    typeof v === "boolean" ? l.boolean[v ? 1 : 0] : v === null ? l.none : show(v);
  const parts: string[] = [];
  if (params.expected !== undefined) parts.push(`${l.expected} ${value(params.expected)}`);
  if (params.received !== undefined) parts.push(`${l.received} ${value(params.received)}`);
  if (params.suggestion !== undefined) parts.push(`${l.suggestion} ${value(params.suggestion)}`);
  if (parts.length === 0) return text.title;
  return locale === "zh-CN"
    ? `${text.title}（${parts.join(l.sep)}）`
    : `${text.title} (${parts.join(l.sep)})`;
}

/**
 * **[decision]** The longest rendering of one value in a message, in characters: a message is read
 * by a person, in a terminal or a report cell, and must not repeat a pasted page. Longer values end
 * in `…`; the finding's `params` keep them (validators cap what they echo at `RECEIVED_MAX`).
 */
export const MESSAGE_VALUE_MAX = 80;

/** The params as a message function sees them: string values cut to `MESSAGE_VALUE_MAX`. */
function clipStrings(params: Params): Params {
  let out: Params | undefined;
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "string" && v.length > MESSAGE_VALUE_MAX) {
      out ??= { ...params };
      out[k] = clip(v, MESSAGE_VALUE_MAX);
    }
  }
  return out ?? params;
}

/**
 * Renders an unknown value for a message without ever throwing, cut to `MESSAGE_VALUE_MAX`
 * characters (`…` at the end) when longer.
 * @example
 * show(["a", "b"]) //=> '["a","b"]'
 * show("张".repeat(1000)).length //=> 80
 */
export function show(v: unknown): string {
  return clip(render(v), MESSAGE_VALUE_MAX);
}

function render(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v === null || v === undefined) return String(v);
  try {
    return JSON.stringify(v) ?? Object.prototype.toString.call(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
