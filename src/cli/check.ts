import {
  type Batch,
  checkStudentRegistration,
  type DuplicateIndex,
  type Finding,
  finding,
  type Locale,
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

/** The window of the run (2.1), checked once when `--at` is given: a fact about the moment, not a student. */
export interface WindowReport {
  at: string;
  /** `window.closed` when `at` is outside the batch's window; empty when inside. */
  findings: Finding[];
}

/** The report `--format json` prints, exactly this shape (api.md, CLI). */
export interface Report {
  batch: Batch;
  /** Present when the run was given an instant (`--at`, `--example`). */
  window?: WindowReport;
  summary: { students: number; errors: number; warnings: number; byCode: Record<string, number> };
  students: StudentReport[];
  photos?: PhotosReport;
}

export interface CheckOptions {
  batch: Batch;
  locale: Locale;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null;
}

function field(input: unknown, key: string): unknown {
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>)[key] : undefined;
}

/**
 * One student's checks: the core's one check of a student for a unit (`checkStudentRegistration`:
 * the student's fields, then every guard of staging and submitting but the window), never
 * re-implemented here. A 毕业结论 column that says neither 毕业 nor 结业 is reported at
 * `["conclusion"]` and the defense's conclusion is used [decision].
 */
export function checkStudent(s: RosterStudent, o: CheckOptions): StudentReport {
  const options: Parameters<typeof checkStudentRegistration>[1] = { batch: o.batch, locale: o.locale };
  if (s.conclusion !== undefined) options.conclusion = s.conclusion;
  const r = checkStudentRegistration(s.input, options);
  return {
    row: s.row,
    studentNumber: str(field(s.input, "studentNumber")),
    name: str(field(s.input, "name")),
    findings: r.findings,
  };
}

/** A row that could not be read is a student report of its own: one `roster.unreadable-row` for the row. */
export function badRowReport(b: BadRow, locale: Locale): StudentReport {
  return {
    row: b.row,
    studentNumber: null,
    name: null,
    findings: [finding("roster.unreadable-row", [], { reason: b.reason, ...b.params }, { locale })],
  };
}

/** The duplicate findings of a roster student, paths relative to the student (`["id", "number"]`). */
export function duplicateFindings(index: DuplicateIndex, input: unknown): Finding[] {
  return index
    .findingsOf({ student: input })
    .map((f) => (f.path[0] === "student" ? { ...f, path: f.path.slice(1) } : f));
}

/** Adds a student's extra findings (duplicates, photos) after its own, each (code, path) once. */
export function withFindings(report: StudentReport, extra: readonly Finding[]): StudentReport {
  return extra.length === 0 ? report : { ...report, findings: [...report.findings, ...extra] };
}

/** The counts that end the report, accumulated student by student. */
export class Tally {
  private students = 0;
  private errors = 0;
  private warnings = 0;
  private readonly byCode = new Map<string, number>();

  add(findings: readonly Finding[], student: boolean): void {
    if (student) this.students += 1;
    for (const f of findings) {
      if (f.severity === "error") this.errors += 1;
      else if (f.severity === "warning") this.warnings += 1;
      this.byCode.set(f.code, (this.byCode.get(f.code) ?? 0) + 1);
    }
  }

  summary(): Report["summary"] {
    const byCode: Record<string, number> = {};
    for (const k of [...this.byCode.keys()].sort()) byCode[k] = this.byCode.get(k) as number;
    return { students: this.students, errors: this.errors, warnings: this.warnings, byCode };
  }
}
