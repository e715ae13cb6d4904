import { describe, expect, it, vi } from "vitest";
import {
  createRegistration,
  GRADUATE_EDUCATION_TYPE,
  parseRegistration,
  type Registration,
  transition,
  ucas2022Batch3,
  validateCertificateNumber,
  XueliError,
} from "../../src/index.js";
import { makeStudent, office, staff } from "../registration/fixtures.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const ucas = { schoolCode: "14430", year: 2022 } as const;

describe("validateCertificateNumber (学历证书编号, 2.2)", () => {
  it("reads the five parts of an 18-digit number, with no findings", () => {
    expect(validateCertificateNumber("144301202201000123", { ...ucas, level: "doctor" })).toEqual({
      ok: true,
      value: {
        schoolCode: "14430",
        educationType: "1",
        year: 2022,
        level: "doctor",
        levelCode: "01",
        serial: "000123",
        normalized: "144301202201000123",
      },
      findings: [],
    });
    expect(validateCertificateNumber("144301202202000001", { ...ucas, level: "master" }).value?.level).toBe(
      "master",
    );
  });

  it("names the other levels 04, 05, 06 and the education types 5, 6, 7", () => {
    expect(validateCertificateNumber("100015201904000001").value?.level).toBe("second-bachelor");
    expect(validateCertificateNumber("100016201905000001").value).toMatchObject({
      educationType: "6",
      level: "bachelor",
    });
    expect(validateCertificateNumber("100017201906000001").value).toMatchObject({
      educationType: "7",
      level: "associate",
    });
  });

  it("normalizes full-width digits and spaces", () => {
    expect(validateCertificateNumber(" 14430 1 2022 01 000123 ").value?.normalized).toBe(
      "144301202201000123",
    );
    expect(validateCertificateNumber("１４４３０１２０２２０１０００１２３").ok).toBe(true);
  });

  it("refuses a wrong shape with certificate.format: 17 digits of before 2002, letters, non-strings", () => {
    const r = validateCertificateNumber("14430120220100012");
    expect(r).toEqual({
      ok: false,
      findings: [
        expect.objectContaining({
          code: "certificate.format",
          severity: "error",
          clause: "2.2",
          path: [],
          params: { received: "14430120220100012", reason: "pre-2002" },
        }),
      ],
    });
    for (const v of ["", "14430120220100012X", "1443012022010001234", null, 14430120220, {}]) {
      expect(codes(validateCertificateNumber(v as string)), String(v)).toEqual(["certificate.format"]);
    }
  });

  it("refuses an education type other than 1, 5, 6, 7 and a serial of zeros (certificate.format)", () => {
    expect(validateCertificateNumber("144302202201000123").findings[0]?.params).toEqual({
      expected: ["1", "5", "6", "7"],
      received: "2",
      reason: "education-type",
    });
    expect(validateCertificateNumber("144301202201000000").findings[0]?.params).toEqual({
      received: "000000",
      reason: "serial",
    });
  });

  it("refuses another school's code (certificate.school)", () => {
    const r = validateCertificateNumber("100011202201000123", ucas);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "certificate.school",
        params: { expected: "14430", received: "10001" },
      }),
    ]);
    expect(r.value?.schoolCode).toBe("10001");
  });

  it("refuses a year other than the graduation year, or an implausible one (certificate.year, 2.1.3)", () => {
    expect(validateCertificateNumber("144301202101000123", ucas).findings).toEqual([
      expect.objectContaining({
        code: "certificate.year",
        clause: "2.1.3",
        params: { expected: 2022, received: 2021 },
      }),
    ]);
    expect(validateCertificateNumber("144301094901000123").findings[0]?.params).toEqual({ received: 949 });
  });

  it("refuses a level other than the student's (01 doctor, 02 master) or an unknown level code (certificate.level)", () => {
    expect(validateCertificateNumber("144301202202000123", { ...ucas, level: "doctor" }).findings).toEqual([
      expect.objectContaining({ code: "certificate.level", params: { expected: "01", received: "02" } }),
    ]);
    const unknown = validateCertificateNumber("144301202203000123");
    expect(unknown).toEqual({
      ok: false,
      findings: [
        expect.objectContaining({
          code: "certificate.level",
          params: { expected: ["01", "02", "04", "05", "06"], received: "03" },
        }),
      ],
    });
  });

  it("reports every mismatch at once", () => {
    expect(codes(validateCertificateNumber("100011202102000123", { ...ucas, level: "doctor" }))).toEqual([
      "certificate.school",
      "certificate.year",
      "certificate.level",
    ]);
  });

  it("throws XueliError only for a wrong expectation (a programmer error)", () => {
    expect(() => validateCertificateNumber("x", { level: "bachelor" as never })).toThrow(XueliError);
    expect(() => validateCertificateNumber("x", { schoolCode: "144" })).toThrow(XueliError);
    expect(() => validateCertificateNumber("x", { year: 2022.5 })).toThrow(XueliError);
  });
});

describe("the education-type digit is pinned: 1 (普通) for graduate certificates (2.2 [decision])", () => {
  const submitted = (() => {
    let r: Registration = createRegistration(makeStudent(), ucas2022Batch3);
    for (const event of [{ type: "stage", conclusion: "graduation" }, { type: "submit" }] as const) {
      const next = transition(r, event, staff);
      if (!next.ok) throw new Error(`fixture: ${event.type} refused`);
      r = next.value;
    }
    return r;
  })();

  it("validateCertificateNumber with educationType: a 5 for 1 is certificate.education-type (2.2)", () => {
    const r = validateCertificateNumber("144305202202000001", {
      ...ucas,
      educationType: "1",
      level: "master",
    });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "certificate.education-type",
        severity: "error",
        clause: "2.2",
        path: [],
        params: { expected: "1", received: "5" },
        message: "学历证书编号第6位（办学类型）应为 1（普通高等教育），收到 5（成人高等教育）",
      }),
    ]);
    expect(r.value?.educationType).toBe("5");
    const en = validateCertificateNumber("144307202202000001", { educationType: "1" }, { locale: "en" });
    expect(en.findings[0]?.message).toBe(
      "The certificate number's 6th digit (type of education) must be 1 (regular higher education); received 7 (online education)",
    );
    expect(validateCertificateNumber("144301202202000001", { educationType: "1" }).ok).toBe(true);
    // Without the expectation any of 1, 5, 6, 7 is read (a bachelor's certificate may be 5).
    expect(validateCertificateNumber("144306202205000001").ok).toBe(true);
    // A digit that is no type at all stays certificate.format.
    expect(codes(validateCertificateNumber("144302202202000001", { educationType: "1" }))).toEqual([
      "certificate.format",
    ]);
  });

  it("an educationType that is none of 1, 5, 6, 7 is a programmer error (XueliError option.invalid)", () => {
    expect(() => validateCertificateNumber("144301202202000001", { educationType: "2" as never })).toThrow(
      XueliError,
    );
  });

  it("certify with 5, 6 or 7 is refused with certificate.education-type, the registration unchanged (2.2)", () => {
    expect(GRADUATE_EDUCATION_TYPE).toBe("1");
    const before = JSON.stringify(submitted);
    for (const t of ["5", "6", "7"] as const) {
      const r = transition(
        submitted,
        { type: "certify", certificateNumber: `14430${t}202202000001` },
        office,
      );
      expect(r.ok, t).toBe(false);
      expect(r.value, t).toBeUndefined();
      expect(
        r.findings.map((f) => [f.code, f.path, f.clause, f.params]),
        t,
      ).toEqual([
        ["certificate.education-type", ["certificateNumber"], "2.2", { expected: "1", received: t }],
      ]);
    }
    expect(JSON.stringify(submitted)).toBe(before);
    const ok = transition(submitted, { type: "certify", certificateNumber: "144301202202000001" }, office);
    expect(ok.value?.state).toBe("certified");
  });

  it("a stored certified registration with an adult-education number is refused on reading (2.2)", () => {
    const certified = transition(
      submitted,
      { type: "certify", certificateNumber: "144301202202000001" },
      office,
    );
    const json = JSON.parse(JSON.stringify(certified.value)) as Registration;
    const forged = {
      ...json,
      certificateNumber: "144305202202000001",
      history: json.history.map((h) =>
        h.event.type === "certify"
          ? { ...h, event: { ...h.event, certificateNumber: "144305202202000001" } }
          : h,
      ),
    };
    const r = parseRegistration(forged);
    expect(r.findings.map((f) => [f.code, f.path])).toContainEqual([
      "certificate.education-type",
      ["certificateNumber"],
    ]);
  });
});

describe("bounded work on a long certificate number (issue 12.2, 2.2)", () => {
  it("a 100,000-character value is certificate.format, folded never (2.2)", () => {
    const replace = vi.spyOn(String.prototype, "replace");
    try {
      const r = validateCertificateNumber("1".repeat(100_000));
      expect(r.findings.map((f) => [f.code, f.params])).toEqual([
        ["certificate.format", { received: "1".repeat(40) }],
      ]);
      expect(replace).not.toHaveBeenCalled();
    } finally {
      replace.mockRestore();
    }
  });
});
