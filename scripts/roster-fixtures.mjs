// Shared pieces of the generated rosters: the bundled example (scripts/make-example.mjs), the
// benchmark roster (scripts/make-bench-data.mjs, bench/data.mjs) and the registration test
// fixtures. One place for the GB 11643-1999 check character, the template's column headers, CSV
// quoting and the study record of a student who passes every rule.
//
// No real person's data: every ID number built here is generated (valid check character over a
// made-up body).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check characters of GB 11643-1999, indexed by the weighted sum mod 11. */
export const CHECK = "10X98765432";

/** The GB 11643-1999 check character of a 17-digit body. */
export function checkChar(body) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * A resident number from its region code (6 digits), birth date (YYYYMMDD) and sequence; the
 * sequence is moved up by one where its parity does not match the sex (odd: male, GB 11643-1999).
 */
export function residentId(region, birth, seq, male) {
  let s = seq;
  if (male !== (s % 2 === 1)) s += 1;
  const body = `${region}${birth}${String(s).padStart(3, "0")}`;
  return body + checkChar(body);
}

/** The same number with another check character, `step` places further in `CHECK` (1–10). */
export function withWrongCheck(id, step = 1) {
  const wrong = CHECK[(CHECK.indexOf(id[17]) + step) % 11];
  return id.slice(0, 17) + wrong;
}

/** The template's headers: the status system's names, required first (docs/roster.md). */
export const rosterHeaders = Object.freeze([
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
  "照片文件名",
  "毕业结论",
  "课程学分是否修满",
  "必修环节是否完成",
  "论文是否完成",
  "答辩结果",
  "答辩日期",
  "最长修读年限内",
  "是否获得学位证书",
  "曾用名",
  "改名日期",
  "改名材料",
  "原民族",
  "民族变更在入学前",
  "民族变更材料",
  "专业或培养单位变更批准日期",
  "提前毕业已审批",
  "书面说明",
  "毕业注册申请书",
]);

/** A CSV cell, quoted (RFC 4180) where it needs it. The generated rosters carry no formulas. */
export function csvCell(v) {
  const s = String(v ?? "");
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The study record of a student who may graduate (1.1): everything complete, defense passed. */
export function passingStudy() {
  return {
    creditsComplete: true,
    requiredSegmentsComplete: true,
    thesisComplete: true,
    defense: "passed",
    defenseDate: "2022-05-20",
    withinMaxStudyPeriod: true,
    degreeCertificateExpected: true,
  };
}
