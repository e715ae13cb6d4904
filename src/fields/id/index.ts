import { XueliError } from "../../core/error.js";
import { type Finding, finding, type Result } from "../../core/result.js";
import { beijingDate, isIsoDate } from "../../core/time.js";
import { type IdType, idTypes } from "../../entities/student.js";
import { type LocaleOptions, show } from "../../findings/locales/index.js";

/** What a valid identity document number tells (证件号码). */
export interface IdNumberFacts {
  /** The kind of document the number has the shape of (`resident-15` for a legacy 15-digit number). */
  type: IdType;
  /** Trimmed, full-width folded, upper-case; a 15-digit number upgraded to its 18-digit form. */
  normalized: string;
  /** `YYYY-MM-DD`, resident numbers only. */
  birthDate?: string;
  /** From the sequence digit (odd = male), resident numbers only. */
  sex?: "male" | "female";
  /** The 6-digit address code at issue (GB/T 2260), resident numbers only. */
  regionCode?: string;
}

export interface IdNumberOptions extends LocaleOptions {
  /** The declared document type; without it the type is detected from the number's shape. */
  type?: IdType;
  /**
   * The day the age rule is evaluated on: a `Date` (read in Beijing time) or `YYYY-MM-DD`.
   * Default: today in Beijing.
   */
  asOf?: Date | string;
  /** Minimum age of the holder on `asOf` [decision]; default 14. */
  minAge?: number;
}

// GB 11643-1999: weights of the 17 body digits, and the check character of each sum mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// (checkResident unrolls the same weights for speed.)
const CHECK = "10X98765432";
const CHECK_CODES = [49, 48, 88, 57, 56, 55, 54, 53, 52, 51, 50] as const;

// First two digits: 1 = one of the 34 provincial-level codes of GB/T 2260 (71 Taiwan included),
// 2 = a residence permit of Hong Kong / Macao / Taiwan residents, valid only as 810000/820000/830000.
const REGION = new Uint8Array(100);
for (const p of [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46]) {
  REGION[p] = 1;
}
for (const p of [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71]) REGION[p] = 1;
REGION[81] = 2;
REGION[82] = 2;
REGION[83] = 2;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const MS_PER_DAY = 86_400_000;
// China has kept UTC+8 without daylight saving since 1991: today in Beijing is plain arithmetic.
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** [decision] Birth years before 1900 are not plausible for a graduate. */
const MIN_BIRTH_YEAR = 1900;

const isIdType = (t: unknown): t is IdType =>
  typeof t === "string" && (idTypes as readonly string[]).includes(t);

// Memo of the last Beijing day computed: a cache of a pure function of the clock, not state that
// changes any result.
let memoStart = 0;
let memoEnd = 0;
let memoDay = 0;

/** `YYYYMMDD` as an integer, for the Beijing calendar day of epoch milliseconds `ms` (after 1991). */
function beijingDayNumber(ms: number): number {
  if (ms >= memoStart && ms < memoEnd) return memoDay;
  const day = Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
  memoStart = day * MS_PER_DAY - BEIJING_OFFSET_MS;
  memoEnd = memoStart + MS_PER_DAY;
  memoDay = civilDayNumber(day);
  return memoDay;
}

/** `YYYYMMDD` of a count of days since 1970-01-01. */
function civilDayNumber(days: number): number {
  // Days since 1970-01-01 → civil date (H. Hinnant's days_from_civil inverse).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

function asOfDayNumber(asOf: Date | string): number {
  if (asOf instanceof Date && !Number.isNaN(asOf.getTime()))
    return Number(beijingDate(asOf).replaceAll("-", ""));
  if (typeof asOf === "string" && isIsoDate(asOf)) return Number(asOf.replaceAll("-", ""));
  throw new XueliError("option.invalid", `asOf must be a valid Date or YYYY-MM-DD, got ${show(asOf)}`);
}

/** True when `s` holds only 0-9 and A-Z: nothing to normalize (the fast path). */
function isClean(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * Folds full-width forms, drops every kind of space, upper-cases letters (`x` → `X`): what
 * `validateIdNumber` does first, and what duplicates are compared by.
 * @example
 * normalizeIdNumber(" １１０１０８ 19980512 168x ") //=> "11010819980512168X"
 */
export function normalizeIdNumber(input: string): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    // Spaces of any kind (ASCII, tab, NBSP, ideographic, zero-width) are layout, not content.
    if (
      c === 32 ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      c === 0xa0 ||
      c === 0x3000 ||
      (c >= 0x2000 && c <= 0x200d) ||
      c === 0x2060 ||
      c === 0xfeff
    ) {
      continue;
    }
    if (c >= 97 && c <= 122) c -= 32;
    out += String.fromCharCode(c);
  }
  return out;
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** The 18-digit form of a 15-digit legacy number: "19" inserted before the year, check computed. */
function upgrade15(s: string): string {
  const body = `${s.slice(0, 6)}19${s.slice(6)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return body + CHECK[sum % 11];
}

/**
 * The type a number's shape suggests, or `undefined` when it fits none. [decision] A string whose
 * first 14 characters are digits is taken for a resident number (15 or 18 long), never a passport.
 */
function detect(s: string): IdType | undefined {
  const n = s.length;
  if (n >= 14 && isDigits(s, 0, 14)) {
    if (n === 18 && isDigits(s, 14, 17)) {
      const last = s.charCodeAt(17);
      if ((last >= 48 && last <= 57) || last === 88) return "resident";
    }
    if (n === 15 && isDigits(s, 14, 15)) return "resident-15";
    return undefined;
  }
  if (isHkMacao(s)) return "hk-macao-permit";
  if (n === 8 && isDigits(s, 0, 8)) return "taiwan-permit";
  if (n >= 5 && n <= 17 && isAlnum(s)) return "passport";
  return undefined;
}

/** Mainland travel permit for Hong Kong/Macao residents: H or M + 8 digits (+ 2-digit renewal count). */
function isHkMacao(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c !== 72 && c !== 77) return false;
  return (s.length === 9 || s.length === 11) && isDigits(s, 1, s.length);
}

/** Expected shape of each type, for `id.format` params. */
const SHAPES: Record<IdType, string> = {
  resident: "18: 6+8+3 digits + [0-9X]",
  "resident-15": "15 digits",
  "hk-macao-permit": "H|M + 8 digits (+ 2)",
  "taiwan-permit": "8 digits",
  passport: "5-17 letters/digits",
};

function formatFailure(
  input: unknown,
  type: IdType | undefined,
  options: IdNumberOptions | undefined,
): Result<IdNumberFacts> {
  const params: Record<string, unknown> = {
    received: typeof input === "string" ? input.slice(0, 40) : typeof input,
  };
  if (type !== undefined) {
    params.type = type;
    params.expected = SHAPES[type];
  }
  return { ok: false, findings: [finding("id.format", [], params, options)] };
}

/**
 * Validates an identity document number (证件号码, 3.1): a resident ID of GB 11643-1999 with its
 * check character, a legacy 15-digit number (upgraded, `id.legacy` warning), a residence permit
 * (810000/820000/830000), a Hong Kong/Macao or Taiwan permit, or a passport. Without
 * `options.type` the type is detected from the shape. Full-width characters, spaces and a lower-case
 * `x` are normalized. Never throws on bad data; throws `XueliError` for a wrong option.
 * @example
 * validateIdNumber("11010819980512168X").value
 * //=> { type: "resident", normalized: "11010819980512168X", birthDate: "1998-05-12",
 * //     sex: "female", regionCode: "110108" }
 * validateIdNumber("110108199805121681").findings[0]?.code //=> "id.checksum"
 */
export function validateIdNumber(input: string, options?: IdNumberOptions): Result<IdNumberFacts> {
  const declared = options?.type;
  if (declared !== undefined && !isIdType(declared)) {
    throw new XueliError("option.invalid", `Unknown id type: ${show(declared)}`);
  }
  const minAge = options?.minAge;
  if (minAge !== undefined && !(Number.isInteger(minAge) && minAge >= 0)) {
    throw new XueliError("option.invalid", `minAge must be a non-negative integer, got ${show(minAge)}`);
  }
  if (typeof input !== "string") return formatFailure(input, declared, options);
  // Fast path: an already clean 18-character resident number (the common case of a roster).
  if (
    input.length === 18 &&
    (declared === undefined || declared === "resident" || declared === "resident-15") &&
    isDigits(input, 0, 17)
  ) {
    const last = input.charCodeAt(17);
    if ((last >= 48 && last <= 57) || last === 88) return checkResident(input, false, options);
  }
  let s = isClean(input) ? input : normalizeIdNumber(input);
  // Old Hong Kong/Macao permits print the renewal count in brackets: H12345678(01).
  if (s.length === 13 && s.charCodeAt(9) === 40 && s.charCodeAt(12) === 41)
    s = s.slice(0, 9) + s.slice(10, 12);
  const shape = detect(s);
  let type: IdType | undefined = shape;
  if (declared !== undefined) {
    // Resident and legacy numbers are one family: a declared "resident" may be given in 15 digits
    // (and upgraded), a declared "resident-15" may already have been upgraded to 18.
    const family = (t: IdType | undefined) => (t === "resident-15" ? "resident" : t);
    if (family(declared) === "resident") type = family(shape) === "resident" ? shape : undefined;
    else if (declared === "passport")
      type = s.length >= 5 && s.length <= 17 && isAlnum(s) ? declared : undefined;
    else type = shape === declared ? declared : undefined;
  }
  if (type === undefined) return formatFailure(s || input, declared, options);
  if (type === "resident") return checkResident(s, false, options);
  if (type === "resident-15") return checkResident(upgrade15(s), true, options);
  return { ok: true, value: { type, normalized: s }, findings: [] };
}

function checkResident(
  s: string,
  legacy: boolean,
  options: IdNumberOptions | undefined,
): Result<IdNumberFacts> {
  // The hot path of roster checks: plain char-code arithmetic, no regex, no Date, no closure; the
  // findings array is only built when something is wrong.
  const c0 = s.charCodeAt(0) - 48;
  const c1 = s.charCodeAt(1) - 48;
  const c2 = s.charCodeAt(2) - 48;
  const c3 = s.charCodeAt(3) - 48;
  const c4 = s.charCodeAt(4) - 48;
  const c5 = s.charCodeAt(5) - 48;
  const c6 = s.charCodeAt(6) - 48;
  const c7 = s.charCodeAt(7) - 48;
  const c8 = s.charCodeAt(8) - 48;
  const c9 = s.charCodeAt(9) - 48;
  const c10 = s.charCodeAt(10) - 48;
  const c11 = s.charCodeAt(11) - 48;
  const c12 = s.charCodeAt(12) - 48;
  const c13 = s.charCodeAt(13) - 48;
  const c14 = s.charCodeAt(14) - 48;
  const c15 = s.charCodeAt(15) - 48;
  const c16 = s.charCodeAt(16) - 48;
  // Check character (GB 11643-1999: ISO 7064 MOD 11-2 with the weights 7 9 10 5 8 4 2 1 6 3 …).
  const sum =
    c0 * 7 +
    c1 * 9 +
    c2 * 10 +
    c3 * 5 +
    c4 * 8 +
    c5 * 4 +
    c6 * 2 +
    c7 +
    c8 * 6 +
    c9 * 3 +
    c10 * 7 +
    c11 * 9 +
    c12 * 10 +
    c13 * 5 +
    c14 * 8 +
    c15 * 4 +
    c16 * 2;
  const checkOk = s.charCodeAt(17) === CHECK_CODES[sum % 11];
  // Address code: a provincial-level code, or exactly 810000/820000/830000 for residence permits.
  const region = REGION[c0 * 10 + c1];
  const regionOk = region === 1 || (region === 2 && c2 === 0 && c3 === 0 && c4 === 0 && c5 === 0);
  // Birth date: exists, from 1900 on, not in the future, holder at least `minAge` (14) years old
  // in Beijing on `asOf` (today by default).
  const y = c6 * 1000 + c7 * 100 + c8 * 10 + c9;
  const m = c10 * 10 + c11;
  const d = c12 * 10 + c13;
  let reason: "nonexistent" | "too-early" | "future" | "too-young" | undefined;
  if (m < 1 || m > 12 || d < 1 || d > (DAYS_IN_MONTH[m] as number)) {
    if (!(m === 2 && d === 29 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0))) reason = "nonexistent";
  }
  const minAge = options?.minAge ?? 14;
  if (reason === undefined) {
    const birth = y * 10_000 + m * 100 + d;
    if (y < MIN_BIRTH_YEAR) reason = "too-early";
    // Without asOf, a holder already a year past minAge on the last Beijing day read is of age
    // today too (the clock does not run back a year): the common case needs no clock read.
    else if (options?.asOf !== undefined || birth + (minAge + 1) * 10_000 > memoDay) {
      const today = options?.asOf === undefined ? beijingDayNumber(Date.now()) : asOfDayNumber(options.asOf);
      if (birth > today) reason = "future";
      else if (birth + minAge * 10_000 > today) reason = "too-young";
    }
  }

  const value: IdNumberFacts = {
    type: legacy ? "resident-15" : "resident",
    normalized: s,
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sex: (c16 & 1) === 1 ? "male" : "female",
    regionCode: s.slice(0, 6),
  };
  if (checkOk && regionOk && reason === undefined && !legacy) return { ok: true, value, findings: [] };

  const findings: Finding[] = [];
  if (legacy) {
    findings.push(
      finding("id.legacy", [], { received: s.slice(0, 6) + s.slice(8, 17), suggestion: s }, options),
    );
  }
  if (!checkOk) {
    findings.push(finding("id.checksum", [], { expected: CHECK[sum % 11], received: s[17] }, options));
  }
  if (!regionOk) findings.push(finding("id.region", [], { received: s.slice(0, 6) }, options));
  if (reason !== undefined) {
    const params: Record<string, unknown> = { received: value.birthDate, reason };
    if (reason === "too-young") params.minAge = minAge;
    findings.push(finding("id.birth-date", [], params, options));
    // A date that does not exist is not a fact to hand on.
    if (reason === "nonexistent") delete value.birthDate;
  }
  const ok = checkOk && regionOk && reason === undefined;
  return ok ? { ok, value, findings } : { ok, value, findings };
}
