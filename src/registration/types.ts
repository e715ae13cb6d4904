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
  /** The event as it was accepted. */
  event: RegistrationEvent;
  /** The state before the event. */
  from: State;
  /** The state after it (the same for the origin's events, 3.3). */
  to: State;
  /** When it happened: an ISO instant with its offset, as given. */
  at: string;
  /** Who sent it. */
  actor: Role;
}

/** A registration: plain JSON-safe data. Functions return new objects; the input is never changed. */
export interface Registration {
  /** Where the registration is in the process (2): `draft` → `staged` → `submitted` → `certified`. */
  state: State;
  /** The student's record (the origin edited by the origin's events, 3.3). */
  student: Student;
  /** The batch it is registered in (its window, 2.1; its registration date, 3.3). */
  batch: Batch;
  /** The conclusion chosen when staged (2.1.1.2); absent in a draft. */
  conclusion?: Conclusion;
  /** The certificate number given when certified (2.2), stored normalized. */
  certificateNumber?: string;
  /** Every accepted event, oldest first: the state is replayed from it (`parseRegistration`). */
  history: HistoryEntry[];
}

/** When and by whom an event happens. `at`: a `Date` or an ISO string with an offset. */
export interface TransitionContext extends LocaleOptions {
  /** The instant of the event: a `Date`, or an ISO string with an offset (`2022-06-01T10:00:00+08:00`). */
  at: Date | string;
  /** Who sends the event: the student, the unit's staff or the student office. */
  actor: Role;
}
