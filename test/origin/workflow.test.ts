import { describe, expect, it } from "vitest";
import {
  applyOriginEvent,
  editOrigin,
  parseRegistration,
  type Registration,
  reviewOrigin,
  type Student,
  ucas2022Batch3,
  withdrawOriginReview,
  XueliError,
} from "../../src/index.js";
import { makeStudent } from "../registration/fixtures.js";

/** A generated student (test/registration/fixtures.ts) with the given origin. */
const student = (origin: { value: string; reviewed: boolean }): Student => makeStudent({ origin });

function registration(
  origin = { value: "北京市海淀区", reviewed: false },
  state: Registration["state"] = "draft",
) {
  const r: Registration = { state, student: student(origin), batch: ucas2022Batch3, history: [] };
  return deepFreeze(r);
}

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const AT = "2022-05-20T10:00:00+08:00";
const asStudent = { at: AT, actor: "student" } as const;
const asStaff = { at: AT, actor: "unit-staff" } as const;
const asOffice = { at: AT, actor: "student-office" } as const;

describe("editOrigin (3.3.1, 3.3.2, 3.3.4)", () => {
  it("lets the student edit an unreviewed origin and records it in the history (3.3.1)", () => {
    const before = registration();
    const copy = structuredClone(before);
    const r = editOrigin(before, " 河北省 石家庄市 正定县 ", asStudent);
    expect(r).toEqual({
      ok: true,
      value: {
        ...copy,
        student: { ...copy.student, origin: { value: "河北省石家庄市正定县", reviewed: false } },
        history: [
          {
            event: { type: "edit-origin", value: " 河北省 石家庄市 正定县 " },
            from: "draft",
            to: "draft",
            at: AT,
            actor: "student",
          },
        ],
      },
      findings: [],
    });
    expect(before).toEqual(copy); // frozen, and unchanged
  });

  it("lets unit staff edit an unreviewed origin (3.3.1), a Date giving a UTC instant", () => {
    const r = editOrigin(registration(), "北京市密云区", {
      at: new Date("2022-05-20T02:00:00Z"),
      actor: "unit-staff",
    });
    expect(r.ok && r.value.history[0]).toEqual({
      event: { type: "edit-origin", value: "北京市密云区" },
      from: "draft",
      to: "draft",
      at: "2022-05-20T02:00:00.000Z",
      actor: "unit-staff",
    });
  });

  it("records an invalid origin as typed, with its findings, so that it cannot be reviewed (3.3, 3.3.3)", () => {
    const r = editOrigin(registration(), "北京市密云县", asStudent);
    expect(r.ok).toBe(false);
    expect(r.value?.student.origin).toEqual({ value: "北京市密云县", reviewed: false });
    expect(r.value?.history).toHaveLength(1);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "origin.unknown",
        clause: "3.3",
        path: ["student", "origin", "value"],
        params: { received: "北京市密云县", suggestion: "北京市密云区" },
      }),
    ]);
    const review = r.value && reviewOrigin(r.value, asStaff);
    expect(review?.findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.unknown", ["student", "origin", "value"]],
    ]);
  });

  it("refuses a value that is not a string, recording nothing (3.3)", () => {
    const r = editOrigin(registration(), 42 as unknown as string, asStudent);
    expect(r).toEqual({ ok: false, findings: [expect.objectContaining({ code: "origin.format" })] });
  });

  it("refuses edits once the origin is reviewed: origin.review-first (3.3.2)", () => {
    for (const actor of asActors(["student", "unit-staff"])) {
      const r = editOrigin(registration({ value: "北京市海淀区", reviewed: true }), "北京市朝阳区", actor);
      expect(r).toEqual({
        ok: false,
        findings: [
          expect.objectContaining({
            code: "origin.review-first",
            clause: "3.3.2",
            path: ["student", "origin", "reviewed"],
          }),
        ],
      });
    }
  });

  it("refuses the student office: transition.role (3.3.1)", () => {
    const r = editOrigin(registration(), "北京市朝阳区", asOffice);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "transition.role",
        params: { event: "edit-origin", expected: ["student", "unit-staff"], received: "student-office" },
      }),
    ]);
  });

  it("locks the origin once staged or submitted: origin.locked (3.3.4)", () => {
    for (const state of ["staged", "submitted", "certified"] as const) {
      const reg = registration({ value: "北京市海淀区", reviewed: false }, state);
      for (const r of [
        editOrigin(reg, "北京市朝阳区", asStaff),
        reviewOrigin(reg, asStaff),
        withdrawOriginReview(registration({ value: "北京市海淀区", reviewed: true }, state), asStaff),
      ]) {
        expect(r.ok).toBe(false);
        expect(r.value).toBeUndefined();
        expect(r.findings.map((f) => [f.code, f.clause, f.path])).toEqual([
          ["origin.locked", "3.3.4", ["student", "origin"]],
        ]);
      }
    }
  });

  it("throws XueliError for a context without a valid instant (a programmer error)", () => {
    for (const at of ["2022-05-20T10:00:00", "yesterday", new Date("x"), 0]) {
      expect(() => editOrigin(registration(), "北京市朝阳区", { at, actor: "student" } as never)).toThrow(
        XueliError,
      );
      expect(() => reviewOrigin(registration(), { at, actor: "unit-staff" } as never)).toThrow(XueliError);
    }
    expect(() => withdrawOriginReview(registration(), { at: AT, actor: "dean" } as never)).toThrow(
      XueliError,
    );
    expect(() => editOrigin(registration(), "x", null as never)).toThrow(XueliError);
  });

  it("returns schema.invalid for a registration without a student or with an unreadable origin, never throwing", () => {
    const r = editOrigin({ state: "draft", history: [], student: {} } as never, "北京市朝阳区", asStudent);
    expect(r.ok).toBe(false);
    expect(new Set(r.findings.map((f) => f.code))).toEqual(new Set(["schema.invalid"]));
    expect(r.findings.map((f) => f.path)).toContainEqual(["student", "name"]);
    // An absent origin reads as empty [decision, 3.3]; an origin of the wrong type is the schema's.
    const bad = { ...registration(), student: { ...makeStudent(), origin: 42 } };
    expect(editOrigin(bad as never, "北京市朝阳区", asStudent).findings.map((f) => [f.code, f.path])).toEqual(
      [["schema.invalid", ["student", "origin"]]],
    );
    expect(reviewOrigin(null as never, asStaff).findings[0]?.code).toBe("schema.invalid");
  });
});

describe("reviewOrigin and withdrawOriginReview (3.3.2, 3.3.3)", () => {
  it("lets unit staff review a valid origin, storing it normalized (3.3.3)", () => {
    const r = reviewOrigin(registration({ value: "北京市 海淀区", reviewed: false }), asStaff);
    expect(r.ok).toBe(true);
    expect(r.value?.student.origin).toEqual({ value: "北京市海淀区", reviewed: true });
    expect(r.value?.history).toEqual([
      { event: { type: "review-origin" }, from: "draft", to: "draft", at: AT, actor: "unit-staff" },
    ]);
  });

  it("refuses a review by anyone but unit staff: origin.reviewer (3.3.3)", () => {
    for (const actor of asActors(["student", "student-office"])) {
      const r = reviewOrigin(registration(), actor);
      expect(r.findings).toEqual([
        expect.objectContaining({
          code: "origin.reviewer",
          clause: "3.3.3",
          params: { event: "review-origin", expected: "unit-staff", received: actor.actor },
        }),
      ]);
    }
  });

  it("refuses to review an invalid origin, giving its findings (3.3, 3.3.3)", () => {
    const r = reviewOrigin(registration({ value: "河北省石家庄市", reviewed: false }), asStaff);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.levels", ["student", "origin", "value"]],
    ]);
  });

  it("refuses to review twice and to withdraw a review that is not there (transition.illegal)", () => {
    expect(
      reviewOrigin(registration({ value: "北京市海淀区", reviewed: true }), asStaff).findings[0]?.code,
    ).toBe("transition.illegal");
    expect(withdrawOriginReview(registration(), asStaff).findings[0]?.code).toBe("transition.illegal");
  });

  it("lets only unit staff withdraw a review (3.3.2)", () => {
    const reviewed = registration({ value: "北京市海淀区", reviewed: true });
    expect(withdrawOriginReview(reviewed, asStudent).findings[0]?.code).toBe("origin.reviewer");
    const r = withdrawOriginReview(reviewed, asStaff);
    expect(r.ok && r.value.student.origin).toEqual({ value: "北京市海淀区", reviewed: false });
    expect(r.ok && r.value.history.at(-1)?.event).toEqual({ type: "withdraw-origin-review" });
  });

  it("runs the whole correction: withdraw, edit, review again (3.3.2, 3.3.3), never changing its inputs", () => {
    const start = registration({ value: "北京市海淀区", reviewed: true });
    const snapshot = structuredClone(start);
    const w = withdrawOriginReview(start, asStaff);
    if (!w.ok) throw new Error("withdraw");
    const e = editOrigin(deepFreeze(w.value), "北京市朝阳区", asStudent);
    if (!e.ok) throw new Error("edit");
    const r = reviewOrigin(deepFreeze(e.value), asStaff);
    if (!r.ok) throw new Error("review");
    expect(r.value.student.origin).toEqual({ value: "北京市朝阳区", reviewed: true });
    expect(r.value.history.map((h) => h.event.type)).toEqual([
      "withdraw-origin-review",
      "edit-origin",
      "review-origin",
    ]);
    expect(start).toEqual(snapshot);
    // The history replays: the registration reads back without registration.tampered.
    const parsed = parseRegistration(JSON.parse(JSON.stringify(r.value)));
    expect(parsed.findings).toEqual([]);
    // And replaying the events with applyOriginEvent gives the same student.
    let s = start.student;
    for (const h of r.value.history) if (h.event.type !== "stage") s = applyOriginEvent(s, h.event as never);
    expect(s).toEqual(r.value.student);
  });

  it("gives messages in the context's locale", () => {
    const r = reviewOrigin(registration(), { ...asStudent, locale: "en" });
    expect(r.findings[0]?.message).toMatch(/^Only unit staff may review the origin/);
  });
});

function asActors(actors: ("student" | "unit-staff" | "student-office")[]) {
  return actors.map((actor) => ({ at: AT, actor }));
}
