/** The origin (生源地) rules of clause 3.3: the dated division tables, validation, review and determination. */
export { determineOrigin, type OriginDetermination, type OriginFacts, type OriginRule } from "./determine.js";
export { type DivisionEdition, divisionEditions } from "./table.js";
export {
  normalizeOriginText,
  ORIGIN_INPUT_MAX,
  type Origin,
  type OriginOptions,
  originDay,
  validateOrigin,
} from "./validate.js";
