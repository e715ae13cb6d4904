import type { Finding } from "../core/result.js";
import type { LocaleOptions } from "../i18n/index.js";
import type { Guard } from "./guards.js";
import type { Registration } from "./types.js";

// Placeholders until validateStudent, validateOrigin and validateCertificateNumber land
// (src/student, src/origin, src/certificate, written in parallel). They pass everything.

/** The student's own fields are valid (3.1). */
export const studentValid: Guard = () => [];
/** The origin is a valid three-level name (3.3). */
export const originValid: Guard = () => [];

/** The certificate number's findings for this registration's batch and level (2.2), paths relative to the number. */
export function checkCertificateNumber(_registration: Registration, _number: unknown, _options: LocaleOptions): Finding[] {
  return [];
}
/** The certificate number is valid for the batch (2.2). */
export const certificateNumberValid: Guard = () => [];
