import { idKey, nameKey, textKey } from "../batch/keys.js";
import { rec } from "../core/records.js";
import {
  type Batch,
  type Conclusion,
  can,
  createRegistration,
  type Finding,
  finding,
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
        { values: ["毕业", "结业"], received: c },
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
    findings: [finding("roster.unreadable-row", [], { reason: b.reason, ...b.params }, { locale })],
  };
}

/** `checkBatch`'s duplicate checks, in its order; the certificate number is not a roster column. */
const duplicateChecks = [
  { code: "batch.duplicate-id", path: ["id", "number"], key: (s: unknown) => idKey(rec(s)?.id) },
  {
    code: "batch.duplicate-student-number",
    path: ["studentNumber"],
    key: (s: unknown) => textKey(rec(s)?.studentNumber),
  },
  { code: "batch.duplicate-name", path: ["name"], key: (s: unknown) => nameKey(rec(s)?.name) },
] as const;

/** The entries (report positions, 0-based) and spreadsheet rows that share one key. */
interface Group {
  indices: number[];
  rows: number[];
}

/** FNV-1a over UTF-16 code units: a 32-bit fingerprint of a key, to find candidates compactly. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A growable `Int32Array`: 4 bytes a value, where a `Map` of strings takes ~70. */
class Int32List {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The values that occur more than once. */
  repeated(): Set<number> {
    const sorted = this.data.slice(0, this.length).sort();
    const out = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i] as number);
    return out;
  }
}

/**
 * Duplicates across the roster's rows (3.1, 4.2.3), found without keeping the rows. First pass:
 * `add` each student — only a 32-bit fingerprint of each key is kept (4 bytes a key). `seal` keeps
 * the fingerprints seen twice or more; when there are any (shared keys, or rare fingerprint
 * collisions), a second read gives `addCandidate` the students again and the real keys are grouped
 * for those only, so a collision never becomes a finding. Then `findings` for each student. Every
 * occurrence gets the finding, as from `checkBatch`, with `params.indices` the positions of all of
 * them in the report's `students` (0-based, as `checkBatch` numbers its registrations; messages
 * count from 1) and `params.rows` their spreadsheet rows.
 */
export class Duplicates {
  private fingerprints: Int32List[] = duplicateChecks.map(() => new Int32List());
  private candidates: Set<number>[] = [];
  private first: Map<string, { entry: number; row: number }>[] = duplicateChecks.map(() => new Map());
  private readonly groups: Map<string, Group>[] = duplicateChecks.map(() => new Map());

  add(input: unknown): void {
    duplicateChecks.forEach((c, i) => {
      const k = c.key(input);
      if (k !== undefined) this.fingerprints[i]?.push(hash32(k));
    });
  }

  /** End of the first read: whether `addCandidate` needs a second one. */
  seal(): boolean {
    this.candidates = this.fingerprints.map((f) => f.repeated());
    this.fingerprints = [];
    return this.candidates.some((c) => c.size > 0);
  }

  addCandidate(entry: number, row: number, input: unknown): void {
    duplicateChecks.forEach((c, i) => {
      const k = c.key(input);
      if (k === undefined || !this.candidates[i]?.has(hash32(k))) return;
      const first = this.first[i] as Map<string, { entry: number; row: number }>;
      const groups = this.groups[i] as Map<string, Group>;
      const g = groups.get(k);
      if (g) {
        g.indices.push(entry);
        g.rows.push(row);
        return;
      }
      const at = first.get(k);
      if (at === undefined) first.set(k, { entry, row });
      else groups.set(k, { indices: [at.entry, entry], rows: [at.row, row] });
    });
  }

  /** The duplicate findings of one student (paths relative to the student). */
  findings(entry: number, input: unknown, locale: Locale): Finding[] {
    this.first = [];
    const out: Finding[] = [];
    duplicateChecks.forEach((c, i) => {
      const groups = this.groups[i];
      if (groups === undefined || groups.size === 0) return;
      const k = c.key(input);
      const g = k === undefined ? undefined : groups.get(k);
      if (!g?.indices.includes(entry)) return;
      out.push(
        finding(c.code, [...c.path], { received: k as string, indices: g.indices, rows: g.rows }, { locale }),
      );
    });
    return out;
  }
}

/** Adds a student's extra findings (duplicates, photos) after its own, each (code, path) once. */
export function withFindings(report: StudentReport, extra: readonly Finding[]): StudentReport {
  return extra.length === 0 ? report : { ...report, findings: dedupe([...report.findings, ...extra]) };
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
