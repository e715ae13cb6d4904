import { checkChar, passingStudy } from "../../scripts/roster-fixtures.mjs";
import type { Student } from "../../src/entities/student.js";

/** A generated resident ID number (GB 11643-1999) with a valid check character: no real person's. */
export function idNumber(region = "110108", birth = "19980512", sequence = 123): string {
  const body = `${region}${birth}${String(sequence).padStart(3, "0")}`;
  return body + checkChar(body);
}

/** A master's student ready to graduate in the 2022 third batch; every field generated. */
export function makeStudent(overrides: Partial<Student> = {}): Student {
  return {
    studentNumber: "2019E8012345001",
    name: "测试甲",
    sex: "male",
    ethnicity: "汉族",
    id: { type: "resident", number: idNumber() },
    degreeLevel: "master",
    trainingUnit: "测试研究所",
    admissionYear: 2019,
    batchId: "ucas-2022-3",
    origin: { value: "北京市海淀区", reviewed: true },
    photo: { uploaded: true, fileName: "2019E8012345001.jpg" },
    study: passingStudy(),
    ...overrides,
  };
}

/** The study block of `makeStudent`, for overriding one field. */
export const study = makeStudent().study;

/** A completion (结业) candidate: defense failed, written explanation present. */
export function completionStudent(overrides: Partial<Student> = {}): Student {
  return makeStudent({
    study: { ...study, defense: "failed" },
    documents: { writtenExplanation: true },
    ...overrides,
  });
}

/** Inside the 2022 third batch's window (2.1). */
export const IN_WINDOW = "2022-06-01T10:00:00+08:00";
export const staff = { at: IN_WINDOW, actor: "unit-staff" } as const;
export const office = { at: "2022-06-15T10:00:00+08:00", actor: "student-office" } as const;
/** A valid 2022 master's certificate number of UCAS: 14430 · 1 · 2022 · 02 · serial. */
export const MASTER_NUMBER = "144301202202000001";
export const DOCTOR_NUMBER = "144301202201000001";
