import { describe, expect, it } from "vitest";
import { defaultPhotoLimits } from "../../../src/index.js";
import { densityRule } from "../../../src/photo/rules/density.js";

describe("densityRule: at least 300 dpi (5.3.3)", () => {
  it("passes 300 dpi and more, from any source", () => {
    expect(densityRule({ facts: { dpi: 300, dpiSource: "jfif" } }, defaultPhotoLimits)).toEqual([]);
    expect(densityRule({ facts: { dpi: 600, dpiSource: "exif" } }, defaultPhotoLimits)).toEqual([]);
  });

  it("refuses 299 dpi with the density and its source", () => {
    expect(densityRule({ facts: { dpi: 299, dpiSource: "jfif+exif" } }, defaultPhotoLimits)).toEqual([
      {
        code: "photo.dpi",
        severity: "error",
        clause: "5.3.3",
        path: [],
        message: "照片分辨率须至少 300 dpi（收到 299 dpi）",
        params: { expected: 300, received: 299, source: "jfif+exif" },
      },
    ]);
  });

  it("refuses a photo that records no density, saying so", () => {
    const [f] = densityRule({ facts: {} }, defaultPhotoLimits, { locale: "en" });
    expect([f?.code, f?.clause, f?.params, f?.message]).toEqual([
      "photo.dpi",
      "5.3.3",
      { expected: 300, received: null, source: null },
      "The photo records no density (JFIF or EXIF); it must be at least 300 dpi",
    ]);
  });

  it("takes the lowest density from the limits", () => {
    expect(densityRule({ facts: { dpi: 200, dpiSource: "jfif" } }, { minDpi: 150 })).toEqual([]);
    expect(densityRule({ facts: { dpi: 200, dpiSource: "jfif" } }, { minDpi: 350 })[0]?.params).toEqual({
      expected: 350,
      received: 200,
      source: "jfif",
    });
  });
});
