// Issue 14.3 — a report a registrar can work with: the annotated workbook (`--output 检查结果.xlsx`)
// read back with SheetJS — its 问题 and 建议 columns, the fills (REPORT_FILLS) and notes of the cells
// at fault, the 汇总 sheet's counts by code with clause and title, the 照片 sheet; the CSV report
// (`--format csv`, `--output 检查结果.csv`) with its BOM, columns and formula escaping; and the
// roster itself never written.
import { linkSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../../src/index.js";
import { REPORT_FILLS } from "../../../src/roster/index.js";
import {
  bomCsv,
  fillOf,
  goodRow,
  headers,
  noteOf,
  photoFolder,
  put,
  readBook,
  registrarBook,
  scratch,
  xueli,
} from "./fixtures.js";

const cols = [...headers, "专业"];
const [s1, s2, s3, s4] = [goodRow(1), goodRow(2), goodRow(3), goodRow(4)];
/** Rows 4–7 of the workbook: a formula-like name, an origin of two levels, a renamed ethnic group, a clean row. */
const rows = [
  { ...s1, 姓名: "=1+1", 专业: '=HYPERLINK("http://example.invalid","点我")' },
  { ...s2, 生源地: "湖北省洪山区" },
  { ...s3, 民族: "毛难族" },
  { ...s4, 专业: "-计算机科学" },
];

let dir = "";
let roster = "";
let photos = "";
let workbook: ReturnType<typeof readBook>;
beforeAll(() => {
  dir = scratch();
  roster = put(dir, "名册.xlsx", registrarBook({ rows, cols }));
  // s1 and s3 have a good photo, s2 one of 400 × 533, s4 two files (.jpg and .JPG); one orphan.
  photos = photoFolder(dir, "照片", [s1.学号, s3.学号, s4.学号], {
    [`${s2.学号}.jpg`]: { width: 400, height: 533 },
    [`${s4.学号}.JPG`]: {},
    "201918000009999.jpg": {},
  });
  const out = join(dir, "检查结果.xlsx");
  const r = xueli(["check", roster, "--photos", photos, "--output", out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(`xueli: 检查结果已保存到 ${out}\n`);
  workbook = readBook(readFileSync(out));
});

const ORIGIN = "生源地须填写省市区（县）三级信息（收到 湖北省洪山区；建议 湖北省武汉市洪山区）";
const NAME = "姓名含有不允许的字符（收到 = 1 +）";
const RENAMED = "民族名称已更改，请使用现名（收到 毛难族；建议 毛南族）";
const DIMENSIONS = "照片尺寸须为 480×640 像素（收到 400×533）";
const DUPLICATE = `同一学生有多个照片文件（收到 ["${s4.学号}.JPG","${s4.学号}.jpg"]）`;
const ORPHAN = "照片文件名与任何学生都不匹配（收到 201918000009999.jpg）";

describe("14.3 the annotated workbook (--output 检查结果.xlsx)", () => {
  it("14.3 a copy of the roster sheet with 问题 and 建议 columns: every finding of the row, the origin's suggestion (3.3)", () => {
    const { wb, cell, rows: sheet } = workbook;
    expect(wb.SheetNames).toEqual(["名册", "汇总", "照片"]);
    const copy = sheet("名册");
    // The copy keeps the roster's rows in place: title on row 1, header on row 3, footer lines.
    expect(copy[0]?.[0]).toBe("2026年毕业研究生学历注册名册");
    expect(copy[2]).toEqual([...cols, "问题", "建议"]);
    expect(copy.slice(7).map((r) => r.filter((c) => c !== null))).toEqual([
      ["制表人：王某", "审核人：李某"],
      ["合计：共 4 人"],
      ["2026年6月1日"],
    ]);
    const problems = "T";
    const suggestion = "U";
    expect(fillOf(cell("名册", `${problems}3`))).toBe(REPORT_FILLS.added);
    expect(fillOf(cell("名册", `${suggestion}3`))).toBe(REPORT_FILLS.added);
    expect(cell("名册", `${problems}4`)?.v).toBe(`错误：${NAME}（name.characters）`);
    expect(cell("名册", `${problems}5`)?.v).toBe(
      `错误：${ORIGIN}（origin.levels）\n错误：${DIMENSIONS}（photo.dimensions）`,
    );
    expect(cell("名册", `${problems}6`)?.v).toBe(`警告：${RENAMED}（ethnicity.renamed）`);
    expect(cell("名册", `${problems}7`)?.v).toBe(`错误：${DUPLICATE}（photo.duplicate）`);
    // 建议: where a finding carries one (origin, ethnic group), with the column it is for.
    expect(cell("名册", `${suggestion}4`)).toBeUndefined();
    expect(cell("名册", `${suggestion}5`)?.v).toBe("生源地：湖北省武汉市洪山区");
    expect(cell("名册", `${suggestion}6`)?.v).toBe("民族：毛南族");
    // The problems cell takes the worse severity's fill.
    expect([4, 5, 6, 7].map((r) => fillOf(cell("名册", `${problems}${r}`)))).toEqual([
      REPORT_FILLS.error,
      REPORT_FILLS.error,
      REPORT_FILLS.warning,
      REPORT_FILLS.error,
    ]);
  });

  it("14.3 each cell at fault is filled in its severity's colour with the message as its note (3.1, 3.3)", () => {
    const { cell, cells } = workbook;
    const name = cell("名册", "B4");
    expect(name?.v).toBe("=1+1");
    expect(name?.t).toBe("s");
    expect(name?.f).toBeUndefined();
    expect(fillOf(name)).toBe(REPORT_FILLS.error);
    expect(noteOf(name)).toBe(NAME);
    const origin = cell("名册", "J5");
    expect(origin?.v).toBe("湖北省洪山区");
    expect(fillOf(origin)).toBe(REPORT_FILLS.error);
    expect(noteOf(origin)).toBe(ORIGIN);
    const ethnicity = cell("名册", "D6");
    expect(fillOf(ethnicity)).toBe(REPORT_FILLS.warning);
    expect(noteOf(ethnicity)).toBe(RENAMED);
    // Exactly those three cells of the roster's own columns are filled and noted; no formula anywhere.
    const filled = cells()
      .filter((c) => c.sheet === "名册" && c.ref.match(/^[A-S]\d+$/) && (fillOf(c.cell) || c.cell.c))
      .map((c) => c.ref);
    expect(filled.sort()).toEqual(["B4", "D6", "J5"]);
    expect(cells().filter((c) => c.cell.f !== undefined)).toEqual([]);
    expect(cell("名册", "S4")?.v).toBe('=HYPERLINK("http://example.invalid","点我")');
  });

  it("14.3 the 汇总 sheet: the run's facts, then the count by code with severity, clause and title (3.1, 3.3, 5.3.3)", () => {
    const summary = workbook.rows("汇总").map((r) => r.filter((c) => c !== null));
    expect(summary.slice(0, 9)).toEqual([
      ["批次", "ucas-2022-3（中国科学院大学 14430，2022-3）"],
      ["检查时刻", "只检查数据（未检查系统开放时间）"],
      ["读取行数", 10],
      ["检查学生", 4],
      ["检查照片", 6],
      ["错误", 5],
      ["警告", 1],
      ["工作表", "“名册”（第 2 个，共 2 个）"],
      ["跳过的表尾行", "3 行：第 8、9、10 行"],
    ]);
    const table = summary.slice(summary.findIndex((r) => r[0] === "代码"));
    expect(table[0]).toEqual(["代码", "严重程度", "条款", "规则", "数量"]);
    const row = (code: string, severity: string, n: number) => {
      const rule = rules.find((r) => r.code === code);
      return [code, severity, rule?.clause, rule?.title["zh-CN"], n];
    };
    // In the catalogue's order, as `xueli rules` lists them.
    expect(table.slice(1)).toEqual([
      row("name.characters", "错误", 1),
      row("ethnicity.renamed", "警告", 1),
      row("origin.levels", "错误", 1),
      row("photo.dimensions", "错误", 1),
      row("photo.orphan", "错误", 1),
      row("photo.duplicate", "错误", 1),
    ]);
    expect(table.slice(1).map((r) => r[2])).toEqual(["3.1", "3.1", "3.3", "5.3.3", "5.3.3", "5.3.3"]);
  });

  it("14.3 the 照片 sheet: every file checked with its student and row, orphans and duplicates, each file's findings (5.3.3)", () => {
    const sheet = workbook.rows("照片");
    expect(sheet).toEqual([
      ["文件名", "学号", "名册行", "问题"],
      [`${s1.学号}.jpg`, s1.学号, 4, null],
      [`${s2.学号}.jpg`, s2.学号, 5, `错误：${DIMENSIONS}（photo.dimensions）`],
      [`${s3.学号}.jpg`, s3.学号, 6, null],
      [`${s4.学号}.JPG`, s4.学号, 7, `错误：${DUPLICATE}（photo.duplicate）`],
      [`${s4.学号}.jpg`, s4.学号, 7, `错误：${DUPLICATE}（photo.duplicate）`],
      ["201918000009999.jpg", null, null, `错误：${ORPHAN}（photo.orphan）`],
    ]);
    expect(fillOf(workbook.cell("照片", "D3"))).toBe(REPORT_FILLS.error);
    expect(fillOf(workbook.cell("照片", "D2"))).toBeUndefined();
  });
});

describe("14.3 the CSV report (--format csv, --output 检查结果.csv)", () => {
  const HEAD = "\uFEFF行,学号,姓名,字段,代码,严重程度,条款,说明,建议\r\n";

  it("14.3 one line per finding — row, student number, name, field, code, severity, clause, message, suggestion — UTF-8 with a BOM, CRLF (3.3, 5.3.3)", () => {
    const r = xueli(["check", roster, "--photos", photos, "--format", "csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      HEAD +
        [
          `4,${s1.学号},'=1+1,姓名,name.characters,错误,3.1,${NAME},`,
          `5,${s2.学号},${s2.姓名},生源地,origin.levels,错误,3.3,${ORIGIN},湖北省武汉市洪山区`,
          `5,${s2.学号},${s2.姓名},照片文件 ${s2.学号}.jpg,photo.dimensions,错误,5.3.3,${DIMENSIONS},`,
          `6,${s3.学号},${s3.姓名},民族,ethnicity.renamed,警告,3.1,${RENAMED},毛南族`,
          `7,${s4.学号},${s4.姓名},照片,photo.duplicate,错误,5.3.3,"${DUPLICATE.replaceAll('"', '""')}",`,
          `,,,照片文件 201918000009999.jpg,photo.orphan,错误,5.3.3,${ORPHAN},`,
        ]
          .map((l) => `${l}\r\n`)
          .join(""),
    );
    // The same bytes in a file, with the text report on stdout.
    const out = join(dir, "检查结果.csv");
    const file = xueli(["check", roster, "--photos", photos, "--output", out]);
    expect(file.code).toBe(1);
    expect(file.stdout).toContain("汇总");
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(r.stdout);
    // English headings with --lang en.
    expect(xueli(["check", roster, "--format", "csv", "--lang", "en"]).stdout.split("\r\n")[0]).toBe(
      "\uFEFFRow,Student number,Name,Field,Code,Severity,Clause,Message,Suggestion",
    );
  });

  it("14.3 a cell that begins with =, +, - or @ is escaped with ' so that no spreadsheet runs it (name.characters, 3.1)", () => {
    const names = ["=1+1", "+张三", "-李四", "@王五"];
    const file = put(dir, "公式.csv", bomCsv(names.map((n, i) => ({ ...goodRow(10 + i), 姓名: n }))));
    const lines = xueli(["check", file, "--format", "csv"]).stdout.split("\r\n").slice(1, -1);
    expect(lines).toEqual([
      `2,${goodRow(10).学号},'=1+1,姓名,name.characters,错误,3.1,姓名含有不允许的字符（收到 = 1 +）,`,
      `3,${goodRow(11).学号},'+张三,姓名,name.characters,错误,3.1,姓名含有不允许的字符（收到 +）,`,
      `4,${goodRow(12).学号},'-李四,姓名,name.characters,错误,3.1,姓名含有不允许的字符（收到 -）,`,
      `5,${goodRow(13).学号},'@王五,姓名,name.characters,错误,3.1,姓名含有不允许的字符（收到 @）,`,
    ]);
    // A tab or a carriage return at the start of a cell cannot reach a CSV line through a roster
    // (cells are trimmed when read): test/roster/report-csv.test.ts escapes them in csvCell itself.
  });
});

describe("14.3 the roster itself is never written", () => {
  it("14.3 --output naming the roster — the same path, a ./ variant, a hard link — exits 2 and leaves its bytes as they were", () => {
    const csvRoster = put(dir, "原名册.csv", bomCsv([goodRow(1)]));
    const link = join(dir, "硬链接.xlsx");
    linkSync(roster, link);
    const before = [readFileSync(roster), readFileSync(csvRoster)];
    for (const [input, output] of [
      [roster, roster],
      [roster, `${dir}/./名册.xlsx`],
      [roster, link],
      [csvRoster, csvRoster],
      [csvRoster, `${dir}/../${dir.split("/").pop()}/原名册.csv`],
    ] as const) {
      const r = xueli(["check", input, "--output", output]);
      expect(r.code, output).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `xueli: --output ${output} 就是名册本身：检查结果不能覆盖名册，请换一个文件名\n运行 xueli --help 查看用法。\n`,
      );
    }
    expect([readFileSync(roster), readFileSync(csvRoster)]).toEqual(before);
    const other = xueli(["check", roster, "--output", join(dir, "结果.txt")]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("检查结果只能保存为 .xlsx（标注问题的名册副本）或 .csv（每个问题一行）");
  });
});
