import { foldFullWidth } from "../core/strings.js";
import { isIsoDate } from "../core/time.js";
import type { EventType } from "../core/vocabulary.js";
import type { Student } from "../entities/student.js";
import { validateOrigin } from "../fields/origin/index.js";
import type { EventOf, OriginEvent, Registration } from "./types.js";

/** What an accepted event changes besides the state and the history: one function per event. */
export const effects: { readonly [E in EventType]: (r: Registration, e: EventOf<E>) => Registration } = {
  // The conclusion is chosen at staging (2.1.1.2) and dropped when unstaged (a draft has none).
  stage: (r, e) => ({ ...r, conclusion: e.conclusion }),
  unstage: (r) => {
    const { conclusion: _c, ...rest } = r;
    return rest;
  },
  submit: (r) => r,
  certify: (r, e) => ({ ...r, certificateNumber: normalizeCertificateNumber(e.certificateNumber) }),
  "edit-origin": (r, e) => ({ ...r, student: applyOriginEvent(r.student, e, asOfOf(r)) }),
  "review-origin": (r, e) => ({ ...r, student: applyOriginEvent(r.student, e, asOfOf(r)) }),
  "withdraw-origin-review": (r, e) => ({ ...r, student: applyOriginEvent(r.student, e, asOfOf(r)) }),
};

/**
 * A certificate number as it is stored (2.2): full-width digits folded and every space removed, as
 * `validateCertificateNumber` reads it. Not a string: `""` (the guard refuses it before anything is stored).
 * @example
 * normalizeCertificateNumber(" １４４３０ 1 2022 02 000001 ") //=> "144301202202000001"
 */
export function normalizeCertificateNumber(n: unknown): string {
  // Not a string: refused by `certificateNumberValid` before anything is stored.
  return typeof n === "string" ? foldFullWidth(n).replace(/\s+/gu, "") : "";
}

/** The day of the divisions for a registration's origin: its batch's registration date (3.3 [decision]). */
function asOfOf(r: Registration): { asOf?: string } {
  const day = r.batch?.registrationDate;
  return isIsoDate(day) ? { asOf: day } : {};
}

/** The value stored for an edit: the normalized form when valid (in the divisions of `asOf`), otherwise what was typed. */
function storedValue(value: string, options: { asOf?: string }): string {
  const r = validateOrigin(value, options);
  return r.ok ? r.value.normalized : value;
}

/**
 * The student after one origin event (3.3): pure, and without checking who may send it (the
 * table does that before). `options.asOf` is the day of the divisions a valid value is normalized
 * in (the machine passes the batch's registration date; default the newest edition).
 * - `edit-origin`: `origin = { value, reviewed: false }`, the value normalized when it is valid;
 * - `review-origin`: `reviewed: true`, the value normalized when it is valid;
 * - `withdraw-origin-review`: `reviewed: false`.
 *
 * @example
 * applyOriginEvent(student, { type: "edit-origin", value: "北京市 海淀区" }).origin
 * //=> { value: "北京市海淀区", reviewed: false }
 */
export function applyOriginEvent(
  student: Student,
  event: OriginEvent,
  options: { asOf?: string } = {},
): Student {
  switch (event.type) {
    case "edit-origin":
      return { ...student, origin: { value: storedValue(event.value, options), reviewed: false } };
    case "review-origin":
      return { ...student, origin: { value: storedValue(student.origin.value, options), reviewed: true } };
    case "withdraw-origin-review":
      return { ...student, origin: { value: student.origin.value, reviewed: false } };
  }
}
