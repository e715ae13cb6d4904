import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import {
  type Student,
  standard,
  toStandardSchema,
  ucas2022Batch3,
  validateIdNumber,
  validateName,
} from "../../src/index.js";
import { checkChar, makeResidentId } from "../helpers/ids.js";
import { makeStudent } from "../registration/fixtures.js";

/*
 * Standard Schema v1 (issue 13.4): the validators as `~standard` schemas, seen by a consumer that
 * knows only the spec — what react-hook-form's resolver, TanStack Form or a tRPC input does.
 */

/** A form library's field check, written against the spec alone: errors by dotted path. */
function check<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  locale?: string,
): { ok: true; value: StandardSchemaV1.InferOutput<S> } | { ok: false; errors: Record<string, string[]> } {
  const r = schema["~standard"].validate(
    value,
    locale === undefined ? undefined : { libraryOptions: { locale } },
  );
  if (r instanceof Promise) throw new Error("the consumer wants a synchronous schema");
  if (r.issues === undefined) return { ok: true, value: r.value as StandardSchemaV1.InferOutput<S> };
  const errors: Record<string, string[]> = {};
  for (const issue of r.issues) {
    const key = (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return { ok: false, errors };
}

/** A generated resident number with its check character replaced by a wrong one. */
function wrongCheck(): { id: string; expected: string; received: string } {
  const id = makeResidentId({ birth: "19980512" });
  const expected = checkChar(id.slice(0, 17));
  const received = expected === "1" ? "2" : "1";
  return { id: id.slice(0, 17) + received, expected, received };
}

describe("standard.idNumber: an ID number field (3.1, GB 11643-1999)", () => {
  it("is a synchronous Standard Schema v1 of this package", () => {
    expect(standard.idNumber["~standard"].version).toBe(1);
    expect(standard.idNumber["~standard"].vendor).toBe("xueli-zhuce");
    expect(standard.idNumber["~standard"].validate("x")).not.toBeInstanceOf(Promise);
  });

  it("gives the normalized number for a valid one (full-width digits folded, x → X)", () => {
    const id = makeResidentId({ birth: "19980512", seq: 168, sex: "female" });
    const typed = `${id.slice(0, 17).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}${id[17]?.toLowerCase()}`;
    expect(check(standard.idNumber, typed)).toEqual({ ok: true, value: id });
  });

  it("shows a wrong check character in the form's language, not zod's English (3.1 id.checksum)", () => {
    const { id, expected, received } = wrongCheck();
    expect(check(standard.idNumber, id)).toEqual({
      ok: false,
      errors: { "": [`身份证号码校验码不正确（应为 ${expected}；收到 ${received}）`] },
    });
    expect(check(standard.idNumber, id, "en")).toEqual({
      ok: false,
      errors: {
        "": [`The ID number's check character is wrong (expected ${expected}; received ${received})`],
      },
    });
  });

  it("carries the finding's code, clause and params on each issue", () => {
    const { id, expected, received } = wrongCheck();
    const r = standard.idNumber["~standard"].validate(id);
    expect(r.issues).toEqual([
      {
        code: "id.checksum",
        severity: "error",
        clause: "3.1",
        path: [],
        params: { expected, received },
        message: `身份证号码校验码不正确（应为 ${expected}；收到 ${received}）`,
      },
    ]);
  });

  it("never throws on what a form may hold: a number, null, an object are id.format issues (3.1)", () => {
    for (const v of [42, null, undefined, {}, ["1"]]) {
      const r = standard.idNumber["~standard"].validate(v);
      expect(r.issues?.map((i) => [i.code, i.clause])).toEqual([["id.format", "3.1"]]);
    }
  });
});

describe("standard.name and standard.origin: the other fields (3.1, 3.3)", () => {
  it("a name with extra spaces is a success with the normalized name: warnings do not fail (3.1 name.whitespace)", () => {
    expect(validateName(" 测试甲 ").findings.map((f) => f.code)).toEqual(["name.whitespace"]);
    expect(check(standard.name, " 测试甲 ")).toEqual({ ok: true, value: "测试甲" });
  });

  it("an empty name fails with name.empty (3.1)", () => {
    const r = standard.name["~standard"].validate("");
    expect(r.issues?.map((i) => [i.code, i.clause, i.message])).toEqual([["name.empty", "3.1", "姓名为空"]]);
  });

  it("an origin with two levels fails with origin.levels and its suggestion (3.3)", () => {
    const r = standard.origin["~standard"].validate("河北省正定县");
    expect(r.issues).toEqual([
      {
        code: "origin.levels",
        severity: "error",
        clause: "3.3",
        path: [],
        params: { received: "河北省正定县", suggestion: "河北省石家庄市正定县" },
        message: "生源地须填写省市区（县）三级信息（收到 河北省正定县；建议 河北省石家庄市正定县）",
      },
    ]);
    expect(check(standard.origin, "河北省石家庄市正定县")).toEqual({
      ok: true,
      value: "河北省石家庄市正定县",
    });
  });
});

describe("standard.student: a student record (3.1)", () => {
  it("gives the parsed Student, defaults filled in", () => {
    const s = makeStudent();
    const r = check(standard.student, s);
    expect(r.ok).toBe(true);
    const value = (r as { value: Student }).value;
    expect(value.studentNumber).toBe(s.studentNumber);
    expect(value.study.withinMaxStudyPeriod).toBe(true);
  });

  it("reports each error at its path in the record: id.checksum at id.number (3.1)", () => {
    const { id, expected, received } = wrongCheck();
    const r = check(standard.student, makeStudent({ id: { type: "resident", number: id } }), "en");
    expect(r).toEqual({
      ok: false,
      errors: {
        "id.number": [
          `The ID number's check character is wrong (expected ${expected}; received ${received})`,
        ],
      },
    });
  });

  it("reports a missing field as schema.invalid at its path, in the locale's words (3.1)", () => {
    const { studentNumber: _, ...rest } = makeStudent();
    const r = standard.student["~standard"].validate(rest);
    expect(r.issues?.map((i) => [i.code, i.path, i.message])).toEqual([
      ["schema.invalid", ["studentNumber"], "学号缺失或类型不正确（应为文本；收到 空（缺失））"],
    ]);
  });
});

describe("toStandardSchema: any validator, its options, what it gives", () => {
  it("passes the validator's options (a batch's date for the age rule: 14 on 2022-06-10, 3.1)", () => {
    // Born 2008-06-11: 13 on the batch's registration date.
    const id = makeResidentId({ birth: "20080611" });
    const schema = toStandardSchema(validateIdNumber, {
      asOf: ucas2022Batch3.registrationDate,
      locale: "en",
    });
    const r = schema["~standard"].validate(id);
    expect(r.issues?.map((i) => [i.code, i.params])).toEqual([
      ["id.birth-date", { reason: "too-young", received: "2008-06-11", minAge: 14 }],
    ]);
    expect(r.issues?.[0]?.message).toMatch(
      /^The birth date 2008-06-11 in the ID number makes the holder younger than 14/,
    );
  });

  it("gives the validator's value without `output` (the ID number's facts)", () => {
    const id = makeResidentId({ birth: "19980512", sex: "female" });
    const r = toStandardSchema(validateIdNumber)["~standard"].validate(id);
    expect(r).toEqual({
      value: {
        type: "resident",
        normalized: id,
        birthDate: "1998-05-12",
        sex: "female",
        regionCode: "110105",
      },
    });
  });

  it("libraryOptions.locale overrides the schema's own locale per call", () => {
    const schema = toStandardSchema(validateName, { locale: "en" });
    expect(schema["~standard"].validate("")).toEqual({
      issues: [expect.objectContaining({ message: "The name is empty" })],
    });
    expect(schema["~standard"].validate("", { libraryOptions: { locale: "zh-CN" } })).toEqual({
      issues: [expect.objectContaining({ message: "姓名为空" })],
    });
  });
});
