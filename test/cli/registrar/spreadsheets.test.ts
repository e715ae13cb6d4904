// Issue 14.5 — spreadsheets as they come: the sheet chosen (`--sheet NAME|N`, else the first whose
// header matches, named), the header anywhere in the first 30 rows (the documented limit: row 30 is
// read, row 31 is not), footer lines skipped and named once, a roster with only some columns
// checked for the rules they allow (the others listed), `--strict-columns`, and no students → exit 2.
import { beforeAll, describe, expect, it } from "vitest";
import { withWrongCheck } from "../../../scripts/roster-fixtures.mjs";
import { rulesByColumn } from "../../../src/roster/index.js";
import {
  bomCsv,
  cellsOf,
  codesOf,
  csvText,
  FOOTER,
  four,
  gb,
  goodRow,
  headers,
  json,
  put,
  registrarBook,
  scratch,
  workbook,
  xueli,
} from "./fixtures.js";

let dir = "";
beforeAll(() => {
  dir = scratch();
});

describe("14.5 spreadsheets as they come (3.1)", () => {
  it("14.5 the first sheet whose header matches is read and named; --sheet NAME and --sheet N choose another; a sheet not there is exit 2 (roster.sheet-missing, 3.1)", () => {
    const late = { ...goodRow(5), 照片是否上传: "否" };
    const file = put(
      dir,
      "三个工作表.xlsx",
      registrarBook({ rows: four(), more: { 补报: [[...headers], cellsOf(late)] } }),
    );
    // Without --sheet: 填表说明 has no header, 名册 (the second) is read and named in the summary.
    const first = xueli(["check", file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("\n读取工作表“名册”（第 2 个，共 3 个；用 --sheet 指定其他工作表）\n");
    expect(json(xueli(["check", file, "--format", "json"])).summary.sheet).toEqual({
      name: "名册",
      index: 2,
      count: 3,
    });

    const byName = xueli(["check", file, "--sheet", "补报", "--format", "json"]);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toBe("xueli: 读取工作表“补报”（第 3 个，共 3 个；用 --sheet 指定其他工作表）\n");
    expect(codesOf(json(byName))).toEqual({ 2: ["photo.missing"] });
    const byPosition = xueli(["check", file, "--sheet", "3", "--format", "json"]);
    expect(json(byPosition)).toEqual(json(byName));
    // --sheet 2 is the second sheet: the same as the default here.
    const second = json(xueli(["check", file, "--sheet", "2", "--format", "json"]));
    expect(second.summary.sheet).toEqual({ name: "名册", index: 2, count: 3 });
    expect(second.students.map((s) => s.row)).toEqual([4, 5, 6, 7]);

    const missing = xueli(["check", file, "--sheet", "名单"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe(
      "xueli: 工作簿中没有名为“名单”的工作表（共 3 个：“填表说明”、“名册”、“补报”）\n",
    );
    expect(xueli(["check", file, "--sheet", "1"]).stderr).toBe(
      "xueli: 名册前 30 行中没有表头行（表头应列出学号、姓名、证件号码等列名）\n",
    );
  });

  it("14.5 the header is found on row 30 and not on row 31: the documented limit is the first 30 rows (roster.no-header, 3.1)", () => {
    const book = (before: number) =>
      put(
        dir,
        `表头在第${before + 1}行.xlsx`,
        workbook({
          填表说明: [["填表说明"]],
          名册: [
            ...Array.from({ length: before }, (_, i) => [`说明 ${i + 1}：请勿修改表头`]),
            [...headers],
            cellsOf(goodRow(1)),
            cellsOf({ ...goodRow(2), 照片是否上传: "否" }),
          ],
        }),
      );
    const row30 = xueli(["check", book(29), "--format", "json"]);
    expect(row30.code).toBe(1);
    expect(codesOf(json(row30))).toEqual({ 32: ["photo.missing"] });
    expect(json(row30).students.map((s) => s.row)).toEqual([31, 32]);

    const row31 = xueli(["check", book(30)]);
    expect(row31.code).toBe(2);
    expect(row31.stdout).toBe("");
    expect(row31.stderr).toBe("xueli: 名册前 30 行中没有表头行（表头应列出学号、姓名、证件号码等列名）\n");
    // The same limit in a CSV (GB18030, as Excel in China saves it).
    const csv = (before: number) =>
      put(
        dir,
        `表头在第${before + 1}行.csv`,
        gb(
          Array.from({ length: before }, (_, i) => `说明 ${i + 1}：请勿修改表头\r\n`).join("") +
            csvText([goodRow(1)]),
        ),
      );
    expect(xueli(["check", csv(29), "--format", "json"]).code).toBe(0);
    expect(xueli(["check", csv(30), "--lang", "en"]).stderr).toBe(
      "xueli: No header row in the roster's first 30 rows (a header names the columns: 学号, 姓名, 证件号码 …)\n",
    );
  });

  it("14.5 footer lines (制表人, 审核人, 合计, a date) are skipped and named once in the summary, not read as students (3.1)", () => {
    const file = put(dir, "表尾.xlsx", registrarBook({ rows: four() }));
    const r = xueli(["check", file]);
    expect(r.code).toBe(0);
    const named = "已跳过表尾 3 行（制表人、审核人、合计、备注、日期等）：第 8、9、10 行";
    expect(r.stdout.split("\n").filter((l) => l.includes("跳过表尾"))).toEqual([named]);
    expect(r.stdout).toContain("读取 10 行；检查学生 4 名；检查照片 0 张");
    expect(r.stderr).toBe("");
    const report = json(xueli(["check", file, "--format", "json"]));
    expect(report.summary.footer).toEqual({ count: 3, rows: [8, 9, 10] });
    expect(report.students.map((s) => s.row)).toEqual([4, 5, 6, 7]);
    expect(FOOTER).toHaveLength(3);
  });

  it("14.5 a roster with only 学号, 姓名, 证件号码, 生源地 is checked for the rules those columns allow; the skipped rules are listed (3.1, 3.3)", () => {
    const cols = ["学号", "姓名", "证件号码", "生源地"];
    const a = goodRow(1);
    const b = goodRow(2);
    const file = put(
      dir,
      "部分列.csv",
      bomCsv(
        [{ ...a, 证件号码: withWrongCheck(a.证件号码) }, { ...b, 生源地: "湖北省洪山区" }, goodRow(3)],
        cols,
      ),
    );
    const r = xueli(["check", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(codesOf(report)).toEqual({ 2: ["id.checksum"], 3: ["origin.levels"] });
    const lacking = headers.filter(
      (h) => !cols.includes(h) && !["证件类型", "毕业结论", "答辩日期"].includes(h),
    );
    expect(report.summary.skipped.map((k) => k.header)).toEqual(lacking);
    for (const k of report.summary.skipped) expect(k.codes, k.key).toEqual(rulesByColumn[k.key]);
    expect(report.summary.skipped.find((k) => k.header === "照片是否上传")?.codes).toEqual(["photo.missing"]);

    const text = xueli(["check", file]);
    expect(text.stdout).toContain(
      `\n名册缺少以下列，未检查依赖它们的规则：${lacking.join("、")}\n  跳过的规则：id.sex-mismatch、ethnicity.empty、ethnicity.unknown、ethnicity.renamed、origin.not-reviewed、photo.missing、study.incomplete、conclusion.ineligible\n`,
    );

    const strict = xueli(["check", file, "--strict-columns"]);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toBe(
      `xueli: 名册缺少必需的列：${lacking.join("、")}（表头在第 1 行，列名见 docs/roster.md）\n`,
    );
  });

  it("14.5 a roster with no students exits 2 (roster.empty, 3.1): a header and footer lines only, in a workbook and a CSV", () => {
    const book = put(dir, "无学生.xlsx", registrarBook({ rows: [] }));
    const r = xueli(["check", book]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("xueli: 名册中没有学生：表头（第 3 行）之后没有数据行\n");
    const csv = xueli(["check", put(dir, "无学生.csv", bomCsv([])), "--format", "json"]);
    expect(csv.code).toBe(2);
    expect(csv.stdout).toBe("");
    expect(csv.stderr).toBe("xueli: 名册中没有学生：表头（第 1 行）之后没有数据行\n");
  });
});
