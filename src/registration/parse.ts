import { z } from "zod";
import { prefixFindings } from "../core/result.js";

import { BatchSchema } from "../entities/batch.js";
import { instantSchema } from "../entities/formats.js";
import { type Conclusion, ConclusionSchema, type Student, StudentSchema } from "../entities/student.js";
import { PARSE, zodFindings } from "../entities/zod-findings.js";
import { applyOriginEvent } from "../fields/origin/index.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  resolveLocale,
  toResult,
} from "../findings/index.js";
import { checkCertificateNumber } from "./field-guards.js";
import { normalizeCertificateNumber } from "./machine.js";
import { isEventType, transitionTable } from "./table.js";
import {
  type HistoryEntry,
  type OriginEvent,
  type Registration,
  roles,
  type State,
  states,
} from "./types.js";

const EventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stage"), conclusion: ConclusionSchema }),
  z.object({ type: z.literal("unstage") }),
  z.object({ type: z.literal("submit") }),
  z.object({ type: z.literal("certify"), certificateNumber: z.string() }),
  z.object({ type: z.literal("edit-origin"), value: z.string() }),
  z.object({ type: z.literal("review-origin") }),
  z.object({ type: z.literal("withdraw-origin-review") }),
]);

const HistoryEntrySchema = z.object({
  event: EventSchema,
  from: z.enum(states),
  to: z.enum(states),
  at: instantSchema,
  actor: z.enum(roles),
});

/**
 * The shape of a registration as JSON: unknown keys are dropped, the student and the batch are
 * parsed by their own schemas. Whether the history leads to the state is checked by
 * `parseRegistration`, not by the schema.
 * @example
 * RegistrationSchema.safeParse(JSON.parse(json)).success //=> true for a well-formed one
 */
export const RegistrationSchema = z.object({
  state: z.enum(states),
  student: StudentSchema,
  batch: BatchSchema,
  conclusion: ConclusionSchema.optional(),
  certificateNumber: z.string().optional(),
  history: z.array(HistoryEntrySchema),
});

/** Who may send each origin event (3.3.1–3.3.3): edits by the student or the unit, reviews by the unit. */
const originActors = {
  "edit-origin": ["student", "unit-staff"],
  "review-origin": ["unit-staff"],
  "withdraw-origin-review": ["unit-staff"],
} as const;

function tampered(
  path: (string | number)[],
  params: FindingParams["registration.tampered"],
  options: LocaleOptions,
): Finding {
  return finding("registration.tampered", path, params, options);
}

/**
 * Replays the history from `draft` through the transition table; every step that the machine
 * would not have taken, and every field the history does not lead to, is `registration.tampered`.
 */
function replay(reg: Registration, options: LocaleOptions): Finding[] {
  const out: Finding[] = [];
  let state: State = "draft";
  let conclusion: Conclusion | undefined;
  let certificateNumber: string | undefined;
  // The origin as the origin events leave it: applied over the stored student, the events after the
  // last edit must reproduce the stored origin (the events before it are overwritten by it).
  let student: Student = reg.student;
  reg.history.forEach((h: HistoryEntry, i) => {
    const type = h.event.type;
    if (isEventType(type)) {
      const rule = transitionTable[type];
      if (h.from !== state || rule.from !== state || h.to !== rule.to || h.actor !== rule.actor) {
        out.push(
          tampered(
            ["history", i],
            {
              reason: "step",
              event: type,
              expected: { from: state, to: state === rule.from ? rule.to : null, actor: rule.actor },
              received: { from: h.from, to: h.to, actor: h.actor },
            },
            options,
          ),
        );
      }
      // Follow the entry as recorded, so one bad step is reported once, not at every later step.
      state = h.to;
      if (h.event.type === "stage") conclusion = h.event.conclusion;
      else if (h.event.type === "unstage") conclusion = undefined;
      else if (h.event.type === "certify")
        certificateNumber = normalizeCertificateNumber(h.event.certificateNumber);
      return;
    }
    // Origin events keep the state (3.3): from and to are the state they happened in, and only a
    // draft's origin can change: staging or submitting locks it (3.3.4).
    const allowed: readonly string[] = originActors[type];
    const locked = state !== "draft";
    if (h.from !== state || h.to !== state || !allowed.includes(h.actor) || locked) {
      out.push(
        tampered(
          ["history", i],
          {
            reason: "step",
            event: type,
            expected: { from: state, to: state, actor: allowed },
            received: { from: h.from, to: h.to, actor: h.actor },
          },
          options,
        ),
      );
    }
    // Not a registration event (returned above), so one of the origin events.
    student = applyOriginEvent(student, h.event as OriginEvent);
    state = h.to;
  });
  const origin = reg.student.origin;
  if (student.origin.value !== origin.value || student.origin.reviewed !== origin.reviewed) {
    out.push(
      tampered(
        ["student", "origin"],
        { reason: "origin", expected: student.origin, received: origin },
        options,
      ),
    );
  }
  if (state !== reg.state)
    out.push(tampered(["state"], { reason: "state", expected: state, received: reg.state }, options));
  if (conclusion !== reg.conclusion) {
    out.push(
      tampered(
        ["conclusion"],
        { reason: "conclusion", expected: conclusion ?? null, received: reg.conclusion ?? null },
        options,
      ),
    );
  }
  if (certificateNumber !== reg.certificateNumber) {
    out.push(
      tampered(
        ["certificateNumber"],
        {
          reason: "certificate-number",
          expected: certificateNumber ?? null,
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
 * have written, or a state, conclusion or certificate number that the history does not lead to,
 * gives `registration.tampered`; a certified registration whose number is not valid for its batch
 * and level gives the `certificate.*` findings at `["certificateNumber"]`. Never throws on bad data.
 * The value on success can go on through `transition`.
 * @example
 * parseRegistration(JSON.parse(JSON.stringify(registration))).ok //=> true
 * parseRegistration({ ...registration, state: "certified" }).findings[0]?.code //=> "registration.tampered"
 */
export function parseRegistration(input: unknown, options?: LocaleOptions): Result<Registration> {
  const opts: LocaleOptions = { locale: resolveLocale(options) };
  let parsed: ReturnType<typeof RegistrationSchema.safeParse>;
  try {
    parsed = RegistrationSchema.safeParse(input, PARSE);
  } catch {
    // Hostile values (getters that throw, objects that cannot become strings) break the schema's
    // own messages: unreadable, which is a finding, not an exception.
    return {
      ok: false,
      findings: [finding("schema.invalid", [], { expected: "Registration", reason: "unreadable" }, opts)],
    };
  }
  if (!parsed.success) {
    const findings = zodFindings(parsed.error, opts);
    return {
      ok: false,
      findings:
        findings.length > 0 ? findings : [finding("schema.invalid", [], { expected: "Registration" }, opts)],
    };
  }
  const reg = parsed.data as Registration;
  const findings = replay(reg, opts);
  if (reg.state === "certified" && reg.certificateNumber !== undefined) {
    findings.push(
      ...prefixFindings(checkCertificateNumber(reg, reg.certificateNumber, opts), ["certificateNumber"]),
    );
  }
  return toResult(reg, findings);
}
