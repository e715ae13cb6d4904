import { readdir } from "node:fs/promises";
import type { Finding, Locale } from "../index.js";
import { checkPhotoFolder, type PhotoFolderStudent, type PhotoNaming } from "../node/index.js";
import type { PhotosReport } from "./check.js";
import { cliText } from "./messages.js";
import type { RosterStudent } from "./roster/map.js";

export type NamedBy = PhotoNaming;

export interface PhotoRunOptions {
  namedBy: NamedBy;
  admissionYear: number | undefined;
  locale: Locale;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** More files than this and a terminal on stderr: a progress line while the folder is checked. */
export const PROGRESS_THRESHOLD = 300;

function text(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** What the folder check needs of a roster row; rows without a student number or ID number are left out. */
export function folderStudent(s: RosterStudent): PhotoFolderStudent | undefined {
  const input = (typeof s.input === "object" && s.input !== null ? s.input : {}) as Record<string, unknown>;
  const id = (typeof input.id === "object" && input.id !== null ? input.id : {}) as Record<string, unknown>;
  const studentNumber = text(input.studentNumber);
  const number = text(id.number);
  if (studentNumber === undefined || number === undefined) return undefined;
  const out: PhotoFolderStudent = { studentNumber, id: { number } };
  const name = text(input.name);
  if (name !== undefined) out.name = name;
  if (typeof input.admissionYear === "number") out.admissionYear = input.admissionYear;
  return out;
}

/**
 * A line on stderr while many photos are checked — only on a terminal, never in a pipe or a log.
 * `checkPhotoFolder` reports no progress of its own, so the line shows the count and the time
 * elapsed, and is erased when the check ends.
 */
function progress(total: number, o: PhotoRunOptions): () => void {
  if (total <= PROGRESS_THRESHOLD || o.stderr.isTTY !== true) return () => undefined;
  const t = cliText(o.locale);
  const started = Date.now();
  const draw = () => o.stderr.write(`\r${t.progress(total, Math.round((Date.now() - started) / 1000))}`);
  draw();
  const timer = setInterval(draw, 250);
  return () => {
    clearInterval(timer);
    o.stderr.write("\r\u001b[2K");
  };
}

/**
 * The folder checks of `./node` (5.3.3, 5.3) on the roster's students (`folderStudent` of each). A
 * finding about one student's photo is returned under that student's position in `listed` (path
 * prefixed `"photos"`), to be filed with the student's report; the folder's own (a file matching
 * no student, no admission year chosen …) stay in the report's `photos`.
 */
export async function checkPhotos(
  dir: string,
  shown: string,
  listed: readonly PhotoFolderStudent[],
  o: PhotoRunOptions,
): Promise<{ photos: PhotosReport; byStudent: Map<number, Finding[]> }> {
  const total = await readdir(dir).then(
    (names) => names.length,
    () => 0,
  );
  const done = progress(total, o);
  const options: Parameters<typeof checkPhotoFolder>[2] = { namedBy: o.namedBy, locale: o.locale };
  if (o.admissionYear !== undefined) options.admissionYear = o.admissionYear;
  let r: Awaited<ReturnType<typeof checkPhotoFolder>>;
  try {
    r = await checkPhotoFolder(dir, listed, options);
  } finally {
    done();
  }
  const filed = new Set<Finding>();
  const byStudent = new Map<number, Finding[]>();
  r.value?.students.forEach((ps, i) => {
    if (i >= listed.length || ps.findings.length === 0) return;
    for (const f of ps.findings) filed.add(f);
    byStudent.set(
      i,
      ps.findings.map((f) => ({ ...f, path: ["photos", ...f.path] })),
    );
  });
  const photos: PhotosReport = {
    dir: shown,
    files: r.value?.files.length ?? 0,
    findings: r.findings.filter((f) => !filed.has(f)),
  };
  return { photos, byStudent };
}
