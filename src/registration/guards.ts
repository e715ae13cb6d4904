import { isIsoDate, toInstant } from "../core/time.js";
import type { Conclusion, Evidence, Role } from "../core/vocabulary.js";
import type { Student } from "../entities/student.js";
import { originApplies } from "../fields/student/index.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  show,
} from "../findings/index.js";
import type { EventOf, EventType, Registration, RegistrationEvent } from "./types.js";

/*
 * In the examples `student` is a registrable student, `stage` is
 * `{ type: "stage", conclusion: "graduation" }` and `ctx` is
 * `{ at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" }`; `guardInput` builds what a guard sees.
 */

/**
 * What a guard sees: the registration before the event (typed: read and checked once, at the
 * machine's boundary), the event, when and by whom it happens, and the conclusion in play (the
 * `stage` event's own, else the one the registration was staged with).
 */
export interface GuardInput<E extends EventType = EventType> {
  registration: Registration;
  event: EventOf<E>;
  /** The instant of the event. */
  at: Date;
  /** `context.at` as given (an ISO string with its offset, or the `Date`'s UTC ISO form). */
  atText: string;
  /** Who sends the event. */
  actor: Role;
  /** The `stage` event's conclusion, else the one the registration was staged with; none in a draft. */
  conclusion: Conclusion | undefined;
  /** The call's locale, for the guard's findings. */
  options: LocaleOptions;
  /**
   * The student's own check (`validateStudent` with the batch), made at most once per evaluation:
   * every guard that needs it shares the one result.
   */
  studentCheck: () => Result<Student>;
}

/** A guard: a named, pure function that returns the findings that block an event (none: it passes). */
export type Guard = (input: GuardInput) => Finding[];

/**
 * The documents a change needs, one of each group: the unit-endorsed application and a police
 * certificate or a household-card scan for a name (3.1.1); a police certificate or a
 * household-page scan and an ID-card scan for an ethnic group (3.1.2).
 */
const EVIDENCE_RULES = {
  name: {
    code: "name-change.evidence",
    groups: [["unit-endorsed-application"], ["police-certificate", "household-card-scan"]],
  },
  ethnicity: {
    code: "ethnicity-change.evidence",
    groups: [["police-ethnicity-certificate", "household-page-scan"], ["id-card-scan"]],
  },
} as const satisfies Record<string, { code: string; groups: readonly (readonly Evidence[])[] }>;

/**
 * The evidence finding of a change, or none: `params.received` the documents given,
 * `params.missing` the groups of which none was given and `params.expected` every group.
 */
function evidenceFindings(
  input: GuardInput,
  kind: keyof typeof EVIDENCE_RULES,
  evidence: readonly Evidence[],
): Finding[] {
  const { code, groups } = EVIDENCE_RULES[kind];
  const missing = groups.filter((g) => !g.some((k) => evidence.includes(k))).map((g) => [...g]);
  if (missing.length === 0) return [];
  const params: FindingParams[typeof code] = {
    expected: groups.map((g) => [...g]),
    received: [...evidence],
    missing,
  };
  return [finding(code, ["student", "changes", kind, "evidence"], params, input.options)];
}

/**
 * The unit acts only inside the batch's window `[opensAt, closesAt)` (2.1): for the 2022 third
 * batch 2022-05-18T08:00+08:00 up to, not including, 2022-06-11T00:00+08:00 ("6月10日24:00").
 * @example
 * const late = { at: "2022-06-11T00:00:00+08:00", actor: "unit-staff" } as const;
 * windowOpen(guardInput(createRegistration(student, ucas2022Batch3), stage, late))[0]?.code
 * //=> "window.closed"
 */
export const windowOpen: Guard = (input) => {
  const { batch } = input.registration;
  const opens = toInstant(batch.opensAt);
  const closes = toInstant(batch.closesAt);
  if (!opens || !closes) {
    const path = ["batch", opens ? "closesAt" : "opensAt"];
    return [finding("schema.invalid", path, { expected: "instant" }, input.options)];
  }
  const t = input.at.getTime();
  if (t >= opens.getTime() && t < closes.getTime()) return [];
  return [
    finding(
      "window.closed",
      [],
      { received: input.atText, opensAt: batch.opensAt, closesAt: batch.closesAt },
      input.options,
    ),
  ];
};

/**
 * A history runs forward (2): an event is dated at or after the last one recorded.
 * @example
 * // `staged` was staged on 2022-06-01: a submission dated in May comes before it.
 * datedInOrder(guardInput(staged, { type: "submit" }, { at: "2022-05-01T10:00:00+08:00", actor: "unit-staff" }))
 *   .map((f) => [f.code, f.params])
 * //=> [["transition.out-of-order",
 * //     { event: "submit", received: "2022-05-01T10:00:00+08:00", expected: "2022-06-01T10:00:00+08:00" }]]
 */
export const datedInOrder: Guard = (input) => {
  const last = input.registration.history.at(-1);
  const previous = last === undefined ? undefined : toInstant(last.at);
  if (last === undefined || previous === undefined || input.at.getTime() >= previous.getTime()) return [];
  return [
    finding(
      "transition.out-of-order",
      [],
      { event: input.event.type, received: input.atText, expected: last.at },
      input.options,
    ),
  ];
};

/**
 * Staging chooses the conclusion (毕业结论, 2.1.1.2): graduation (毕业) or completion (结业).
 * @example
 * conclusionGiven(guardInput(registration, { type: "stage", conclusion: "degree" } as never, ctx))
 *   .map((f) => [f.code, f.path, f.params])
 * //=> [["schema.invalid", ["event", "conclusion"], { values: ["graduation", "completion"], received: "degree" }]]
 */
export const conclusionGiven: Guard = (input) => {
  const e = input.event as RegistrationEvent;
  if (e.type !== "stage" || e.conclusion === "graduation" || e.conclusion === "completion") return [];
  return [
    finding(
      "schema.invalid",
      ["event", "conclusion"],
      { values: ["graduation", "completion"], received: show(e.conclusion) },
      input.options,
    ),
  ];
};

/**
 * A staged registration has the conclusion it was staged with (2.1.1.2): without one it did not
 * come from the machine, and it cannot be submitted.
 * @example
 * stagedWithConclusion(guardInput({ ...staged, conclusion: undefined }, { type: "submit" }, ctx))[0]?.code
 * //=> "registration.tampered"
 */
export const stagedWithConclusion: Guard = (input) =>
  input.conclusion !== undefined
    ? []
    : [
        finding(
          "registration.tampered",
          ["conclusion"],
          { reason: "conclusion", expected: ["graduation", "completion"], received: null },
          input.options,
        ),
      ];

/**
 * A student without an uploaded graduation-stage photo can be neither staged nor submitted (2.1.1.1).
 * @example
 * const reg = createRegistration({ ...student, photo: { uploaded: false } }, ucas2022Batch3);
 * photoUploaded(guardInput(reg, stage, ctx))[0]?.code //=> "photo.missing"
 */
export const photoUploaded: Guard = (input) =>
  input.registration.student.photo.uploaded
    ? []
    : [finding("photo.missing", ["student", "photo", "uploaded"], {}, input.options)];

/**
 * Never stage a student who is due in another batch (2.1.1.2). A student without `batchId` is
 * taken to be due in the registration's batch.
 * @example
 * const reg = createRegistration({ ...student, batchId: "ucas-2022-2" }, ucas2022Batch3);
 * dueInBatch(guardInput(reg, stage, ctx))[0]?.params //=> { expected: "ucas-2022-3", received: "ucas-2022-2" }
 */
export const dueInBatch: Guard = (input) => {
  const due = input.registration.student.batchId;
  const batchId = input.registration.batch.id;
  if (due === undefined || due === batchId) return [];
  return [
    finding("batch.mismatch", ["student", "batchId"], { expected: batchId, received: due }, input.options),
  ];
};

const studyParts = ["creditsComplete", "requiredSegmentsComplete", "thesisComplete"] as const;

/**
 * Both conclusions need all credits, the required segments and the thesis (1.1, 1.2); a student
 * without them is not registrable in this batch [decision, 1]. One finding per missing part.
 * @example
 * const reg = createRegistration({ ...student, study: { ...student.study, thesisComplete: false } }, ucas2022Batch3);
 * studyComplete(guardInput(reg, stage, ctx)).map((f) => f.path) //=> [["student", "study", "thesisComplete"]]
 */
export const studyComplete: Guard = (input) => {
  const s = input.registration.student.study;
  return studyParts
    .filter((part) => s[part] !== true)
    .map((part) =>
      finding(
        "study.incomplete",
        ["student", "study", part],
        { expected: true, received: s[part] },
        input.options,
      ),
    );
};

/**
 * The conclusion must fit the defense and the study period: graduation (毕业) needs a passed defense
 * (1.1), completion (结业) a failed one (1.2); both need the maximum study period not exceeded
 * (`withinMaxStudyPeriod`, default true) [decision, 1].
 * @example
 * const reg = createRegistration({ ...student, study: { ...student.study, defense: "failed" } }, ucas2022Batch3);
 * conclusionEligible(guardInput(reg, { type: "stage", conclusion: "graduation" }, ctx))[0]?.params
 * //=> { reason: "defense", expected: "passed", received: "failed", suggestion: "completion" }
 */
export const conclusionEligible: Guard = (input) => {
  const s = input.registration.student.study;
  const out: Finding[] = [];
  if (s.withinMaxStudyPeriod === false) {
    out.push(
      finding(
        "conclusion.ineligible",
        ["student", "study", "withinMaxStudyPeriod"],
        { reason: "study-period" },
        input.options,
      ),
    );
  }
  const defense = s.defense;
  const path = ["student", "study", "defense"];
  if (input.conclusion === "graduation" && defense !== "passed") {
    const params: FindingParams["conclusion.ineligible"] = {
      reason: "defense",
      expected: "passed",
      received: defense,
    };
    if (defense === "failed") params.suggestion = "completion";
    out.push(finding("conclusion.ineligible", path, params, input.options));
  }
  if (input.conclusion === "completion" && defense !== "failed") {
    const params: FindingParams["conclusion.ineligible"] = {
      reason: "defense",
      expected: "failed",
      received: defense,
    };
    if (defense === "passed") params.suggestion = "graduation";
    out.push(finding("conclusion.ineligible", path, params, input.options));
  }
  return out;
};

/**
 * Staging locks the origin (3.3.4), so it must have been reviewed (已复核) before. A passport
 * holder's empty origin is not applicable and needs no review [decision, 3.3].
 * @example
 * const reg = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * originReviewed(guardInput(reg, stage, ctx))[0]?.code //=> "origin.not-reviewed"
 */
export const originReviewed: Guard = (input) =>
  input.registration.student.origin.reviewed || !originApplies(input.registration.student)
    ? []
    : [finding("origin.not-reviewed", ["student", "origin", "reviewed"], {}, input.options)];

/**
 * Each completion (结业) registration needs a written explanation (书面说明, 2.1.2).
 * @example
 * const reg = createRegistration({ ...student, documents: {} }, ucas2022Batch3);
 * explanationPresent(guardInput(reg, { type: "stage", conclusion: "completion" }, ctx))[0]?.code
 * //=> "completion.explanation-missing"
 */
export const explanationPresent: Guard = (input) =>
  input.conclusion !== "completion" || input.registration.student.documents?.writtenExplanation === true
    ? []
    : [
        finding(
          "completion.explanation-missing",
          ["student", "documents", "writtenExplanation"],
          {},
          input.options,
        ),
      ];

/**
 * A name changed while enrolled needs the student's application endorsed and stamped by the unit
 * AND either a police-station certificate or a scan of the household register card (3.1.1).
 * @example
 * const changes = { name: { former: "测试乙", evidence: ["police-certificate"] } };
 * nameChangeEvidenced(guardInput(createRegistration({ ...student, changes }, ucas2022Batch3), stage, ctx))[0]?.code
 * //=> "name-change.evidence"
 */
export const nameChangeEvidenced: Guard = (input) => {
  const change = input.registration.student.changes?.name;
  return change ? evidenceFindings(input, "name", change.evidence) : [];
};

/**
 * An ethnic group changed before admission is not handled here: admissions change it (3.1.2).
 * @example
 * const changes = { ethnicity: { former: "满族", beforeAdmission: true, evidence: [] } };
 * ethnicityChangedAfterAdmission(guardInput(createRegistration({ ...student, changes }, ucas2022Batch3), stage, ctx))[0]?.code
 * //=> "ethnicity-change.before-admission"
 */
export const ethnicityChangedAfterAdmission: Guard = (input) =>
  input.registration.student.changes?.ethnicity?.beforeAdmission === true
    ? [
        finding(
          "ethnicity-change.before-admission",
          ["student", "changes", "ethnicity", "beforeAdmission"],
          {},
          input.options,
        ),
      ]
    : [];

/**
 * An ethnic group changed after admission needs a police-station ethnicity-change certificate or a
 * scan of the household register page, AND a scan of both sides of the ID card (3.1.2).
 * @example
 * const changes = { ethnicity: { former: "满族", beforeAdmission: false, evidence: ["id-card-scan"] } };
 * ethnicityChangeEvidenced(guardInput(createRegistration({ ...student, changes }, ucas2022Batch3), stage, ctx))[0]?.code
 * //=> "ethnicity-change.evidence"
 */
export const ethnicityChangeEvidenced: Guard = (input) => {
  const change = input.registration.student.changes?.ethnicity;
  // Changed before admission: reported by `ethnicityChangedAfterAdmission`, no evidence is weighed.
  return change && change.beforeAdmission !== true
    ? evidenceFindings(input, "ethnicity", change.evidence)
    : [];
};

/**
 * `YYYY-MM-DD` + n calendar months, the day clamped to the month's end (2021-08-31 + 6 →
 * 2022-02-28), as date-fns `addMonths` counts them. Plain calendar arithmetic, no time zone: a
 * date plus months is a date (and date-fns stays out of the core's bundle, issue 13.2).
 */
function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, last), 2)}`;
}

/**
 * A change of major or training unit must be approved at least 6 calendar months before the
 * defense (3.1.3): in time when approval + 6 months (date-fns `addMonths`, month ends clamped) is
 * on or before the defense date. Approved 2021-11-20 for a 2022-05-20 defense is in time,
 * 2021-12-01 is not. Without a defense date the rule cannot be shown to hold: refused [decision].
 * @example
 * const reg = createRegistration({ ...student, study: { ...student.study, defenseDate: "2022-05-20" },
 *   changes: { programOrUnit: { approvedOn: "2021-12-01" } } }, ucas2022Batch3);
 * programChangeInTime(guardInput(reg, stage, ctx))[0]?.params
 * //=> { approvedOn: "2021-12-01", defenseDate: "2022-05-20", earliestDefenseDate: "2022-06-01" }
 */
export const programChangeInTime: Guard = (input) => {
  const change = input.registration.student.changes?.programOrUnit;
  if (!change) return [];
  const approvedOn = change.approvedOn;
  const defenseDate = input.registration.student.study.defenseDate;
  // A malformed approval date is a shape error, reported at the boundary.
  if (!isIsoDate(approvedOn)) return [];
  const earliestDefenseDate = addCalendarMonths(approvedOn, 6);
  if (!isIsoDate(defenseDate)) {
    return [
      finding(
        "program-change.too-late",
        ["student", "study", "defenseDate"],
        { approvedOn, defenseDate: null, earliestDefenseDate },
        input.options,
      ),
    ];
  }
  if (earliestDefenseDate <= defenseDate) return [];
  return [
    finding(
      "program-change.too-late",
      ["student", "changes", "programOrUnit", "approvedOn"],
      { approvedOn, defenseDate, earliestDefenseDate },
      input.options,
    ),
  ];
};

/**
 * Early graduation needs its status-change procedure approved by UCAS (3.1.5).
 * @example
 * const changes = { earlyGraduation: { approved: false } };
 * earlyGraduationApproved(guardInput(createRegistration({ ...student, changes }, ucas2022Batch3), stage, ctx))[0]?.code
 * //=> "early-graduation.not-approved"
 */
export const earlyGraduationApproved: Guard = (input) => {
  const early = input.registration.student.changes?.earlyGraduation;
  if (!early || early.approved) return [];
  return [
    finding(
      "early-graduation.not-approved",
      ["student", "changes", "earlyGraduation", "approved"],
      { expected: true, received: early.approved },
      input.options,
    ),
  ];
};

/**
 * A student registered as graduating who will not also get the degree certificate fills in the
 * registration application form (毕业注册申请书, 3.2), kept by the unit.
 * @example
 * const reg = createRegistration({ ...student, study: { ...student.study, degreeCertificateExpected: false } }, ucas2022Batch3);
 * applicationFormPresent(guardInput(reg, stage, ctx))[0]?.code //=> "application-form.missing"
 */
export const applicationFormPresent: Guard = (input) => {
  const { student } = input.registration;
  if (input.conclusion !== "graduation") return [];
  if (student.study.degreeCertificateExpected !== false) return [];
  if (student.documents?.registrationApplicationForm === true) return [];
  return [
    finding(
      "application-form.missing",
      ["student", "documents", "registrationApplicationForm"],
      {},
      input.options,
    ),
  ];
};
