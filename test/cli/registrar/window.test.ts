// Issue 14.1 — data checks by default: without --at the window (2.1) is not checked at all; with
// --at it is checked once for the run and reported once, in the summary, never on a row; --example
// keeps its fixed instant inside the window. Over the generated registrar workbook (header on row 3).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { allFindings, fillOf, four, json, put, readBook, registrarBook, scratch, xueli } from "./fixtures.js";

let dir = "";
let book = "";
beforeAll(() => {
  dir = scratch();
  book = put(dir, "名册.xlsx", registrarBook({ rows: four() }));
});

/** An instant long after the 2022 third batch closed: this year's registration season. */
const TODAY = "2026-06-01T10:00:00+08:00";

describe("14.1 data checks by default (2.1)", () => {
  it("14.1 without --at: no window.closed anywhere (text, JSON, CSV, workbook), the header says data only, exit 0", () => {
    const text = xueli(["check", book]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain("window.closed");
    expect(text.stdout.split("\n").slice(0, 2)).toEqual([
      `xueli check ${book}`,
      "批次 ucas-2022-3，只检查数据（不检查系统开放时间；用 --at 指定时刻）",
    ]);
    expect(xueli(["check", book, "--lang", "en"]).stdout.split("\n")[1]).toBe(
      "Batch ucas-2022-3, data checks only (not the window; give --at for a moment)",
    );

    const report = json(xueli(["check", book, "--format", "json"]));
    expect(report.window).toBeUndefined();
    expect(allFindings(report)).toEqual([]);
    expect(report.summary).toMatchObject({ students: 4, errors: 0, warnings: 0, byCode: {} });

    const csv = xueli(["check", book, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe("\uFEFF行,学号,姓名,字段,代码,严重程度,条款,说明,建议\r\n");

    const out = `${dir}/data-only.xlsx`;
    expect(xueli(["check", book, "--output", out]).code).toBe(0);
    const summary = readBook(readFileSync(out)).rows("汇总");
    expect(summary[1]).toEqual(["检查时刻", "只检查数据（未检查系统开放时间）", null, null, null]);
  });

  it("14.1 with --at outside the window: window.closed (2.1) once — in the summary, on no row — and exit 1", () => {
    const r = xueli(["check", book, "--at", TODAY]);
    expect(r.code).toBe(1);
    const line =
      "  ✗ 错误 window.closed: 不在学历注册系统开放时间内（开放时间 2022-05-18T08:00:00+08:00 至 2022-06-11T00:00:00+08:00，不含结束时刻；收到 2026-06-01T10:00:00+08:00） (条款 2.1)";
    expect(r.stdout.split("\n").filter((l) => l.includes("window.closed:"))).toEqual([line]);
    expect(r.stdout.trimEnd().split("\n").slice(-8)).toEqual([
      "汇总",
      "读取 10 行；检查学生 4 名；检查照片 0 张",
      line,
      "读取工作表“名册”（第 2 个，共 2 个；用 --sheet 指定其他工作表）",
      "已跳过表尾 3 行（制表人、审核人、合计、备注、日期等）：第 8、9、10 行",
      "错误 1 项；警告 0 项",
      "按代码统计：",
      "  window.closed  1",
    ]);
    expect(r.stdout.split("\n")[1]).toBe(`批次 ucas-2022-3，检查时刻 ${TODAY}`);

    const report = json(xueli(["check", book, "--at", TODAY, "--format", "json"]));
    expect(report.window).toEqual({
      at: TODAY,
      findings: [
        expect.objectContaining({
          code: "window.closed",
          severity: "error",
          clause: "2.1",
          path: [],
          params: {
            received: TODAY,
            opensAt: "2022-05-18T08:00:00+08:00",
            closesAt: "2022-06-11T00:00:00+08:00",
          },
        }),
      ],
    });
    expect(report.students.map((s) => s.findings)).toEqual([[], [], [], []]);
    expect(report.summary).toMatchObject({ errors: 1, byCode: { "window.closed": 1 } });

    // The CSV: one line, about no row; the workbook: on the summary sheet, no cell of the roster filled.
    const csv = xueli(["check", book, "--at", TODAY, "--format", "csv"]).stdout.split("\r\n");
    expect(csv.filter((l) => l.includes("window.closed"))).toEqual([
      ",,,,window.closed,错误,2.1,不在学历注册系统开放时间内（开放时间 2022-05-18T08:00:00+08:00 至 2022-06-11T00:00:00+08:00，不含结束时刻；收到 2026-06-01T10:00:00+08:00）,",
    ]);
    const out = `${dir}/closed.xlsx`;
    expect(xueli(["check", book, "--at", TODAY, "--output", out]).code).toBe(1);
    const read = readBook(readFileSync(out));
    expect(read.rows("汇总").filter((r) => r[0] === "开放时间")).toEqual([
      [
        "开放时间",
        "错误：不在学历注册系统开放时间内（开放时间 2022-05-18T08:00:00+08:00 至 2022-06-11T00:00:00+08:00，不含结束时刻；收到 2026-06-01T10:00:00+08:00）（window.closed）",
        null,
        null,
        null,
      ],
    ]);
    expect(read.cells().filter((c) => c.sheet === "名册" && fillOf(c.cell) === "FFC7CE")).toEqual([]);
  });

  it("14.1 with --at inside the window: the window is checked and passes (2.1), exit 0", () => {
    const r = json(xueli(["check", book, "--at", "2022-06-10T23:59:59+08:00", "--format", "json"]));
    expect(r.window).toEqual({ at: "2022-06-10T23:59:59+08:00", findings: [] });
    expect(r.summary.errors).toBe(0);
  });

  it("14.1 --example keeps its instant inside the window: its report is unchanged (test/cli/example-report.json, 2.1)", () => {
    const r = xueli(["check", "--example", "--format", "json"]);
    expect(r.code).toBe(1);
    // The pinned file holds, per student, the codes and paths, and the counts (as example.test.ts makes it).
    const report = json(r);
    const codes = (list: { code: string; path: (string | number)[] }[]) =>
      list.map((f) => `${f.code} ${f.path.join(".")}`.trimEnd());
    expect({
      batch: report.batch.id,
      summary: report.summary,
      students: report.students.map((s) => ({
        row: s.row,
        studentNumber: s.studentNumber,
        findings: codes(s.findings),
      })),
      photos: codes(report.photos?.findings ?? []),
    }).toEqual(JSON.parse(readFileSync(new URL("../example-report.json", import.meta.url), "utf8")));
    expect(json(r).window).toEqual({ at: "2022-06-01T10:00:00+08:00", findings: [] });
    expect(xueli(["check", "--example"]).stdout.split("\n")[1]).toBe(
      "批次 ucas-2022-3，检查时刻 2022-06-01T10:00:00+08:00",
    );
  });
});
