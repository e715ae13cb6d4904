export { checkRegistration } from "./check.js";
export { certificateNumberValid, originValid, studentValid } from "./field-guards.js";
export {
  applicationFormPresent,
  conclusionEligible,
  dueInBatch,
  earlyGraduationApproved,
  ethnicityChangedAfterAdmission,
  ethnicityChangeEvidenced,
  explanationPresent,
  type Guard,
  type GuardInput,
  type GuardName,
  guards,
  nameChangeEvidenced,
  originReviewed,
  photoUploaded,
  programChangeInTime,
  studyComplete,
  windowOpen,
} from "./guards.js";
export { can, createRegistration, guardInput, transition } from "./machine.js";
export { parseRegistration, RegistrationSchema } from "./parse.js";
export { eventTypes, isEventType, type TransitionRule, transitionTable } from "./table.js";
export {
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
} from "./types.js";
