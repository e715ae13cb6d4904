/**
 * Matching a folder's file names to the roster (5.3.3, 5.3), without reading a byte: pure, so that
 * `checkPhotoFolder` on a server and a browser tool on a folder picker's files make the same
 * findings.
 */
import { XueliError } from "../core/error.js";
import type { Path } from "../core/result.js";
import type { PhotoNaming } from "../core/vocabulary.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  toResult,
} from "../findings/index.js";
import { baseName, splitName } from "./file-name.js";
import { localeOf, readOptions, typeOf } from "./options.js";
import { fileNameRule } from "./rules/file-name.js";

/** What matching needs of each student: `studentNumber`, `name` and `id` of a `Student`. */
export interface PhotoFolderStudent {
  studentNumber: string;
  name?: string;
  id: { number: string; type?: string };
  /** When present, compared with the chosen `admissionYear` (a batch upload has one year). */
  admissionYear?: number;
}

/** Options of {@link matchPhotos}. */
export interface MatchPhotosOptions extends LocaleOptions {
  /** How the files are named (5.3.3): by ID number (then an admission year must be chosen) or student number. */
  namedBy: PhotoNaming;
  /** The admission year chosen for the batch upload; required when named by ID number (5.3). */
  admissionYear?: number;
}

/** One file name, in the order given. Its `findings` have paths relative to the file (`[]`, `["fileName"]`). */
export interface PhotoFileMatch {
  fileName: string;
  /** What is never a photo (dotfiles, `Thumbs.db`, `desktop.ini`): no findings, not to be checked. */
  ignored: boolean;
  /** Index in `students` of the student the name matches; absent for an orphan or an ignored file. */
  student?: number;
  /** That student's student number. */
  studentNumber?: string;
  /** `photo.orphan` and `photo.file-name`: what the name alone says. */
  findings: Finding[];
}

/** One student, in roster order. */
export interface PhotoStudentMatch {
  studentNumber: string;
  name?: string;
  /** The names of the student's files (more than one: `photo.duplicate`; none: `photo.missing`). */
  files: string[];
  /** Their indices in `fileNames` (and in `PhotoMatch.files`). */
  fileIndices: number[];
  /**
   * `photo.missing`, `photo.duplicate`, `photo.admission-year` pathed `["students", studentNumber]`,
   * then the naming findings of the student's files pathed `["files", fileName, …]`: everything the
   * names say about one student.
   */
  findings: Finding[];
}

/** The value of {@link matchPhotos}. */
export interface PhotoMatch {
  namedBy: PhotoNaming;
  admissionYear?: number;
  /** One per file name given, in the same order. */
  files: PhotoFileMatch[];
  /** One per student given, in the same order. */
  students: PhotoStudentMatch[];
}

// Files the operating system leaves in folders; never photos, never orphans.
const JUNK = new Set(["thumbs.db", "desktop.ini", "ehthumbs.db"]);

/** True for a name that is never a photo: a dotfile (`.DS_Store`), `Thumbs.db`, `desktop.ini`. */
function isJunk(name: string): boolean {
  return name === "" || name.startsWith(".") || JUNK.has(name.toLowerCase());
}

/** Matching key: trimmed, upper-cased ([decision] file systems on Windows and macOS ignore case). */
function keyOf(v: string): string {
  return v.trim().toUpperCase();
}

/** A student read once: identifiers as strings ("" when missing or unreadable). */
interface RosterEntry {
  studentNumber: string;
  id: string;
  name?: string;
  admissionYear?: number;
}

function entryOf(s: unknown): RosterEntry {
  const e: RosterEntry = { studentNumber: "", id: "" };
  try {
    if (typeof s !== "object" || s === null) return e;
    const r = s as Record<string, unknown>;
    const sn = r.studentNumber;
    const id = r.id;
    const number = typeof id === "object" && id !== null ? (id as Record<string, unknown>).number : undefined;
    const name = r.name;
    const year = r.admissionYear;
    if (typeof sn === "string") e.studentNumber = sn;
    if (typeof number === "string") e.id = number;
    if (typeof name === "string") e.name = name;
    if (typeof year === "number") e.admissionYear = year;
  } catch {
    // A record whose getters throw names nobody: its student gets photo.missing.
  }
  return e;
}

/** An array argument read once, element by element; a Proxy that throws is a programmer error. */
function listOf(v: unknown, what: string): unknown[] {
  try {
    if (!Array.isArray(v))
      throw new XueliError("option.invalid", `${what} must be an array, got ${typeOf(v)}`);
    const n = v.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = v[i];
    return out;
  } catch (e) {
    if (e instanceof XueliError) throw e;
    throw new XueliError("option.invalid", `${what} could not be read`);
  }
}

function prefixed(findings: readonly Finding[], prefix: Path): Finding[] {
  return findings.map((f) => ({ ...f, path: [...prefix, ...f.path] }));
}

/**
 * Matches a folder's file names to the roster's students for a batch upload (5.3.3, 5.3), by ID
 * number or student number as `namedBy` says, case-insensitively ([decision]: Windows and macOS
 * ignore case; an ID number's `x` is its `X`). Dotfiles, `Thumbs.db` and `desktop.ini` are ignored.
 * Gives `photo.orphan` for a file that matches nobody (with `suggestion`, the right name, when it is
 * the *other* identifier of a student), `photo.file-name` for a name that breaks 5.3.3,
 * `photo.duplicate` for a student with several files (`.jpg` and `.JPG`), `photo.missing` for a
 * student with none, and `photo.admission-year`: for the folder when it is named by ID number and no
 * year is chosen, for a student whose own admission year differs from the chosen one.
 *
 * Pure and synchronous: reads no file. `checkPhotoFolder` uses it on a folder's listing; a browser
 * tool can use it on a folder picker's `File` names, then `checkPhoto` each matched file. Findings
 * are pathed as `checkPhotoFolder`'s: `["files", fileName, …]`, `["students", studentNumber]`, `[]`.
 * Throws `XueliError` for bad options (a `namedBy` that is neither naming, a year that is not an
 * integer, `fileNames` that are not strings); bad roster records give findings.
 *
 * @example
 * const students = [
 *   { studentNumber: "2019E8012345601", id: { number: "110108199805121233" } },
 *   { studentNumber: "2019E8012345602", id: { number: "110108199805121241" } },
 * ];
 * const m = matchPhotos(["2019E8012345601.jpg", "张三.jpg", ".DS_Store"], students, { namedBy: "student-number" });
 * m.value.files.map((f) => f.student) //=> [0, undefined, undefined]
 * m.findings.map((f) => [f.code, f.path])
 * //=> [["photo.orphan", ["files", "张三.jpg"]], ["photo.file-name", ["files", "张三.jpg", "fileName"]],
 * //    ["photo.missing", ["students", "2019E8012345602"]]]
 */
export function matchPhotos(
  fileNames: readonly string[],
  students: readonly PhotoFolderStudent[],
  options: MatchPhotosOptions,
): Result<PhotoMatch> {
  if (options === undefined) throw new XueliError("option.invalid", "matchPhotos needs options with namedBy");
  const o = readOptions(options, ["namedBy", "admissionYear", "locale"] as const, "matchPhotos");
  const locale = { locale: localeOf(o.locale) };
  const namedBy = o.namedBy;
  if (namedBy !== "id-number" && namedBy !== "student-number") {
    const shown = typeof namedBy === "string" ? JSON.stringify(namedBy) : typeOf(namedBy);
    throw new XueliError("option.invalid", `namedBy must be "id-number" or "student-number", got ${shown}`);
  }
  const admissionYear = o.admissionYear;
  if (admissionYear !== undefined && !Number.isSafeInteger(admissionYear)) {
    throw new XueliError("option.invalid", `admissionYear must be an integer, got ${typeOf(admissionYear)}`);
  }
  const year = admissionYear as number | undefined;
  const names = listOf(fileNames, "fileNames");
  names.forEach((n, i) => {
    if (typeof n !== "string") {
      throw new XueliError("option.invalid", `fileNames[${i}] must be a string, got ${typeOf(n)}`);
    }
  });
  const roster = listOf(students, "students").map(entryOf);

  const value: PhotoMatch = { namedBy, files: [], students: [] };
  if (year !== undefined) value.admissionYear = year;
  const all: Finding[] = [];
  if (namedBy === "id-number" && year === undefined) {
    all.push(finding("photo.admission-year", [], { namedBy }, locale));
  }

  // Roster keys: the naming identifier, and the other one to suggest a rename for a mis-named file.
  const byKey = new Map<string, number>();
  const byOther = new Map<string, number>();
  const named = (e: RosterEntry, by: PhotoNaming) => (by === "id-number" ? e.id : e.studentNumber).trim();
  roster.forEach((e, i) => {
    const key = keyOf(named(e, namedBy));
    const other = keyOf(named(e, namedBy === "id-number" ? "student-number" : "id-number"));
    if (key !== "" && !byKey.has(key)) byKey.set(key, i);
    if (other !== "" && !byOther.has(other)) byOther.set(other, i);
  });

  const perStudent = roster.map(() => ({
    files: [] as string[],
    fileIndices: [] as number[],
    findings: [] as Finding[],
  }));
  (names as string[]).forEach((fileName, i) => {
    const base = baseName(fileName);
    if (isJunk(base)) {
      value.files.push({ fileName, ignored: true, findings: [] });
      return;
    }
    const key = keyOf(splitName(base).stem);
    const index = key === "" ? undefined : byKey.get(key);
    const file: PhotoFileMatch = { fileName, ignored: false, findings: [] };
    if (index === undefined) {
      const params: FindingParams["photo.orphan"] = { received: fileName, namedBy };
      const other = key === "" ? undefined : byOther.get(key);
      const s = other === undefined ? undefined : roster[other];
      if (s !== undefined) {
        params.suggestion = `${named(s, namedBy)}.jpg`;
        params.studentNumber = s.studentNumber.trim();
      }
      file.findings.push(
        finding("photo.orphan", [], params, locale),
        ...fileNameRule(fileName, undefined, locale),
      );
    } else {
      const s = roster[index] as RosterEntry;
      file.student = index;
      file.studentNumber = s.studentNumber.trim();
      const student = { studentNumber: file.studentNumber, id: { number: s.id.trim() } };
      file.findings.push(...fileNameRule(fileName, student, locale));
    }
    value.files.push(file);
    const own = prefixed(file.findings, ["files", fileName]);
    all.push(...own);
    if (index !== undefined) {
      const entry = perStudent[index] as (typeof perStudent)[number];
      entry.files.push(fileName);
      entry.fileIndices.push(i);
      entry.findings.push(...own);
    }
  });

  roster.forEach((s, i) => {
    const entry = perStudent[i] as (typeof perStudent)[number];
    const path = ["students", s.studentNumber];
    const own: Finding[] = [];
    if (entry.files.length === 0) {
      own.push(finding("photo.missing", path, { expected: `${named(s, namedBy)}.jpg`, namedBy }, locale));
    } else if (entry.files.length > 1) {
      own.push(finding("photo.duplicate", path, { received: [...entry.files] }, locale));
    }
    if (
      namedBy === "id-number" &&
      year !== undefined &&
      s.admissionYear !== undefined &&
      s.admissionYear !== year
    ) {
      own.push(finding("photo.admission-year", path, { expected: year, received: s.admissionYear }, locale));
    }
    all.push(...own);
    const m: PhotoStudentMatch = {
      studentNumber: s.studentNumber,
      files: entry.files,
      fileIndices: entry.fileIndices,
      findings: [...own, ...entry.findings],
    };
    if (s.name !== undefined) m.name = s.name;
    value.students.push(m);
  });
  return toResult(value, all);
}
