import { XueliError } from "../core/error.js";

/** The languages of messages. */
export const localeNames = ["zh-CN", "en"] as const;
/** A language of messages: `"zh-CN"` (the default) or `"en"`. */
export type Locale = (typeof localeNames)[number];

/** The locale option every validator takes: the language of this call's messages. */
export interface LocaleOptions {
  /** Language of messages; `zh-CN` when absent. Chosen per call, never globally. */
  locale?: Locale;
}

export const defaultLocale: Locale = "zh-CN";

/**
 * The call's locale, then the default. Throws `XueliError` `locale.unknown` for a locale that does
 * not exist (a programmer error).
 * @example
 * resolveLocale({ locale: "en" }) //=> "en"
 * resolveLocale(undefined) //=> "zh-CN"
 */
export function resolveLocale(options?: LocaleOptions | null): Locale {
  const l = options?.locale;
  if (l === undefined) return defaultLocale;
  if (l !== "zh-CN" && l !== "en") {
    const shown = typeof l === "string" ? l : typeof l;
    throw new XueliError("locale.unknown", `Unknown locale: ${shown}`);
  }
  return l;
}
