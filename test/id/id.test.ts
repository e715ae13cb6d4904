import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ID_INPUT_MAX, validateIdNumber } from "../../src/fields/id/index.js";
import { paramsOf } from "../helpers/findings.js";
import { checkChar, makeLegacyId, makeResidentId } from "../helpers/ids.js";

/** Birth dates of holders aged about 15 to 92 in 2022. */
const birthDateArb = fc.date({
  min: new Date("1930-01-01T00:00:00Z"),
  max: new Date("2007-12-31T00:00:00Z"),
  noInvalidDate: true,
});

const asOf = "2022-06-10";
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe("validateIdNumber: resident ID numbers (GB 11643-1999, 3.1)", () => {
  it("accepts a generated number and gives its facts, with no findings", () => {
    const r = validateIdNumber("11010819980512168X", { asOf });
    expect(r).toEqual({
      ok: true,
      value: {
        type: "resident",
        normalized: "11010819980512168X",
        birthDate: "1998-05-12",
        sex: "female",
        regionCode: "110108",
      },
      findings: [],
    });
  });

  it("reads the sex from the sequence digit: odd is male (3.1)", () => {
    const m = validateIdNumber(makeResidentId({ seq: 131, sex: "male" }), { asOf });
    const f = validateIdNumber(makeResidentId({ seq: 130, sex: "female" }), { asOf });
    expect(m.value?.sex).toBe("male");
    expect(f.value?.sex).toBe("female");
  });

  it("refuses a wrong check character with id.checksum, expected and received (3.1)", () => {
    const r = validateIdNumber("110108199805121681", { asOf });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "id.checksum",
        severity: "error",
        clause: "3.1",
        path: [],
        params: { expected: "X", received: "1" },
      }),
    ]);
    // The facts are still handed on, so a caller can report everything at once.
    expect(r.value?.birthDate).toBe("1998-05-12");
  });

  it("property: every generated number passes, and every other last character fails the checksum", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("110105", "320102", "440305", "650102", "710000", "540102"),
        birthDateArb,
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(..."0123456789X"),
        (region, date, seq, other) => {
          const birth = date.toISOString().slice(0, 10).replaceAll("-", "");
          const id = makeResidentId({ region, birth, seq });
          expect(validateIdNumber(id, { asOf }).findings).toEqual([]);
          const changed = id.slice(0, 17) + other;
          const r = validateIdNumber(changed, { asOf });
          expect(codes(r)).toEqual(other === id[17] ? [] : ["id.checksum"]);
        },
      ),
    );
  });

  it("normalizes full-width characters, spaces and a lower-case x instead of refusing them", () => {
    const r = validateIdNumber("  １１０１０８ 19980512 168x\u3000", { asOf });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.value?.normalized).toBe("11010819980512168X");
  });

  it("refuses a birth date that does not exist: 1999-02-30 (id.birth-date, 3.1)", () => {
    const r = validateIdNumber(makeResidentId({ birth: "19990230" }), { asOf });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "id.birth-date",
        clause: "3.1",
        params: { received: "1999-02-30", reason: "nonexistent" },
      }),
    ]);
    expect(r.value?.birthDate).toBeUndefined();
    expect(codes(validateIdNumber(makeResidentId({ birth: "19991301" }), { asOf }))).toEqual([
      "id.birth-date",
    ]);
    expect(codes(validateIdNumber(makeResidentId({ birth: "19990100" }), { asOf }))).toEqual([
      "id.birth-date",
    ]);
  });

  it("knows leap years: 2000-02-29 exists, 1900-02-29 and 2001-02-29 do not", () => {
    expect(codes(validateIdNumber(makeResidentId({ birth: "20000229" }), { asOf }))).toEqual([]);
    expect(validateIdNumber(makeResidentId({ birth: "19000229" }), { asOf }).findings[0]?.params).toEqual({
      received: "1900-02-29",
      reason: "nonexistent",
    });
    expect(codes(validateIdNumber(makeResidentId({ birth: "20010229" }), { asOf }))).toEqual([
      "id.birth-date",
    ]);
  });

  it("refuses a birth date in the future or before 1900 (id.birth-date)", () => {
    const future = validateIdNumber(makeResidentId({ birth: "20220611" }), { asOf });
    expect(future.findings[0]?.params).toEqual({ received: "2022-06-11", reason: "future" });
    const early = validateIdNumber(makeResidentId({ birth: "18991231" }), { asOf });
    expect(early.findings[0]?.params).toEqual({ received: "1899-12-31", reason: "too-early" });
  });

  it("refuses a holder younger than 14 on the day of evaluation, Beijing time (id.birth-date)", () => {
    const id = makeResidentId({ birth: "20080610" });
    expect(codes(validateIdNumber(id, { asOf: "2022-06-10" }))).toEqual([]);
    const young = validateIdNumber(id, { asOf: "2022-06-09" });
    expect(young.findings[0]?.params).toEqual({ received: "2008-06-10", reason: "too-young", minAge: 14 });
    // 2022-06-09T16:00Z is already 2022-06-10 in Beijing, whatever the host's zone.
    expect(codes(validateIdNumber(id, { asOf: new Date("2022-06-09T16:00:00Z") }))).toEqual([]);
    expect(codes(validateIdNumber(id, { asOf: new Date("2022-06-09T15:59:59Z") }))).toEqual([
      "id.birth-date",
    ]);
    expect(codes(validateIdNumber(id, { asOf: "2022-06-09", minAge: 0 }))).toEqual([]);
  });

  it("evaluates today in Beijing without asOf: a birth tomorrow is in the future", () => {
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const r = validateIdNumber(makeResidentId({ birth: tomorrow.replaceAll("-", "") }));
    expect(paramsOf(r.findings, "id.birth-date").reason).toBe("future");
    expect(codes(r)).toEqual(["id.birth-date"]);
    expect(codes(validateIdNumber(makeResidentId({ birth: "19900101" })))).toEqual([]);
  });

  it("refuses a first two digits outside the 34 provincial codes (id.region, GB/T 2260)", () => {
    for (const region of [
      "000000",
      "100000",
      "160101",
      "240101",
      "390101",
      "470101",
      "550101",
      "660101",
      "720101",
      "840000",
      "990101",
    ]) {
      const r = validateIdNumber(makeResidentId({ region }), { asOf });
      expect(r.findings, region).toEqual([
        expect.objectContaining({ code: "id.region", clause: "3.1", params: { received: region } }),
      ]);
    }
    for (const p of [
      "11",
      "12",
      "13",
      "14",
      "15",
      "21",
      "22",
      "23",
      "31",
      "32",
      "33",
      "34",
      "35",
      "36",
      "37",
    ]) {
      expect(codes(validateIdNumber(makeResidentId({ region: `${p}0101` }), { asOf })), p).toEqual([]);
    }
    for (const p of [
      "41",
      "42",
      "43",
      "44",
      "45",
      "46",
      "50",
      "51",
      "52",
      "53",
      "54",
      "61",
      "62",
      "63",
      "64",
      "65",
      "71",
    ]) {
      expect(codes(validateIdNumber(makeResidentId({ region: `${p}0101` }), { asOf })), p).toEqual([]);
    }
  });

  it("accepts residence permits of Hong Kong, Macao and Taiwan residents only as 810000/820000/830000", () => {
    for (const region of ["810000", "820000", "830000"]) {
      const r = validateIdNumber(makeResidentId({ region }), { asOf });
      expect(r.findings, region).toEqual([]);
      expect(r.value?.type).toBe("resident");
      expect(r.value?.regionCode).toBe(region);
    }
    expect(codes(validateIdNumber(makeResidentId({ region: "810100" }), { asOf }))).toEqual(["id.region"]);
    expect(codes(validateIdNumber(makeResidentId({ region: "830001" }), { asOf }))).toEqual(["id.region"]);
  });

  it("reports every problem of one number at once", () => {
    const good = makeResidentId({ region: "990101", birth: "19990230" });
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(codes(validateIdNumber(bad, { asOf }))).toEqual(["id.checksum", "id.region", "id.birth-date"]);
  });
});

describe("validateIdNumber: legacy 15-digit numbers (3.1)", () => {
  it("upgrades a 15-digit number to 18 with an id.legacy warning; ok stays true", () => {
    const legacy = makeLegacyId({ region: "110105", birth: "19700101", seq: 31 });
    const full = makeResidentId({ region: "110105", birth: "19700101", seq: 31 });
    const r = validateIdNumber(legacy, { asOf });
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({
      type: "resident-15",
      normalized: full,
      birthDate: "1970-01-01",
      sex: "male",
      regionCode: "110105",
    });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "id.legacy",
        severity: "warning",
        clause: "3.1",
        path: [],
        params: { received: legacy, suggestion: full },
      }),
    ]);
  });

  it("still checks the region and date of a legacy number", () => {
    const r = validateIdNumber("990101700230031", { asOf });
    expect(codes(r)).toEqual(["id.legacy", "id.region", "id.birth-date"]);
    expect(r.ok).toBe(false);
  });

  it("accepts the 15-digit form under a declared 'resident' and the 18-digit form under 'resident-15'", () => {
    const legacy = makeLegacyId();
    expect(codes(validateIdNumber(legacy, { type: "resident", asOf }))).toEqual(["id.legacy"]);
    expect(codes(validateIdNumber(makeResidentId(), { type: "resident-15", asOf }))).toEqual([]);
  });
});

describe("validateIdNumber: permits and passports (3.1)", () => {
  it("accepts Hong Kong/Macao permits: H or M + 8 digits, optionally a 2-digit renewal count", () => {
    for (const n of ["H12345678", "M87654321", "H1234567801", "h12345678"]) {
      const r = validateIdNumber(n);
      expect(r, n).toEqual({
        ok: true,
        value: { type: "hk-macao-permit", normalized: n.toUpperCase() },
        findings: [],
      });
    }
    expect(validateIdNumber("H12345678", { type: "hk-macao-permit" }).ok).toBe(true);
    expect(validateIdNumber("Ｈ12345678（01）").value).toEqual({
      type: "hk-macao-permit",
      normalized: "H1234567801",
    });
    expect(codes(validateIdNumber("H1234567(01)"))).toEqual(["id.format"]);
    for (const n of ["H1234567", "H123456780", "K12345678", "H123456789012"]) {
      expect(codes(validateIdNumber(n, { type: "hk-macao-permit" })), n).toEqual(["id.format"]);
    }
  });

  it("accepts Taiwan permits of 8 digits", () => {
    expect(validateIdNumber("01234567")).toEqual({
      ok: true,
      value: { type: "taiwan-permit", normalized: "01234567" },
      findings: [],
    });
    expect(codes(validateIdNumber("0123456", { type: "taiwan-permit" }))).toEqual(["id.format"]);
    expect(codes(validateIdNumber("T1234567", { type: "taiwan-permit" }))).toEqual(["id.format"]);
  });

  it("accepts passports of 5-17 letters and digits, upper-cased", () => {
    expect(validateIdNumber("e12345678")).toEqual({
      ok: true,
      value: { type: "passport", normalized: "E12345678" },
      findings: [],
    });
    expect(validateIdNumber("12345678", { type: "passport" }).value?.type).toBe("passport");
    expect(codes(validateIdNumber("AB12", { type: "passport" }))).toEqual(["id.format"]);
    expect(codes(validateIdNumber("A".repeat(18), { type: "passport" }))).toEqual(["id.format"]);
    expect(codes(validateIdNumber("AB-1234", { type: "passport" }))).toEqual(["id.format"]);
  });

  it("takes a string of 14+ leading digits for a resident number, never a passport", () => {
    for (const n of ["12345678901234", "1101081998051216", "11010819980512168", "1101081998051216811"]) {
      const r = validateIdNumber(n);
      expect(codes(r), n).toEqual(["id.format"]);
    }
  });

  it("refuses a number whose shape does not fit the declared type (id.format with the expected shape)", () => {
    const r = validateIdNumber("H12345678", { type: "resident", locale: "en" });
    expect(r).toEqual({
      ok: false,
      findings: [
        {
          code: "id.format",
          severity: "error",
          clause: "3.1",
          path: [],
          params: { received: "H12345678", type: "resident" },
          message:
            "The identity document number has the wrong format (expected 18 characters: 17 digits and a check digit or X, or a legacy 15-digit number; received H12345678)",
        },
      ],
    });
    expect(codes(validateIdNumber(makeResidentId(), { type: "passport" }))).toEqual(["id.format"]);
  });
});

describe("validateIdNumber: bad data never throws (3.1)", () => {
  it("returns id.format for non-strings, empty and garbage", () => {
    for (const v of [null, undefined, 42, {}, [], "", "   ", "中华人民共和国", "1101081998051216８X\u0000"]) {
      const r = validateIdNumber(v as string);
      expect(r.ok, String(v)).toBe(false);
      expect(codes(r), String(v)).toEqual(["id.format"]);
    }
  });

  it("property: arbitrary strings give a result, never an exception", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const r = validateIdNumber(s);
        expect(r.ok === !r.findings.some((f) => f.severity === "error")).toBe(true);
      }),
    );
  });

  it("throws XueliError only for a wrong option (a programmer error)", () => {
    expect(() => validateIdNumber("x", { type: "card" as never })).toThrow(/Unknown id type/);
    expect(() => validateIdNumber(makeResidentId(), { asOf: "2022-02-30" })).toThrow(/asOf/);
    expect(() => validateIdNumber("x", { minAge: -1 })).toThrow(/minAge/);
  });

  it("gives messages in zh-CN by default", () => {
    const r = validateIdNumber(makeResidentId({ birth: "19990230" }), { asOf });
    expect(r.findings[0]?.message).toBe("身份证号码中的出生日期 1999-02-30 不存在");
    expect(checkChar("11010819980512168")).toBe("X");
  });
});

describe("validateIdNumber agrees with the id-validator package (a differential check)", () => {
  it("property: on well-formed numbers with a plausible date, both accept exactly the right check characters", async () => {
    const { createRequire } = await import("node:module");
    const IDValidator = createRequire(import.meta.url)("id-validator") as new () => {
      isValid(s: string): boolean;
    };
    const peer = new IDValidator();
    fc.assert(
      fc.property(
        fc.constantFrom("110105", "310104", "440305", "510107", "650102"),
        birthDateArb,
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(..."0123456789X"),
        (region, date, seq, last) => {
          const body = `${region}${date.toISOString().slice(0, 10).replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
          const id = body + last;
          expect(validateIdNumber(id, { asOf }).ok, id).toBe(peer.isValid(id));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("validateIdNumber: bounded work on a long value (issue 12.2, 3.1)", () => {
  it("a 100,000-character value is id.format, refused before it is read character by character", () => {
    const reads = vi.spyOn(String.prototype, "charCodeAt");
    try {
      const r = validateIdNumber(`${"1".repeat(100_000)}\u3000`);
      expect(r.findings.map((f) => [f.code, f.params])).toEqual([
        ["id.format", { received: "1".repeat(40) }],
      ]);
      expect(reads.mock.calls.length).toBeLessThan(100);
    } finally {
      reads.mockRestore();
    }
    expect(ID_INPUT_MAX).toBe(100);
    // Under the cap a spaced number is still read: 18 characters and a few spaces.
    expect(validateIdNumber(` ${makeResidentId().replace(/(\d{6})/, "$1 ")} `).ok).toBe(true);
  });
});
