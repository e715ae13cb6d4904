import { describe, expect, it } from "vitest";
import {
  checkBatch,
  createRegistration,
  DuplicateIndex,
  normalizeStudentNumber,
  transition,
  ucas2022Batch3,
  validateStudent,
} from "../../src/index.js";
import { idNumber, makeStudent, staff } from "../registration/fixtures.js";

// 3.1: every registered field must be exact. A student number that holds control, zero-width or bidi
// characters is another string than the number typed: it gets `student-number.characters`, and the
// duplicate check compares numbers without them, so `201918000000001\u200b` no longer dodges
// `batch.duplicate-student-number`.

const N = "201918000000001";

describe("student numbers: invisible and control characters (3.1, student-number.characters)", () => {
  it("a line or paragraph separator (U+2028, U+2029) inside the number, as isControlChar escapes them: student-number.characters, removed for the duplicate check (3.1)", () => {
    const r = validateStudent(makeStudent({ studentNumber: `2019\u202818\u2029000000001` }), {
      batch: ucas2022Batch3,
    });
    expect(r.findings.map((f) => [f.code, f.clause, f.path, f.params])).toEqual([
      [
        "student-number.characters",
        "3.1",
        ["studentNumber"],
        { received: "2019<U+2028>18<U+2029>000000001", characters: ["U+2028", "U+2029"] },
      ],
    ]);
    expect(normalizeStudentNumber("2019\u202818\u2029000000001")).toBe(N);
  });

  it("a zero-width space at the end: student-number.characters at [studentNumber] (3.1)", () => {
    const r = validateStudent(makeStudent({ studentNumber: `${N}\u200b` }), { batch: ucas2022Batch3 });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "student-number.characters",
        severity: "error",
        clause: "3.1",
        path: ["studentNumber"],
        params: { received: `${N}<U+200B>`, characters: ["U+200B"] },
        message: `学号含有不可见字符或控制字符（U+200B），请删除后重新填写（收到 ${N}<U+200B>）`,
      }),
    ]);
    expect(
      validateStudent(makeStudent({ studentNumber: `${N}\u200b` }), { locale: "en" }).findings[0]?.message,
    ).toBe(
      `The student number contains invisible or control characters (U+200B): delete them and type it again (received ${N}<U+200B>)`,
    );
  });

  it("refuses every control, zero-width and bidi character of the list, each named once (3.1)", () => {
    const bad = [
      0x0000, 0x0007, 0x001f, 0x007f, 0x0085, 0x009f, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b,
      0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0x2060, 0x061c,
    ];
    for (const c of bad) {
      const ch = String.fromCharCode(c);
      const name = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
      const r = validateStudent(makeStudent({ studentNumber: `2019${ch}1800${ch}0000001` }));
      expect(
        r.findings.map((f) => [f.code, f.path, (f.params as { characters: string[] }).characters]),
        name,
      ).toEqual([["student-number.characters", ["studentNumber"], [name]]]);
    }
    // Letters, digits and the ordinary separators of some schools' numbers stay fine.
    for (const ok of ["2019E8012345001", "2019-E8-01", "ＡＢ１２３"]) {
      expect(validateStudent(makeStudent({ studentNumber: ok })).findings, ok).toEqual([]);
    }
  });

  it("a number that is empty after trimming stays schema.invalid (3.1)", () => {
    for (const blank of ["", "   ", "\u3000"]) {
      const r = validateStudent(makeStudent({ studentNumber: blank }));
      expect(
        r.findings.map((f) => [f.code, f.path, f.params]),
        JSON.stringify(blank),
      ).toEqual([
        [
          "schema.invalid",
          ["studentNumber"],
          { issue: "too_small", expected: "string", minimum: 1, received: "" },
        ],
      ]);
    }
    const zw = validateStudent(makeStudent({ studentNumber: "\u200b" }));
    expect(zw.findings.map((f) => f.code)).toEqual(["student-number.characters"]);
  });

  it("blocks staging: the student's own field error (3.1)", () => {
    const r = transition(
      createRegistration(makeStudent({ studentNumber: `${N}\u202e` }), ucas2022Batch3),
      { type: "stage", conclusion: "graduation" },
      staff,
    );
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["student-number.characters", ["student", "studentNumber"]],
    ]);
  });

  it("normalizeStudentNumber: folded, invisible characters removed, trimmed (3.1)", () => {
    expect(normalizeStudentNumber(` ${N}\u200b`)).toBe(N);
    expect(normalizeStudentNumber("\u2066２０１９\u2069")).toBe("2019");
  });
});

describe("the duplicate key of a student number (3.1, batch.duplicate-student-number)", () => {
  const a = makeStudent({ studentNumber: N });
  const b = makeStudent({
    studentNumber: `${N}\u200b`,
    name: "测试乙",
    id: { type: "resident", number: idNumber("110108", "19990101", 125) },
  });

  it("checkBatch finds 201918000000001 and 201918000000001\\u200b to be one number (3.1)", () => {
    const r = checkBatch(
      [createRegistration(a, ucas2022Batch3), createRegistration(b, ucas2022Batch3)],
      ucas2022Batch3,
    );
    const dup = r.findings.filter((f) => f.code === "batch.duplicate-student-number");
    expect(dup.map((f) => [f.path, f.params])).toEqual([
      [[0, "student", "studentNumber"], { received: N, count: 2, indices: [0, 1] }],
      [[1, "student", "studentNumber"], { received: N, count: 2, indices: [0, 1] }],
    ]);
  });

  it("DuplicateIndex (the CLI's) does the same (3.1)", () => {
    const index = new DuplicateIndex();
    const entries = [{ student: a }, { student: { ...b, studentNumber: `\u2067${N}\u2069` } }];
    for (const e of entries) index.add(e);
    expect(index.seal()).toBe(true);
    for (const [i, e] of entries.entries()) index.confirm(i, e, i + 2);
    expect(index.findingsOf(entries[1] as never).map((f) => [f.code, f.params])).toEqual([
      ["batch.duplicate-student-number", { received: N, count: 2, indices: [0, 1], rows: [2, 3] }],
    ]);
  });
});
