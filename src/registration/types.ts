import { type Role, roles, type State, states } from "../core/vocabulary.js";
import type { Batch } from "../entities/batch.js";
import type { Conclusion, Student } from "../entities/student.js";

export { type Role, roles, type State, states };

/** Events of the state machine (2.1.1.2, 2.1.2, 2.2). */
export type RegistrationEvent =
  | { type: "stage"; conclusion: Conclusion }
  | { type: "unstage" }
  | { type: "submit" }
  | { type: "certify"; certificateNumber: string };
export type EventType = RegistrationEvent["type"];

/** Origin edits (3.3.1–3.3.4): recorded in the history, the state stays where it is. */
export type OriginEvent =
  | { type: "edit-origin"; value: string }
  | { type: "review-origin" }
  | { type: "withdraw-origin-review" };

/** One append-only history entry. `at` is the ISO instant with its offset as given (or UTC `Z` for a Date). */
export interface HistoryEntry {
  event: RegistrationEvent | OriginEvent;
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
export interface TransitionContext {
  at: Date | string;
  actor: Role;
  locale?: "zh-CN" | "en";
}
