import type { FindingCode } from "../catalogue.js";

export type Locale = "zh-CN" | "en";
export interface LocaleOptions {
  /** Language of messages; `zh-CN` when absent. Chosen per call, never globally. */
  locale?: Locale;
}
export type Params = Record<string, unknown>;

/**
 * One code's text in one locale: a short title and, where params help, a message built from them.
 * A message function may return `undefined` for params it has nothing special to say about: the
 * generic form (title + expected / received / suggestion) is used then.
 */
export interface Text {
  title: string;
  message?: (p: Params) => string | undefined;
}
/** A locale table: every code must have its text, or the table does not compile. */
export type LocaleTable = Record<FindingCode, Text>;
