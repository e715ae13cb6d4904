import { describe, expect, it } from "vitest";
import { makePhoto } from "../../../scripts/photo-fixtures.mjs";
import { checkPhoto, defaultPhotoLimits } from "../../../src/index.js";
import { fileSizeRule, sizeReadings } from "../../../src/photo/rules/file-size.js";

const kib = { min: 18_432, max: 40_960 };
const kb = { min: 18_000, max: 40_000 };
const sized = (bytes: number) => fileSizeRule({ facts: { bytes } }, defaultPhotoLimits);
const summary = (bytes: number) => sized(bytes).map((f) => [f.code, f.severity, f.clause]);

describe("fileSizeRule: 18 K–40 K with K = 1024, a warning where K = 1000 disagrees (5.3.3)", () => {
  it("reads the default bounds both ways", () => {
    expect(sizeReadings(defaultPhotoLimits)).toEqual({ kib, kb });
  });

  it("at each boundary: error, warning or nothing, all citing 5.3.3", () => {
    const table: [number, string | null, string | null][] = [
      [17_999, "photo.file-size", "error"],
      [18_000, "photo.file-size-units", "warning"],
      [18_431, "photo.file-size-units", "warning"],
      [18_432, null, null],
      [25_000, null, null],
      [40_000, null, null],
      [40_001, "photo.file-size-units", "warning"],
      [40_960, "photo.file-size-units", "warning"],
      [40_961, "photo.file-size", "error"],
    ];
    for (const [bytes, code, severity] of table) {
      expect([bytes, summary(bytes)]).toEqual([bytes, code === null ? [] : [[code, severity, "5.3.3"]]]);
    }
  });

  it("gives the error's params as before: the size and the K = 1024 bounds", () => {
    expect(sized(17_999)[0]?.params).toEqual({ received: 17_999, min: 18_432, max: 40_960 });
    expect(sized(40_961)[0]?.params).toEqual({ received: 40_961, min: 18_432, max: 40_960 });
  });

  it("gives the warning's params as data: the size and both readings of the bounds", () => {
    expect(sized(18_200)[0]?.params).toEqual({ received: 18_200, kib, kb });
    expect(sized(40_500)[0]?.params).toEqual({ received: 40_500, kib, kb });
  });

  it("names both readings in both locales", () => {
    const low = fileSizeRule({ facts: { bytes: 18_200 } }, defaultPhotoLimits);
    const high = fileSizeRule({ facts: { bytes: 40_500 } }, defaultPhotoLimits, { locale: "en" });
    expect(low[0]?.message).toBe(
      "照片大小 18200 字节：按 1K=1024 字节计不足 18K，按 1K=1000 字节计已达 18K；较严格的上传系统可能拒收",
    );
    expect(high[0]?.message).toBe(
      "The photo is 40500 bytes: within 40 K counting 1 K as 1024 bytes, but over 40 K counting 1 K as 1000 bytes; a stricter uploader may refuse it",
    );
    expect(fileSizeRule({ facts: { bytes: 40_500 } }, defaultPhotoLimits)[0]?.message).toBe(
      "照片大小 40500 字节：按 1K=1024 字节计未超过 40K，按 1K=1000 字节计已超过 40K；较严格的上传系统可能拒收",
    );
    expect(fileSizeRule({ facts: { bytes: 18_200 } }, defaultPhotoLimits, { locale: "en" })[0]?.message).toBe(
      "The photo is 18200 bytes: under 18 K counting 1 K as 1024 bytes, but at least 18 K counting 1 K as 1000 bytes; a stricter uploader may refuse it",
    );
  });

  it("follows limits that are whole K, and takes limits in plain bytes as exact [decision]", () => {
    const twentyK = { minBytes: 10 * 1024, maxBytes: 20 * 1024 };
    expect(sizeReadings(twentyK)).toEqual({
      kib: { min: 10_240, max: 20_480 },
      kb: { min: 10_000, max: 20_000 },
    });
    expect(fileSizeRule({ facts: { bytes: 20_100 } }, twentyK).map((f) => f.code)).toEqual([
      "photo.file-size-units",
    ]);
    expect(fileSizeRule({ facts: { bytes: 9_999 } }, twentyK).map((f) => f.code)).toEqual([
      "photo.file-size",
    ]);
    const exact = { minBytes: 18_000, maxBytes: 40_000 };
    expect(sizeReadings(exact)).toEqual({ kib: kb, kb });
    expect(fileSizeRule({ facts: { bytes: 40_001 } }, exact).map((f) => f.code)).toEqual(["photo.file-size"]);
    expect(fileSizeRule({ facts: { bytes: 17_999 } }, exact).map((f) => f.code)).toEqual(["photo.file-size"]);
    expect(fileSizeRule({ facts: { bytes: 18_000 } }, exact)).toEqual([]);
    // No lower bound, no upper bound: no band either.
    expect(
      fileSizeRule({ facts: { bytes: 0 } }, { minBytes: 0, maxBytes: Number.POSITIVE_INFINITY }),
    ).toEqual([]);
  });

  it("through checkPhoto: a real file in the band is ok, with the warning", () => {
    for (const padTo of [18_000, 18_431, 40_001, 40_960]) {
      const r = checkPhoto(makePhoto({ quality: 65, texture: 0, padTo }));
      expect([padTo, r.ok, r.findings.map((f) => f.code)]).toEqual([padTo, true, ["photo.file-size-units"]]);
    }
    const under = checkPhoto(makePhoto({ quality: 65, texture: 0, padTo: 17_999 }));
    expect([under.ok, under.findings.map((f) => f.code)]).toEqual([false, ["photo.file-size"]]);
  });
});
