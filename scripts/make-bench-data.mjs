#!/usr/bin/env node
// Writes a synthetic roster and its photo folder for the CLI benchmark and the hardening tests:
//   node scripts/make-bench-data.mjs DIR [STUDENTS=10000] [--no-photos] [--target-bytes N]
// DIR/roster.csv has the status system's Chinese headers (docs/roster.md) and one complete,
// valid student per row; DIR/photos/<student number>.jpg (the CLI's default --named-by) holds one
// distinct valid photo per student
// (5.3.3). --target-bytes repeats rows (with fresh student and ID numbers) until the roster file
// reaches that size, for the bounded-memory check. No real person's data: everything is generated.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeStudent, rng } from "../bench/data.mjs";
import { makePhotos } from "./photo-fixtures.mjs";
import { csvCell, rosterHeaders } from "./roster-fixtures.mjs";

const yes = (b) => (b ? "是" : "否");

/** The benchmark's columns: each a cell of a student record of bench/data.mjs. */
const COLUMNS = {
  学号: (s) => s.studentNumber,
  姓名: (s) => s.name,
  性别: (s) => (s.sex === "male" ? "男" : "女"),
  民族: (s) => s.ethnicity,
  证件类型: () => "居民身份证",
  证件号码: (s) => s.id.number,
  培养层次: (s) => (s.degreeLevel === "doctor" ? "博士" : "硕士"),
  培养单位: (s) => s.trainingUnit,
  专业: (s) => s.major,
  导师: (s) => s.supervisor,
  入学年度: (s) => s.admissionYear,
  批次: (s) => s.batchId,
  生源地: (s) => s.origin.value,
  生源地是否复核: (s) => yes(s.origin.reviewed),
  照片是否上传: (s) => yes(s.photo.uploaded),
  课程学分是否修满: (s) => yes(s.study.creditsComplete),
  必修环节是否完成: (s) => yes(s.study.requiredSegmentsComplete),
  论文是否完成: (s) => yes(s.study.thesisComplete),
  答辩结果: () => "通过",
  答辩日期: (s) => s.study.defenseDate,
};
/** In the template's order (docs/roster.md). */
const HEADERS = rosterHeaders.filter((h) => h in COLUMNS);

/** One roster line for a student record of bench/data.mjs. */
export function rosterLine(s) {
  return HEADERS.map((h) => csvCell(COLUMNS[h](s))).join(",");
}

export const rosterHeader = HEADERS.join(",");

/**
 * Makes `DIR/roster.csv` (and `DIR/photos/` unless `photos: false`). Options: `origins` (full
 * forms to draw from, e.g. the library's table), `targetBytes`, `seed`, `namedBy` ("student-number",
 * the default, or "id-number"). Returns what it wrote.
 */
export async function makeBenchData(dir, n = 10_000, options = {}) {
  mkdirSync(dir, { recursive: true });
  const r = rng(options.seed ?? 3);
  const roster = join(dir, "roster.csv");
  const out = createWriteStream(roster);
  const write = (s) => (out.write(s) ? undefined : new Promise((res) => out.once("drain", res)));
  await write(`${rosterHeader}\n`);
  const students = [];
  let bytes = Buffer.byteLength(rosterHeader) + 1;
  const target = options.targetBytes ?? 0;
  const ids = new Set();
  for (let i = 0; i < n || bytes < target; i++) {
    const s = makeStudent(r, i, options.origins ? { origins: options.origins } : {});
    if (ids.has(s.id.number)) continue; // a duplicate ID would be a finding, not a benchmark
    ids.add(s.id.number);
    const line = `${rosterLine(s)}\n`;
    bytes += Buffer.byteLength(line);
    const p = write(line);
    if (p) await p;
    if (i < n) students.push(s);
  }
  await new Promise((res, rej) => out.end((e) => (e ? rej(e) : res())));
  let photoDir;
  if (options.photos !== false) {
    photoDir = join(dir, "photos");
    mkdirSync(photoDir, { recursive: true });
    const photos = makePhotos(students.length, { distinct: 8 });
    const stem = (s) => (options.namedBy === "id-number" ? s.id.number : s.studentNumber);
    for (const [i, s] of students.entries()) writeFileSync(join(photoDir, `${stem(s)}.jpg`), photos[i]);
  }
  return { roster, photoDir, students: students.length, rows: ids.size, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("-"));
  if (!dir) {
    console.error("usage: node scripts/make-bench-data.mjs DIR [STUDENTS] [--no-photos] [--target-bytes N]");
    process.exit(2);
  }
  const n = Number(args.filter((a) => !a.startsWith("-"))[1] ?? 10_000);
  const tb = args.indexOf("--target-bytes");
  const made = await makeBenchData(dir, n, {
    photos: !args.includes("--no-photos"),
    ...(tb >= 0 ? { targetBytes: Number(args[tb + 1]) } : {}),
  });
  console.log(JSON.stringify(made));
}
