import { describe, expect, it } from "vitest";
import { defaultPhotoLimits } from "../../../src/index.js";
import { colorDepthRule } from "../../../src/photo/rules/color-depth.js";

const expected = { components: 3, bitsPerSample: 8 };

describe("colorDepthRule: 24-bit true colour, 3 × 8 bits (5.3.3)", () => {
  it("passes YCbCr and RGB at 3 × 8 bits", () => {
    for (const colorModel of ["ycbcr", "rgb"] as const) {
      expect(
        colorDepthRule({ facts: { components: 3, bitsPerSample: 8, colorModel } }, defaultPhotoLimits),
      ).toEqual([]);
    }
  });

  it("refuses grayscale, CMYK and 12-bit samples, naming what it found", () => {
    const cases = [
      [1, 8, "grayscale"],
      [4, 8, "cmyk"],
      [4, 8, "ycck"],
      [3, 12, "ycbcr"],
    ] as const;
    for (const [components, bitsPerSample, colorModel] of cases) {
      const found = colorDepthRule({ facts: { components, bitsPerSample, colorModel } }, defaultPhotoLimits);
      expect(found.map((f) => [f.code, f.severity, f.clause, f.params])).toEqual([
        [
          "photo.color-depth",
          "error",
          "5.3.3",
          { expected, received: { components, bitsPerSample }, colorModel },
        ],
      ]);
    }
  });

  it("says it in both locales", () => {
    const facts = { components: 1, bitsPerSample: 8, colorModel: "grayscale" as const };
    expect(colorDepthRule({ facts }, defaultPhotoLimits)[0]?.message).toBe(
      "照片须为 24 位真彩色（3 个通道 × 8 位；收到 1 个通道 × 8 位，灰度）",
    );
    expect(colorDepthRule({ facts }, defaultPhotoLimits, { locale: "en" })[0]?.message).toBe(
      "The photo must be 24-bit true colour (3 channels × 8 bits; received 1 × 8 bits, grayscale)",
    );
  });
});
