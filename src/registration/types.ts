import {
  type Conclusion,
  type EventType,
  eventTypes,
  type Role,
  roles,
  type State,
  states,
} from "../core/vocabulary.js";
import type { Batch } from "../entities/batch.js";
import type { Student } from "../entities/student.js";
import type { LocaleOptions } from "../findings/index.js";

export { type EventType, eventTypes, type Role, roles, type State, states };

/**
 * The events of the registration machine (2, 3.3): the registration's own — stage (暂存, 2.1.1.2),
 * unstage, submit (提交, 2.1.2), certify (2.2) — and the origin's — edit (3.3.1), review (复核,
 * 3.3.3), withdraw the review (取消复核, 3.3.2). Origin events keep the state where it is.
 */
export type RegistrationEvent =
  | { type: "stage"; conclusion: Conclusion }
  | { type: "unstage" }
  | { type: "submit" }
  | { type: "certify"; certificateNumber: string }
  | { type: "edit-origin"; value: string }
  | { type: "review-origin" }
  | { type: "withdraw-origin-review" };

/** The event of one type. */
export type EventOf<E extends EventType> = Extract<RegistrationEvent, { type: E }>;

/** The origin's events (3.3.1–3.3.3). */
export type OriginEvent = EventOf<"edit-origin" | "review-origin" | "withdraw-origin-review">;

/** One append-only history entry. `at` is the ISO instant with its offset as given (or UTC `Z` for a Date). */
export interface HistoryEntry {
  event: RegistrationEvent;
  from: State;
  to: State;
  at: string;
  actor: Role;
}

/** A registration: plain JSON-safe data. Functions return new objects; the input is never changed. */
export interface Registration {
  state: State;
  student: Student;
  batch: Batch;
  conclusion?: Conclusion;
  certificateNumber?: string;
  history: HistoryEntry[];
}

/** When and by whom an event happens. `at`: a `Date` or an ISO string with an offset. */
export interface TransitionContext extends LocaleOptions {
  at: Date | string;
  actor: Role;
}
