import { XueliError } from "../core/error.js";
import type { Severity } from "../core/result.js";
import { type CatalogueEntry, catalogue, findingCodes } from "./catalogue.js";
import { locales } from "./format.js";
import type { LocaleOptions } from "./locale.js";
import type { FindingCode } from "./params.js";

/** One rule of the catalogue, as importers and `xueli rules` see it. */
export interface Rule {
  code: FindingCode;
  severity: Severity;
  /** The clause of the notice the rule encodes (`3.1`, `5.3.3` …). */
  clause: string;
  /** The national standard or format the rule applies, where the notice relies on one (`GB 11643-1999`). */
  standard?: string;
  /** The notice's own Chinese sentence behind the rule. */
  notice?: string;
  /** The rule's one-line title in each locale. */
  title: { "zh-CN": string; en: string };
}

function toRule(code: FindingCode): Rule {
  const e: CatalogueEntry = catalogue[code];
  const r: Rule = {
    code,
    severity: e.severity,
    clause: e.clause,
    title: { "zh-CN": locales["zh-CN"][code].title, en: locales.en[code].title },
  };
  if (e.standard !== undefined) r.standard = e.standard;
  if (e.notice !== undefined) r.notice = e.notice;
  return r;
}

/**
 * The rule catalogue: one entry per finding code, in a stable order.
 * @example
 * rules.find((r) => r.code === "photo.dimensions")?.clause //=> "5.3.3"
 */
export const rules: readonly Rule[] = Object.freeze(findingCodes.map(toRule));

/**
 * True when `code` is a finding code of the catalogue (a type guard for codes read from JSON).
 * @example
 * isFindingCode("photo.dpi") //=> true
 * isFindingCode("toString")  //=> false
 */
export function isFindingCode(code: unknown): code is FindingCode {
  return typeof code === "string" && Object.hasOwn(catalogue, code);
}

/**
 * The catalogue entry of one code. `options.locale` has no effect on the entry (it holds both
 * titles) but is accepted like every other call's. Throws `XueliError` for an unknown code.
 * @example
 * explain("origin.levels").title.en //=> "The origin must name province, prefecture and county"
 */
export function explain(code: FindingCode, _options?: LocaleOptions): Rule {
  if (!isFindingCode(code)) {
    // Not String(code): an object whose toString is not callable would throw a TypeError instead.
    const shown = typeof code === "string" ? code : typeof code;
    throw new XueliError("code.unknown", `Unknown finding code: ${shown}`);
  }
  return toRule(code);
}

export { findingCodes };
