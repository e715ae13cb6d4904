import { XueliError } from "../core/error.js";
import { type Path, prefixFindings } from "../core/result.js";
import { type Conclusion, conclusions } from "../core/vocabulary.js";
import { type Batch, defineBatch } from "../entities/batch.js";
import type { Student } from "../entities/student.js";
import { validateStudent } from "../fields/student/index.js";
import {
  type Finding,
  finding,
  type LocaleOptions,
  type Result,
  resolveLocale,
  show,
  toResult,
} from "../findings/index.js";
import { resolveContext } from "./context.js";
import { type GuardInput, windowOpen } from "./guards.js";
import { dedupe } from "./machine.js";
import { parseRegistration } from "./parse.js";
import { type GuardName, guards, transitionTable } from "./table.js";
import type { Registration } from "./types.js";

/** The guards of submitting (2.1.2) that judge the data, not the moment: all but the window and the order of dates. */
const dataGuards: readonly GuardName[] = transitionTable.submit.guards.filter(
  (g) => g !== "windowOpen" && g !== "datedInOrder",
);

/**
 * The conclusion a draft is checked with when none is chosen: the defense's [decision] — a failed
 * defense points to completion (结业), anything else to graduation (毕业).
 * @example
 * defaultConclusion(student) //=> "graduation"
 * defaultConclusion({ ...student, study: { ...student.study, defense: "failed" } }) //=> "completion"
 */
export function defaultConclusion(student: Student): Conclusion {
  return student.study.defense === "failed" ? "completion" : "graduation";
}

/**
 * Everything that is wrong with one registration, whatever the clock says: its shape and history
 * (`parseRegistration`), and for a `draft` or `staged` one every guard of `submit` except the
 * window (2.1.2: "before submitting confirm every student…"). A draft is checked with the
 * conclusion its defense points to (failed → completion, else graduation) [decision]. `submitted`
 * and `certified` registrations passed those guards when submitted and are frozen since (2.1.2).
 * @example
 * checkRegistration(registration).ok //=> true
 * const withoutPhoto = createRegistration({ ...student, photo: { uploaded: false } }, ucas2022Batch3);
 * checkRegistration(withoutPhoto).findings.map((f) => [f.code, f.path])
 * //=> [["photo.missing", ["student", "photo", "uploaded"]]]
 */
export function checkRegistration(input: unknown, options?: LocaleOptions): Result<Registration> {
  const opts: LocaleOptions = { locale: resolveLocale(options) };
  const parsed = parseRegistration(input, opts);
  const reg = parsed.value;
  if (reg === undefined) return parsed;
  const findings: Finding[] = [...parsed.findings];
  if (reg.state === "draft" || reg.state === "staged") {
    findings.push(...runDataGuards(reg, reg.conclusion ?? defaultConclusion(reg.student), opts));
  }
  return toResult(reg, dedupe(findings));
}

/** The submit guards but the window, on a registration, with a student check made once. */
function runDataGuards(
  registration: Registration,
  conclusion: Conclusion,
  options: LocaleOptions,
  studentCheck?: () => Result<Student>,
  skip: readonly GuardName[] = [],
): Finding[] {
  let cached: Result<Student> | undefined;
  const input: GuardInput = {
    registration,
    event: { type: "submit" },
    at: new Date(0),
    atText: registration.batch.opensAt,
    actor: "unit-staff",
    conclusion,
    options,
    studentCheck:
      studentCheck ??
      (() => {
        cached ??= validateStudent(registration.student, { ...options, batch: registration.batch });
        return cached;
      }),
  };
  return dataGuards.filter((g) => !skip.includes(g)).flatMap((g) => guards[g](input));
}

/** Options of `checkStudentRegistration`. */
export interface StudentRegistrationOptions extends LocaleOptions {
  /** The batch the student is to be registered in: its dates, school and id are the rules' (2.1.3, 2.2). */
  batch: Batch;
  /**
   * The conclusion the unit would stage with (毕业结论, 2.1.1.2): `graduation` or `completion`.
   * Default: the one the defense points to (failed → completion, else graduation) [decision].
   * Another value is reported (`schema.invalid` at `["conclusion"]`) and the default is used.
   */
  conclusion?: unknown;
  /**
   * The fields the record's source has (dotted keys, as a roster's columns name them: `name`,
   * `id.number`, `origin.value`, `study.defense` …); absent: all of them. A required field left
   * out of `present` is not reported: it gets a stand-in that breaks no rule, every finding at its
   * path is dropped, and so the rules it feeds are skipped — a roster with only some columns is
   * checked for the rules those columns allow [decision, issue 14.5]. The value then has no
   * `student` (it holds stand-ins).
   */
  present?: ReadonlySet<string>;
}

/** What `checkStudentRegistration` found besides the findings: the student as it would be registered. */
export interface StudentRegistrationCheck {
  /**
   * The normalized student (`validateStudent`'s value), when the record's shape could be read and
   * no required field was left out of `present`.
   */
  student?: Student;
  /** The conclusion the checks ran with. */
  conclusion: Conclusion;
}

const relative = (f: Finding): Finding =>
  f.path[0] === "student" ? { ...f, path: f.path.slice(1) as Path } : f;

/**
 * The required fields of a student record (and those with a default the rules read), each with a
 * stand-in for a source that has no column for it (`present`): a value the schema takes and no
 * rule refuses. `undefined`: the schema's default or absence will do.
 */
const STAND_INS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ["studentNumber", "-"],
  ["name", "-"],
  ["sex", "male"],
  ["ethnicity", undefined],
  ["id.number", ""],
  ["degreeLevel", "master"],
  ["trainingUnit", "-"],
  ["admissionYear", 2000],
  ["origin.value", undefined],
  ["origin.reviewed", undefined],
  ["photo.uploaded", true],
  ["study.creditsComplete", true],
  ["study.requiredSegmentsComplete", true],
  ["study.thesisComplete", true],
  ["study.defense", "passed"],
]);

/** The required fields `present` leaves out, or none when it is absent. */
function absentFields(present: ReadonlySet<string> | undefined): string[] {
  if (present === undefined) return [];
  if (!(present instanceof Set))
    throw new XueliError("option.invalid", "present must be a Set of field keys");
  return [...STAND_INS.keys()].filter((k) => !present.has(k));
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A copy of the record with a stand-in for each absent field (the input is never written). A record
 * that cannot be copied (not an object, a getter that throws) is handed on as it is.
 */
function withStandIns(input: unknown, absent: readonly string[]): unknown {
  try {
    if (!isPlain(input)) return input;
    const out: Record<string, unknown> = { ...input };
    for (const key of absent) {
      const value = STAND_INS.get(key);
      const [head, leaf] = key.split(".") as [string, string | undefined];
      if (leaf === undefined) {
        if (value === undefined) delete out[head];
        else out[head] = value;
        continue;
      }
      const inner: Record<string, unknown> = isPlain(out[head]) ? { ...(out[head] as object) } : {};
      if (value === undefined) delete inner[leaf];
      else inner[leaf] = value;
      if (head === "id" && inner.type === undefined) inner.type = "resident";
      out[head] = inner;
    }
    return out;
  } catch {
    return input;
  }
}

/** True for a finding at (or under) the path of one of `absent`'s fields. */
function atAbsent(f: Finding, absent: readonly string[]): boolean {
  const path = f.path.map(String).join(".");
  return absent.some((k) => path === k || path.startsWith(`${k}.`));
}

/**
 * The one check of a student for a unit (2.1.1–2.1.2, 3.1–3.3): everything the unit would meet on
 * the way from draft to submitted, in one pass, whatever the clock says — the student's own fields
 * (`validateStudent`, evaluated once, with the batch's registration date as the day of the age
 * rule), then every guard of staging and of submitting but the window: photo, batch, study,
 * conclusion, origin reviewed, evidence of changes, the registration form. Paths are relative to
 * the student (`["id", "number"]`), as `validateStudent` gives them; a bad `conclusion` option at
 * `["conclusion"]`. Never throws on bad data. This is what `xueli check` runs on every roster row;
 * the window (2.1) is a fact about the moment, checked once for a run (`windowOpen`), not per student.
 * @example
 * const r = checkStudentRegistration(student, { batch: ucas2022Batch3 });
 * r.ok //=> true
 * // `student` is ready to be staged and submitted.
 * checkStudentRegistration({ ...student, photo: { uploaded: false } }, { batch: ucas2022Batch3 })
 *   .findings.map((f) => [f.code, f.path]) //=> [["photo.missing", ["photo", "uploaded"]]]
 * // A roster with only some columns: the rules those columns allow.
 * checkStudentRegistration({ studentNumber: "2019E001", name: "张三" }, { batch: ucas2022Batch3,
 *   present: new Set(["studentNumber", "name"]) }).findings //=> []
 */
export function checkStudentRegistration(
  input: unknown,
  options: StudentRegistrationOptions,
): Result<StudentRegistrationCheck> {
  const locale: LocaleOptions = { locale: resolveLocale(options) };
  const batch = options.batch;
  const absent = absentFields(options.present);
  if (absent.length > 0) {
    // A partial record: the stand-ins' findings (and the guards' on them) are dropped [decision].
    const { present: _, ...whole } = options;
    const r = checkStudentRegistration(withStandIns(input, absent), whole);
    const findings = r.findings.filter((f) => !atAbsent(f, absent));
    return toResult({ conclusion: r.value?.conclusion ?? "graduation" }, findings);
  }
  const v = validateStudent(input, { ...locale, batch });
  const findings: Finding[] = [...v.findings];
  const student = v.value;
  const given = options.conclusion;
  const valid = (conclusions as readonly unknown[]).includes(given);
  if (given !== undefined && !valid) {
    findings.push(
      finding("schema.invalid", ["conclusion"], { values: [...conclusions], received: show(given) }, locale),
    );
  }
  if (student === undefined) {
    // The record's shape could not be read: the guards have nothing to stand on.
    return { ok: false, value: { conclusion: valid ? (given as Conclusion) : "graduation" }, findings };
  }
  const conclusion = valid ? (given as Conclusion) : defaultConclusion(student);
  const draft: Registration = { state: "draft", student, batch, history: [] };
  // The student's own findings (its origin's among them) are in already: the guards that repeat
  // them are skipped.
  const skip: GuardName[] = ["studentValid", "originValid"];
  findings.push(...runDataGuards(draft, conclusion, locale, () => v, skip).map(relative));
  return toResult({ student, conclusion }, dedupe(findings));
}

/**
 * Whether `at` falls inside the batch's window `[opensAt, closesAt)` (2.1): `ok`, or the
 * `window.closed` finding. The window is a fact about a moment, not about a student: a tool checks
 * it once for a run. Throws `XueliError` (`context.at`) for an `at` that is not a valid `Date` or an
 * ISO 8601 string with an offset — a time without a zone would be read in the host's zone. A
 * malformed batch gives its `schema.invalid` findings at `["batch", …]`.
 * @example
 * checkWindow(ucas2022Batch3, "2022-06-11T00:00:00+08:00").findings[0]?.code //=> "window.closed"
 * checkWindow(ucas2022Batch3, "2022-06-10T23:59:59+08:00").ok //=> true
 */
export function checkWindow(batch: Batch, at: Date | string, options?: LocaleOptions): Result<void> {
  const ctx = resolveContext({ at, actor: "unit-staff" }, options);
  const b = defineBatch(batch, ctx.options);
  if (b.value === undefined) return { ok: false, findings: prefixFindings(b.findings, ["batch"]) };
  const registration: Registration = {
    state: "draft",
    student: undefined as never,
    batch: b.value,
    history: [],
  };
  const findings = windowOpen({
    registration,
    event: { type: "stage", conclusion: "graduation" },
    at: ctx.at,
    atText: ctx.atText,
    actor: ctx.actor,
    conclusion: undefined,
    options: ctx.options,
    studentCheck: () => ({ ok: false, findings: [] }),
  });
  return findings.length === 0 ? { ok: true, value: undefined, findings } : { ok: false, findings };
}
