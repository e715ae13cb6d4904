// validateIdNumber without `asOf` reads the clock on every call (issue 10, item 7): under fake
// timers a user's test must get the same answer for the same system time whatever ran before,
// the clock moved forwards or backwards, across the Beijing midnight or by years.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type IdNumberOptions, validateIdNumber } from "../../src/fields/id/index.js";
import { makeResidentId } from "../helpers/ids.js";

/** 2022-06-10 00:00 in Beijing (UTC+8). */
const MIDNIGHT = Date.UTC(2022, 5, 9, 16);
const JUST_BEFORE = MIDNIGHT - 1; // 2022-06-09T15:59:59.999Z: still 9 June in Beijing

const reasons = (id: string, options?: IdNumberOptions) =>
  validateIdNumber(id, options)
    .findings.filter((f) => f.code === "id.birth-date")
    .map((f) => f.params?.reason);

/** The Beijing calendar day of an instant as `YYYYMMDD`, from the host's time-zone database. */
const beijing = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const beijingDay = (ms: number) => beijing.format(ms).replaceAll("-", "");

/** `YYYYMMDD` of the day after a `YYYYMMDD`. */
const nextDay = (day: string) =>
  new Date(Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8) + 1))
    .toISOString()
    .slice(0, 10)
    .replaceAll("-", "");

/** Every order of a list (for short lists). */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe("validateIdNumber reads the clock on every call (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a birth on 2022-06-10 is in the future until the Beijing midnight, in any order of clock moves", () => {
    const id = makeResidentId({ birth: "20220610" });
    const expected = new Map<number, unknown[]>([
      [JUST_BEFORE, ["future"]],
      [MIDNIGHT, []],
      [MIDNIGHT - 86_400_000, ["future"]], // a day earlier
      [MIDNIGHT + 86_400_000 - 1, []], // the last millisecond of 10 June in Beijing
      [Date.UTC(2021, 0, 1), ["future"]], // a year and more back
      [Date.UTC(2030, 0, 1), []],
    ]);
    for (const order of permutations([...expected.keys()])) {
      for (const t of [...order, ...[...order].reverse()]) {
        vi.setSystemTime(t);
        expect(reasons(id, { minAge: 0 }), new Date(t).toISOString()).toEqual(expected.get(t));
      }
    }
    // Back and forth across midnight, one millisecond either side, many times.
    for (let i = 0; i < 50; i++) {
      const t = i % 2 === 0 ? JUST_BEFORE : MIDNIGHT;
      vi.setSystemTime(t);
      expect(reasons(id, { minAge: 0 })).toEqual(expected.get(t));
    }
  });

  it("the age rule follows the clock: 14 years old from the birthday's Beijing midnight on", () => {
    const id = makeResidentId({ birth: "20080610" });
    const cases: [number, unknown[]][] = [
      [MIDNIGHT, []],
      [JUST_BEFORE, ["too-young"]],
      [Date.UTC(2022, 0, 1), ["too-young"]],
      [Date.UTC(2040, 0, 1), []],
      [MIDNIGHT, []],
      [Date.UTC(2008, 5, 9, 16), ["too-young"]], // born that very day
      [Date.UTC(2008, 5, 9, 15, 59), ["future"]],
      [MIDNIGHT, []],
      [JUST_BEFORE, ["too-young"]],
    ];
    for (const [t, want] of [...cases, ...[...cases].reverse()]) {
      vi.setSystemTime(t);
      expect(reasons(id), new Date(t).toISOString()).toEqual(want);
    }
    // The full result of a check, not only the reason.
    vi.setSystemTime(JUST_BEFORE);
    expect(validateIdNumber(id).findings.map((f) => [f.code, f.params])).toEqual([
      ["id.birth-date", { received: "2008-06-10", reason: "too-young", minAge: 14 }],
    ]);
    vi.setSystemTime(MIDNIGHT);
    expect(validateIdNumber(id)).toMatchObject({ ok: true, findings: [] });
  });

  it("a holder long of age becomes 'future' when the clock is set back before the birth", () => {
    // The old memo skipped the clock for holders a year past minAge on the last day it had read.
    const id = makeResidentId({ birth: "19900101" });
    vi.setSystemTime(Date.UTC(2022, 5, 10));
    expect(reasons(id)).toEqual([]);
    vi.setSystemTime(Date.UTC(1989, 11, 31));
    expect(reasons(id)).toEqual(["future"]);
    vi.setSystemTime(Date.UTC(1995, 0, 1));
    expect(reasons(id)).toEqual(["too-young"]);
    vi.setSystemTime(Date.UTC(2022, 5, 10));
    expect(reasons(id)).toEqual([]);
  });

  it("agrees with the time-zone database on the Beijing day of any instant, in any order", () => {
    // From 1991-09-15 on, the day is computed as UTC + 8 h; before (China's summer time of
    // 1986–1991, e.g. 1988-07-01T15:30Z is already 2 July in Beijing), from the database.
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(1992, 0, 1) }),
      fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: -1000, max: 1000 }).map((d) => MIDNIGHT + d), // around a Beijing midnight
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 8 }), (ts) => {
        for (const t of ts) {
          vi.setSystemTime(t);
          const today = beijingDay(t);
          // Born today: no finding with minAge 0; born tomorrow: in the future.
          expect(reasons(makeResidentId({ birth: today }), { minAge: 0 }), String(t)).toEqual([]);
          expect(reasons(makeResidentId({ birth: nextDay(today) }), { minAge: 0 }), String(t)).toEqual([
            "future",
          ]);
        }
      }),
      { numRuns: 300 },
    );
    vi.setSystemTime(Date.UTC(1988, 6, 1, 15, 30));
    expect(reasons(makeResidentId({ birth: "19880702" }), { minAge: 0 })).toEqual([]);
  });

  it("an asOf option does not read the clock, and the clock does not change an asOf answer", () => {
    const id = makeResidentId({ birth: "20080610" });
    for (const t of [Date.UTC(1999, 0, 1), MIDNIGHT, JUST_BEFORE, Date.UTC(2050, 0, 1)]) {
      vi.setSystemTime(t);
      expect(reasons(id, { asOf: "2022-06-09" })).toEqual(["too-young"]);
      expect(validateIdNumber(id, { asOf: new Date(MIDNIGHT) }).findings).toEqual([]);
      expect(reasons(id, { asOf: new Date(JUST_BEFORE) })).toEqual(["too-young"]);
    }
  });
});
