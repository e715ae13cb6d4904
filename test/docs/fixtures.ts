/**
 * The named values the `@example`s of the API reference may use besides the package's exports (the
 * module comment of src/index.ts lists them for readers). All generated: no real person's data.
 */
import { makePhoto } from "../../scripts/photo-fixtures.mjs";
import { createRegistration, type Registration, transition, ucas2022Batch3 } from "../../src/index.js";
import { makeStudent } from "../registration/fixtures.js";

/** A master's student of 测试研究所 ready to graduate in the 2022 third batch (`ucas2022Batch3`). */
export const student = makeStudent();

/** A unit's staff member acting inside the batch's window: 2022-06-01 10:00 Beijing time. */
export const ctx = { at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" } as const;

/** The staging event with the conclusion "graduation" (毕业). */
export const stage = { type: "stage", conclusion: "graduation" } as const;

/** `student`'s registration in the 2022 third batch, in the state `draft`. */
export const registration = createRegistration(student, ucas2022Batch3);

function after(reg: Registration, event: Parameters<typeof transition>[1]): Registration {
  const r = transition(reg, event, ctx);
  if (r.value === undefined) throw new Error(`fixture: ${event.type} refused: ${JSON.stringify(r.findings)}`);
  return r.value;
}

/** `registration` staged with `stage` at `ctx`. */
export const staged = after(registration, stage);

/** `staged` submitted at `ctx`. */
export const submitted = after(staged, { type: "submit" });

/** A valid graduation photo: a generated 480 × 640 JPEG at 300 dpi on the light-blue background. */
export const photo = makePhoto();

const ROSTER_HEADER =
  "学号,姓名,性别,民族,证件类型,证件号码,培养层次,培养单位,专业,导师,入学年度,批次,生源地,生源地是否复核," +
  "照片是否上传,照片文件名,毕业结论,课程学分是否修满,必修环节是否完成,论文是否完成,答辩结果,答辩日期," +
  "最长修读年限内,是否获得学位证书";
const rosterRow = (number: string, name: string, sex: string, id: string) =>
  `${number},${name},${sex},汉族,居民身份证,${id},硕士,测试研究所,测试专业,测试导师,2019,ucas-2022-3,` +
  `北京市海淀区,是,是,${number}.jpg,毕业,是,是,是,通过,2022-05-20,是,是`;

/**
 * A roster as the status system exports it (CSV, UTF-8), two students: row 2 is `student`; row 3,
 * 测试乙, has an ID number whose check character is wrong (`id.checksum`).
 */
export const rosterCsv = new TextEncoder().encode(
  [
    ROSTER_HEADER,
    rosterRow("2019E8012345001", "测试甲", "男", student.id.number),
    rosterRow("2019E8012345002", "测试乙", "女", "110108199805121681"),
  ].join("\r\n"),
);
