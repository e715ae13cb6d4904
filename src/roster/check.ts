/**
 * One run of checking a roster, rule-free: the passes that feed the core's checks the roster's rows
 * (`checkStudentRegistration` per row, `DuplicateIndex` across rows, the photo folder's findings, the
 * window once) and make the report. Shared by the CLI, which streams large CSVs through it in
 * bounded memory, and by a page, which checks a roster read whole (`checkRoster`). Browser-safe.
 */
import { DuplicateIndex } from "../batch/duplicates.js";
import { XueliError } from "../core/error.js";
import type { PhotoNaming } from "../core/vocabulary.js";
import type { Batch } from "../entities/batch.js";
import {
  type Finding,
  type FindingCode,
  finding,
  type LocaleOptions,
  resolveLocale,
} from "../findings/index.js";
import { matchPhotos, type PhotoFolderStudent } from "../photo/match.js";
import { checkStudentRegistration, checkWindow } from "../registration/check.js";
import type { RosterColumns, RosterStudent } from "./map.js";
import type { Roster } from "./read.js";
import {
  capFinding,
  type PhotoFileEntry,
  type PhotosReport,
  type Report,
  type ReportSummary,
  type SkippedColumn,
  type StudentReport,
  Tally,
  type WindowReport,
} from "./report.js";
import type { RosterEvent, RosterHeader } from "./rows.js";

/**
 * The rules each required column feeds: skipped, and named once in the summary, when a roster lacks
 * the column (issue 14.5). A column whose absence skips only its own shape check has none.
 */
export const rulesByColumn: Readonly<Record<string, readonly FindingCode[]>> = {
  studentNumber: ["student-number.characters", "batch.duplicate-student-number"],
  name: ["name.empty", "name.characters", "name.whitespace", "name.missing-dot", "batch.duplicate-name"],
  sex: ["id.sex-mismatch"],
  ethnicity: ["ethnicity.empty", "ethnicity.unknown", "ethnicity.renamed"],
  "id.number": [
    "id.format",
    "id.checksum",
    "id.birth-date",
    "id.region",
    "id.legacy",
    "id.sex-mismatch",
    "batch.duplicate-id",
    "roster.id-as-number",
  ],
  degreeLevel: [],
  trainingUnit: [],
  admissionYear: [],
  "origin.value": [
    "origin.empty",
    "origin.format",
    "origin.levels",
    "origin.unknown",
    "origin.mismatch",
    "origin.not-in-force",
    "origin.statistical-only",
  ],
  "origin.reviewed": ["origin.not-reviewed"],
  "photo.uploaded": ["photo.missing"],
  "study.creditsComplete": ["study.incomplete"],
  "study.requiredSegmentsComplete": ["study.incomplete"],
  "study.thesisComplete": ["study.incomplete"],
  "study.defense": ["conclusion.ineligible"],
};

/** Options of a run (`RosterCheck`, `checkRoster`). */
export interface RosterCheckOptions extends LocaleOptions {
  /** The batch the students are checked for (its dates, school and id are the rules'). */
  batch: Batch;
  /**
   * The instant the window (2.1) is judged at, once for the run: a `Date`, or ISO 8601 with an
   * offset. Absent: the data alone are checked, no window [decision, issue 14.1].
   */
  at?: Date | string;
  /** Keep what a photo folder check needs of each student (`photoStudents()`). */
  photos?: boolean;
}

/**
 * A photo folder's findings, matched to `photoStudents()`: what `checkPhotoFolder` (Node) or
 * `matchPhotos` plus `checkPhoto` on each file (a page) give.
 */
export interface RosterPhotos {
  /** The folder as shown in the report. */
  dir: string;
  /** Every file, in the folder's order. */
  files: readonly {
    fileName: string;
    /** Never a photo (a dotfile, `Thumbs.db`): not counted. */
    ignored?: boolean;
    /** The student the name matches: its position in `photoStudents()`, or its student number. */
    student?: number;
    studentNumber?: string;
    /** The file's own findings, paths relative to the file. */
    findings: readonly Finding[];
  }[];
  /** By position in `photoStudents()`: everything about the student's photo (pathed `["files", …]`, `["students", …]`). */
  students: readonly { findings: readonly Finding[] }[];
  /** Every finding of the folder check, the students' among them (the same objects). */
  findings: readonly Finding[];
}

/** What is known of the roster after a full pass, for the summary. */
export interface RosterRunInfo {
  /** Lines (rows, elements) read. */
  linesRead: number;
  /** A workbook's sheets, and the one read. */
  sheets?: readonly string[];
  sheet?: { name: string; index: number };
}

/** Most findings about rows kept between the passes, footer lines named: bounds for hostile files. */
const MAX_NOTES = 10_000;
const MAX_FOOTER = 100;

/** A cell's text as the report shows who a row is. */
function str(v: unknown): string | null {
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t.length > 200 ? `${t.slice(0, 199)}…` : t;
  }
  return typeof v === "number" ? String(v) : null;
}

function field(input: unknown, key: string): unknown {
  if (typeof input !== "object" || input === null) return undefined;
  try {
    return (input as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function text(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/**
 * What the photo folder check needs of a roster row: its student number and ID number (either may
 * be missing in a partial roster: the naming one is what matters), name, admission year.
 */
function folderStudent(s: RosterStudent): PhotoFolderStudent | undefined {
  const studentNumber = text(field(s.input, "studentNumber"));
  const number = text(field(field(s.input, "id"), "number"));
  if (studentNumber === undefined && number === undefined) return undefined;
  const out: PhotoFolderStudent = { studentNumber: studentNumber ?? "", id: { number: number ?? "" } };
  const name = text(field(s.input, "name"));
  if (name !== undefined) out.name = name;
  const year = field(s.input, "admissionYear");
  if (typeof year === "number") out.admissionYear = year;
  return out;
}

/** An ID number a spreadsheet stored as a number: a number, or text in scientific notation. */
const SCIENTIFIC = /^\s*\d+(?:\.\d+)?[eE]\+?\d+\s*$/;

/** The number as received, when the ID number cell was a number; else `undefined`. */
function idAsNumber(input: unknown): string | undefined {
  const n = field(field(input, "id"), "number");
  if (typeof n === "number" && Number.isFinite(n)) return String(n);
  if (typeof n === "string" && SCIENTIFIC.test(n)) return n.trim();
  return undefined;
}

type Phase = "add" | "confirm" | "check";

/**
 * One run of checking a roster, fed the roster's events in passes, in memory that does not grow
 * with the roster (only a fingerprint of each duplicate key, and with photos what the folder check
 * needs of each student, are kept between passes):
 *
 * 1. `add(event)` every event of the roster, in order (header, rows, footer lines, notes);
 * 2. `seal()` — true when duplicate keys repeat: then `confirm(event)` every event again;
 * 3. with photos, `photoStudents()` to the folder check, its result to `setPhotos(result)`;
 * 4. `check(event)` every event again: each row's `StudentReport`, in row order, to write at once;
 * 5. `finish(info)` — the summary and the photo folder's part of the report.
 *
 * Each row gets the core's one check (`checkStudentRegistration`; for a roster that lacks some
 * required columns, the rules those columns allow — `present`), its duplicate findings
 * (`DuplicateIndex`), its photo's findings, and what reading found about it (a stray quote). An ID
 * number a spreadsheet stored as a number is `roster.id-as-number`. The window (2.1) is checked
 * once, when `at` is given (`window`). A `fatal` event is the caller's to act on (nothing is read
 * after it). Throws `XueliError` (`context.at`) for an `at` that is no instant with an offset.
 * @example
 * const stream = createRosterStream();
 * const events = [...stream.push(rosterCsv), ...stream.end()];
 * const run = new RosterCheck({ batch: ucas2022Batch3 });
 * for (const e of events) run.add(e);
 * if (run.seal()) for (const e of events) run.confirm(e);
 * const students = events.map((e) => run.check(e)).filter((s) => s !== undefined);
 * students.map((s) => s.findings.map((f) => f.code)) //=> [[], ["id.checksum"]]
 * const { summary } = run.finish({ linesRead: 3 });
 * [summary.students, summary.errors, summary.byCode] //=> [2, 1, { "id.checksum": 1 }]
 */
export class RosterCheck {
  /** The window of the run, when `at` was given. */
  readonly window: WindowReport | undefined;
  private readonly batch: Batch;
  private readonly locale: LocaleOptions;
  private readonly withPhotos: boolean;
  private readonly duplicates: DuplicateIndex;
  private readonly tally = new Tally();
  private phase: Phase = "add";
  private header_: RosterHeader | undefined;
  private columns_: RosterColumns | undefined;
  private present: ReadonlySet<string> | undefined;
  private skipped: SkippedColumn[] = [];
  private readonly notes = new Map<number, Finding[]>();
  private readonly rosterNotes_: Finding[] = [];
  private noted = 0;
  private readonly footer = { count: 0, rows: [] as number[] };
  private readonly listed: PhotoFolderStudent[] = [];
  /** Position in `listed` of each row entry that has a folder student. */
  private readonly listedAt = new Map<number, number>();
  /** The roster row of each listed student. */
  private readonly listedRow: number[] = [];
  private photoFindings = new Map<number, Finding[]>();
  private photos: PhotosReport | undefined;
  private entry = 0;

  constructor(options: RosterCheckOptions) {
    if (typeof options !== "object" || options === null || typeof options.batch !== "object") {
      throw new XueliError("option.invalid", "RosterCheck needs options with a batch");
    }
    this.batch = options.batch;
    this.locale = { locale: resolveLocale(options) };
    this.withPhotos = options.photos === true;
    this.duplicates = new DuplicateIndex(this.locale);
    if (options.at !== undefined) {
      const r = checkWindow(options.batch, options.at, this.locale);
      const at = typeof options.at === "string" ? options.at : options.at.toISOString();
      this.window = { at, findings: r.findings.map(capFinding) };
      this.tally.add(this.window.findings, false);
    }
  }

  /** The header read and its columns (known after the first events of pass 1). */
  get header(): RosterHeader | undefined {
    return this.header_;
  }

  get columns(): RosterColumns | undefined {
    return this.columns_;
  }

  /** Findings about lines that are no row (a stray quote on a footer line): the caller shows them once. */
  get rosterNotes(): readonly Finding[] {
    return this.rosterNotes_;
  }

  /** Footer lines skipped so far (rows: the first 100). */
  get footerLines(): { count: number; rows: readonly number[] } {
    return this.footer;
  }

  /** Pass 1: one event of the roster, in order. */
  add(e: RosterEvent): void {
    this.expect("add");
    switch (e.kind) {
      case "header":
        this.onHeader(e.header, e.columns);
        break;
      case "footer":
        this.footer.count += 1;
        if (this.footer.rows.length < MAX_FOOTER) this.footer.rows.push(e.footer.row);
        break;
      case "note":
        if (this.noted >= MAX_NOTES) break;
        this.noted += 1;
        if (e.row === 0) this.rosterNotes_.push(e.finding);
        else this.notes.set(e.row, [...(this.notes.get(e.row) ?? []), e.finding]);
        break;
      case "row": {
        const entry = this.entry++;
        const row = e.row;
        if (row.kind !== "student") break;
        this.duplicates.add({ student: row.input });
        if (this.withPhotos) {
          const fs = folderStudent(row);
          if (fs !== undefined) {
            this.listedAt.set(entry, this.listed.length);
            this.listedRow.push(row.row);
            this.listed.push(fs);
          }
        }
        break;
      }
      default:
        break;
    }
  }

  /** The end of pass 1: true when `confirm` must see every event again (keys that repeat). */
  seal(): boolean {
    this.expect("add");
    this.entry = 0;
    const again = this.duplicates.seal();
    this.phase = again ? "confirm" : "check";
    return again;
  }

  /** Pass 1b, after `seal()` gave true: one event again, in the same order. */
  confirm(e: RosterEvent): void {
    this.expect("confirm");
    if (e.kind !== "row") return;
    const entry = this.entry++;
    if (e.row.kind === "student") this.duplicates.confirm(entry, { student: e.row.input }, e.row.row);
  }

  /** What a photo folder check needs of each student, in roster order (with `photos: true`). */
  photoStudents(): readonly PhotoFolderStudent[] {
    return this.listed;
  }

  /** The photo folder's findings, matched to `photoStudents()`: filed with each student, the rest the folder's. */
  setPhotos(result: RosterPhotos): void {
    if (this.phase === "confirm") this.toCheck();
    this.expect("check");
    const filed = new Set<Finding>();
    const byStudent = new Map<number, Finding[]>();
    const duplicateOf = new Map<number, Finding>();
    result.students.forEach((s, i) => {
      if (i >= this.listed.length || s.findings.length === 0) return;
      for (const f of s.findings) {
        filed.add(f);
        if (f.code === "photo.duplicate") duplicateOf.set(i, f);
      }
      byStudent.set(
        i,
        s.findings.map((f) => capFinding({ ...f, path: ["photos", ...f.path] })),
      );
    });
    this.photoFindings = byStudent;
    const bySn = new Map<string, number>();
    this.listed.forEach((s, i) => {
      const k = s.studentNumber.trim().toUpperCase();
      if (k !== "" && !bySn.has(k)) bySn.set(k, i);
    });
    const fileList: PhotoFileEntry[] = [];
    for (const f of result.files) {
      if (f.ignored === true) continue;
      const i =
        f.student ??
        (f.studentNumber === undefined ? undefined : bySn.get(f.studentNumber.trim().toUpperCase()));
      const s = i === undefined ? undefined : this.listed[i];
      const dup = i === undefined ? undefined : duplicateOf.get(i);
      fileList.push({
        fileName: f.fileName,
        studentNumber: s === undefined ? null : s.studentNumber.trim() || null,
        row: i === undefined ? null : (this.listedRow[i] ?? null),
        findings: [...f.findings, ...(dup === undefined ? [] : [dup])].map(capFinding),
      });
    }
    this.photos = {
      dir: result.dir,
      files: fileList.length,
      fileList,
      findings: result.findings.filter((f) => !filed.has(f)).map(capFinding),
    };
    this.listed.length = 0;
  }

  /** Pass 2: one event again; a row's report (to write at once), `undefined` for any other event. */
  check(e: RosterEvent): StudentReport | undefined {
    if (this.phase === "confirm") this.toCheck();
    this.expect("check");
    if (e.kind !== "row") return undefined;
    const entry = this.entry++;
    const row = e.row;
    // What reading found about the row (a stray quote) comes first.
    const notes = this.notes.get(row.row) ?? [];
    let report: StudentReport;
    if (row.kind === "unreadable") {
      report = { row: row.row, studentNumber: null, name: null, findings: [...notes, ...row.findings] };
    } else {
      const findings = [...notes, ...(row.findings ?? []), ...this.studentFindings(row)];
      const at = this.listedAt.get(entry);
      const photo = at === undefined ? undefined : this.photoFindings.get(at);
      if (photo !== undefined) findings.push(...photo);
      report = {
        row: row.row,
        studentNumber: str(field(row.input, "studentNumber")),
        name: str(field(row.input, "name")),
        findings,
      };
    }
    report.findings = report.findings.map(capFinding);
    this.tally.add(report.findings, true);
    return report;
  }

  /** After pass 2: the summary and the photo folder's part of the report. */
  finish(info: RosterRunInfo): { summary: ReportSummary; photos?: PhotosReport } {
    if (this.photos !== undefined) this.tally.add(this.photos.findings, false);
    const counts = this.tally.counts();
    const summary: ReportSummary = {
      linesRead: info.linesRead,
      students: counts.students,
      photos: this.photos?.files ?? 0,
      errors: counts.errors,
      warnings: counts.warnings,
      byCode: counts.byCode,
      ...(info.sheet === undefined ? {} : { sheet: { ...info.sheet, count: info.sheets?.length ?? 1 } }),
      footer: { count: this.footer.count, rows: [...this.footer.rows] },
      skipped: this.skipped,
    };
    return this.photos === undefined ? { summary } : { summary, photos: this.photos };
  }

  /** The core's check of one student, its duplicates, an ID number stored as a number. */
  private studentFindings(row: RosterStudent): Finding[] {
    const options: Parameters<typeof checkStudentRegistration>[1] = { batch: this.batch, ...this.locale };
    if (row.conclusion !== undefined) options.conclusion = row.conclusion;
    if (this.present !== undefined) options.present = this.present;
    let findings = checkStudentRegistration(row.input, options).findings;
    const asNumber = idAsNumber(row.input);
    if (asNumber !== undefined) {
      // [decision] The cell's type, not the number, is what is wrong: one finding that says so
      // instead of "expected text" or a misleading checksum.
      findings = findings.filter((f) => f.path.join(".") !== "id.number");
      findings.push(finding("roster.id-as-number", ["id", "number"], { received: asNumber }, this.locale));
    }
    const duplicates = this.duplicates
      .findingsOf({ student: row.input })
      .map((f) => (f.path[0] === "student" ? { ...f, path: f.path.slice(1) } : f));
    return duplicates.length === 0 ? findings : [...findings, ...duplicates];
  }

  private onHeader(header: RosterHeader, columns: RosterColumns): void {
    this.header_ = header;
    this.columns_ = columns;
    if (columns.missing.length === 0) return;
    // A partial roster (issue 14.5): the rules the columns it has allow.
    this.present = new Set(columns.recognised.map((c) => c.key));
    this.skipped = columns.missing.map((m) => ({
      key: m.key,
      header: m.header,
      codes: [...(rulesByColumn[m.key] ?? [])],
    }));
  }

  private toCheck(): void {
    this.phase = "check";
    this.entry = 0;
  }

  private expect(phase: Phase): void {
    if (this.phase !== phase) {
      throw new XueliError(
        "argument.invalid",
        `RosterCheck: ${phase} after the run moved on (${this.phase})`,
      );
    }
  }
}

/** The photos of `checkRoster`: a folder's file names, and each file's own findings when read. */
export interface CheckRosterPhotos {
  /** The folder as the report names it. */
  dir?: string;
  /** The file names of the folder (a folder picker's `File` names). */
  fileNames: readonly string[];
  /** How the files are named (5.3.3). */
  namedBy: PhotoNaming;
  /** The admission year chosen for an upload named by ID number (5.3). */
  admissionYear?: number;
  /** Each file's own findings (`checkPhoto` on its bytes), by file name; paths relative to the file. */
  files?: ReadonlyMap<string, readonly Finding[]>;
}

/** Options of `checkRoster`. */
export interface CheckRosterOptions extends Omit<RosterCheckOptions, "photos"> {
  photos?: CheckRosterPhotos;
}

/**
 * The events of a roster read whole, in the order a streamed reading gives them.
 * @example
 * const r = await readRoster(rosterCsv);
 * r.ok && rosterEvents(r.value).map((e) => e.kind) //=> ["header", "row", "row"]
 */
export function rosterEvents(roster: Roster): RosterEvent[] {
  const out: RosterEvent[] = [];
  if (roster.header !== undefined || roster.columns.recognised.length > 0) {
    out.push({ kind: "header", header: roster.header ?? { row: 0, cells: [] }, columns: roster.columns });
  }
  for (const footer of roster.footer) out.push({ kind: "footer", footer });
  // Roster-level warnings (a stray quote on a line that is not a row) come as notes of row 0.
  for (const f of roster.findings) if (f.severity !== "error") out.push({ kind: "note", row: 0, finding: f });
  for (const row of roster.rows) out.push({ kind: "row", row });
  return out;
}

/**
 * `matchPhotos` and each file's own findings, as `RosterPhotos`, in `checkPhotoFolder`'s order (so
 * that a page's report is the CLI's, finding for finding): a file's findings are its `photo.orphan`,
 * then its bytes', then its name's; a student's, their own (`photo.missing` …), then their files'.
 */
function matched(photos: CheckRosterPhotos, students: readonly PhotoFolderStudent[], o: LocaleOptions) {
  const options: Parameters<typeof matchPhotos>[2] = { namedBy: photos.namedBy, ...o };
  if (photos.admissionYear !== undefined) options.admissionYear = photos.admissionYear;
  const m = matchPhotos(photos.fileNames, students, options);
  const value = m.value;
  const all: Finding[] = m.findings.filter((f) => f.path.length === 0);
  const studentsOut = (value?.students ?? []).map((s) => ({
    findings: s.findings.filter((f) => f.path[0] === "students"),
  }));
  const theirs: Finding[][] = studentsOut.map(() => []);
  const files = (value?.files ?? []).map((f) => {
    const own = photos.files?.get(f.fileName) ?? [];
    const findings =
      f.findings.length === 0
        ? [...own]
        : [
            ...f.findings.filter((x) => x.code === "photo.orphan"),
            ...own,
            ...f.findings.filter((x) => x.code !== "photo.orphan"),
          ];
    if (!f.ignored && findings.length > 0) {
      const pathed = findings.map((x) => ({ ...x, path: ["files", f.fileName, ...x.path] }) as Finding);
      all.push(...pathed);
      if (f.student !== undefined) theirs[f.student]?.push(...pathed);
    }
    const out: RosterPhotos["files"][number] = { fileName: f.fileName, ignored: f.ignored, findings };
    return f.student === undefined ? out : { ...out, student: f.student };
  });
  studentsOut.forEach((s, i) => {
    all.push(...s.findings);
    s.findings.push(...(theirs[i] ?? []));
  });
  return { dir: photos.dir ?? "", files, students: studentsOut, findings: all } satisfies RosterPhotos;
}

/**
 * Checks a roster read whole (`readRoster`'s value) and makes its report — what `xueli check
 * --format json` prints, for a page that has the roster and a folder picker's photos: every row
 * checked (`RosterCheck`), duplicates across rows, the photo folder matched (`matchPhotos`, and each
 * file's own findings when given), the window once when `at` is given. Synchronous and pure.
 * @example
 * const r = await readRoster(rosterCsv);
 * const fileNames = ["2019E8012345001.jpg"]; // a folder picker's files
 * const report = checkRoster(r.value, { batch: ucas2022Batch3, photos: { fileNames, namedBy: "student-number" } });
 * report.students.map((s) => s.findings.map((f) => f.code)) //=> [[], ["id.checksum", "photo.missing"]]
 * [report.summary.errors, report.summary.photos] //=> [2, 1]
 */
export function checkRoster(roster: Roster, options: CheckRosterOptions): Report {
  if (typeof roster !== "object" || roster === null || !Array.isArray(roster.rows)) {
    throw new XueliError("argument.invalid", "checkRoster checks a Roster (readRoster's value)");
  }
  const { photos, ...rest } = options;
  const run = new RosterCheck({ ...rest, photos: photos !== undefined });
  const events = rosterEvents(roster);
  for (const e of events) run.add(e);
  if (run.seal()) for (const e of events) run.confirm(e);
  if (photos !== undefined)
    run.setPhotos(matched(photos, run.photoStudents(), { locale: resolveLocale(rest) }));
  const students: StudentReport[] = [];
  for (const e of events) {
    const s = run.check(e);
    if (s !== undefined) students.push(s);
  }
  const info: RosterRunInfo = { linesRead: roster.linesRead, sheets: roster.sheets };
  if (roster.sheet !== undefined) info.sheet = roster.sheet;
  const end = run.finish(info);
  // The key order of the JSON report: batch, window, students, photos, summary.
  return {
    batch: options.batch,
    ...(run.window === undefined ? {} : { window: run.window }),
    students,
    ...(end.photos === undefined ? {} : { photos: end.photos }),
    summary: end.summary,
  };
}
