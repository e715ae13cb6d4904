import { readdir } from "node:fs/promises";
import type { Locale } from "../index.js";
import { checkPhotoFolder, type PhotoFolderStudent, type PhotoNaming } from "../node/index.js";
import type { RosterPhotos } from "../roster/index.js";
import { cliText } from "./messages.js";

export type NamedBy = PhotoNaming;

export interface PhotoRunOptions {
  namedBy: NamedBy;
  admissionYear: number | undefined;
  /** `--background`: also decode each photo and check its background (4.2.2). */
  background?: boolean;
  locale: Locale;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** More files than this and a terminal on stderr: a progress line while the folder is checked. */
export const PROGRESS_THRESHOLD = 300;

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
 * The folder checks of `./node` (5.3.3, 5.3; the background, 4.2.2, with `background`) on the
 * roster's students (`RosterCheck.photoStudents()`), as the run takes them (`RosterCheck.setPhotos`).
 */
export async function checkPhotos(
  dir: string,
  shown: string,
  listed: readonly PhotoFolderStudent[],
  o: PhotoRunOptions,
): Promise<RosterPhotos> {
  const total = await readdir(dir).then(
    (names) => names.length,
    () => 0,
  );
  const done = progress(total, o);
  const options: Parameters<typeof checkPhotoFolder>[2] = { namedBy: o.namedBy, locale: o.locale };
  if (o.admissionYear !== undefined) options.admissionYear = o.admissionYear;
  if (o.background === true) options.background = true;
  let r: Awaited<ReturnType<typeof checkPhotoFolder>>;
  try {
    r = await checkPhotoFolder(dir, listed, options);
  } finally {
    done();
  }
  const files = (r.value?.files ?? []).map((f) =>
    f.studentNumber === undefined
      ? { fileName: f.fileName, findings: f.findings }
      : { fileName: f.fileName, studentNumber: f.studentNumber, findings: f.findings },
  );
  return { dir: shown, files, students: r.value?.students ?? [], findings: r.findings };
}
