import { prefixFindings } from "../core/result.js";
import { isIsoDate } from "../core/time.js";
import {
  type CertificateExpectation,
  GRADUATE_EDUCATION_TYPE,
  validateCertificateNumber,
} from "../fields/certificate/index.js";
import type { OriginOptions } from "../fields/origin/index.js";
import { checkStudentOrigin } from "../fields/student/index.js";
import type { Finding, LocaleOptions } from "../findings/index.js";
import type { Guard, GuardInput } from "./guards.js";
import type { Registration } from "./types.js";

// The guards that rest on the field validators. The validators are called, never copied: a rule
// changes in one place.

/**
 * The student's own fields are valid (3.1): `validateStudent` with the registration's batch (its
 * e-registration date is the day of the ID number's age rule), evaluated once per event however
 * many guards ask. Its errors block staging and submitting [decision: the notice wants every field
 * exact before registration, 3.1]; its warnings are passed on. Paths are under `["student", …]`.
 * @example
 * const reg = createRegistration({ ...student, id: { type: "resident", number: "110108199805121681" } }, ucas2022Batch3);
 * studentValid(guardInput(reg, stage, ctx))[0]?.code //=> "id.checksum"
 */
export const studentValid: Guard = (input) => prefixFindings(input.studentCheck().findings, ["student"]);

/**
 * The options the origin is checked with in a guard: the call's locale, and the registration's
 * batch's registration date as the day of the divisions (3.3 [decision]: those in force then).
 * @example
 * originOptionsOf(guardInput(createRegistration(student, ucas2022Batch3), stage, ctx)) //=> { locale: "zh-CN", asOf: "2022-06-10" }
 */
export function originOptionsOf(input: GuardInput): OriginOptions {
  const day = input.registration.batch.registrationDate;
  return isIsoDate(day) ? { ...input.options, asOf: day } : input.options;
}

/**
 * The origin is a valid name of three levels (3.3) in the divisions in force on the batch's
 * registration date: `checkStudentOrigin` (`validateOrigin` with that `asOf`) on
 * `student.origin.value`, findings at `["student", "origin", "value"]`. Staging locks the origin
 * (3.3.4), so it must be right before; only a valid origin can be reviewed (3.3.3). A passport
 * holder's empty origin is not applicable and passes [decision, 3.3].
 * @example
 * const reg = createRegistration({ ...student, origin: { value: "河北省石家庄市", reviewed: true } }, ucas2022Batch3);
 * originValid(guardInput(reg, stage, ctx))[0]?.code //=> "origin.levels"
 */
export const originValid: Guard = (input) => {
  const { student } = input.registration;
  const r = checkStudentOrigin(student.origin.value, student.id, originOptionsOf(input));
  return prefixFindings(r.findings, ["student", "origin", "value"]);
};

/**
 * The certificate number's findings for a registration (2.2): the format, and agreement with the
 * batch's school code, the type of education of graduate certificates (`1`, 普通高等教育:
 * `GRADUATE_EDUCATION_TYPE` [decision]), the year of its graduation date and the student's level
 * (01 doctor, 02 master). Paths relative to the number.
 */
export function checkCertificateNumber(
  registration: Registration,
  number: unknown,
  options: LocaleOptions,
): Finding[] {
  const { batch, student } = registration;
  const expect: CertificateExpectation = {
    schoolCode: batch.schoolCode,
    educationType: GRADUATE_EDUCATION_TYPE,
    level: student.degreeLevel,
  };
  if (isIsoDate(batch.graduationDate)) expect.year = Number(batch.graduationDate.slice(0, 4));
  return validateCertificateNumber(number as string, expect, options).findings;
}

/**
 * The certificate number of a `certify` event is valid for the batch (2.2): school code
 * (`certificate.school`), type of education `1` (`certificate.education-type`: adult, self-study and
 * online education issue no graduate certificates), the year of the graduation date
 * (`certificate.year`), the student's level (`certificate.level`), 18 digits
 * (`certificate.format`). Findings at `["certificateNumber"]`.
 * @example
 * const office = { at: "2022-06-15T10:00:00+08:00", actor: "student-office" } as const;
 * // A master's registration certified with a doctor's number (level 01).
 * certificateNumberValid(guardInput(submitted, { type: "certify", certificateNumber: "144301202201000001" }, office))
 *   .map((f) => [f.code, f.path, f.params])
 * //=> [["certificate.level", ["certificateNumber"], { expected: "02", received: "01" }]]
 */
export const certificateNumberValid: Guard = (input) => {
  if (input.event.type !== "certify") return [];
  return prefixFindings(
    checkCertificateNumber(input.registration, input.event.certificateNumber, input.options),
    ["certificateNumber"],
  );
};
