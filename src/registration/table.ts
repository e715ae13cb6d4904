import type { GuardName } from "./guards.js";
import type { EventType, Role, State } from "./types.js";

/** One row of the transition table: where an event may start, where it leads, who may send it, what guards it. */
export interface TransitionRule {
  readonly from: State;
  readonly to: State;
  readonly actor: Role;
  readonly guards: readonly GuardName[];
}

/**
 * What must hold to stage (2.1.1.2): inside the window (2.1), the student's own fields valid (3.1),
 * a photo (2.1.1.1), due in this batch (2.1.1.2), study complete and the conclusion fitting it
 * (1.1, 1.2), and the origin valid and reviewed, since staging locks it (3.3, 3.3.4).
 */
const stageGuards = [
  "windowOpen",
  "studentValid",
  "photoUploaded",
  "dueInBatch",
  "studyComplete",
  "conclusionEligible",
  "originValid",
  "originReviewed",
] as const satisfies readonly GuardName[];

/** Submitting (2.1.2) checks all of staging again, then the evidence of 2.1.2 and 3.1–3.2. */
const submitGuards = [
  ...stageGuards,
  "explanationPresent",
  "nameChangeEvidenced",
  "ethnicityChangedAfterAdmission",
  "ethnicityChangeEvidenced",
  "programChangeInTime",
  "earlyGraduationApproved",
  "applicationFormPresent",
] as const satisfies readonly GuardName[];

/**
 * The transition table of the SEP process (2). Every event has exactly one legal source state;
 * anything not in this table is `transition.illegal`, any other actor is `transition.role`.
 *
 * - `stage` (暂存, 2.1.1.2): the unit's staff choose the conclusion and save.
 * - `unstage`: taking a staged student back before submission [decision, 2]; the unit acts in the
 *   platform only inside the window, so the window guards it too [decision, 2.1].
 * - `submit` (提交, 2.1.2): irreversible; only now does the student office see it.
 * - `certify` (2.2): the student office assigns the certificate number; no window (the notice
 *   gives the student office none).
 *
 * `satisfies` makes a misspelt state, role, event type or guard name fail to compile.
 * @example
 * transitionTable.submit //=> { from: "staged", to: "submitted", actor: "unit-staff", guards: [...] }
 */
export const transitionTable = {
  stage: { from: "draft", to: "staged", actor: "unit-staff", guards: stageGuards },
  unstage: { from: "staged", to: "draft", actor: "unit-staff", guards: ["windowOpen"] },
  submit: { from: "staged", to: "submitted", actor: "unit-staff", guards: submitGuards },
  certify: {
    from: "submitted",
    to: "certified",
    actor: "student-office",
    guards: ["certificateNumberValid"],
  },
} as const satisfies Record<EventType, TransitionRule>;

/**
 * The event types, in process order.
 * @example
 * eventTypes //=> ["stage", "unstage", "submit", "certify"]
 */
export const eventTypes = Object.keys(transitionTable) as EventType[];

/**
 * True for a string that names an event of the table (own keys only: `"toString"` is not one).
 * @example
 * isEventType("submit") //=> true
 * isEventType("toString") //=> false
 */
export function isEventType(type: unknown): type is EventType {
  return typeof type === "string" && Object.hasOwn(transitionTable, type);
}
