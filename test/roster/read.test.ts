// readRoster (src/roster/): every format and encoding a registrar's roster comes in, the header
// search, the sheet choice, footer lines, the bounds, and each roster-level finding (3.1) in both
// locales — on bytes, as a browser page would call it.
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { XueliError } from "../../src/index.js";
import { type Roster, readRoster, writeXlsx } from "../../src/roster/index.js";
import { goodRow, headers, type Row, toCsv } from "../cli/helpers.js";
import { rowXml, SHEET_HEAD, SHEET_TAIL, workbookParts, xlsxOf } from "./fixtures.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const cellsOf = (r: Row) => headers.map((h) => r[h]);

async function ok(bytes: Uint8Array, options: Parameters<typeof readRoster>[1] = {}): Promise<Roster> {
  const r = await readRoster(bytes, options);
  expect(r.findings).toEqual([]);
  expect(r.ok).toBe(true);
  return r.value as Roster;
}

async function refused(bytes: Uint8Array, options: Parameters<typeof readRoster>[1] = {}) {
  const r = await readRoster(bytes, options);
  expect(r.ok).toBe(false);
  expect(r.value?.rows).toEqual([]);
  expect(r.findings).toHaveLength(1);
  return r.findings[0] as NonNullable<(typeof r.findings)[0]>;
}

const studentNumbers = (r: Roster) =>
  r.students.map((s) => [s.row, (s.input as { studentNumber?: string }).studentNumber]);

describe("text rosters: encodings and delimiters (issue 13.1, issue 12.10)", () => {
  const rows = [goodRow(1), goodRow(2)];
  const csv = toCsv(rows);
  const expected = [
    [2, goodRow(1).学号],
    [3, goodRow(2).学号],
  ];

  it("reads UTF-8 without and with BOM, and GB18030, to the same students", async () => {
    const plain = await ok(utf8(csv));
    expect(plain).toMatchObject({ format: "csv", encoding: "utf-8", linesRead: 3, sheets: [] });
    expect(plain.header).toEqual({ row: 1, cells: [...headers] });
    expect(studentNumbers(plain)).toEqual(expected);
    const bom = await ok(utf8(`\uFEFF${csv}`));
    expect(bom.encoding).toBe("utf-8");
    expect(bom.students).toEqual(plain.students);
    const gb = await ok(new Uint8Array(iconv.encode(csv, "gb18030")));
    expect(gb.encoding).toBe("gb18030");
    expect(gb.students).toEqual(plain.students);
  });

  it('reads Excel\'s "Unicode 文本" export: UTF-16LE with BOM, tab-separated (12.10), and UTF-16BE', async () => {
    const tsv = `${[headers.join("\t"), ...rows.map((r) => cellsOf(r).join("\t"))].join("\r\n")}\r\n`;
    const le = await ok(new Uint8Array(iconv.encode(tsv, "utf-16le", { addBOM: true })));
    expect(le).toMatchObject({ format: "tsv", encoding: "utf-16le", linesRead: 3 });
    expect(studentNumbers(le)).toEqual(expected);
    const be = await ok(new Uint8Array(iconv.encode(tsv, "utf-16be", { addBOM: true })));
    expect(be.encoding).toBe("utf-16be");
    expect(be.students).toEqual(le.students);
    // Forced tab-separated, and named .csv: the same.
    expect((await ok(utf8(tsv), { format: "tsv" })).students).toEqual(le.students);
    expect((await ok(utf8(tsv), { format: "csv" })).students).toEqual(le.students);
  });

  it("reads semicolon-separated text", async () => {
    const text = `${[headers.join(";"), ...rows.map((r) => cellsOf(r).join(";"))].join("\n")}\n`;
    expect(studentNumbers(await ok(utf8(text)))).toEqual(expected);
  });

  it("names the columns recognised and ignored", async () => {
    const r = await ok(utf8(toCsv([{ ...goodRow(1), 序号: "1", 备注: "x" }], ["序号", ...headers, "备注"])));
    expect(r.columns.ignored).toEqual([
      { column: 0, header: "序号" },
      { column: headers.length + 1, header: "备注" },
    ]);
    expect(r.columns.recognised[0]).toEqual({ column: 1, header: "学号", key: "studentNumber" });
    expect(r.columns.recognised).toHaveLength(headers.length);
    expect(r.columns.missing).toEqual([]);
  });
});

describe("the header anywhere in the first 30 rows, footer lines skipped (issue 14.5)", () => {
  it("skips a title row, a blank row and instructions before the header; rows keep the numbers the sheet shows", async () => {
    const before = [
      "2022年第三批毕业研究生名册",
      "",
      ...Array.from({ length: 7 }, (_, i) => `填表说明${i + 1}：证件号码一列请设为文本格式`),
    ];
    const r = await ok(utf8(`${before.join("\n")}\n${toCsv([goodRow(1), goodRow(2)])}`));
    expect(r.header?.row).toBe(10);
    expect(studentNumbers(r)).toEqual([
      [11, goodRow(1).学号],
      [12, goodRow(2).学号],
    ]);
    expect(r.linesRead).toBe(12);
  });

  it("finds no header past row 30: roster.no-header (3.1), in both locales", async () => {
    const text = `${"说明\n".repeat(30)}${toCsv([goodRow(1)])}`;
    const f = await refused(utf8(text));
    expect(f).toMatchObject({
      code: "roster.no-header",
      severity: "error",
      clause: "3.1",
      params: { searched: 30 },
    });
    expect(f.message).toBe("名册前 30 行中没有表头行（表头应列出学号、姓名、证件号码等列名）");
    const en = await refused(utf8(text), { locale: "en" });
    expect(en.message).toBe(
      "No header row in the roster's first 30 rows (a header names the columns: 学号, 姓名, 证件号码 …)",
    );
  });

  it("skips 制表人, 审核人, 合计, 备注, 共…人 and date lines, naming them once, not as students", async () => {
    const footer = [
      "制表人：王某,,,审核人：李某",
      "合计,2人",
      "共 2 人",
      "备注：无",
      "2022年6月1日",
      "日期：2022-06-01",
    ];
    const r = await ok(utf8(`${toCsv([goodRow(1), goodRow(2)])}\n${footer.join("\n")}\n`));
    expect(studentNumbers(r)).toEqual([
      [2, goodRow(1).学号],
      [3, goodRow(2).学号],
    ]);
    expect(r.rows).toHaveLength(2);
    expect(r.footer).toEqual([
      { row: 5, text: "制表人：王某  审核人：李某" },
      { row: 6, text: "合计  2人" },
      { row: 7, text: "共 2 人" },
      { row: 8, text: "备注：无" },
      { row: 9, text: "2022年6月1日" },
      { row: 10, text: "日期：2022-06-01" },
    ]);
  });

  it("a roster with a header and no students is roster.empty (3.1): nothing checked is not 'no errors'", async () => {
    const f = await refused(utf8(`${headers.join(",")}\n\n制表人：王某\n`));
    expect(f).toMatchObject({ code: "roster.empty", clause: "3.1", params: { header: 1 } });
    expect(f.message).toBe("名册中没有学生：表头（第 1 行）之后没有数据行");
    expect((await refused(utf8(""), { locale: "en" })).message).toBe(
      "The roster is empty: no header, no students",
    );
    expect((await refused(utf8("\n\n\n"))).params).toEqual({});
  });

  it("a required column missing is roster.columns-missing (3.1), naming the status system's headers", async () => {
    const cols = headers.filter((h) => h !== "证件号码" && h !== "答辩结果");
    const f = await refused(utf8(toCsv([goodRow(1)], cols)));
    expect(f).toMatchObject({
      code: "roster.columns-missing",
      severity: "error",
      clause: "3.1",
      params: {
        missing: [
          { key: "id.number", header: "证件号码" },
          { key: "study.defense", header: "答辩结果" },
        ],
        row: 1,
      },
    });
    expect(f.message).toBe("名册缺少必需的列：证件号码、答辩结果（表头在第 1 行，列名见 docs/roster.md）");
    expect((await refused(utf8(toCsv([goodRow(1)], cols)), { locale: "en" })).message).toBe(
      "The roster lacks required columns: 证件号码 (id.number), 答辩结果 (study.defense) (header on row 1, see docs/roster.md)",
    );
  });

  it("a binary file is roster.unreadable (binary), not a roster with missing columns", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) & 0xff);
    const f = await refused(junk);
    expect(f).toMatchObject({ code: "roster.unreadable", params: { reason: "binary", format: "csv" } });
    expect(f.message).toBe("名册文件无法读取：既不是文本文件，也不是 Excel 工作簿（文件类型或扩展名有误？）");
  });
});

describe("bad rows stay roster.unreadable-row in their place (3.1)", () => {
  it("a ragged row, a row in another encoding and an oversized cell, each with its reason", async () => {
    const text = toCsv([goodRow(1), goodRow(2), { ...goodRow(3), 姓名: "名".repeat(1001) }, goodRow(4)]);
    const lines = text.split("\r\n");
    lines[2] = (lines[2] as string).split(",").slice(0, 5).join(",");
    const bytes = Buffer.concat([
      Buffer.from(`${lines.slice(0, 4).join("\r\n")}\r\n`),
      iconv.encode(`${lines[4]}\r\n`, "gb18030"),
    ]);
    const r = await ok(new Uint8Array(bytes));
    expect(r.encoding).toBe("utf-8-mixed");
    expect(r.rows.map((x) => [x.row, x.kind, x.findings?.map((f) => f.params)])).toEqual([
      [2, "student", undefined],
      [3, "unreadable", [{ reason: "ragged", expected: headers.length, received: 5 }]],
      [4, "unreadable", [{ reason: "oversized", expected: 1000, received: 1001 }]],
      [5, "unreadable", [{ reason: "encoding" }]],
    ]);
  });

  it("a record past maxRecordLength or maxCells is skipped without being kept, the rest read (12.5)", async () => {
    const long = `1,${"a,".repeat(20_000)}`;
    const text = `${toCsv([goodRow(1)])}${long}\n${toCsv([goodRow(2)]).split("\r\n")[1]}\n`;
    const r = await ok(utf8(text), { limits: { maxRecordLength: 10_000, maxCells: 100 }, locale: "en" });
    const bad = r.rows.find((x) => x.kind === "unreadable");
    expect(bad?.row).toBe(3);
    expect(bad?.findings[0]).toMatchObject({
      code: "roster.unreadable-row",
      params: { reason: "too-many-cells", expected: 100, received: 20_002 },
      message:
        "This roster row cannot be read: it has too many cells (at most 100, received 20002); it was skipped",
    });
    expect(studentNumbers(r)).toEqual([
      [2, goodRow(1).学号],
      [4, goodRow(2).学号],
    ]);
    const one = await ok(utf8(`${toCsv([goodRow(1)])}${"x".repeat(30_000)}\n`), {
      limits: { maxRecordLength: 10_000 },
    });
    expect(one.rows[1]?.findings?.[0]?.params).toEqual({
      reason: "too-long",
      expected: 10_000,
      received: 30_000,
    });
    expect(one.rows[1]?.findings?.[0]?.message).toBe(
      "名册中的这一行无法读取：这一行过长（最多 10000 个字符，收到 30000 个），已跳过",
    );
  });
});

describe("a stray quote no longer removes students (issue 12.6)", () => {
  it("one quote before a cell of row 4: every row is read, row numbers are file lines, the quote is named", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => goodRow(i + 1));
    const lines = toCsv(rows).split("\r\n");
    lines[3] = (lines[3] as string).replace(`,${goodRow(3).姓名},`, `,"${goodRow(3).姓名},`);
    const r = await ok(utf8(lines.join("\r\n")));
    expect(r.students).toHaveLength(50);
    expect(r.students.map((s) => s.row)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(r.linesRead).toBe(51);
    const row4 = r.students[2];
    expect((row4?.input as { name: string } | undefined)?.name).toBe(`"${goodRow(3).姓名}`);
    expect(row4?.findings).toEqual([
      {
        code: "roster.stray-quote",
        severity: "warning",
        clause: "3.1",
        path: [],
        params: { line: 4, lastLine: 51, lines: 48 },
        message:
          "第 4 行有单元格以引号开头却没有闭合：文件第 4–51 行（共 48 行）曾被读成一行；已把这个引号当作普通字符，逐行重新读取。请删去多余的引号",
      },
    ]);
    const en = await ok(utf8(lines.join("\r\n")), { locale: "en" });
    expect(en.students[2]?.findings?.[0]?.message).toBe(
      "A cell on line 4 opens a quote that is never closed: file lines 4–51 (48 lines) were read as one row; the quote was taken as a character and each line read again as its own row. Remove the stray quote",
    );
  });
});

/** A workbook made with SheetJS from rows of plain values or SheetJS cells. */
function workbook(sheets: Record<string, unknown[][]>, bookType: "xlsx" | "biff8" = "xlsx"): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return new Uint8Array(XLSX.write(wb, { bookType, type: "array" }) as ArrayBuffer);
}

describe("workbooks: .xlsx and .xls (issue 13.1), the sheet choice (issue 14.5)", () => {
  const dataRows = [goodRow(1), goodRow(2)].map(cellsOf);

  it("reads the first sheet whose header matches (a 填表说明 sheet first) and says which", async () => {
    const bytes = workbook({
      填表说明: [["证件号码一列请设为文本"], ["学号：15位"]],
      名册: [["2022年名册"], [...headers], ...dataRows],
    });
    const r = await ok(bytes);
    expect(r).toMatchObject({
      format: "xlsx",
      sheets: ["填表说明", "名册"],
      sheet: { name: "名册", index: 2 },
    });
    expect(r.header?.row).toBe(2);
    expect(r.linesRead).toBe(4);
    expect(studentNumbers(r)).toEqual([
      [3, goodRow(1).学号],
      [4, goodRow(2).学号],
    ]);
  });

  it("reads the sheet asked for, by name or 1-based position; a sheet that is not there is roster.sheet-missing", async () => {
    const bytes = workbook({
      名册A: [[...headers], dataRows[0] as unknown[]],
      名册B: [[...headers], ...dataRows],
    });
    expect((await ok(bytes)).sheet).toEqual({ name: "名册A", index: 1 });
    expect((await ok(bytes, { sheet: "名册B" })).students).toHaveLength(2);
    expect((await ok(bytes, { sheet: 2 })).sheet).toEqual({ name: "名册B", index: 2 });
    const f = await refused(bytes, { sheet: "名册C" });
    expect(f).toMatchObject({
      code: "roster.sheet-missing",
      clause: "3.1",
      params: { received: "名册C", sheets: ["名册A", "名册B"], count: 2 },
    });
    expect(f.message).toBe("工作簿中没有名为“名册C”的工作表（共 2 个：“名册A”、“名册B”）");
    expect((await refused(bytes, { sheet: 3, locale: "en" })).message).toBe(
      'The workbook has no sheet number 3 (2 sheets: "名册A", "名册B")',
    );
  });

  it("reads .xls (BIFF8, as the status system exports) like .xlsx", async () => {
    const xls = workbook({ 名册: [[...headers], ...dataRows] }, "biff8");
    expect([...xls.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const r = await ok(xls);
    expect(r.format).toBe("xls");
    expect(r.students).toEqual((await ok(workbook({ 名册: [[...headers], ...dataRows] }))).students);
  });

  it("reads date cells as the calendar day they show, whatever the host's time zone; an 18-digit ID typed as a number stays a number", async () => {
    const dateCol = headers.indexOf("答辩日期");
    const idCol = headers.indexOf("证件号码");
    const yearCol = headers.indexOf("入学年度");
    const row = cellsOf(goodRow(1)) as unknown[];
    // 44701: 2022-05-20 as Excel counts days; formatted as a date.
    row[dateCol] = { t: "n", v: 44701, z: "yyyy/m/d" };
    row[idCol] = Number(goodRow(1).证件号码);
    row[yearCol] = 2019;
    const r = await ok(workbook({ 名册: [[...headers], row] }));
    const input = r.students[0]?.input as {
      study: { defenseDate: string };
      id: { number: unknown };
      admissionYear: number;
    };
    expect(input.study.defenseDate).toBe("2022-05-20");
    expect(input.id.number).toBe(Number(goodRow(1).证件号码));
    expect(input.admissionYear).toBe(2019);
  });

  it("reads an .xls that is really an HTML table or tab-separated text, as some systems export", async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><table><tr>${headers.map((h) => `<td>${h}</td>`).join("")}</tr>${[
      goodRow(1),
    ]
      .map(
        (g) =>
          `<tr>${cellsOf(g)
            .map((c) => `<td>${c}</td>`)
            .join("")}</tr>`,
      )
      .join("")}</table></body></html>`;
    const fromHtml = await ok(utf8(html), { format: "xls" });
    expect(fromHtml.format).toBe("xls");
    expect(studentNumbers(fromHtml)).toEqual([[2, goodRow(1).学号]]);
    const tsv = `${headers.join("\t")}\n${cellsOf(goodRow(1)).join("\t")}\n`;
    const fromText = await ok(new Uint8Array(iconv.encode(tsv, "gb18030")), { format: "xls" });
    expect(fromText).toMatchObject({ format: "tsv", encoding: "gb18030" });
    expect(fromText.students).toEqual(fromHtml.students);
  });

  it("reads a workbook written by writeXlsx, with fills and notes, to the same students", async () => {
    const bytes = writeXlsx({
      sheets: [
        {
          name: "名册",
          rows: [[...headers], ...dataRows.map((r) => r.map((v) => ({ value: v, fill: "FFC7CE" })))],
        },
      ],
    });
    expect(studentNumbers(await ok(bytes))).toEqual([
      [2, goodRow(1).学号],
      [3, goodRow(2).学号],
    ]);
  });

  it("a workbook that cannot be opened is roster.unreadable (corrupt), never an exception", async () => {
    const good = workbook({ 名册: [[...headers], ...dataRows] });
    const f = await refused(good.subarray(0, good.length - 200));
    expect(f).toMatchObject({ code: "roster.unreadable", params: { reason: "corrupt", format: "xlsx" } });
    expect(f.message).toBe("名册文件无法读取：Excel 工作簿（.xlsx）已损坏或不完整");
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refused(cfb)).params).toEqual({ reason: "corrupt", format: "xls" });
  });

  it("a workbook saved with an opening password is roster.unreadable (encrypted), named as the .xlsx it is", async () => {
    // An encrypted .xlsx is a compound file with these two streams (MS-OFFCRYPTO).
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, "EncryptionInfo", new Uint8Array(64).fill(4));
    XLSX.CFB.utils.cfb_add(container, "EncryptedPackage", new Uint8Array(4096).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(container, { type: "array" }) as ArrayLike<number>);
    const f = await refused(bytes);
    expect(f.params).toEqual({ reason: "encrypted", format: "xlsx" });
    expect(f.message).toBe("名册文件无法读取：Excel 工作簿（.xlsx）设有打开密码，请取消密码后重新保存");
  });
});

describe("bounds (issue 12.4): past one, roster.too-large and nothing read", () => {
  const sheet = (n: number) =>
    SHEET_HEAD +
    rowXml(1, [...headers]) +
    Array.from({ length: n }, (_, i) => rowXml(i + 2, cellsOf(goodRow((i % 800) + 1)))).join("") +
    SHEET_TAIL;

  it("an .xlsx whose parts inflate past maxInflatedBytes is refused before it is parsed (declared sizes)", async () => {
    const bytes = xlsxOf({ ...workbookParts(["名册"]), "xl/worksheets/sheet1.xml": sheet(2000) });
    expect(bytes.length).toBeLessThan(200_000);
    const f = await refused(bytes, { limits: { maxInflatedBytes: 1024 * 1024 } });
    expect(f).toMatchObject({
      code: "roster.too-large",
      clause: "3.1",
      params: { limit: "maxInflatedBytes", expected: 1048576 },
    });
    expect((f.params as { received: number }).received).toBeGreaterThan(1024 * 1024);
    expect(f.message).toMatch(/^工作簿解压后超过 1 MiB 的上限（至少 \d+\.\d MiB），未检查$/);
    expect((await ok(bytes)).students).toHaveLength(2000);
  });

  it("an .xlsx whose headers lie about a part's size is refused as damaged, counted while inflating, never inflated whole", async () => {
    const parts = { ...workbookParts(["名册"]), "xl/worksheets/sheet1.xml": sheet(2000) };
    const f = await refused(xlsxOf(parts, { "xl/worksheets/sheet1.xml": 1000 }));
    expect(f).toMatchObject({ code: "roster.unreadable", params: { reason: "corrupt", format: "xlsx" } });
  });

  it("more rows than maxRows: refused, with the sheet's own count (xlsx, CSV, JSON)", async () => {
    const bytes = workbook({
      名册: [[...headers], ...Array.from({ length: 60 }, (_, i) => cellsOf(goodRow(i + 1)))],
    });
    const f = await refused(bytes, { limits: { maxRows: 50 }, locale: "en" });
    expect(f.params).toEqual({ limit: "maxRows", expected: 50, received: 61 });
    expect(f.message).toBe(
      "The roster has more than 50 rows (61) and was not checked; split it into several files",
    );
    const csv = utf8(toCsv(Array.from({ length: 60 }, (_, i) => goodRow(i + 1))));
    expect((await refused(csv, { limits: { maxRows: 50 } })).params).toEqual({
      limit: "maxRows",
      expected: 50,
    });
    const json = utf8(JSON.stringify(Array.from({ length: 60 }, (_, i) => goodRow(i + 1))));
    expect((await refused(json, { limits: { maxRows: 50 } })).params).toEqual({
      limit: "maxRows",
      expected: 50,
      received: 60,
    });
  });

  it("more bytes than maxFileBytes: refused before anything is decoded", async () => {
    const f = await refused(utf8(toCsv([goodRow(1)])), { limits: { maxFileBytes: 100 } });
    expect(f.params).toMatchObject({ limit: "maxFileBytes", expected: 100 });
    expect(f.message).toMatch(/^名册文件超过 100 字节 的上限（\d+ 字节），未检查$/);
  });

  it("refuses bounds that are not positive integers (a programmer error)", async () => {
    await expect(readRoster(utf8("x"), { limits: { maxRows: 0 } })).rejects.toThrow(XueliError);
    await expect(readRoster(utf8("x"), { limits: { maxRows: Number.NaN } })).rejects.toThrow(XueliError);
    await expect(readRoster(utf8("x"), { sheet: 0 })).rejects.toThrow(XueliError);
    await expect(readRoster(utf8("x"), { format: "ods" as never })).rejects.toThrow(XueliError);
    await expect(readRoster("x" as never)).rejects.toThrow(XueliError);
  });
});

describe("JSON rosters", () => {
  it("reads students in api.md's shape, rows keyed by headers, and { students }", async () => {
    const student = { studentNumber: "2019E001", id: { type: "resident", number: "x" }, conclusion: "结业" };
    const r = await ok(utf8(JSON.stringify({ students: [student, goodRow(2)] })));
    expect(r.format).toBe("json");
    expect(r.header).toBeUndefined();
    expect(r.rows.map((x) => [x.row, x.kind])).toEqual([
      [1, "student"],
      [2, "student"],
    ]);
    expect(r.students[0]).toEqual({
      kind: "student",
      row: 1,
      input: { studentNumber: "2019E001", id: { type: "resident", number: "x" } },
      conclusion: "completion",
    });
    expect((r.students[1]?.input as { studentNumber: string } | undefined)?.studentNumber).toBe(
      goodRow(2).学号,
    );
  });

  it("a syntax error names its line; a JSON that is not a list of students says so", async () => {
    // A comma forgotten between two elements: the engine names the position, so the line is known.
    const f = await refused(utf8('[\n{"学号": 1}\n{"学号": 2}\n]'));
    expect(f).toMatchObject({
      code: "roster.unreadable",
      params: { reason: "json", format: "json", line: 3 },
    });
    expect(f.message).toBe("名册文件无法读取：JSON 格式错误（第 3 行）");
    const shape = await refused(utf8('{"a": 1}'), { locale: "en" });
    expect(shape.params).toEqual({ reason: "json-shape", format: "json" });
    expect(shape.message).toBe(
      'The roster file cannot be read: a JSON roster is an array of students, or { "students": [...] }',
    );
  });
});
