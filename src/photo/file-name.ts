/**
 * The upload file name rule of 5.3.3: the stem is exactly the ID number or the student number, the
 * extension .jpg or .jpeg (any case), nothing else — no person's name, no spaces, no "(1)".
 */

/** What a photo's file name is checked against: a student's number and ID number. */
export interface PhotoStudent {
  studentNumber: string;
  id: { number: string };
}

export interface FileNameProblem {
  reason: "extension" | "stem" | "student";
  suggestion?: string;
}

const EXTENSION = /^(jpg|jpeg)$/i;
// [decision] Without a roster: 5–20 ASCII letters and digits with at least one digit. ID numbers
// (18 digits or 17 + X, permits H/M + 8–10 digits, 8-digit Taiwan permits, passports) and UCAS
// student numbers (e.g. 2019E8012345678) all fit; a person's name in Chinese or pinyin does not.
const IDENTIFIER = /^(?=[A-Za-z]*[0-9])[0-9A-Za-z]{5,20}$/;
// Runs of letters and digits; those holding a digit are candidates for the suggestion. (A single
// pattern /[0-9A-Za-z]*[0-9][0-9A-Za-z]*/g backtracks quadratically on a long digitless run: a
// 100,000-letter file name took 6 s.)
const ALNUM_RUN = /[0-9A-Za-z]+/g;
const DIGIT = /[0-9]/;

/**
 * The name after the last `/` or `\`.
 * @example
 * baseName("photos\\2019E8012345678.jpg") //=> "2019E8012345678.jpg"
 */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i >= 0 ? path.slice(i + 1) : path;
}

/**
 * Splits `stem.ext` at the last dot; a name without a dot has no extension.
 * @example
 * splitName("a.b.jpg") //=> { stem: "a.b", ext: "jpg" }
 */
export function splitName(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? { stem: name.slice(0, dot), ext: name.slice(dot + 1) } : { stem: name, ext: "" };
}

/**
 * True when `stem` names `student`: exactly the student number or the ID number, letters in any case
 * ([decision] Windows and macOS file systems ignore case, so `x` and `X` name the same file).
 * @example
 * stemMatches("11010820000101123x", { studentNumber: "2019E8012345678", id: { number: "11010820000101123X" } }) //=> true
 */
export function stemMatches(stem: string, student: PhotoStudent): boolean {
  const upper = stem.toUpperCase();
  const sn = text(student?.studentNumber);
  const id = text(student?.id?.number);
  return (sn !== "" && upper === sn) || (id !== "" && upper === id);
}

/** A roster field as a trimmed upper-case string; anything that is not a string counts as empty. */
function text(v: unknown): string {
  return typeof v === "string" ? v.trim().toUpperCase() : "";
}

/**
 * Checks a file name; `undefined` when it is acceptable.
 * @example
 * checkFileName("张三.jpg") //=> { reason: "stem" }
 * checkFileName("110108200001011237.png") //=> { reason: "extension", suggestion: "110108200001011237.jpg" }
 */
export function checkFileName(fileName: string, student?: PhotoStudent): FileNameProblem | undefined {
  const { stem, ext } = splitName(baseName(fileName));
  if (student !== undefined) {
    if (stemMatches(stem, student)) {
      return EXTENSION.test(ext) ? undefined : { reason: "extension", suggestion: `${stem}.jpg` };
    }
    // Suggest the ID number when the name contains it, else the student number.
    const upper = stem.toUpperCase();
    const sn = typeof student?.studentNumber === "string" ? student.studentNumber.trim() : "";
    const id = text(student?.id?.number);
    if (id !== "" && upper.includes(id)) return { reason: "student", suggestion: `${id}.jpg` };
    return sn === "" ? { reason: "student" } : { reason: "student", suggestion: `${sn}.jpg` };
  }
  if (!IDENTIFIER.test(stem)) {
    const tokens = stem.match(ALNUM_RUN)?.filter((t) => t.length >= 5 && DIGIT.test(t));
    const longest = tokens?.sort((a, b) => b.length - a.length)[0];
    return longest === undefined ? { reason: "stem" } : { reason: "stem", suggestion: `${longest}.jpg` };
  }
  return EXTENSION.test(ext) ? undefined : { reason: "extension", suggestion: `${stem}.jpg` };
}
