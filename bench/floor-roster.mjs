#!/usr/bin/env node
// The library floor of `xueli check` on a roster, run as a child process and measured the same
// way as the CLI (bench/rows/roster50.mjs): the roster read as the CLI reads a CSV — the file
// streamed in 64 KiB chunks through `createRosterStream` (decoding, CSV parsing, the one column
// mapping of src/roster) — and every student row passed through `validateStudent` with the batch
// (the age rule and the divisions of its registration date), in one pass, with no output. What
// it leaves out of `xueli check`: the staging and submitting guards (`checkStudentRegistration`
// beyond `validateStudent`), the duplicate checks, a second pass over the file, the report.
// With `--photos DIR` (bench/rows/cli.mjs), then `checkPhotoFolder` of `xueli-zhuce/node` on the
// folder with the rows' students, named by student number, as `xueli check --photos` runs it.
//
//   node bench/floor-roster.mjs DIST ROSTER [--photos DIR]
//
// Writes one line of JSON to stderr: rows, students, valid, and the time spent loading the
// library, in `validateStudent` (measured around each call), in the rest of the reading, and in
// the photo folder's check.
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dist, roster, flag, photoDir] = process.argv.slice(2);
if (!dist || !roster || (flag !== undefined && (flag !== "--photos" || !photoDir))) {
  console.error("usage: node bench/floor-roster.mjs DIST ROSTER [--photos DIR]");
  process.exit(2);
}
const t0 = performance.now();
const lib = await import(pathToFileURL(join(dist, "index.js")).href);
const { createRosterStream } = await import(pathToFileURL(join(dist, "roster/index.js")).href);
const node =
  photoDir === undefined ? undefined : await import(pathToFileURL(join(dist, "node/index.js")).href);
const loaded = performance.now();
const batch = lib.batches["ucas-2022-3"];
/** What the folder check needs of each student (as the CLI's `folderStudent`). */
const listed = [];
const options = { batch };
const stream = createRosterStream({});
let rows = 0;
let students = 0;
let valid = 0;
let validating = 0;
const take = (events) => {
  for (const e of events) {
    if (e.kind === "fatal") throw new Error(e.finding.message);
    if (e.kind !== "row") continue;
    rows += 1;
    if (e.row.kind !== "student") continue;
    students += 1;
    const v0 = performance.now();
    const r = lib.validateStudent(e.row.input, options);
    validating += performance.now() - v0;
    if (r.ok) valid += 1;
    if (node !== undefined) {
      const s = e.row.input;
      listed.push({
        studentNumber: s.studentNumber,
        name: s.name,
        id: { number: s.id.number },
        admissionYear: s.admissionYear,
      });
    }
  }
};
for await (const chunk of createReadStream(roster, { highWaterMark: 64 * 1024 })) {
  take(stream.push(chunk));
  if (stream.stopped) break;
}
take(stream.end());
const end = performance.now();
let photosMs;
let photoFindings;
if (node !== undefined) {
  const r = await node.checkPhotoFolder(photoDir, listed, { namedBy: "student-number" });
  photosMs = Math.round(performance.now() - end);
  photoFindings = r.findings.length;
}
process.stderr.write(
  `${JSON.stringify({
    rows,
    students,
    valid,
    loadMs: Math.round(loaded - t0),
    validateMs: Math.round(validating),
    readMs: Math.round(end - loaded - validating),
    ...(photosMs === undefined ? {} : { photosMs, photoFindings }),
  })}\n`,
);
