import { describe, expect, it } from "vitest";
import {
  type Batch,
  checkBatch,
  createRegistration,
  DUPLICATES_NAMED,
  type DuplicateEntry,
  DuplicateIndex,
  type Registration,
  type RegistrationForm,
  type Student,
  summarizeBatch,
  transition,
  ucas2022Batch3,
  validateRegistrationForm,
} from "../../src/index.js";
import {
  DOCTOR_NUMBER,
  idNumber,
  MASTER_NUMBER,
  makeStudent,
  office,
  staff,
} from "../registration/fixtures.js";

function ok(r: { ok: boolean; value?: Registration }): Registration {
  expect(r.ok).toBe(true);
  return r.value as Registration;
}
function draft(student: Student): Registration {
  return createRegistration(student, ucas2022Batch3);
}
function staged(student: Student, conclusion: "graduation" | "completion" = "graduation"): Registration {
  return ok(transition(draft(student), { type: "stage", conclusion }, staff));
}
function submitted(student: Student, conclusion: "graduation" | "completion" = "graduation"): Registration {
  return ok(transition(staged(student, conclusion), { type: "submit" }, staff));
}
function certified(student: Student, number: string): Registration {
  return ok(transition(submitted(student), { type: "certify", certificateNumber: number }, office));
}

/** Distinct generated students: their own number, ID and name. */
function nth(i: number, overrides: Partial<Student> = {}): Student {
  return makeStudent({
    studentNumber: `2019E80123450${String(i).padStart(2, "0")}`,
    name: `测试${"甲乙丙丁戊己庚辛壬癸"[i]}`,
    id: { type: "resident", number: idNumber("110108", "19980512", 101 + 2 * i) },
    ...overrides,
  });
}
function codes(r: { findings: { code: string; path: unknown[]; clause?: string; severity?: string }[] }) {
  return r.findings.map((f) => [f.code, f.path, f.clause]);
}

describe("checkBatch (3.1, 4.2.3, 2.2)", () => {
  it("accepts a clean batch and returns its summary", () => {
    const regs = [draft(nth(0)), staged(nth(1)), submitted(nth(2)), certified(nth(3), MASTER_NUMBER)];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value).toEqual(summarizeBatch(regs, ucas2022Batch3));
  });

  it("refuses the same ID number twice, compared normalized (batch.duplicate-id, 3.1)", () => {
    const id = idNumber("110108", "19980512", 101);
    const lower = `${id.slice(0, 4)} ${id.slice(4)}`; // a space typed in the middle
    const regs = [
      draft(nth(0, { id: { type: "resident", number: id } })),
      draft(nth(1)),
      draft(nth(2, { id: { type: "resident", number: lower } })),
    ];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(r.ok).toBe(false);
    const dup = r.findings.filter((f) => f.code === "batch.duplicate-id");
    expect(dup.map((f) => [f.path, f.clause, f.params])).toEqual([
      [[0, "student", "id", "number"], "3.1", { received: id, count: 2, indices: [0, 2] }],
      [[2, "student", "id", "number"], "3.1", { received: id, count: 2, indices: [0, 2] }],
    ]);
  });

  it("finds a legacy 15-digit ID number and its 18-digit form to be the same person (3.1)", () => {
    // 110108 98 05 12 101 → 18 digits: 110108 1998 05 12 101 + check.
    const legacy = "110108980512101";
    const regs = [draft(nth(0)), draft(nth(1, { id: { type: "resident-15", number: legacy } }))];
    const dup = checkBatch(regs, ucas2022Batch3).findings.filter((f) => f.code === "batch.duplicate-id");
    expect(dup.map((f) => f.path[0])).toEqual([0, 1]);
  });

  it("refuses the same student number twice (batch.duplicate-student-number, 3.1)", () => {
    const regs = [draft(nth(0)), draft(nth(1, { studentNumber: nth(0).studentNumber }))];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(codes(r)).toEqual([
      ["batch.duplicate-student-number", [0, "student", "studentNumber"], "3.1"],
      ["batch.duplicate-student-number", [1, "student", "studentNumber"], "3.1"],
    ]);
  });

  it("refuses the same certificate number twice (certificate.duplicate, 2.2)", () => {
    const regs = [
      certified(nth(0), MASTER_NUMBER),
      certified(nth(1), MASTER_NUMBER),
      certified(nth(2, { degreeLevel: "doctor" }), DOCTOR_NUMBER),
    ];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(codes(r)).toEqual([
      ["certificate.duplicate", [0, "certificateNumber"], "2.2"],
      ["certificate.duplicate", [1, "certificateNumber"], "2.2"],
    ]);
    expect(r.ok).toBe(false);
  });

  it("warns of the same name twice: the student number goes on the photo's back (batch.duplicate-name, 4.2.3)", () => {
    const regs = [draft(nth(0)), draft(nth(1, { name: nth(0).name }))];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => [f.code, f.severity, f.path, f.clause, f.params])).toEqual([
      [
        "batch.duplicate-name",
        "warning",
        [0, "student", "name"],
        "4.2.3",
        { received: "测试甲", count: 2, indices: [0, 1] },
      ],
      [
        "batch.duplicate-name",
        "warning",
        [1, "student", "name"],
        "4.2.3",
        { received: "测试甲", count: 2, indices: [0, 1] },
      ],
    ]);
  });

  it("reports each registration's own findings under its index", () => {
    const regs = [
      draft(nth(0)),
      draft(nth(1, { photo: { uploaded: false } })),
      draft(nth(2, { study: { ...nth(2).study, defense: "failed" }, documents: {} })),
    ];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(codes(r)).toEqual([
      ["photo.missing", [1, "student", "photo", "uploaded"], "2.1.1.1"],
      ["completion.explanation-missing", [2, "student", "documents", "writtenExplanation"], "2.1.2"],
    ]);
  });

  it("reports a tampered registration and one registered in another batch under its index", () => {
    const other: Batch = { ...ucas2022Batch3, id: "ucas-2022-2" };
    const regs = [
      { ...draft(nth(0)), state: "submitted" },
      createRegistration(nth(1, { batchId: "ucas-2022-2" }), other),
    ];
    const r = checkBatch(regs, ucas2022Batch3);
    expect(codes(r)).toEqual([
      ["registration.tampered", [0, "state"], "2"],
      ["batch.mismatch", [1, "batch", "id"], "2.1.1.2"],
    ]);
  });

  it("never throws on bad data", () => {
    expect(checkBatch(null as never, ucas2022Batch3).findings[0]?.code).toBe("schema.invalid");
    const r = checkBatch([null, 1, "x", {}, JSON.parse('{"__proto__": {}}')], ucas2022Batch3);
    expect(r.ok).toBe(false);
    expect(r.findings.every((f) => f.code === "schema.invalid" && typeof f.path[0] === "number")).toBe(true);
    expect(checkBatch([], { nope: 1 } as never).findings[0]?.path[0]).toBe("batch");
  });
});

describe("summarizeBatch: the head counts of the registration form (4.1)", () => {
  it("counts by state, conclusion, degree level and training unit", () => {
    const regs = [
      draft(nth(0)),
      staged(nth(1, { trainingUnit: "另一研究所" })),
      submitted(
        nth(2, { study: { ...nth(2).study, defense: "failed" }, documents: { writtenExplanation: true } }),
        "completion",
      ),
      certified(nth(3, { degreeLevel: "doctor" }), DOCTOR_NUMBER),
      createRegistration(nth(4), { ...ucas2022Batch3, id: "other" }),
      null,
    ];
    expect(summarizeBatch(regs, ucas2022Batch3)).toEqual({
      batchId: "ucas-2022-3",
      total: 4,
      byState: { draft: 1, staged: 1, submitted: 1, certified: 1 },
      byConclusion: { graduation: 2, completion: 1, none: 1 },
      byDegreeLevel: { doctor: 1, master: 3 },
      byTrainingUnit: { 测试研究所: 3, 另一研究所: 1 },
      headCount: 2,
      otherBatch: 1,
      unreadable: 1,
    });
  });

  it("takes any unit name as a key, __proto__ included", () => {
    const s = summarizeBatch([draft(nth(0, { trainingUnit: "__proto__" }))], ucas2022Batch3);
    expect(Object.keys(s.byTrainingUnit)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(s.byTrainingUnit, "__proto__")?.value).toBe(1);
  });
});

describe("validateRegistrationForm (4.1)", () => {
  const regs = [submitted(nth(0)), certified(nth(1), MASTER_NUMBER), staged(nth(2)), draft(nth(3))];
  const form: RegistrationForm = {
    signedBy: "审核人甲",
    seal: { kind: "institute" },
    uploadedAt: "2022-06-09T16:00:00+08:00",
    headCount: 2,
  };

  it("accepts a signed form with the institute's seal, uploaded in the window, with the submitted head count", () => {
    expect(validateRegistrationForm(form, regs, ucas2022Batch3)).toEqual({
      ok: true,
      value: form,
      findings: [],
    });
  });

  it("accepts an electronic seal and signature (4.1)", () => {
    const e = {
      ...form,
      seal: { kind: "institute" as const, electronic: true },
      uploadedAt: new Date("2022-06-10T15:59:59Z"),
    };
    expect(validateRegistrationForm(e, regs, ucas2022Batch3).ok).toBe(true);
  });

  it("refuses a department's seal or none (form.seal, 4.1)", () => {
    const dept = validateRegistrationForm(
      { ...form, seal: { kind: "department", electronic: true } },
      regs,
      ucas2022Batch3,
    );
    expect(dept.findings.map((f) => [f.code, f.path, f.clause, f.params])).toEqual([
      ["form.seal", ["seal", "kind"], "4.1", { expected: "institute", received: "department" }],
    ]);
    const { seal: _, ...noSeal } = form;
    expect(codes(validateRegistrationForm(noSeal, regs, ucas2022Batch3))).toEqual([
      ["form.seal", ["seal"], "4.1"],
    ]);
  });

  it("refuses a form nobody signed (form.signature, 4.1)", () => {
    const { signedBy: _, ...unsigned } = form;
    expect(codes(validateRegistrationForm(unsigned, regs, ucas2022Batch3))).toEqual([
      ["form.signature", ["signedBy"], "4.1"],
    ]);
    expect(codes(validateRegistrationForm({ ...form, signedBy: "  " }, regs, ucas2022Batch3))).toEqual([
      ["form.signature", ["signedBy"], "4.1"],
    ]);
  });

  it.each([
    "2022-06-11T00:00:00+08:00",
    "2022-06-10T16:00:00Z",
    "2022-05-18T07:59:59+08:00",
    "2022-06-09",
    "tomorrow",
  ])("refuses an upload at %s (form.upload-window, 4.1)", (uploadedAt) => {
    const r = validateRegistrationForm({ ...form, uploadedAt }, regs, ucas2022Batch3);
    expect(r.findings.map((f) => [f.code, f.path, f.clause, f.params])).toEqual([
      [
        "form.upload-window",
        ["uploadedAt"],
        "4.1",
        { received: uploadedAt, opensAt: ucas2022Batch3.opensAt, closesAt: ucas2022Batch3.closesAt },
      ],
    ]);
  });

  it("refuses a head count other than the submitted and certified registrations (form.head-count, 4.1)", () => {
    for (const headCount of [0, 1, 3, 4]) {
      const r = validateRegistrationForm({ ...form, headCount }, regs, ucas2022Batch3);
      expect(r.findings.map((f) => [f.code, f.path, f.clause, f.params])).toEqual([
        ["form.head-count", ["headCount"], "4.1", { expected: 2, received: headCount }],
      ]);
    }
  });

  it("counts only the form's training unit when it names one", () => {
    const mixed = [...regs, submitted(nth(4, { trainingUnit: "另一研究所" }))];
    expect(validateRegistrationForm({ ...form, headCount: 3 }, mixed, ucas2022Batch3).ok).toBe(true);
    expect(
      validateRegistrationForm({ ...form, trainingUnit: "另一研究所", headCount: 1 }, mixed, ucas2022Batch3)
        .ok,
    ).toBe(true);
    expect(
      validateRegistrationForm({ ...form, trainingUnit: "测试研究所", headCount: 2 }, mixed, ucas2022Batch3)
        .ok,
    ).toBe(true);
  });

  it("never throws on bad data", () => {
    for (const bad of [null, 1, [], "form"]) {
      expect(codes(validateRegistrationForm(bad as never, regs, ucas2022Batch3))).toEqual([
        ["schema.invalid", [], "3.1"],
      ]);
    }
    const r = validateRegistrationForm({ headCount: "2" } as never, null as never, {} as never);
    expect(r.findings.map((f) => f.code)).toEqual([
      "form.signature",
      "form.seal",
      "form.upload-window",
      "form.head-count",
    ]);
  });

  it("builds its messages in the requested locale", () => {
    const r = validateRegistrationForm({ ...form, headCount: 5 }, regs, ucas2022Batch3, { locale: "en" });
    expect(r.findings[0]?.message).toBe(
      "The form's head count differs from the submitted registrations (expected 2; received 5)",
    );
  });
});

describe("DuplicateIndex: one incremental structure, linear and bounded (3.1, 4.2.3)", () => {
  it("names at most DUPLICATES_NAMED occurrences and counts them all", () => {
    const regs = Array.from({ length: 12 }, () => draft(nth(0)));
    const dup = checkBatch(regs, ucas2022Batch3).findings.filter(
      (f) => f.code === "batch.duplicate-student-number",
    );
    expect(dup).toHaveLength(12);
    expect(DUPLICATES_NAMED).toBe(5);
    expect(dup[11]?.params).toEqual({ received: nth(0).studentNumber, count: 12, indices: [0, 1, 2, 3, 4] });
    expect(dup[11]?.message).toBe(
      `学号 ${nth(0).studentNumber} 在本批次中重复（共 12 处，第 1、2、3、4、5 条等）`,
    );
  });

  it("gives the same findings fed one entry at a time, with spreadsheet rows when given", () => {
    const index = new DuplicateIndex({ locale: "en" });
    const entries = [nth(0), nth(1), nth(0)].map((student) => ({ student }));
    for (const e of entries) index.add(e);
    expect(index.seal()).toBe(true);
    for (const [i, e] of entries.entries()) index.confirm(i, e, i * 2 + 2);
    expect(index.findingsOf(entries[1] as DuplicateEntry)).toEqual([]);
    const [f] = index.findingsOf(entries[2] as DuplicateEntry);
    expect(f).toMatchObject({
      code: "batch.duplicate-id",
      path: ["student", "id", "number"],
      params: { count: 2, indices: [0, 2], rows: [2, 6] },
      message: `The ID number ${nth(0).id.number} appears more than once in this batch (rows 2, 6)`,
    });
  });

  it("keeps no key when nothing repeats: seal() says no second pass is needed", () => {
    const index = new DuplicateIndex();
    for (let i = 0; i < 10; i++) index.add({ student: nth(i) });
    expect(index.seal()).toBe(false);
  });
});

describe("validateRegistrationForm: the head count is of distinct readable registrations (4.1, issue 12.10)", () => {
  const form: RegistrationForm = {
    signedBy: "审核人甲",
    seal: { kind: "institute" },
    uploadedAt: "2022-06-09T16:00:00+08:00",
    headCount: 2,
  };
  const a = submitted(nth(0));
  const b = certified(nth(1), MASTER_NUMBER);
  const expected = (regs: unknown[]) =>
    validateRegistrationForm({ ...form, headCount: -1 }, regs, ucas2022Batch3).findings.find(
      (f) => f.code === "form.head-count",
    )?.params;

  it("counts a repeated registration once, and the same student registered twice once [decision] (4.1)", () => {
    expect(expected([a, b])).toEqual({ expected: 2, received: -1 });
    expect(expected([a, a, b, b, a])).toEqual({ expected: 2, received: -1 });
    expect(expected([a, JSON.parse(JSON.stringify(a)), b])).toEqual({ expected: 2, received: -1 });
  });

  it("does not count what is not a registration: partial objects, a doctored batch, other values (4.1)", () => {
    const lookalike = {
      state: "submitted",
      batch: { id: "ucas-2022-3" },
      student: { trainingUnit: "测试研究所" },
    };
    const widened = { ...a, batch: { ...ucas2022Batch3, closesAt: "2099-01-01T00:00:00+08:00" } };
    expect(expected([lookalike, widened, 42, null, "submitted", [], a])).toEqual({
      expected: 1,
      received: -1,
    });
  });
});

describe("validateRegistrationForm: throwing getters and Proxies give findings, never a TypeError (issue 12.8, 4.1)", () => {
  const form: RegistrationForm = {
    signedBy: "审核人甲",
    seal: { kind: "institute" },
    uploadedAt: "2022-06-09T16:00:00+08:00",
    headCount: 1,
  };
  const a = submitted(nth(0));
  const throwing = (key: string) =>
    Object.defineProperty({ ...form }, key, {
      enumerable: true,
      get() {
        throw new TypeError(`getter ${key}`);
      },
    }) as RegistrationForm;
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it("a form whose getter throws, or a revoked Proxy, is schema.invalid (unreadable) at [] (4.1)", () => {
    for (const bad of [throwing("signedBy"), throwing("headCount"), revoked()]) {
      expect(
        validateRegistrationForm(bad as never, [a], ucas2022Batch3).findings.map((f) => [
          f.code,
          f.path,
          f.params,
        ]),
      ).toEqual([["schema.invalid", [], { expected: "RegistrationForm", reason: "unreadable" }]]);
    }
    const seal = { ...form, seal: revoked() };
    expect(validateRegistrationForm(seal as never, [a], ucas2022Batch3).findings[0]?.params).toEqual({
      expected: "RegistrationForm",
      reason: "unreadable",
    });
  });

  it("each property is read once: a getter that answers differently each time cannot pass and fail at once", () => {
    let reads = 0;
    const flaky = Object.defineProperty({ ...form }, "headCount", {
      enumerable: true,
      get() {
        reads++;
        return reads === 1 ? 1 : 99;
      },
    });
    const r = validateRegistrationForm(flaky, [a], ucas2022Batch3);
    expect(reads).toBe(1);
    expect(r.ok).toBe(true);
    expect(r.value).toEqual(form);
  });

  it("registrations or a batch that cannot be read count nothing and throw nothing (4.1)", () => {
    const element = Object.defineProperty([a], 0, {
      get() {
        throw new TypeError("element");
      },
    });
    for (const [regs, codes] of [
      [revoked(), ["form.head-count"]],
      [element, ["form.head-count"]],
      [[revoked(), a], []],
    ] as [unknown, string[]][]) {
      const r = validateRegistrationForm(form, regs as never, ucas2022Batch3);
      expect(r.findings.map((f) => f.code)).toEqual(codes);
    }
    const r = validateRegistrationForm(form, [a], revoked() as never);
    expect(r.findings.map((f) => f.code)).toEqual(["form.upload-window", "form.head-count"]);
  });
});

describe("duplicate names keep a minority name's separator (4.2.3, 3.1)", () => {
  it("阿依古丽 买买提 and 阿依古丽·买买提 are one name, reported as 阿依古丽·买买提 (batch.duplicate-name)", () => {
    const r = checkBatch(
      [draft(nth(0, { name: "阿依古丽 买买提" })), draft(nth(1, { name: "阿依古丽·买买提" }))],
      ucas2022Batch3,
    );
    const dup = r.findings.filter((f) => f.code === "batch.duplicate-name");
    expect(dup.map((f) => [f.path, f.params])).toEqual([
      [[0, "student", "name"], { received: "阿依古丽·买买提", count: 2, indices: [0, 1] }],
      [[1, "student", "name"], { received: "阿依古丽·买买提", count: 2, indices: [0, 1] }],
    ]);
    expect(r.findings.map((f) => [f.code, f.path])).toContainEqual([
      "name.missing-dot",
      [0, "student", "name"],
    ]);
  });
});
