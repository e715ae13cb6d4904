// Issue 12.7 (hardening) over this reports: a roster cell or a photo file name holding
// terminal escapes — ESC [ 2J (clear the screen), an OSC 8 link, BEL, a C1 control (CSI), a bidi
// override (U+202E) — never reaches stdout raw in the text, CSV or JSON report, nor a cell of the
// annotated workbook: each is shown as a `\u001b`-style escape.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isControlChar } from "../../../src/roster/index.js";
import {
  bomCsv,
  goodRow,
  headers,
  json,
  noteOf,
  photoFolder,
  put,
  readBook,
  registrarBook,
  scratch,
  xueli,
} from "./fixtures.js";

/** A cell that would clear the screen, plant a link, ring, recolour and reverse the text after it. */
const HOSTILE = "张\u001b[2J三\u001b]8;;http://evil.invalid/\u0007点我\u001b]8;;\u0007\u009b31m\u202egpj.exe";
/** The same, as every report shows it. */
const SHOWN =
  "张\\u001b[2J三\\u001b]8;;http://evil.invalid/\\u0007点我\\u001b]8;;\\u0007\\u009b31m\\u202egpj.exe";
/** A photo file name that reverses what follows it. */
const FILE = "\u202egepj.jpg";
const FILE_SHOWN = "\\u202egepj.jpg";
/** The input the reports quote: its Latin letters are the cell's, not the CLI's words. */
const quoted = [SHOWN, HOSTILE, FILE_SHOWN, FILE];

/** The control characters of a text, but the line ends and tabs a report is made of. */
function controls(text: string, allowed: readonly string[] = ["\n"]): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (isControlChar(c) && !allowed.includes(ch)) out.push(`U+${c.toString(16).padStart(4, "0")}`);
  }
  return out;
}

let dir = "";
let csv = "";
let book = "";
let photos = "";
beforeAll(() => {
  dir = scratch();
  const cols = [...headers, "专业"];
  const rows = [
    { ...goodRow(1), 姓名: HOSTILE, 专业: HOSTILE },
    { ...goodRow(2), 生源地: `北京市${HOSTILE}` },
  ];
  csv = put(dir, "恶意.csv", bomCsv(rows, cols));
  book = put(dir, "恶意.xlsx", registrarBook({ rows, cols }));
  photos = photoFolder(dir, "照片", [goodRow(1).学号, goodRow(2).学号], { [FILE]: {} });
  // The input does hold them: the fixture is what it says.
  expect(controls(readFileSync(csv, "utf8"), ["\r", "\n", "\ufeff"])).toEqual(
    Array(3).fill(["U+001b", "U+001b", "U+0007", "U+001b", "U+0007", "U+009b", "U+202e"]).flat(),
  );
});

describe("12.7 terminal escapes from the roster never reach a report raw (3.1)", () => {
  it("12.7 the text report shows each as an escape: the row's heading, the messages quoting it, a file name (name.characters, 3.1; photo.orphan, 5.3.3)", () => {
    for (const roster of [csv, book]) {
      const r = xueli(["check", roster, "--photos", photos], { quoted });
      expect(r.code).toBe(1);
      expect(controls(r.stdout)).toEqual([]);
      expect(controls(r.stderr)).toEqual([]);
      expect(r.stdout).toContain(`  ${goodRow(1).学号} ${SHOWN}\n`);
      expect(r.stdout).toContain(
        "  ✗ 错误 name.characters: 姓名含有不允许的字符（收到 U+001B [ 2 J ] 8 ; h t p : / e v i l n a d U+0007 U+009B 3 1 m \\u202e g j x） [name] (条款 3.1)",
      );
      expect(r.stdout).toContain(`收到 北京市${SHOWN}）`);
      expect(r.stdout).toContain(`（收到 ${FILE_SHOWN}） [files.${FILE_SHOWN}] (条款 5.3.3)`);
    }
  });

  it("12.7 the CSV report: the cells show the escapes, the only control characters are its CRLF line ends", () => {
    const r = xueli(["check", csv, "--photos", photos, "--format", "csv"], { quoted });
    expect(controls(r.stdout, ["\r", "\n", "\ufeff"])).toEqual([]);
    const lines = r.stdout.split("\r\n");
    expect(lines[1]).toBe(
      `2,${goodRow(1).学号},${SHOWN},姓名,name.characters,错误,3.1,姓名含有不允许的字符（收到 U+001B [ 2 J ] 8 ; h t p : / e v i l n a d U+0007 U+009B 3 1 m \\u202e g j x）,`,
    );
    expect(lines.slice(-3, -1)).toEqual([
      `,,,照片文件 ${FILE_SHOWN},photo.orphan,错误,5.3.3,照片文件名与任何学生都不匹配（收到 ${FILE_SHOWN}）,`,
      `,,,照片文件 ${FILE_SHOWN},photo.file-name,错误,5.3.3,照片须以身份证号或学号命名，不得含有姓名等其他信息（收到 ${FILE_SHOWN}）,`,
    ]);
  });

  it("12.7 the JSON report: as text it holds no control character (\\uXXXX escapes); parsed, the values are the cells as read", () => {
    const r = xueli(["check", csv, "--photos", photos, "--format", "json"], { quoted });
    expect(controls(r.stdout)).toEqual([]);
    expect(r.stdout).toContain(
      '"name": "张\\u001b[2J三\\u001b]8;;http://evil.invalid/\\u0007点我\\u001b]8;;\\u0007\\u009b31m\\u202egpj.exe"',
    );
    const report = json(r);
    expect(report.students[0]?.name).toBe(HOSTILE);
    expect(report.students[1]?.findings[0]?.params.received).toBe(`北京市${HOSTILE}`);
    expect(report.photos?.fileList.map((f) => f.fileName)).toContain(FILE);
  });

  it("12.7 the annotated workbook: no cell, note or sheet holds one; the copy, the 问题 column and the 照片 sheet show the escapes", () => {
    for (const roster of [csv, book]) {
      const out = join(dir, `结果-${roster.endsWith("csv") ? "csv" : "xlsx"}.xlsx`);
      expect(xueli(["check", roster, "--photos", photos, "--output", out], { quoted }).code).toBe(1);
      const read = readBook(readFileSync(out));
      const texts = read.cells().flatMap(({ cell }) => [String(cell.v ?? ""), noteOf(cell) ?? ""]);
      expect(texts.flatMap((t) => controls(t))).toEqual([]);
      expect(read.wb.SheetNames.flatMap((n) => controls(n))).toEqual([]);
      const header = roster === csv ? 1 : 3;
      const at = (col: string) => read.cell("名册", `${col}${header + 1}`);
      // 姓名 (B) and 专业 (S) of the first student: the copy shows the escapes; 姓名 is noted.
      expect(at("B")?.v).toBe(SHOWN);
      expect(at("S")?.v).toBe(SHOWN);
      expect(noteOf(at("B"))).toBe(
        "姓名含有不允许的字符（收到 U+001B [ 2 J ] 8 ; h t p : / e v i l n a d U+0007 U+009B 3 1 m \\u202e g j x）",
      );
      expect(String(read.cell("名册", `J${header + 2}`)?.v)).toBe(`北京市${SHOWN}`);
      expect(read.rows("照片").map((r) => r[0])).toContain(FILE_SHOWN);
    }
  });
});

describe("12.7 escapes in a batch file's id, the roster's path and a JSON roster's parse error (3.1)", () => {
  it("12.7 the report header shows the batch id and the roster path escaped; stderr holds no raw control character", () => {
    const id = "ucas-2026-1\u001b[2J\u202e";
    const batch = put(
      dir,
      "批次.json",
      JSON.stringify({
        id,
        school: "中国科学院大学",
        schoolCode: "14430",
        year: 2026,
        sequence: 1,
        opensAt: "2026-05-18T08:00:00+08:00",
        closesAt: "2026-06-11T00:00:00+08:00",
        graduationDate: "2026-06-26",
        registrationDate: "2026-06-10",
        timeZone: "Asia/Shanghai",
      }),
    );
    const roster = put(dir, "名册\u001b[31m\u202e.csv", bomCsv([goodRow(1)]));
    const shown = roster.replace("\u001b", "\\u001b").replace("\u202e", "\\u202e");
    const r = xueli(["check", roster, "--batch", batch], { quoted: [id, roster, shown, "ucas"] });
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      `xueli check ${shown}`,
      `批次 ucas-2026-1\\u001b[2J\\u202e（批次文件 ${batch}），只检查数据（不检查系统开放时间；用 --at 指定时刻）`,
    ]);
    expect(controls(r.stdout)).toEqual([]);
    expect(controls(r.stderr)).toEqual([]);
  });

  it("12.7 a JSON roster that breaks off inside an escape is refused (exit 2) with no raw control character", () => {
    const roster = put(dir, "坏.json", '[{"学号": "\u001b[2J\u202e');
    const r = xueli(["check", roster]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith("xueli: ")).toBe(true);
    expect(controls(r.stderr)).toEqual([]);
  });
});
