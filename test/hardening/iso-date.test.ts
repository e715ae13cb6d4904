// The arithmetic `isIsoDate` (a performance fix of issue 7: it was the hottest function of
// `xueli check`) against the date-fns round trip it replaced, on every day of a few centuries'
// worth of month/day combinations and on random YYYY-MM-DD strings.
import { format, isValid, parse } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../src/core/time.js";

/** The former implementation: parse with date-fns and format back. */
function viaDateFns(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = parse(s, "yyyy-MM-dd", new Date(2000, 0, 1));
  return isValid(d) && format(d, "yyyy-MM-dd") === s;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

describe("isIsoDate agrees with the date-fns round trip it replaced", () => {
  it("on every month 00–13 and day 00–32 of years around the leap-year edges", () => {
    for (const y of [1, 4, 100, 1600, 1700, 1899, 1900, 1999, 2000, 2004, 2022, 2024, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isIsoDate(s), s).toBe(viaDateFns(s));
        }
      }
    }
  });

  it("on random digit strings shaped YYYY-MM-DD and on anything else", () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
    const shaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string({ maxLength: 12 })), (s) => isIsoDate(s) === viaDateFns(s)),
      { numRuns: 2000 },
    );
  });

  it("refuses what is not a string", () => {
    for (const v of [
      null,
      undefined,
      20220610,
      new Date(0),
      ["2022-06-10"],
      { toString: () => "2022-06-10" },
    ]) {
      expect(isIsoDate(v)).toBe(false);
    }
  });
});
