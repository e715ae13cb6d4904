/**
 * xueli-zhuce — the rules of graduate education-certificate e-registration (学历证书电子注册) at
 * UCAS (14430) as code. The core is pure: no `fs`, works in a browser and on `Uint8Array`.
 *
 * Every export is listed by name: this file is the public surface (see docs/architecture.md).
 *
 * Every `@example` in this reference is run by test/docs/examples.test.ts, and each `//=>` is the
 * value its expression gives. Besides the package's exports, the examples use a few generated values
 * (test/docs/fixtures.ts; no real person's data): `student`, a master's student of 测试研究所 ready to
 * graduate in `ucas2022Batch3`; `registration`, their registration in that batch (a draft, origin
 * reviewed); `staged` and `submitted`, the same after `stage` and `submit`; `ctx`, a unit's staff
 * member on 2022-06-01 10:00 Beijing time; `stage`, `{ type: "stage", conclusion: "graduation" }`;
 * `photo`, the bytes of a valid 480 × 640 JPEG at 300 dpi; `rosterCsv`, a two-row CSV roster whose
 * second student's ID number has a wrong check character.
 *
 * @packageDocumentation
 */

// Batches and the registration form (3.1, 4.1, 4.2.3).
export { checkBatch } from "./batch/check.js";
export { DUPLICATES_NAMED, type DuplicateEntry, DuplicateIndex } from "./batch/duplicates.js";
export { type RegistrationForm, validateRegistrationForm } from "./batch/form.js";
export { type BatchSummary, summarizeBatch } from "./batch/summary.js";
// The core: results, programmer errors, the domain's vocabularies.
export { XueliError, type XueliErrorCode } from "./core/error.js";
export type { Path, ResultOf, Severity } from "./core/result.js";
export {
  type DefenseResult,
  type PhotoNaming,
  photoNamings,
  type Sex,
  sexes,
} from "./core/vocabulary.js";
// Entities: zod schemas and their types.
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
// Field validators (3.1, 2.2, 3.3): identity documents, names, ethnic groups, certificate numbers, origins, students.
export {
  type CertificateExpectation,
  type CertificateFacts,
  type CertificateLevel,
  type EducationType,
  GRADUATE_EDUCATION_TYPE,
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
export {
  HAN_PADDED_MAX,
  MIDDLE_DOT,
  NAME_INPUT_MAX,
  type NameFacts,
  validateName,
} from "./fields/name/index.js";
export {
  type DivisionEdition,
  determineOrigin,
  divisionEditions,
  normalizeOriginText,
  type Origin,
  type OriginDetermination,
  type OriginFacts,
  type OriginOptions,
  type OriginRule,
  validateOrigin,
} from "./fields/origin/index.js";
export {
  normalizeStudentNumber,
  type StudentOptions,
  validateStudent,
} from "./fields/student/index.js";
// Findings: the catalogue, typed params, the two locales.
export {
  type BirthDateProblem,
  type Catalogue,
  type CatalogueEntry,
  type CatalogueOf,
  type ColorDepth,
  type Dimensions,
  type Duplicate,
  type Empty,
  type EvidenceParams,
  explain,
  type Finding,
  type FindingArgs,
  type FindingCode,
  type FindingOf,
  type FindingParams,
  finding,
  findingCodes,
  formatFinding,
  isFindingCode,
  type Locale,
  type LocaleOptions,
  localeNames,
  type NameProblem,
  type OriginChangeParams,
  type OriginParams,
  type Result,
  type RowProblem,
  type Rule,
  relocalize,
  resolveLocale,
  rules,
  type SchemaExpectation,
  type SchemaParams,
  type TamperParams,
  type TamperReason,
  toResult,
  type UnreadableReason,
} from "./findings/index.js";
// Photos (5.3.3, 5.2.2, 4.2.2): a graduation photo from its bytes (headers only, synchronous), its
// background from its pixels (async), a folder's file names against the roster (pure).
export {
  type BackgroundFacts,
  type BackgroundOptions,
  type CheckPhotoBackgroundOptions,
  type CheckPhotoOptions,
  type ColorModel,
  checkPhoto,
  checkPhotoBackground,
  defaultBackground,
  defaultPhotoLimits,
  type JpegDecoder,
  type MatchPhotosOptions,
  matchPhotos,
  measureBackground,
  type PhotoFacts,
  type PhotoFileMatch,
  type PhotoFolderStudent,
  type PhotoFormat,
  type PhotoLimits,
  type PhotoMatch,
  type PhotoStudent,
  type PhotoStudentMatch,
  type Pixels as PhotoPixels,
  photoEditors,
  photoReadCap,
  type Rgb,
} from "./photo/index.js";
// The registration state machine (2, 3.3): draft → staged → submitted → certified, and the origin's events.
export {
  checkRegistration,
  checkStudentRegistration,
  checkWindow,
  defaultConclusion,
  type StudentRegistrationCheck,
  type StudentRegistrationOptions,
} from "./registration/check.js";
export { applyOriginEvent, normalizeCertificateNumber } from "./registration/effects.js";
export { certificateNumberValid, originValid, studentValid } from "./registration/field-guards.js";
export {
  applicationFormPresent,
  conclusionEligible,
  conclusionGiven,
  datedInOrder,
  dueInBatch,
  earlyGraduationApproved,
  ethnicityChangedAfterAdmission,
  ethnicityChangeEvidenced,
  explanationPresent,
  type Guard,
  type GuardInput,
  nameChangeEvidenced,
  originReviewed,
  photoUploaded,
  programChangeInTime,
  stagedWithConclusion,
  studyComplete,
  windowOpen,
} from "./registration/guards.js";
export { batchDifferences, can, createRegistration, guardInput, transition } from "./registration/machine.js";
export { editOrigin, reviewOrigin, withdrawOriginReview } from "./registration/origin.js";
export {
  editedOriginValid,
  notYetReviewed,
  originNeverStaged,
  originValueIsText,
  reviewedBefore,
  reviewWithdrawnFirst,
} from "./registration/origin-guards.js";
export { parseRegistration } from "./registration/parse.js";
export { HistoryEntrySchema, RegistrationEventSchema, RegistrationSchema } from "./registration/schema.js";
export {
  eventTypes,
  type GuardName,
  guards,
  isEventType,
  replayedGuards,
  type TransitionRule,
  transitionTable,
} from "./registration/table.js";
export {
  type EventOf,
  type EventType,
  type HistoryEntry,
  type OriginEvent,
  type Registration,
  type RegistrationEvent,
  type Role,
  roles,
  type State,
  states,
  type TransitionContext,
} from "./registration/types.js";
// Standard Schema v1 (form and API libraries): the validators as `~standard` schemas.
export {
  type StandardIssue,
  type StandardProps,
  type StandardResult,
  type StandardSchema,
  type StandardValidateOptions,
  standard,
  type ToStandardSchemaOptions,
  toStandardSchema,
} from "./standard/index.js";
