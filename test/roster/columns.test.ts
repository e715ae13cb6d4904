// The one column mapping (src/roster/columns.ts, map.ts): the status system's headers and values to
// api.md's Student shape, shared by readRoster and the CLI's stream.
import { describe, expect, it } from "vitest";
import { checkStudentRegistration, ucas2022Batch3 } from "../../src/index.js";
import {
  cellValue,
  columnFor,
  readRoster,
  resolveColumns,
  studentFromCells,
} from "../../src/roster/index.js";
import { goodRow, headers, toCsv } from "../cli/helpers.js";

describe("headers and values", () => {
  it("maps the status system's headers and values, leaving unknown values for validateStudent", () => {
    expect(columnFor(" 证件号码* ")?.key).toBe("id.number");
    expect(columnFor("ID.Number")?.key).toBe("id.number");
    expect(columnFor("\uFEFF学号")?.key).toBe("studentNumber");
    expect(columnFor("备注")).toBeUndefined();
    expect(cellValue("boolean", "已复核")).toBe(true);
    expect(cellValue("boolean", "未上传")).toBe(false);
    expect(cellValue("boolean", "也许")).toBe("也许");
    expect(cellValue("boolean", "  ")).toBeUndefined();
    expect(cellValue("sex", "女")).toBe("female");
    expect(cellValue("idType", "港澳居民来往内地通行证")).toBe("hk-macao-permit");
    expect(cellValue("idType", "台湾居民来往大陆通行证")).toBe("taiwan-permit");
    expect(cellValue("idType", "护照")).toBe("passport");
    expect(cellValue("degreeLevel", "博士研究生")).toBe("doctor");
    expect(cellValue("conclusion", "结业")).toBe("completion");
    expect(cellValue("defense", "待答辩")).toBe("pending");
    expect(cellValue("year", "2019级")).toBe(2019);
    expect(cellValue("date", "2022/5/9")).toBe("2022-05-09");
    expect(cellValue("date", "2022年5月20日")).toBe("2022-05-20");
    // A spreadsheet's date: midnight UTC of the day the cell shows.
    expect(cellValue("date", new Date(Date.UTC(2022, 4, 20)))).toBe("2022-05-20");
    expect(cellValue("string", new Date(Date.UTC(2022, 4, 20)))).toBe("2022-05-20");
    // A formula-looking cell is text, never evaluated.
    expect(cellValue("string", "=1+1")).toBe("=1+1");
    // An 18-digit ID typed as a number has lost its last digits: handed on as the number.
    expect(cellValue("string", 110108199602151010)).toBe(110108199602151010);
    expect(cellValue("string", 201918000001001)).toBe("201918000001001");
  });

  it("resolves a header row by position: the first header of a column wins, the others are ignored", () => {
    const cols = resolveColumns(["序号", "学号", "姓名", "学号", "", "备注"]);
    expect(cols.recognised).toEqual([
      { column: 1, header: "学号", key: "studentNumber" },
      { column: 2, header: "姓名", key: "name" },
    ]);
    expect(cols.ignored).toEqual([
      { column: 0, header: "序号" },
      { column: 3, header: "学号" },
      { column: 5, header: "备注" },
    ]);
    expect(cols.missing.map((m) => m.key)).toContain("id.number");
    expect(studentFromCells(7, ["1", "2019E001", "甲", "2019E999", "", "x"], cols)).toEqual({
      kind: "student",
      row: 7,
      input: { studentNumber: "2019E001", name: "甲" },
    });
  });
});

describe("evidence words (3.1.1; issue 11, item 8)", () => {
  it("a bare 本人申请 or 申请 is the student's own application, which does not satisfy 3.1.1", () => {
    expect(cellValue("evidence", "本人申请")).toEqual(["application"]);
    expect(cellValue("evidence", "申请、派出所证明")).toEqual(["application", "police-certificate"]);
    expect(cellValue("evidence", "本人申请（未盖章）")).toEqual(["application"]);
  });

  it("only an application whose wording names the unit's opinion and seal is unit-endorsed", () => {
    for (const words of [
      "培养单位签署意见盖章的申请",
      "培养单位签署意见盖章的本人申请",
      "培养单位盖章的本人申请",
      "本人申请（培养单位签署意见盖章）",
      "本人申请（培养单位签署意见、盖章）",
      "unit-endorsed-application",
    ]) {
      expect(cellValue("evidence", words), words).toEqual(["unit-endorsed-application"]);
    }
    expect(cellValue("evidence", "本人申请（培养单位签署意见盖章）；派出所证明 户口页")).toEqual([
      "unit-endorsed-application",
      "police-certificate",
      "household-page-scan",
    ]);
  });

  it("a name change evidenced by a bare application is refused with what is missing (3.1.1)", async () => {
    const cols = [...headers, "曾用名", "改名日期", "改名材料"];
    const row = (evidence: string, i: number) => ({
      ...goodRow(i),
      曾用名: "测试旧名",
      改名日期: "2020-03-01",
      改名材料: evidence,
    });
    const r = await readRoster(
      new TextEncoder().encode(
        toCsv([row("本人申请、派出所证明", 1), row("培养单位盖章的本人申请、派出所证明", 2)], cols),
      ),
    );
    const [bare, sealed] = r.value?.students ?? [];
    const check = (s: typeof bare) => checkStudentRegistration(s?.input, { batch: ucas2022Batch3 }).findings;
    expect(check(sealed)).toEqual([]);
    const refusal = check(bare);
    expect(refusal.map((f) => [f.code, f.clause])).toEqual([["name-change.evidence", "3.1.1"]]);
    expect(refusal[0]?.params).toMatchObject({ received: ["application", "police-certificate"] });
    const input = bare?.input as { changes: { name: { evidence: string[] } } } | undefined;
    expect(input?.changes.name.evidence).toEqual(["application", "police-certificate"]);
  });
});

describe("passport holders (3.1; issue 11): 民族 and 生源地 may be empty", () => {
  it("leaves an empty 民族 or 生源地 out of the input, so the core decides", async () => {
    const passport = { ...goodRow(1), 证件类型: "护照", 证件号码: "E12345678", 民族: "", 生源地: "" };
    const r = await readRoster(new TextEncoder().encode(toCsv([passport])));
    const input = r.value?.students[0]?.input as Record<string, unknown>;
    expect(input.ethnicity).toBeUndefined();
    expect(input.id).toEqual({ type: "passport", number: "E12345678" });
    expect(input.origin).toEqual({ reviewed: true });
  });
});
