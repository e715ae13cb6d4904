import type { Result } from "../findings/index.js";
import { transition } from "./machine.js";
import type { Registration, TransitionContext } from "./types.js";

// The origin's events by name (3.3.1–3.3.3): thin wrappers over `transition`, whose one table
// says who may send them and when.

/**
 * Edits the origin (3.3.1): the student or the unit's staff, in a draft never staged whose origin
 * is not reviewed. Refused with `origin.locked` (staged or submitted, or staged before, 3.3.4),
 * `transition.role` (the student office) or `origin.review-first` (reviewed: the staff withdraw
 * the review first, 3.3.2).
 *
 * An edit to an invalid origin is still recorded, as the platform saves what is typed: the result
 * is then `{ ok: false, value: <the new registration>, findings: <origin.* at student.origin.value> }`,
 * and the origin cannot be reviewed until it is corrected. A refused edit has no `value`.
 * Throws `XueliError` only for a bad `context`.
 *
 * @example
 * const unreviewed = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * const r = editOrigin(unreviewed, "河北省 石家庄市 正定县",
 *   { at: "2022-05-20T10:00:00+08:00", actor: "student" });
 * r.ok && r.value.student.origin //=> { value: "河北省石家庄市正定县", reviewed: false }
 * r.ok && r.value.history.at(-1)
 * //=> { event: { type: "edit-origin", value: "河北省 石家庄市 正定县" }, from: "draft", to: "draft",
 * //     at: "2022-05-20T10:00:00+08:00", actor: "student" }
 */
export function editOrigin(
  registration: Registration,
  value: string,
  context: TransitionContext,
): Result<Registration> {
  return transition(registration, { type: "edit-origin", value }, context);
}

/**
 * Reviews the origin (复核, 3.3.3): only the unit's staff (`origin.reviewer` otherwise), only a
 * valid origin (its `origin.*` findings otherwise, at `student.origin.value`), only in a draft
 * never staged (`origin.locked`, 3.3.4); an origin already reviewed gives `transition.illegal`.
 * The reviewed value is stored in its normalized form.
 *
 * @example
 * const unreviewed = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * reviewOrigin(unreviewed, { at: "2022-05-21T09:00:00+08:00", actor: "unit-staff" }).value?.student.origin
 * //=> { value: "北京市海淀区", reviewed: true }
 * reviewOrigin(unreviewed, { at: "2022-05-21T09:00:00+08:00", actor: "student" }).findings.map((f) => f.code)
 * //=> ["origin.reviewer"]
 */
export function reviewOrigin(registration: Registration, context: TransitionContext): Result<Registration> {
  return transition(registration, { type: "review-origin" }, context);
}

/**
 * Withdraws the review (取消复核, 3.3.2) so that the student or the staff may edit again: only the
 * unit's staff (`origin.reviewer` otherwise), only in a draft never staged (`origin.locked`,
 * 3.3.4), only a reviewed origin (`transition.illegal` otherwise).
 *
 * @example
 * registration.student.origin //=> { value: "北京市海淀区", reviewed: true }
 * withdrawOriginReview(registration, { at: "2022-05-22T09:00:00+08:00", actor: "unit-staff" }).value
 *   ?.student.origin //=> { value: "北京市海淀区", reviewed: false }
 */
export function withdrawOriginReview(
  registration: Registration,
  context: TransitionContext,
): Result<Registration> {
  return transition(registration, { type: "withdraw-origin-review" }, context);
}
