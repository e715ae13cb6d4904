import { type EventType, eventTypes, type Role, type State } from "../core/vocabulary.js";
import { certificateNumberValid, originValid, studentValid } from "./field-guards.js";
import {
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
  nameChangeEvidenced,
  originReviewed,
  photoUploaded,
  programChangeInTime,
  stagedWithConclusion,
  studyComplete,
  windowOpen,
} from "./guards.js";
import {
  editedOriginValid,
  notYetReviewed,
  originNeverStaged,
  originValueIsText,
  reviewedBefore,
  reviewWithdrawnFirst,
} from "./origin-guards.js";

/**
 * Every guard by name. The transition table refers to guards by these names, so a misspelt guard
 * name fails to compile (as XState's `setup()` does).
 * @example
 * // `student`'s photo is uploaded.
 * guards.photoUploaded(guardInput(registration, stage, ctx)) //=> []
 */
export const guards = {
  datedInOrder,
  windowOpen,
  conclusionGiven,
  stagedWithConclusion,
  studentValid,
  photoUploaded,
  dueInBatch,
  studyComplete,
  conclusionEligible,
  originValid,
  originReviewed,
  explanationPresent,
  nameChangeEvidenced,
  ethnicityChangedAfterAdmission,
  ethnicityChangeEvidenced,
  programChangeInTime,
  earlyGraduationApproved,
  applicationFormPresent,
  certificateNumberValid,
  originNeverStaged,
  reviewWithdrawnFirst,
  notYetReviewed,
  reviewedBefore,
  originValueIsText,
  editedOriginValid,
} as const satisfies Record<string, Guard>;

/** The name of a guard. */
export type GuardName = keyof typeof guards;

/** One row of the transition table: where an event may start, where it leads, who may send it, what guards it. */
export interface TransitionRule {
  /** The states the event may start from; another gives `stateCode`. */
  readonly from: readonly State[];
  /** The state it leads to; `null`: it keeps the state (the origin's events, 3.3). */
  readonly to: State | null;
  /** Who may send it; anyone else gives `roleCode`. */
  readonly actors: readonly Role[];
  /** The code of a refusal for the state: `origin.locked` for the origin's events (3.3.4). */
  readonly stateCode: "transition.illegal" | "origin.locked";
  /** The code of a refusal for the actor: `origin.reviewer` for the review events (3.3.2, 3.3.3). */
  readonly roleCode: "transition.role" | "origin.reviewer";
  /** Checks whose errors refuse the event, in order. */
  readonly guards: readonly GuardName[];
  /**
   * `true`: the guards run in order and the first that refuses ends the check (the origin's events:
   * a locked origin is not also "not reviewed"); `false`: every guard reports, so that the unit
   * sees every problem at once.
   */
  readonly sequential: boolean;
  /** Checks reported with the accepted event: their errors make the result `ok: false` but the event is applied. */
  readonly advisories: readonly GuardName[];
}

/**
 * What must hold to stage (2.1.1.2): inside the window (2.1), a conclusion chosen, the student's
 * own fields valid (3.1), a photo (2.1.1.1), due in this batch (2.1.1.2), study complete and the
 * conclusion fitting it (1.1, 1.2), and the origin valid and reviewed, since staging locks it
 * (3.3, 3.3.4).
 */
const stageGuards = [
  "datedInOrder",
  "windowOpen",
  "conclusionGiven",
  "studentValid",
  "photoUploaded",
  "dueInBatch",
  "studyComplete",
  "conclusionEligible",
  "originValid",
  "originReviewed",
] as const satisfies readonly GuardName[];

/**
 * Submitting (2.1.2) checks all of staging again (on the conclusion it was staged with), then the
 * evidence of 2.1.2 and 3.1–3.2.
 */
const submitGuards = [
  "datedInOrder",
  "stagedWithConclusion",
  ...stageGuards.filter((g) => g !== "conclusionGiven" && g !== "datedInOrder"),
  "explanationPresent",
  "nameChangeEvidenced",
  "ethnicityChangedAfterAdmission",
  "ethnicityChangeEvidenced",
  "programChangeInTime",
  "earlyGraduationApproved",
  "applicationFormPresent",
] as const satisfies readonly GuardName[];

const staff = ["unit-staff"] as const satisfies readonly Role[];

/**
 * The one transition table of the registration (2, 3.3): the registration's events and the
 * origin's. Anything not in this table is `transition.illegal`; an actor not listed gets the rule's
 * `roleCode`.
 *
 * - `stage` (暂存, 2.1.1.2): the unit's staff choose the conclusion and save.
 * - `unstage`: taking a staged student back before submission [decision, 2]; the unit acts in the
 *   platform only inside the window, so the window guards it too [decision, 2.1].
 * - `submit` (提交, 2.1.2): irreversible; only now does the student office see it.
 * - `certify` (2.2): the student office assigns the certificate number; no window (the notice
 *   gives the student office none).
 * - `edit-origin` (3.3.1): the student or the staff edit an origin not reviewed, in a registration
 *   never staged (3.3.4); a reviewed one needs its review withdrawn first (3.3.2). An invalid value
 *   is recorded, with its findings (the platform saves what is typed).
 * - `review-origin` (复核, 3.3.3): the staff review a valid origin not yet reviewed.
 * - `withdraw-origin-review` (取消复核, 3.3.2): the staff withdraw the review of a reviewed origin.
 *
 * The origin's events are not bound to the registration window: the status system is open to them
 * all year [decision].
 *
 * `satisfies` makes a misspelt state, role, event type or guard name fail to compile.
 * @example
 * transitionTable.submit.to //=> "submitted"
 * transitionTable["review-origin"].actors //=> ["unit-staff"]
 */
export const transitionTable = {
  stage: {
    from: ["draft"],
    to: "staged",
    actors: staff,
    stateCode: "transition.illegal",
    roleCode: "transition.role",
    guards: stageGuards,
    sequential: false,
    advisories: [],
  },
  unstage: {
    from: ["staged"],
    to: "draft",
    actors: staff,
    stateCode: "transition.illegal",
    roleCode: "transition.role",
    guards: ["datedInOrder", "windowOpen"],
    sequential: false,
    advisories: [],
  },
  submit: {
    from: ["staged"],
    to: "submitted",
    actors: staff,
    stateCode: "transition.illegal",
    roleCode: "transition.role",
    guards: submitGuards,
    sequential: false,
    advisories: [],
  },
  certify: {
    from: ["submitted"],
    to: "certified",
    actors: ["student-office"],
    stateCode: "transition.illegal",
    roleCode: "transition.role",
    guards: ["datedInOrder", "certificateNumberValid"],
    sequential: false,
    advisories: [],
  },
  "edit-origin": {
    from: ["draft"],
    to: null,
    actors: ["student", "unit-staff"],
    stateCode: "origin.locked",
    roleCode: "transition.role",
    guards: ["originNeverStaged", "datedInOrder", "reviewWithdrawnFirst", "originValueIsText"],
    sequential: true,
    advisories: ["editedOriginValid"],
  },
  "review-origin": {
    from: ["draft"],
    to: null,
    actors: staff,
    stateCode: "origin.locked",
    roleCode: "origin.reviewer",
    guards: ["originNeverStaged", "datedInOrder", "notYetReviewed", "originValid"],
    sequential: true,
    advisories: [],
  },
  "withdraw-origin-review": {
    from: ["draft"],
    to: null,
    actors: staff,
    stateCode: "origin.locked",
    roleCode: "origin.reviewer",
    guards: ["originNeverStaged", "datedInOrder", "reviewedBefore"],
    sequential: true,
    advisories: [],
  },
} as const satisfies Record<EventType, TransitionRule>;

/**
 * The guards a history replay runs again at each step (`parseRegistration`): those about the
 * process — when, in what order, in which review state, on which origin — which a forged history
 * breaks (a review of an invalid origin, a second review, a stage outside the window). The
 * student's data guards are not replayed: they are checked on the registration as it is
 * (`checkRegistration`), and a rule that changed since must not make an honest history look forged.
 */
export const replayedGuards: ReadonlySet<GuardName> = new Set<GuardName>([
  "datedInOrder",
  "windowOpen",
  "conclusionGiven",
  "stagedWithConclusion",
  "originReviewed",
  "originValid",
  "originNeverStaged",
  "reviewWithdrawnFirst",
  "notYetReviewed",
  "reviewedBefore",
  "originValueIsText",
]);

export { eventTypes };

/**
 * True for a string that names an event of the table (own keys only: `"toString"` is not one).
 * @example
 * isEventType("submit") //=> true
 * isEventType("toString") //=> false
 */
export function isEventType(type: unknown): type is EventType {
  return typeof type === "string" && Object.hasOwn(transitionTable, type);
}
