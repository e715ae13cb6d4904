// `xueli check` on rosters as they come (issues 12.6, 12.10, 13.1, 14.5, 14.6): every encoding and
// format, the sheet choice, the header in the first 30 rows, footer lines, an empty roster, stdin,
// and stray quotes in a 10,000-row CSV. Fixtures are generated in a scratch folder, never committed.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { makeStudents } from "../../bench/data.mjs";
import { type BenchStudent, rosterHeader, rosterLine } from "../../scripts/make-bench-data.mjs";
import { writeXlsx } from "../../src/roster/index.js";
import { AT, cli, codesByRow, goodRow, headers, type Row, root, scratch, toCsv, xueli } from "./helpers.js";

interface Report {
  summary: { students: number; errors: number; warnings: number; byCode: Record<string, number> };
  students: {
    row: number;
    studentNumber: string | null;
    findings: { code: string; severity: string; message: string; params?: unknown }[];
  }[];
}

let dir = "";
beforeAll(() => {
  dir = scratch();
});

/** The CLI with stdin and a large output buffer (a 10,000-row JSON report). */
function run(args: string[], input?: Uint8Array | string) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Report;
const cellsOf = (r: Row) => headers.map((h) => r[h]);
const xlsx = (sheets: Record<string, unknown[][]>, bookType: "xlsx" | "biff8" = "xlsx") => {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { bookType, type: "array" }) as ArrayBuffer);
};
const write = (name: string, content: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe("xueli check: formats and encodings", () => {
  it('reads Excel\'s "Unicode 文本" export (UTF-16LE with BOM, tab-separated, .txt) — not "missing columns" (12.10)', () => {
    const tsv = `${[headers.join("\t"), ...[goodRow(1), { ...goodRow(2), 照片是否上传: "否" }].map((r) => cellsOf(r).join("\t"))].join("\r\n")}\r\n`;
    const file = write("unicode.txt", new Uint8Array(iconv.encode(tsv, "utf-16le", { addBOM: true })));
    const r = xueli(["check", file, "--at", AT, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(codesByRow(json(r))).toEqual({ 2: [], 3: ["photo.missing"] });
  });

  it("reads .xls (BIFF8) and a tab-separated .tsv like the CSV", () => {
    const rows = [goodRow(1), { ...goodRow(2), 生源地是否复核: "否" }];
    const xls = xueli([
      "check",
      write("r.xls", xlsx({ 名册: [[...headers], ...rows.map(cellsOf)] }, "biff8")),
      "--format",
      "json",
    ]);
    const tsv = xueli([
      "check",
      write("r.tsv", `${[headers, ...rows.map(cellsOf)].map((r) => r.join("\t")).join("\n")}\n`),
      "--format",
      "json",
    ]);
    const csv = xueli(["check", write("r.csv", toCsv(rows)), "--format", "json"]);
    expect(xls.code).toBe(1);
    expect(codesByRow(json(xls))).toEqual({ 2: [], 3: ["origin.not-reviewed"] });
    expect(json(xls).students).toEqual(json(csv).students);
    expect(json(tsv).students).toEqual(json(csv).students);
  });

  it("reads a file whose extension says nothing with --input-format, and refuses a bad value", () => {
    const file = write("roster.dat", toCsv([goodRow(1)]));
    expect(xueli(["check", file]).code).toBe(2);
    expect(xueli(["check", file, "--input-format", "csv", "--format", "json"]).code).toBe(0);
    const bad = xueli(["check", file, "--input-format", "ods", "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'Invalid value "ods" for --input-format: expected csv | tsv | xlsx | xls | json',
    );
  });
});

describe("xueli check: the sheet, the header, the footer (14.5)", () => {
  const data = [goodRow(1), goodRow(2)].map(cellsOf);
  const book = () =>
    xlsx({
      填表说明: [["证件号码一列请设为文本格式"], ["照片请按学号命名"]],
      名册: [
        ["2022年第三批毕业研究生名册"],
        [],
        [...headers],
        ...data,
        ["制表人：王某", "", "审核人：李某"],
        ["2022年6月1日"],
      ],
      另一批: [[...headers], cellsOf({ ...goodRow(3), 照片是否上传: "否" })],
    });

  it("reads the first sheet whose header matches, says which on stderr, skips and names the footer lines", () => {
    const r = xueli(["check", write("book.xlsx", book()), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "xueli: 读取工作表“名册”（第 2 个，共 3 个；用 --sheet 指定其他工作表）\n" +
        "xueli: 已跳过表尾 2 行（制表人、审核人、合计、备注、日期等）：第 6、7 行\n",
    );
    expect(json(r).students.map((s) => s.row)).toEqual([4, 5]);
    expect(json(r).summary.students).toBe(2);
  });

  it("--sheet NAME or N reads that sheet; a sheet that is not there exits 2 naming the sheets", () => {
    const file = write("book2.xlsx", book());
    const byName = xueli(["check", file, "--sheet", "另一批", "--format", "json", "--lang", "en"]);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toBe('xueli: Read sheet "另一批" (3 of 3; choose another with --sheet)\n');
    expect(codesByRow(json(byName))).toEqual({ 2: ["photo.missing"] });
    const byIndex = xueli(["check", file, "--sheet", "3", "--format", "json", "--lang", "en"]);
    expect(json(byIndex).students).toEqual(json(byName).students);
    const missing = xueli(["check", file, "--sheet", "名单"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe(
      "xueli: 工作簿中没有名为“名单”的工作表（共 3 个：“填表说明”、“名册”、“另一批”）\n",
    );
  });

  it("finds the header under a title, a blank row and instructions (row 10), rows numbered as the file's lines", () => {
    const before = [
      "2022年第三批毕业研究生名册",
      "",
      ...Array.from({ length: 7 }, (_, i) => `说明${i + 1}：请勿修改表头`),
    ];
    const file = write(
      "title.csv",
      `${before.join("\n")}\n${toCsv([goodRow(1), { ...goodRow(2), 照片是否上传: "否" }])}`,
    );
    const r = xueli(["check", file, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(codesByRow(json(r))).toEqual({ 11: [], 12: ["photo.missing"] });
  });

  it("a CSV footer (制表人, 合计, a date) is skipped and named once, not a student with ten errors", () => {
    const file = write(
      "footer.csv",
      `${toCsv([goodRow(1)])}制表人：王某,,审核人：李某\n合计：1人\n日期：2022年6月1日\n`,
    );
    const r = xueli(["check", file, "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(0);
    // The summary names them too (14.6): lines read, students and photos checked, footer lines skipped.
    expect(json(r).summary).toEqual({
      linesRead: 5,
      students: 1,
      photos: 0,
      errors: 0,
      warnings: 0,
      byCode: {},
      footer: { count: 3, rows: [3, 4, 5] },
      skipped: [],
    });
    expect(r.stderr).toBe(
      "xueli: Skipped 3 footer line(s) (made by, checked by, totals, remarks, date): row 3, 4, 5\n",
    );
  });

  it("a roster with no students exits 2 (roster.empty): nothing checked is not 'no errors'", () => {
    for (const [name, content] of [
      ["header-only.csv", `${headers.join(",")}\n`],
      ["header-only.xlsx", xlsx({ 名册: [[...headers]] })],
    ] as const) {
      const r = xueli(["check", write(name, content)]);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe("xueli: 名册中没有学生：表头（第 1 行）之后没有数据行\n");
    }
    expect(xueli(["check", write("empty.csv", ""), "--lang", "en"]).stderr).toBe(
      "xueli: The roster is empty: no header, no students\n",
    );
  });
});

describe("xueli check - (stdin) with --input-format (14.6)", () => {
  it("reads a CSV, an .xlsx and a JSON roster from stdin, as from a file", () => {
    const rows = [goodRow(1), { ...goodRow(2), 照片是否上传: "否" }];
    const fromFile = xueli(["check", write("stdin.csv", toCsv(rows)), "--format", "json"]);
    const csv = run(["check", "-", "--input-format", "csv", "--format", "json"], toCsv(rows));
    expect(csv.stderr).toBe("");
    expect(csv.code).toBe(1);
    expect(json(csv).students).toEqual(json(fromFile).students);
    const book = xlsx({ 名册: [[...headers], ...rows.map(cellsOf)] });
    const fromXlsx = run(["check", "-", "--input-format", "xlsx", "--format", "json"], book);
    expect(json(fromXlsx).students).toEqual(json(fromFile).students);
    // Without --input-format the bytes tell.
    expect(json(run(["check", "-", "--format", "json"], book)).students).toEqual(json(fromFile).students);
    const objects = rows.map((r) => Object.fromEntries(headers.map((h) => [h, r[h]])));
    const fromJson = run(
      ["check", "-", "--input-format", "json", "--format", "json"],
      JSON.stringify(objects),
    );
    expect(codesByRow(json(fromJson))).toEqual({ 1: [], 2: ["photo.missing"] });
  });

  it("bounds stdin by --max-size, saying how to raise it (exit 2)", () => {
    const big = toCsv(Array.from({ length: 800 }, (_, i) => goodRow(i + 1))).repeat(16);
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const r = run(["check", "-", "--max-size", "1", "--lang", "en"], big);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^xueli: The roster file is larger than 1 MiB \(\d\.\d MiB\) and was not checked\nTo check it anyway, raise the bound with --max-size\.\n$/,
    );
  });

  it("--max-rows bounds a workbook's rows (exit 2), naming the option", () => {
    const book = xlsx({
      名册: [[...headers], ...Array.from({ length: 30 }, (_, i) => cellsOf(goodRow(i + 1)))],
    });
    const r = xueli(["check", write("rows.xlsx", book), "--max-rows", "20"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "xueli: 名册超过 20 行的上限（共 31 行），未检查；请分成几个文件\n如确需检查，可用 --max-rows 调高上限。\n",
    );
    expect(xueli(["check", write("rows2.xlsx", book), "--max-rows", "0"]).code).toBe(2);
  });
});

describe("one stray quote no longer removes students from the check (12.6)", () => {
  const students = makeStudents(10_000, 7) as BenchStudent[];
  const NAME = rosterHeader.split(",").indexOf("姓名");
  const lines = () => [rosterHeader, ...students.map(rosterLine)];
  const withQuote = (ls: string[], line: number, where: "before" | "after") => {
    const cells = (ls[line - 1] as string).split(",");
    cells[NAME] = where === "before" ? `"${cells[NAME]}` : `${cells[NAME]}"`;
    ls[line - 1] = cells.join(",");
  };

  /** The findings each row gains from the quotes: the report of the roster with them, less the one without. */
  function gained(quoted: Report, clean: Report): Record<number, string[]> {
    const before = new Map(clean.students.map((s) => [s.row, s.findings.map((f) => f.code)]));
    const out: Record<number, string[]> = {};
    for (const s of quoted.students) {
      const codes = s.findings.map((f) => f.code).filter((c) => !(before.get(s.row) ?? []).includes(c));
      if (codes.length > 0) out[s.row] = codes;
    }
    return out;
  }
  let clean: Report;
  beforeAll(() => {
    clean = json(run(["check", write("no-quote.csv", `${lines().join("\n")}\n`), "--format", "json"]));
    expect(clean.summary.students).toBe(10_000);
  });

  it('a " before a cell of row 4: all 10,000 students are checked, row numbers stay file lines, the quote is named', () => {
    const ls = lines();
    withQuote(ls, 4, "before");
    const r = run(["check", write("one-quote.csv", `${ls.join("\n")}\n`), "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(report.summary.students).toBe(10_000);
    expect(report.students.map((s) => s.row)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2));
    expect(report.students[2]?.studentNumber).toBe(students[2]?.studentNumber);
    // Row 4 gains the stray quote's warning and, the quote being a character of the name now, the
    // name rule's error at the right row; no other row changes.
    expect(gained(report, clean)).toEqual({ 4: ["roster.stray-quote", "name.characters"] });
    const stray = report.students[2]?.findings[0];
    expect(stray).toMatchObject({
      code: "roster.stray-quote",
      severity: "warning",
      params: { line: 4, lastLine: 10_001, lines: 9998 },
    });
    expect(stray?.message).toBe(
      "第 4 行有单元格以引号开头却没有闭合：文件第 4–10001 行（共 9998 行）曾被读成一行；已把这个引号当作普通字符，逐行重新读取。请删去多余的引号",
    );
  });

  it("two stray quotes at rows 4 and 5001: no merged row, every row read and checked once", () => {
    const ls = lines();
    withQuote(ls, 4, "before");
    withQuote(ls, 5001, "after");
    const file = write("two-quotes.csv", `${ls.join("\r\n")}\r\n`);
    const report = json(run(["check", file, "--format", "json"]));
    expect(report.summary.students).toBe(10_000);
    expect(report.students.map((s) => s.row)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2));
    expect(gained(report, clean)).toEqual({
      4: ["roster.stray-quote", "name.characters"],
      5001: ["name.characters"],
    });
    const text = run(["check", file, "--lang", "en"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /Row 4 [^\n]*\n[^\n]*roster\.stray-quote: A cell on line 4 opens a quote that is never closed: file lines 4–5001 \(4998 lines\) were read as one row/,
    );
    expect(text.stdout).toMatch(
      /\n10001 line\(s\) read; 10000 student\(s\) checked; 0 photo\(s\) checked\n\d+ error\(s\); 1 warning\(s\)\n/,
    );
  });
});

describe("passport holders (3.1): empty 民族 and 生源地", () => {
  it("checks a passport holder's row with 民族 and 生源地 empty like any other", () => {
    const passport = { ...goodRow(1), 证件类型: "护照", 证件号码: "E12345678", 民族: "", 生源地: "" };
    const resident = { ...goodRow(2), 民族: "", 生源地: "" };
    const r = xueli(["check", write("passport.csv", toCsv([passport, resident])), "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(report.students[0]?.findings).toEqual([]);
    // A resident ID holder still needs both.
    expect(report.students[1]?.findings.map((f) => f.code).sort()).toEqual([
      "ethnicity.empty",
      "origin.empty",
    ]);
  });
});

describe("a workbook written by the package's writer reads back in the CLI", () => {
  it("fills and notes do not change what is read", () => {
    const rows = [goodRow(1), goodRow(2)].map((r) =>
      cellsOf(r).map((v) => ({ value: v, fill: "FFEB9C", note: "旧批注" })),
    );
    const file = write(
      "annotated.xlsx",
      writeXlsx({ sheets: [{ name: "名册", freezeHeader: true, rows: [[...headers], ...rows] }] }),
    );
    const r = xueli(["check", file, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).summary.students).toBe(2);
  });
});
