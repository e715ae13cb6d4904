// Issue 14.6 — conventions: `-` reads the roster from stdin (CSV, .xlsx bytes, JSON), FORCE_COLOR
// and NO_COLOR, progress on a terminal only, --quiet, the summary's counts of lines, students and
// photos, --background (4.2.2), and the usage errors of two rosters or an option without its value.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeStudents } from "../../../bench/data.mjs";
import { type BenchStudent, rosterHeader, rosterLine } from "../../../scripts/make-bench-data.mjs";
import { REPORT_FILLS } from "../../../src/roster/index.js";
import { cli } from "../helpers.js";
import {
  bomCsv,
  codesOf,
  fillOf,
  four,
  goodRow,
  headers,
  json,
  photoFolder,
  put,
  readBook,
  registrarBook,
  scratch,
  xueli,
} from "./fixtures.js";

let dir = "";
beforeAll(() => {
  dir = scratch();
});

/** `script` (util-linux) gives the CLI a terminal: stdout and stderr are a pty, merged. */
const hasScript = spawnSync("script", ["--version"]).status === 0;

/**
 * Runs the CLI on a terminal; its output as the terminal got it (CR LF line ends). `quietStdout`:
 * stdout goes to /dev/null, stderr alone to the terminal.
 */
function onTerminal(args: readonly string[], env: Record<string, string> = {}, quietStdout = false): string {
  const quote = (a: string) => `'${a.replaceAll("'", "'\\''")}'`;
  const base: Record<string, string | undefined> = { ...process.env, ...env };
  if (env.NO_COLOR === undefined) delete base.NO_COLOR;
  if (env.FORCE_COLOR === undefined) delete base.FORCE_COLOR;
  const command = [process.execPath, cli, ...args].map(quote).join(" ") + (quietStdout ? " > /dev/null" : "");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    env: base,
    encoding: "utf8",
    timeout: 120_000,
  });
  return r.stdout;
}

const ESC = "\u001b[";

describe("14.6 conventions", () => {
  it("14.6 - reads the roster from stdin: a CSV, an .xlsx's bytes piped, a JSON array — as from a file (3.1)", () => {
    const rows = [goodRow(1), { ...goodRow(2), 生源地是否复核: "否" }];
    const csv = bomCsv(rows);
    const fromFile = json(xueli(["check", put(dir, "名册.csv", csv), "--format", "json"]));
    expect(codesOf(fromFile)).toEqual({ 3: ["origin.not-reviewed"] });
    const fromCsv = xueli(["check", "-", "--input-format", "csv", "--format", "json"], { input: csv });
    expect(fromCsv.code).toBe(1);
    expect(json(fromCsv).students).toEqual(fromFile.students);

    const book = registrarBook({ rows });
    const fromBookFile = json(xueli(["check", put(dir, "名册.xlsx", book), "--format", "json"]));
    for (const args of [
      ["check", "-", "--input-format", "xlsx", "--format", "json"],
      ["check", "-", "--format", "json"], // the bytes tell
    ]) {
      const r = xueli(args, { input: book });
      expect(r.code, args.join(" ")).toBe(1);
      expect(json(r)).toEqual(fromBookFile);
    }
    expect(codesOf(fromBookFile)).toEqual({ 5: ["origin.not-reviewed"] });

    const objects = rows.map((r) => Object.fromEntries(headers.map((h) => [h, r[h]])));
    const fromJson = xueli(["check", "-", "--input-format", "json", "--format", "json"], {
      input: JSON.stringify(objects),
    });
    expect(fromJson.code).toBe(1);
    expect(codesOf(json(fromJson))).toEqual({ 2: ["origin.not-reviewed"] });
    // The text report names stdin as the roster.
    expect(xueli(["check", "-"], { input: csv }).stdout.split("\n")[0]).toBe("xueli check -");
  });

  it("14.6 FORCE_COLOR=1 colours a pipe; NO_COLOR alone, FORCE_COLOR=0 and a pipe do not (photo.missing, 2.1.1.1)", () => {
    const file = put(dir, "颜色.csv", bomCsv([goodRow(1), { ...goodRow(2), 照片是否上传: "否" }]));
    const forced = xueli(["check", file], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain(`  ${ESC}31m✗${ESC}39m ${ESC}31m错误${ESC}39m photo.missing`);
    expect(forced.stdout.split("\n")[0]).toBe(`${ESC}2mxueli check ${file}${ESC}22m`);
    for (const env of [{}, { NO_COLOR: "1" }, { FORCE_COLOR: "0" }, { FORCE_COLOR: "" }]) {
      expect(xueli(["check", file], { env }).stdout, JSON.stringify(env)).not.toContain(ESC);
    }
    // `xueli rules` too.
    expect(xueli(["rules"], { env: { FORCE_COLOR: "1" } }).stdout).toContain(`${ESC}31m错误`);
  });

  it.skipIf(!hasScript)(
    "14.6 on a terminal: colour unless NO_COLOR; a long roster's progress on stderr, erased — and none in a pipe (photo.missing, 2.1.1.1)",
    () => {
      const file = put(dir, "终端.csv", bomCsv([goodRow(1), { ...goodRow(2), 照片是否上传: "否" }]));
      expect(onTerminal(["check", file])).toContain(`${ESC}31m✗${ESC}39m`);
      expect(onTerminal(["check", file], { NO_COLOR: "1" })).not.toContain(ESC);
      // 12,000 students: a progress line every 5,000 rows of each pass, each pass's erased at its end.
      const students = makeStudents(12_000, 14) as BenchStudent[];
      const big = put(dir, "big.csv", `${rosterHeader}\n${students.map(rosterLine).join("\n")}\n`);
      const shown = onTerminal(["check", big, "--format", "json"], {}, true);
      expect(shown).toBe(
        "\r正在读取名册（第 1 遍）…… 5000 行\r正在读取名册（第 1 遍）…… 10000 行\r\u001b[2K" +
          "\r正在读取名册（第 2 遍）…… 5000 / 12000 行\r正在读取名册（第 2 遍）…… 10000 / 12000 行\r\u001b[2K",
      );
      const piped = xueli(["check", big, "--format", "json"]);
      expect(piped.stderr).toBe("");
      expect(json(piped).summary.students).toBe(12_000);
    },
  );

  it("14.6 --quiet hides warnings in every report but counts them (ethnicity.renamed, 3.1)", () => {
    const rows = [{ ...goodRow(1), 民族: "毛难族" }, { ...goodRow(2), 照片是否上传: "否" }, goodRow(3)];
    const file = put(dir, "警告.xlsx", registrarBook({ rows }));
    const loud = xueli(["check", file]);
    expect(loud.stdout).toContain("! 警告 ethnicity.renamed");
    const quiet = xueli(["check", file, "--quiet"]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain("ethnicity.renamed:");
    expect(quiet.stdout).toContain("\n错误 1 项；警告 1 项\n（--quiet：未显示 1 项警告）\n");
    expect(quiet.stdout).toContain("  ethnicity.renamed  1");
    const csv = xueli(["check", file, "--quiet", "--format", "csv"]).stdout;
    expect(
      csv
        .split("\r\n")
        .filter((l) => l !== "")
        .map((l) => l.split(",")[4]),
    ).toEqual(["代码", "photo.missing"]);
    const out = join(dir, "安静.xlsx");
    expect(xueli(["check", file, "--quiet", "--output", out]).stderr).toBe("");
    const { cell } = readBook(readFileSync(out));
    expect(cell("名册", "D4")?.v).toBe("毛难族");
    expect(fillOf(cell("名册", "D4"))).toBeUndefined();
    expect(cell("名册", "S4")).toBeUndefined();
    expect(fillOf(cell("名册", "L5"))).toBe(REPORT_FILLS.error);
    expect(json(xueli(["check", file, "--quiet", "--format", "json"])).summary).toMatchObject({
      errors: 1,
      warnings: 1,
    });
  });

  it("14.6 the summary always states lines read, students checked and photos checked (5.3.3)", () => {
    const file = put(dir, "计数.xlsx", registrarBook({ rows: four() }));
    expect(xueli(["check", file]).stdout).toContain("\n汇总\n读取 10 行；检查学生 4 名；检查照片 0 张\n");
    const photos = photoFolder(
      dir,
      "照片",
      four().map((s) => s.学号),
    );
    const r = xueli(["check", file, "--photos", photos, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\nSummary\n10 line(s) read; 4 student(s) checked; 4 photo(s) checked\n");
    expect(json(xueli(["check", file, "--photos", photos, "--format", "json"])).summary).toMatchObject({
      linesRead: 10,
      students: 4,
      photos: 4,
    });
  });

  it("14.6 --background runs the photo background check (photo.background, 4.2.2): a white background is found with it only", () => {
    const [a, b] = [goodRow(1), goodRow(2)];
    const file = put(dir, "背景.csv", bomCsv([a, b]));
    const photos = photoFolder(dir, "背景照片", [a.学号], {
      [`${b.学号}.jpg`]: { background: [250, 250, 250] },
    });
    const without = xueli(["check", file, "--photos", photos, "--format", "json"]);
    expect(without.code).toBe(0);
    const withIt = xueli(["check", file, "--photos", photos, "--background", "--format", "json"]);
    expect(withIt.code).toBe(1);
    const report = json(withIt);
    expect(codesOf(report)).toEqual({ 3: ["photo.background"] });
    expect(report.students[1]?.findings[0]).toMatchObject({
      code: "photo.background",
      clause: "4.2.2",
      path: ["photos", "files", `${b.学号}.jpg`],
    });
  });

  it("14.6 two rosters, or an option without its value, are a localized usage error (exit 2)", () => {
    const file = put(dir, "用法.csv", bomCsv([goodRow(1)]));
    const cases: [string[], string, string][] = [
      [
        ["check", file, "第二份.csv"],
        `xueli: 一次只能检查一个名册，收到 2 个：${file}、第二份.csv\n运行 xueli --help 查看用法。\n`,
        `xueli: One roster at a time: received 2 (${file}, 第二份.csv)\nRun xueli --help for usage.\n`,
      ],
      [
        ["check", file, "--photos"],
        "xueli: 选项 --photos 缺少取值\n运行 xueli --help 查看用法。\n",
        "xueli: The option --photos needs a value\nRun xueli --help for usage.\n",
      ],
      [
        ["check", file, "--output", "--quiet"],
        "xueli: 选项 --output 缺少取值\n运行 xueli --help 查看用法。\n",
        "xueli: The option --output needs a value\nRun xueli --help for usage.\n",
      ],
    ];
    for (const [args, zh, en] of cases) {
      const a = xueli(args);
      expect([a.code, a.stdout, a.stderr], args.join(" ")).toEqual([2, "", zh]);
      const b = xueli([...args.slice(0, 2), "--lang", "en", ...args.slice(2)]);
      expect([b.code, b.stdout, b.stderr], args.join(" ")).toEqual([2, "", en]);
    }
  });
});
