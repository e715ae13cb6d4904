import { XueliError } from "../../core/error.js";
import { prefixFindings } from "../../core/result.js";
import { isIsoDate } from "../../core/time.js";
import type { Batch } from "../../entities/batch.js";
import { type IdType, idTypes, type Student, StudentSchema } from "../../entities/student.js";
import { PARSE, zodFindings } from "../../entities/zod-findings.js";
import { type Finding, finding, type LocaleOptions, type Result, toResult } from "../../findings/index.js";
import { validateEthnicity } from "../ethnicity/index.js";
import { type IdNumberFacts, validateIdNumber } from "../id/index.js";
import { validateName } from "../name/index.js";
import { validateOrigin } from "../origin/index.js";

export interface StudentOptions extends LocaleOptions {
  /**
   * The batch the student is checked for: the age rule of the ID number (14 or older) is
   * evaluated on its e-registration date (2022-06-10 for `ucas2022Batch3`).
   */
  batch?: Batch;
  /** The day of the age rule, overriding the batch's: a `Date` or `YYYY-MM-DD`. Default: today in Beijing. */
  asOf?: Date | string;
}

/** An own data property of a plain object, without running getters or reading the prototype. */
function own(obj: unknown, key: string): unknown {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return undefined;
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d !== undefined && "value" in d ? d.value : undefined;
}

const isIdType = (t: unknown): t is IdType =>
  typeof t === "string" && (idTypes as readonly string[]).includes(t);

interface Fields {
  name?: string;
  sex?: "male" | "female";
  ethnicity?: string | number;
  idType?: IdType;
  idNumber?: string;
  origin?: string;
}

/** The fields the field validators need, read from the raw input when the schema failed. */
function rawFields(input: unknown): Fields {
  const f: Fields = {};
  const name = own(input, "name");
  if (typeof name === "string") f.name = name;
  const sex = own(input, "sex");
  if (sex === "male" || sex === "female") f.sex = sex;
  const ethnicity = own(input, "ethnicity");
  if (typeof ethnicity === "string" || typeof ethnicity === "number") f.ethnicity = ethnicity;
  const id = own(input, "id");
  const idType = own(id, "type");
  if (isIdType(idType)) f.idType = idType;
  const idNumber = own(id, "number");
  if (typeof idNumber === "string") f.idNumber = idNumber;
  const origin = own(own(input, "origin"), "value");
  if (typeof origin === "string") f.origin = origin;
  return f;
}

function asOfOf(options: StudentOptions | undefined): Date | string | undefined {
  if (options?.asOf !== undefined) return options.asOf;
  const batch = options?.batch;
  if (batch === undefined) return undefined;
  if (typeof batch !== "object" || batch === null || !isIsoDate(batch.registrationDate)) {
    throw new XueliError("option.invalid", "options.batch must be a Batch (see defineBatch)");
  }
  return batch.registrationDate;
}

/**
 * Validates a student record for registration (3.1): the shape of `StudentSchema` (zod issues
 * become `schema.invalid` at their paths), then every field validator at its path — the ID number
 * at `["id", "number"]` with the declared `id.type`, `["name"]`, `["ethnicity"]`,
 * `["origin", "value"]` (`validateOrigin`) — and the sex against the ID number's sequence digit (`id.sex-mismatch`
 * at `["sex"]`). When the shape is wrong the field validators still run on the fields that are
 * there, so every problem is reported at once. The value is the normalized student: the
 * normalized (18-digit) ID number, the normalized name, the ethnic group's full name. Never throws
 * on bad data and never writes to the input.
 * @example
 * const r = validateStudent({ ...student, name: " 阿依古丽・买买提 ", ethnicity: 5 });
 * r.value?.name //=> "阿依古丽·买买提"
 * r.value?.ethnicity //=> "维吾尔族"
 * r.findings.map((f) => f.code) //=> ["name.whitespace"]
 */
export function validateStudent(input: unknown, options?: StudentOptions): Result<Student> {
  const asOf = asOfOf(options);
  const locale: LocaleOptions = options?.locale === undefined ? {} : { locale: options.locale };
  const findings: Finding[] = [];
  let student: Student | undefined;
  let fields: Fields;
  try {
    const parsed = StudentSchema.safeParse(input, PARSE);
    if (parsed.success) {
      student = parsed.data;
      fields = {
        name: student.name,
        sex: student.sex,
        ethnicity: student.ethnicity,
        idType: student.id.type,
        idNumber: student.id.number,
        origin: student.origin.value,
      };
    } else {
      findings.push(...zodFindings(parsed.error, locale));
      fields = rawFields(input);
    }
  } catch {
    // A proxy or a getter that throws: the record cannot be read at all.
    findings.push(finding("schema.invalid", [], { reason: "unreadable" }, locale));
    return { ok: false, findings };
  }

  let id: IdNumberFacts | undefined;
  if (fields.idNumber !== undefined) {
    const idOptions: Parameters<typeof validateIdNumber>[1] = { ...locale };
    if (fields.idType !== undefined) idOptions.type = fields.idType;
    if (asOf !== undefined) idOptions.asOf = asOf;
    const r = validateIdNumber(fields.idNumber, idOptions);
    findings.push(...prefixFindings(r.findings, ["id", "number"]));
    id = r.value;
    // The sex digit is only trusted when the number itself is right.
    if (r.ok && id?.sex !== undefined && fields.sex !== undefined && id.sex !== fields.sex) {
      findings.push(finding("id.sex-mismatch", ["sex"], { expected: id.sex, received: fields.sex }, locale));
    }
  }
  let name: string | undefined;
  if (fields.name !== undefined) {
    const r = validateName(fields.name, locale);
    findings.push(...prefixFindings(r.findings, ["name"]));
    name = r.value?.normalized;
  }
  let ethnicity: string | undefined;
  if (fields.ethnicity !== undefined) {
    const r = validateEthnicity(fields.ethnicity, locale);
    findings.push(...prefixFindings(r.findings, ["ethnicity"]));
    ethnicity = r.value?.name;
  }
  let origin: string | undefined;
  if (fields.origin !== undefined) {
    // Three levels of the division table (3.3): 省市县, 直辖市+区, or the two-name units.
    const r = validateOrigin(fields.origin, locale);
    findings.push(...prefixFindings(r.findings, ["origin", "value"]));
    origin = r.value?.normalized;
  }

  if (student === undefined) return { ok: false, findings };
  const value: Student = { ...student, id: { ...student.id }, origin: { ...student.origin } };
  if (id !== undefined) {
    value.id.number = id.normalized;
    // A legacy number is registered in its upgraded 18-digit form, as a resident number.
    value.id.type = id.type === "resident-15" ? "resident" : id.type;
  }
  if (name !== undefined) value.name = name;
  if (ethnicity !== undefined) value.ethnicity = ethnicity;
  if (origin !== undefined) value.origin.value = origin;
  return toResult(value, findings);
}
