// Issue 14.2 — this year's batch: `xueli batch init` writes a batch file that `defineBatch` accepts
// (and never overwrites one), `--batch FILE.json` checks against it and names it in the report's
// head, a 批次 column naming another batch gives batch.mismatch (2.1.1.2), a bad batch file is
// exit 2 with findings that speak of the batch, `xueli batch list` shows the presets.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { batches, defineBatch } from "../../../src/index.js";
import { headers } from "../helpers.js";
import { bomCsv, codesOf, goodRow, json, put, scratch, xueli } from "./fixtures.js";

/** This year in Beijing, as `batch init` names its file. */
const YEAR = Number(
  new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
);

let dir = "";
beforeAll(() => {
  dir = scratch();
});

describe("14.2 this year's batch (2.1, 2.1.1.2)", () => {
  it("14.2 batch init writes <year>-1.json that defineBatch accepts, refuses to overwrite it (exit 2), and --out - prints it (2.1)", () => {
    const r = xueli(["batch", "init"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `已生成批次文件 ${YEAR}-1.json：请按通知填写批次编号、开放时间和日期，再运行 xueli check 名册.xlsx --batch ${YEAR}-1.json\n`,
    );
    const text = readFileSync(join(dir, `${YEAR}-1.json`), "utf8");
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual([
      "$comment",
      "id",
      "school",
      "schoolCode",
      "year",
      "sequence",
      "opensAt",
      "closesAt",
      "graduationDate",
      "registrationDate",
      "timeZone",
    ]);
    const batch = defineBatch(data);
    expect(batch.findings).toEqual([]);
    expect(batch.value).toMatchObject({ id: `ucas-${YEAR}-1`, schoolCode: "14430", year: YEAR, sequence: 1 });
    // The note says how to fill it in, in Chinese, and that its dates are placeholders.
    expect(data.$comment).toContain("务必改为本批次的实际日期");

    // A second init never overwrites the file the registrar has filled in.
    writeFileSync(join(dir, `${YEAR}-1.json`), `${text.replace(`"sequence": 1`, `"sequence": 2`)}`);
    const again = xueli(["batch", "init"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(`xueli: ${YEAR}-1.json 已存在，未覆盖：请用 --out 指定另一个文件名\n`);
    expect(JSON.parse(readFileSync(join(dir, `${YEAR}-1.json`), "utf8")).sequence).toBe(2);

    const printed = xueli(["batch", "init", "--out", "-"], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(text);
    const other = xueli(["batch", "init", "--out", "第二批.json", "--lang", "en"], { cwd: dir });
    expect(other.stdout).toBe(
      `Wrote the batch file 第二批.json: fill in the batch's id, window and dates from the notice, then run xueli check roster.xlsx --batch 第二批.json\n`,
    );
    expect(readFileSync(join(dir, "第二批.json"), "utf8").replace(/"\$comment": ".*",/, "")).toBe(
      text.replace(/"\$comment": ".*",/, ""),
    );
  });

  it("14.2 --batch FILE.json: the head names the batch and its file (text), the JSON report carries it (batch.id, 2.1)", () => {
    const file = put(dir, "2026-1.json", JSON.stringify({ ...batchOf(2026), $comment: "已按通知填写" }));
    const roster = put(dir, "名册.csv", bomCsv([goodRow(1), goodRow(2)]));
    const text = xueli(["check", roster, "--batch", file]);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[1]).toBe(
      `批次 ucas-2026-1（批次文件 ${file}），只检查数据（不检查系统开放时间；用 --at 指定时刻）`,
    );
    expect(xueli(["check", roster, "--batch", file, "--lang", "en"]).stdout.split("\n")[1]).toBe(
      `Batch ucas-2026-1 (batch file ${file}), data checks only (not the window; give --at for a moment)`,
    );
    const report = json(xueli(["check", roster, "--batch", file, "--format", "json"]));
    expect(report.batch).toEqual(batchOf(2026));
    // This year's window: inside it, no window.closed (2.1); the 2022 preset's would be closed.
    expect(
      json(xueli(["check", roster, "--batch", file, "--at", "2026-06-01T10:00:00+08:00", "--format", "json"]))
        .window,
    ).toEqual({ at: "2026-06-01T10:00:00+08:00", findings: [] });
  });

  it("14.2 a 批次 column naming another batch gives batch.mismatch (2.1.1.2); the batch's own id or an empty cell does not", () => {
    const file = put(dir, "mismatch.json", JSON.stringify(batchOf(2026)));
    const cols = [...headers, "批次"];
    const roster = put(
      dir,
      "批次列.csv",
      bomCsv(
        [
          { ...goodRow(1), 批次: "ucas-2026-1" },
          { ...goodRow(2), 批次: "" },
          { ...goodRow(3), 批次: "ucas-2025-2" },
        ],
        cols,
      ),
    );
    const r = xueli(["check", roster, "--batch", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(codesOf(report)).toEqual({ 4: ["batch.mismatch"] });
    expect(report.students[2]?.findings[0]).toEqual({
      code: "batch.mismatch",
      severity: "error",
      clause: "2.1.1.2",
      path: ["batchId"],
      message: "学生不在当前批次，不得暂存（应为 ucas-2026-1；收到 ucas-2025-2）",
      params: { expected: "ucas-2026-1", received: "ucas-2025-2" },
    });
    // Cleared as docs/cli.md says: the cell emptied (or set to the batch's id) — or the batch file's id.
    const fixed = put(
      dir,
      "批次列-改.csv",
      bomCsv(
        [
          { ...goodRow(1), 批次: "ucas-2026-1" },
          { ...goodRow(2), 批次: "" },
          { ...goodRow(3), 批次: "" },
        ],
        cols,
      ),
    );
    expect(xueli(["check", fixed, "--batch", file]).code).toBe(0);
  });

  it("14.2 a bad batch file: exit 2, its findings speak of the batch (never of a student), no usage hint (schema.invalid, 2.1)", () => {
    const bad = put(
      dir,
      "坏批次.json",
      JSON.stringify({
        ...batchOf(2026),
        schoolCode: 14430,
        closesAt: "2026-05-01T00:00:00+08:00",
        graduationDate: undefined,
      }),
    );
    const zh = xueli(["check", put(dir, "a.csv", bomCsv([goodRow(1)])), "--batch", bad]);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe("");
    expect(zh.stderr).toBe(
      [
        `xueli: 批次文件 ${bad} 有误：`,
        "  批次的学校代码（schoolCode）缺失或类型不正确（应为文本；收到 数字“14430”）",
        "  批次的毕业日期（graduationDate）缺失或类型不正确（应为文本；收到 空（缺失））",
        "",
      ].join("\n"),
    );
    const en = xueli(["check", join(dir, "a.csv"), "--batch", bad, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      [
        `xueli: The batch file ${bad} is wrong:`,
        "  The batch's schoolCode is missing or has the wrong type (expected text; received a number, 14430)",
        "  The batch's graduationDate is missing or has the wrong type (expected text; received nothing (missing))",
        "",
      ].join("\n"),
    );
    // The window's order, once the fields are right.
    const order = put(
      dir,
      "顺序.json",
      JSON.stringify({ ...batchOf(2026), closesAt: "2026-05-01T00:00:00+08:00" }),
    );
    expect(xueli(["check", join(dir, "a.csv"), "--batch", order]).stderr).toBe(
      `xueli: 批次文件 ${order} 有误：\n  批次的截止时间（closesAt）须晚于开放时间（opensAt）\n`,
    );
    // Not JSON, or JSON that is no batch at all (a list): said of the batch file.
    const list = put(dir, "列表.json", "[1, 2]");
    expect(xueli(["check", join(dir, "a.csv"), "--batch", list]).stderr).toBe(
      `xueli: 批次文件 ${list} 的内容应为一个批次（以 { 开头的 JSON 对象），而不是列表或单个值：请用 xueli batch init 重新生成，再按说明填写\n`,
    );
    const broken = put(dir, "残缺.json", '{ "id": "ucas-2026-1", ');
    expect(xueli(["check", join(dir, "a.csv"), "--batch", broken]).stderr).toBe(
      `xueli: 批次文件 ${broken} 不是有效的 JSON：请用 xueli batch init 重新生成，再按说明填写\n`,
    );
    for (const r of [zh, en]) expect(r.stderr).not.toMatch(/student|学生|--help/);
  });

  it("14.2 batch list shows the presets, aligned, in each language; --format json prints them (2.1)", () => {
    const zh = xueli(["batch", "list"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(
      [
        "批次         学校                  年份-批次  开放时间                                               电子注册日期",
        "ucas-2022-3  中国科学院大学 14430  2022-3     2022-05-18T08:00:00+08:00 – 2022-06-11T00:00:00+08:00  2022-06-10",
        "",
      ].join("\n"),
    );
    expect(xueli(["batch", "list", "--lang", "en"]).stdout.split("\n")[0]).toBe(
      "Batch        School                Year-batch  Window                                                 Registration date",
    );
    expect(JSON.parse(xueli(["batch", "list", "--format", "json"]).stdout)).toEqual(Object.values(batches));
    // `xueli batch` alone or another subcommand: a usage error.
    const none = xueli(["batch"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "xueli: 用法：xueli batch init [--out 文件]（生成本年度批次文件）或 xueli batch list（列出内置的批次）\n运行 xueli --help 查看用法。\n",
    );
    expect(xueli(["batch", "edit"]).stderr).toContain("未知命令：batch edit");
  });
});

/** A batch of `year` as a registrar fills in `xueli batch init`'s file. */
function batchOf(year: number) {
  return {
    id: `ucas-${year}-1`,
    school: "中国科学院大学",
    schoolCode: "14430",
    year,
    sequence: 1,
    opensAt: `${year}-05-18T08:00:00+08:00`,
    closesAt: `${year}-06-11T00:00:00+08:00`,
    graduationDate: `${year}-06-26`,
    registrationDate: `${year}-06-10`,
    timeZone: "Asia/Shanghai",
  };
}
