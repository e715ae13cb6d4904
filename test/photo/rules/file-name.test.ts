import { describe, expect, it } from "vitest";
import { fileNameRule } from "../../../src/photo/rules/file-name.js";

const ID = "110108200001011237"; // generated: 北京市海淀区, 2000-01-01, valid check character
const student = { studentNumber: "2019E8012345678", id: { number: ID } };

describe("fileNameRule: named by ID number or student number and nothing else (5.3.3)", () => {
  it("passes either identifier with .jpg or .jpeg in any case", () => {
    for (const name of [`${ID}.jpg`, `${ID}.JPEG`, "2019E8012345678.jpg", "2019e8012345678.Jpg"]) {
      expect([name, fileNameRule(name, student)]).toEqual([name, []]);
      expect([name, fileNameRule(name)]).toEqual([name, []]);
    }
  });

  it("refuses a person's name, pathed at fileName", () => {
    expect(fileNameRule("张三.jpg", undefined, { locale: "en" })).toEqual([
      {
        code: "photo.file-name",
        severity: "error",
        clause: "5.3.3",
        path: ["fileName"],
        message:
          "The photo must be named by ID number or student number and nothing else (received 张三.jpg)",
        params: { received: "张三.jpg", reason: "stem", expected: [] },
      },
    ]);
  });

  it("suggests the right name for a copy suffix, a name added, another extension", () => {
    expect(fileNameRule(`${ID} (1).jpg`).map((f) => [f.clause, f.params])).toEqual([
      ["5.3.3", { received: `${ID} (1).jpg`, reason: "stem", expected: [], suggestion: `${ID}.jpg` }],
    ]);
    expect(fileNameRule(`张三${ID}.jpg`)[0]?.params.suggestion).toBe(`${ID}.jpg`);
    expect(fileNameRule(`${ID}.png`)[0]?.params).toEqual({
      received: `${ID}.png`,
      reason: "extension",
      expected: [],
      suggestion: `${ID}.jpg`,
    });
  });

  it("with a student, names the two names the file may have", () => {
    expect(fileNameRule("2019E8000000001.jpg", student)[0]?.params).toEqual({
      received: "2019E8000000001.jpg",
      reason: "student",
      expected: [`${ID}.jpg`, "2019E8012345678.jpg"],
      suggestion: "2019E8012345678.jpg",
    });
  });

  it("refuses a name that is not a string, giving its type", () => {
    expect(fileNameRule(42)[0]?.params).toEqual({ received: "number", reason: "stem", expected: [] });
  });
});
