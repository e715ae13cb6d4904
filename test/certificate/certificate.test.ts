import { describe, expect, it } from "vitest";
import { validateCertificateNumber, XueliError } from "../../src/index.js";

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
