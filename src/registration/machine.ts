import { isRecord } from "../core/records.js";
import { hasErrors } from "../core/result.js";
import { foldFullWidth } from "../core/strings.js";
import type { Batch } from "../entities/batch.js";
import { type Conclusion, conclusions, type Student } from "../entities/student.js";
import { type Finding, finding, type LocaleOptions, type Result } from "../findings/index.js";
import { type ResolvedContext, resolveContext } from "./context.js";
import { type GuardInput, guards } from "./guards.js";
import { isEventType, transitionTable } from "./table.js";
import {
  type HistoryEntry,
  type Registration,
  type RegistrationEvent,
  states,
  type TransitionContext,
} from "./types.js";

/** A deep copy of plain data, so the registration does not alias the caller's objects. */
function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    // Not cloneable (a function inside, say): keep the reference rather than throw on data.
    return value;
  }
}

/**
 * A new registration in state `draft`, with an empty history. The student and the batch are
 * copied; they are checked when the registration is staged, not here.
 * @example
 * createRegistration(student, ucas2022Batch3)
 * //=> { state: "draft", student, batch: ucas2022Batch3, history: [] }
 */
export function createRegistration(student: Student, batch: Batch): Registration {
  return { state: "draft", student: copy(student), batch: copy(batch), history: [] };
}

/** Findings keyed by code and path: two guards reporting the same fact report it once. */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${JSON.stringify(f.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Evaluation {
  findings: Finding[];
  next?: Registration;
}

function evaluate(registration: Registration, event: RegistrationEvent, r: ResolvedContext): Evaluation {
  const { options } = r;
  const reg: unknown = registration;
  if (!isRecord(reg) || !(states as readonly unknown[]).includes(reg.state) || !Array.isArray(reg.history)) {
    const path = isRecord(reg) ? (Array.isArray(reg.history) ? ["state"] : ["history"]) : [];
    return { findings: [finding("schema.invalid", path, { expected: "Registration" }, options)] };
  }
  const ev: unknown = event;
  const type = isRecord(ev) ? ev.type : undefined;
  if (!isEventType(type)) {
    return {
      findings: [
        finding(
          "transition.illegal",
          ["event", "type"],
          { state: registration.state, received: type },
          options,
        ),
      ],
    };
  }
  const rule = transitionTable[type];
  if (registration.state !== rule.from) {
    return {
      findings: [
        finding(
          "transition.illegal",
          ["state"],
          { event: type, expected: rule.from, received: registration.state },
          options,
        ),
      ],
    };
  }
  if (r.actor !== rule.actor) {
    return {
      findings: [
        finding("transition.role", [], { event: type, expected: rule.actor, received: r.actor }, options),
      ],
    };
  }
  let conclusion: Conclusion | undefined = registration.conclusion;
  if (event.type === "stage") {
    if (!(conclusions as readonly unknown[]).includes(event.conclusion)) {
      return {
        findings: [
          finding(
            "schema.invalid",
            ["event", "conclusion"],
            { values: [...conclusions], received: event.conclusion },
            options,
          ),
        ],
      };
    }
    conclusion = event.conclusion;
  }
  if (event.type === "submit" && !(conclusions as readonly unknown[]).includes(conclusion)) {
    // A staged registration always has the conclusion it was staged with (2.1.1.2): without one it
    // did not come from `transition`.
    return {
      findings: [
        finding(
          "registration.tampered",
          ["conclusion"],
          { reason: "conclusion", expected: [...conclusions], received: conclusion ?? null },
          options,
        ),
      ],
    };
  }
  const input: GuardInput = {
    registration,
    event,
    at: r.at,
    atText: r.atText,
    actor: r.actor,
    conclusion,
    options,
  };
  const findings = dedupe(rule.guards.flatMap((name) => guards[name](input)));
  if (hasErrors(findings)) return { findings };

  const entry: HistoryEntry = {
    event: cleanEvent(event),
    from: rule.from,
    to: rule.to,
    at: r.atText,
    actor: r.actor,
  };
  const { conclusion: _c, certificateNumber: _n, ...rest } = registration;
  const next: Registration = { ...rest, state: rule.to, history: [...registration.history, entry] };
  // The conclusion is chosen at staging and dropped when unstaged (a draft has none).
  if (event.type === "stage") next.conclusion = event.conclusion;
  else if (event.type !== "unstage" && registration.conclusion !== undefined)
    next.conclusion = registration.conclusion;
  if (event.type === "certify") next.certificateNumber = normalizeCertificateNumber(event.certificateNumber);
  return { findings, next };
}

/** Full-width digits folded and every space removed, as `validateCertificateNumber` reads the number. */
export function normalizeCertificateNumber(n: unknown): string {
  // Not a string: refused by `certificateNumberValid` before anything is stored.
  return typeof n === "string" ? foldFullWidth(n).replace(/\s+/gu, "") : "";
}

/** Only the event's own fields go into the history, whatever else the caller's object carries. */
function cleanEvent(event: RegistrationEvent): RegistrationEvent {
  switch (event.type) {
    case "stage":
      return { type: "stage", conclusion: event.conclusion };
    case "certify":
      return { type: "certify", certificateNumber: event.certificateNumber };
    case "unstage":
      return { type: "unstage" };
    case "submit":
      return { type: "submit" };
  }
}

/**
 * What the guards see for `event` in `context`: for running one guard on its own (`guards.photoUploaded(…)`).
 * The conclusion in play is the `stage` event's own, else the registration's. Throws `XueliError`
 * for a bad context, like `transition`.
 * @example
 * const input = guardInput(registration, { type: "stage", conclusion: "graduation" },
 *   { at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" });
 * input.conclusion //=> "graduation"
 * photoUploaded(input) //=> []
 */
export function guardInput(
  registration: Registration,
  event: RegistrationEvent,
  context: TransitionContext,
  options?: LocaleOptions,
): GuardInput {
  const r = resolveContext(context, options);
  const conclusion =
    event?.type === "stage" ? event.conclusion : (registration as Partial<Registration> | null)?.conclusion;
  return { registration, event, at: r.at, atText: r.atText, actor: r.actor, conclusion, options: r.options };
}

/**
 * Applies one event (2). An accepted event returns a **new** registration with one more history
 * entry `{ event, from, to, at, actor }`; a refused one returns its findings and no value. The
 * input is never changed. Throws `XueliError` only for a bad `context` (an `at` that is not a
 * valid `Date` or an ISO string with an offset, an unknown actor or locale): that is the caller's
 * code, not data.
 * @example
 * const r = transition(createRegistration(student, ucas2022Batch3), { type: "stage", conclusion: "graduation" },
 *   { at: "2022-06-10T23:59:59+08:00", actor: "unit-staff" });
 * r.ok && r.value.state //=> "staged"
 * transition(r.value, { type: "certify", certificateNumber: "144301202201000001" },
 *   { at: "2022-06-10T12:00:00+08:00", actor: "unit-staff" }).findings[0]?.code //=> "transition.illegal"
 */
export function transition(
  registration: Registration,
  event: RegistrationEvent,
  context: TransitionContext,
  options?: LocaleOptions,
): Result<Registration> {
  const { findings, next } = evaluate(registration, event, resolveContext(context, options));
  return next !== undefined ? { ok: true, value: next, findings } : { ok: false, findings };
}

/**
 * The same checks as `transition`, without applying the event: `ok` says whether it would be
 * accepted, the findings say why not.
 * @example
 * can(createRegistration(student, ucas2022Batch3), { type: "submit" },
 *   { at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" }).findings[0]?.code //=> "transition.illegal"
 */
export function can(
  registration: Registration,
  event: RegistrationEvent,
  context: TransitionContext,
  options?: LocaleOptions,
): Result<void> {
  const { findings, next } = evaluate(registration, event, resolveContext(context, options));
  return next !== undefined ? { ok: true, value: undefined, findings } : { ok: false, findings };
}
