import { describe, expect, it } from "vitest";
import {
  checkRegistration,
  createRegistration,
  type HistoryEntry,
  type Registration,
  ucas2022Batch3,
} from "../../src/index.js";
import { completionStudent, makeStudent, study } from "./fixtures.js";

/** The history entry of staging for graduation inside the 2022 third batch's window. */
const staged: HistoryEntry = {
  event: { type: "stage", conclusion: "graduation" },
  from: "draft",
  to: "staged",
  at: "2022-06-01T10:00:00+08:00",
  actor: "unit-staff",
};

const codes = (r: { findings: { code: string; path: unknown[] }[] }) =>
  r.findings.map((f) => [f.code, f.path]);

describe("checkRegistration: everything wrong with one registration, whatever the clock (2.1.2)", () => {
  it("accepts a registrable draft, with its value parsed", () => {
    const reg = createRegistration(makeStudent(), ucas2022Batch3);
    expect(checkRegistration(reg)).toEqual({ ok: true, value: reg, findings: [] });
  });

  it("reports every time-free guard of submit on a draft, the evidence included (2.1.2, 3.1.1)", () => {
    const reg = createRegistration(
      makeStudent({ photo: { uploaded: false }, changes: { name: { former: "测试乙", evidence: [] } } }),
      ucas2022Batch3,
    );
    expect(codes(checkRegistration(reg))).toEqual([
      ["photo.missing", ["student", "photo", "uploaded"]],
      ["name-change.evidence", ["student", "changes", "name", "evidence"]],
    ]);
  });

  it("checks a draft with the conclusion its defense points to ([decision] 1.2)", () => {
    const failed = createRegistration(completionStudent({ documents: {} }), ucas2022Batch3);
    expect(codes(checkRegistration(failed))).toEqual([
      ["completion.explanation-missing", ["student", "documents", "writtenExplanation"]],
    ]);
  });

  it("checks a staged registration with the conclusion it was staged with (1.1)", () => {
    const reg: Registration = {
      ...createRegistration(makeStudent({ study: { ...study, defense: "failed" } }), ucas2022Batch3),
      state: "staged",
      conclusion: "graduation",
      history: [staged],
    };
    expect(codes(checkRegistration(reg))).toEqual([
      ["conclusion.ineligible", ["student", "study", "defense"]],
    ]);
  });

  it("does not check the window: the clock is the caller's (2.1)", () => {
    // A batch of its own (a preset's id with another window would be a doctored preset).
    const late = {
      ...ucas2022Batch3,
      id: "unit-1999-1",
      closesAt: "2000-01-01T00:00:00+08:00",
      opensAt: "1999-01-01T00:00:00+08:00",
    };
    expect(checkRegistration(createRegistration(makeStudent({ batchId: "unit-1999-1" }), late)).ok).toBe(
      true,
    );
  });

  it("only parses a submitted registration: it was checked when submitted and is frozen since (2.1.2)", () => {
    const reg: Registration = {
      ...createRegistration(makeStudent({ photo: { uploaded: false } }), ucas2022Batch3),
      state: "submitted",
      conclusion: "graduation",
      history: [
        staged,
        {
          event: { type: "submit" },
          from: "staged",
          to: "submitted",
          at: "2022-06-02T10:00:00+08:00",
          actor: "unit-staff",
        },
      ],
    };
    expect(checkRegistration(reg).findings).toEqual([]);
  });

  it("returns the parse findings of a bad one, never throws", () => {
    expect(codes(checkRegistration({ state: "draft" }))[0]?.[0]).toBe("schema.invalid");
    expect(checkRegistration(null).ok).toBe(false);
  });
});
