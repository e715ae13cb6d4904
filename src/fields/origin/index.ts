/** The origin (生源地) rules of clause 3.3: the division table, validation, review and determination. */
export { determineOrigin, type OriginDetermination, type OriginFacts, type OriginRule } from "./determine.js";
export { normalizeOriginText, type Origin, validateOrigin } from "./validate.js";
