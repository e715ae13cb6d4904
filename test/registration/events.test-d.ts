import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  type Batch,
  type BatchSchema,
  can,
  createRegistration,
  type GuardInput,
  guards,
  type HistoryEntry,
  type HistoryEntrySchema,
  type Registration,
  type RegistrationEvent,
  type RegistrationEventSchema,
  type RegistrationSchema,
  type Result,
  type Role,
  type State,
  type Student,
  type StudentSchema,
  transition,
  transitionTable,
  ucas2022Batch3,
} from "../../src/index.js";

declare const student: Student;
const reg = createRegistration(student, ucas2022Batch3);
const ctx = { at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" } as const;

describe("the state machine's types (2)", () => {
  it("has one type for each zod schema and its interface", () => {
    expectTypeOf<z.output<typeof RegistrationSchema>>().toEqualTypeOf<Registration>();
    expectTypeOf<z.output<typeof HistoryEntrySchema>>().toEqualTypeOf<HistoryEntry>();
    expectTypeOf<z.output<typeof RegistrationEventSchema>>().toEqualTypeOf<RegistrationEvent>();
    expectTypeOf<z.output<typeof StudentSchema>>().toEqualTypeOf<Student>();
    expectTypeOf<z.output<typeof BatchSchema>>().toEqualTypeOf<Batch>();
  });

  it("reads a typed registration in every guard", () => {
    expectTypeOf<GuardInput["registration"]>().toEqualTypeOf<Registration>();
    expectTypeOf(guards.photoUploaded).parameter(0).toEqualTypeOf<GuardInput>();
    // @ts-expect-error a guard name that does not exist
    transitionTable.stage.guards.includes("photoPresent");
  });

  it("accepts the four events with their payloads", () => {
    expectTypeOf(transition(reg, { type: "stage", conclusion: "graduation" }, ctx)).toEqualTypeOf<
      Result<Registration>
    >();
    expectTypeOf(can(reg, { type: "submit" }, ctx)).toEqualTypeOf<Result<void>>();
    // One machine: the registration's four events and the origin's three (3.3).
    expectTypeOf<RegistrationEvent["type"]>().toEqualTypeOf<
      "stage" | "unstage" | "submit" | "certify" | "edit-origin" | "review-origin" | "withdraw-origin-review"
    >();
    expectTypeOf<State>().toEqualTypeOf<"draft" | "staged" | "submitted" | "certified">();
    expectTypeOf<Role>().toEqualTypeOf<"student" | "unit-staff" | "student-office">();
    expectTypeOf<HistoryEntry["at"]>().toEqualTypeOf<string>();
    expectTypeOf(transitionTable.submit.to).toEqualTypeOf<"submitted">();
  });

  it("does not compile an unknown event type", () => {
    // @ts-expect-error "approve" is not an event
    transition(reg, { type: "approve" }, ctx);
    // @ts-expect-error "reject" is not an event
    can(reg, { type: "reject" }, ctx);
  });

  it("does not compile an event without its payload or with a wrong one", () => {
    // @ts-expect-error stage needs a conclusion
    transition(reg, { type: "stage" }, ctx);
    // @ts-expect-error "degree" is not a conclusion
    transition(reg, { type: "stage", conclusion: "degree" }, ctx);
    // @ts-expect-error certify needs a certificate number
    transition(reg, { type: "certify" }, ctx);
  });

  it("does not compile an unknown role or a context without one", () => {
    // @ts-expect-error "dean" is not a role
    transition(reg, { type: "submit" }, { at: new Date(), actor: "dean" });
    // @ts-expect-error the actor is required
    transition(reg, { type: "submit" }, { at: new Date() });
    // @ts-expect-error `at` is a Date or an ISO string, not a number
    transition(reg, { type: "submit" }, { at: 1654048800000, actor: "unit-staff" });
  });

  it("does not compile an unknown state", () => {
    // @ts-expect-error "approved" is not a state
    const _r: Registration = { ...reg, state: "approved" };
  });
});
