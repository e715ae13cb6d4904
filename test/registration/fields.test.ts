import { describe, expect, it } from "vitest";
import {
  createRegistration,
  type Registration,
  type RegistrationEvent,
  type Student,
  transition,
  ucas2022Batch3,
} from "../../src/index.js";
import { DOCTOR_NUMBER, idNumber, MASTER_NUMBER, makeStudent, office, staff } from "./fixtures.js";

const graduate: RegistrationEvent = { type: "stage", conclusion: "graduation" };

function draft(student: Student = makeStudent()): Registration {
  return createRegistration(student, ucas2022Batch3);
}
function submitted(student: Student = makeStudent()): Registration {
  return { ...draft(student), state: "submitted", conclusion: "graduation", history: [] };
}
function found(r: { findings: { code: string; path: unknown[]; clause?: string; params?: unknown }[] }) {
  return r.findings.map((f) => ({ code: f.code, path: f.path, clause: f.clause, params: f.params }));
}

describe("the student's own fields block staging and submitting (3.1) [decision]", () => {
  it("refuses staging a student whose ID number's check character is wrong (3.1)", () => {
    const good = idNumber();
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const r = transition(draft(makeStudent({ id: { type: "resident", number: bad } })), graduate, staff);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      ["id.checksum", ["student", "id", "number"], "3.1"],
    ]);
  });

  it("refuses a schema-invalid student with schema.invalid at its path, never throws (3.1)", () => {
    const r = transition(draft({ ...makeStudent(), sex: "x" } as unknown as Student), graduate, staff);
    expect(r.findings.map((f) => [f.code, f.path])).toContainEqual(["schema.invalid", ["student", "sex"]]);
  });

  it("passes a student's warnings on without blocking (3.1)", () => {
    const r = transition(draft(makeStudent({ name: " 测试甲" })), graduate, staff);
    expect(r.ok).toBe(true);
    expect(found(r)).toEqual([
      {
        code: "name.whitespace",
        path: ["student", "name"],
        clause: "3.1",
        params: { received: " 测试甲", suggestion: "测试甲" },
      },
    ]);
    expect(r.value?.history).toHaveLength(1);
  });

  it("checks the student again at submission (3.1, 2.1.2)", () => {
    const s = {
      ...draft(makeStudent({ name: "测试2" })),
      state: "staged" as const,
      conclusion: "graduation" as const,
    };
    expect(transition(s, { type: "submit" }, staff).findings.map((f) => f.code)).toEqual(["name.characters"]);
  });
});

describe("the origin must be valid before staging, since staging locks it (3.3, 3.3.4)", () => {
  it.each([
    ["河北省石家庄市", "origin.levels"],
    ["北京海淀", "origin.format"],
    ["", "origin.empty"],
  ])("refuses staging with the origin %j: %s (3.3), reported once", (value, code) => {
    const r = transition(draft(makeStudent({ origin: { value, reviewed: true } })), graduate, staff);
    expect(r.findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      [code, ["student", "origin", "value"], "3.3"],
    ]);
  });

  it("accepts a complete three-level origin (3.3)", () => {
    const s = makeStudent({ origin: { value: "河北省石家庄市正定县", reviewed: true } });
    expect(transition(draft(s), graduate, staff).ok).toBe(true);
  });
});

describe("certify: the certificate number valid for the batch and the level (2.2)", () => {
  const certify = (certificateNumber: string): RegistrationEvent => ({ type: "certify", certificateNumber });

  it("certifies a master's student with 14430 · 1 · 2022 · 02 · serial", () => {
    const r = transition(submitted(), certify(MASTER_NUMBER), office);
    expect(r.ok).toBe(true);
    expect(r.value?.certificateNumber).toBe(MASTER_NUMBER);
  });

  it("certifies a doctor with level 01", () => {
    const r = transition(submitted(makeStudent({ degreeLevel: "doctor" })), certify(DOCTOR_NUMBER), office);
    expect(r.ok).toBe(true);
  });

  it("stores the number normalized: full-width digits folded, spaces removed", () => {
    const wide = ` ${MASTER_NUMBER.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} `;
    const r = transition(submitted(), certify(wide), office);
    expect(r.value?.certificateNumber).toBe(MASTER_NUMBER);
    expect(r.value?.history.at(-1)?.event).toEqual({ type: "certify", certificateNumber: wide });
  });

  it.each([
    [
      "a doctor's level for a master (certificate.level)",
      DOCTOR_NUMBER,
      "certificate.level",
      { expected: "02", received: "01" },
    ],
    [
      "another year (certificate.year)",
      "144301202102000001",
      "certificate.year",
      { expected: 2022, received: 2021 },
    ],
    [
      "another school (certificate.school)",
      "100011202202000001",
      "certificate.school",
      { expected: "14430", received: "10001" },
    ],
    [
      "17 digits (certificate.format)",
      "14430120220200001",
      "certificate.format",
      expect.objectContaining({ reason: "pre-2002" }),
    ],
  ])("refuses %s", (_, number, code, params) => {
    const r = transition(submitted(), certify(number), office);
    expect(r.ok).toBe(false);
    expect(found(r)).toEqual([{ code, path: ["certificateNumber"], clause: expect.any(String), params }]);
  });

  it("takes the year from the batch's graduation date, so a custom batch works too", () => {
    const batch = { ...ucas2022Batch3, id: "x-2023-1", graduationDate: "2023-01-10" };
    const reg: Registration = {
      ...createRegistration(makeStudent({ batchId: "x-2023-1" }), batch),
      state: "submitted",
      conclusion: "graduation",
    };
    expect(transition(reg, certify(MASTER_NUMBER), office).findings[0]?.code).toBe("certificate.year");
    expect(transition(reg, certify("144301202302000001"), office).ok).toBe(true);
  });

  it("refuses a number that is not a string from JavaScript callers, never throws", () => {
    const r = transition(
      submitted(),
      { type: "certify", certificateNumber: 144301202202000 } as never,
      office,
    );
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["certificate.format", ["certificateNumber"]]]);
  });
});
