import { XueliError } from "../core/error.js";
import { isRecord } from "../core/records.js";
import { hasErrors } from "../core/result.js";
import { clip, RECEIVED_MAX } from "../core/strings.js";
import type { Conclusion, Role } from "../core/vocabulary.js";
import { type Batch, batches } from "../entities/batch.js";
import type { Student } from "../entities/student.js";
import { PARSE, zodFindings } from "../entities/zod-findings.js";
import { validateStudent } from "../fields/student/index.js";
import { type Finding, finding, type LocaleOptions, type Result, show } from "../findings/index.js";
import { type ResolvedContext, resolveContext } from "./context.js";
import { effects } from "./effects.js";
import type { GuardInput } from "./guards.js";
import { RegistrationSchema } from "./schema.js";
import { type GuardName, guards, isEventType, transitionTable } from "./table.js";
import type {
  EventOf,
  EventType,
  HistoryEntry,
  Registration,
  RegistrationEvent,
  TransitionContext,
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
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${JSON.stringify(f.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What one event does to a registration: the findings, and the next registration when accepted. */
export interface Evaluation {
  findings: Finding[];
  next?: Registration;
}

/** When, by whom, in which language: a resolved transition context. */
export interface StepContext {
  at: Date;
  atText: string;
  actor: Role;
  options: LocaleOptions;
}

/**
 * The student's check shared by the guards of one evaluation: `validateStudent` with the
 * registration's batch (its registration date is the day of the age rule), made once.
 */
export function studentCheckOf(registration: Registration, options: LocaleOptions): () => Result<Student> {
  let cached: Result<Student> | undefined;
  return () => {
    cached ??= validateStudent(registration.student, { ...options, batch: registration.batch });
    return cached;
  };
}

/** The conclusion in play for an event: the `stage` event's own, else the registration's. */
export function conclusionFor(registration: Registration, event: RegistrationEvent): Conclusion | undefined {
  return event.type === "stage" ? event.conclusion : registration.conclusion;
}

/**
 * One event on a registration already read (typed): the table's state and actor checks, then its
 * guards (all, or those of `only`), then its advisories; accepted when no guard gives an error.
 * `registration` is what the output is built from (the caller's object, so nothing of it is lost);
 * `view` is its checked, typed reading that the guards see.
 */
export function step(
  registration: Registration,
  view: Registration,
  event: RegistrationEvent,
  ctx: StepContext,
  only?: ReadonlySet<GuardName>,
  studentCheck?: () => Result<Student>,
): Evaluation {
  const { options } = ctx;
  const rule = transitionTable[event.type];
  if (!(rule.from as readonly string[]).includes(view.state)) {
    if (rule.stateCode === "origin.locked") {
      return {
        findings: [
          finding("origin.locked", ["student", "origin"], { event: event.type, state: view.state }, options),
        ],
      };
    }
    const expected = rule.from[0] as Registration["state"];
    return {
      findings: [
        finding(
          "transition.illegal",
          ["state"],
          { event: event.type, expected, received: view.state },
          options,
        ),
      ],
    };
  }
  if (!(rule.actors as readonly string[]).includes(ctx.actor)) {
    const expected = rule.actors.length === 1 ? (rule.actors[0] as Role) : [...rule.actors];
    return {
      findings: [finding(rule.roleCode, [], { event: event.type, expected, received: ctx.actor }, options)],
    };
  }
  const input: GuardInput = {
    registration: view,
    event,
    at: ctx.at,
    atText: ctx.atText,
    actor: ctx.actor,
    conclusion: conclusionFor(view, event),
    options,
    studentCheck: studentCheck ?? studentCheckOf(view, options),
  };
  const run = (names: readonly GuardName[], sequential: boolean): Finding[] => {
    const out: Finding[] = [];
    for (const n of names) {
      if (only !== undefined && !only.has(n)) continue;
      const found = guards[n](input);
      out.push(...found);
      if (sequential && hasErrors(found)) break;
    }
    return out;
  };
  const refusals = dedupe(run(rule.guards, rule.sequential));
  if (hasErrors(refusals)) return { findings: refusals };
  const findings = dedupe([...refusals, ...run(rule.advisories, false)]);

  const entry: HistoryEntry = {
    event,
    from: view.state,
    to: rule.to ?? view.state,
    at: ctx.atText,
    actor: ctx.actor,
  };
  const moved: Registration = { ...registration, state: entry.to, history: [...registration.history, entry] };
  const next = (effects[event.type] as (r: Registration, e: RegistrationEvent) => Registration)(moved, event);
  return { findings, next };
}

/** A property of an untrusted object, read once; a getter that throws reads as `undefined`. */
function read(o: unknown, key: string): unknown {
  try {
    return isRecord(o) ? o[key] : undefined;
  } catch {
    return undefined;
  }
}

/** The received value of an event field as findings keep it: strings cut, other values by type. */
function received(v: unknown): unknown {
  if (typeof v === "string") return clip(v, RECEIVED_MAX);
  if (v === null || typeof v === "number" || typeof v === "boolean") return v;
  return show(v);
}

/**
 * The event read once from the caller's object: only the event's own fields, whatever else the
 * object carries. An unknown type gives `transition.illegal`; a payload of the wrong type is kept
 * for the guards to refuse (`conclusionGiven`, `originValueIsText`, `certificateNumberValid`).
 */
function readEvent(
  event: unknown,
  state: Registration["state"],
  options: LocaleOptions,
): RegistrationEvent | Finding {
  const type = read(event, "type");
  if (!isEventType(type)) {
    return finding("transition.illegal", ["event", "type"], { state, received: received(type) }, options);
  }
  switch (type as EventType) {
    case "stage":
      return { type: "stage", conclusion: read(event, "conclusion") as Conclusion };
    case "certify":
      return { type: "certify", certificateNumber: read(event, "certificateNumber") as string };
    case "edit-origin":
      return { type: "edit-origin", value: read(event, "value") as string };
    default:
      return { type } as EventOf<"unstage" | "submit" | "review-origin" | "withdraw-origin-review">;
  }
}

/**
 * The registration read once, at the machine's boundary: its typed, checked view (zod), or the
 * `schema.invalid` findings of what is wrong with it. Never throws on data.
 */
export function readRegistration(
  input: unknown,
  options: LocaleOptions,
): { view: Registration; registration: Registration } | { findings: Finding[] } {
  try {
    const parsed = RegistrationSchema.safeParse(input, PARSE);
    if (parsed.success) {
      const view = parsed.data as Registration;
      const doctored = batchDifferences(view.batch, batches[view.batch.id]);
      if (doctored.length > 0) {
        const params = { reason: "batch" as const, id: view.batch.id, fields: doctored };
        return { findings: [finding("registration.tampered", ["batch"], params, options)] };
      }
      return { view, registration: input as Registration };
    }
    const findings = zodFindings(parsed.error, options);
    return {
      findings:
        findings.length > 0
          ? findings
          : [finding("schema.invalid", [], { expected: "Registration" }, options)],
    };
  } catch {
    // Getters that throw, revoked proxies: unreadable, a finding, not an exception.
    return {
      findings: [finding("schema.invalid", [], { expected: "Registration", reason: "unreadable" }, options)],
    };
  }
}

/**
 * The fields in which a registration's batch differs from the batch it claims to be (same id): a
 * widened window, another date. Empty when they agree, or when there is nothing to compare with.
 * @example
 * batchDifferences({ ...ucas2022Batch3, closesAt: "2099-01-01T00:00:00+08:00" }, ucas2022Batch3) //=> ["closesAt"]
 */
export function batchDifferences(batch: Batch, reference: Batch | undefined): string[] {
  if (reference === undefined) return [];
  const keys = new Set([...Object.keys(reference), ...Object.keys(batch)]);
  return [...keys].filter(
    (k) => (batch as Record<string, unknown>)[k] !== (reference as Record<string, unknown>)[k],
  );
}

function evaluate(registration: unknown, event: unknown, ctx: ResolvedContext): Evaluation {
  const r = readRegistration(registration, ctx.options);
  if ("findings" in r) return { findings: r.findings };
  const ev = readEvent(event, r.view.state, ctx.options);
  if ("code" in ev) return { findings: [ev] };
  return step(r.registration, r.view, ev, ctx);
}

/**
 * What the guards see for `event` in `context`: for running one guard on its own
 * (`guards.photoUploaded(…)`). Guards read a typed registration: one that `parseRegistration`
 * would not read is a programmer error here (`XueliError` `argument.invalid`), as is a bad context.
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
  const read = readRegistration(registration, r.options);
  if ("findings" in read) {
    const [first] = read.findings;
    throw new XueliError(
      "argument.invalid",
      `guardInput needs a well-formed registration (see parseRegistration): ${first?.path.join(".") ?? ""} ${first?.message ?? ""}`,
    );
  }
  return {
    registration: read.view,
    event,
    at: r.at,
    atText: r.atText,
    actor: r.actor,
    conclusion: conclusionFor(read.view, event),
    options: r.options,
    studentCheck: studentCheckOf(read.view, r.options),
  };
}

/**
 * Applies one event of the table (2, 3.3): stage, unstage, submit, certify, and the origin's edit,
 * review and withdrawal of the review. An accepted event returns a **new** registration with one
 * more history entry `{ event, from, to, at, actor }`; a refused one returns its findings and no
 * value. An accepted edit of the origin to an invalid value returns `ok: false` with the new
 * registration and the origin's findings (the platform saves what is typed, 3.3.1). The input is
 * never changed. Bad data never throws: a malformed registration gives `schema.invalid`. Throws
 * `XueliError` only for a bad `context` (an `at` that is not a valid `Date` or an ISO string with
 * an offset, an unknown actor or locale): that is the caller's code, not data.
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
  if (next === undefined) return { ok: false, findings };
  return hasErrors(findings) ? { ok: false, value: next, findings } : { ok: true, value: next, findings };
}

/**
 * The same checks as `transition`, without applying the event: `ok` says whether it would be
 * accepted (with no error at all), the findings say why not.
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
  return next !== undefined && !hasErrors(findings)
    ? { ok: true, value: undefined, findings }
    : { ok: false, findings };
}
