import { describe, expect, it } from "vitest";
import {
  checkBatch,
  createRegistration,
  type HistoryEntry,
  parseRegistration,
  type Registration,
  type RegistrationEvent,
  transition,
  ucas2022Batch3,
} from "../../src/index.js";
import { MASTER_NUMBER, makeStudent, office, staff } from "./fixtures.js";

function ok(r: { ok: boolean; value?: Registration }): Registration {
  expect(r.ok).toBe(true);
  return r.value as Registration;
}
const stage: RegistrationEvent = { type: "stage", conclusion: "graduation" };
const roundTrip = (r: unknown): unknown => JSON.parse(JSON.stringify(r));

function certified(): Registration {
  let r = createRegistration(makeStudent(), ucas2022Batch3);
  r = ok(transition(r, stage, staff));
  r = ok(transition(r, { type: "submit" }, staff));
  return ok(transition(r, { type: "certify", certificateNumber: MASTER_NUMBER }, office));
}
function codes(r: { findings: { code: string; path: unknown[]; clause?: string }[] }) {
  return r.findings.map((f) => [f.code, f.path, f.clause]);
}

describe("serialization (2): a registration survives a JSON round trip and can go on", () => {
  it("parses what the machine wrote, at every state, to an equal registration", () => {
    let r = createRegistration(makeStudent(), ucas2022Batch3);
    expect(parseRegistration(roundTrip(r))).toEqual({ ok: true, value: r, findings: [] });
    r = ok(transition(r, stage, staff));
    r = ok(transition(r, { type: "unstage" }, staff));
    r = ok(transition(r, stage, { at: new Date("2022-06-02T00:00:00Z"), actor: "unit-staff" }));
    expect(ok(parseRegistration(roundTrip(r)))).toEqual(r);
    const c = certified();
    expect(ok(parseRegistration(roundTrip(c)))).toEqual(c);
  });

  it("goes on from a parsed registration", () => {
    const staged = ok(transition(createRegistration(makeStudent(), ucas2022Batch3), stage, staff));
    const back = ok(parseRegistration(roundTrip(staged)));
    const sub = ok(transition(back, { type: "submit" }, staff));
    const c = ok(
      transition(
        ok(parseRegistration(roundTrip(sub))),
        { type: "certify", certificateNumber: MASTER_NUMBER },
        office,
      ),
    );
    expect(c.state).toBe("certified");
    expect(c.history.map((h) => h.to)).toEqual(["staged", "submitted", "certified"]);
  });

  it("drops unknown keys", () => {
    const r = { ...(roundTrip(createRegistration(makeStudent(), ucas2022Batch3)) as object), extra: 1 };
    expect(ok(parseRegistration(r))).not.toHaveProperty("extra");
  });
});

describe("parseRegistration refuses a tampered registration (2)", () => {
  it("refuses a state its history does not lead to: registration.tampered at ['state'] (2)", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    const r = parseRegistration({ ...draft, state: "submitted" });
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([["registration.tampered", ["state"], "2"]]);
    expect(r.findings[0]?.params).toEqual({ reason: "state", expected: "draft", received: "submitted" });
  });

  it("refuses a history step the machine would not take: skipping staged (2.1.2)", () => {
    const c = certified();
    const history = c.history.filter((h) => h.to !== "staged");
    const r = parseRegistration({ ...c, history });
    // The submit step has no staging before it, and no stage event recorded the conclusion.
    expect(codes(r)).toEqual([
      ["registration.tampered", ["history", 0], "2"],
      ["registration.tampered", ["conclusion"], "2"],
    ]);
  });

  it("refuses a step leaving submitted other than to certified (2.1.2)", () => {
    let r = ok(transition(createRegistration(makeStudent(), ucas2022Batch3), stage, staff));
    r = ok(transition(r, { type: "submit" }, staff));
    const forged: Registration = {
      ...r,
      state: "draft",
      history: [
        ...r.history,
        {
          event: { type: "unstage" },
          from: "submitted",
          to: "draft",
          at: "2022-06-03T10:00:00+08:00",
          actor: "unit-staff",
        },
      ],
    };
    const res = parseRegistration(forged);
    expect(codes(res)).toContainEqual(["registration.tampered", ["history", 2], "2"]);
  });

  it("refuses a step by the wrong actor (2)", () => {
    const c = certified();
    const history = c.history.map((h) => (h.to === "certified" ? { ...h, actor: "unit-staff" as const } : h));
    expect(codes(parseRegistration({ ...c, history }))).toEqual([
      ["registration.tampered", ["history", 2], "2"],
    ]);
  });

  it("refuses a conclusion or certificate number the history does not record (2)", () => {
    const c = certified();
    expect(codes(parseRegistration({ ...c, conclusion: "completion" }))).toEqual([
      ["registration.tampered", ["conclusion"], "2"],
    ]);
    expect(codes(parseRegistration({ ...c, certificateNumber: "144301202202000002" }))).toEqual([
      ["registration.tampered", ["certificateNumber"], "2"],
    ]);
  });

  it("refuses a certified registration without a number (2.2)", () => {
    const { certificateNumber: _, ...noNumber } = certified();
    expect(codes(parseRegistration(noNumber))).toEqual([
      ["registration.tampered", ["certificateNumber"], "2"],
    ]);
  });

  it("refuses a certified registration whose number is not valid for its batch and level (2.2)", () => {
    const c = certified();
    const bad = "144301202201000001"; // a doctor's number for a master's student
    const history = c.history.map((h) =>
      h.event.type === "certify" ? { ...h, event: { type: "certify" as const, certificateNumber: bad } } : h,
    );
    const r = parseRegistration({ ...c, certificateNumber: bad, history });
    expect(codes(r)).toEqual([["certificate.level", ["certificateNumber"], "2.2"]]);
  });

  it("refuses a bad shape with schema.invalid at its path, never throws", () => {
    const draft = roundTrip(createRegistration(makeStudent(), ucas2022Batch3)) as Record<string, unknown>;
    expect(codes(parseRegistration({ ...draft, state: "approved" }))[0]).toEqual([
      "schema.invalid",
      ["state"],
      "3.1",
    ]);
    expect(codes(parseRegistration({ ...draft, history: [{ event: { type: "approve" } }] }))[0]?.[0]).toBe(
      "schema.invalid",
    );
    expect(
      codes(
        parseRegistration({
          ...draft,
          history: [{ event: stage, from: "draft", to: "staged", at: "2022-06-01", actor: "unit-staff" }],
        }),
      ),
    ).toContainEqual(["schema.invalid", ["history", 0, "at"], "3.1"]);
    for (const bad of [null, undefined, 1, "x", [], {}, JSON.parse('{"__proto__": {"state": "draft"}}')]) {
      const r = parseRegistration(bad);
      expect(r.ok).toBe(false);
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.findings.every((f) => f.code === "schema.invalid")).toBe(true);
    }
  });

  it("builds its messages in the requested locale", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    const r = parseRegistration({ ...draft, state: "staged" }, { locale: "en" });
    expect(r.findings[0]?.message).toMatch(/^The registration does not match its own history/);
  });
});

describe("forged histories: the replay runs the machine's own process guards (2, 2.1, 3.3.3, 3.3.4)", () => {
  const draft = () => createRegistration(makeStudent(), ucas2022Batch3);
  const params = (r: { findings: { params: unknown }[] }) => r.findings.map((f) => f.params);

  it("refuses an event dated outside the batch's window (2.1)", () => {
    const staged = ok(transition(draft(), stage, staff));
    const at = "2025-01-01T10:00:00+08:00";
    const forged = { ...staged, history: [{ ...(staged.history[0] as HistoryEntry), at }] };
    const r = parseRegistration(roundTrip(forged));
    expect(codes(r)).toEqual([["registration.tampered", ["history", 0, "at"], "2"]]);
    expect(params(r)).toEqual([
      {
        reason: "window",
        event: "stage",
        received: at,
        opensAt: ucas2022Batch3.opensAt,
        closesAt: ucas2022Batch3.closesAt,
      },
    ]);
    expect(r.findings[0]?.message).toBe(
      `注册记录与其操作历史不符：“暂存”记录于 ${at}，不在系统开放时间内（${ucas2022Batch3.opensAt} 至 ${ucas2022Batch3.closesAt}）`,
    );
  });

  it("refuses events out of order, as transition does (transition.out-of-order) (2)", () => {
    const staged = ok(transition(draft(), stage, { ...staff, at: "2022-06-05T10:00:00+08:00" }));
    const early = { at: "2022-06-02T10:00:00+08:00", actor: "unit-staff" } as const;
    const refused = transition(staged, { type: "submit" }, early);
    expect(refused.findings.map((f) => [f.code, f.params])).toEqual([
      [
        "transition.out-of-order",
        { event: "submit", received: early.at, expected: "2022-06-05T10:00:00+08:00" },
      ],
    ]);
    const forged = {
      ...staged,
      state: "submitted",
      history: [...staged.history, { event: { type: "submit" }, from: "staged", to: "submitted", ...early }],
    };
    const r = parseRegistration(roundTrip(forged));
    expect(codes(r)).toEqual([["registration.tampered", ["history", 1, "at"], "2"]]);
    expect(params(r)[0]).toEqual({
      reason: "order",
      event: "submit",
      received: early.at,
      expected: "2022-06-05T10:00:00+08:00",
    });
  });

  it("refuses a second review and the review of an invalid origin (3.3.3)", () => {
    const unit = { at: "2022-05-20T10:00:00+08:00", actor: "unit-staff" } as const;
    const edited = ok(
      transition(
        createRegistration(
          makeStudent({ origin: { value: "北京市海淀区", reviewed: false } }),
          ucas2022Batch3,
        ),
        { type: "edit-origin", value: "河北省石家庄市正定县" },
        unit,
      ),
    );
    const reviewed = ok(transition(edited, { type: "review-origin" }, unit));
    const twice = { ...reviewed, history: [...reviewed.history, reviewed.history[1] as HistoryEntry] };
    expect(params(parseRegistration(roundTrip(twice)))).toEqual([
      { reason: "precondition", event: "review-origin", code: "transition.illegal" },
    ]);
    const invalid = {
      ...reviewed,
      student: { ...reviewed.student, origin: { value: "河北省石家庄市", reviewed: true } },
      history: reviewed.history.map((h, i) =>
        i === 0 ? { ...h, event: { type: "edit-origin", value: "河北省石家庄市" } } : h,
      ),
    };
    const r = parseRegistration(roundTrip(invalid));
    expect(params(r)).toEqual([{ reason: "precondition", event: "review-origin", code: "origin.levels" }]);
    expect(r.findings[0]?.message).toBe(
      "注册记录与其操作历史不符：“复核生源地”在当时不能进行（生源地须填写省市区（县）三级信息）",
    );
  });

  it("refuses an origin edit after unstaging: staged once, the origin stays locked (3.3.4)", () => {
    const staged = ok(transition(draft(), stage, staff));
    const unstaged = ok(transition(staged, { type: "unstage" }, staff));
    const forged = {
      ...unstaged,
      student: { ...unstaged.student, origin: { value: "北京市朝阳区", reviewed: false } },
      history: [
        ...unstaged.history,
        {
          event: { type: "withdraw-origin-review" },
          from: "draft",
          to: "draft",
          at: staff.at,
          actor: "unit-staff",
        },
        {
          event: { type: "edit-origin", value: "北京市朝阳区" },
          from: "draft",
          to: "draft",
          at: staff.at,
          actor: "student",
        },
      ],
    };
    expect(params(parseRegistration(roundTrip(forged)))).toEqual([
      { reason: "precondition", event: "withdraw-origin-review", code: "origin.locked" },
      { reason: "precondition", event: "edit-origin", code: "origin.locked" },
    ]);
  });

  it("refuses a registration whose batch was widened: transition, parse and checkBatch (2.1)", () => {
    const widened = {
      ...ucas2022Batch3,
      opensAt: "2000-01-01T00:00:00+08:00",
      closesAt: "2099-01-01T00:00:00+08:00",
    };
    const reg = createRegistration(makeStudent(), widened);
    const late = { at: "2025-06-01T10:00:00+08:00", actor: "unit-staff" } as const;
    const t = transition(reg, stage, late);
    expect(t.ok).toBe(false);
    expect(t.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      [
        "registration.tampered",
        ["batch"],
        { reason: "batch", id: "ucas-2022-3", fields: ["opensAt", "closesAt"] },
      ],
    ]);
    expect(parseRegistration(roundTrip(reg)).findings.map((f) => f.code)).toEqual(["registration.tampered"]);
    // A batch of its own id, not a preset: the registration agrees with itself, but checkBatch
    // compares the whole batch with the one given.
    const own = { ...ucas2022Batch3, id: "unit-2025-1", closesAt: "2099-01-01T00:00:00+08:00" };
    const b = checkBatch([createRegistration(makeStudent({ batchId: "unit-2025-1" }), own)], {
      ...own,
      closesAt: ucas2022Batch3.closesAt,
    });
    expect(b.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ["registration.tampered", [0, "batch"], { reason: "batch", id: "unit-2025-1", fields: ["closesAt"] }],
    ]);
  });
});
