import { describe, expect, it } from "vitest";
import { defaultPhotoLimits } from "../../../src/index.js";
import { dimensionsRule } from "../../../src/photo/rules/dimensions.js";

const expected = { width: 480, height: 640 };
const run = (width: number, height: number, orientation?: number) =>
  dimensionsRule(
    { facts: orientation === undefined ? { width, height } : { width, height, orientation } },
    defaultPhotoLimits,
    { locale: "en" },
  );

describe("dimensionsRule: the stored grid is 480 × 640 and shows so everywhere (5.3.3)", () => {
  it("passes 480 × 640, with no orientation or one that keeps the size (1–4)", () => {
    expect(run(480, 640)).toEqual([]);
    for (const o of [1, 2, 3, 4]) expect(run(480, 640, o)).toEqual([]);
  });

  it("refuses another size with the size received", () => {
    expect(run(360, 480)).toEqual([
      {
        code: "photo.dimensions",
        severity: "error",
        clause: "5.3.3",
        path: [],
        message: "The photo must be 480 × 640 pixels (received 360×480)",
        params: { expected, received: { width: 360, height: 480 } },
      },
    ]);
  });

  it('says "rotated?" for 640 × 480, whatever its orientation tag', () => {
    expect(run(640, 480).map((f) => [f.clause, f.params])).toEqual([
      ["5.3.3", { expected, received: { width: 640, height: 480 }, hint: "rotated" }],
    ]);
    expect(run(640, 480, 8).map((f) => f.params)).toEqual([
      { expected, received: { width: 640, height: 480 }, hint: "rotated", orientation: 8 },
    ]);
  });

  it("refuses a 480 × 640 grid whose orientation (5–8) shows it as 640 × 480 [decision]", () => {
    for (const o of [5, 6, 7, 8]) {
      expect(run(480, 640, o).map((f) => [f.code, f.clause, f.params])).toEqual([
        ["photo.dimensions", "5.3.3", { expected, received: expected, hint: "orientation", orientation: o }],
      ]);
    }
    expect(run(480, 640, 6)[0]?.message).toBe(
      "The photo must be 480 × 640 pixels (its EXIF orientation 6 shows it as 640 × 480: rotate the pixels and drop the tag)",
    );
  });
});
