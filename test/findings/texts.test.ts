import { describe, expect, it } from "vitest";
import { finding, findingCodes, findingIn, idTexts, locales } from "../../src/findings/index.js";

// The ID number's texts live apart (src/findings/locales/id.ts) so that a bundle checking only ID
// numbers carries them alone (issue 13.2); the two tables spread them in. They must stay the same
// texts: one source, and a finding made from either is the same finding.
describe("the ID codes' own texts (3.1)", () => {
  const idCodes = findingCodes.filter((c) => c.startsWith("id."));

  it("hold every id.* code of the catalogue, in both locales", () => {
    expect(Object.keys(idTexts["zh-CN"]).sort()).toEqual([...idCodes].sort());
    expect(Object.keys(idTexts.en).sort()).toEqual([...idCodes].sort());
  });

  it("are the very texts of the zh-CN and en tables (no second copy that could drift)", () => {
    for (const code of idCodes) {
      expect(locales["zh-CN"][code], code).toBe(idTexts["zh-CN"][code as keyof (typeof idTexts)["zh-CN"]]);
      expect(locales.en[code], code).toBe(idTexts.en[code as keyof (typeof idTexts)["en"]]);
    }
  });

  it("findingIn takes only the codes its texts hold (a name code with the ID texts does not compile)", () => {
    // @ts-expect-error -- idTexts has no name.empty
    expect(() => findingIn(idTexts, "name.empty", [])).toThrow(TypeError);
  });

  it("findingIn(idTexts, …) gives what finding(…) gives, message and all", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      expect(
        findingIn(idTexts, "id.checksum", ["id", "number"], { expected: "X", received: "1" }, { locale }),
      ).toEqual(finding("id.checksum", ["id", "number"], { expected: "X", received: "1" }, { locale }));
      expect(
        findingIn(idTexts, "id.birth-date", [], { received: "2030-01-01", reason: "future" }, { locale }),
      ).toEqual(finding("id.birth-date", [], { received: "2030-01-01", reason: "future" }, { locale }));
    }
    expect(findingIn(idTexts, "id.checksum", [], { expected: "X", received: "1" }).message).toBe(
      "身份证号码校验码不正确（应为 X；收到 1）",
    );
  });
});
