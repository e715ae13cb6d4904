import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  checkRegistration,
  checkStudentRegistration,
  createRegistration,
  type Finding,
  transition,
  ucas2022Batch3,
  validateStudent,
} from "../../src/index.js";
import { idNumber, makeStudent, staff } from "../registration/fixtures.js";

// 3.1 and the age rule of the ID number ([decision]: the holder is at least 14), and 3.3 [decision]
// (the divisions in force): inside validateStudent with a batch, inside the guards and in
// checkStudentRegistration (what `xueli check` runs on every row), they are evaluated on the batch's
// registration date (2022-06-10), not today: a 2022 batch checked in 2026 gives the answers of 2022.

const IN_2026 = new Date("2026-03-01T04:00:00Z");
const ON_BATCH_DAY = new Date("2022-06-10T04:00:00Z");

/** 13 on 2022-06-10 (14 on 2022-07-01), 17 in 2026. */
const tooYoungIn2022 = makeStudent({ id: { type: "resident", number: idNumber("110108", "20080701", 123) } });
/** 14 exactly on 2022-06-10. */
const fourteenOnTheDay = makeStudent({
  id: { type: "resident", number: idNumber("110108", "20080610", 123) },
});
/** Born after the batch's date: "future" in 2022, merely too young in 2026. */
const bornLater = makeStudent({ id: { type: "resident", number: idNumber("110108", "20220701", 123) } });
/** An origin of the 2022 divisions (米林县, renamed 米林市 on 2023-04-03). */
const milin = makeStudent({ origin: { value: "西藏自治区林芝市米林县", reviewed: true } });

const brief = (fs: readonly Finding[]) => fs.map((f) => [f.code, f.path, f.params]);

describe("the batch's date, not today, with the clock in 2026 (3.1, 3.3)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(IN_2026);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("validateStudent with ucas2022Batch3: the age on 2022-06-10 (3.1)", () => {
    expect(brief(validateStudent(tooYoungIn2022, { batch: ucas2022Batch3 }).findings)).toEqual([
      ["id.birth-date", ["id", "number"], { received: "2008-07-01", reason: "too-young", minAge: 14 }],
    ]);
    expect(validateStudent(fourteenOnTheDay, { batch: ucas2022Batch3 }).findings).toEqual([]);
    expect(brief(validateStudent(bornLater, { batch: ucas2022Batch3 }).findings)).toEqual([
      ["id.birth-date", ["id", "number"], { received: "2022-07-01", reason: "future" }],
    ]);
    // Without a batch: today (2026), when the first holder is 17.
    expect(validateStudent(tooYoungIn2022).findings).toEqual([]);
    expect(brief(validateStudent(bornLater).findings)[0]?.[2]).toEqual({
      received: "2022-07-01",
      reason: "too-young",
      minAge: 14,
    });
  });

  it("the guards: staging in the 2022 window is refused for a holder too young then (3.1, 2.1.1.2)", () => {
    const r = transition(
      createRegistration(tooYoungIn2022, ucas2022Batch3),
      { type: "stage", conclusion: "graduation" },
      staff,
    );
    expect(r.ok).toBe(false);
    expect(brief(r.findings)).toEqual([
      [
        "id.birth-date",
        ["student", "id", "number"],
        { received: "2008-07-01", reason: "too-young", minAge: 14 },
      ],
    ]);
    const ok = transition(
      createRegistration(milin, ucas2022Batch3),
      { type: "stage", conclusion: "graduation" },
      staff,
    );
    expect(ok.findings).toEqual([]);
    expect(brief(checkRegistration(createRegistration(tooYoungIn2022, ucas2022Batch3)).findings)).toEqual([
      [
        "id.birth-date",
        ["student", "id", "number"],
        { received: "2008-07-01", reason: "too-young", minAge: 14 },
      ],
    ]);
  });

  it("checkStudentRegistration (the CLI's per-row check): the same answers in 2026 as on 2022-06-10 (3.1, 3.3)", () => {
    const students = [tooYoungIn2022, fourteenOnTheDay, bornLater, milin];
    const in2026 = students.map((s) =>
      brief(checkStudentRegistration(s, { batch: ucas2022Batch3 }).findings),
    );
    vi.setSystemTime(ON_BATCH_DAY);
    const in2022 = students.map((s) =>
      brief(checkStudentRegistration(s, { batch: ucas2022Batch3 }).findings),
    );
    expect(in2026).toEqual(in2022);
    expect(in2022).toEqual([
      [["id.birth-date", ["id", "number"], { received: "2008-07-01", reason: "too-young", minAge: 14 }]],
      [],
      [["id.birth-date", ["id", "number"], { received: "2022-07-01", reason: "future" }]],
      [],
    ]);
  });
});
