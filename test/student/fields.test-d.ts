import { describe, expectTypeOf, it } from "vitest";
import {
  type CertificateLevel,
  type EthnicityCode,
  type IdNumberFacts,
  type Result,
  type Student,
  validateCertificateNumber,
  validateEthnicity,
  validateIdNumber,
  validateName,
  validateStudent,
} from "../../src/index.js";

describe("field validator types", () => {
  it("return the one Result shape with typed values", () => {
    expectTypeOf(validateIdNumber("x")).toEqualTypeOf<Result<IdNumberFacts>>();
    expectTypeOf(validateStudent({})).toEqualTypeOf<Result<Student>>();
    expectTypeOf(validateName("x").value).toEqualTypeOf<{ normalized: string } | undefined>();
    expectTypeOf<
      NonNullable<ReturnType<typeof validateEthnicity>["value"]>["code"]
    >().toEqualTypeOf<EthnicityCode>();
    expectTypeOf<
      NonNullable<ReturnType<typeof validateCertificateNumber>["value"]>["level"]
    >().toEqualTypeOf<CertificateLevel>();
  });

  it("EthnicityCode is the union of the table's codes", () => {
    expectTypeOf<"01">().toExtend<EthnicityCode>();
    expectTypeOf<"98">().toExtend<EthnicityCode>();
    expectTypeOf<"57">().not.toExtend<EthnicityCode>();
  });

  it("refuses misuse at compile time", () => {
    // @ts-expect-error not an IdType
    validateIdNumber("x", { type: "card" });
    // @ts-expect-error the level is a DegreeLevel
    validateCertificateNumber("x", { level: "bachelor" });
    // @ts-expect-error the year is a number
    validateCertificateNumber("x", { year: "2022" });
    // @ts-expect-error an ethnic group is a string or a number
    validateEthnicity(true);
    // @ts-expect-error no such locale
    validateName("x", { locale: "fr" });
  });
});
