import { describe, expect, it } from "vitest";
import { validateIdNumber } from "../../src/index.js";

// The README's example, kept true.
describe("README example", () => {
  it("normalizes a lower-case x and gives the facts of a generated ID number", () => {
    expect(validateIdNumber("11010819980512168x")).toEqual({
      ok: true,
      value: {
        type: "resident",
        normalized: "11010819980512168X",
        birthDate: "1998-05-12",
        sex: "female",
        regionCode: "110108",
      },
      findings: [],
    });
  });

  it("refuses a wrong check character with id.checksum (3.1) in English", () => {
    const r = validateIdNumber("110108199805121681", { locale: "en" });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        code: "id.checksum",
        severity: "error",
        clause: "3.1",
        path: [],
        message: "The ID number's check character is wrong (expected X; received 1)",
        params: { expected: "X", received: "1" },
      },
    ]);
  });
});
