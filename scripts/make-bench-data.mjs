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

const HEADERS = [
  "学号",
  "姓名",
  "性别",
  "民族",
  "证件类型",
  "证件号码",
  "培养层次",
  "培养单位",
  "专业",
  "导师",
  "入学年度",
  "批次",
  "生源地",
  "生源地是否复核",
  "照片是否上传",
  "课程学分是否修满",
  "必修环节是否完成",
  "论文是否完成",
  "答辩结果",
  "答辩日期",
];

const yes = (b) => (b ? "是" : "否");

/** RFC 4180 quoting where a cell needs it. */
function csvCell(v) {
  const s = String(v ?? "");
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One roster line for a student record of bench/data.mjs. */
export function rosterLine(s) {
  return [
    s.studentNumber,
    s.name,
    s.sex === "male" ? "男" : "女",
    s.ethnicity,
    "居民身份证",
    s.id.number,
    s.degreeLevel === "doctor" ? "博士" : "硕士",
    s.trainingUnit,
    s.major,
    s.supervisor,
    s.admissionYear,
    s.batchId,
    s.origin.value,
    yes(s.origin.reviewed),
    yes(s.photo.uploaded),
    yes(s.study.creditsComplete),
    yes(s.study.requiredSegmentsComplete),
    yes(s.study.thesisComplete),
    "通过",
    s.study.defenseDate,
  ]
    .map(csvCell)
    .join(",");
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
