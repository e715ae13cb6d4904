import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  editOrigin,
  type Registration,
  type Result,
  type Role,
  reviewOrigin,
  ucas2022Batch3,
  validateOrigin,
  withdrawOriginReview,
} from "../../src/index.js";
import { makeStudent } from "../registration/fixtures.js";

const VALUES = [
  "北京市海淀区",
  "河北省 石家庄市 正定县",
  "北京海淀",
  "河北省石家庄市",
  "北京市密云县",
  "",
  "广东省东莞市",
];
const ROLES: Role[] = ["student", "unit-staff", "student-office"];
const AT = "2022-05-20T10:00:00+08:00";

type Step =
  | { kind: "edit"; value: string; actor: Role }
  | { kind: "review"; actor: Role }
  | { kind: "withdraw"; actor: Role };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("edit" as const),
    value: fc.constantFrom(...VALUES),
    actor: fc.constantFrom(...ROLES),
  }),
  fc.record({ kind: fc.constant("review" as const), actor: fc.constantFrom(...ROLES) }),
  fc.record({ kind: fc.constant("withdraw" as const), actor: fc.constantFrom(...ROLES) }),
);

function start(): Registration {
  return {
    state: "draft",
    batch: ucas2022Batch3,
    history: [],
    student: makeStudent({ origin: { value: "北京市海淀区", reviewed: false } }),
  };
}

describe("the origin workflow as a model (3.3.1–3.3.3)", () => {
  it("keeps its invariants over random sequences of edits, reviews and withdrawals", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let reg = start();
        let reviewed = false; // the model
        for (const s of steps) {
          const before = structuredClone(reg);
          const ctx = { at: AT, actor: s.actor };
          let r: Result<Registration>;
          if (s.kind === "edit") r = editOrigin(reg, s.value, ctx);
          else if (s.kind === "review") r = reviewOrigin(reg, ctx);
          else r = withdrawOriginReview(reg, ctx);
          expect(reg).toEqual(before); // the input never changes
          // What the model allows: edits by the student or staff while unreviewed (3.3.1, 3.3.2),
          // reviews of a valid origin and withdrawals by staff only (3.3.2, 3.3.3).
          const allowed =
            s.kind === "edit"
              ? s.actor !== "student-office" && !reviewed
              : s.kind === "review"
                ? s.actor === "unit-staff" && !reviewed && validateOrigin(reg.student.origin.value).ok
                : s.actor === "unit-staff" && reviewed;
          expect(r.value !== undefined).toBe(allowed);
          if (r.value === undefined) continue;
          expect(r.value.history).toHaveLength(reg.history.length + 1);
          expect(r.value.state).toBe("draft");
          reviewed = s.kind === "review";
          reg = r.value;
          expect(reg.student.origin.reviewed).toBe(reviewed);
          // A reviewed origin is always valid and normalized (3.3, 3.3.3).
          if (reviewed) {
            const v = validateOrigin(reg.student.origin.value);
            expect(v.ok && v.value.normalized).toBe(reg.student.origin.value);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
