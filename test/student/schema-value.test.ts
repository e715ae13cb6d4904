import { describe, expect, it } from "vitest";
import { formatFinding, validateStudent } from "../../src/index.js";
import { makeStudent } from "../registration/fixtures.js";

describe("schema.invalid shows what was received for a wrong type (3.1, issue 14.4)", () => {
  it("a year written in words: the type and the text, in both locales", () => {
    const r = validateStudent({ ...makeStudent(), admissionYear: "二〇一九" });
    const f = r.findings.find((x) => x.code === "schema.invalid");
    expect(f?.path).toEqual(["admissionYear"]);
    expect(f?.clause).toBe("3.1");
    expect(f?.params).toEqual({
      issue: "invalid_type",
      expected: "number",
      received: "string",
      value: "二〇一九",
    });
    expect(f?.message).toBe("入学年度缺失或类型不正确（应为数字；收到 文本“二〇一九”）");
    expect(f && formatFinding(f, { locale: "en" })).toBe(
      'Admission year is missing or has the wrong type (expected a number; received text, "二〇一九")',
    );
  });

  it("a field left out keeps saying so, with no value", () => {
    const { studentNumber: _, ...rest } = makeStudent();
    const f = validateStudent(rest).findings.find((x) => x.code === "schema.invalid");
    expect(f?.params).toEqual({ issue: "invalid_type", expected: "string", received: "undefined" });
    expect(f?.message).toBe("学号缺失或类型不正确（应为文本；收到 空（缺失））");
  });
});
