import { describe, expectTypeOf, it } from "vitest";
import {
  applyOriginEvent,
  determineOrigin,
  editOrigin,
  type Origin,
  type OriginDetermination,
  type OriginRule,
  type Registration,
  type Result,
  reviewOrigin,
  type Student,
  validateOrigin,
} from "../../src/index.js";

declare const reg: Registration;
declare const student: Student;

describe("origin types", () => {
  it("validateOrigin gives a Result<Origin>", () => {
    expectTypeOf(validateOrigin("北京市海淀区")).toEqualTypeOf<Result<Origin>>();
    expectTypeOf<Origin["prefecture"]>().toEqualTypeOf<string | undefined>();
  });

  it("the workflow takes a Role and gives a Result<Registration>", () => {
    expectTypeOf(editOrigin(reg, "北京市海淀区", { at: new Date(), actor: "student" })).toEqualTypeOf<
      Result<Registration>
    >();
    // @ts-expect-error: not a Role
    reviewOrigin(reg, { at: "2022-05-20T10:00:00+08:00", actor: "dean" });
    // @ts-expect-error: the context needs an instant
    reviewOrigin(reg, { actor: "unit-staff" });
  });

  it("applyOriginEvent takes only origin events", () => {
    expectTypeOf(applyOriginEvent(student, { type: "review-origin" })).toEqualTypeOf<Student>();
    // @ts-expect-error: a state-machine event is not an origin event
    applyOriginEvent(student, { type: "submit" });
  });

  it("determineOrigin names its rule", () => {
    expectTypeOf<OriginDetermination["rule"]>().toEqualTypeOf<OriginRule>();
    expectTypeOf(determineOrigin({ gaokaoHousehold: "北京市海淀区" })).toEqualTypeOf<
      Result<OriginDetermination>
    >();
    // @ts-expect-error: employed is a boolean
    determineOrigin({ employed: "yes" });
  });
});
