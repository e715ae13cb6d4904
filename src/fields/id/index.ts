import { XueliError } from "../../core/error.js";
import type { Path } from "../../core/result.js";
import { beijingDate, isIsoDate } from "../../core/time.js";
import { type IdType, idTypes } from "../../core/vocabulary.js";
import {
  type Finding,
  type FindingArgs,
  type FindingParams,
  findingIn,
  type IdCode,
  idTexts,
  type LocaleOptions,
  type Result,
  show,
} from "../../findings/index.js";

/**
 * The ID codes' findings, from their own texts: a bundle that checks only ID numbers carries these
 * texts, not the whole catalogue's (issue 13.2).
 */
const finding = <C extends IdCode>(code: C, path: Path, ...args: FindingArgs<C>): Finding<C> =>
  findingIn(idTexts, code, path, ...args);

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

/** Options of `validateIdNumber`: the declared document type, and the day and minimum of the age rule. */
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
// Beijing time (Asia/Shanghai) has been UTC+8 without daylight saving since the end of the
// 1986–1991 summer time (1991-09-15 02:00 local, 1991-09-14T17:00Z): from then on, the Beijing
// calendar day of an instant is the UTC day of the instant + 8 h, plain arithmetic. Earlier
// instants (an old `asOf`, a fake clock set to the past) go through the time-zone database
// (`beijingDate`). Should China bring back summer time, this is where it must change
// (test/id/clock.test.ts checks the arithmetic against the database).
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const FIXED_OFFSET_SINCE_MS = Date.UTC(1991, 8, 15); // a few hours after the last transition
/**
 * **[decision]** The longest input read as a document number, in UTF-16 code units: 18 characters
 * with room for spaces and brackets. A longer value is `id.format` before any string work.
 */
export const ID_INPUT_MAX = 100;
/** [decision] Birth years before 1900 are not plausible for a graduate. */
const MIN_BIRTH_YEAR = 1900;

const isIdType = (t: unknown): t is IdType =>
  typeof t === "string" && (idTypes as readonly string[]).includes(t);

// The Beijing day last converted: its [start, end) in epoch milliseconds and its `YYYYMMDD`. A
// cache of a pure function of the instant (not of the clock): it is reused only for an instant
// inside that range, so a clock that jumps back or forth (fake timers, NTP) is answered right.
let dayStart = 0;
let dayEnd = 0;
let dayNumber = 0;

/** `YYYYMMDD` as an integer, for the Beijing calendar day of epoch milliseconds `ms`. */
function beijingDayNumber(ms: number): number {
  if (ms >= dayStart && ms < dayEnd) return dayNumber;
  if (ms < FIXED_OFFSET_SINCE_MS) return Number(beijingDate(new Date(ms)).replaceAll("-", ""));
  const day = Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
  dayNumber = civilDayNumber(day);
  dayStart = day * MS_PER_DAY - BEIJING_OFFSET_MS;
  dayEnd = dayStart + MS_PER_DAY;
  return dayNumber;
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

// The last `asOf` string read and its `YYYYMMDD` (a batch passes the same date for every student).
let asOfText = "";
let asOfTextDay = 0;

function asOfDayNumber(asOf: Date | string): number {
  if (typeof asOf === "string") {
    if (asOf === asOfText) return asOfTextDay;
    if (isIsoDate(asOf)) {
      asOfTextDay = Number(asOf.replaceAll("-", ""));
      asOfText = asOf;
      return asOfTextDay;
    }
  } else if (asOf instanceof Date && !Number.isNaN(asOf.getTime())) {
    return beijingDayNumber(asOf.getTime());
  }
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

function formatFailure(
  input: unknown,
  type: IdType | undefined,
  options: IdNumberOptions | undefined,
): Result<IdNumberFacts> {
  // The shape each type needs is the locales' to say (`params.type`).
  const params: FindingParams["id.format"] = {
    received: typeof input === "string" ? input.slice(0, 40) : typeof input,
  };
  if (type !== undefined) params.type = type;
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
  if (typeof input !== "string" || input.length > ID_INPUT_MAX)
    return formatFailure(input, declared, options);
  // Fast path: an already clean 18-character resident number (the common case of a roster);
  // checkResident answers undefined when the string is not 17 digits + [0-9X].
  if (
    input.length === 18 &&
    (declared === undefined || declared === "resident" || declared === "resident-15")
  ) {
    const r = checkResident(input, false, options);
    if (r !== undefined) return r;
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
  // (detect has seen 17 digits + [0-9X]: checkResident answers; the ?? is for the type checker.)
  if (type === "resident") return checkResident(s, false, options) ?? formatFailure(s, declared, options);
  if (type === "resident-15")
    return checkResident(upgrade15(s), true, options) ?? formatFailure(s, declared, options);
  return { ok: true, value: { type, normalized: s }, findings: [] };
}

// The facts' `birthDate` strings, shared by every number born on the same day: building
// "YYYY-MM-DD" from three slices and four concatenations cost more than all the rest of a valid
// number's check. Years 1900–2099 only, a row of 416 per year (month × 32 + day) made on first
// use: at most 200 rows and 74,400 ten-character strings (~3 MB) if every day were ever seen,
// ~0.6 MB for 40 years of births.
const BIRTH_TEXT: (Array<string | undefined> | undefined)[] = [];

/** `YYYY-MM-DD` from the digits of `s` at 6–13 (`y`, `m`, `d` being their values). */
function birthText(s: string, y: number, m: number, d: number): string {
  if (y < MIN_BIRTH_YEAR || y >= 2100 || m > 12 || d > 31)
    return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  let row = BIRTH_TEXT[y - MIN_BIRTH_YEAR];
  if (row === undefined) {
    row = new Array<string | undefined>(416).fill(undefined);
    BIRTH_TEXT[y - MIN_BIRTH_YEAR] = row;
  }
  const k = m * 32 + d;
  let text = row[k];
  if (text === undefined) {
    text = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
    row[k] = text;
  }
  return text;
}

/** Non-zero unless 0 ≤ c ≤ 9 (a negative c has every high bit, c ≥ 10 has c + 6 ≥ 16). */
const notDigit = (c: number): number => ((c + 6) | c) & ~15;

/**
 * The checks of an 18-character resident number, or `undefined` when `s` is not 17 digits and a
 * check character `[0-9X]`. `s` must have 18 characters (a missing one reads as NaN, which
 * `notDigit` would let through).
 */
function checkResident(
  s: string,
  legacy: boolean,
  options: IdNumberOptions | undefined,
): Result<IdNumberFacts> | undefined {
  // The hot path of roster checks: every character read once, plain integer arithmetic (no regex,
  // no Date object, no date-fns, no closure); the findings array is only built when something is
  // wrong.
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
  const last = s.charCodeAt(17);
  if (
    (notDigit(c0) |
      notDigit(c1) |
      notDigit(c2) |
      notDigit(c3) |
      notDigit(c4) |
      notDigit(c5) |
      notDigit(c6) |
      notDigit(c7) |
      notDigit(c8) |
      notDigit(c9) |
      notDigit(c10) |
      notDigit(c11) |
      notDigit(c12) |
      notDigit(c13) |
      notDigit(c14) |
      notDigit(c15) |
      notDigit(c16) |
      (last === 88 ? 0 : notDigit(last - 48))) !==
    0
  ) {
    return undefined;
  }
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
  const checkOk = last === CHECK_CODES[sum % 11];
  // Address code: a provincial-level code, or exactly 810000/820000/830000 for residence permits.
  const region = REGION[c0 * 10 + c1];
  const regionOk = region === 1 || (region === 2 && c2 === 0 && c3 === 0 && c4 === 0 && c5 === 0);
  // Birth date: exists, from 1900 on, not in the future, holder at least `minAge` (14) years old
  // in Beijing on `asOf` (today by default), compared as YYYYMMDD integers: born on YYYYMMDD, one
  // is N years old from (YYYY + N)MMDD on (a 29 February birthday from 1 March in other years).
  const y = c6 * 1000 + c7 * 100 + c8 * 10 + c9;
  const m = c10 * 10 + c11;
  const d = c12 * 10 + c13;
  let reason: "nonexistent" | "too-early" | "future" | "too-young" | undefined;
  if (m < 1 || m > 12 || d < 1 || d > (DAYS_IN_MONTH[m] as number)) {
    if (!(m === 2 && d === 29 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0))) reason = "nonexistent";
  }
  const minAge = options?.minAge ?? 14;
  if (reason === undefined) {
    if (y < MIN_BIRTH_YEAR) reason = "too-early";
    else {
      // The clock is read on every call (a test's fake timers may move it either way); only its
      // conversion to a Beijing day is cached (beijingDayNumber).
      const asOf = options?.asOf;
      const today = asOf === undefined ? beijingDayNumber(Date.now()) : asOfDayNumber(asOf);
      const birth = y * 10_000 + m * 100 + d;
      if (birth > today) reason = "future";
      else if (birth + minAge * 10_000 > today) reason = "too-young";
    }
  }

  const value: IdNumberFacts = {
    type: legacy ? "resident-15" : "resident",
    normalized: s,
    birthDate: birthText(s, y, m, d),
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
    findings.push(
      finding("id.checksum", [], { expected: CHECK[sum % 11] as string, received: s[17] as string }, options),
    );
  }
  if (!regionOk) findings.push(finding("id.region", [], { received: s.slice(0, 6) }, options));
  if (reason !== undefined) {
    const params: FindingParams["id.birth-date"] = { received: value.birthDate as string, reason };
    if (reason === "too-young") params.minAge = minAge;
    findings.push(finding("id.birth-date", [], params, options));
    // A date that does not exist is not a fact to hand on.
    if (reason === "nonexistent") delete value.birthDate;
  }
  const ok = checkOk && regionOk && reason === undefined;
  return ok ? { ok, value, findings } : { ok, value, findings };
}
