import { describe, expect, it } from "vitest";
import { makePhoto } from "../../../scripts/photo-fixtures.mjs";
import { checkPhoto, defaultPhotoLimits } from "../../../src/index.js";
import { trailerRule } from "../../../src/photo/rules/trailer.js";

describe("trailerRule: data after the end-of-image marker, a warning (5.3.3, [decision])", () => {
  it("passes no trailer and up to 64 bytes of padding", () => {
    expect(trailerRule({ facts: {} }, defaultPhotoLimits)).toEqual([]);
    expect(trailerRule({ facts: { trailer: 64 } }, defaultPhotoLimits)).toEqual([]);
  });

  it("warns from 65 bytes on, with the count", () => {
    expect(trailerRule({ facts: { trailer: 65 } }, defaultPhotoLimits, { locale: "en" })).toEqual([
      {
        code: "photo.trailer",
        severity: "warning",
        clause: "5.3.3",
        path: [],
        message:
          "The photo has 65 bytes of extra data after its end-of-image marker (FF D9), as phone cameras write; a stricter uploader may refuse it",
        params: { bytes: 65 },
      },
    ]);
    expect(trailerRule({ facts: { trailer: 2048 } }, defaultPhotoLimits)[0]?.message).toBe(
      "照片文件在图像结束标记（FF D9）之后还有 2048 字节附加数据（常由手机相机写入），较严格的上传系统可能拒收",
    );
  });
});

describe("a phone photo with a trailer is checked normally (12.9)", () => {
  it("gives the warning and the photo's facts, not photo.unreadable", () => {
    const bytes = makePhoto({ trailer: 3000 });
    const r = checkPhoto(bytes, { fileName: "110108200001011237.jpg" });
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ width: 480, height: 640, dpi: 300, trailer: 3000, bytes: bytes.length });
    expect(r.findings.map((f) => [f.code, f.severity, f.clause, f.params])).toEqual([
      ["photo.trailer", "warning", "5.3.3", { bytes: 3000 }],
    ]);
  });

  it("still judges the image: a trailer does not hide a defect", () => {
    const r = checkPhoto(makePhoto({ dpi: 72, trailer: 500 }));
    expect(r.findings.map((f) => f.code)).toEqual(["photo.dpi", "photo.trailer"]);
  });

  it("a progressive photo with a trailer: the walk skips the segments between its scans", async () => {
    const sharp = (await import("sharp")).default;
    const base = await sharp(Buffer.from(makePhoto())).jpeg({ quality: 85, progressive: true }).toBuffer();
    const tail = new TextEncoder().encode("MotionPhoto_Data".repeat(20));
    const bytes = new Uint8Array(base.length + tail.length);
    bytes.set(base);
    bytes.set(tail, base.length);
    const r = checkPhoto(bytes, { limits: { minBytes: 0 } });
    expect([r.value?.progressive, r.value?.trailer]).toEqual([true, tail.length]);
    expect(r.findings.map((f) => f.code).filter((c) => c !== "photo.dpi")).toEqual(["photo.trailer"]);
  });

  it("a file cut off in its data still has no end marker: photo.unreadable", () => {
    const valid = makePhoto();
    const r = checkPhoto(valid.slice(0, valid.length - 200));
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ["photo.unreadable", { reason: "no-end-marker", offset: valid.length - 200 }],
    ]);
  });
});
