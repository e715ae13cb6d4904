// Issue 14.4 — messages one can act on: duplicates cite spreadsheet rows (3.1), an ID number Excel
// stored as a number says so and what to do (roster.id-as-number, 3.1), schema.invalid names the
// field in the locale's words with no English in zh-CN output, no message is cut mid-word, `xueli
// rules --lang en` is aligned, and the usage hint follows usage errors only.
import { beforeAll, describe, expect, it } from "vitest";
import { type FindingCode, formatFinding, rules } from "../../../src/index.js";
import { displayWidth } from "../../../src/roster/index.js";
import {
  allFindings,
  asExcelNumber,
  bomCsv,
  codesOf,
  englishIn,
  gbCsv,
  goodRow,
  json,
  put,
  registrarBook,
  scratch,
  xueli,
} from "./fixtures.js";

let dir = "";
beforeAll(() => {
  dir = scratch();
});

describe("14.4 messages one can act on", () => {
  it("14.4 duplicates cite spreadsheet rows as the report numbers them: 第 2、4 行 in a GB18030 CSV, 第 4、6 行 under a title (3.1)", () => {
    const [a, b, c] = [goodRow(1), goodRow(2), goodRow(3)];
    const csv = put(dir, "重复.csv", gbCsv([a, b, { ...c, 学号: a.学号 }]));
    const r = xueli(["check", csv, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(codesOf(report)).toEqual({
      2: ["batch.duplicate-student-number"],
      4: ["batch.duplicate-student-number"],
    });
    const f = report.students[0]?.findings[0];
    expect(f).toMatchObject({
      clause: "3.1",
      path: ["studentNumber"],
      message: `学号 ${a.学号} 在本批次中重复（第 2、4 行）`,
      params: { received: a.学号, count: 2, indices: [0, 2], rows: [2, 4] },
    });
    expect(xueli(["check", csv, "--format", "json", "--lang", "en"]).stdout).toContain(
      `"The student number ${a.学号} appears more than once in this batch (rows 2, 4)"`,
    );
    // In the registrar's workbook the header is on row 3: the same student numbers are rows 4 and 6.
    const book = put(dir, "重复.xlsx", registrarBook({ rows: [a, b, { ...c, 学号: a.学号 }] }));
    const text = xueli(["check", book]).stdout;
    expect(text).toContain(
      `第 4 行  ${a.学号} ${a.姓名}\n  ✗ 错误 batch.duplicate-student-number: 学号 ${a.学号} 在本批次中重复（第 4、6 行） [studentNumber] (条款 3.1)`,
    );
    expect(text).toContain(`第 6 行  ${a.学号} ${c.姓名}\n`);
  });

  it("14.4 an ID number Excel stored as a number (a number cell; 1.10108E+17 in a CSV) is roster.id-as-number (3.1): what was received, the digits lost, the fix", () => {
    const s = goodRow(1);
    const number = asExcelNumber(s.证件号码);
    const book = put(
      dir,
      "数字证件号.xlsx",
      registrarBook({ rows: [{ ...s, 证件号码: number }, goodRow(2)] }),
    );
    const csv = put(dir, "数字证件号.csv", bomCsv([{ ...s, 证件号码: "1.10108E+17" }, goodRow(2)]));
    const zh = (received: string) =>
      `证件号码被 Excel 存成了数字（收到 ${received}）：Excel 的数字只保留 15 位有效数字，第 15 位以后的数字已经丢失，无法从这个文件恢复。请把“证件号码”列的单元格格式设置为“文本”，再重新输入（或从学籍系统重新导出）这些证件号码`;
    for (const [file, row, received] of [
      [book, 4, String(number)],
      [csv, 2, "1.10108E+17"],
    ] as const) {
      const r = xueli(["check", file, "--format", "json"]);
      expect(r.code).toBe(1);
      const report = json(r);
      // One finding that says what is wrong with the cell — not "expected text", nor a checksum.
      expect(codesOf(report)).toEqual({ [row]: ["roster.id-as-number"] });
      expect(report.students[0]?.findings).toEqual([
        {
          code: "roster.id-as-number",
          severity: "error",
          clause: "3.1",
          path: ["id", "number"],
          message: zh(received),
          params: { received },
        },
      ]);
    }
    expect(String(number)).toBe(`${s.证件号码.slice(0, 15)}000`);
    expect(
      json(xueli(["check", csv, "--format", "json", "--lang", "en"])).students[0]?.findings[0]?.message,
    ).toBe(
      "The ID number was stored as a number by Excel (received 1.10108E+17): Excel keeps 15 significant digits, so the digits past the 15th are already lost and cannot be recovered from this file. Format the ID number column as Text, then type these ID numbers again (or export them again from the status system)",
    );
  });

  it("14.4 schema.invalid (3.1) names the field, what was expected and what was received, in zh-CN words only", () => {
    const file = put(
      dir,
      "取值.csv",
      bomCsv([
        { ...goodRow(1), 性别: "未知" },
        { ...goodRow(2), 培养层次: "本科" },
        { ...goodRow(3), 入学年度: "二〇一九" },
      ]),
    );
    const report = json(xueli(["check", file, "--format", "json"]));
    expect(report.students.map((s) => s.findings.map((f) => [f.code, f.path.join("."), f.message]))).toEqual([
      [["schema.invalid", "sex", "性别缺失或类型不正确（应为 男、女 之一；收到 未知）"]],
      [["schema.invalid", "degreeLevel", "培养层次缺失或类型不正确（应为 博士、硕士 之一；收到 本科）"]],
      [["schema.invalid", "admissionYear", "入学年度缺失或类型不正确（应为数字；收到 文本“二〇一九”）"]],
    ]);
    const text = xueli(["check", file]).stdout;
    expect(text).toContain(
      "  ✗ 错误 schema.invalid: 性别缺失或类型不正确（应为 男、女 之一；收到 未知） [sex] (条款 3.1)",
    );
    // The scan every zh-CN run of these tests goes through (fixtures.ts) finds what it must find.
    expect(englishIn(text, ["check", file])).toEqual([]);
    expect(englishIn("性别缺失或类型不正确（应为 string；收到 Quote Not Closed）", [])).toEqual([
      "string",
      "Quote",
      "Closed",
    ]);
    expect(englishIn("无法读取：ENOENT: no such file", [])).toEqual(["ENOENT", "such", "file"]);
    expect(
      englishIn("  ✗ 错误 origin.levels: 生源地 [origin.value] (条款 3.3)\nxueli check --at", ["check"]),
    ).toEqual([]);
  });

  it("14.4 no message is cut mid-word: every message of --example --lang en is whole, a long value is clipped inside it (row 19, 3.1.1)", () => {
    const report = json(xueli(["check", "--example", "--lang", "en", "--format", "json"]));
    for (const f of allFindings(report)) {
      expect(f.message, f.code).toBe(
        formatFinding({ code: f.code as FindingCode, params: f.params, path: f.path }, { locale: "en" }),
      );
    }
    expect(report.students.find((s) => s.row === 19)?.findings[0]?.message).toBe(
      "Evidence for the change of name is incomplete: the student's application was given, but without the training unit's opinion and seal; missing the police station's certificate of the change of name or a colour scan of both sides of the household register card (provided: the student's own application, without the training unit's opinion and seal)",
    );
    // A value of 300 characters: the received value is clipped (…), the sentence ends as written.
    const long = `北京市${"海淀区".repeat(99)}`;
    const file = put(dir, "长.csv", bomCsv([{ ...goodRow(1), 生源地: long }]));
    const f = json(xueli(["check", file, "--format", "json", "--lang", "en"])).students[0]?.findings[0];
    expect(f?.code).toBe("origin.format");
    expect(f?.message).toMatch(
      /^The origin is not written in an accepted form \(received 北京市(海淀区)+海?淀?…\)$/,
    );
    expect(f?.params.received).toBe(`${long.slice(0, 199)}…`);
  });

  it("14.4 xueli rules --lang en aligns its columns: every clause, and every title, starts at the same display column", () => {
    for (const lang of ["en", "zh-CN"]) {
      const r = xueli(["rules", "--lang", lang]);
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(rules.length);
      const starts = lines.map((l) => {
        const m = /^(\S+ +)(\S+ +)(\S+ +)/.exec(l) as RegExpExecArray;
        return [displayWidth(`${m[1]}${m[2]}`), displayWidth(m[0])];
      });
      expect(new Set(starts.map((s) => s[0])).size, lang).toBe(1);
      expect(new Set(starts.map((s) => s[1])).size, lang).toBe(1);
    }
    expect(xueli(["rules", "--lang", "en"]).stdout.split("\n")[0]).toBe(
      "id.format                          error    3.1      The identity document number has the wrong format",
    );
  });

  it("14.4 运行 xueli --help 查看用法 follows usage errors only — not exit 1, not input that cannot be read", () => {
    const hint = "运行 xueli --help 查看用法。\n";
    const roster = put(dir, "好.csv", bomCsv([goodRow(1), { ...goodRow(2), 照片是否上传: "否" }]));
    const usage = [
      ["check", roster, "--bogus"],
      ["check", roster, "另一个.csv"],
      ["check", roster, "--format"],
      ["check", roster, "--format", "xml"],
      ["check", roster, "--output", roster],
      ["check"],
      ["frobnicate"],
    ];
    for (const args of usage) {
      const r = xueli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.endsWith(hint), args.join(" ")).toBe(true);
      // Said in Chinese: never parseArgs's "Option '--format <value>' argument missing" (the
      // values an option takes, text | json | csv, are what one types).
      expect(englishIn(r.stderr, [...args, "text", "json", "csv"]), args.join(" ")).toEqual([]);
    }
    const other = [
      ["check", roster], // exit 1: errors found
      ["check", `${dir}/没有这个文件.csv`],
      ["check", put(dir, "空.csv", "学号,姓名,证件号码\r\n")],
      ["check", roster, "--photos", `${dir}/没有照片`],
      ["check", roster, "--batch", put(dir, "坏.json", "{")],
    ];
    const runs = other.map((args) => xueli(args));
    expect(runs.map((r) => r.code)).toEqual([1, 2, 2, 2, 2]);
    for (const r of runs) expect(r.stderr).not.toContain("--help");
    // Never Node's own words (ENOENT: no such file or directory) nor a JSON parser's.
    for (const [i, r] of runs.entries()) expect(englishIn(r.stderr, other[i] as string[])).toEqual([]);
    expect(runs[1]?.stderr).toBe(`xueli: 无法读取 ${dir}/没有这个文件.csv：文件或文件夹不存在\n`);
    expect(xueli(["check", roster, "--lang", "en", "--bogus"]).stderr).toBe(
      "xueli: Unknown option: --bogus\nRun xueli --help for usage.\n",
    );
  });
});
