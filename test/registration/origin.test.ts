import { describe, expect, it } from "vitest";
import {
  createRegistration,
  editOrigin,
  parseRegistration,
  type Registration,
  reviewOrigin,
  transition,
  ucas2022Batch3,
  withdrawOriginReview,
} from "../../src/index.js";
import { makeStudent, office, staff } from "./fixtures.js";

function ok(r: { ok: boolean; value?: Registration; findings: unknown[] }): Registration {
  expect(r.findings).toEqual([]);
  expect(r.ok).toBe(true);
  return r.value as Registration;
}
const student = { at: "2022-05-20T10:00:00+08:00", actor: "student" } as const;
const unit = { at: "2022-05-21T10:00:00+08:00", actor: "unit-staff" } as const;
const stage = { type: "stage", conclusion: "graduation" } as const;
const roundTrip = (r: unknown): unknown => JSON.parse(JSON.stringify(r));

/** A draft whose origin is not reviewed yet and wrong (two levels only). */
function unreviewed(): Registration {
  return createRegistration(
    makeStudent({ origin: { value: "河北省石家庄市", reviewed: false } }),
    ucas2022Batch3,
  );
}

describe("the origin workflow and the state machine together (3.3.1–3.3.4)", () => {
  it("edits, reviews, stages; the history holds both kinds of events and replays", () => {
    const edited = ok(editOrigin(unreviewed(), "河北省石家庄市正定县", student));
    // Staging needs the review first (3.3.4).
    expect(transition(edited, stage, staff).findings.map((f) => f.code)).toEqual(["origin.not-reviewed"]);
    const reviewed = ok(reviewOrigin(edited, unit));
    const staged = ok(transition(reviewed, stage, staff));
    expect(staged.history.map((h) => [h.event.type, h.from, h.to, h.actor])).toEqual([
      ["edit-origin", "draft", "draft", "student"],
      ["review-origin", "draft", "draft", "unit-staff"],
      ["stage", "draft", "staged", "unit-staff"],
    ]);
    expect(ok(parseRegistration(roundTrip(staged)))).toEqual(staged);
  });

  it("refuses staging an origin that is not valid (3.3) even if someone marked it reviewed", () => {
    const r = createRegistration(
      makeStudent({ origin: { value: "河北省石家庄市", reviewed: true } }),
      ucas2022Batch3,
    );
    expect(transition(r, stage, staff).findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.levels", ["student", "origin", "value"]],
    ]);
  });

  it("locks the origin once staged or submitted: editOrigin gives origin.locked (3.3.4)", () => {
    const staged = ok(transition(createRegistration(makeStudent(), ucas2022Batch3), stage, staff));
    const submitted = ok(transition(staged, { type: "submit" }, staff));
    const certified = ok(
      transition(submitted, { type: "certify", certificateNumber: "144301202202000001" }, office),
    );
    for (const r of [staged, submitted, certified]) {
      const res = editOrigin(r, "北京市朝阳区", unit);
      expect(res.ok).toBe(false);
      expect(res.findings.map((f) => [f.code, f.clause])).toEqual([["origin.locked", "3.3.4"]]);
      expect(withdrawOriginReview(r, unit).findings[0]?.code).toBe("origin.locked");
    }
    // Unstaging does not unlock it (3.3.4 [decision]): staged once, locked for good.
    const draft = ok(transition(staged, { type: "unstage" }, staff));
    expect(draft.state).toBe("draft");
    for (const res of [editOrigin(draft, "北京市朝阳区", unit), withdrawOriginReview(draft, unit)]) {
      expect(res.ok).toBe(false);
      expect(res.findings.map((f) => [f.code, f.clause, f.params])).toEqual([
        ["origin.locked", "3.3.4", expect.objectContaining({ state: "draft", stagedAt: staff.at })],
      ]);
    }
    expect(editOrigin(draft, "北京市朝阳区", unit).findings[0]?.message).toBe(
      `毕业注册信息已于 ${staff.at} 暂存，即使已取消暂存，生源地也不能再修改`,
    );
    // It can be staged again as it is.
    expect(transition(draft, stage, staff).ok).toBe(true);
  });

  it("refuses a forged origin edit after staging: registration.tampered (3.3.4)", () => {
    const staged = ok(transition(createRegistration(makeStudent(), ucas2022Batch3), stage, staff));
    const forged: Registration = {
      ...staged,
      student: { ...staged.student, origin: { value: "北京市朝阳区", reviewed: false } },
      history: [
        ...staged.history,
        {
          event: { type: "edit-origin", value: "北京市朝阳区" },
          from: "staged",
          to: "staged",
          at: staff.at,
          actor: "unit-staff",
        },
      ],
    };
    expect(parseRegistration(forged).findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      ["registration.tampered", ["history", 1], "2"],
    ]);
  });

  it("refuses an origin the history's last edit and review do not lead to (3.3.3)", () => {
    const reviewed = ok(reviewOrigin(ok(editOrigin(unreviewed(), "河北省石家庄市正定县", student)), unit));
    const changed = {
      ...reviewed,
      student: { ...reviewed.student, origin: { value: "北京市海淀区", reviewed: true } },
    };
    const r = parseRegistration(changed);
    expect(r.findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      ["registration.tampered", ["student", "origin"], "2"],
    ]);
    expect(r.findings[0]?.params).toEqual({
      reason: "origin",
      expected: { value: "河北省石家庄市正定县", reviewed: true },
      received: { value: "北京市海淀区", reviewed: true },
    });
    const unreviewedNow = {
      ...reviewed,
      student: { ...reviewed.student, origin: { ...reviewed.student.origin, reviewed: false } },
    };
    expect(parseRegistration(unreviewedNow).findings[0]?.path).toEqual(["student", "origin"]);
  });

  it("refuses an origin review recorded for the student: only unit staff review (3.3.3)", () => {
    const reviewed = ok(reviewOrigin(ok(editOrigin(unreviewed(), "河北省石家庄市正定县", student)), unit));
    const history = reviewed.history.map((h) =>
      h.event.type === "review-origin" ? { ...h, actor: "student" as const } : h,
    );
    expect(parseRegistration({ ...reviewed, history }).findings.map((f) => [f.code, f.path])).toEqual([
      ["registration.tampered", ["history", 1]],
    ]);
  });
});
