import { describe, expect, it } from "vitest";
import {
  can,
  createRegistration,
  type Evidence,
  evidenceKinds,
  guardInput,
  guards,
  photoUploaded,
  type Registration,
  type RegistrationEvent,
  type Student,
  transition,
  transitionTable,
  ucas2022Batch3,
} from "../../src/index.js";
import { paramsOf } from "../helpers/findings.js";
import { completionStudent, makeStudent, staff, study } from "./fixtures.js";

const graduate: RegistrationEvent = { type: "stage", conclusion: "graduation" };
const complete: RegistrationEvent = { type: "stage", conclusion: "completion" };

function draft(student: Student = makeStudent()): Registration {
  return createRegistration(student, ucas2022Batch3);
}
/** A registration staged with `conclusion` for `student`, built by hand: the submit guards see it. */
function stagedAs(student: Student, conclusion: "graduation" | "completion" = "graduation"): Registration {
  return { ...draft(student), state: "staged", conclusion, history: [] };
}
/** Code, path, clause and params of each finding. */
function found(r: { findings: { code: string; path: unknown[]; clause?: string; params?: unknown }[] }) {
  return r.findings.map((f) => ({ code: f.code, path: f.path, clause: f.clause, params: f.params }));
}
const at = (iso: string) => ({ at: iso, actor: "unit-staff" as const });

describe("stage guards", () => {
  describe("window.closed (2.1): [2022-05-18T08:00+08:00, 2022-06-11T00:00+08:00)", () => {
    it.each([
      "2022-05-18T08:00:00+08:00",
      "2022-05-18T00:00:00Z",
      "2022-06-10T23:59:59+08:00",
      "2022-06-10T15:59:59.999Z",
      "2022-06-10T11:59:59-04:00",
    ])("is open at %s", (iso) => {
      expect(transition(draft(), graduate, at(iso)).ok).toBe(true);
    });
    it.each([
      "2022-05-18T07:59:59+08:00",
      "2022-05-17T23:59:59Z",
      "2022-06-11T00:00:00+08:00",
      "2022-06-10T16:00:00Z",
      "2022-06-10T12:00:00-04:00",
      "2023-06-01T10:00:00+08:00",
    ])("is closed at %s", (iso) => {
      const r = transition(draft(), graduate, at(iso));
      expect(r.ok).toBe(false);
      expect(found(r)).toEqual([
        {
          code: "window.closed",
          path: [],
          clause: "2.1",
          params: { received: iso, opensAt: ucas2022Batch3.opensAt, closesAt: ucas2022Batch3.closesAt },
        },
      ]);
    });
    it("also closes at a Date on the boundary", () => {
      const r = transition(draft(), graduate, { at: new Date("2022-06-10T16:00:00Z"), actor: "unit-staff" });
      expect(r.findings.map((f) => f.code)).toEqual(["window.closed"]);
      expect(paramsOf(r.findings, "window.closed").received).toBe("2022-06-10T16:00:00.000Z");
    });
    it("uses the registration's own batch, so a custom batch works too", () => {
      const batch = {
        ...ucas2022Batch3,
        id: "ucas-2023-1",
        opensAt: "2023-01-01T00:00:00+08:00",
        closesAt: "2023-02-01T00:00:00+08:00",
      };
      const r = createRegistration(makeStudent({ batchId: "ucas-2023-1" }), batch);
      expect(transition(r, graduate, at("2023-01-15T10:00:00+08:00")).ok).toBe(true);
      expect(transition(r, graduate, staff).findings.map((f) => f.code)).toEqual(["window.closed"]);
    });
    it("guards unstage too: the unit acts only inside the window ([decision] 2.1)", () => {
      const s = stagedAs(makeStudent());
      expect(found(transition(s, { type: "unstage" }, at("2022-06-11T00:00:00+08:00")))[0]?.code).toBe(
        "window.closed",
      );
    });
    it("reports a batch without a readable window as schema.invalid, never throws", () => {
      const r = { ...draft(), batch: { ...ucas2022Batch3, opensAt: "soon" } };
      expect(found(transition(r, graduate, staff))[0]).toMatchObject({
        code: "schema.invalid",
        path: ["batch", "opensAt"],
      });
    });
  });

  it("refuses staging without a photo (2.1.1.1)", () => {
    const r = transition(draft(makeStudent({ photo: { uploaded: false } })), graduate, staff);
    expect(found(r)).toEqual([
      { code: "photo.missing", path: ["student", "photo", "uploaded"], clause: "2.1.1.1", params: {} },
    ]);
  });

  it("refuses staging a student due in another batch (2.1.1.2)", () => {
    const r = transition(draft(makeStudent({ batchId: "ucas-2022-2" })), graduate, staff);
    expect(found(r)).toEqual([
      {
        code: "batch.mismatch",
        path: ["student", "batchId"],
        clause: "2.1.1.2",
        params: { expected: "ucas-2022-3", received: "ucas-2022-2" },
      },
    ]);
    const { batchId: _, ...noBatch } = makeStudent();
    expect(transition(draft(noBatch as Student), graduate, staff).ok).toBe(true);
  });

  it.each(["creditsComplete", "requiredSegmentsComplete", "thesisComplete"] as const)(
    "refuses staging with %s false: study.incomplete (1.1)",
    (part) => {
      for (const ev of [graduate, complete]) {
        const s = makeStudent({
          study: { ...study, defense: ev === graduate ? "passed" : "failed", [part]: false },
          documents: { writtenExplanation: true },
        });
        expect(found(transition(draft(s), ev, staff))).toEqual([
          {
            code: "study.incomplete",
            path: ["student", "study", part],
            clause: "1.1",
            params: { expected: true, received: false },
          },
        ]);
      }
    },
  );

  it("reports each missing part of the study on its own (1.1)", () => {
    const s = makeStudent({ study: { ...study, creditsComplete: false, thesisComplete: false } });
    expect(found(transition(draft(s), graduate, staff)).map((f) => f.path)).toEqual([
      ["student", "study", "creditsComplete"],
      ["student", "study", "thesisComplete"],
    ]);
  });

  describe("conclusion.ineligible (1.1, 1.2)", () => {
    it("refuses graduation after a failed defense and suggests completion (1.1)", () => {
      const r = transition(draft(completionStudent()), graduate, staff);
      expect(found(r)).toEqual([
        {
          code: "conclusion.ineligible",
          path: ["student", "study", "defense"],
          clause: "1.2",
          params: { reason: "defense", expected: "passed", received: "failed", suggestion: "completion" },
        },
      ]);
    });
    it("refuses completion after a passed defense and suggests graduation (1.2)", () => {
      const r = transition(draft(), complete, staff);
      expect(found(r)).toEqual([
        {
          code: "conclusion.ineligible",
          path: ["student", "study", "defense"],
          clause: "1.2",
          params: { reason: "defense", expected: "failed", received: "passed", suggestion: "graduation" },
        },
      ]);
    });
    it("refuses both conclusions while the defense is pending (1.1, 1.2)", () => {
      const s = makeStudent({ study: { ...study, defense: "pending" } });
      for (const ev of [graduate, complete]) {
        const r = transition(draft(s), ev, staff);
        expect(found(r)).toEqual([
          expect.objectContaining({
            code: "conclusion.ineligible",
            params: { reason: "defense", expected: expect.any(String), received: "pending" },
          }),
        ]);
      }
    });
    it("refuses both conclusions past the maximum study period ([decision] 1)", () => {
      for (const [s, ev] of [
        [makeStudent({ study: { ...study, withinMaxStudyPeriod: false } }), graduate],
        [
          completionStudent({ study: { ...study, defense: "failed", withinMaxStudyPeriod: false } }),
          complete,
        ],
      ] as const) {
        expect(found(transition(draft(s), ev, staff))).toEqual([
          {
            code: "conclusion.ineligible",
            path: ["student", "study", "withinMaxStudyPeriod"],
            clause: "1.2",
            params: { reason: "study-period" },
          },
        ]);
      }
    });
  });

  it("refuses staging an origin that is not reviewed, since staging locks it (3.3.4)", () => {
    const s = makeStudent({ origin: { value: "北京市海淀区", reviewed: false } });
    expect(found(transition(draft(s), graduate, staff))).toEqual([
      {
        code: "origin.not-reviewed",
        path: ["student", "origin", "reviewed"],
        clause: "3.3.4",
        params: {},
      },
    ]);
  });

  it("reports every failing guard at once", () => {
    const s = makeStudent({
      photo: { uploaded: false },
      batchId: "other",
      origin: { value: "北京市海淀区", reviewed: false },
    });
    expect(
      transition(draft(s), graduate, at("2022-07-01T10:00:00+08:00")).findings.map((f) => f.code),
    ).toEqual(["window.closed", "photo.missing", "batch.mismatch", "origin.not-reviewed"]);
  });

  it("never throws on a malformed student: the guards read it defensively", () => {
    for (const student of [null, {}, { study: null, changes: 1, documents: [] }, { photo: "yes" }]) {
      const r = { ...draft(), student: student as unknown as Student };
      const res = transition(r, graduate, staff);
      expect(res.ok).toBe(false);
    }
  });
});

describe("submit guards: all of stage again, plus the evidence (2.1.2, 3.1, 3.2)", () => {
  const submit: RegistrationEvent = { type: "submit" };

  it("checks the stage guards again (2.1.2)", () => {
    const s = stagedAs(
      makeStudent({ photo: { uploaded: false }, origin: { value: "北京市海淀区", reviewed: false } }),
    );
    expect(transition(s, submit, staff).findings.map((f) => f.code)).toEqual([
      "photo.missing",
      "origin.not-reviewed",
    ]);
    expect(transition(s, submit, at("2022-06-11T00:00:00+08:00")).findings.map((f) => f.code)).toContain(
      "window.closed",
    );
  });

  it("checks the conclusion the registration was staged with (1.1)", () => {
    const s = stagedAs(makeStudent({ study: { ...study, defense: "failed" } }), "graduation");
    expect(transition(s, submit, staff).findings.map((f) => f.code)).toEqual(["conclusion.ineligible"]);
  });

  it("refuses a completion without a written explanation (2.1.2)", () => {
    const s = stagedAs(completionStudent({ documents: {} }), "completion");
    expect(found(transition(s, submit, staff))).toEqual([
      {
        code: "completion.explanation-missing",
        path: ["student", "documents", "writtenExplanation"],
        clause: "2.1.2",
        params: {},
      },
    ]);
    expect(transition(stagedAs(completionStudent(), "completion"), submit, staff).ok).toBe(true);
  });

  describe("name-change.evidence (3.1.1): the unit-endorsed application AND (police certificate OR household-card scan)", () => {
    const withName = (evidence: Evidence[]) =>
      stagedAs(makeStudent({ changes: { name: { former: "测试乙", changedOn: "2020-03-01", evidence } } }));
    it.each<[Evidence[]]>([
      [["unit-endorsed-application", "police-certificate"]],
      [["unit-endorsed-application", "household-card-scan"]],
      [["household-card-scan", "unit-endorsed-application", "police-certificate"]],
    ])("accepts %j", (evidence) => {
      expect(transition(withName(evidence), submit, staff).ok).toBe(true);
    });
    const application = ["unit-endorsed-application"];
    const certificate = ["police-certificate", "household-card-scan"];
    it.each<[Evidence[], string[][]]>([
      [[], [application, certificate]],
      [["unit-endorsed-application"], [certificate]],
      [["police-certificate", "household-card-scan"], [application]],
      [["unit-endorsed-application", "household-page-scan", "id-card-scan"], [certificate]],
    ])("refuses %j, naming what is missing", (evidence, missing) => {
      expect(found(transition(withName(evidence), submit, staff))).toEqual([
        {
          code: "name-change.evidence",
          path: ["student", "changes", "name", "evidence"],
          clause: "3.1.1",
          params: {
            expected: [["unit-endorsed-application"], ["police-certificate", "household-card-scan"]],
            received: evidence,
            missing,
          },
        },
      ]);
    });
    it("names the documents in the locale's words (3.1.1)", () => {
      const message = (locale: "zh-CN" | "en") =>
        transition(withName(["unit-endorsed-application"]), submit, staff, { locale }).findings[0]?.message;
      expect(message("zh-CN")).toBe(
        "更改姓名的证明材料不全：缺少派出所改名证明或户口卡正反面彩色扫描件（已提供：培养单位签署意见盖章的本人申请）",
      );
      expect(message("en")).toBe(
        "Evidence for the change of name is incomplete: missing the police station's certificate of the change of name or a colour scan of both sides of the household register card (provided: the student's application, endorsed and stamped by the training unit)",
      );
      expect(transition(withName([]), submit, staff).findings[0]?.message).toBe(
        "更改姓名的证明材料不全：缺少培养单位签署意见盖章的本人申请；派出所改名证明或户口卡正反面彩色扫描件（已提供：无）",
      );
    });

    it("a bare application (本人申请, kind application) does not satisfy 3.1.1: the unit's opinion and seal are missing", () => {
      expect(evidenceKinds).toContain("application");
      for (const [evidence, missing] of [
        [["application", "police-certificate"], [application]],
        [["application"], [application, certificate]],
      ] as [Evidence[], string[][]][]) {
        const r = transition(withName(evidence), submit, staff);
        expect(r.ok).toBe(false);
        expect(found(r)).toEqual([
          {
            code: "name-change.evidence",
            path: ["student", "changes", "name", "evidence"],
            clause: "3.1.1",
            params: {
              expected: [["unit-endorsed-application"], ["police-certificate", "household-card-scan"]],
              received: evidence,
              missing,
            },
          },
        ]);
      }
      const message = (evidence: Evidence[], locale: "zh-CN" | "en") =>
        transition(withName(evidence), submit, staff, { locale }).findings[0]?.message;
      expect(message(["application", "police-certificate"], "zh-CN")).toBe(
        "更改姓名的证明材料不全：提供了本人申请，但缺少培养单位签署意见盖章（已提供：本人申请（无培养单位签署意见盖章）、派出所改名证明）",
      );
      expect(message(["application"], "zh-CN")).toBe(
        "更改姓名的证明材料不全：提供了本人申请，但缺少培养单位签署意见盖章；缺少派出所改名证明或户口卡正反面彩色扫描件（已提供：本人申请（无培养单位签署意见盖章））",
      );
      expect(message(["application", "police-certificate"], "en")).toBe(
        "Evidence for the change of name is incomplete: the student's application was given, but without the training unit's opinion and seal (provided: the student's own application, without the training unit's opinion and seal; the police station's certificate of the change of name)",
      );
      // With the endorsed one as well, the bare one is simply extra.
      expect(
        transition(
          withName(["application", "unit-endorsed-application", "police-certificate"]),
          submit,
          staff,
        ).ok,
      ).toBe(true);
    });
  });

  describe("ethnicity-change (3.1.2): (police ethnicity certificate OR household-page scan) AND ID-card scan", () => {
    const withEthnicity = (evidence: Evidence[], beforeAdmission = false) =>
      stagedAs(makeStudent({ changes: { ethnicity: { former: "满族", beforeAdmission, evidence } } }));
    it.each<[Evidence[]]>([
      [["police-ethnicity-certificate", "id-card-scan"]],
      [["household-page-scan", "id-card-scan"]],
    ])("accepts %j", (evidence) => {
      expect(transition(withEthnicity(evidence), submit, staff).ok).toBe(true);
    });
    const certificate = ["police-ethnicity-certificate", "household-page-scan"];
    const idCard = ["id-card-scan"];
    it.each<[Evidence[], string[][]]>([
      [[], [certificate, idCard]],
      [["id-card-scan"], [certificate]],
      [["police-ethnicity-certificate", "household-page-scan"], [idCard]],
      [["police-certificate", "household-card-scan", "id-card-scan"], [certificate]],
    ])("refuses %j, naming what is missing", (evidence, missing) => {
      expect(found(transition(withEthnicity(evidence), submit, staff))).toEqual([
        {
          code: "ethnicity-change.evidence",
          path: ["student", "changes", "ethnicity", "evidence"],
          clause: "3.1.2",
          params: {
            expected: [["police-ethnicity-certificate", "household-page-scan"], ["id-card-scan"]],
            received: evidence,
            missing,
          },
        },
      ]);
    });
    it("names the documents in the locale's words (3.1.2)", () => {
      const message = (locale: "zh-CN" | "en") =>
        transition(withEthnicity(["id-card-scan"]), submit, staff, { locale }).findings[0]?.message;
      expect(message("zh-CN")).toBe(
        "更改民族的证明材料不全：缺少派出所民族变更证明或户口页正反面彩色扫描件（已提供：身份证正反面彩色扫描件）",
      );
      expect(message("en")).toBe(
        "Evidence for the change of ethnic group is incomplete: missing the police station's certificate of the change of ethnic group or a colour scan of both sides of the household register page (provided: a colour scan of both sides of the ID card)",
      );
    });
    it("refuses a change made before admission: admissions handle it (3.1.2)", () => {
      const r = transition(
        withEthnicity(["police-ethnicity-certificate", "id-card-scan"], true),
        submit,
        staff,
      );
      expect(found(r)).toEqual([
        {
          code: "ethnicity-change.before-admission",
          path: ["student", "changes", "ethnicity", "beforeAdmission"],
          clause: "3.1.2",
          params: {},
        },
      ]);
    });
  });

  describe("program-change.too-late (3.1.3): approved at least 6 calendar months before the defense", () => {
    const withChange = (approvedOn: string, defenseDate: string | null = "2022-05-20") => {
      const { defenseDate: _, ...rest } = study;
      const st = defenseDate === null ? rest : { ...rest, defenseDate };
      return stagedAs(
        makeStudent({ study: st as Student["study"], changes: { programOrUnit: { approvedOn } } }),
      );
    };
    it("accepts approval on 2021-11-20 for a 2022-05-20 defense (exactly 6 months)", () => {
      expect(transition(withChange("2021-11-20"), submit, staff).ok).toBe(true);
      expect(transition(withChange("2021-05-31"), submit, staff).ok).toBe(true);
    });
    it("refuses approval on 2021-11-21 and 2021-12-01 for a 2022-05-20 defense", () => {
      expect(found(transition(withChange("2021-12-01"), submit, staff))).toEqual([
        {
          code: "program-change.too-late",
          path: ["student", "changes", "programOrUnit", "approvedOn"],
          clause: "3.1.3",
          params: { approvedOn: "2021-12-01", defenseDate: "2022-05-20", earliestDefenseDate: "2022-06-01" },
        },
      ]);
      expect(found(transition(withChange("2021-11-21"), submit, staff))[0]?.params).toMatchObject({
        earliestDefenseDate: "2022-05-21",
      });
    });
    it("counts calendar months with month ends clamped (date-fns addMonths)", () => {
      // 2021-08-31 + 6 months = 2022-02-28: a defense on 2022-02-28 is in time.
      expect(transition(withChange("2021-08-31", "2022-02-28"), submit, staff).ok).toBe(true);
      expect(transition(withChange("2021-09-01", "2022-02-28"), submit, staff).ok).toBe(false);
    });
    it("refuses a change when no defense date shows it was in time ([decision] 3.1.3)", () => {
      expect(found(transition(withChange("2021-01-01", null), submit, staff))).toEqual([
        {
          code: "program-change.too-late",
          path: ["student", "study", "defenseDate"],
          clause: "3.1.3",
          params: { approvedOn: "2021-01-01", defenseDate: null, earliestDefenseDate: "2021-07-01" },
        },
      ]);
    });
    it("is the same under any host time zone (dates are Beijing calendar dates)", () => {
      // The suite runs under TZ=UTC and TZ=America/Los_Angeles as well; the answer must not move.
      expect(transition(withChange("2021-11-20"), submit, staff).ok).toBe(true);
    });
  });

  it("refuses early graduation that is not approved (3.1.5)", () => {
    const s = stagedAs(makeStudent({ changes: { earlyGraduation: { approved: false } } }));
    expect(found(transition(s, submit, staff))).toEqual([
      {
        code: "early-graduation.not-approved",
        path: ["student", "changes", "earlyGraduation", "approved"],
        clause: "3.1.5",
        params: { expected: true, received: false },
      },
    ]);
    const yes = stagedAs(makeStudent({ changes: { earlyGraduation: { approved: true } } }));
    expect(transition(yes, submit, staff).ok).toBe(true);
  });

  it("refuses graduating without the degree certificate and without the application form (3.2)", () => {
    const noDegree = { ...study, degreeCertificateExpected: false };
    const s = stagedAs(makeStudent({ study: noDegree }));
    expect(found(transition(s, submit, staff))).toEqual([
      {
        code: "application-form.missing",
        path: ["student", "documents", "registrationApplicationForm"],
        clause: "3.2",
        params: {},
      },
    ]);
    const withForm = stagedAs(
      makeStudent({ study: noDegree, documents: { registrationApplicationForm: true } }),
    );
    expect(transition(withForm, submit, staff).ok).toBe(true);
  });

  it("does not weigh the evidence at staging, only at submission (2.1.2)", () => {
    const s = makeStudent({
      changes: { earlyGraduation: { approved: false }, name: { former: "测试乙", evidence: [] } },
    });
    expect(can(draft(s), graduate, staff).ok).toBe(true);
  });
});

describe("guards one by one, through guardInput", () => {
  it("runs a single named guard on what transition would see", () => {
    const reg = draft(makeStudent({ photo: { uploaded: false } }));
    const input = guardInput(reg, graduate, staff);
    expect(input.conclusion).toBe("graduation");
    expect(input.atText).toBe(staff.at);
    expect(photoUploaded(input).map((f) => f.code)).toEqual(["photo.missing"]);
    expect(guards.windowOpen(input)).toEqual([]);
    expect(guardInput(stagedAs(makeStudent(), "completion"), { type: "submit" }, staff).conclusion).toBe(
      "completion",
    );
  });

  it("every guard of the table is a named function of `guards`", () => {
    for (const rule of Object.values(transitionTable))
      for (const name of rule.guards) expect(typeof guards[name]).toBe("function");
    expect(Object.keys(guards).sort()).toEqual(
      [...new Set(Object.values(transitionTable).flatMap((r) => [...r.guards, ...r.advisories]))].sort(),
    );
  });
});
