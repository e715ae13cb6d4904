import { describe, expect, it } from "vitest";
import {
  can,
  createRegistration,
  type Registration,
  type RegistrationEvent,
  transition,
  ucas2022Batch3,
  XueliError,
} from "../../src/index.js";
import { completionStudent, IN_WINDOW, MASTER_NUMBER, makeStudent, office, staff } from "./fixtures.js";

const stage: RegistrationEvent = { type: "stage", conclusion: "graduation" };

function ok<T>(r: { ok: boolean; value?: T; findings: unknown[] }): T {
  expect(r.findings.filter((f) => (f as { severity: string }).severity === "error")).toEqual([]);
  expect(r.ok).toBe(true);
  return r.value as T;
}

function staged(student = makeStudent()): Registration {
  return ok(transition(createRegistration(student, ucas2022Batch3), stage, staff));
}
function submitted(student = makeStudent()): Registration {
  return ok(transition(staged(student), { type: "submit" }, staff));
}

/** The codes, paths and clauses of a result's findings. */
function codes(r: { findings: { code: string; path: unknown[]; clause?: string }[] }) {
  return r.findings.map((f) => [f.code, f.path, f.clause]);
}

describe("createRegistration", () => {
  it("starts in draft with an empty history and copies its inputs (2)", () => {
    const student = makeStudent();
    const r = createRegistration(student, ucas2022Batch3);
    expect(r).toEqual({ state: "draft", student, batch: ucas2022Batch3, history: [] });
    expect(r.student).not.toBe(student);
    expect(r.batch).not.toBe(ucas2022Batch3);
  });
});

describe("transition: the happy path draft → staged → submitted → certified (2)", () => {
  it("stages, submits and certifies, one history entry per event", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    const before = structuredClone(draft);
    const s = ok(transition(draft, stage, staff));
    expect(draft).toEqual(before); // the input is never changed
    expect(s).not.toBe(draft);
    expect(s.state).toBe("staged");
    expect(s.conclusion).toBe("graduation");
    expect(s.history).toEqual([
      {
        event: { type: "stage", conclusion: "graduation" },
        from: "draft",
        to: "staged",
        at: IN_WINDOW,
        actor: "unit-staff",
      },
    ]);
    const sub = ok(transition(s, { type: "submit" }, staff));
    expect(sub.state).toBe("submitted");
    expect(sub.conclusion).toBe("graduation");
    const c = ok(transition(sub, { type: "certify", certificateNumber: MASTER_NUMBER }, office));
    expect(c.state).toBe("certified");
    expect(c.certificateNumber).toBe(MASTER_NUMBER);
    expect(c.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      ["draft", "staged", "unit-staff"],
      ["staged", "submitted", "unit-staff"],
      ["submitted", "certified", "student-office"],
    ]);
    expect(sub.history).toHaveLength(2); // earlier objects keep their history
  });

  it("records a Date as its UTC ISO string and an ISO string as given", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    const a = ok(transition(draft, stage, { at: new Date("2022-06-01T02:00:00Z"), actor: "unit-staff" }));
    expect(a.history[0]?.at).toBe("2022-06-01T02:00:00.000Z");
    const b = ok(transition(draft, stage, { at: "2022-06-01T02:00:00Z", actor: "unit-staff" }));
    expect(b.history[0]?.at).toBe("2022-06-01T02:00:00Z");
  });

  it("records only the event's own fields", () => {
    const extra = { type: "stage", conclusion: "graduation", note: "x" } as RegistrationEvent;
    const r = ok(transition(createRegistration(makeStudent(), ucas2022Batch3), extra, staff));
    expect(r.history[0]?.event).toEqual({ type: "stage", conclusion: "graduation" });
  });

  it("unstages back to draft and drops the conclusion ([decision] 2)", () => {
    const d = ok(transition(staged(), { type: "unstage" }, staff));
    expect(d.state).toBe("draft");
    expect(d.conclusion).toBeUndefined();
    expect("conclusion" in d).toBe(false);
    expect(d.history.at(-1)).toMatchObject({ event: { type: "unstage" }, from: "staged", to: "draft" });
    // … and can be staged again, with the other conclusion if the facts say so.
    expect(ok(transition(d, stage, staff)).state).toBe("staged");
  });

  it("stages a completion (结业) with a failed defense and a written explanation (1.2, 2.1.2)", () => {
    const s = ok(
      transition(
        createRegistration(completionStudent(), ucas2022Batch3),
        { type: "stage", conclusion: "completion" },
        staff,
      ),
    );
    expect(ok(transition(s, { type: "submit" }, staff)).state).toBe("submitted");
  });
});

describe("the transition table (2)", () => {
  const events: RegistrationEvent[] = [
    { type: "stage", conclusion: "graduation" },
    { type: "unstage" },
    { type: "submit" },
    { type: "certify", certificateNumber: MASTER_NUMBER },
  ];
  const legal = new Set(["draft/stage", "staged/unstage", "staged/submit", "submitted/certify"]);
  const byState = () => ({
    draft: createRegistration(makeStudent(), ucas2022Batch3),
    staged: staged(),
    submitted: submitted(),
    certified: ok(transition(submitted(), { type: "certify", certificateNumber: MASTER_NUMBER }, office)),
  });

  it("refuses every event outside the table with transition.illegal (2), whatever the actor", () => {
    for (const [state, reg] of Object.entries(byState())) {
      for (const event of events) {
        if (legal.has(`${state}/${event.type}`)) continue;
        for (const actor of ["unit-staff", "student-office", "student"] as const) {
          const before = structuredClone(reg);
          const r = transition(reg, event, { at: IN_WINDOW, actor });
          expect(r.ok, `${state}/${event.type}`).toBe(false);
          expect(codes(r)).toEqual([["transition.illegal", ["state"], "2"]]);
          expect(r.findings[0]?.params).toEqual({
            event: event.type,
            received: state,
            expected: expect.any(String),
          });
          expect(r).not.toHaveProperty("value");
          expect(reg).toEqual(before);
        }
      }
    }
  });

  it("nothing leaves submitted except to certified: submit is irreversible (2.1.2)", () => {
    const sub = submitted();
    for (const event of events.filter((e) => e.type !== "certify"))
      expect(transition(sub, event, staff).findings[0]?.code).toBe("transition.illegal");
  });

  it("refuses the wrong actor with transition.role (2)", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    for (const actor of ["student", "student-office"] as const) {
      const r = transition(draft, stage, { at: IN_WINDOW, actor });
      expect(codes(r)).toEqual([["transition.role", [], "2"]]);
      expect(r.findings[0]?.params).toEqual({ event: "stage", expected: "unit-staff", received: actor });
    }
    const r = transition(submitted(), { type: "certify", certificateNumber: MASTER_NUMBER }, staff);
    expect(codes(r)).toEqual([["transition.role", [], "2"]]);
    expect(transition(staged(), { type: "submit" }, { ...office, at: IN_WINDOW }).findings[0]?.code).toBe(
      "transition.role",
    );
  });

  it("refuses an unknown event type from JavaScript callers with transition.illegal, never throws", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    for (const bad of [
      null,
      42,
      "stage",
      {},
      { type: "approve" },
      { type: "toString" },
      { type: "__proto__" },
    ]) {
      const r = transition(draft, bad as unknown as RegistrationEvent, staff);
      expect(codes(r)).toEqual([["transition.illegal", ["event", "type"], "2"]]);
    }
  });

  it("refuses a stage event without a known conclusion (schema.invalid)", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    const r = transition(
      draft,
      { type: "stage", conclusion: "diploma" } as unknown as RegistrationEvent,
      staff,
    );
    expect(codes(r)).toEqual([["schema.invalid", ["event", "conclusion"], "3.1"]]);
  });

  it("refuses to submit a staged registration without a conclusion: registration.tampered (2)", () => {
    const { conclusion: _, ...noConclusion } = staged();
    const r = transition(noConclusion, { type: "submit" }, staff);
    expect(codes(r)).toEqual([["registration.tampered", ["conclusion"], "2"]]);
  });

  it("refuses a registration that is not one, never throws", () => {
    for (const bad of [null, 1, [], {}, { state: "draft" }, { state: "limbo", history: [] }]) {
      const r = transition(bad as unknown as Registration, stage, staff);
      expect(r.ok).toBe(false);
      expect(r.findings[0]?.code).toBe("schema.invalid");
    }
  });
});

describe("immutability (2)", () => {
  function deepFreeze<T>(o: T): T {
    if (typeof o === "object" && o !== null && !Object.isFrozen(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) deepFreeze(v);
    }
    return o;
  }
  it("never writes to its input: every event on a deep-frozen registration, accepted or refused", () => {
    const regs = [createRegistration(makeStudent(), ucas2022Batch3), staged(), submitted()].map(deepFreeze);
    const events: RegistrationEvent[] = [
      stage,
      { type: "unstage" },
      { type: "submit" },
      { type: "certify", certificateNumber: MASTER_NUMBER },
    ];
    for (const reg of regs)
      for (const event of events)
        for (const ctx of [staff, office]) {
          expect(() => transition(reg, event, ctx)).not.toThrow();
          expect(() => can(reg, event, ctx)).not.toThrow();
        }
    // Accepted events on frozen input still give a new, ordinary object.
    const next = transition(regs[1] as Registration, { type: "submit" }, staff);
    expect(next.ok && Object.isFrozen(next.value)).toBe(false);
  });
});

describe("the context (programmer errors throw XueliError)", () => {
  const draft = createRegistration(makeStudent(), ucas2022Batch3);
  it.each([
    ["an ISO string without an offset", "2022-06-01T10:00:00"],
    ["a date without a time", "2022-06-01"],
    ["an invalid Date", new Date(Number.NaN)],
    ["a number", 1654048800000],
    ["an impossible date", "2022-02-30T10:00:00+08:00"],
  ])("throws for %s as context.at", (_, at) => {
    expect(() => transition(draft, stage, { at: at as string, actor: "unit-staff" })).toThrow(XueliError);
    expect(() => can(draft, stage, { at: at as string, actor: "unit-staff" })).toThrow(XueliError);
  });
  it("throws for an unknown actor, a missing context or an unknown locale", () => {
    expect(() => transition(draft, stage, { at: IN_WINDOW, actor: "dean" as "student" })).toThrow(XueliError);
    expect(() => transition(draft, stage, undefined as unknown as typeof staff)).toThrow(XueliError);
    expect(() => transition(draft, stage, { ...staff, locale: "fr" as "en" })).toThrow(XueliError);
  });
  it("builds messages in the context's or the options' locale", () => {
    const r = transition(draft, stage, {
      at: "2022-06-11T00:00:00+08:00",
      actor: "unit-staff",
      locale: "en",
    });
    expect(r.findings[0]?.message).toMatch(/^Outside the registration window/);
    const z = transition(draft, stage, { at: "2022-06-11T00:00:00+08:00", actor: "unit-staff" });
    expect(z.findings[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    const o = transition(
      draft,
      stage,
      { at: "2022-06-11T00:00:00+08:00", actor: "unit-staff" },
      { locale: "en" },
    );
    expect(o.findings[0]?.message).toMatch(/^Outside/);
  });
});

describe("can", () => {
  it("answers like transition without changing anything", () => {
    const draft = createRegistration(makeStudent(), ucas2022Batch3);
    expect(can(draft, stage, staff)).toEqual({ ok: true, value: undefined, findings: [] });
    const r = can(draft, { type: "submit" }, staff);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([["transition.illegal", ["state"], "2"]]);
    expect(draft.history).toEqual([]);
  });
});
