import { constants } from "node:fs";
import { type FileHandle, open, readdir, realpath } from "node:fs/promises";
import { basename, join, sep } from "node:path";
import { XueliError } from "../core/error.js";
import { prefixFindings } from "../core/result.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  resolveLocale,
  toResult,
  type UnreadableReason,
} from "../findings/index.js";
import { splitName } from "../photo/file-name.js";
import {
  type BackgroundOptions,
  type CheckPhotoOptions,
  checkPhoto,
  defaultPhotoLimits,
  type PhotoFacts,
  type PhotoLimits,
} from "../photo/index.js";

/** Options of {@link checkPhotoFile}: those of `checkPhoto`, `fileName` defaulting to the path's. */
export interface CheckPhotoFileOptions extends Omit<CheckPhotoOptions, "fileName" | "totalBytes"> {
  /** The name checked against 5.3.3's naming rule; default the path's base name; `false` skips it. */
  fileName?: string | false;
}

/**
 * Checks a photo file: reads at most `limits.maxBytes + 1` bytes (so a 2 GB file costs nothing more
 * than a 40 K one) and runs `checkPhoto` on them, with the file's real size for the size check and
 * its base name for the naming rule. A file that cannot be opened gives `photo.unreadable` with the
 * system's error code in `params.reason`; nothing throws but programmer errors.
 *
 * @example
 * await checkPhotoFile("photos/110108200001011237.jpg");
 * //=> { ok: true, value: { format: "jpeg", width: 480, height: 640, bytes: 25215, dpi: 300, … }, findings: [] }
 * await checkPhotoFile("photos/张三.jpg", { locale: "en" });
 * //=> { ok: false, value: { … }, findings: [{ code: "photo.file-name", path: ["fileName"], … }] }
 */
export async function checkPhotoFile(
  path: string,
  options: CheckPhotoFileOptions = {},
): Promise<Result<PhotoFacts>> {
  resolveLocale(options);
  const maxBytes = options.limits?.maxBytes ?? defaultPhotoLimits.maxBytes;
  const { fileName: nameOption, ...rest } = options;
  const fileName = nameOption === false ? undefined : (nameOption ?? basename(path));
  const read = await readCapped(path, maxBytes + 1, false);
  const base: CheckPhotoOptions = { ...rest };
  if (fileName !== undefined) base.fileName = fileName;
  if ("error" in read) {
    const findings: Finding[] = [
      finding("photo.unreadable", [], { reason: read.error, received: path }, options),
    ];
    return toResult<PhotoFacts>(undefined, findings);
  }
  base.totalBytes = read.size;
  return await checkPhoto(read.bytes, base);
}

type Capped = { bytes: Uint8Array; size: number } | { error: UnreadableReason };

/** The file-system reasons a photo can be unreadable for; any other error code is `read-failed`. */
const FS_REASONS: ReadonlySet<string> = new Set([
  "ENOENT",
  "EACCES",
  "EPERM",
  "EISDIR",
  "ENOTDIR",
  "ELOOP",
  "EMFILE",
]);

/** The reason of `photo.unreadable` for a file-system error. */
function fsReason(e: unknown): UnreadableReason {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && FS_REASONS.has(code) ? (code as UnreadableReason) : "read-failed";
}

/** A worker's read buffer, reused from one file to the next (grown when a file needs more). */
interface Scratch {
  buf: Uint8Array;
}

/**
 * Reads the first `cap` bytes of a regular file; never follows a symbolic link when `noFollow`.
 * With `scratch`, the bytes are a view of its buffer, valid until the next read with it: a folder
 * of 10,000 photos then allocates 8 buffers instead of 10,000 (250 MB outside the V8 heap, freed
 * only at the next GC, was 20–35 MB of `xueli check`'s peak RSS).
 */
async function readCapped(path: string, cap: number, noFollow: boolean, scratch?: Scratch): Promise<Capped> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return { error: "not-a-file" };
    const want = Math.max(0, Math.min(stat.size, cap));
    let bytes: Uint8Array;
    if (scratch === undefined) bytes = new Uint8Array(want);
    else {
      if (scratch.buf.length < want) scratch.buf = new Uint8Array(want);
      bytes = scratch.buf.subarray(0, want);
    }
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(bytes, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { bytes: got === want ? bytes : bytes.subarray(0, got), size: Math.max(stat.size, got) };
  } catch (e) {
    return { error: fsReason(e) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** What the folder check needs of each student: `studentNumber`, `name` and `id` of a `Student`. */
export interface PhotoFolderStudent {
  studentNumber: string;
  name?: string;
  id: { number: string; type?: string };
  /** When present, compared with the chosen `admissionYear` (a batch upload has one year). */
  admissionYear?: number;
}

export type PhotoNaming = "id-number" | "student-number";

export interface CheckPhotoFolderOptions extends LocaleOptions {
  /** How the files are named (5.3.3): by ID number (then an admission year must be chosen) or student number. */
  namedBy: PhotoNaming;
  /** The admission year chosen for the batch upload; required when named by ID number (5.3). */
  admissionYear?: number;
  limits?: PhotoLimits;
  /** Also decode every photo and check its background (slower). */
  background?: boolean | BackgroundOptions;
  /** Files read and checked at the same time; default 8. */
  concurrency?: number;
}

/** One file of the folder. Its `findings` have paths relative to the file (`[]`, `["fileName"]`). */
export interface PhotoFileReport {
  fileName: string;
  /** Size on disk in bytes (0 when it could not be read). */
  bytes: number;
  /** The student it belongs to, when its name matched one. */
  studentNumber?: string;
  facts?: PhotoFacts;
  findings: Finding[];
}

/** One student of the roster, in roster order. Findings are pathed `["files", fileName, …]` for those of their files. */
export interface PhotoStudentReport {
  studentNumber: string;
  name?: string;
  /** The student's photo files (more than one: `photo.duplicate`; none: `photo.missing`). */
  files: string[];
  findings: Finding[];
}

/** The value of {@link checkPhotoFolder}. */
export interface PhotoFolderReport {
  dir: string;
  namedBy: PhotoNaming;
  admissionYear?: number;
  /** Every file considered, sorted by name. */
  files: PhotoFileReport[];
  students: PhotoStudentReport[];
}

// Files the operating system leaves in folders; never photos, never orphans.
const JUNK = new Set(["thumbs.db", "desktop.ini", "ehthumbs.db"]);

/**
 * Checks a folder of photos for a batch upload against the roster (5.3.3, 5.3): matches each file
 * to a student by ID number or student number (case-insensitively), then gives `photo.missing` for
 * a student without a file, `photo.orphan` for a file that matches nobody, `photo.duplicate` for a
 * student with several files (`.jpg` and `.JPG`), `photo.admission-year` when files are named by ID
 * number and no admission year is chosen, and each file's own `checkPhoto` findings. Reads files
 * with bounded parallelism, each capped at `maxBytes + 1` bytes; skips dotfiles and `Thumbs.db`;
 * never follows a symbolic link out of the folder.
 *
 * Findings are pathed `["files", fileName, …]` (a file's) or `["students", studentNumber]` (a
 * student's), `[]` for the folder; `value.students[i].findings` gathers everything about one student.
 *
 * @example
 * const r = await checkPhotoFolder("photos", students, { namedBy: "student-number" });
 * r.findings.map((f) => [f.code, f.path]);
 * //=> [["photo.orphan", ["files", "张三.jpg"]], ["photo.file-name", ["files", "张三.jpg", "fileName"]],
 * //    ["photo.missing", ["students", "2019E8012345678"]]]
 */
export async function checkPhotoFolder(
  dir: string,
  students: readonly PhotoFolderStudent[],
  options: CheckPhotoFolderOptions,
): Promise<Result<PhotoFolderReport>> {
  resolveLocale(options);
  const namedBy = options?.namedBy;
  if (namedBy !== "id-number" && namedBy !== "student-number") {
    throw new XueliError(
      "option.invalid",
      `namedBy must be "id-number" or "student-number", got ${String(namedBy)}`,
    );
  }
  if (!Array.isArray(students)) throw new XueliError("option.invalid", "students must be an array");
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const report: PhotoFolderReport = { dir, namedBy, files: [], students: [] };
  if (options.admissionYear !== undefined) report.admissionYear = options.admissionYear;
  const folder: Finding[] = [];

  if (namedBy === "id-number" && options.admissionYear === undefined) {
    folder.push(finding("photo.admission-year", [], { namedBy }, options));
  }

  // Roster keys: the naming identifier, and the other one to suggest a rename for a mis-named file.
  const byKey = new Map<string, number>();
  const byOther = new Map<string, number>();
  students.forEach((s, i) => {
    const sn = keyOf(s?.studentNumber);
    const id = keyOf(s?.id?.number);
    const [key, other] = namedBy === "id-number" ? [id, sn] : [sn, id];
    if (key !== "" && !byKey.has(key)) byKey.set(key, i);
    if (other !== "" && !byOther.has(other)) byOther.set(other, i);
  });

  let realDir: string;
  let entries: import("node:fs").Dirent[];
  try {
    realDir = await realpath(dir);
    entries = await readdir(realDir, { withFileTypes: true });
  } catch (e) {
    folder.push(finding("photo.unreadable", [], { reason: fsReason(e), received: dir }, options));
    return toResult(report, folder);
  }

  const candidates = entries
    .filter(
      (e) => !e.name.startsWith(".") && !JUNK.has(e.name.toLowerCase()) && (e.isFile() || e.isSymbolicLink()),
    )
    .map((e) => ({ name: e.name, link: e.isSymbolicLink() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const maxBytes = options.limits?.maxBytes ?? defaultPhotoLimits.maxBytes;
  const files: (PhotoFileReport | undefined)[] = new Array(candidates.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    // One entry at a time per worker, so its read buffer is free again when the next one starts.
    const scratch: Scratch = { buf: new Uint8Array(0) };
    for (;;) {
      const k = next++;
      const c = candidates[k];
      if (c === undefined) return;
      files[k] = await checkEntry(c.name, c.link, scratch);
    }
  };
  const checkEntry = async (
    name: string,
    link: boolean,
    scratch: Scratch,
  ): Promise<PhotoFileReport | undefined> => {
    const key = keyOf(splitName(name).stem);
    const index = byKey.get(key);
    const student = index === undefined ? undefined : students[index];
    const failed = (reason: UnreadableReason): PhotoFileReport => {
      const f: PhotoFileReport = {
        fileName: name,
        bytes: 0,
        findings: [finding("photo.unreadable", [], { reason }, options)],
      };
      if (student !== undefined) f.studentNumber = keyName(student, "student-number");
      return f;
    };
    let path = join(realDir, name);
    if (link) {
      // A link is followed only when its target is a regular file inside the folder.
      try {
        path = await realpath(path);
      } catch {
        return failed("broken-link");
      }
      if (!path.startsWith(realDir + sep)) return failed("link-outside-folder");
    }
    const read = await readCapped(path, maxBytes + 1, !link, scratch);
    if ("error" in read) {
      // A link to a directory inside the folder is not a photo: ignore it like a directory.
      if (read.error === "not-a-file" && link) return undefined;
      return failed(read.error);
    }
    const photoOptions: CheckPhotoOptions = { fileName: name, totalBytes: read.size };
    if (options.locale !== undefined) photoOptions.locale = options.locale;
    if (options.limits !== undefined) photoOptions.limits = options.limits;
    if (student !== undefined) {
      photoOptions.student = {
        studentNumber: keyName(student, "student-number"),
        id: { number: keyName(student, "id-number") },
      };
    }
    // Awaiting also covers the synchronous form: without `background` checkPhoto returns a Result.
    if (options.background !== undefined) photoOptions.background = options.background;
    const result = await checkPhoto(read.bytes, photoOptions);
    const f: PhotoFileReport = { fileName: name, bytes: read.size, findings: result.findings };
    if (result.value !== undefined) f.facts = result.value;
    if (student !== undefined) f.studentNumber = keyName(student, "student-number");
    return f;
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, candidates.length) }, worker));

  const all: Finding[] = [...folder];
  const perStudent = new Map<number, { files: string[]; findings: Finding[] }>();
  for (const f of files) {
    if (f === undefined) continue;
    report.files.push(f);
    const path = ["files", f.fileName];
    const own = prefixFindings(f.findings, path);
    const index = f.studentNumber === undefined ? undefined : byKey.get(keyOf(splitName(f.fileName).stem));
    if (index === undefined) {
      // Orphan: matches nobody. Suggest the right name when it is the other identifier of a student.
      const params: FindingParams["photo.orphan"] = { received: f.fileName, namedBy };
      const other = byOther.get(keyOf(splitName(f.fileName).stem));
      const s = other === undefined ? undefined : students[other];
      if (s !== undefined) {
        params.suggestion = `${keyName(s, namedBy)}.jpg`;
        params.studentNumber = keyName(s, "student-number");
      }
      const orphan = finding("photo.orphan", path, params, options);
      f.findings.unshift({ ...orphan, path: [] });
      all.push(orphan, ...own);
      continue;
    }
    all.push(...own);
    const entry = perStudent.get(index) ?? { files: [], findings: [] };
    entry.files.push(f.fileName);
    entry.findings.push(...own);
    perStudent.set(index, entry);
  }

  students.forEach((s, i) => {
    const sn = typeof s?.studentNumber === "string" ? s.studentNumber : "";
    const entry = perStudent.get(i) ?? { files: [], findings: [] };
    const studentFindings: Finding[] = [];
    const path = ["students", sn];
    if (entry.files.length === 0) {
      studentFindings.push(
        finding("photo.missing", path, { expected: `${keyName(s, namedBy)}.jpg`, namedBy }, options),
      );
    } else if (entry.files.length > 1) {
      studentFindings.push(finding("photo.duplicate", path, { received: entry.files }, options));
    }
    if (
      namedBy === "id-number" &&
      options.admissionYear !== undefined &&
      typeof s?.admissionYear === "number" &&
      s.admissionYear !== options.admissionYear
    ) {
      studentFindings.push(
        finding(
          "photo.admission-year",
          path,
          { expected: options.admissionYear, received: s.admissionYear },
          options,
        ),
      );
    }
    all.push(...studentFindings);
    const r: PhotoStudentReport = {
      studentNumber: sn,
      files: entry.files,
      findings: [...studentFindings, ...entry.findings],
    };
    if (typeof s?.name === "string") r.name = s.name;
    report.students.push(r);
  });

  return toResult(report, all);
}

/** Matching key: trimmed, upper-cased ([decision] file systems on Windows and macOS ignore case). */
function keyOf(v: unknown): string {
  return typeof v === "string" ? v.trim().toUpperCase() : "";
}

function keyName(s: PhotoFolderStudent | undefined, namedBy: PhotoNaming): string {
  const v = namedBy === "id-number" ? s?.id?.number : s?.studentNumber;
  return typeof v === "string" ? v.trim() : "";
}
