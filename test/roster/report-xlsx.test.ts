// The annotated workbook (src/roster/report-xlsx.ts, issue 14.3), pure and fast: a roster read in
// memory with `copy`, checked (`checkRoster`) and written (`writeReportXlsx`), then read back with
// SheetJS — 问题 and 建议, fills (REPORT_FILLS) and notes, the copy's cells escaped (12.7), warnings
// left out on request, the summary and photo sheets, a JSON roster's offset.
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { ucas2022Batch3, XueliError } from "../../src/index.js";
import {
  checkRoster,
  REPORT_FILLS,
  type Roster,
  readRoster,
  writeReportXlsx,
} from "../../src/roster/index.js";
import { goodRow, headers, toCsv } from "../cli/helpers.js";

interface ReadCell {
  v: unknown;
  t: string;
  s?: { fgColor?: { rgb?: string } };
  c?: { t: string }[];
}

async function annotated(
  bytes: Uint8Array,
  options: { at?: string; warnings?: boolean; locale?: "zh-CN" | "en"; fileNames?: string[] } = {},
) {
  const r = await readRoster(bytes, { copy: true });
  const roster = r.value as Roster;
  const report = checkRoster(roster, {
    batch: ucas2022Batch3,
    ...(options.at === undefined ? {} : { at: options.at }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.fileNames === undefined
      ? {}
      : { photos: { dir: "照片", fileNames: options.fileNames, namedBy: "student-number" as const } }),
  });
  const xlsx = writeReportXlsx(report, roster, {
    ...(options.warnings === undefined ? {} : { warnings: options.warnings }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  const wb = XLSX.read(xlsx, { type: "array", cellStyles: true });
  const cell = (sheet: string, ref: string) => wb.Sheets[sheet]?.[ref] as ReadCell | undefined;
  const rows = (sheet: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet] as XLSX.WorkSheet, { header: 1, defval: null });
  return { wb, cell, rows, report };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const fill = (c: ReadCell | undefined) => c?.s?.fgColor?.rgb;
const note = (c: ReadCell | undefined) => c?.c?.map((n) => n.t).join("\n");
/** 问题 and 建议: the two columns after the 18 of `headers`. */
const [P, S] = ["S", "T"];

describe("writeReportXlsx (14.3)", () => {
  it("14.3 问题 lists every finding of the row, 建议 the suggestions; the cells at fault are filled and noted (3.3, 3.1)", async () => {
    const { wb, cell } = await annotated(
      utf8(toCsv([{ ...goodRow(1), 生源地: "湖北省洪山区", 民族: "毛难族" }, goodRow(2)])),
    );
    expect(wb.SheetNames).toEqual(["名册", "汇总"]);
    expect([cell("名册", `${P}1`)?.v, cell("名册", `${S}1`)?.v]).toEqual(["问题", "建议"]);
    expect(fill(cell("名册", `${P}1`))).toBe(REPORT_FILLS.added);
    expect(cell("名册", `${P}2`)?.v).toBe(
      "警告：民族名称已更改，请使用现名（收到 毛难族；建议 毛南族）（ethnicity.renamed）\n" +
        "错误：生源地须填写省市区（县）三级信息（收到 湖北省洪山区；建议 湖北省武汉市洪山区）（origin.levels）",
    );
    expect(fill(cell("名册", `${P}2`))).toBe(REPORT_FILLS.error);
    expect(cell("名册", `${S}2`)?.v).toBe("民族：毛南族\n生源地：湖北省武汉市洪山区");
    expect(fill(cell("名册", "D2"))).toBe(REPORT_FILLS.warning);
    expect(note(cell("名册", "D2"))).toBe("民族名称已更改，请使用现名（收到 毛难族；建议 毛南族）");
    expect(fill(cell("名册", "J2"))).toBe(REPORT_FILLS.error);
    expect(note(cell("名册", "J2"))).toBe(
      "生源地须填写省市区（县）三级信息（收到 湖北省洪山区；建议 湖北省武汉市洪山区）",
    );
    // The clean row: no fill, no note, no problem.
    expect([cell("名册", `${P}3`), fill(cell("名册", "J3")), note(cell("名册", "J3"))]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("14.3 a conclusion that does not fit the defense: 答辩结果 filled, its 结业 suggested for 毕业结论 (conclusion.ineligible, 1.2)", async () => {
    const { cell } = await annotated(utf8(toCsv([{ ...goodRow(1), 答辩结果: "未通过", 毕业结论: "毕业" }])));
    expect(fill(cell("名册", "Q2"))).toBe(REPORT_FILLS.error);
    expect(note(cell("名册", "Q2"))).toBe("答辩结果为“未通过”，不能注册为毕业，应注册为结业");
    expect(cell("名册", `${S}2`)?.v).toBe("毕业结论：结业");
  });

  it("14.3 warnings: false (--quiet) leaves a warning's fill, note and line out; the errors stay", async () => {
    const { cell } = await annotated(
      utf8(toCsv([{ ...goodRow(1), 生源地: "湖北省洪山区", 民族: "毛难族" }])),
      {
        warnings: false,
      },
    );
    expect(fill(cell("名册", "D2"))).toBeUndefined();
    expect(note(cell("名册", "D2"))).toBeUndefined();
    expect(cell("名册", `${P}2`)?.v).toBe(
      "错误：生源地须填写省市区（县）三级信息（收到 湖北省洪山区；建议 湖北省武汉市洪山区）（origin.levels）",
    );
  });

  it("12.7 the copy's text cells show control and bidi characters as escapes, keeping line breaks and tabs", async () => {
    const rows = [{ ...goodRow(1), 培养单位: "计算所\u001b[2J\r\n第二行\t\u202e" }];
    const { cell } = await annotated(utf8(toCsv(rows)));
    expect(cell("名册", "H2")?.v).toBe("计算所\\u001b[2J\n第二行\t\\u202e");
  });

  it("14.3 the 汇总 sheet: the batch, the instant (window.closed, 2.1), the counts and the count by code with clause and title", async () => {
    const { rows } = await annotated(utf8(toCsv([{ ...goodRow(1), 照片是否上传: "否" }])), {
      at: "2026-06-01T10:00:00+08:00",
    });
    const summary = rows("汇总").map((r) => r.filter((c) => c !== null));
    expect(summary[1]).toEqual(["检查时刻", "2026-06-01T10:00:00+08:00"]);
    expect(summary.find((r) => r[0] === "开放时间")?.[1]).toMatch(
      /^错误：不在学历注册系统开放时间内.*（window\.closed）$/,
    );
    expect(summary.slice(-3)).toEqual([
      ["代码", "严重程度", "条款", "规则", "数量"],
      ["window.closed", "错误", "2.1", "不在学历注册系统开放时间内", 1],
      ["photo.missing", "错误", "2.1.1.1", "未上传毕业阶段电子照片", 1],
    ]);
  });

  it("14.3 the 照片 sheet, in English: each file, its student and row, its findings; an orphan (photo.orphan, 5.3.3)", async () => {
    const [a, b] = [goodRow(1), goodRow(2)];
    const { rows, cell } = await annotated(utf8(toCsv([a, b])), {
      locale: "en",
      fileNames: [`${a.学号}.jpg`, "201918000009999.jpg"],
    });
    expect(rows("Photos")).toEqual([
      ["File name", "Student number", "Roster row", "Problems"],
      [`${a.学号}.jpg`, a.学号, 2, null],
      [
        "201918000009999.jpg",
        null,
        null,
        "error: The photo's file name matches no student (received 201918000009999.jpg) (photo.orphan)",
      ],
    ]);
    expect(fill(cell("Photos", "D3"))).toBe(REPORT_FILLS.error);
    // b has no file: photo.missing on the roster sheet, in Problems.
    expect(String(cell("Roster", `${P}3`)?.v)).toContain("(photo.missing)");
  });

  it("14.3 a JSON roster's copy gets its headers on row 1: element n on row n + 1", async () => {
    const objects = [goodRow(1), { ...goodRow(2), 照片是否上传: "否" }].map((r) =>
      Object.fromEntries(headers.map((h) => [h, r[h]])),
    );
    const { rows, report } = await annotated(utf8(JSON.stringify(objects)));
    expect(report.students.map((s) => s.row)).toEqual([1, 2]);
    const sheet = rows("名册");
    expect(sheet[0]?.slice(0, 2)).toEqual(["学号", "姓名"]);
    expect(sheet[2]?.[0]).toBe(goodRow(2).学号);
    expect(sheet[2]?.[headers.length]).toBe("错误：未上传毕业阶段电子照片（photo.missing）");
  });

  it("a roster read without copy is a programmer error (XueliError argument.invalid)", async () => {
    const r = await readRoster(utf8(toCsv([goodRow(1)])));
    const roster = r.value as Roster;
    const report = checkRoster(roster, { batch: ucas2022Batch3 });
    expect(() => writeReportXlsx(report, roster)).toThrow(XueliError);
  });
});
