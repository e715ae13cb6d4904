// The CSV report (src/roster/report-csv.ts, issue 14.3), pure and fast: csvCell's formula escaping
// (=, +, -, @, tab, CR — OWASP "CSV injection") and quoting, CsvReport's lines and columns, and
// reportCsv over a roster read and checked in memory (readRoster, checkRoster), as a page makes it.
import { describe, expect, it } from "vitest";
import { ucas2022Batch3 } from "../../src/index.js";
import {
  CsvReport,
  checkRoster,
  csvCell,
  type Roster,
  readRoster,
  reportCsv,
} from "../../src/roster/index.js";
import { goodRow, toCsv } from "../cli/helpers.js";

const HEAD_ZH = "\uFEFF行,学号,姓名,字段,代码,严重程度,条款,说明,建议\r\n";

async function checked(csv: string, at?: string) {
  const r = await readRoster(new TextEncoder().encode(csv));
  const roster = r.value as Roster;
  return {
    roster,
    report: checkRoster(roster, { batch: ucas2022Batch3, ...(at === undefined ? {} : { at }) }),
  };
}

describe("csvCell (14.3)", () => {
  it("14.3 a cell beginning with =, +, -, @, a tab or a CR gets a ' so that no spreadsheet takes it for a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+86 10 1234")).toBe("'+86 10 1234");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    // A tab is kept after the mark; a CR is shown as its escape (and the cell quoted for neither).
    expect(csvCell("\t=1+1")).toBe("'\t=1+1");
    expect(csvCell("\r=1+1")).toBe("'\\u000d=1+1");
    expect(csvCell('=HYPERLINK("http://x.invalid","点我")')).toBe(
      '"\'=HYPERLINK(""http://x.invalid"",""点我"")"',
    );
  });

  it("14.3 plain text, numbers and nothing are written as they are; a comma, a quote or a line break is quoted (RFC 4180)", () => {
    expect(csvCell("张三")).toBe("张三");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(-3)).toBe("'-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("北京市,海淀区")).toBe('"北京市,海淀区"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
  });

  it("12.7 control and bidi characters are shown as escapes, so a newline cannot start a line of its own", () => {
    expect(csvCell("张\u001b[2J三")).toBe("张\\u001b[2J三");
    expect(csvCell("a\nb")).toBe("a\\u000ab");
    expect(csvCell("photo\u202egpj.exe")).toBe("photo\\u202egpj.exe");
    expect(csvCell("\u009b31m")).toBe("\\u009b31m");
  });
});

describe("CsvReport and reportCsv (14.3)", () => {
  it("14.3 the head: a BOM and the nine columns, in each locale, CRLF", () => {
    expect(new CsvReport().head()).toBe(HEAD_ZH);
    expect(new CsvReport({ locale: "en" }).head()).toBe(
      "\uFEFFRow,Student number,Name,Field,Code,Severity,Clause,Message,Suggestion\r\n",
    );
  });

  it("14.3 one line per finding: the roster's own header names the field, the origin's suggestion fills 建议 (origin.levels, 3.3)", async () => {
    const { roster, report } = await checked(
      toCsv([goodRow(1), { ...goodRow(2), 生源地: "湖北省洪山区", 姓名: "=1+1" }]),
    );
    const csv = new CsvReport({ columns: roster.columns.recognised });
    expect(csv.student(report.students[0] as (typeof report.students)[0])).toBe("");
    expect(csv.student(report.students[1] as (typeof report.students)[0])).toBe(
      [
        `3,${goodRow(2).学号},'=1+1,姓名,name.characters,错误,3.1,姓名含有不允许的字符（收到 = 1 +）,`,
        `3,${goodRow(2).学号},'=1+1,生源地,origin.levels,错误,3.3,生源地须填写省市区（县）三级信息（收到 湖北省洪山区；建议 湖北省武汉市洪山区）,湖北省武汉市洪山区`,
        "",
      ].join("\r\n"),
    );
  });

  it("14.3 a suggestion for another field than the finding's names it: 毕业结论：结业 (conclusion.ineligible, 1.2)", async () => {
    const { roster, report } = await checked(
      toCsv([{ ...goodRow(1), 答辩结果: "未通过", 毕业结论: "毕业" }]),
    );
    const lines = reportCsv(report, { columns: roster.columns.recognised }).split("\r\n");
    expect(lines[1]).toBe(
      `2,${goodRow(1).学号},${goodRow(1).姓名},答辩结果,conclusion.ineligible,错误,1.2,答辩结果为“未通过”，不能注册为毕业，应注册为结业,毕业结论：结业`,
    );
    const en = reportCsv(report, { columns: roster.columns.recognised, locale: "en" }).split("\r\n");
    expect(en[1]?.split(",").slice(3, 5)).toEqual(["答辩结果", "conclusion.ineligible"]);
    expect(en[1]?.endsWith(",毕业结论: completion")).toBe(true);
  });

  it("14.3 warnings: false leaves the warnings out (--quiet); the errors stay (ethnicity.renamed, 3.1)", async () => {
    const { report } = await checked(toCsv([{ ...goodRow(1), 民族: "毛难族", 照片是否上传: "否" }]));
    const s = report.students[0] as (typeof report.students)[0];
    expect(s.findings.map((f) => f.code)).toEqual(["ethnicity.renamed", "photo.missing"]);
    const codes = (text: string) =>
      text
        .split("\r\n")
        .filter((l) => l !== "")
        .map((l) => l.split(",")[4]);
    expect(codes(new CsvReport().student(s))).toEqual(["ethnicity.renamed", "photo.missing"]);
    expect(codes(new CsvReport({ warnings: false }).student(s))).toEqual(["photo.missing"]);
  });

  it("14.1 reportCsv: the window's finding first, on a line of no row (window.closed, 2.1); the rows in order", async () => {
    const { roster, report } = await checked(
      toCsv([goodRow(1), { ...goodRow(2), 照片是否上传: "否" }]),
      "2026-06-01T10:00:00+08:00",
    );
    const lines = reportCsv(report, { columns: roster.columns.recognised }).split("\r\n");
    expect(lines[0]).toBe(HEAD_ZH.trimEnd());
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 6))).toEqual([
      ["", "", "", "", "window.closed", "错误"],
      ["3", goodRow(2).学号, goodRow(2).姓名, "照片是否上传", "photo.missing", "错误"],
      [""],
    ]);
  });
});
