import { XueliError } from "../../core/error.js";
import { type Path, prefixFindings } from "../../core/result.js";
import { clip, foldFullWidth, isControlChar, RECEIVED_MAX } from "../../core/strings.js";
import { isIsoDate } from "../../core/time.js";
import type { Batch } from "../../entities/batch.js";
import { type IdType, idTypes, type Student, StudentSchema } from "../../entities/student.js";
import { PARSE, zodFindings } from "../../entities/zod-findings.js";
import { type Finding, finding, type LocaleOptions, type Result, toResult } from "../../findings/index.js";
import { validateEthnicity } from "../ethnicity/index.js";
import { type IdNumberFacts, normalizeIdNumber, validateIdNumber } from "../id/index.js";
import { validateName } from "../name/index.js";
import { ORIGIN_INPUT_MAX, type OriginOptions, validateOrigin } from "../origin/index.js";

/** Options of `validateStudent`: the batch the student is checked for, or the day its rules are read on. */
export interface StudentOptions extends LocaleOptions {
  /**
   * The batch the student is checked for: the age rule of the ID number (14 or older) is
   * evaluated on its e-registration date (2022-06-10 for `ucas2022Batch3`), and the origin
   * against the divisions in force on that date (3.3 [decision]).
   */
  batch?: Batch;
  /**
   * The day of the age rule and of the divisions, overriding the batch's: a `Date` or
   * `YYYY-MM-DD`. Default: the batch's registration date, else today in Beijing for the age rule
   * and the newest edition of the divisions.
   */
  asOf?: Date | string;
}

// ---------------------------------------------------------------------------------------------
// Student numbers (学号, 3.1)

/**
 * Characters a student number never holds and no one sees: `isControlChar`'s (C0 and C1 controls,
 * DEL, zero-width characters and marks, the bidi embeddings, overrides and isolates, the invisible
 * operators and word joiner, the BOM, the line and paragraph separators) and the tab. A copied
 * number that carries one is another string than the same number typed, so it would dodge the
 * duplicate check (3.1).
 * @example
 * isInvisible(0x200b) //=> true
 * isInvisible(0x31) //=> false
 */
export function isInvisible(c: number): boolean {
  return c === 0x09 || isControlChar(c);
}

const codePointName = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A student number as compared for duplicates (3.1): full-width letters and digits folded, the
 * invisible and control characters of `isInvisible` removed, surrounding spaces trimmed.
 * @example
 * normalizeStudentNumber(" 201918000000001\u200b") //=> "201918000000001"
 */
export function normalizeStudentNumber(input: string): string {
  // The common case first: nothing to fold or remove (a full-width form is U+FF01–U+FF5E, and
  // `foldFullWidth` turns U+3000 into a space, which `trim` removes at either end as it is).
  let plain = true;
  for (let i = 0; i < input.length && plain; i++) {
    const c = input.charCodeAt(i);
    plain = !isInvisible(c) && !(c >= 0xff01 && c <= 0xff5e) && c !== 0x3000;
  }
  if (plain) return input.trim();
  let out = "";
  for (const ch of foldFullWidth(input)) {
    if (!isInvisible(ch.codePointAt(0) as number)) out += ch;
  }
  return out.trim();
}

/**
 * `student-number.characters` for a student number holding invisible or control characters
 * (`isInvisible`), at `[]`; none otherwise. (An empty number is the schema's: `schema.invalid`.)
 */
function studentNumberFindings(input: string, options: LocaleOptions): Finding[] {
  // The common case first: no UTF-16 code unit is invisible (no surrogate is, so no code point is).
  let clean = true;
  for (let i = 0; i < input.length && clean; i++) clean = !isInvisible(input.charCodeAt(i));
  if (clean) return [];
  const characters: string[] = [];
  let shown = "";
  let cut = false;
  for (const ch of input) {
    const c = ch.codePointAt(0) as number;
    const bad = isInvisible(c);
    if (bad) {
      const name = codePointName(c);
      if (!characters.includes(name) && characters.length < 16) characters.push(name);
    }
    if (!cut) {
      shown += bad ? `<${codePointName(c)}>` : ch;
      if (shown.length > RECEIVED_MAX) cut = true;
    }
  }
  if (characters.length === 0) return [];
  const received = clip(shown, RECEIVED_MAX);
  return [finding("student-number.characters", [], { received, characters }, options)];
}

// ---------------------------------------------------------------------------------------------
// Ethnic group and origin: who may leave them out (3.1, 3.3 [decision])

const BLANK_MAX = 200;
/** True for a value that is no ethnic group at all: absent, or only spaces. */
function blankEthnicity(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  // (`foldFullWidth` turns only U+3000 into a space, which `trim` removes anyway: no fold needed.)
  return typeof v === "string" && v.length <= BLANK_MAX && v.trim() === "";
}

/**
 * True for an origin that is empty once spaces are removed (as `validateOrigin` reads it), or absent.
 * @example
 * blankOrigin(" \u3000 ") //=> true
 * blankOrigin("北京市海淀区") //=> false
 */
export function blankOrigin(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  // `normalizeOriginText` folds (U+3000 to a space, U+FF01–U+FF5E to ASCII that is no space),
  // removes `\s` and swaps parentheses: empty exactly when every character is `\s`, which is
  // what `trim` removes — without building the normalized text.
  return typeof value === "string" && value.length <= ORIGIN_INPUT_MAX && value.trim() === "";
}

/**
 * **[decision, 3.3]** The origin a permit points to: 香港特别行政区 for a Mainland travel permit
 * starting with H or a residence permit of 810000, 澳门特别行政区 for M or 820000, 台湾省 for a
 * Taiwan compatriot permit or 830000. Undefined for any other document.
 * @example
 * permitOrigin("hk-macao-permit", "H12345678") //=> "香港特别行政区"
 */
export function permitOrigin(type: IdType | undefined, number: unknown): string | undefined {
  if (type === "taiwan-permit") return "台湾省";
  if (typeof number !== "string" || number.length > 64) return undefined;
  const n = normalizeIdNumber(number);
  if (type === "hk-macao-permit") {
    if (n.startsWith("H")) return "香港特别行政区";
    if (n.startsWith("M")) return "澳门特别行政区";
    return undefined;
  }
  if (type === "resident" && n.length === 18) {
    if (n.startsWith("810000")) return "香港特别行政区";
    if (n.startsWith("820000")) return "澳门特别行政区";
    if (n.startsWith("830000")) return "台湾省";
  }
  return undefined;
}

/** Whom an origin belongs to: the document type and number of the student. */
export interface OriginHolder {
  type?: IdType | undefined;
  number?: unknown;
}

/**
 * The origin of a student as `validateStudent` checks it (3.3), for the guards that check it again
 * (`originValid`, an edit's advisory): **[decision]** for a passport holder (a foreign national)
 * an empty origin is not applicable — accepted, `normalized` `""`; a given one is validated. For a
 * permit holder an empty origin is `origin.empty` with the permit's region as `params.suggestion`.
 * Otherwise `validateOrigin` with `options.asOf`. Findings at `[]`.
 * @example
 * checkStudentOrigin("", { type: "passport", number: "E12345678" }).findings //=> []
 * checkStudentOrigin("", { type: "hk-macao-permit", number: "H12345678" }).findings[0]?.params
 * //=> { suggestion: "香港特别行政区" }
 */
export function checkStudentOrigin(
  value: unknown,
  holder: OriginHolder,
  options?: OriginOptions,
): { findings: Finding[]; normalized?: string } {
  const locale: LocaleOptions = options?.locale === undefined ? {} : { locale: options.locale };
  if (blankOrigin(value)) {
    if (holder.type === "passport") return { findings: [], normalized: "" };
    const suggestion = permitOrigin(holder.type, holder.number);
    const params = suggestion === undefined ? {} : { suggestion };
    return { findings: [finding("origin.empty", [], params, locale)] };
  }
  const r = validateOrigin(value, options);
  return r.value === undefined
    ? { findings: r.findings }
    : { findings: r.findings, normalized: r.value.normalized };
}

/**
 * True when the student's origin needs a review before staging and is locked by it (3.3.3,
 * 3.3.4): false only for a passport holder's empty origin, which is not applicable [decision].
 * @example
 * originApplies({ id: { type: "passport", number: "E12345678" }, origin: { value: "", reviewed: false } }) //=> false
 */
export function originApplies(student: { id: { type: IdType }; origin: { value: string } }): boolean {
  return !(student.id.type === "passport" && blankOrigin(student.origin.value));
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
  studentNumber?: string;
  name?: string;
  sex?: "male" | "female";
  /** `undefined` with `ethnicityAbsent`: none given; `undefined` alone: of the wrong type (the schema's). */
  ethnicity?: string | number;
  ethnicityAbsent?: boolean;
  idType?: IdType;
  idNumber?: string;
  /** `""` when none is given (the schema's default); `undefined`: of the wrong type (the schema's). */
  origin?: string;
}

const isRecordLike = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields the field validators need, read from the raw input when the schema failed. */
function rawFields(input: unknown): Fields {
  const f: Fields = {};
  const studentNumber = own(input, "studentNumber");
  if (typeof studentNumber === "string") f.studentNumber = studentNumber;
  const name = own(input, "name");
  if (typeof name === "string") f.name = name;
  const sex = own(input, "sex");
  if (sex === "male" || sex === "female") f.sex = sex;
  const ethnicity = own(input, "ethnicity");
  if (typeof ethnicity === "string" || typeof ethnicity === "number") f.ethnicity = ethnicity;
  else if (ethnicity === undefined) f.ethnicityAbsent = true;
  const id = own(input, "id");
  const idType = own(id, "type");
  if (isIdType(idType)) f.idType = idType;
  const idNumber = own(id, "number");
  if (typeof idNumber === "string") f.idNumber = idNumber;
  // As the schema reads it: no origin, or no value, is an empty one.
  const origin = own(input, "origin");
  const value = own(origin, "value");
  if (origin === undefined) f.origin = "";
  else if (isRecordLike(origin) && (value === undefined || typeof value === "string")) f.origin = value ?? "";
  return f;
}

// The last batch whose registration date was read, and that date (every row of a roster passes
// the same batch): the date is checked again only when the batch or its date changed.
let lastBatch: unknown;
let lastDate: unknown;

function asOfOf(options: StudentOptions | undefined): Date | string | undefined {
  if (options?.asOf !== undefined) return options.asOf;
  const batch = options?.batch;
  if (batch === undefined) return undefined;
  if (typeof batch !== "object" || batch === null) {
    throw new XueliError("option.invalid", "options.batch must be a Batch (see defineBatch)");
  }
  const date = batch.registrationDate;
  if (batch === lastBatch && date === lastDate) return date;
  if (!isIsoDate(date)) {
    throw new XueliError("option.invalid", "options.batch must be a Batch (see defineBatch)");
  }
  lastBatch = batch;
  lastDate = date;
  return date;
}

/** Appends `list` with its paths prefixed (nothing to allocate for the common empty list). */
function pushAt(findings: Finding[], list: readonly Finding[], prefix: Path): void {
  if (list.length > 0) findings.push(...prefixFindings(list, prefix));
}

/**
 * Validates a student record for registration (3.1): the shape of `StudentSchema` (zod issues
 * become `schema.invalid` at their paths), then every field validator at its path — the student
 * number at `["studentNumber"]` (`student-number.characters`: invisible or control characters),
 * the ID number at `["id", "number"]` with the declared `id.type`, `["name"]`, `["ethnicity"]`
 * (`ethnicity.empty` when none is given), `["origin", "value"]` (`validateOrigin` with the divisions
 * in force on the batch's registration date) — and the sex against the ID number's sequence digit
 * (`id.sex-mismatch` at `["sex"]`). **[decision, 3.1, 3.3]** A passport holder may leave the ethnic
 * group and the origin empty (a given one is validated); a permit holder's empty origin suggests
 * the permit's region. When the shape is wrong the field validators still run on the fields that
 * are there, so every problem is reported at once. The value is the normalized student: the
 * normalized (18-digit) ID number, the normalized name, the ethnic group's full name, the
 * normalized origin. Never throws on bad data and never writes to the input.
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
        studentNumber: student.studentNumber,
        name: student.name,
        sex: student.sex,
        idType: student.id.type,
        idNumber: student.id.number,
        origin: student.origin.value,
      };
      if (student.ethnicity === undefined) fields.ethnicityAbsent = true;
      else fields.ethnicity = student.ethnicity;
    } else {
      findings.push(...zodFindings(parsed.error, locale));
      fields = rawFields(input);
    }
  } catch {
    // A proxy or a getter that throws: the record cannot be read at all.
    findings.push(finding("schema.invalid", [], { reason: "unreadable" }, locale));
    return { ok: false, findings };
  }

  if (fields.studentNumber !== undefined) {
    pushAt(findings, studentNumberFindings(fields.studentNumber, locale), ["studentNumber"]);
  }
  let id: IdNumberFacts | undefined;
  if (fields.idNumber !== undefined) {
    const idOptions: Parameters<typeof validateIdNumber>[1] = { ...locale };
    if (fields.idType !== undefined) idOptions.type = fields.idType;
    if (asOf !== undefined) idOptions.asOf = asOf;
    const r = validateIdNumber(fields.idNumber, idOptions);
    pushAt(findings, r.findings, ["id", "number"]);
    id = r.value;
    // The sex digit is only trusted when the number itself is right.
    if (r.ok && id?.sex !== undefined && fields.sex !== undefined && id.sex !== fields.sex) {
      findings.push(finding("id.sex-mismatch", ["sex"], { expected: id.sex, received: fields.sex }, locale));
    }
  }
  let name: string | undefined;
  if (fields.name !== undefined) {
    const r = validateName(fields.name, locale);
    pushAt(findings, r.findings, ["name"]);
    name = r.value?.normalized;
  }
  // [decision, 3.1] A foreign national (passport) may have no ethnic group; a given one is checked.
  const passport = fields.idType === "passport";
  let ethnicity: string | undefined;
  let dropEthnicity = false;
  if (
    fields.ethnicityAbsent === true ||
    (fields.ethnicity !== undefined && blankEthnicity(fields.ethnicity))
  ) {
    if (passport) dropEthnicity = true;
    else findings.push(finding("ethnicity.empty", ["ethnicity"], {}, locale));
  } else if (fields.ethnicity !== undefined) {
    const r = validateEthnicity(fields.ethnicity, locale);
    pushAt(findings, r.findings, ["ethnicity"]);
    ethnicity = r.value?.name;
  }
  let origin: string | undefined;
  if (fields.origin !== undefined) {
    // Three levels of the division table in force on the batch's date (3.3): 省市县, 直辖市+区, or
    // the two-name units; not applicable to a passport holder who gives none [decision].
    const originOptions: OriginOptions = asOf === undefined ? locale : { ...locale, asOf };
    const r = checkStudentOrigin(
      fields.origin,
      { type: fields.idType, number: fields.idNumber },
      originOptions,
    );
    pushAt(findings, r.findings, ["origin", "value"]);
    origin = r.normalized;
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
  else if (dropEthnicity) delete value.ethnicity;
  if (origin !== undefined) value.origin.value = origin;
  return toResult(value, findings);
}
