import { XueliError } from "../../core/error.js";
import { foldFullWidth } from "../../core/strings.js";
import { type EducationType, educationTypes } from "../../core/vocabulary.js";
import { type DegreeLevel, degreeLevels } from "../../entities/student.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  show,
} from "../../findings/index.js";

/**
 * Level of the 学历证书编号 (digits 11-12): 01 博士研究生 doctor, 02 硕士研究生 master,
 * 04 第二学士学位 second-bachelor, 05 本科 bachelor, 06 专科 associate.
 */
export type CertificateLevel = DegreeLevel | "second-bachelor" | "bachelor" | "associate";
/** Type of education (digit 6): 1 普通高等教育, 5 成人, 6 自考, 7 网络. */
export type { EducationType };

/** What a certificate number tells. */
export interface CertificateFacts {
  /** The 5-digit school code, e.g. `14430`. */
  schoolCode: string;
  educationType: EducationType;
  /** The year of graduation, e.g. 2022. */
  year: number;
  level: CertificateLevel;
  /** The two digits as written, e.g. `"01"`. */
  levelCode: "01" | "02" | "04" | "05" | "06";
  /** The 6-digit serial, e.g. `"000123"`. */
  serial: string;
  /** The 18 digits, full-width folded and spaces removed. */
  normalized: string;
}

/** What the number must agree with: the school, the type of education, the graduation year, the student's level. */
export interface CertificateExpectation {
  schoolCode?: string;
  /** The type of education (办学类型, digit 6) the batch issues: `1` for graduate certificates. */
  educationType?: EducationType;
  year?: number;
  level?: DegreeLevel;
}

/**
 * **[decision, 2.2]** The type of education of every graduate (研究生) certificate: `1`, 普通高等教育.
 * Adult (5), self-study (6) and online (7) education issue bachelor's and associate certificates
 * only, so a doctor's or master's certificate number with 5, 6 or 7 is refused
 * (`certificate.education-type`). A constant rather than a batch field: it holds for every
 * graduate batch of every school, UCAS's included.
 */
export const GRADUATE_EDUCATION_TYPE: EducationType = "1";

/**
 * **[decision]** The longest input read as a certificate number, in UTF-16 code units: 18 digits
 * with room for spaces. A longer value is `certificate.format` before any string work.
 */
export const CERTIFICATE_INPUT_MAX = 100;

const LEVELS: Record<string, CertificateLevel> = {
  "01": "doctor",
  "02": "master",
  "04": "second-bachelor",
  "05": "bachelor",
  "06": "associate",
};
const LEVEL_CODES: Record<DegreeLevel, "01" | "02"> = { doctor: "01", master: "02" };
/** [decision] Certificate years outside 1950-2100 are not plausible. */
const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

/**
 * The expectation read once into a plain object and checked: it is the caller's configuration, so
 * a wrong one (or one whose getters throw) is a programmer error, `XueliError` `option.invalid`.
 */
function readExpect(given: CertificateExpectation | undefined): CertificateExpectation | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== "object" || given === null) {
    throw new XueliError("option.invalid", "expect must be an object");
  }
  const expect: CertificateExpectation = {};
  try {
    const { schoolCode, educationType, year, level } = given;
    if (schoolCode !== undefined) expect.schoolCode = schoolCode;
    if (educationType !== undefined) expect.educationType = educationType;
    if (year !== undefined) expect.year = year;
    if (level !== undefined) expect.level = level;
  } catch {
    throw new XueliError("option.invalid", "expect cannot be read (a getter threw)");
  }
  checkExpect(expect);
  return expect;
}

function checkExpect(expect: CertificateExpectation): void {
  if (
    expect.schoolCode !== undefined &&
    !(typeof expect.schoolCode === "string" && /^\d{5}$/.test(expect.schoolCode))
  ) {
    throw new XueliError(
      "option.invalid",
      `expect.schoolCode must be 5 digits, got ${show(expect.schoolCode)}`,
    );
  }
  if (
    expect.educationType !== undefined &&
    !(educationTypes as readonly unknown[]).includes(expect.educationType)
  ) {
    throw new XueliError(
      "option.invalid",
      `expect.educationType must be one of ${educationTypes.join(", ")}, got ${show(expect.educationType)}`,
    );
  }
  if (expect.year !== undefined && !Number.isInteger(expect.year)) {
    throw new XueliError("option.invalid", `expect.year must be an integer, got ${show(expect.year)}`);
  }
  if (expect.level !== undefined && !(degreeLevels as readonly string[]).includes(expect.level)) {
    throw new XueliError(
      "option.invalid",
      `expect.level must be doctor or master, got ${show(expect.level)}`,
    );
  }
}

/**
 * Validates an education-certificate number (学历证书编号, 2.2), the national 18-digit format
 * without check digit: school code (5) · type of education (1: 1/5/6/7) · year (4) · level
 * (2: 01 doctor, 02 master, 04, 05, 06) · serial (6). With `expect` the school code, the type of
 * education, the year and the level must agree (`certificate.school`, `certificate.education-type`,
 * `certificate.year`, `certificate.level`). The 17-digit numbers of before 2002 are refused
 * (`certificate.format`): this batch issues 18 digits.
 * @example
 * validateCertificateNumber("144301202201000123", { schoolCode: "14430", year: 2022, level: "doctor" }).value
 * //=> { schoolCode: "14430", educationType: "1", year: 2022, level: "doctor", levelCode: "01",
 * //     serial: "000123", normalized: "144301202201000123" }
 * validateCertificateNumber("144305202202000001", { educationType: "1" }).findings[0]?.params
 * //=> { expected: "1", received: "5" }
 */
export function validateCertificateNumber(
  input: string,
  expect?: CertificateExpectation,
  options?: LocaleOptions,
): Result<CertificateFacts> {
  const want = readExpect(expect);
  if (typeof input !== "string") {
    return {
      ok: false,
      findings: [
        finding("certificate.format", [], { received: typeof input, reason: "not-a-string" }, options),
      ],
    };
  }
  if (input.length > CERTIFICATE_INPUT_MAX) {
    // Far longer than a number with spaces: refused as it is, before any folding.
    return {
      ok: false,
      findings: [finding("certificate.format", [], { received: input.slice(0, 40) }, options)],
    };
  }
  const s = foldFullWidth(input).replace(/\s+/gu, "");
  if (!/^\d{18}$/.test(s)) {
    const params: FindingParams["certificate.format"] = { received: s.slice(0, 40) };
    if (/^\d{17}$/.test(s)) params.reason = "pre-2002";
    return { ok: false, findings: [finding("certificate.format", [], params, options)] };
  }
  const schoolCode = s.slice(0, 5);
  const educationType = s[5] as string;
  const year = Number(s.slice(6, 10));
  const levelCode = s.slice(10, 12);
  const serial = s.slice(12);
  const findings: Finding[] = [];
  if (!"1567".includes(educationType)) {
    findings.push(
      finding(
        "certificate.format",
        [],
        { expected: ["1", "5", "6", "7"], received: educationType, reason: "education-type" },
        options,
      ),
    );
  }
  if (
    want?.educationType !== undefined &&
    "1567".includes(educationType) &&
    educationType !== want.educationType
  ) {
    findings.push(
      finding(
        "certificate.education-type",
        [],
        { expected: want.educationType, received: educationType as EducationType },
        options,
      ),
    );
  }
  if (want?.schoolCode !== undefined && schoolCode !== want.schoolCode) {
    findings.push(
      finding("certificate.school", [], { expected: want.schoolCode, received: schoolCode }, options),
    );
  }
  if (year < MIN_YEAR || year > MAX_YEAR || (want?.year !== undefined && year !== want.year)) {
    const params: FindingParams["certificate.year"] = { received: year };
    if (want?.year !== undefined) params.expected = want.year;
    findings.push(finding("certificate.year", [], params, options));
  }
  const level = LEVELS[levelCode];
  if (level === undefined) {
    findings.push(
      finding("certificate.level", [], { expected: Object.keys(LEVELS), received: levelCode }, options),
    );
  } else if (want?.level !== undefined && levelCode !== LEVEL_CODES[want.level]) {
    findings.push(
      finding("certificate.level", [], { expected: LEVEL_CODES[want.level], received: levelCode }, options),
    );
  }
  if (serial === "000000") {
    findings.push(finding("certificate.format", [], { received: serial, reason: "serial" }, options));
  }
  if (level === undefined || findings.some((f) => f.code === "certificate.format"))
    return { ok: false, findings };
  const value: CertificateFacts = {
    schoolCode,
    educationType: educationType as EducationType,
    year,
    level,
    levelCode: levelCode as CertificateFacts["levelCode"],
    serial,
    normalized: s,
  };
  return findings.length === 0 ? { ok: true, value, findings } : { ok: false, value, findings };
}
