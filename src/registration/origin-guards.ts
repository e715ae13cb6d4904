import { prefixFindings } from "../core/result.js";
import { validateOrigin } from "../fields/origin/index.js";
import { blankOrigin, checkStudentOrigin } from "../fields/student/index.js";
import { type Finding, finding } from "../findings/index.js";
import { originOptionsOf } from "./field-guards.js";
import type { Guard, GuardInput } from "./guards.js";
import type { HistoryEntry, Registration } from "./types.js";

// The guards of the origin's events (3.3.1–3.3.4): who edits and reviews is the table's to say;
// these say when.

const ORIGIN_PATH = ["student", "origin"];
const REVIEWED_PATH = ["student", "origin", "reviewed"];
const VALUE_PATH = ["student", "origin", "value"];

/**
 * The origin is locked once the registration has been staged (3.3.4 "一旦学生的毕业注册信息已暂存或
 * 提交到，其生源地将无法修改"), and stays locked after unstaging [decision]: 2.1.1.2 warns that
 * staging the wrong student harms later registration, so staging is not undone without trace.
 * (A staged or submitted registration is refused by the table before this guard runs.) A passport
 * holder's empty origin is not applicable: nothing was locked, so it stays open after unstaging
 * [decision, 3.3].
 * @example
 * const unstaged = transition(staged, { type: "unstage" }, ctx).value;
 * originNeverStaged(guardInput(unstaged, { type: "edit-origin", value: "北京市朝阳区" }, ctx))[0]?.params
 * //=> { event: "edit-origin", state: "draft", stagedAt: "2022-06-01T10:00:00+08:00" }
 */
export const originNeverStaged: Guard = (input) => {
  const staged = stagedWithOrigin(input.registration);
  if (staged === undefined) return [];
  return [
    finding(
      "origin.locked",
      ORIGIN_PATH,
      { event: input.event.type, state: input.registration.state, stagedAt: staged.at },
      input.options,
    ),
  ];
};

/**
 * The first stage entry at which the registration had an origin to lock (3.3.4), if any. For
 * everyone but a passport holder, the first stage. For a passport holder, the first stage at which
 * the origin was given [decision, 3.3]: its value then is the last edit before it, else the value
 * before the history — the current one when the history edits nothing, else an empty one (the
 * machine only lets an origin be edited after a stage when it was empty then).
 * @example
 * const unstage = { type: "unstage" } as const;
 * stagedWithOrigin(transition(staged, unstage, ctx).value)?.event.type //=> "stage"
 * // A passport holder staged with an empty origin: nothing was locked.
 * const passport = { ...student, id: { type: "passport", number: "E12345678" }, origin: { value: "", reviewed: false } };
 * const stagedPassport = transition(createRegistration(passport, ucas2022Batch3), stage, ctx).value;
 * stagedWithOrigin(transition(stagedPassport, unstage, ctx).value) //=> undefined
 */
export function stagedWithOrigin(registration: Registration): HistoryEntry | undefined {
  const { history, student } = registration;
  if (student.id.type !== "passport") return history.find((h) => h.event.type === "stage");
  const edited = history.some((h) => h.event.type === "edit-origin");
  let value: string = edited ? "" : student.origin.value;
  for (const h of history) {
    if (h.event.type === "edit-origin") value = h.event.value;
    else if (h.event.type === "stage" && !blankOrigin(value)) return h;
  }
  return undefined;
}

/**
 * A reviewed origin is edited only after the staff withdraw the review (3.3.2).
 * @example
 * // `registration`'s origin is reviewed.
 * reviewWithdrawnFirst(guardInput(registration, { type: "edit-origin", value: "北京市朝阳区" }, ctx))[0]?.code
 * //=> "origin.review-first"
 */
export const reviewWithdrawnFirst: Guard = (input) =>
  input.registration.student.origin.reviewed
    ? [finding("origin.review-first", REVIEWED_PATH, {}, input.options)]
    : [];

/** `transition.illegal` at `student.origin.reviewed`: the review state does not allow the event. */
function wrongReviewState(input: GuardInput, expected: boolean): Finding[] {
  if (input.registration.student.origin.reviewed === expected) return [];
  return [
    finding(
      "transition.illegal",
      REVIEWED_PATH,
      { event: input.event.type, expected, received: !expected },
      input.options,
    ),
  ];
}

/**
 * Only an origin not yet reviewed is reviewed (3.3.3).
 * @example
 * notYetReviewed(guardInput(registration, { type: "review-origin" }, ctx))[0]?.params
 * //=> { event: "review-origin", expected: false, received: true }
 */
export const notYetReviewed: Guard = (input) => wrongReviewState(input, false);

/**
 * Only a reviewed origin has its review withdrawn (3.3.2).
 * @example
 * const unreviewed = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * reviewedBefore(guardInput(unreviewed, { type: "withdraw-origin-review" }, ctx))[0]?.params
 * //=> { event: "withdraw-origin-review", expected: true, received: false }
 */
export const reviewedBefore: Guard = (input) => wrongReviewState(input, true);

/**
 * An edit stores text: a value that is not a string cannot be stored in the origin field, and is
 * refused with `validateOrigin`'s finding (not recorded).
 * @example
 * const unreviewed = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * originValueIsText(guardInput(unreviewed, { type: "edit-origin", value: 42 } as never, ctx))[0]?.code
 * //=> "origin.format"
 */
export const originValueIsText: Guard = (input) => {
  const e = input.event;
  if (e.type !== "edit-origin" || typeof e.value === "string") return [];
  return prefixFindings(validateOrigin(e.value, originOptionsOf(input)).findings, VALUE_PATH);
};

/**
 * What an edit stores is checked (3.3), against the divisions in force on the batch's registration
 * date, as `originValid` checks it (a passport holder may empty it [decision]); an invalid value is
 * still recorded, as the platform
 * saves what is typed: the findings come with the new registration (`ok: false`), and the origin
 * cannot be reviewed until it is corrected. An advisory of the table: it does not refuse the event.
 * @example
 * const unreviewed = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * editedOriginValid(guardInput(unreviewed, { type: "edit-origin", value: "河北省正定县" }, ctx))[0]?.code
 * //=> "origin.levels"
 */
export const editedOriginValid: Guard = (input) => {
  const e = input.event;
  if (e.type !== "edit-origin" || typeof e.value !== "string") return [];
  const { student } = input.registration;
  return prefixFindings(checkStudentOrigin(e.value, student.id, originOptionsOf(input)).findings, VALUE_PATH);
};
