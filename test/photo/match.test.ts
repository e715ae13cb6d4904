import { describe, expect, it } from "vitest";
import { matchPhotos, type PhotoFolderStudent, XueliError } from "../../src/index.js";
import { makeResidentId } from "../helpers/ids.js";

const students: PhotoFolderStudent[] = [
  { studentNumber: "2019E8012345601", name: "甲", id: { number: makeResidentId({ seq: 101 }) } },
  { studentNumber: "2019E8012345602", name: "乙", id: { number: makeResidentId({ seq: 102 }) } },
  { studentNumber: "2019E8012345603", name: "丙", id: { number: makeResidentId({ seq: 103 }) } },
];
const [a, b, c] = students as [PhotoFolderStudent, PhotoFolderStudent, PhotoFolderStudent];
const summary = (findings: { code: string; path: (string | number)[] }[]) =>
  findings.map((f) => [f.code, ...f.path].join(" "));

describe("matchPhotos: a folder's names against the roster, pure (5.3.3, 5.3)", () => {
  it("a complete set of names gives no findings, and each side's indices", () => {
    const names = students.map((s) => `${s.studentNumber}.jpg`).reverse();
    const r = matchPhotos(names, students, { namedBy: "student-number" });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.value?.files.map((f) => [f.fileName, f.ignored, f.student, f.studentNumber])).toEqual([
      [`${c.studentNumber}.jpg`, false, 2, c.studentNumber],
      [`${b.studentNumber}.jpg`, false, 1, b.studentNumber],
      [`${a.studentNumber}.jpg`, false, 0, a.studentNumber],
    ]);
    expect(r.value?.students.map((s) => [s.studentNumber, s.name, s.files, s.fileIndices])).toEqual([
      [a.studentNumber, "甲", [`${a.studentNumber}.jpg`], [2]],
      [b.studentNumber, "乙", [`${b.studentNumber}.jpg`], [1]],
      [c.studentNumber, "丙", [`${c.studentNumber}.jpg`], [0]],
    ]);
  });

  it("finds the orphan, the duplicate, the missing, and a name that breaks 5.3.3; skips junk", () => {
    const names = [
      `${a.studentNumber}.JPG`,
      `${a.studentNumber}.jpg`,
      "张三.jpg",
      `${b.studentNumber}.png`,
      ".DS_Store",
      "Thumbs.db",
      "desktop.ini",
    ];
    const r = matchPhotos(names, students, { namedBy: "student-number", locale: "en" });
    expect(r.ok).toBe(false);
    expect(summary(r.findings)).toEqual([
      "photo.orphan files 张三.jpg",
      "photo.file-name files 张三.jpg fileName",
      `photo.file-name files ${b.studentNumber}.png fileName`,
      `photo.duplicate students ${a.studentNumber}`,
      `photo.missing students ${c.studentNumber}`,
    ]);
    expect(r.value?.files.map((f) => f.ignored)).toEqual([false, false, false, false, true, true, true]);
    const byCode = Object.fromEntries(r.findings.map((f) => [f.code, f]));
    expect(byCode["photo.duplicate"]?.params).toEqual({
      received: [`${a.studentNumber}.JPG`, `${a.studentNumber}.jpg`],
    });
    expect(byCode["photo.missing"]?.params).toEqual({
      expected: `${c.studentNumber}.jpg`,
      namedBy: "student-number",
    });
    expect(byCode["photo.missing"]?.clause).toBe("2.1.1.1");
    for (const code of ["photo.orphan", "photo.duplicate", "photo.file-name"])
      expect(byCode[code]?.clause).toBe("5.3.3");
    // A file's own findings are relative to it; a student's gather their files' too.
    expect(r.value?.files[2]?.findings.map((f) => [f.code, f.path])).toEqual([
      ["photo.orphan", []],
      ["photo.file-name", ["fileName"]],
    ]);
    expect(summary(r.value?.students[1]?.findings ?? [])).toEqual([
      `photo.file-name files ${b.studentNumber}.png fileName`,
    ]);
    expect(r.value?.files[3]?.findings[0]?.params).toMatchObject({
      reason: "extension",
      suggestion: `${b.studentNumber}.jpg`,
    });
  });

  it("suggests the right name for a file named by the other identifier", () => {
    const r = matchPhotos([`${a.id.number}.jpg`], [a], { namedBy: "student-number" });
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      [
        "photo.orphan",
        {
          received: `${a.id.number}.jpg`,
          namedBy: "student-number",
          suggestion: `${a.studentNumber}.jpg`,
          studentNumber: a.studentNumber,
        },
      ],
      ["photo.missing", { expected: `${a.studentNumber}.jpg`, namedBy: "student-number" }],
    ]);
  });

  it("named by ID number: case-insensitive (x is X), and the admission year (5.3)", () => {
    const names = students.map((s) => `${s.id.number.toLowerCase()}.jpg`);
    const without = matchPhotos(names, students, { namedBy: "id-number" });
    expect(without.findings.map((f) => [f.code, f.path, f.clause, f.params])).toEqual([
      ["photo.admission-year", [], "5.3.3", { namedBy: "id-number" }],
    ]);
    const roster = students.map((s, i) => ({ ...s, admissionYear: i === 0 ? 2018 : 2019 }));
    const withYear = matchPhotos(names, roster, { namedBy: "id-number", admissionYear: 2019 });
    expect(withYear.value?.admissionYear).toBe(2019);
    expect(withYear.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ["photo.admission-year", ["students", a.studentNumber], { expected: 2019, received: 2018 }],
    ]);
    // Named by student number, the admission year is not asked for.
    expect(matchPhotos([], [], { namedBy: "student-number" }).findings).toEqual([]);
  });

  it("a student record that is not one, or whose getters throw, names nobody: photo.missing", () => {
    const hostile = {
      get studentNumber(): string {
        throw new Error("boom");
      },
      id: { number: "x" },
    };
    const roster = [null, 42, hostile, { studentNumber: 7, id: null }] as unknown as PhotoFolderStudent[];
    const r = matchPhotos(["a1234.jpg"], roster, { namedBy: "student-number" });
    expect(summary(r.findings)).toEqual([
      "photo.orphan files a1234.jpg",
      "photo.missing students ",
      "photo.missing students ",
      "photo.missing students ",
      "photo.missing students ",
    ]);
  });

  it("refuses bad options as programmer errors (XueliError), never a TypeError", () => {
    const bad: unknown[] = [
      undefined,
      null,
      {},
      { namedBy: "name" },
      { namedBy: "id-number", admissionYear: 2019.5 },
      { namedBy: "id-number", admissionYear: "2019" },
      { namedBy: "id-number", locale: "fr" },
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("trap");
          },
        },
      ),
    ];
    bad.forEach((options, i) => {
      expect(() => matchPhotos([], [], options as never), `options #${i}`).toThrow(XueliError);
    });
    expect(() => matchPhotos("a.jpg" as never, [], { namedBy: "id-number" })).toThrow(XueliError);
    expect(() => matchPhotos([42] as never, [], { namedBy: "id-number" })).toThrow(XueliError);
    expect(() => matchPhotos([], {} as never, { namedBy: "id-number" })).toThrow(XueliError);
    const { proxy, revoke } = Proxy.revocable([] as string[], {});
    revoke();
    expect(() => matchPhotos(proxy, [], { namedBy: "id-number" })).toThrow(XueliError);
  });
});
