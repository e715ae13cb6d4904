import { prefixFindings } from "../core/result.js";
import { isIsoDate } from "../core/time.js";
import { validateCertificateNumber } from "../fields/certificate/index.js";
import { validateOrigin } from "../fields/origin/index.js";
import type { Finding, LocaleOptions } from "../findings/index.js";
import type { Guard } from "./guards.js";
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
 * The origin is a valid name of three levels (3.3): `validateOrigin` on `student.origin.value`,
 * findings at `["student", "origin", "value"]`. Staging locks the origin (3.3.4), so it must be
 * right before; only a valid origin can be reviewed (3.3.3).
 * @example
 * const reg = createRegistration({ ...student, origin: { value: "河北省石家庄市", reviewed: true } }, ucas2022Batch3);
 * originValid(guardInput(reg, stage, ctx))[0]?.code //=> "origin.levels"
 */
export const originValid: Guard = (input) =>
  prefixFindings(validateOrigin(input.registration.student.origin.value, input.options).findings, [
    "student",
    "origin",
    "value",
  ]);

/**
 * The certificate number's findings for a registration (2.2): the format, and agreement with the
 * batch's school code, the year of its graduation date and the student's level (01 doctor, 02
 * master). Paths relative to the number.
 */
export function checkCertificateNumber(
  registration: Registration,
  number: unknown,
  options: LocaleOptions,
): Finding[] {
  const { batch, student } = registration;
  const expect: { schoolCode?: string; year?: number; level?: "doctor" | "master" } = {
    schoolCode: batch.schoolCode,
    level: student.degreeLevel,
  };
  if (isIsoDate(batch.graduationDate)) expect.year = Number(batch.graduationDate.slice(0, 4));
  return validateCertificateNumber(number as string, expect, options).findings;
}

/**
 * The certificate number of a `certify` event is valid for the batch (2.2): school code
 * (`certificate.school`), the year of the graduation date (`certificate.year`), the student's level
 * (`certificate.level`), 18 digits (`certificate.format`). Findings at `["certificateNumber"]`.
 * @example
 * const office = { at: "2022-06-15T10:00:00+08:00", actor: "student-office" } as const;
 * certificateNumberValid(guardInput(submittedMaster, { type: "certify", certificateNumber: "144301202201000001" }, office))[0]?.code
 * //=> "certificate.level"
 */
export const certificateNumberValid: Guard = (input) => {
  if (input.event.type !== "certify") return [];
  return prefixFindings(
    checkCertificateNumber(input.registration, input.event.certificateNumber, input.options),
    ["certificateNumber"],
  );
};
