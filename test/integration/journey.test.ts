import { describe, expect, it } from "vitest";
import { makePhoto } from "../../scripts/photo-fixtures.mjs";
import {
  type Batch,
  can,
  checkBatch,
  checkPhoto,
  createRegistration,
  editOrigin,
  parseRegistration,
  type Registration,
  reviewOrigin,
  type StudentInput,
  summarizeBatch,
  transition,
  ucas2022Batch3,
  validateRegistrationForm,
  validateStudent,
  withdrawOriginReview,
} from "../../src/index.js";
import { makeResidentId } from "../helpers/ids.js";

// One unit's registration, end to end, through the public API only: what docs/integration.md shows.
const AT = "2022-06-01T10:00:00+08:00";
const staff = { at: AT, actor: "unit-staff" } as const;
const office = { at: "2022-06-15T09:00:00+08:00", actor: "student-office" } as const;

function student(n: number, overrides: Partial<StudentInput> = {}): StudentInput {
  return {
    studentNumber: `2019E80123450${String(n).padStart(2, "0")}`,
    name: `测试${"甲乙丙丁戊"[n % 5]}${n}`.replace(/\d/g, ""),
    sex: "female",
    ethnicity: "01",
    id: { type: "resident", number: makeResidentId({ birth: "19970304", seq: 20 + 2 * n, sex: "female" }) },
    degreeLevel: "master",
    trainingUnit: "测试研究所",
    admissionYear: 2019,
    batchId: "ucas-2022-3",
    origin: { value: "河北省石家庄市正定县", reviewed: true },
    photo: { uploaded: true },
    study: {
      creditsComplete: true,
      requiredSegmentsComplete: true,
      thesisComplete: true,
      defense: "passed",
      defenseDate: "2022-05-20",
    },
    ...overrides,
  };
}

function must<T>(r: { ok: boolean; value?: T; findings: { code: string }[] }): T {
  if (!r.ok || r.value === undefined) throw new Error(`refused: ${r.findings.map((f) => f.code).join(", ")}`);
  return r.value;
}

function register(input: StudentInput, batch: Batch, serial: number): Registration {
  const s = must(validateStudent(input, { batch }));
  let reg = createRegistration(s, batch);
  reg = must(transition(reg, { type: "stage", conclusion: "graduation" }, staff));
  reg = must(transition(reg, { type: "submit" }, staff));
  const number = `1443012022020${String(serial).padStart(5, "0")}`;
  return must(transition(reg, { type: "certify", certificateNumber: number }, office));
}

describe("a unit's batch, end to end (2, 3.3, 4.1)", () => {
  it("validates, corrects an origin, stages, submits, certifies, and files the form", () => {
    // A photo that meets 5.3.3, named by student number.
    const photo = checkPhoto(makePhoto(), { fileName: "2019E8012345001.jpg" });
    expect(photo.findings).toEqual([]);

    // The origin was written with two levels: the student record says so at its path (3.3).
    const bad = validateStudent(student(1, { origin: { value: "河北省正定县", reviewed: false } }));
    // Finding is a union on `code`: once the code is known, its params are typed.
    expect(
      bad.findings.map((f) => [f.code, f.path, f.code === "origin.levels" ? f.params.suggestion : null]),
    ).toEqual([["origin.levels", ["origin", "value"], "河北省石家庄市正定县"]]);

    // Staff correct it and review it (3.3.1, 3.3.3); staging is refused before the review (3.3.4).
    // A refused student still comes back as `value` (normalized as far as it goes), so it can be corrected.
    if (bad.value === undefined) throw new Error("validateStudent gave no value");
    let reg = createRegistration(bad.value, ucas2022Batch3);
    expect(can(reg, { type: "stage", conclusion: "graduation" }, staff).findings.map((f) => f.code)).toEqual([
      "origin.levels",
      "origin.not-reviewed",
    ]);
    reg = must(editOrigin(reg, "河北省石家庄市正定县", staff));
    reg = must(reviewOrigin(reg, staff));
    expect(reg.student.origin).toEqual({ value: "河北省石家庄市正定县", reviewed: true });

    // A reviewed origin is edited only after the review is withdrawn (3.3.2).
    expect(editOrigin(reg, "河北省石家庄市长安区", staff).findings.map((f) => f.code)).toEqual([
      "origin.review-first",
    ]);
    const withdrawn = must(withdrawOriginReview(reg, staff));
    expect(withdrawn.student.origin.reviewed).toBe(false);

    // Stage, submit, certify; the origin is locked from staging on (3.3.4).
    reg = must(transition(reg, { type: "stage", conclusion: "graduation" }, staff));
    expect(editOrigin(reg, "北京市海淀区", staff).findings.map((f) => f.code)).toEqual(["origin.locked"]);
    reg = must(transition(reg, { type: "submit" }, staff));
    expect(transition(reg, { type: "unstage" }, staff).findings.map((f) => f.code)).toEqual([
      "transition.illegal",
    ]);
    reg = must(transition(reg, { type: "certify", certificateNumber: "144301202202000001" }, office));
    expect(reg.state).toBe("certified");
    expect(reg.history.map((h) => h.event.type)).toEqual([
      "edit-origin",
      "review-origin",
      "stage",
      "submit",
      "certify",
    ]);

    // It survives storage as JSON and reads back as the same registration.
    const back = parseRegistration(JSON.parse(JSON.stringify(reg)));
    expect(back.ok).toBe(true);
    expect(back.value).toEqual(reg);

    // The batch: two more students, one of them a duplicate ID number (3.1).
    const others = [register(student(2), ucas2022Batch3, 2), register(student(3), ucas2022Batch3, 3)];
    const all = [reg, ...others];
    expect(checkBatch(all, ucas2022Batch3).findings).toEqual([]);
    const summary = summarizeBatch(all, ucas2022Batch3);
    expect(summary.headCount).toBe(3);
    expect(summary.byState.certified).toBe(3);
    expect(summary.byDegreeLevel).toEqual({ doctor: 0, master: 3 });

    const twin = register(
      student(4, { id: { type: "resident", number: reg.student.id.number } }),
      ucas2022Batch3,
      4,
    );
    const dup = checkBatch([...all, twin], ucas2022Batch3);
    expect(dup.ok).toBe(false);
    expect(dup.findings.filter((f) => f.code === "batch.duplicate-id").map((f) => f.path[0])).toEqual([0, 3]);

    // The registration form: signed, the institute's (electronic) seal, uploaded in the window (4.1).
    const form = {
      signedBy: "审核人",
      seal: { kind: "institute", electronic: true },
      uploadedAt: "2022-06-09T16:00:00+08:00",
      headCount: 3,
    } as const;
    expect(validateRegistrationForm(form, all, ucas2022Batch3).findings).toEqual([]);
    const late = validateRegistrationForm(
      { ...form, seal: { kind: "department" }, uploadedAt: "2022-06-11T00:00:00+08:00", headCount: 2 },
      all,
      ucas2022Batch3,
      { locale: "en" },
    );
    expect(late.findings.map((f) => [f.code, f.clause])).toEqual([
      ["form.seal", "4.1"],
      ["form.upload-window", "4.1"],
      ["form.head-count", "4.1"],
    ]);
  });
});
