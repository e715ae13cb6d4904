import { finding } from "../core/result.js";
import {
  type Batch,
  type Conclusion,
  can,
  checkBatch,
  createRegistration,
  type Finding,
  type Locale,
  type Registration,
  type Student,
  StudentSchema,
  transition,
  validateStudent,
} from "../index.js";
import type { RosterStudent } from "./roster/map.js";
import type { BadRow } from "./roster/read.js";

/** One student's part of the report: the row it came from and every finding about it. */
export interface StudentReport {
  row: number;
  studentNumber: string | null;
  name: string | null;
  findings: Finding[];
}

/** What `xueli check` found about the photo folder as a whole (files that match no student …). */
export interface PhotosReport {
  /** The folder as given on the command line (`examples/photos` for `--example`). */
  dir: string;
  /** How many files were checked. */
  files: number;
  /** Findings not about one student's photo: files matching no student, the folder unreadable … */
  findings: Finding[];
}

/** The report `--format json` prints, exactly this shape (api.md, CLI). */
export interface Report {
  batch: Batch;
  summary: { students: number; errors: number; warnings: number; byCode: Record<string, number> };
  students: StudentReport[];
  photos?: PhotosReport;
}

export interface CheckOptions {
  batch: Batch;
  /** The instant the stage and submit guards are evaluated at (an ISO string with its offset). */
  at: string;
  locale: Locale;
}

/** The student's own findings come first; guards' paths lose their leading `"student"`. */
function relative(f: Finding): Finding {
  return f.path[0] === "student" ? { ...f, path: f.path.slice(1) } : f;
}

/** Stage and submit both run many of the same guards (and re-validate the fields): one finding each. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.code}\u0000${JSON.stringify(f.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null;
}

function field(input: unknown, key: string): unknown {
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>)[key] : undefined;
}

/**
 * [decision] With no 毕业结论 column the conclusion follows the defense: failed → completion (结业,
 * 1.2), anything else → graduation (毕业, 1.1), so a pending defense shows up as ineligible.
 */
function conclusionOf(
  s: RosterStudent,
  student: Student | undefined,
  o: CheckOptions,
): {
  conclusion: Conclusion;
  findings: Finding[];
} {
  const c = s.conclusion;
  if (c === "graduation" || c === "completion") return { conclusion: c, findings: [] };
  const derived: Conclusion = student?.study.defense === "failed" ? "completion" : "graduation";
  if (c === undefined) return { conclusion: derived, findings: [] };
  return {
    conclusion: derived,
    findings: [
      finding(
        "schema.invalid",
        ["conclusion"],
        { expected: ["毕业", "结业"], received: c },
        { locale: o.locale },
      ),
    ],
  };
}

/**
 * One student's checks as of `o.at`: `validateStudent`, then the guards of staging (暂存, 2.1.1.2)
 * and of submission (提交, 2.1.2) run by the state machine itself, never re-implemented here.
 * Submission is checked on the staged registration, or — when staging is refused — on the draft
 * taken as staged, so one run shows every finding the unit would meet on the way.
 */
export function checkStudent(
  s: RosterStudent,
  o: CheckOptions,
): { report: StudentReport; registration?: Registration } {
  const locale = { locale: o.locale };
  const v = validateStudent(s.input, { batch: o.batch, ...locale });
  const findings: Finding[] = [...v.findings];
  // With a field error the shape may still be whole: the guards can then tell the rest.
  let student: Student | undefined = v.value;
  if (student === undefined) {
    const shape = StudentSchema.safeParse(s.input);
    if (shape.success) student = shape.data;
  }
  const { conclusion, findings: cf } = conclusionOf(s, student, o);
  findings.push(...cf);
  let registration: Registration | undefined;
  if (student !== undefined) {
    const draft = createRegistration(student, o.batch);
    const ctx = { at: o.at, actor: "unit-staff" as const, ...locale };
    const stage = { type: "stage" as const, conclusion };
    // `transition` gives exactly `can`'s findings (one evaluation of the guards, not two).
    const staged = transition(draft, stage, ctx, locale);
    findings.push(...staged.findings.map(relative));
    const asStaged: Registration = staged.ok ? staged.value : { ...draft, state: "staged", conclusion };
    findings.push(...can(asStaged, { type: "submit" }, ctx, locale).findings.map(relative));
    registration = asStaged;
  }
  const report: StudentReport = {
    row: s.row,
    studentNumber: str(field(s.input, "studentNumber")),
    name: str(field(s.input, "name")),
    findings: dedupe(findings),
  };
  return registration === undefined ? { report } : { report, registration };
}

/** A row that could not be read is a student report of its own: one `schema.invalid` for the row. */
export function badRowReport(b: BadRow, locale: Locale): StudentReport {
  return {
    row: b.row,
    studentNumber: null,
    name: null,
    findings: [finding("schema.invalid", [], { row: b.row, reason: b.reason, ...b.params }, { locale })],
  };
}

/** The codes `checkBatch` adds across students (the rest it repeats from each registration). */
const batchCodes = new Set<string>([
  "batch.duplicate-id",
  "batch.duplicate-student-number",
  "batch.duplicate-name",
  "certificate.duplicate",
]);

/**
 * Every row's checks, then the batch's across rows (duplicate ID numbers, student numbers, names,
 * 3.1 and 4.2.3), each finding filed under the student it is about.
 */
export function checkRoster(
  students: readonly RosterStudent[],
  bad: readonly BadRow[],
  o: CheckOptions,
): StudentReport[] {
  const reports: StudentReport[] = [];
  const registrations: Registration[] = [];
  const owners: StudentReport[] = [];
  for (const s of students) {
    const { report, registration } = checkStudent(s, o);
    reports.push(report);
    if (registration) {
      registrations.push(registration);
      owners.push(report);
    }
  }
  if (registrations.length > 0) {
    for (const f of checkBatch(registrations, o.batch, { locale: o.locale }).findings) {
      const [index, ...rest] = f.path;
      const owner = typeof index === "number" ? owners[index] : undefined;
      if (!owner || !batchCodes.has(f.code)) continue;
      owner.findings = dedupe([...owner.findings, relative({ ...f, path: rest })]);
    }
  }
  for (const b of bad) reports.push(badRowReport(b, o.locale));
  return reports.sort((a, b) => a.row - b.row);
}

/** The counts that end the report: students, errors, warnings, and findings by code. */
export function summarize(students: readonly StudentReport[], photos?: PhotosReport): Report["summary"] {
  const all = [...students.flatMap((s) => s.findings), ...(photos?.findings ?? [])];
  const byCode: Record<string, number> = {};
  for (const f of all) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(byCode).sort()) sorted[k] = byCode[k] as number;
  return {
    students: students.length,
    errors: all.filter((f) => f.severity === "error").length,
    warnings: all.filter((f) => f.severity === "warning").length,
    byCode: sorted,
  };
}
