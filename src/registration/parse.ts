import { prefixFindings } from "../core/result.js";
import { toInstant } from "../core/time.js";
import type { Role } from "../core/vocabulary.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  resolveLocale,
  toResult,
} from "../findings/index.js";
import { effects, normalizeCertificateNumber } from "./effects.js";
import { checkCertificateNumber } from "./field-guards.js";
import { readRegistration, step } from "./machine.js";
import { type GuardName, replayedGuards, transitionTable } from "./table.js";
import type { HistoryEntry, Registration, RegistrationEvent } from "./types.js";

export { RegistrationSchema } from "./schema.js";

function tampered(
  path: (string | number)[],
  params: FindingParams["registration.tampered"],
  options: LocaleOptions,
): Finding {
  return finding("registration.tampered", path, params, options);
}

/** The guards that read the origin's value, and those that read its review flag. */
const VALUE_GUARDS: readonly GuardName[] = ["originValid"];
const REVIEW_GUARDS: readonly GuardName[] = [
  "originReviewed",
  "reviewWithdrawnFirst",
  "notYetReviewed",
  "reviewedBefore",
];

/** The replayed guards, without those that read what the history does not tell at this step. */
function replayable(valueKnown: boolean, reviewKnown: boolean): ReadonlySet<GuardName> {
  const skip = [...(valueKnown ? [] : VALUE_GUARDS), ...(reviewKnown ? [] : REVIEW_GUARDS)];
  return skip.length === 0 ? replayedGuards : new Set([...replayedGuards].filter((g) => !skip.includes(g)));
}

const isOriginEvent = (t: string): boolean =>
  t === "edit-origin" || t === "review-origin" || t === "withdraw-origin-review";

/** The registration after an entry as recorded (state and effect), to go on after a refused step. */
function asRecorded(snapshot: Registration, h: HistoryEntry): Registration {
  const moved: Registration = { ...snapshot, state: h.to, history: [...snapshot.history, h] };
  return (effects[h.event.type] as (r: Registration, e: RegistrationEvent) => Registration)(moved, h.event);
}

/** The `registration.tampered` finding of a step a replayed guard refused: what that guard found. */
function refusedStep(
  reg: Registration,
  h: HistoryEntry,
  i: number,
  first: Finding,
  options: LocaleOptions,
): Finding {
  const event = h.event.type;
  if (first.code === "window.closed") {
    const { opensAt, closesAt } = reg.batch;
    return tampered(
      ["history", i, "at"],
      { reason: "window", event, received: h.at, opensAt, closesAt },
      options,
    );
  }
  if (first.code === "transition.out-of-order") {
    return tampered(
      ["history", i, "at"],
      { reason: "order", event, received: h.at, expected: first.params.expected },
      options,
    );
  }
  return tampered(["history", i], { reason: "precondition", event, code: first.code }, options);
}

/**
 * Replays the history from a draft through the one transition table: the same state and actor
 * checks and the same process guards as `transition` (`replayedGuards`: the order of the dates,
 * the window, the origin's review state …), so a replayed step is accepted exactly when the machine
 * would have taken it then. Every step the machine would not have taken, and every stored field the
 * history does not lead to, is `registration.tampered`.
 *
 * The origin before the history is known only as far as the record tells it: with no origin event,
 * it is the stored one; otherwise its review flag is known from the first origin event on, and its
 * value from the first edit on (the value before an edit is not recorded). Guards that read what is
 * not known yet are not run.
 */
function replay(reg: Registration, options: LocaleOptions): Finding[] {
  const out: Finding[] = [];
  const types = reg.history.map((h) => h.event.type);
  const anyOriginEvent = types.some(isOriginEvent);
  let valueKnown = !anyOriginEvent || !types.includes("edit-origin");
  let reviewKnown = !anyOriginEvent;
  const { conclusion: _c, certificateNumber: _n, ...rest } = reg;
  let snapshot: Registration = { ...rest, state: "draft", history: [] };
  const firstEdit = types.indexOf("edit-origin");
  const firstStage = types.indexOf("stage");
  if (reg.student.id.type === "passport" && firstStage >= 0 && firstEdit > firstStage) {
    // A passport holder's origin edited after a stage was empty when staged: the machine locks any
    // other (3.3.4), and an empty one is not applicable to them [decision, 3.3].
    const origin = { ...reg.student.origin, value: "" };
    snapshot = { ...snapshot, student: { ...snapshot.student, origin } };
    valueKnown = true;
  }
  reg.history.forEach((h, i) => {
    const type = h.event.type;
    const rule = transitionTable[type];
    const state = snapshot.state;
    const legalFrom = (rule.from as readonly string[]).includes(state);
    const to = rule.to ?? state;
    if (!reviewKnown && isOriginEvent(type)) {
      // The first origin event tells the review flag it found (3.3.1–3.3.3).
      const reviewed = type === "withdraw-origin-review";
      const origin = { ...snapshot.student.origin, reviewed };
      snapshot = { ...snapshot, student: { ...snapshot.student, origin } };
      reviewKnown = true;
    }
    if (
      h.from !== state ||
      !legalFrom ||
      h.to !== to ||
      !(rule.actors as readonly Role[]).includes(h.actor)
    ) {
      const actor = rule.actors.length === 1 ? (rule.actors[0] as Role) : [...rule.actors];
      const expected = { from: state, to: legalFrom ? to : null, actor };
      const received = { from: h.from, to: h.to, actor: h.actor };
      out.push(tampered(["history", i], { reason: "step", event: type, expected, received }, options));
      // Follow the entry as recorded, so one bad step is reported once, not at every later step.
      snapshot = asRecorded(snapshot, h);
    } else {
      const at = toInstant(h.at) as Date; // the schema checked it
      const ctx = { at, atText: h.at, actor: h.actor, options };
      const r = step(snapshot, snapshot, h.event, ctx, replayable(valueKnown, reviewKnown));
      const refusal = r.next === undefined ? r.findings.find((f) => f.severity === "error") : undefined;
      if (r.next === undefined || refusal !== undefined) {
        if (refusal !== undefined) out.push(refusedStep(reg, h, i, refusal, options));
        snapshot = asRecorded(snapshot, h);
      } else {
        // The entry as recorded (its `at` text), with the effect the machine applied.
        snapshot = { ...r.next, history: [...snapshot.history, h] };
      }
    }
    if (type === "edit-origin") valueKnown = true;
  });
  const origin = reg.student.origin;
  const replayed = snapshot.student.origin;
  if (replayed.value !== origin.value || replayed.reviewed !== origin.reviewed) {
    out.push(
      tampered(["student", "origin"], { reason: "origin", expected: replayed, received: origin }, options),
    );
  }
  if (snapshot.state !== reg.state) {
    out.push(
      tampered(["state"], { reason: "state", expected: snapshot.state, received: reg.state }, options),
    );
  }
  if (snapshot.conclusion !== reg.conclusion) {
    out.push(
      tampered(
        ["conclusion"],
        { reason: "conclusion", expected: snapshot.conclusion ?? null, received: reg.conclusion ?? null },
        options,
      ),
    );
  }
  if (snapshot.certificateNumber !== reg.certificateNumber) {
    out.push(
      tampered(
        ["certificateNumber"],
        {
          reason: "certificate-number",
          expected: snapshot.certificateNumber ?? null,
          received: reg.certificateNumber ?? null,
        },
        options,
      ),
    );
  }
  return out;
}

/**
 * Reads a registration from untrusted data (JSON, storage, another system) and refuses a tampered
 * one (2): a bad shape gives `schema.invalid` at its path; a history that the machine would not
 * have written — a step from the wrong state or by the wrong role, an event outside the window or
 * dated before the one before it, an origin event without its preconditions — or a state,
 * conclusion, certificate number or origin that the history does not lead to, gives
 * `registration.tampered` (the reason in `params.reason`); a certified registration whose number is
 * not valid for its batch and level gives the `certificate.*` findings at `["certificateNumber"]`.
 * The history is replayed through the same transition table as `transition`. Never throws on bad
 * data. The value on success can go on through `transition`.
 * @example
 * parseRegistration(JSON.parse(JSON.stringify(registration))).ok //=> true
 * parseRegistration({ ...registration, state: "certified" }).findings[0]?.code //=> "registration.tampered"
 */
export function parseRegistration(input: unknown, options?: LocaleOptions): Result<Registration> {
  const opts: LocaleOptions = { locale: resolveLocale(options) };
  const r = readRegistration(input, opts);
  if ("findings" in r) return { ok: false, findings: r.findings };
  const reg = r.view;
  const findings = replay(reg, opts);
  if (reg.state === "certified" && reg.certificateNumber !== undefined) {
    findings.push(
      ...prefixFindings(checkCertificateNumber(reg, reg.certificateNumber, opts), ["certificateNumber"]),
    );
  }
  return toResult(reg, findings);
}

export { normalizeCertificateNumber };
