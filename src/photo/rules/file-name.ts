import { type Finding, type FindingParams, finding, type LocaleOptions } from "../../findings/index.js";
import { checkFileName, type PhotoStudent } from "../file-name.js";
import { typeOf } from "../options.js";

/**
 * The upload file name (5.3.3): the stem exactly an ID number or a student number, the extension
 * `.jpg` or `.jpeg` in any case; with `student`, *their* ID number or student number. Judges the
 * name only, so it applies whatever the bytes hold (and `matchPhotos` uses it on a folder's names).
 * A name that is not a string is refused with its type as `received`. Pathed `["fileName"]`.
 *
 * @example
 * const [f] = fileNameRule("张三.jpg");
 * [f?.code, f?.severity, f?.clause, f?.path] //=> ["photo.file-name", "error", "5.3.3", ["fileName"]]
 * f?.params //=> { received: "张三.jpg", reason: "stem", expected: [] }
 * fileNameRule("110108200001011237 (1).jpg")[0]?.params.suggestion //=> "110108200001011237.jpg"
 */
export function fileNameRule(
  fileName: unknown,
  student?: PhotoStudent,
  options?: LocaleOptions,
): Finding<"photo.file-name">[] {
  const problem =
    typeof fileName === "string" ? checkFileName(fileName, student) : { reason: "stem" as const };
  if (problem === undefined) return [];
  const expected: string[] = [];
  if (student !== undefined) {
    for (const v of [student.id?.number, student.studentNumber]) {
      if (typeof v === "string" && v.trim() !== "") expected.push(`${v.trim()}.jpg`);
    }
  }
  const params: FindingParams["photo.file-name"] = {
    received: typeof fileName === "string" ? fileName : typeOf(fileName),
    reason: problem.reason,
    expected,
  };
  if (problem.suggestion !== undefined) params.suggestion = problem.suggestion;
  return [finding("photo.file-name", ["fileName"], params, options)];
}
