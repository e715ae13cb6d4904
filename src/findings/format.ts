import { XueliError } from "../core/error.js";
import type { Path } from "../core/result.js";
import { clip } from "../core/strings.js";
import { catalogue } from "./catalogue.js";
import { type Locale, type LocaleOptions, resolveLocale } from "./locale.js";
import { en } from "./locales/en.js";
import { zhCN } from "./locales/zh-CN.js";
import type { FindingCode, FindingParams } from "./params.js";
import type { LocaleTable, Text } from "./text.js";

/** The locale tables by locale. */
export const locales: Readonly<Record<Locale, LocaleTable>> = { "zh-CN": zhCN, en };

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
 * The message of `code` in `locale`. A code with its own message function builds it from its
 * params (when it returns a string); any other gets its title followed by the expected / received /
 * suggestion params. Never throws: a message function that fails on malformed params (a finding
 * read back from a file, say) falls back to the generic form.
 */
export function messageFor<C extends FindingCode>(
  locale: Locale,
  code: C,
  params: FindingParams[C],
  path: Readonly<Path> = [],
): string {
  return messageWith(locales[locale][code] as Text<C>, locale, params, path);
}

/**
 * The message of one code's `text` in `locale`: what `messageFor` gives with the code's text from
 * the whole table, for a caller that holds only some codes' texts (`findingIn`).
 */
export function messageWith<C extends FindingCode>(
  text: Text<C>,
  locale: Locale,
  params: FindingParams[C],
  path: Readonly<Path> = [],
): string {
  const p: unknown = params;
  const record = typeof p === "object" && p !== null ? (p as Record<string, unknown>) : {};
  if (text.message) {
    try {
      const m = text.message(clipStrings(record) as FindingParams[C], { path });
      if (typeof m === "string") return m;
    } catch {
      // A message must never make a validator throw: fall back to the generic form.
    }
  }
  return genericMessage(locale, text.title, record);
}

/** The title followed by the expected / received / suggestion params, in the locale's words. */
function genericMessage(locale: Locale, title: string, params: Record<string, unknown>): string {
  const l = labels[locale];
  // Yes/no facts (a study part complete, an approval given) read as 是/否 in Chinese, not true/false.
  // A missing value (null) reads as 无 in Chinese.
  const value = (v: unknown) =>
    typeof v === "boolean" ? l.boolean[v ? 1 : 0] : v === null ? l.none : show(v);
  const parts: string[] = [];
  if (params.expected !== undefined) parts.push(`${l.expected} ${value(params.expected)}`);
  if (params.received !== undefined) parts.push(`${l.received} ${value(params.received)}`);
  if (params.suggestion !== undefined) parts.push(`${l.suggestion} ${value(params.suggestion)}`);
  if (parts.length === 0) return title;
  return locale === "zh-CN" ? `${title}（${parts.join(l.sep)}）` : `${title} (${parts.join(l.sep)})`;
}

/**
 * Renders a finding's message in a locale: the same text `finding()` gives at creation, for a
 * finding stored earlier (read back from JSON, made in another locale). Only `code`, `params` and
 * `path` are read. Throws `XueliError` for a code that is not in the catalogue or an unknown locale.
 * @example
 * const f = validateIdNumber("110108199805121681").findings[0];
 * formatFinding(JSON.parse(JSON.stringify(f)), { locale: "en" })
 * //=> "The ID number's check character is wrong (expected X; received 1)"
 */
export function formatFinding(
  finding: { code: FindingCode; params?: unknown; path?: Readonly<Path> },
  options?: LocaleOptions,
): string {
  const locale = resolveLocale(options);
  const code: unknown = finding?.code;
  if (typeof code !== "string" || !Object.hasOwn(catalogue, code)) {
    throw new XueliError(
      "code.unknown",
      `Unknown finding code: ${typeof code === "string" ? code : typeof code}`,
    );
  }
  const path = Array.isArray(finding.path) ? finding.path : [];
  return messageFor(locale, code as FindingCode, (finding.params ?? {}) as never, path);
}

/**
 * **[decision]** The longest rendering of one value in a message, in characters: a message is read
 * by a person, in a terminal or a report cell, and must not repeat a pasted page. Longer values end
 * in `…`; the finding's `params` keep them (validators cap what they echo at `RECEIVED_MAX`).
 */
export const MESSAGE_VALUE_MAX = 80;

/** The params as a message function sees them: string values cut to `MESSAGE_VALUE_MAX`. */
function clipStrings(params: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
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
    try {
      return Object.prototype.toString.call(v);
    } catch {
      // A revoked Proxy: even its tag cannot be read.
      return typeof v;
    }
  }
}
