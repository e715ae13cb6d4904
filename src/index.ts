/**
 * xueli-zhuce — the rules of graduate education-certificate e-registration (学历证书电子注册) at
 * UCAS (14430) as code. The core is pure: no `fs`, works in a browser and on `Uint8Array`.
 */

// Batches and the registration form (3.1, 4.1, 4.2.3).
export * from "./batch/index.js";
export { XueliError } from "./core/error.js";
export type { Finding, Result, Severity } from "./core/result.js";
export { type Batch, BatchSchema, batches, defineBatch, ucas2022Batch3 } from "./entities/batch.js";
export {
  type Conclusion,
  conclusions,
  type DegreeLevel,
  degreeLevels,
  type Evidence,
  evidenceKinds,
  type IdType,
  idTypes,
  type Student,
  type StudentInput,
  StudentSchema,
} from "./entities/student.js";
// Field validators (3.1, 2.2): identity documents, names, ethnic groups, certificate numbers, students.
export {
  type CertificateExpectation,
  type CertificateFacts,
  type CertificateLevel,
  type EducationType,
  validateCertificateNumber,
} from "./fields/certificate/index.js";
export {
  type EthnicGroup,
  type EthnicityCode,
  type EthnicityFacts,
  type EthnicityName,
  ethnicGroups,
  validateEthnicity,
} from "./fields/ethnicity/index.js";
export {
  type IdNumberFacts,
  type IdNumberOptions,
  normalizeIdNumber,
  validateIdNumber,
} from "./fields/id/index.js";
export { MIDDLE_DOT, type NameFacts, validateName } from "./fields/name/index.js";
// The origin (生源地, 3.3): division table, validation, review workflow, determination.
export * from "./fields/origin/index.js";
export { type StudentOptions, validateStudent } from "./fields/student/index.js";
export type { Locale, LocaleOptions, Params } from "./findings/locales/index.js";
export {
  explain,
  type FindingCode,
  findingCodes,
  isFindingCode,
  type Rule,
  rules,
} from "./findings/rules.js";
// Photos (5.3.3, 5.2.2, 4.2.2): checks a graduation photo from its bytes, headers only unless asked.
export {
  type BackgroundFacts,
  type BackgroundOptions,
  type CheckPhotoOptions,
  type ColorModel,
  checkPhoto,
  defaultBackground,
  defaultPhotoLimits,
  type JpegDecoder,
  measureBackground,
  type PhotoFacts,
  type PhotoFormat,
  type PhotoLimits,
  type PhotoStudent,
  type Pixels as PhotoPixels,
  photoEditors,
} from "./photo/index.js";
// The registration state machine (2): draft → staged → submitted → certified.
export * from "./registration/index.js";
