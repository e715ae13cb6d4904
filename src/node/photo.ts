import { closeSync, constants, type Dirent, fstatSync, openSync, readSync } from "node:fs";
import { type FileHandle, open, readdir, realpath, stat } from "node:fs/promises";
import { basename, join, sep } from "node:path";
import {
  type BackgroundFacts,
  type BackgroundOptions,
  type CheckPhotoOptions,
  checkPhoto,
  checkPhotoBackground,
  type Finding,
  finding,
  type LocaleOptions,
  type MatchPhotosOptions,
  matchPhotos,
  type Path,
  type PhotoFacts,
  type PhotoFolderStudent,
  type PhotoLimits,
  type PhotoNaming,
  photoReadCap,
  type Result,
  resolveLocale,
  toResult,
  type UnreadableReason,
  XueliError,
} from "../index.js";

export type { PhotoFolderStudent, PhotoNaming };

/** Options of {@link checkPhotoFile}: those of `checkPhoto`, `fileName` defaulting to the path's. */
export interface CheckPhotoFileOptions extends Omit<CheckPhotoOptions, "fileName" | "totalBytes"> {
  /** The name checked against 5.3.3's naming rule; default the path's base name; `false` skips it. */
  fileName?: string | false;
  /** Also decode the photo and check its background (4.2.2) with `checkPhotoBackground`. */
  background?: boolean | BackgroundOptions;
}

/** The reasons of `photo.unreadable` that the file system gives; any other error code is `read-failed`. */
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

function typeOf(v: unknown): string {
  try {
    return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  } catch {
    return typeof v; // Array.isArray throws on a revoked Proxy
  }
}

/**
 * Reads `keys` of an options argument once into a plain object; an argument that is not an object,
 * or whose getters or Proxy traps throw, is a programmer error (`XueliError`), never a `TypeError`.
 */
function snapshot<K extends string>(
  options: unknown,
  keys: readonly K[],
  what: string,
): Partial<Record<K, unknown>> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object") {
    throw new XueliError("option.invalid", `${what} must be an object, got ${typeOf(options)}`);
  }
  const out: Partial<Record<K, unknown>> = {};
  try {
    for (const k of keys) {
      const v = (options as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = v;
    }
  } catch {
    throw new XueliError("option.invalid", `${what} could not be read (a getter or a Proxy trap threw)`);
  }
  return out;
}

/** The locale option, checked (`XueliError` `locale.unknown` for one that does not exist). */
function localeOf(v: unknown): LocaleOptions {
  return { locale: resolveLocale({ locale: v } as LocaleOptions) };
}

const LIMIT_KEYS = ["minBytes", "maxBytes", "minDpi", "minQuality"] as const;
const BACKGROUND_KEYS = ["reference", "tolerance", "maxDeviation", "maxSpread", "decode"] as const;

/** The limits read once (checked by `photoReadCap`, which also gives the read cap). */
function limitsOf(v: unknown): { limits: PhotoLimits; cap: number } {
  const limits = snapshot(v, LIMIT_KEYS, "limits") as PhotoLimits;
  return { limits, cap: photoReadCap(limits) };
}

/** The `background` option read once and checked (a dry run on no bytes decodes nothing). */
async function backgroundOf(v: unknown, locale: LocaleOptions): Promise<BackgroundOptions | undefined> {
  if (v === undefined || v === false) return undefined;
  if (v !== true && (typeof v !== "object" || v === null)) {
    throw new XueliError("option.invalid", `background must be a boolean or an object, got ${typeOf(v)}`);
  }
  const bg = v === true ? {} : (snapshot(v, BACKGROUND_KEYS, "background") as BackgroundOptions);
  await checkPhotoBackground(new Uint8Array(0), { ...bg, ...locale });
  return bg;
}

/** The background check after the header check: only when the header read and the whole file is in `bytes`. */
async function withBackground(
  bytes: Uint8Array,
  size: number,
  result: Result<PhotoFacts>,
  background: BackgroundOptions | undefined,
  locale: LocaleOptions,
): Promise<Result<PhotoFacts>> {
  const facts = result.value;
  // [decision] A file larger than the read cap is refused by its size; its pixels are not judged.
  if (background === undefined || facts === undefined || bytes.length < size) return result;
  const bg: Result<BackgroundFacts> = await checkPhotoBackground(bytes, { ...background, ...locale });
  if (bg.value !== undefined) facts.background = bg.value;
  return toResult(facts, [...result.findings, ...bg.findings]);
}

/**
 * Checks a photo file: reads at most `photoReadCap(limits)` bytes — `maxBytes + 1`, at least 64 KiB
 * (a 2 GB file costs one 64 KiB read) — and runs `checkPhoto` on them, with the file's real size for
 * the size check and its base name for the naming rule; with `background`, then
 * `checkPhotoBackground` (only when the header reads and the whole file was read). Never opens
 * anything but a regular file: a FIFO, a socket or a device gives `photo.unreadable` `not-a-file`
 * (opening a FIFO would wait for a writer forever). A path that cannot be read gives
 * `photo.unreadable` with the system's code (`ENOENT`, …) in `params.reason`; nothing throws but
 * programmer errors (`XueliError`).
 *
 * @example
 * // not run: reads photo files from disk
 * (await checkPhotoFile("photos/110108200001011237.jpg")).ok //=> true
 * (await checkPhotoFile("photos/张三.jpg", { locale: "en" })).findings.map((f) => [f.code, f.path])
 * //=> [["photo.file-name", ["fileName"]]]
 */
export async function checkPhotoFile(
  path: string,
  options?: CheckPhotoFileOptions,
): Promise<Result<PhotoFacts>> {
  const o = snapshot(
    options,
    ["fileName", "student", "limits", "locale", "background"] as const,
    "checkPhotoFile options",
  );
  const locale = localeOf(o.locale);
  const { limits, cap } = limitsOf(o.limits);
  const background = await backgroundOf(o.background, locale);
  if (typeof path !== "string")
    throw new XueliError("option.invalid", `path must be a string, got ${typeOf(path)}`);
  const read = await readCapped(path, cap, false);
  if ("error" in read) {
    return toResult<PhotoFacts>(undefined, [
      finding("photo.unreadable", [], { reason: read.error, received: path }, locale),
    ]);
  }
  const photo: CheckPhotoOptions = { ...locale, limits, totalBytes: read.size };
  const fileName = o.fileName === undefined ? basename(path) : o.fileName;
  if (fileName !== false) photo.fileName = fileName as string;
  if (o.student !== undefined) photo.student = o.student as NonNullable<CheckPhotoOptions["student"]>;
  const result = checkPhoto(read.bytes, photo);
  return withBackground(read.bytes, read.size, result, background, locale);
}

type Capped = { bytes: Uint8Array; size: number } | { error: UnreadableReason };

/** A worker's read buffer, reused from one file to the next (grown when a file needs more). */
interface Scratch {
  buf: Uint8Array;
}

const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads the first `cap` bytes of a regular file; never follows a symbolic link when `noFollow`.
 *
 * Never opens what is not a regular file: `open()` on a FIFO waits for a writer, forever (12.3). So
 * the path is `stat`ed first (following a link, after the caller's link-inside-folder check), and
 * opened with `O_NONBLOCK` as a second guard (a FIFO swapped in between then opens at once, and the
 * `fstat` of the handle refuses it).
 *
 * With `scratch`, the bytes are a view of its buffer, valid until the next read with it: a folder
 * of 10,000 photos then allocates 8 buffers instead of 10,000 (250 MB outside the V8 heap, freed
 * only at the next GC, was 20–35 MB of `xueli check`'s peak RSS).
 */
async function readCapped(path: string, cap: number, noFollow: boolean, scratch?: Scratch): Promise<Capped> {
  let handle: FileHandle | undefined;
  try {
    if (!(await stat(path)).isFile()) return { error: "not-a-file" };
    handle = await open(path, constants.O_RDONLY | O_NONBLOCK | (noFollow ? O_NOFOLLOW : 0));
    const st = await handle.stat();
    if (!st.isFile()) return { error: "not-a-file" };
    const want = Math.max(0, Math.min(st.size, cap));
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
    return { bytes: got === want ? bytes : bytes.subarray(0, got), size: Math.max(st.size, got) };
  } catch (e) {
    return { error: fsReason(e) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads the first `cap` bytes of a file the folder's listing says is a regular file, with
 * synchronous calls: `open` (`O_NOFOLLOW`: a link swapped in since the listing is refused, ELOOP;
 * `O_NONBLOCK`: a FIFO swapped in opens at once), `fstat` of the handle (anything but a regular file
 * is refused, never read), the capped read, `close`. The answers are those of `readCapped`.
 *
 * [decision] Why synchronous: reading a photo is four system calls of a few microseconds each from
 * the page cache, while each asynchronous call costs a round trip through libuv's thread pool and
 * a promise — 10,000 photos took 1.2–2.6 s that way against 0.11–0.15 s (bench/, docs/performance.md).
 * `checkPhotoFolder` stays responsive by giving the event loop a turn every few milliseconds.
 */
function readCappedSync(path: string, cap: number, scratch: Scratch): Capped {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: "not-a-file" };
    const want = Math.max(0, Math.min(st.size, cap));
    if (scratch.buf.length < want) scratch.buf = new Uint8Array(want);
    const bytes = scratch.buf.subarray(0, want);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, bytes, got, want - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: got === want ? bytes : bytes.subarray(0, got), size: Math.max(st.size, got) };
  } catch (e) {
    return { error: fsReason(e) };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Nothing to do: the descriptor is gone either way.
      }
    }
  }
}

/** How long the folder check runs synchronous reads before it lets the event loop run. */
const SLICE_MS = 4;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Options of {@link checkPhotoFolder}: those of `matchPhotos`, and how each file is checked. */
export interface CheckPhotoFolderOptions extends MatchPhotosOptions {
  limits?: PhotoLimits;
  /** Also decode every photo and check its background (slower). */
  background?: boolean | BackgroundOptions;
  /**
   * Files read and checked at the same time: an integer ≥ 1; default 8. [decision] It applies to
   * links, to entries that are not regular files and, with `background`, to every file: the regular
   * files of a folder are otherwise read one after the other with synchronous calls, in slices of a
   * few milliseconds between which the event loop runs (much faster, see `readCappedSync`).
   */
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

/** Runs `task` on 0 … n−1, at most `concurrency` at a time. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < n; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

function prefixed(findings: readonly Finding[], prefix: Path): Finding[] {
  return findings.map((f) => ({ ...f, path: [...prefix, ...f.path] }));
}

/** A folder entry that may be a photo: how to read it, or why it cannot be read. */
interface Entry {
  name: string;
  /** The path to read (a link's resolved target inside the folder). */
  path: string;
  link: boolean;
  /** The listing says it is a regular file (not a link, FIFO, socket or device). */
  regular: boolean;
  failed?: UnreadableReason;
}

/**
 * Checks a folder of photos for a batch upload against the roster (5.3.3, 5.3): `matchPhotos` on
 * the folder's names (`photo.missing`, `photo.orphan`, `photo.duplicate`, `photo.admission-year`,
 * `photo.file-name`), then `checkPhoto` on each file (and `checkPhotoBackground` with `background`).
 * Reads files `concurrency` at a time, each capped at `photoReadCap(limits)` bytes; skips dotfiles,
 * `Thumbs.db` and subfolders; never follows a symbolic link out of the folder; never opens what is
 * not a regular file (a FIFO, a socket, a device: `photo.unreadable` `not-a-file`).
 *
 * Findings are pathed `["files", fileName, …]` (a file's) or `["students", studentNumber]` (a
 * student's), `[]` for the folder; `value.students[i].findings` gathers everything about one student.
 *
 * @example
 * // not run: reads a folder of photo files from disk
 * const r = await checkPhotoFolder("photos", students, { namedBy: "student-number" });
 * r.findings.map((f) => [f.code, f.path])
 * //=> [["photo.orphan", ["files", "张三.jpg"]], ["photo.file-name", ["files", "张三.jpg", "fileName"]],
 * //    ["photo.missing", ["students", "2019E8012345678"]]]
 */
export async function checkPhotoFolder(
  dir: string,
  students: readonly PhotoFolderStudent[],
  options: CheckPhotoFolderOptions,
): Promise<Result<PhotoFolderReport>> {
  if (options === undefined)
    throw new XueliError("option.invalid", "checkPhotoFolder needs options with namedBy");
  const o = snapshot(
    options,
    ["namedBy", "admissionYear", "locale", "limits", "background", "concurrency"] as const,
    "checkPhotoFolder options",
  );
  const locale = localeOf(o.locale);
  const namedBy = o.namedBy;
  if (namedBy !== "id-number" && namedBy !== "student-number") {
    const shown = typeof namedBy === "string" ? JSON.stringify(namedBy) : typeOf(namedBy);
    throw new XueliError("option.invalid", `namedBy must be "id-number" or "student-number", got ${shown}`);
  }
  const admissionYear = o.admissionYear;
  if (admissionYear !== undefined && !Number.isSafeInteger(admissionYear)) {
    throw new XueliError("option.invalid", `admissionYear must be an integer, got ${typeOf(admissionYear)}`);
  }
  const concurrency = o.concurrency === undefined ? 8 : o.concurrency;
  if (!Number.isSafeInteger(concurrency) || (concurrency as number) < 1) {
    const shown = typeof concurrency === "number" ? String(concurrency) : typeOf(concurrency);
    throw new XueliError("option.invalid", `concurrency must be an integer ≥ 1, got ${shown}`);
  }
  let isArray: boolean;
  try {
    isArray = Array.isArray(students);
  } catch {
    isArray = false; // a revoked Proxy
  }
  if (!isArray) throw new XueliError("option.invalid", "students must be an array");
  if (typeof dir !== "string")
    throw new XueliError("option.invalid", `dir must be a string, got ${typeOf(dir)}`);
  const { limits, cap } = limitsOf(o.limits);
  const background = await backgroundOf(o.background, locale);
  const matchOptions: MatchPhotosOptions = { namedBy, ...locale };
  if (admissionYear !== undefined) matchOptions.admissionYear = admissionYear as number;

  const report: PhotoFolderReport = { dir, namedBy, files: [], students: [] };
  if (admissionYear !== undefined) report.admissionYear = admissionYear as number;

  let realDir: string;
  let dirents: Dirent[];
  try {
    realDir = await realpath(dir);
    dirents = await readdir(realDir, { withFileTypes: true });
  } catch (e) {
    return toResult(report, [
      finding("photo.unreadable", [], { reason: fsReason(e), received: dir }, locale),
    ]);
  }

  // Every entry but subfolders may be a photo. A link is followed only to something inside the
  // folder, and a link to a subfolder is ignored like the subfolder.
  const listed: Entry[] = dirents
    .filter((d) => !d.isDirectory())
    .map((d) => ({
      name: d.name,
      path: join(realDir, d.name),
      link: d.isSymbolicLink(),
      regular: d.isFile(),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const links = listed.filter((e) => e.link);
  const subfolders = new Set<Entry>();
  await pool(links.length, concurrency as number, async (k) => {
    const e = links[k] as Entry;
    try {
      e.path = await realpath(e.path);
    } catch {
      e.failed = "broken-link";
      return;
    }
    if (!e.path.startsWith(realDir + sep)) {
      e.failed = "link-outside-folder";
      return;
    }
    try {
      if ((await stat(e.path)).isDirectory()) subfolders.add(e);
    } catch (err) {
      e.failed = fsReason(err);
    }
  });
  const entries = listed.filter((e) => !subfolders.has(e));

  const match = matchPhotos(
    entries.map((e) => e.name),
    students,
    matchOptions,
  );
  const m = match.value;
  if (m === undefined) return toResult(report, match.findings); // never: matchPhotos always gives its value

  // Each file's own checks. Without `background`, the regular files one after the other, read
  // with synchronous calls in slices (`readCappedSync`), into one buffer; then the other entries
  // (links, FIFOs …) and, with `background`, every file, `concurrency` at a time, one read buffer
  // per worker. Each result lands at its file's position: the order of the report is the same.
  const checked: (Result<PhotoFacts> & { size: number })[] = new Array(entries.length);
  const scratches: Scratch[] = [];
  const unreadable = (reason: UnreadableReason) => ({
    ...toResult<PhotoFacts>(undefined, [finding("photo.unreadable", [], { reason }, locale)]),
    size: 0,
  });
  let todo = m.files.flatMap((f, i) => (f.ignored ? [] : [i]));
  if (background === undefined) {
    const photo: CheckPhotoOptions = { ...locale, limits };
    const scratch: Scratch = { buf: new Uint8Array(0) };
    const rest: number[] = [];
    let sliceStart = performance.now();
    for (const i of todo) {
      const e = entries[i] as Entry;
      if (e.failed !== undefined || !e.regular) {
        rest.push(i);
        continue;
      }
      const read = readCappedSync(e.path, cap, scratch);
      if ("error" in read) checked[i] = unreadable(read.error);
      else {
        photo.totalBytes = read.size;
        checked[i] = { ...checkPhoto(read.bytes, photo), size: read.size };
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    todo = rest;
  }
  await pool(todo.length, concurrency as number, async (k) => {
    const i = todo[k] as number;
    const e = entries[i] as Entry;
    if (e.failed !== undefined) {
      checked[i] = unreadable(e.failed);
      return;
    }
    const scratch = scratches.pop() ?? { buf: new Uint8Array(0) };
    try {
      const read = await readCapped(e.path, cap, !e.link, scratch);
      if ("error" in read) {
        checked[i] = unreadable(read.error);
        return;
      }
      const r = checkPhoto(read.bytes, { ...locale, limits, totalBytes: read.size });
      checked[i] = {
        ...(await withBackground(read.bytes, read.size, r, background, locale)),
        size: read.size,
      };
    } finally {
      scratches.push(scratch);
    }
  });

  // The findings: the folder's, each file's (naming, then its bytes'), each student's. (Nothing
  // is filtered, copied or prefixed for the common file and student that have no finding.)
  const all: Finding[] = match.findings.filter((f) => f.path.length === 0);
  const ofStudent: (Finding[] | undefined)[] = new Array(m.students.length);
  m.files.forEach((named, i) => {
    const c = checked[i];
    if (named.ignored || c === undefined) return;
    let findings: Finding[];
    if (named.findings.length === 0) findings = c.findings.slice();
    else {
      const orphan = named.findings.filter((f) => f.code === "photo.orphan");
      const naming = named.findings.filter((f) => f.code !== "photo.orphan");
      findings = [...orphan, ...c.findings, ...naming];
    }
    const file: PhotoFileReport = { fileName: named.fileName, bytes: c.size, findings };
    if (named.studentNumber !== undefined) file.studentNumber = named.studentNumber;
    if (c.value !== undefined) file.facts = c.value;
    report.files.push(file);
    if (findings.length === 0) return;
    const own = prefixed(findings, ["files", file.fileName]);
    all.push(...own);
    if (named.student !== undefined && named.student < ofStudent.length) {
      const list = ofStudent[named.student];
      if (list === undefined) ofStudent[named.student] = own.slice();
      else list.push(...own);
    }
  });
  m.students.forEach((s, i) => {
    const own = s.findings.length === 0 ? [] : s.findings.filter((f) => f.path[0] === "students");
    all.push(...own);
    const theirs = ofStudent[i];
    const r: PhotoStudentReport = {
      studentNumber: s.studentNumber,
      files: s.files,
      findings: theirs === undefined ? own : [...own, ...theirs],
    };
    if (s.name !== undefined) r.name = s.name;
    report.students.push(r);
  });
  return toResult(report, all);
}
