import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expectTypeOf, it } from "vitest";
import {
  type FindingCode,
  type IdNumberFacts,
  type StandardSchema,
  type Student,
  type StudentInput,
  standard,
  toStandardSchema,
  validateIdNumber,
  validateStudent,
} from "../../src/index.js";

// The package's Standard Schema types, seen through the spec's own (`@standard-schema/spec`).
describe("Standard Schema v1 types (13.4)", () => {
  it("the ready-made schemas are Standard Schemas with the inputs and outputs a form expects", () => {
    expectTypeOf(standard.student).toExtend<StandardSchemaV1<StudentInput, Student>>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof standard.student>>().toEqualTypeOf<StudentInput>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof standard.student>>().toEqualTypeOf<Student>();
    for (const s of [standard.idNumber, standard.name, standard.origin]) {
      expectTypeOf(s).toExtend<StandardSchemaV1<string, string>>();
      expectTypeOf<StandardSchemaV1.InferInput<typeof s>>().toEqualTypeOf<string>();
      expectTypeOf<StandardSchemaV1.InferOutput<typeof s>>().toEqualTypeOf<string>();
    }
  });

  it("toStandardSchema infers from the validator and from `output`", () => {
    const facts = toStandardSchema(validateIdNumber);
    expectTypeOf<StandardSchemaV1.InferOutput<typeof facts>>().toEqualTypeOf<IdNumberFacts>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof facts>>().toEqualTypeOf<string>();
    const birth = toStandardSchema(validateIdNumber, { output: (f) => f.birthDate });
    expectTypeOf<StandardSchemaV1.InferOutput<typeof birth>>().toEqualTypeOf<string | undefined>();
    const student = toStandardSchema(validateStudent);
    expectTypeOf(student).toExtend<StandardSchemaV1<unknown, Student>>();
  });

  it("any StandardSchema of the package is a spec StandardSchemaV1", () => {
    expectTypeOf<StandardSchema<string, number>>().toExtend<StandardSchemaV1<string, number>>();
  });

  it("issues carry the finding's code, typed", () => {
    const r = standard.idNumber["~standard"].validate("x");
    expectTypeOf<NonNullable<typeof r.issues>[number]["code"]>().toEqualTypeOf<FindingCode>();
  });

  it("misuse does not compile", () => {
    // @ts-expect-error -- an option the validator does not take
    toStandardSchema(validateIdNumber, { batch: 1 });
    // @ts-expect-error -- `output` reads a fact the validator does not give
    toStandardSchema(validateIdNumber, { output: (f) => f.province });
    // @ts-expect-error -- not a validator: it does not return a Result
    toStandardSchema((s: string) => s.length);
  });
});
