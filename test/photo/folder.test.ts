import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePhoto } from "../../scripts/photo-fixtures.mjs";
import { XueliError } from "../../src/index.js";
import { checkPhotoFile, checkPhotoFolder, type PhotoFolderStudent } from "../../src/node/index.js";
import { param } from "../helpers/findings.js";
import { makeResidentId } from "../helpers/ids.js";

const valid = makePhoto();
const students: PhotoFolderStudent[] = [
  { studentNumber: "2019E8012345601", name: "甲", id: { number: makeResidentId({ seq: 101 }) } },
  { studentNumber: "2019E8012345602", name: "乙", id: { number: makeResidentId({ seq: 102 }) } },
  { studentNumber: "2019E8012345603", name: "丙", id: { number: makeResidentId({ seq: 103 }) } },
  { studentNumber: "2019E8012345604", name: "丁", id: { number: makeResidentId({ seq: 104 }) } },
];
const [a, b, c, d] = students as [
  PhotoFolderStudent,
  PhotoFolderStudent,
  PhotoFolderStudent,
  PhotoFolderStudent,
];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "xueli-photos-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  for (const [file, bytes] of Object.entries(files)) await writeFile(join(dir, file), bytes);
  return dir;
}

const summary = (findings: { code: string; path: (string | number)[] }[]) =>
  findings.map((f) => [f.code, ...f.path].join(" "));

describe("checkPhotoFolder: a photo folder against the roster (5.3.3, 5.3)", () => {
  it("a complete folder named by student number gives no findings", async () => {
    const dir = await folder(
      "complete",
      Object.fromEntries(students.map((s) => [`${s.studentNumber}.jpg`, valid])),
    );
    const r = await checkPhotoFolder(dir, students, { namedBy: "student-number" });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value?.students.map((s) => [s.studentNumber, s.files])).toEqual(
      students.map((s) => [s.studentNumber, [`${s.studentNumber}.jpg`]]),
    );
    expect(r.value?.files[0]?.facts).toMatchObject({ width: 480, height: 640, dpi: 300 });
  });

  it("finds the missing, the orphan, the duplicate (.jpg and .JPG) and a file's own defects", async () => {
    const dir = await folder("mixed", {
      [`${a.studentNumber}.jpg`]: valid,
      [`${b.studentNumber}.jpg`]: valid,
      [`${b.studentNumber}.JPG`]: valid,
      "张三.jpg": valid,
      [`${d.studentNumber}.jpg`]: makePhoto({ dpi: 72 }),
      ".DS_Store": "junk",
      "Thumbs.db": "junk",
    });
    const r = await checkPhotoFolder(dir, students, { namedBy: "student-number", locale: "en" });
    expect(r.ok).toBe(false);
    expect(summary(r.findings)).toEqual([
      `photo.dpi files ${d.studentNumber}.jpg`,
      "photo.orphan files 张三.jpg",
      "photo.file-name files 张三.jpg fileName",
      `photo.duplicate students ${b.studentNumber}`,
      `photo.missing students ${c.studentNumber}`,
    ]);
    const dup = r.findings.find((f) => f.code === "photo.duplicate");
    expect(param(dup, "received")).toEqual([`${b.studentNumber}.JPG`, `${b.studentNumber}.jpg`]);
    expect(dup?.clause).toBe("5.3.3");
    expect(r.findings.find((f) => f.code === "photo.missing")?.clause).toBe("2.1.1.1");
    // Per student: everything about one student in one place.
    const byStudent = Object.fromEntries(
      (r.value?.students ?? []).map((s) => [s.studentNumber, summary(s.findings)]),
    );
    expect(byStudent).toEqual({
      [a.studentNumber]: [],
      [b.studentNumber]: [`photo.duplicate students ${b.studentNumber}`],
      [c.studentNumber]: [`photo.missing students ${c.studentNumber}`],
      [d.studentNumber]: [`photo.dpi files ${d.studentNumber}.jpg`],
    });
    expect(r.value?.files.map((f) => f.fileName)).toEqual([
      `${a.studentNumber}.jpg`,
      `${b.studentNumber}.JPG`,
      `${b.studentNumber}.jpg`,
      `${d.studentNumber}.jpg`,
      "张三.jpg",
    ]);
  });

  it("named by ID number: needs the admission year (5.3), and matches an x check character", async () => {
    const dir = await folder(
      "by-id",
      Object.fromEntries(students.map((s) => [`${s.id.number.toLowerCase()}.jpg`, valid])),
    );
    const without = await checkPhotoFolder(dir, students, { namedBy: "id-number" });
    expect(without.findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      ["photo.admission-year", [], "5.3.3"],
    ]);
    const withYear = await checkPhotoFolder(dir, students, { namedBy: "id-number", admissionYear: 2019 });
    expect(withYear.findings).toEqual([]);
  });

  it("refuses students of another admission year in one ID-number upload", async () => {
    const dir = await folder("years", Object.fromEntries(students.map((s) => [`${s.id.number}.jpg`, valid])));
    const roster = students.map((s, i) => ({ ...s, admissionYear: i === 0 ? 2018 : 2019 }));
    const r = await checkPhotoFolder(dir, roster, { namedBy: "id-number", admissionYear: 2019 });
    expect(r.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ["photo.admission-year", ["students", a.studentNumber], { expected: 2019, received: 2018 }],
    ]);
  });

  it("suggests the right name for a file named by the other identifier", async () => {
    const dir = await folder("other-id", { [`${a.id.number}.jpg`]: valid });
    const r = await checkPhotoFolder(dir, [a], { namedBy: "student-number" });
    expect(r.findings.map((f) => [f.code, param(f, "suggestion")])).toEqual([
      ["photo.orphan", `${a.studentNumber}.jpg`],
      ["photo.missing", undefined],
    ]);
  });

  it("never follows a link out of the folder, follows one inside it", async () => {
    const outside = join(root, "outside.jpg");
    await writeFile(outside, valid);
    const dir = await folder("links", { "inside-target.bin": valid });
    await symlink(outside, join(dir, `${a.studentNumber}.jpg`));
    await symlink(join(dir, "inside-target.bin"), join(dir, `${b.studentNumber}.jpg`));
    await symlink(join(root, "nowhere"), join(dir, `${c.studentNumber}.jpg`));
    const r = await checkPhotoFolder(dir, [a, b, c], { namedBy: "student-number" });
    const files = Object.fromEntries(
      (r.value?.files ?? []).map((f) => [
        f.fileName,
        f.findings.map((x) => `${x.code}:${String(param(x, "reason") ?? "")}`),
      ]),
    );
    expect(files[`${a.studentNumber}.jpg`]).toEqual(["photo.unreadable:link-outside-folder"]);
    expect(files[`${b.studentNumber}.jpg`]).toEqual([]);
    expect(files[`${c.studentNumber}.jpg`]).toEqual(["photo.unreadable:broken-link"]);
  });

  it("checks many files with bounded parallelism", async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      studentNumber: `2020E80${String(i).padStart(8, "0")}`,
      id: { number: makeResidentId({ seq: i }) },
    }));
    const dir = await folder("many", Object.fromEntries(many.map((s) => [`${s.studentNumber}.jpg`, valid])));
    const r = await checkPhotoFolder(dir, many, { namedBy: "student-number", concurrency: 3 });
    expect([r.ok, r.value?.files.length]).toEqual([true, 60]);
  });

  it("reports an unreadable folder as a finding, and bad options as programmer errors", async () => {
    const r = await checkPhotoFolder(join(root, "does-not-exist"), students, { namedBy: "student-number" });
    expect(r.findings.map((f) => [f.code, param(f, "reason")])).toEqual([["photo.unreadable", "ENOENT"]]);
    await expect(checkPhotoFolder(root, students, { namedBy: "name" as "id-number" })).rejects.toThrow(
      XueliError,
    );
  });
});

describe("checkPhotoFile: one file, reading at most maxBytes + 1 (5.3.3)", () => {
  it("checks the file with its base name", async () => {
    const dir = await folder("single", { "张三.jpg": valid, [`${a.studentNumber}.jpg`]: valid });
    expect((await checkPhotoFile(join(dir, `${a.studentNumber}.jpg`))).findings).toEqual([]);
    const named = await checkPhotoFile(join(dir, "张三.jpg"));
    expect(named.findings.map((f) => [f.code, f.path])).toEqual([["photo.file-name", ["fileName"]]]);
    expect((await checkPhotoFile(join(dir, "张三.jpg"), { fileName: false })).findings).toEqual([]);
  });

  it("a 2 GB file costs one capped read and gives photo.file-size with its real size", async () => {
    const dir = await folder("huge", {});
    const path = join(dir, `${a.studentNumber}.jpg`);
    await writeFile(path, valid);
    await truncate(path, 2 * 1024 ** 3); // sparse: no disk used
    // Memory, not time, shows the capped read: reading the whole file would add 2 GB.
    const before = process.memoryUsage();
    const r = await checkPhotoFile(path);
    const after = process.memoryUsage();
    expect(after.rss + after.arrayBuffers - (before.rss + before.arrayBuffers)).toBeLessThan(256 * 1024 ** 2);
    expect(r.findings.map((f) => [f.code, param(f, "received")])).toEqual([
      ["photo.file-size", 2 * 1024 ** 3],
    ]);
  });

  it("a missing path or a directory gives photo.unreadable, never a throw", async () => {
    expect((await checkPhotoFile(join(root, "nope.jpg"))).findings.map((f) => param(f, "reason"))).toEqual([
      "ENOENT",
    ]);
    expect((await checkPhotoFile(root)).findings.map((f) => param(f, "reason"))).toEqual(["not-a-file"]);
  });
});

// ---- Hardening (issue 12) -----------------------------------------------------------------------

/**
 * Runs a check that could block on a FIFO. The assertions are on its findings; this only keeps a
 * regression from hanging the suite: if the check has not answered after 20 s, a writer opens the
 * FIFO (which releases a reader blocked in open()) and the test fails with "hung".
 */
async function unlessHung<T>(fifo: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // no reader was waiting
      }
      reject(new Error("the check hung on a FIFO"));
    }, 20_000);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(process.platform === "win32")("a FIFO is never opened (12.3)", () => {
  it("checkPhotoFolder: a link to a FIFO, and a FIFO itself, are photo.unreadable not-a-file", async () => {
    const dir = await folder("fifo", { [`${a.studentNumber}.jpg`]: valid });
    execFileSync("mkfifo", [join(dir, "pipe.fifo")]);
    await symlink("pipe.fifo", join(dir, "201818000000098.jpg"));
    execFileSync("mkfifo", [join(dir, `${b.studentNumber}.jpg`)]);
    const r = await unlessHung(
      join(dir, "pipe.fifo"),
      checkPhotoFolder(dir, [a, b], { namedBy: "student-number", locale: "en" }),
    );
    const files = Object.fromEntries(
      (r.value?.files ?? []).map((f) => [
        f.fileName,
        f.findings.map((x) => [x.code, param(x, "reason") ?? null]),
      ]),
    );
    expect(files).toEqual({
      [`${a.studentNumber}.jpg`]: [],
      [`${b.studentNumber}.jpg`]: [["photo.unreadable", "not-a-file"]],
      "201818000000098.jpg": [
        ["photo.orphan", null],
        ["photo.unreadable", "not-a-file"],
      ],
      "pipe.fifo": [
        ["photo.orphan", null],
        ["photo.unreadable", "not-a-file"],
        ["photo.file-name", "stem"],
      ],
    });
    expect(
      r.findings.find((f) => f.path[1] === "201818000000098.jpg" && f.code === "photo.unreadable")?.message,
    ).toBe("The photo cannot be read: it is not a regular file");
  });

  it("checkPhotoFile: a FIFO, or a link to one, is photo.unreadable not-a-file", async () => {
    const dir = await folder("fifo-file", {});
    const fifo = join(dir, `${a.studentNumber}.jpg`);
    execFileSync("mkfifo", [fifo]);
    await symlink(fifo, join(dir, "link.jpg"));
    for (const path of [fifo, join(dir, "link.jpg")]) {
      const r = await unlessHung(fifo, checkPhotoFile(path));
      expect(r.findings.map((f) => [f.code, f.clause, f.params])).toEqual([
        ["photo.unreadable", "5.3.3", { reason: "not-a-file", received: path }],
      ]);
    }
  });
});

describe("size first: a file over the limit is reported by its size, not as cut off (12.9)", () => {
  // A 42,000-byte COM block pushes the frame header (SOF) past 41 K: beyond the old read cap
  // (maxBytes + 1 = 40,961), within the new one (64 KiB).
  const comment = makePhoto({ comment: "x".repeat(42_000) });
  // 100,000 bytes of COM blocks before the SOF: past any read of 64 KiB.
  const padded = makePhoto({ padTo: 100_000 });

  it("checkPhotoFile: the header still reads, and the real size is the one finding", async () => {
    const dir = await folder("size-first-file", { [`${a.studentNumber}.jpg`]: comment });
    const r = await checkPhotoFile(join(dir, `${a.studentNumber}.jpg`));
    expect(r.value).toMatchObject({ width: 480, height: 640, bytes: comment.length });
    expect(r.findings.map((f) => [f.code, f.clause, f.params])).toEqual([
      ["photo.file-size", "5.3.3", { received: comment.length, min: 18_432, max: 40_960 }],
    ]);
  });

  it("checkPhotoFile: a header past the cap is not judged: photo.file-size, no 'truncated'", async () => {
    const dir = await folder("size-first-past", { [`${a.studentNumber}.jpg`]: padded });
    const r = await checkPhotoFile(join(dir, `${a.studentNumber}.jpg`));
    expect(r.value).toBeUndefined();
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ["photo.file-size", { received: 100_000, min: 18_432, max: 40_960 }],
    ]);
  });

  it("checkPhotoFolder: the same for both files", async () => {
    const dir = await folder("size-first-folder", {
      [`${a.studentNumber}.jpg`]: comment,
      [`${b.studentNumber}.jpg`]: padded,
    });
    const r = await checkPhotoFolder(dir, [a, b], { namedBy: "student-number" });
    expect(r.findings.map((f) => [f.code, f.path[1], param(f, "received")])).toEqual([
      ["photo.file-size", `${a.studentNumber}.jpg`, comment.length],
      ["photo.file-size", `${b.studentNumber}.jpg`, 100_000],
    ]);
    expect(r.value?.files.map((f) => f.bytes)).toEqual([comment.length, 100_000]);
  });

  it("a phone trailer through the folder: a warning, the photo checked normally", async () => {
    const dir = await folder("trailer", { [`${a.studentNumber}.jpg`]: makePhoto({ trailer: 1500 }) });
    const r = await checkPhotoFolder(dir, [a], { namedBy: "student-number" });
    expect([r.ok, r.findings.map((f) => [f.code, f.params])]).toEqual([
      true,
      [["photo.trailer", { bytes: 1500 }]],
    ]);
    expect(r.value?.files[0]?.facts).toMatchObject({ width: 480, dpi: 300, trailer: 1500 });
  });
});

describe("the background through the file helpers (4.2.2)", () => {
  it("checkPhotoFile and checkPhotoFolder decode after the header check, when it reads", async () => {
    const white = makePhoto({ background: [250, 250, 250] });
    const dir = await folder("background", {
      [`${a.studentNumber}.jpg`]: valid,
      [`${b.studentNumber}.jpg`]: white,
      [`${c.studentNumber}.jpg`]: "not a photo at all",
    });
    const one = await checkPhotoFile(join(dir, `${b.studentNumber}.jpg`), { background: true });
    expect(one.findings.map((f) => [f.code, f.clause, param(f, "reason")])).toEqual([
      ["photo.background", "4.2.2", "colour"],
    ]);
    expect(one.value?.background?.mean).toEqual([250, 250, 250]);
    const r = await checkPhotoFolder(dir, [a, b, c], {
      namedBy: "student-number",
      background: { tolerance: 60 },
    });
    expect(r.findings.map((f) => [f.code, f.path[1], param(f, "reason")])).toEqual([
      ["photo.background", `${b.studentNumber}.jpg`, "colour"],
      ["photo.unreadable", `${c.studentNumber}.jpg`, "unknown-format"],
    ]);
    expect(r.value?.files[0]?.facts?.background).toEqual({
      mean: [100, 197, 254],
      distance: 1,
      deviation: 0,
      spread: 0,
    });
  });
});

describe("options of the wrong type are programmer errors (12.10)", () => {
  it("refuses concurrency NaN, 'abc', 0, 1.5 and Infinity instead of checking nothing", async () => {
    for (const concurrency of [Number.NaN, "abc", 0, -1, 1.5, Number.POSITIVE_INFINITY, null]) {
      await expect(
        checkPhotoFolder(root, students, { namedBy: "student-number", concurrency: concurrency as number }),
        String(concurrency),
      ).rejects.toThrow(XueliError);
    }
  });

  it("refuses limits, namedBy, admissionYear and background of the wrong type", async () => {
    const bad: unknown[] = [
      { namedBy: "student-number", limits: { maxBytes: "40K" } },
      { namedBy: "student-number", limits: { minDpi: Number.NaN } },
      { namedBy: "student-number", limits: "big" },
      { namedBy: 1 },
      { namedBy: "id-number", admissionYear: 2019.5 },
      { namedBy: "id-number", admissionYear: "2019" },
      { namedBy: "student-number", background: "yes" },
      { namedBy: "student-number", background: { tolerance: "wide" } },
      { namedBy: "student-number", locale: "fr" },
    ];
    for (const options of bad) {
      await expect(
        checkPhotoFolder(root, students, options as never),
        JSON.stringify(options),
      ).rejects.toThrow(XueliError);
    }
    await expect(checkPhotoFolder(root, "students" as never, { namedBy: "student-number" })).rejects.toThrow(
      XueliError,
    );
    for (const options of [{ limits: { maxBytes: "40K" } }, { background: 1 }, { locale: "fr" }, "options"]) {
      await expect(checkPhotoFile(join(root, "x.jpg"), options as never)).rejects.toThrow(XueliError);
    }
  });

  it("a getter or a Proxy trap that throws in the options is a XueliError, not a TypeError", async () => {
    const throwing = {
      namedBy: "student-number",
      get concurrency(): number {
        throw new TypeError("boom");
      },
    };
    await expect(checkPhotoFolder(root, students, throwing as never)).rejects.toThrow(XueliError);
    const { proxy, revoke } = Proxy.revocable({ namedBy: "student-number" }, {});
    revoke();
    await expect(checkPhotoFolder(root, students, proxy as never)).rejects.toThrow(XueliError);
    await expect(checkPhotoFile(join(root, "x.jpg"), proxy as never)).rejects.toThrow(XueliError);
  });
});
