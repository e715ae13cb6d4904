import { describe, expect, it } from "vitest";
import { nested, studentJson } from "../../src/cli/report.js";

describe("the JSON report's row without findings, written by hand (issue 10.8)", () => {
  const cases = [
    { row: 2, studentNumber: "201718000000001", name: "林思远", findings: [] },
    { row: 100000, studentNumber: null, name: null, findings: [] },
    { row: 3, studentNumber: 'a"b\\c', name: "\u001b[2J\u202e张三\u2028", findings: [] },
    { row: 4, studentNumber: "", name: "=1+1", findings: [] },
  ];
  for (const s of cases) {
    it(`is byte-identical to the general path: ${JSON.stringify(s.name)}`, () => {
      expect(studentJson(s)).toBe(nested(s, 2));
      expect(JSON.parse(studentJson(s))).toEqual(s);
    });
  }

  it("leaves a row with findings or other keys to the general path", () => {
    const withKey = { row: 5, studentNumber: "1", name: "x", findings: [], extra: 1 };
    expect(studentJson(withKey)).toBe(nested(withKey, 2));
    expect(studentJson(withKey)).toContain('"extra": 1');
  });
});
