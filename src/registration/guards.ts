import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import { rec } from "../core/records.js";
import { BEIJING, isIsoDate, toInstant } from "../core/time.js";
import type { Conclusion, Evidence } from "../entities/student.js";
import { type Finding, type FindingParams, finding, type LocaleOptions, show } from "../findings/index.js";
import { certificateNumberValid, originValid, studentValid } from "./field-guards.js";
import type { Registration, RegistrationEvent, Role } from "./types.js";

/*
 * In the examples `student` is a registrable student, `stage` is
 * `{ type: "stage", conclusion: "graduation" }` and `ctx` is
 * `{ at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" }`; `guardInput` builds what a guard sees.
 */

/**
 * What a guard sees: the registration before the event, the event, when and by whom it happens,
 * and the conclusion in play (the `stage` event's own, else the one the registration was staged
 * with).
 */
export interface GuardInput {
  registration: Registration;
  event: RegistrationEvent;
  /** The instant of the event. */
  at: Date;
  /** `context.at` as given (an ISO string with its offset, or the `Date`'s UTC ISO form). */
  atText: string;
  actor: Role;
  conclusion: Conclusion | undefined;
  options: LocaleOptions;
}

/** A guard: a named, pure function that returns the findings that block an event (none: it passes). */
export type Guard = (input: GuardInput) => Finding[];

/* Registrations may come from JSON or JavaScript callers: guards read them defensively and never
   throw; the shape itself is reported by `studentValid` / `parseRegistration`. */
type Loose = Record<string, unknown> | undefined;
function student(input: GuardInput): Loose {
  return rec(rec(input.registration)?.student);
}
function study(input: GuardInput): Loose {
  return rec(student(input)?.study);
}
function changes(input: GuardInput): Loose {
  return rec(student(input)?.changes);
}
function documents(input: GuardInput): Loose {
  return rec(student(input)?.documents);
}
function evidenceOf(change: Loose): Evidence[] {
  const e = change?.evidence;
  return Array.isArray(e) ? (e.filter((x) => typeof x === "string") as Evidence[]) : [];
}

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
 * `params.missing` the groups of which none was given (for the messages to name them) and
 * `params.expected` the rule written as `a + (b | c)`.
 */
function evidenceFindings(input: GuardInput, kind: keyof typeof EVIDENCE_RULES, change: Loose): Finding[] {
  const { code, groups } = EVIDENCE_RULES[kind];
  const ev = evidenceOf(change);
  const missing = groups.filter((g) => !g.some((k) => ev.includes(k))).map((g) => [...g]);
  if (missing.length === 0) return [];
  const expected = groups.map((g) => [...g]);
  return [
    finding(
      code,
      ["student", "changes", kind, "evidence"],
      { expected, received: ev, missing },
      input.options,
    ),
  ];
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
  const batch = rec(rec(input.registration)?.batch);
  const opens = toInstant(batch?.opensAt);
  const closes = toInstant(batch?.closesAt);
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
      { received: input.atText, opensAt: String(batch?.opensAt), closesAt: String(batch?.closesAt) },
      input.options,
    ),
  ];
};

/**
 * A student without an uploaded graduation-stage photo can be neither staged nor submitted (2.1.1.1).
 * @example
 * const reg = createRegistration({ ...student, photo: { uploaded: false } }, ucas2022Batch3);
 * photoUploaded(guardInput(reg, stage, ctx))[0]?.code //=> "photo.missing"
 */
export const photoUploaded: Guard = (input) =>
  rec(student(input)?.photo)?.uploaded === true
    ? []
    : [finding("photo.missing", ["student", "photo", "uploaded"], undefined, input.options)];

/**
 * Never stage a student who is due in another batch (2.1.1.2). A student without `batchId` is
 * taken to be due in the registration's batch.
 * @example
 * const reg = createRegistration({ ...student, batchId: "ucas-2022-2" }, ucas2022Batch3);
 * dueInBatch(guardInput(reg, stage, ctx))[0]?.params //=> { expected: "ucas-2022-3", received: "ucas-2022-2" }
 */
export const dueInBatch: Guard = (input) => {
  const due = student(input)?.batchId;
  const batchId = rec(rec(input.registration)?.batch)?.id;
  if (due === undefined || due === batchId) return [];
  return [
    finding(
      "batch.mismatch",
      ["student", "batchId"],
      { expected: show(batchId), received: show(due) },
      input.options,
    ),
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
  const s = study(input);
  return studyParts
    .filter((part) => s?.[part] !== true)
    .map((part) =>
      finding(
        "study.incomplete",
        ["student", "study", part],
        { expected: true, received: s?.[part] },
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
 * //=> { expected: "passed", received: "failed", suggestion: "completion" }
 */
export const conclusionEligible: Guard = (input) => {
  const s = study(input);
  const out: Finding[] = [];
  if (s?.withinMaxStudyPeriod === false) {
    out.push(
      finding(
        "conclusion.ineligible",
        ["student", "study", "withinMaxStudyPeriod"],
        { reason: "study-period" },
        input.options,
      ),
    );
  }
  const defense = s?.defense;
  if (input.conclusion === "graduation" && defense !== "passed") {
    const params: FindingParams["conclusion.ineligible"] = {
      reason: "defense",
      expected: "passed",
      received: defense,
    };
    if (defense === "failed") params.suggestion = "completion";
    out.push(finding("conclusion.ineligible", ["student", "study", "defense"], params, input.options));
  }
  if (input.conclusion === "completion" && defense !== "failed") {
    const params: FindingParams["conclusion.ineligible"] = {
      reason: "defense",
      expected: "failed",
      received: defense,
    };
    if (defense === "passed") params.suggestion = "graduation";
    out.push(finding("conclusion.ineligible", ["student", "study", "defense"], params, input.options));
  }
  return out;
};

/**
 * Staging locks the origin (3.3.4), so it must have been reviewed (已复核) before.
 * @example
 * const reg = createRegistration({ ...student, origin: { value: "北京市海淀区", reviewed: false } }, ucas2022Batch3);
 * originReviewed(guardInput(reg, stage, ctx))[0]?.code //=> "origin.not-reviewed"
 */
export const originReviewed: Guard = (input) =>
  rec(student(input)?.origin)?.reviewed === true
    ? []
    : [finding("origin.not-reviewed", ["student", "origin", "reviewed"], undefined, input.options)];

/**
 * Each completion (结业) registration needs a written explanation (书面说明, 2.1.2).
 * @example
 * const reg = createRegistration({ ...student, documents: {} }, ucas2022Batch3);
 * explanationPresent(guardInput(reg, { type: "stage", conclusion: "completion" }, ctx))[0]?.code
 * //=> "completion.explanation-missing"
 */
export const explanationPresent: Guard = (input) =>
  input.conclusion !== "completion" || documents(input)?.writtenExplanation === true
    ? []
    : [
        finding(
          "completion.explanation-missing",
          ["student", "documents", "writtenExplanation"],
          undefined,
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
  const change = rec(changes(input)?.name);
  return change ? evidenceFindings(input, "name", change) : [];
};

/**
 * An ethnic group changed before admission is not handled here: admissions change it (3.1.2).
 * @example
 * const changes = { ethnicity: { former: "满族", beforeAdmission: true, evidence: [] } };
 * ethnicityChangedAfterAdmission(guardInput(createRegistration({ ...student, changes }, ucas2022Batch3), stage, ctx))[0]?.code
 * //=> "ethnicity-change.before-admission"
 */
export const ethnicityChangedAfterAdmission: Guard = (input) =>
  rec(changes(input)?.ethnicity)?.beforeAdmission === true
    ? [
        finding(
          "ethnicity-change.before-admission",
          ["student", "changes", "ethnicity", "beforeAdmission"],
          undefined,
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
  const change = rec(changes(input)?.ethnicity);
  // Changed before admission: reported by `ethnicityChangedAfterAdmission`, no evidence is weighed.
  return change && change.beforeAdmission !== true ? evidenceFindings(input, "ethnicity", change) : [];
};

/** `YYYY-MM-DD` + n calendar months, computed by date-fns on the Beijing calendar. */
function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return format(addMonths(new TZDate(y, m - 1, d, BEIJING), months), "yyyy-MM-dd");
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
  const change = rec(changes(input)?.programOrUnit);
  if (!change) return [];
  const approvedOn = change.approvedOn;
  const defenseDate = study(input)?.defenseDate;
  const path = ["student", "changes", "programOrUnit", "approvedOn"];
  // A malformed approval date is a shape error, reported by `studentValid`.
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
    finding("program-change.too-late", path, { approvedOn, defenseDate, earliestDefenseDate }, input.options),
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
  const early = rec(changes(input)?.earlyGraduation);
  if (!early || early.approved === true) return [];
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
  if (input.conclusion !== "graduation") return [];
  if (study(input)?.degreeCertificateExpected !== false) return [];
  if (documents(input)?.registrationApplicationForm === true) return [];
  return [
    finding(
      "application-form.missing",
      ["student", "documents", "registrationApplicationForm"],
      undefined,
      input.options,
    ),
  ];
};

/**
 * Every guard by name. The transition table refers to guards by these names, so a misspelt guard
 * name fails to compile (as XState's `setup()` does).
 * @example
 * guards.photoUploaded(guardInput(reg, stage, ctx)) //=> [] for a student whose photo is uploaded
 */
export const guards = {
  windowOpen,
  studentValid,
  originValid,
  certificateNumberValid,
  photoUploaded,
  dueInBatch,
  studyComplete,
  conclusionEligible,
  originReviewed,
  explanationPresent,
  nameChangeEvidenced,
  ethnicityChangedAfterAdmission,
  ethnicityChangeEvidenced,
  programChangeInTime,
  earlyGraduationApproved,
  applicationFormPresent,
} as const satisfies Record<string, Guard>;

/** The name of a guard. */
export type GuardName = keyof typeof guards;
