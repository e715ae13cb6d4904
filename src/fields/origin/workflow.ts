import { isRecord } from "../../core/records.js";
import { prefixFindings } from "../../core/result.js";
import type { Student } from "../../entities/student.js";
import { type Finding, finding, type LocaleOptions, type Result } from "../../findings/index.js";
import { type ResolvedContext, resolveContext } from "../../registration/context.js";
import type {
  HistoryEntry,
  OriginEvent,
  Registration,
  Role,
  TransitionContext,
} from "../../registration/types.js";
import { validateOrigin } from "./validate.js";

/**
 * The origin review workflow (3.3.1–3.3.4). The origin of a draft registration is edited by the
 * student or the unit's staff while it is not reviewed (未复核, 3.3.1); once reviewed (已复核) the
 * staff must withdraw the review before anyone edits it (3.3.2), and review it again after the
 * correction (3.3.3). Staging or submitting locks it (3.3.4). Every accepted step appends a
 * history entry and returns a new registration; the input is never changed.
 */

const OPEN = ["student", "unit-staff"] as const satisfies readonly Role[];
const ORIGIN_PATH = ["student", "origin"];
const VALUE_PATH = ["student", "origin", "value"];

/** The value stored for an edit: the normalized form when valid, otherwise what was typed. */
function storedValue(value: string): string {
  const r = validateOrigin(value);
  return r.ok ? r.value.normalized : value;
}

/**
 * The student after one origin history event: the one implementation shared by the workflow and by
 * the replay of a serialized registration. Pure; applies the event without checking who may send
 * it (the workflow checks that before).
 * - `edit-origin`: `origin = { value, reviewed: false }`, the value normalized when it is valid;
 * - `review-origin`: `reviewed: true`, the value normalized when it is valid;
 * - `withdraw-origin-review`: `reviewed: false`.
 *
 * @example
 * applyOriginEvent(student, { type: "edit-origin", value: "北京市 海淀区" }).origin
 * //=> { value: "北京市海淀区", reviewed: false }
 */
export function applyOriginEvent(student: Student, event: OriginEvent): Student {
  switch (event.type) {
    case "edit-origin":
      return { ...student, origin: { value: storedValue(event.value), reviewed: false } };
    case "review-origin":
      return { ...student, origin: { value: storedValue(student.origin.value), reviewed: true } };
    case "withdraw-origin-review":
      return { ...student, origin: { value: student.origin.value, reviewed: false } };
  }
}

/** A registration whose origin can be read; anything else is bad data: `schema.invalid`. */
function shapeFindings(registration: unknown, options: LocaleOptions): Finding[] {
  if (!isRecord(registration)) return [finding("schema.invalid", [], { expected: "Registration" }, options)];
  if (!Array.isArray(registration.history)) {
    return [finding("schema.invalid", ["history"], { expected: "array" }, options)];
  }
  const origin = isRecord(registration.student) ? registration.student.origin : undefined;
  if (!isRecord(origin) || typeof origin.value !== "string" || typeof origin.reviewed !== "boolean") {
    return [finding("schema.invalid", ORIGIN_PATH, { expected: "Origin" }, options)];
  }
  return [];
}

/** Who may send each origin event, and the `reviewed` flag the origin must have for it. */
interface StepRule {
  /** Anyone else is refused with `roleCode` (`expected`: the one role, or the list). */
  actors: readonly Role[];
  roleCode: "transition.role" | "origin.reviewer";
  /** An origin whose flag differs is refused with `reviewedFinding`. */
  reviewed: boolean;
  reviewedFinding: (options: LocaleOptions) => Finding;
}

const REVIEWED_PATH = [...ORIGIN_PATH, "reviewed"];

/** The review state does not allow the event: `transition.illegal` at `student.origin.reviewed`. */
const illegalWhenReviewed =
  (event: OriginEvent["type"], reviewed: boolean) =>
  (options: LocaleOptions): Finding =>
    finding("transition.illegal", REVIEWED_PATH, { event, expected: reviewed, received: !reviewed }, options);

const RULES: Record<OriginEvent["type"], StepRule> = {
  // 3.3.1: the student or the staff edit an origin that is not reviewed; a reviewed one must have
  // its review withdrawn first (3.3.2).
  "edit-origin": {
    actors: OPEN,
    roleCode: "transition.role",
    reviewed: false,
    reviewedFinding: (options) => finding("origin.review-first", REVIEWED_PATH, {}, options),
  },
  // 3.3.3: only the staff review, and only an origin not yet reviewed.
  "review-origin": {
    actors: ["unit-staff"],
    roleCode: "origin.reviewer",
    reviewed: false,
    reviewedFinding: illegalWhenReviewed("review-origin", false),
  },
  // 3.3.2: only the staff withdraw a review, and only of a reviewed origin.
  "withdraw-origin-review": {
    actors: ["unit-staff"],
    roleCode: "origin.reviewer",
    reviewed: true,
    reviewedFinding: illegalWhenReviewed("withdraw-origin-review", true),
  },
};

/**
 * The checks every origin step makes first, in this order: the context (a `XueliError` when bad),
 * the registration's shape (`schema.invalid`), the lock (`origin.locked` outside `draft`, 3.3.4),
 * the actor and the review flag (`RULES`). Returns the resolved context, or the refusal.
 */
function begin(
  registration: Registration,
  event: OriginEvent["type"],
  context: TransitionContext,
): { step: ResolvedContext } | { refused: Result<Registration> } {
  const step = resolveContext(context);
  const { options } = step;
  const refuse = (f: Finding[]) => ({ refused: { ok: false as const, findings: f } });
  const shape = shapeFindings(registration, options);
  if (shape.length > 0) return refuse(shape);
  if (registration.state !== "draft") {
    return refuse([finding("origin.locked", ORIGIN_PATH, { event, state: registration.state }, options)]);
  }
  const rule = RULES[event];
  if (!rule.actors.includes(step.actor)) {
    const expected = rule.actors.length === 1 ? (rule.actors[0] as Role) : [...rule.actors];
    return refuse([finding(rule.roleCode, [], { event, expected, received: step.actor }, options)]);
  }
  if (registration.student.origin.reviewed !== rule.reviewed) return refuse([rule.reviewedFinding(options)]);
  return { step };
}

function record(registration: Registration, event: OriginEvent, step: ResolvedContext): Registration {
  const entry: HistoryEntry = {
    event,
    from: registration.state,
    to: registration.state,
    at: step.atText,
    actor: step.actor,
  };
  return {
    ...registration,
    student: applyOriginEvent(registration.student, event),
    history: [...registration.history, entry],
  };
}

/**
 * Edits the origin (3.3.1): the student or the unit's staff, in a draft whose origin is not
 * reviewed. Refused with `origin.locked` (staged or submitted, 3.3.4), `transition.role` (the
 * student office) or `origin.review-first` (reviewed: the staff withdraw the review first, 3.3.2).
 *
 * An edit to an invalid origin is still recorded, as the platform saves what is typed: the result
 * is then `{ ok: false, value: <the new registration>, findings: <origin.* at student.origin.value> }`,
 * and the origin cannot be reviewed until it is corrected. A refused edit has no `value`.
 * Throws `XueliError` only for a bad `context` (an `at` that is not a Date or an ISO string with an
 * offset, an unknown actor).
 *
 * @example
 * const r = editOrigin(registration, "河北省 石家庄市 正定县",
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
  const begun = begin(registration, "edit-origin", context);
  if ("refused" in begun) return begun.refused;
  const { step } = begun;
  const { options } = step;
  const check = validateOrigin(value, options);
  const findings = prefixFindings(check.findings, VALUE_PATH);
  // A value that is not a string cannot be stored in the origin field: refused, not recorded.
  if (typeof value !== "string") return { ok: false, findings };
  const next = record(registration, { type: "edit-origin", value }, step);
  return check.ok ? { ok: true, value: next, findings } : { ok: false, value: next, findings };
}

/**
 * Reviews the origin (复核, 3.3.3): only the unit's staff (`origin.reviewer` otherwise), only a
 * valid origin (its `origin.*` findings otherwise, at `student.origin.value`), only in a draft
 * (`origin.locked`, 3.3.4); an origin already reviewed gives `transition.illegal`. The reviewed
 * value is stored in its normalized form.
 *
 * @example
 * reviewOrigin(registration, { at: "2022-05-21T09:00:00+08:00", actor: "unit-staff" })
 * //=> { ok: true, value: { …, student: { …, origin: { value: "北京市海淀区", reviewed: true } } }, findings: [] }
 * reviewOrigin(registration, { at: "2022-05-21T09:00:00+08:00", actor: "student" }).findings[0]?.code
 * //=> "origin.reviewer"
 */
export function reviewOrigin(registration: Registration, context: TransitionContext): Result<Registration> {
  const begun = begin(registration, "review-origin", context);
  if ("refused" in begun) return begun.refused;
  const { step } = begun;
  const { options } = step;
  const check = validateOrigin(registration.student.origin.value, options);
  if (!check.ok) return { ok: false, findings: prefixFindings(check.findings, VALUE_PATH) };
  return { ok: true, value: record(registration, { type: "review-origin" }, step), findings: [] };
}

/**
 * Withdraws the review (取消复核, 3.3.2) so that the student or the staff may edit again: only the
 * unit's staff (`origin.reviewer` otherwise), only in a draft (`origin.locked`, 3.3.4), only a
 * reviewed origin (`transition.illegal` otherwise).
 *
 * @example
 * withdrawOriginReview(reviewed, { at: "2022-05-22T09:00:00+08:00", actor: "unit-staff" }).value
 *   ?.student.origin.reviewed //=> false
 */
export function withdrawOriginReview(
  registration: Registration,
  context: TransitionContext,
): Result<Registration> {
  const begun = begin(registration, "withdraw-origin-review", context);
  if ("refused" in begun) return begun.refused;
  const { step } = begun;
  return { ok: true, value: record(registration, { type: "withdraw-origin-review" }, step), findings: [] };
}
