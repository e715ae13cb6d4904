/** Findings: the catalogue of codes, their typed params, the two locales, and how a finding is made and rendered. */
export { type Catalogue, type CatalogueEntry, type CatalogueOf, catalogue } from "./catalogue.js";
export {
  type Finding,
  type FindingArgs,
  type FindingOf,
  finding,
  findingIn,
  type Result,
  relocalize,
  toResult,
} from "./finding.js";
export { formatFinding, locales, MESSAGE_VALUE_MAX, messageFor, messageWith, show } from "./format.js";
export { defaultLocale, type Locale, type LocaleOptions, localeNames, resolveLocale } from "./locale.js";
export { type IdCode, idTexts } from "./locales/id.js";
export type {
  BirthDateProblem,
  ColorDepth,
  Dimensions,
  Duplicate,
  Empty,
  EvidenceParams,
  FindingCode,
  FindingParams,
  NameProblem,
  OriginChangeParams,
  OriginParams,
  RowProblem,
  SchemaExpectation,
  SchemaParams,
  TamperParams,
  TamperReason,
  UnreadableReason,
} from "./params.js";
export { explain, findingCodes, isFindingCode, type Rule, rules } from "./rules.js";
export type { LocaleTable, LocaleTableOf, MessageContext, Text, TextFor, TextsOf } from "./text.js";
