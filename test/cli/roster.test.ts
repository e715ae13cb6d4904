import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { AT, codesByRow, goodRow, headers, scratch, toCsv, xueli } from "./helpers.js";

interface JsonReport {
  batch: { id: string };
  summary: { students: number; errors: number; warnings: number; byCode: Record<string, number> };
  students: {
    row: number;
    studentNumber: string | null;
    name: string | null;
    findings: {
      code: string;
      severity: string;
      message: string;
      path: (string | number)[];
      clause?: string;
    }[];
  }[];
  photos?: unknown;
}

let dir = "";
beforeAll(() => {
  dir = scratch();
});

function check(file: string, ...more: string[]) {
  const r = xueli(["check", file, "--at", AT, "--format", "json", ...more]);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as JsonReport) : undefined };
}

describe("xueli check: reading rosters", () => {
  it("reads a UTF-8 CSV without BOM; a clean roster exits 0 with the JSON shape of api.md", () => {
    const file = join(dir, "clean.csv");
    writeFileSync(file, toCsv([goodRow(1), goodRow(2), goodRow(3)]));
    const r = check(file);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = r.report as JsonReport;
    expect(Object.keys(report)).toEqual(["batch", "window", "students", "summary"]);
    expect(report.batch.id).toBe("ucas-2022-3");
    expect(report.summary).toEqual({
      linesRead: 4,
      students: 3,
      photos: 0,
      errors: 0,
      warnings: 0,
      byCode: {},
      footer: { count: 0, rows: [] },
      skipped: [],
    });
    expect(report.students.map((s) => [s.row, s.studentNumber, s.name])).toEqual([
      [2, goodRow(1).学号, goodRow(1).姓名],
      [3, goodRow(2).学号, goodRow(2).姓名],
      [4, goodRow(3).学号, goodRow(3).姓名],
    ]);
    expect(report.students.every((s) => s.findings.length === 0)).toBe(true);
  });

  it("reads a GB18030 CSV as Excel in China saves it, detected without asking", () => {
    const file = join(dir, "gb.csv");
    const bad = { ...goodRow(2), 照片是否上传: "否" };
    writeFileSync(file, iconv.encode(toCsv([goodRow(1), bad]), "gb18030"));
    const r = check(file);
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(report.students.map((s) => s.name)).toEqual([goodRow(1).姓名, goodRow(2).姓名]);
    expect(codesByRow(report)).toEqual({ 2: [], 3: ["photo.missing"] });
    const f = report.students[1]?.findings[0];
    expect(f).toMatchObject({
      code: "photo.missing",
      severity: "error",
      path: ["photo", "uploaded"],
      clause: "2.1.1.1",
    });
    expect(f?.message).toBe("未上传毕业阶段电子照片");
  });

  it("reads a UTF-8 CSV with BOM and English messages with --lang en", () => {
    const file = join(dir, "bom.csv");
    writeFileSync(file, `\uFEFF${toCsv([{ ...goodRow(1), 生源地是否复核: "否" }])}`);
    const r = check(file, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.report?.students[0]?.findings).toEqual([
      expect.objectContaining({
        code: "origin.not-reviewed",
        clause: "3.3.4",
        message: "The origin has not been reviewed; review it before staging",
      }),
    ]);
  });

  it("reports a ragged row in the middle with its row number and checks the others", () => {
    const file = join(dir, "ragged.csv");
    const lines = toCsv([goodRow(1), goodRow(2), { ...goodRow(3), 答辩结果: "未通过" }]).split("\r\n");
    // Row 3 (the second student) loses its last two cells.
    lines[2] = (lines[2] as string).split(",").slice(0, -2).join(",");
    writeFileSync(file, lines.join("\r\n"));
    const r = check(file);
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(codesByRow(report)).toEqual({ 2: [], 3: ["roster.unreadable-row"], 4: ["conclusion.ineligible"] });
    expect(report.students[1]).toMatchObject({
      row: 3,
      studentNumber: null,
      findings: [
        {
          code: "roster.unreadable-row",
          path: [],
          params: { reason: "ragged", expected: headers.length, received: headers.length - 2 },
        },
      ],
    });
  });

  it("reports a row in another encoding inside a UTF-8 roster, naming UTF-8, and checks the others", () => {
    const file = join(dir, "mixed.csv");
    const [head, r1, r2, r3] = toCsv([goodRow(1), goodRow(2), goodRow(3)]).split("\r\n");
    const bytes = Buffer.concat([
      Buffer.from(`${head}\r\n${r1}\r\n`, "utf8"),
      iconv.encode(`${r2}\r\n`, "gb18030"),
      Buffer.from(`${r3}\r\n`, "utf8"),
    ]);
    writeFileSync(file, bytes);
    const r = check(file, "--lang", "en");
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(codesByRow(report)).toEqual({ 2: [], 3: ["roster.unreadable-row"], 4: [] });
    expect(report.students[1]?.findings[0]).toMatchObject({ params: { reason: "encoding" } });
    expect(report.students[1]?.findings[0]?.message).toBe(
      "This roster row cannot be read: it is in another encoding than the rest of the file (GB18030 inside UTF-8?)",
    );
  });

  it("reports a row with an oversized cell instead of checking it, and cuts long text in findings", () => {
    const file = join(dir, "huge.csv");
    writeFileSync(
      file,
      toCsv([
        goodRow(1),
        { ...goodRow(2), 姓名: "名".repeat(5000) },
        { ...goodRow(3), 姓名: "X".repeat(900) },
      ]),
    );
    const r = check(file);
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(report.students[1]?.findings).toEqual([
      expect.objectContaining({
        code: "roster.unreadable-row",
        params: { reason: "oversized", expected: 1000, received: 5000 },
      }),
    ]);
    for (const f of report.students[2]?.findings ?? []) expect(f.message.length).toBeLessThan(260);
  });

  it("escapes terminal control characters from the roster in the text report", () => {
    const file = join(dir, "escapes.csv");
    writeFileSync(file, toCsv([{ ...goodRow(1), 姓名: "\u001b[2J甲\u0007\u009b" }]));
    const r = xueli(["check", file, "--at", AT]);
    expect(r.code).toBe(1);
    const controls = [...r.stdout].filter((ch) => {
      const c = ch.charCodeAt(0);
      return (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
    });
    expect(controls).toEqual([]);
    expect(r.stdout).toContain("\\u001b[2J甲\\u0007\\u009b");
  });

  it("reports an unparseable JSON element with its position and checks the others", () => {
    const file = join(dir, "rows.json");
    writeFileSync(file, JSON.stringify([goodRow(1), null, goodRow(3)]));
    const r = check(file);
    expect(r.code).toBe(1);
    expect(codesByRow(r.report as JsonReport)).toEqual({ 1: [], 2: ["roster.unreadable-row"], 3: [] });
  });

  it("with --strict-columns, refuses a roster without a required column, naming it, with exit 2 (roster.columns-missing, 3.1)", () => {
    const file = join(dir, "nocol.csv");
    const cols = headers.filter((h) => h !== "证件号码" && h !== "答辩结果");
    writeFileSync(file, toCsv([goodRow(1)], cols));
    const r = xueli(["check", file, "--strict-columns"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    // The finding's message, localized, and no usage hint: this is not a usage error.
    expect(r.stderr).toBe(
      "xueli: 名册缺少必需的列：证件号码、答辩结果（表头在第 1 行，列名见 docs/roster.md）\n",
    );
    const en = xueli(["check", file, "--lang", "en", "--format", "json", "--strict-columns"]);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe("");
    expect(en.stderr).toBe(
      "xueli: The roster lacks required columns: 证件号码 (id.number), 答辩结果 (study.defense) (header on row 1, see docs/roster.md)\n",
    );
  });

  it("refuses an unreadable or unsupported file with exit 2", () => {
    expect(xueli(["check", join(dir, "missing.csv")]).code).toBe(2);
    expect(xueli(["check", join(dir, "missing.xlsx")]).code).toBe(2);
    const odt = join(dir, "roster.ods");
    writeFileSync(odt, "x");
    expect(xueli(["check", odt]).stderr).toContain(".ods");
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "[{");
    expect(xueli(["check", broken]).code).toBe(2);
    const notXlsx = join(dir, "fake.xlsx");
    writeFileSync(notXlsx, "not a zip");
    expect(xueli(["check", notXlsx]).code).toBe(2);
  });

  it("reads an .xlsx: a title row, numbers, dates and text cells; an ID typed as a number is roster.id-as-number (3.1)", () => {
    const rows = [
      goodRow(1),
      { ...goodRow(2), 证件号码: "110108199602150001" },
      { ...goodRow(3), 证件号码: "ID-AS-NUMBER" },
    ];
    const aoa: unknown[][] = [["2022年第三批毕业研究生名册"], [...headers]];
    for (const row of rows) {
      aoa.push(
        headers.map((h) => {
          if (h === "入学年度") return Number(row[h]);
          // 2022-05-20 as Excel counts days, shown as a date.
          if (h === "答辩日期") return { t: "n", v: 44701, z: "yyyy-mm-dd" };
          // An ID number typed into Excel as a number: its last digits are already lost.
          if (row[h] === "ID-AS-NUMBER") return Number(goodRow(3).证件号码);
          return row[h];
        }),
      );
    }
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "名册");
    const file = join(dir, "roster.xlsx");
    writeFileSync(file, new Uint8Array(XLSX.write(wb, { bookType: "xlsx", type: "array" }) as ArrayBuffer));
    const r = check(file);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(codesByRow(report)).toEqual({ 3: [], 4: ["id.checksum"], 5: ["roster.id-as-number"] });
    expect(report.students[1]?.findings[0]?.path).toEqual(["id", "number"]);
    const asNumber = report.students[2]?.findings[0];
    expect(asNumber?.path).toEqual(["id", "number"]);
    // What was received, that digits past the 15th are lost, what to do: not "expected text".
    expect(asNumber?.message).toContain(`收到 ${String(Number(goodRow(3).证件号码))}`);
    expect(asNumber?.message).toContain("第 15 位以后的数字已经丢失");
    expect(asNumber?.message).toContain("设置为“文本”");
  });

  it("reads a JSON array of students in api.md's English shape", () => {
    const file = join(dir, "students.json");
    const student = {
      studentNumber: "201918000001001",
      name: "测试甲一",
      sex: "male",
      ethnicity: "汉族",
      id: { type: "resident", number: goodRow(1).证件号码 },
      degreeLevel: "master",
      trainingUnit: "计算技术研究所",
      admissionYear: 2019,
      origin: { value: "北京市海淀区", reviewed: true },
      photo: { uploaded: true },
      study: {
        creditsComplete: true,
        requiredSegmentsComplete: true,
        thesisComplete: true,
        defense: "passed",
      },
    };
    const other = {
      ...student,
      studentNumber: "201918000001002",
      name: "测试乙二",
      sex: "female",
      id: { type: "resident", number: goodRow(2).证件号码 },
      photo: { uploaded: false },
    };
    writeFileSync(file, JSON.stringify([student, other]));
    const r = check(file);
    expect(r.code).toBe(1);
    expect(codesByRow(r.report as JsonReport)).toEqual({ 1: [], 2: ["photo.missing"] });
  });

  it("maps English dotted headers and the values 是/否, 男/女, 博士/硕士, 结业 (1.2, 2.1.2)", () => {
    const file = join(dir, "english.csv");
    const cols = [
      "studentNumber",
      "name",
      "sex",
      "ethnicity",
      "id.number",
      "degreeLevel",
      "trainingUnit",
      "admissionYear",
      "origin.value",
      "origin.reviewed",
      "photo.uploaded",
      "conclusion",
      "study.creditsComplete",
      "study.requiredSegmentsComplete",
      "study.thesisComplete",
      "study.defense",
      "documents.writtenExplanation",
    ];
    const g = goodRow(1);
    const row = {
      studentNumber: g.学号,
      name: g.姓名,
      sex: g.性别,
      ethnicity: g.民族,
      "id.number": g.证件号码,
      degreeLevel: g.培养层次,
      trainingUnit: g.培养单位,
      admissionYear: g.入学年度,
      "origin.value": g.生源地,
      "origin.reviewed": "已复核",
      "photo.uploaded": "已上传",
      conclusion: "结业",
      "study.creditsComplete": "是",
      "study.requiredSegmentsComplete": "是",
      "study.thesisComplete": "是",
      "study.defense": "未通过",
      "documents.writtenExplanation": "否",
    };
    const g2 = goodRow(2);
    const row2 = {
      ...row,
      studentNumber: g2.学号,
      name: g2.姓名,
      sex: g2.性别,
      "id.number": g2.证件号码,
      "documents.writtenExplanation": "是",
    };
    writeFileSync(file, toCsv([row, row2], cols));
    const r = check(file);
    expect(codesByRow(r.report as JsonReport)).toEqual({ 2: ["completion.explanation-missing"], 3: [] });
  });

  it("files the batch's duplicates under each student concerned (3.1, 4.2.3)", () => {
    const file = join(dir, "dupes.csv");
    const twin = { ...goodRow(2), 学号: goodRow(1).学号, 姓名: goodRow(1).姓名 };
    writeFileSync(file, toCsv([goodRow(1), twin, goodRow(3)]));
    const r = check(file);
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(codesByRow(report)).toEqual({
      2: ["batch.duplicate-student-number", "batch.duplicate-name"],
      3: ["batch.duplicate-student-number", "batch.duplicate-name"],
      4: [],
    });
    expect(report.students[1]?.findings.map((f) => [f.path, f.severity, f.clause])).toEqual([
      [["studentNumber"], "error", "3.1"],
      [["name"], "warning", "4.2.3"],
    ]);
  });

  it("reports a duplicate ID number at every occurrence, rows apart, naming all of them (3.1)", () => {
    const file = join(dir, "dupes-far.csv");
    const g1 = goodRow(1);
    // The same ID number (and so sex) under other student numbers and names.
    const twin = (i: number) => ({ ...goodRow(i), 证件号码: g1.证件号码, 性别: g1.性别 });
    const lines = toCsv([g1, goodRow(2), twin(4), goodRow(3), twin(6)]).split("\r\n");
    lines.splice(3, 0, "ragged,row"); // spreadsheet row 4: a bad row between the occurrences
    writeFileSync(file, lines.join("\r\n"));
    const r = check(file, "--lang", "en");
    expect(r.code).toBe(1);
    const report = r.report as JsonReport;
    expect(report.students.map((s) => s.row)).toEqual([2, 3, 4, 5, 6, 7]);
    const dupes = report.students.map((s) => [
      s.row,
      s.findings
        .filter((f) => f.code.startsWith("batch."))
        .map((f) => [f.code, f.path, f.severity, f.clause, (f as { params?: unknown }).params]),
    ]);
    // params.indices: positions in the report's students (0-based, as checkBatch numbers its
    // registrations); params.rows: the spreadsheet rows.
    const params = { received: g1.证件号码, count: 3, indices: [0, 3, 5], rows: [2, 5, 7] };
    const id = ["batch.duplicate-id", ["id", "number"], "error", "3.1", params];
    expect(dupes).toEqual([
      [2, [id]],
      [3, []],
      [4, []],
      [5, [id]],
      [6, []],
      [7, [id]],
    ]);
    const message = report.students[0]?.findings.find((f) => f.code === "batch.duplicate-id")?.message;
    // The spreadsheet rows, numbered as in the rest of the report.
    expect(message).toBe(`The ID number ${g1.证件号码} appears more than once in this batch (rows 2, 5, 7)`);
    expect(report.summary.byCode["batch.duplicate-id"]).toBe(3);
  });

  it("streams a GB18030 roster larger than the encoding sample like its UTF-8 twin", () => {
    // 600 rows with a 600-character note each: ~800 KB in GB18030, so characters straddle read chunks.
    const note = "备注说明文字".repeat(100);
    const cols = [...headers, "备注"];
    const rows = Array.from({ length: 600 }, (_, i) => ({ ...goodRow(i + 1), 备注: note }));
    const text = toCsv(rows, cols);
    const gb = iconv.encode(text, "gb18030");
    expect(gb.length).toBeGreaterThan(512 * 1024);
    writeFileSync(join(dir, "big-gb.csv"), gb);
    writeFileSync(join(dir, "big-utf8.csv"), text);
    // The text report (the JSON one, with its shared-name warnings, is past spawnSync's buffer).
    const a = xueli(["check", join(dir, "big-gb.csv"), "--at", AT]);
    const b = xueli(["check", join(dir, "big-utf8.csv"), "--at", AT]);
    expect(a.stderr).toBe("");
    expect(a.code).toBe(b.code);
    expect(a.stdout).toContain("学生 600 名");
    const body = (out: string) => out.slice(out.indexOf("\n"));
    expect(body(a.stdout)).toBe(body(b.stdout));
  });

  it("checks against a batch defined in a JSON file, refusing students due in another (2.1.1.2)", () => {
    const batchFile = join(dir, "batch.json");
    writeFileSync(
      batchFile,
      JSON.stringify({
        id: "ucas-2023-1",
        school: "中国科学院大学",
        schoolCode: "14430",
        year: 2023,
        sequence: 1,
        opensAt: "2023-01-03T08:00:00+08:00",
        closesAt: "2023-01-11T00:00:00+08:00",
        graduationDate: "2023-01-15",
        registrationDate: "2023-01-10",
        timeZone: "Asia/Shanghai",
      }),
    );
    const file = join(dir, "batch.csv");
    const cols = [...headers, "批次"];
    writeFileSync(
      file,
      toCsv(
        [
          { ...goodRow(1), 批次: "ucas-2022-3" },
          { ...goodRow(2), 批次: "ucas-2023-1" },
        ],
        cols,
      ),
    );
    const r = xueli([
      "check",
      file,
      "--batch",
      batchFile,
      "--at",
      "2023-01-05T09:00:00+08:00",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.batch.id).toBe("ucas-2023-1");
    expect(codesByRow(report)).toEqual({ 2: ["batch.mismatch"], 3: [] });
    writeFileSync(batchFile, JSON.stringify({ id: "x" }));
    expect(xueli(["check", file, "--batch", batchFile]).code).toBe(2);
  });

  it("checks the window once for the run as of --at: after 2022-06-10 24:00 Beijing time nothing can be staged (2.1)", () => {
    const file = join(dir, "late.csv");
    writeFileSync(file, toCsv([goodRow(1), goodRow(2)]));
    const r = xueli(["check", file, "--at", "2022-06-11T00:00:00+08:00", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    // A fact about the moment, not about a student: reported once, counted once.
    expect(codesByRow(report)).toEqual({ 2: [], 3: [] });
    expect(report.window.findings.map((f: { code: string }) => f.code)).toEqual(["window.closed"]);
    expect(report.summary.byCode).toEqual({ "window.closed": 1 });
    // Without --at, the data alone: no window at all.
    const data = xueli(["check", file, "--format", "json"]);
    expect(data.code).toBe(0);
    expect(JSON.parse(data.stdout).window).toBeUndefined();
    const inTime = xueli(["check", file, "--at", "2022-06-10T15:59:59Z", "--format", "json"]);
    expect(inTime.code).toBe(0);
  });

  it("writes a readable report without colour when stdout is not a TTY, ending with counts by code", () => {
    const file = join(dir, "text.csv");
    writeFileSync(file, toCsv([goodRow(1), { ...goodRow(2), 照片是否上传: "否" }]));
    const r = xueli(["check", file, "--at", AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("\u001b[");
    expect(r.stdout).toContain(`第 3 行  ${goodRow(2).学号} ${goodRow(2).姓名}`);
    expect(r.stdout).toContain(
      "✗ 错误 photo.missing: 未上传毕业阶段电子照片 [photo.uploaded] (条款 2.1.1.1)",
    );
    expect(r.stdout.trimEnd().split("\n").slice(-5)).toEqual([
      "汇总",
      "读取 3 行；检查学生 2 名；检查照片 0 张",
      "错误 1 项；警告 0 项",
      "按代码统计：",
      "  photo.missing  1",
    ]);
  });
});
