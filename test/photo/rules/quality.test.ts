import { describe, expect, it } from "vitest";
import { defaultPhotoLimits } from "../../../src/index.js";
import { qualityRule } from "../../../src/photo/rules/quality.js";

describe("qualityRule: JPEG quality ≥ 60, a warning (5.3.3, 教毕指〔2017〕99号)", () => {
  it("passes 60 and above", () => {
    for (const quality of [60, 61, 85, 100])
      expect(qualityRule({ facts: { quality } }, defaultPhotoLimits)).toEqual([]);
  });

  it("warns at 59 with the estimate", () => {
    expect(qualityRule({ facts: { quality: 59 } }, defaultPhotoLimits, { locale: "en" })).toEqual([
      {
        code: "photo.quality",
        severity: "warning",
        clause: "5.3.3",
        path: [],
        message: "The photo's JPEG quality is below 60 (expected ≥ 60; received 59)",
        params: { expected: 60, received: 59 },
      },
    ]);
  });

  it("takes the threshold from the limits, and says nothing without an estimate", () => {
    expect(qualityRule({ facts: { quality: 70 } }, { minQuality: 75 })[0]?.params).toEqual({
      expected: 75,
      received: 70,
    });
    expect(qualityRule({ facts: {} }, defaultPhotoLimits)).toEqual([]);
  });
});
