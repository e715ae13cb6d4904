import { XueliError } from "../../core/error.js";
import { clip, foldFullWidth, RECEIVED_MAX } from "../../core/strings.js";
import { beijingDate, isIsoDate } from "../../core/time.js";
import {
  type Empty,
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type OriginParams,
  type Result,
  show,
} from "../../findings/index.js";
import {
  type ChangeSide,
  changeSides,
  type OriginUnit,
  stemOf,
  type Table,
  type TokenEntry,
  type TokenRef,
  tableAsOf,
} from "./table.js";

/** A valid origin (生源地), as `validateOrigin` returns it. */
export interface Origin {
  /** Six-digit GB/T 2260 code of the most specific division named (110108, 410881, 441900). */
  code: string;
  province: string;
  /** Absent for municipalities' districts, province-administered county-level units and 港澳台. */
  prefecture?: string;
  /** Absent for county-less cities (东莞市) and 港澳台. */
  county?: string;
  /** The full form without placeholders or spaces: `北京市海淀区`, `河北省石家庄市正定县`. */
  normalized: string;
}

/** Options of `validateOrigin`. */
export interface OriginOptions extends LocaleOptions {
  /**
   * The day whose divisions apply (3.3 [decision]: those in force on the batch's registration
   * date): a `Date` (its Beijing calendar day) or `YYYY-MM-DD`. Default: the newest edition.
   */
  asOf?: Date | string;
}

const SPACE = /\s+/g;
// Separators people put between the levels: removed, but the form is then refused as written.
const SEPARATORS = /[-－—–/／\\|,，、.。·・_]+/g;

/**
 * **[decision]** The longest input read as an origin, in UTF-16 code units. A full origin has at
 * most 25 characters, 60 with spaces between the levels; a longer value is refused as
 * `origin.format` before any string work (folding, spaces, lookup), so a pasted page costs nothing.
 */
export const ORIGIN_INPUT_MAX = 1000;

/**
 * Normalizes an origin string before it is looked up: full-width letters and digits folded,
 * spaces (inner ones too) removed, half-width parentheses made full-width. Exported for the CLI
 * and the workflow, which store what this returns for an invalid origin.
 *
 * @example
 * normalizeOriginText(" 北京市 海淀区 ") //=> "北京市海淀区"
 */
export function normalizeOriginText(input: string): string {
  return foldFullWidth(input).replace(SPACE, "").replaceAll("(", "（").replaceAll(")", "）");
}

const okValue = (u: OriginUnit): Origin => {
  const v: Origin = { code: u.code, province: u.province, normalized: u.normalized };
  if (u.prefecture !== undefined) v.prefecture = u.prefecture;
  if (u.county !== undefined) v.county = u.county;
  return v;
};

// The last `asOf` string read and its day: a batch passes the same date for every student.
let lastAsOf: unknown;
let lastDay: string | undefined;

/**
 * The Beijing calendar day of an `asOf` option, `undefined` for none. A wrong one is a programmer
 * error (`XueliError` `option.invalid`), as for `validateIdNumber`.
 * @example
 * originDay(new Date("2023-01-19T16:30:00Z")) //=> "2023-01-20"
 * originDay("2022-06-10") //=> "2022-06-10"
 */
export function originDay(asOf: unknown): string | undefined {
  if (asOf === undefined) return undefined;
  if (asOf === lastAsOf) return lastDay;
  let day: string | undefined;
  if (typeof asOf === "string" && isIsoDate(asOf)) day = asOf;
  else if (asOf instanceof Date && !Number.isNaN(asOf.getTime())) day = beijingDate(asOf);
  else throw new XueliError("option.invalid", `asOf must be a valid Date or YYYY-MM-DD, got ${show(asOf)}`);
  if (typeof asOf === "string") {
    lastAsOf = asOf;
    lastDay = day;
  }
  return day;
}

/**
 * Validates an origin (生源地) against the division table in force on `options.asOf` (3.3; the
 * newest edition without it): three levels for provinces and autonomous regions
 * (`xx省xx市xx区（县）`), two for municipalities (`xx市xx区`), for county-level units administered
 * by a province or region (`河南省济源市`) and for county-less cities (`广东省东莞市`);
 * 香港特别行政区, 澳门特别行政区 and 台湾省 alone. Never throws on data; throws `XueliError` for an
 * `asOf` that is not a valid `Date` or `YYYY-MM-DD`.
 *
 * Codes: `origin.empty`, `origin.format` (short names, repeated or misplaced levels, a placeholder
 * such as 市辖区 written out, separators, extra text), `origin.levels` (a level missing),
 * `origin.not-in-force` (a full form valid in another edition: renamed, created or abolished, with
 * what changed and when), `origin.unknown` (a name not in the table), `origin.mismatch` (names
 * that exist but not together), and the warning `origin.statistical-only` (a unit of the
 * statistical list that GB/T 2260 does not have, such as 加格达奇区: accepted). `params.received`
 * is the input; `params.suggestion` the one complete form that fits, where exactly one does.
 *
 * @example
 * validateOrigin("河北省 石家庄市 正定县")
 * //=> { ok: true, value: { code: "130123", province: "河北省", prefecture: "石家庄市",
 * //     county: "正定县", normalized: "河北省石家庄市正定县" }, findings: [] }
 * validateOrigin("西藏自治区林芝市米林县", { asOf: "2022-06-10" }).ok //=> true
 * const f = validateOrigin("西藏自治区林芝市米林县").findings[0];
 * f?.code //=> "origin.not-in-force"
 * f?.params
 * //=> { received: "西藏自治区林芝市米林县", suggestion: "西藏自治区林芝市米林市",
 * //     renamed: { from: "米林县", to: "米林市", date: "2023-04-03", fromCode: "540422", toCode: "540481" } }
 */
export function validateOrigin(input: unknown, options?: OriginOptions): Result<Origin> {
  const day = originDay(options?.asOf);
  const locale: LocaleOptions | undefined =
    options?.locale === undefined ? undefined : { locale: options.locale };
  if (typeof input !== "string") {
    if (input === undefined || input === null) return fail("origin.empty", {}, locale);
    return fail("origin.format", { received: describe(input) }, locale);
  }
  // No string work on a value far longer than any origin: refused as it is (cut for params).
  if (input.length > ORIGIN_INPUT_MAX)
    return fail("origin.format", { received: clip(input, RECEIVED_MAX) }, locale);
  // The common case first: the full form as it is. Every key of `table.full` is its own normal
  // form (test/origin/… checks it for every edition), so the lookup answers as after normalizing.
  const table = tableAsOf(day);
  let unit = table.full.get(input);
  let text = input;
  if (unit === undefined) {
    text = normalizeOriginText(input);
    if (text === "") return fail("origin.empty", {}, locale);
    unit = table.full.get(text);
  }
  if (unit !== undefined) {
    if (unit.statistical !== true) return { ok: true, value: okValue(unit), findings: [] };
    // 加格达奇区 …: real household registrations name it, GB/T 2260 does not [decision].
    const params = { received: clip(input, RECEIVED_MAX), code: unit.code };
    return {
      ok: true,
      value: okValue(unit),
      findings: [finding("origin.statistical-only", [], params, locale)],
    };
  }
  // What was typed, cut at RECEIVED_MAX: a pasted page is not carried whole into the finding.
  const received = clip(input, RECEIVED_MAX);
  const moved = notInForce(table, text, day, received);
  if (moved !== undefined)
    return { ok: false, findings: [finding("origin.not-in-force", [], moved, locale)] };
  const { code, suggestion } = diagnose(table, text);
  const params: OriginParams = { received };
  if (suggestion !== undefined) params.suggestion = suggestion;
  return fail(code, params, locale);
}

/** The origin codes whose params are what was typed and, maybe, a suggestion. */
type FormCode = "origin.format" | "origin.levels" | "origin.unknown" | "origin.mismatch";

function fail(
  code: FormCode | "origin.empty",
  params: OriginParams | Empty,
  options?: LocaleOptions,
): Result<Origin> {
  const f: Finding =
    code === "origin.empty"
      ? finding(code, [], params, options)
      : finding(code, [], params as OriginParams, options);
  return { ok: false, findings: [f] };
}

function describe(v: unknown): string {
  try {
    if (Array.isArray(v)) return "array";
  } catch {
    // A revoked Proxy: Array.isArray throws on it. It is an object all the same.
  }
  return typeof v;
}

// ---------------------------------------------------------------------------------------------
// A full form of another edition: renamed, created or abolished (3.3 [decision]).

/** Whether one side of a change makes `form` not in force on `day` (the newest edition without one). */
function outOfForce(s: ChangeSide, day: string | undefined): boolean {
  // Written as before the change, which took effect on or before the day …
  if (s.side === "before") return day === undefined || s.change.date <= day;
  // … or as after a change that had not taken effect yet.
  return day !== undefined && s.change.date > day;
}

/** From a form of another edition, the form in force on `day` the changes lead to, if the table has it. */
function inForceForm(table: Table, s: ChangeSide, day: string | undefined): string | undefined {
  const sides = changeSides();
  let form = s.other;
  for (let steps = 0; form !== undefined && steps <= sides.size; steps++) {
    if (table.full.has(form)) return form;
    // A unit renamed twice (A → B → C): follow the changes the same way.
    const next = sides.get(form)?.find((x) => x.side === s.side && outOfForce(x, day));
    form = next?.other;
  }
  return undefined;
}

/** The params of `origin.not-in-force` when `text` is a full form of another edition. */
function notInForce(
  table: Table,
  text: string,
  day: string | undefined,
  received: string,
): FindingParams["origin.not-in-force"] | undefined {
  const sides = changeSides()
    .get(text)
    ?.filter((s) => outOfForce(s, day));
  if (sides === undefined || sides.length === 0) return undefined;
  // The change nearest the day: the last one it missed before it, else the first one after it.
  const before = sides
    .filter((s) => s.side === "before")
    .sort((a, b) => (a.change.date < b.change.date ? 1 : -1));
  const after = sides
    .filter((s) => s.side === "after")
    .sort((a, b) => (a.change.date < b.change.date ? -1 : 1));
  const s = (before[0] ?? after[0]) as ChangeSide;
  const c = s.change;
  const base: { received: string; asOf?: string; suggestion?: string } = { received };
  if (day !== undefined) base.asOf = day;
  const suggestion = inForceForm(table, s, day);
  if (suggestion !== undefined) base.suggestion = suggestion;
  if (c.kind === "renamed" && c.from !== undefined && c.to !== undefined) {
    const renamed = {
      from: c.from.name,
      to: c.to.name,
      date: c.date,
      fromCode: c.from.code,
      toCode: c.to.code,
    };
    return { ...base, renamed };
  }
  if (c.kind === "created" && c.to !== undefined) {
    return { ...base, created: { name: c.to.name, code: c.to.code, date: c.date } };
  }
  if (c.kind === "abolished" && c.from !== undefined) {
    const abolished: { name: string; code: string; date: string; successor?: string } = {
      name: c.from.name,
      code: c.from.code,
      date: c.date,
    };
    if (c.to !== undefined) abolished.successor = c.to.name;
    return { ...base, abolished };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The slow path: a wrong form. The text is cut into names of the table (exact or by stem),
// placeholders and unknown pieces; the units those names fit decide the code and the suggestion.

type TokenKind = "name" | "placeholder" | "unknown";
interface Token {
  text: string;
  kind: TokenKind;
  /** name: what it may name; unknown: divisions with the same stem (a renamed unit). */
  refs: readonly TokenRef[];
}

const LEVEL_CHAR = /[省市区县旗州盟]/;
const HAN = /^[\u3400-\u9fff（）]+$/;

interface Diagnosis {
  code: FormCode;
  suggestion?: string;
}

/** Longer than any origin with some extra text: not cut into names (keeps the slow path bounded). */
const MAX_DIAGNOSED_LENGTH = 64;

function diagnose(table: Table, normalized: string): Diagnosis {
  if (normalized.length > MAX_DIAGNOSED_LENGTH) return { code: "origin.format" };
  // The GB/T 2260 code instead of the names (110108): refused, the names suggested.
  const byCode = /^\d{6}$/.test(normalized) ? table.codes.get(normalized) : undefined;
  if (byCode) return { code: "origin.format", suggestion: byCode.normalized };
  const separated = normalized.replace(SEPARATORS, "");
  if (separated === "") return { code: "origin.format" };
  if (separated !== normalized) {
    const u = table.full.get(separated);
    if (u) return { code: "origin.format", suggestion: u.normalized };
  }
  const tokens = segment(table, separated);
  const withSuggestion = (code: FormCode, units: readonly OriginUnit[]): Diagnosis =>
    units.length === 1 && units[0] ? { code, suggestion: units[0].normalized } : { code };

  // 香港特别行政区, 澳门特别行政区 and 台湾省 are complete on their own: anything after them is extra.
  const first = tokens[0];
  if (first?.kind === "name") {
    const alone = first.refs.map((r) => table.divisions[r.id]).find((d) => d && d.level === 0);
    const sole = alone && table.unitsOf[alone.id];
    if (sole && sole.length === 1 && sole[0]?.parts.length === 1)
      return withSuggestion("origin.format", sole);
  }

  const hasUnknown = tokens.some((t) => t.kind === "unknown");
  const names = tokens.filter((t) => t.kind === "name");
  const strict = fitting(table, tokens, true);
  if (hasUnknown) {
    const foreign = tokens.some((t) => t.kind === "unknown" && !HAN.test(t.text));
    if (strict.length > 0) {
      // Every unknown piece is a renamed unit of the same stem (密云县 → 密云区).
      return withSuggestion(
        foreign ? "origin.format" : "origin.unknown",
        strict.map((m) => m.unit),
      );
    }
    const loose = fitting(table, tokens, false);
    const covered = loose.filter((m) => m.covered && m.ordered).map((m) => m.unit);
    // The names given already make a complete origin: the rest is extra text (a street, a number).
    if (covered.length > 0) return withSuggestion("origin.format", covered);
    if (foreign)
      return withSuggestion(
        "origin.format",
        loose.map((m) => m.unit),
      );
    if (loose.length === 0 && names.length >= 2) return { code: "origin.mismatch" };
    return withSuggestion(
      "origin.unknown",
      loose.map((m) => m.unit),
    );
  }
  if (names.length === 0) return { code: "origin.format" };
  if (strict.length === 0) return { code: "origin.mismatch" };
  const placeholders = tokens.some((t) => t.kind === "placeholder");
  const wellFormed = !placeholders && separated === normalized;
  const exactInOrder = strict.filter((m) => m.ordered && !m.stem);
  if (wellFormed && exactInOrder.length > 0 && exactInOrder.every((m) => !m.covered)) {
    // Real names in the right order, one level missing (河北省正定县, 河北省石家庄市, 东莞市).
    return withSuggestion(
      "origin.levels",
      exactInOrder.map((m) => m.unit),
    );
  }
  // Short names (北京海淀), repeated or misplaced levels (北京市北京市海淀区), a placeholder written out.
  const covered = strict.filter((m) => m.covered).map((m) => m.unit);
  return withSuggestion("origin.format", covered.length > 0 ? covered : strict.map((m) => m.unit));
}

/**
 * Cuts the text into tokens, choosing the cut with the fewest unknown pieces cut inside a word, then
 * the fewest unknown characters, then the fewest stems and placeholders, then the fewest tokens.
 * An unknown piece of one character must not be a level character: 北京市密云县 is 北京市 +
 * 密云县 (unknown), not 北京市 + 密云 + 县 nor 北京市 + 密 + 云县 (a county of 云南).
 */
function segment(table: Table, s: string): Token[] {
  const n = s.length;
  // Cost, compared as one number: unknown pieces cut inside a word, then unknown characters, then
  // stems and placeholders, then tokens (each count stays far below 1,000 for a real input).
  const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n + 1).fill(-1);
  const kinds: (TokenKind | undefined)[] = new Array(n + 1);
  const entries: (TokenEntry | undefined)[] = new Array(n + 1);
  const level: boolean[] = [];
  for (let k = 0; k < n; k++) level.push(LEVEL_CHAR.test(s.charAt(k)));
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = cost[i] ?? Number.POSITIVE_INFINITY;
    if (here === Number.POSITIVE_INFINITY) continue;
    const maxLen = Math.min(n - i, table.maxTokenLength);
    for (let len = 1; len <= maxLen; len++) {
      const entry = table.tokens.get(s.slice(i, i + len));
      if (entry === undefined) continue;
      // The one-character placeholder 县 is only a middle level: never last.
      if (entry.placeholder && len === 1 && i + len === n) continue;
      const c = here + (entry.placeholder || entry.stem ? 1e3 : 0) + 1;
      if (c < (cost[i + len] ?? 0)) {
        cost[i + len] = c;
        from[i + len] = i;
        kinds[i + len] = entry.placeholder ? "placeholder" : "name";
        entries[i + len] = entry;
      }
    }
    for (let len = 1; len <= n - i; len++) {
      if (len === 1 && level[i]) continue;
      // An unknown piece is a word: it ends with a level character or the text (密云县, not 密 + 云县).
      const cut = i + len < n && !level[i + len - 1] ? 1e9 : 0;
      const c = here + cut + len * 1e6 + 1;
      if (c < (cost[i + len] ?? 0)) {
        cost[i + len] = c;
        from[i + len] = i;
        kinds[i + len] = "unknown";
        entries[i + len] = undefined;
      }
    }
  }
  const out: Token[] = [];
  for (let j = n; j > 0; ) {
    const i = from[j] ?? -1;
    if (i < 0) break;
    const text = s.slice(i, j);
    const entry = entries[j];
    if (entry !== undefined) out.push({ text, kind: kinds[j] ?? "name", refs: entry.refs });
    else {
      // Only the unknown pieces kept look for divisions of the same stem (a renamed unit).
      const ids = table.stems.get(stemOf(text)) ?? [];
      out.push({ text, kind: "unknown", refs: ids.map((id) => ({ id, stem: true })) });
    }
    j = i;
  }
  return out.reverse();
}

interface Match {
  unit: OriginUnit;
  /** Every part of the unit is named. */
  covered: boolean;
  /** The names come in the order province, prefecture, county, each once. */
  ordered: boolean;
  /** Some name is a stem (北京 for 北京市). */
  stem: boolean;
}

/**
 * The units every token fits: each name token must name one of the unit's parts; in strict mode
 * each unknown token must share its stem with one (a renamed unit), otherwise it is ignored.
 */
function fitting(table: Table, tokens: readonly Token[], strict: boolean): Match[] {
  const relevant = tokens.filter((t) => t.kind === "name" || (strict && t.kind === "unknown"));
  if (relevant.length === 0) return [];
  // Seed with the token naming the fewest units.
  let seed: Token | undefined;
  let seedSize = Number.POSITIVE_INFINITY;
  for (const t of relevant) {
    let size = 0;
    for (const r of t.refs) size += table.unitsOf[r.id]?.length ?? 0;
    if (size < seedSize) {
      seed = t;
      seedSize = size;
    }
  }
  if (seed === undefined || seedSize === 0) return [];
  const pool = new Set<OriginUnit>();
  for (const r of seed.refs) for (const u of table.unitsOf[r.id] ?? []) pool.add(u);
  const out: Match[] = [];
  for (const unit of pool) {
    let ok = true;
    let prev = -1;
    let ordered = true;
    let stem = false;
    let named = 0; // bit i: part i is named
    for (const t of relevant) {
      let bestIndex = -1;
      let anyIndex = -1;
      let viaStem = false;
      for (const r of t.refs) {
        const idx = unit.parts.indexOf(r.id);
        if (idx < 0) continue;
        if (anyIndex < 0) anyIndex = idx;
        if (idx > prev && (bestIndex < 0 || idx < bestIndex)) {
          bestIndex = idx;
          viaStem = r.stem;
        }
      }
      if (anyIndex < 0) {
        ok = false;
        break;
      }
      if (bestIndex < 0) {
        ordered = false;
        named |= 1 << anyIndex;
      } else {
        prev = bestIndex;
        named |= 1 << bestIndex;
        if (viaStem && t.kind === "name") stem = true;
      }
    }
    if (!ok) continue;
    out.push({ unit, covered: named === (1 << unit.parts.length) - 1, ordered, stem });
  }
  return out;
}
