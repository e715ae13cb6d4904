import exifReader from "exif-reader";
import jpeg from "jpeg-js";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildExif, makePhoto, photoFixtures } from "../../scripts/photo-fixtures.mjs";
import { checkPhoto, checkPhotoBackground, type PhotoFacts, XueliError } from "../../src/index.js";
import { readExif } from "../../src/photo/exif.js";
import { checkFileName } from "../../src/photo/file-name.js";
import { param } from "../helpers/findings.js";

const ID = "110108200001011237"; // generated: 北京市海淀区, 2000-01-01, valid check character
const valid = makePhoto();

/** Puts a JFIF APP0 with 300 dpi right after SOI (libvips writes none unless asked for metadata). */
function jfif300(b: Uint8Array): Uint8Array {
  const app0 = [
    0xff,
    0xe0,
    0,
    16,
    0x4a,
    0x46,
    0x49,
    0x46,
    0,
    1,
    1,
    1,
    300 >> 8,
    300 & 255,
    300 >> 8,
    300 & 255,
    0,
    0,
  ];
  return Uint8Array.from([...b.subarray(0, 2), ...app0, ...b.subarray(2)]);
}

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const warnings = new Set(["photo.quality", "photo.edited", "photo.trailer", "photo.file-size-units"]);

describe("checkPhoto fixtures: one per code, each defect alone (5.3.3, 5.2.2, 4.2.2)", () => {
  for (const f of photoFixtures()) {
    it(`${f.name} gives ${f.code ?? "no finding"}`, async () => {
      const options: { fileName?: string } = {};
      if (f.fileName !== undefined) options.fileName = f.fileName;
      // The background (4.2.2) is its own asynchronous check, after the header's.
      const header = checkPhoto(f.bytes, options);
      const background = f.options?.background ? await checkPhotoBackground(f.bytes) : undefined;
      const found = [...codes(header), ...(background ? codes(background) : [])];
      expect(found).toEqual(f.code === null ? [] : [f.code]);
      expect(header.ok && (background?.ok ?? true)).toBe(f.code === null || warnings.has(f.code));
    });
  }

  it("covers every photo code checkPhoto can give", () => {
    const covered = new Set(photoFixtures().map((f) => f.code));
    for (const code of [
      "photo.unreadable",
      "photo.format",
      "photo.dimensions",
      "photo.dpi",
      "photo.color-depth",
      "photo.file-size",
      "photo.file-size-units",
      "photo.file-name",
      "photo.quality",
      "photo.edited",
      "photo.trailer",
      "photo.background",
    ]) {
      expect(covered.has(code), code).toBe(true);
    }
  });
});

describe("a valid photo (5.3.3)", () => {
  it("gives exact facts and no findings at all", () => {
    const r = checkPhoto(valid, { fileName: `${ID}.jpg` });
    expect(r).toEqual({
      ok: true,
      findings: [],
      value: {
        format: "jpeg",
        width: 480,
        height: 640,
        bytes: valid.length,
        dpi: 300,
        dpiSource: "jfif",
        components: 3,
        bitsPerSample: 8,
        colorModel: "ycbcr",
        quality: 85,
        progressive: false,
      } satisfies PhotoFacts,
    });
    expect(valid.length).toBeGreaterThanOrEqual(18 * 1024);
    expect(valid.length).toBeLessThanOrEqual(40 * 1024);
  });

  it("passes the background check: border strips are the light-blue reference (4.2.2)", async () => {
    const r = await checkPhotoBackground(valid);
    expect(r).toEqual({
      ok: true,
      findings: [],
      value: { mean: [100, 197, 254], distance: 1, deviation: 0, spread: 0 },
    });
  });

  it("accepts an ArrayBuffer as well as a Uint8Array or Buffer", () => {
    const copy = valid.slice();
    expect(checkPhoto(copy.buffer as unknown as Uint8Array).ok).toBe(true);
    expect(checkPhoto(Buffer.from(valid)).ok).toBe(true);
  });
});

describe("format and readability from the magic bytes, never the file name (5.3.3)", () => {
  it("names a PNG called .jpg, with its size from image-size", () => {
    const png = photoFixtures().find((f) => f.name === "png-named-jpg")?.bytes as Uint8Array;
    const r = checkPhoto(png, { fileName: `${ID}.jpg`, locale: "en" });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        code: "photo.format",
        severity: "error",
        clause: "5.3.3",
        path: [],
        message: "The photo is not a JPEG (expected jpeg; received png)",
        params: { expected: "jpeg", received: "png", width: 480, height: 640 },
      },
    ]);
  });

  it("returns photo.unreadable for data that is not bytes, never throws", () => {
    for (const bad of [null, undefined, 42, "jpeg", [0xff, 0xd8], {}, { __proto__: { length: 3 } }]) {
      const r = checkPhoto(bad as unknown as Uint8Array);
      expect(codes(r)).toEqual(["photo.unreadable"]);
      expect(param(r.findings[0], "reason")).toBe("not-bytes");
    }
  });

  it("refuses a JPEG cut off in its entropy-coded data or its header", () => {
    expect(checkPhoto(valid.slice(0, valid.length - 1)).findings[0]?.params).toMatchObject({
      reason: "no-end-marker",
    });
    expect(checkPhoto(valid.slice(0, 100)).findings[0]?.params).toMatchObject({ reason: "truncated" });
    expect(checkPhoto(valid.slice(0, 3)).findings[0]?.params).toMatchObject({ reason: "truncated" });
  });

  it("tolerates trailing padding after the end-of-image marker", () => {
    const padded = new Uint8Array(valid.length + 16);
    padded.set(valid);
    expect(codes(checkPhoto(padded))).toEqual([]);
  });

  it("with totalBytes (a capped read) skips the end marker and sizes by the whole file", () => {
    const r = checkPhoto(valid.slice(0, 40 * 1024 + 1), { totalBytes: 2 ** 31 });
    expect(r.value?.bytes).toBe(2 ** 31);
    expect(r.findings.map((f) => [f.code, param(f, "received")])).toEqual([["photo.file-size", 2 ** 31]]);
  });

  it("gives the unreadable reason in both locales", () => {
    expect(checkPhoto(new Uint8Array(0), { locale: "en" }).findings[0]?.message).toBe(
      "The photo cannot be read: the file is empty",
    );
    expect(checkPhoto(new Uint8Array(0)).findings[0]?.message).toBe("照片文件无法读取：文件为空");
  });
});

describe("dimensions from the SOF marker (5.3.3)", () => {
  it('says "rotated?" for 640 × 480', () => {
    const r = checkPhoto(makePhoto({ width: 640, height: 480 }), { locale: "en" });
    expect(r.findings).toEqual([
      {
        code: "photo.dimensions",
        severity: "error",
        clause: "5.3.3",
        path: [],
        message: "The photo must be 480 × 640 pixels (received 640×480: rotated?)",
        params: {
          expected: { width: 480, height: 640 },
          received: { width: 640, height: 480 },
          hint: "rotated",
        },
      },
    ]);
    expect(r.findings[0]?.clause).toBe("5.3.3");
  });

  it("refuses a 480 × 640 grid whose EXIF orientation (5–8) shows it as 640 × 480 [decision]", () => {
    const r = checkPhoto(makePhoto({ exif: { orientation: 6 } }));
    expect(r.value?.orientation).toBe(6);
    expect(r.findings.map((f) => [f.code, param(f, "hint")])).toEqual([["photo.dimensions", "orientation"]]);
  });

  it("still refuses a 640 × 480 grid that an orientation tag would show upright", () => {
    const r = checkPhoto(makePhoto({ width: 640, height: 480, exif: { orientation: 8 } }));
    expect(r.findings.map((f) => [f.code, param(f, "hint"), param(f, "orientation")])).toEqual([
      ["photo.dimensions", "rotated", 8],
    ]);
  });

  it("accepts orientations that keep the size (1–4)", () => {
    for (const orientation of [1, 2, 3, 4])
      expect(codes(checkPhoto(makePhoto({ exif: { orientation } })))).toEqual([]);
  });
});

describe("density ≥ 300 dpi from JFIF or EXIF (5.3.3)", () => {
  const dpiOf = (bytes: Uint8Array) => {
    const r = checkPhoto(bytes);
    return [r.value?.dpi, r.value?.dpiSource, codes(r)];
  };
  it("reads JFIF dots per inch and dots per centimetre (118 /cm counts as 300 dpi) [decision]", () => {
    expect(dpiOf(makePhoto({ dpi: 300, dpiUnit: "cm" }))).toEqual([300, "jfif", []]);
    expect(dpiOf(makePhoto({ dpi: 600 }))).toEqual([600, "jfif", []]);
    expect(dpiOf(makePhoto({ dpi: 297, dpiUnit: "cm" }))).toEqual([297, "jfif", ["photo.dpi"]]);
  });
  it("reads EXIF XResolution with ResolutionUnit: 118.11 /cm is 300 dpi", () => {
    expect(
      dpiOf(makePhoto({ dpi: null, exif: { xResolution: 118.11, yResolution: 118.11, resolutionUnit: 3 } })),
    ).toEqual([300, "exif", []]);
    expect(dpiOf(makePhoto({ dpi: null, exif: { xResolution: 300, yResolution: 300 } }))).toEqual([
      300,
      "exif",
      [],
    ]);
    expect(dpiOf(makePhoto({ dpi: null, exif: { xResolution: 300, resolutionUnit: 1 } }))).toEqual([
      undefined,
      undefined,
      ["photo.dpi"],
    ]);
  });
  it("takes the lower when JFIF and EXIF disagree", () => {
    expect(
      dpiOf(makePhoto({ dpi: 300, exif: { xResolution: 72, yResolution: 72, resolutionUnit: 2 } })),
    ).toEqual([72, "jfif+exif", ["photo.dpi"]]);
  });
  it("refuses a photo without any density, saying so", () => {
    const r = checkPhoto(makePhoto({ dpi: null }), { locale: "en" });
    expect(r.findings.map((f) => [f.code, f.params, f.message])).toEqual([
      [
        "photo.dpi",
        { expected: 300, received: null, source: null },
        "The photo records no density (JFIF or EXIF); it must be at least 300 dpi",
      ],
    ]);
  });
});

describe("24-bit true colour (5.3.3)", () => {
  it("refuses real grayscale and CMYK JPEGs from libjpeg (sharp)", async () => {
    const base = sharp(Buffer.from(valid));
    // withMetadata would keep the sRGB profile (and three channels): set the JFIF density by hand.
    const gray = jfif300(await base.clone().toColourspace("b-w").jpeg({ quality: 90 }).toBuffer());
    const cmyk = jfif300(await base.clone().toColourspace("cmyk").jpeg({ quality: 90 }).toBuffer());
    const g = checkPhoto(gray, { limits: { minBytes: 0 } });
    expect(g.findings.map((f) => [f.code, param(f, "received")])).toEqual([
      ["photo.color-depth", { components: 1, bitsPerSample: 8 }],
    ]);
    const c = checkPhoto(cmyk, { limits: { minBytes: 0, maxBytes: 1e6 } });
    expect(c.findings.map((f) => f.code)).toEqual(["photo.color-depth"]);
    expect(c.value?.components).toBe(4);
    expect(["cmyk", "ycck"]).toContain(c.value?.colorModel);
  });
  it("names 12-bit samples", () => {
    const r = checkPhoto(makePhoto({ precision: 12 }));
    expect(r.findings[0]?.params).toMatchObject({
      received: { components: 3, bitsPerSample: 12 },
      colorModel: "ycbcr",
    });
  });
  it("accepts an RGB JPEG (Adobe transform 0): still 3 × 8 bits", () => {
    const r = checkPhoto(makePhoto({ adobeTransform: 0 }));
    expect([r.value?.colorModel, codes(r)]).toEqual(["rgb", []]);
  });
  it("reports progressive frames as a fact, not a defect", async () => {
    const progressive = jfif300(
      await sharp(Buffer.from(valid)).jpeg({ quality: 85, progressive: true }).toBuffer(),
    );
    const r = checkPhoto(progressive, { limits: { minBytes: 0 } });
    expect([r.value?.progressive, codes(r)]).toEqual([true, []]);
  });
});

describe("file size 18 K–40 K, K = 1024 [decision], limits overridable (5.3.3)", () => {
  it("uses 18 432 and 40 960 bytes as inclusive bounds", () => {
    // 40 960 bytes is 40 K of 1024 but over 40 K of 1000: accepted with a warning (issue 11 item 10).
    const edge = checkPhoto(makePhoto({ padTo: 40 * 1024 }));
    expect([edge.ok, codes(edge)]).toEqual([true, ["photo.file-size-units"]]);
    expect(codes(checkPhoto(makePhoto({ padTo: 40_000 })))).toEqual([]);
    expect(checkPhoto(makePhoto({ padTo: 40 * 1024 + 1 })).findings[0]?.params).toEqual({
      received: 40 * 1024 + 1,
      min: 18432,
      max: 40960,
    });
  });
  it("takes other bounds from limits", () => {
    expect(codes(checkPhoto(valid, { limits: { maxBytes: 20_000 } }))).toEqual(["photo.file-size"]);
    expect(
      codes(checkPhoto(makePhoto({ quality: 65, texture: 0 }), { limits: { minBytes: 10_000 } })),
    ).toEqual([]);
  });
  it("throws only for a programmer error: a limit that is not a number, or an unknown locale", () => {
    expect(() => checkPhoto(valid, { limits: { maxBytes: "40K" as unknown as number } })).toThrow(XueliError);
    expect(() => checkPhoto(valid, { locale: "fr" as "en" })).toThrow(XueliError);
  });
});

describe("JPEG quality from the quantization tables (教毕指〔2017〕99号, ≥ 60)", () => {
  it("recovers jpeg-js's (IJG) setting exactly", () => {
    for (const q of [1, 10, 25, 40, 50, 59, 60, 61, 70, 85, 95, 100]) {
      const bytes = new Uint8Array(
        jpeg.encode({ data: new Uint8Array(64 * 64 * 4).fill(128), width: 64, height: 64 }, q).data,
      );
      expect([q, checkPhoto(bytes).value?.quality]).toEqual([q, q]);
    }
  });
  it("is within ±2 of libjpeg-turbo's setting (sharp)", async () => {
    for (const q of [30, 50, 59, 60, 75, 85, 95]) {
      const bytes = await sharp(Buffer.from(valid)).jpeg({ quality: q }).toBuffer();
      const got = checkPhoto(bytes).value?.quality as number;
      expect(Math.abs(got - q), `quality ${q} estimated ${got}`).toBeLessThanOrEqual(2);
    }
  });
  it("warns below 60 without making the result fail", () => {
    const r = checkPhoto(makePhoto({ quality: 40, texture: 40 }), { locale: "en" });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([
      {
        code: "photo.quality",
        severity: "warning",
        clause: "5.3.3",
        path: [],
        message: "The photo's JPEG quality is below 60 (expected ≥ 60; received 40)",
        params: { expected: 60, received: 40 },
      },
    ]);
  });
});

describe("no edited or beautified photos: EXIF Software / ProcessingSoftware (5.2.2)", () => {
  const edited = (software: string) => checkPhoto(makePhoto({ exif: { software } }));
  it("warns for editors and beauty apps, in English and Chinese names", () => {
    for (const s of [
      "Adobe Photoshop CC 2019 (Windows)",
      "GIMP 2.10.34",
      "Adobe Photoshop Lightroom Classic 12.0",
      "美图秀秀",
      "Meitu",
      "BeautyCam",
      "Snapseed 2.0",
      "PicsArt",
    ]) {
      const r = edited(s);
      expect([s, codes(r), r.ok, r.findings[0]?.clause]).toEqual([s, ["photo.edited"], true, "5.2.2"]);
    }
  });
  it("does not warn for camera firmware or encoders", () => {
    for (const s of ["Ver.1.00", "HDR+ 1.0.199571065z", "Canon EOS R6", "libjpeg-turbo", "ILCE-7M3 v2.01"]) {
      expect([s, codes(edited(s))]).toEqual([s, []]);
    }
  });
  it("also reads xmp:CreatorTool, which Lightroom and Photoshop write", () => {
    const r = checkPhoto(makePhoto({ xmpCreatorTool: "Adobe Photoshop 25.0 (Macintosh)" }));
    expect([r.value?.software, r.findings.map((f) => [f.code, param(f, "editor")])]).toEqual([
      "Adobe Photoshop 25.0 (Macintosh)",
      [["photo.edited", "Photoshop"]],
    ]);
  });
  it("reports the software as a fact", () => {
    expect(checkPhoto(makePhoto({ exif: { software: "Canon EOS R6" } })).value?.software).toBe(
      "Canon EOS R6",
    );
  });
});

describe("the EXIF reader agrees with exif-reader on IFD0", () => {
  it("reads the same tags", () => {
    const tags = {
      software: "GIMP 2.10",
      processingSoftware: "Snapseed",
      orientation: 3,
      xResolution: 118.11,
      yResolution: 118.11,
      resolutionUnit: 3,
    };
    const block = buildExif(tags);
    const oracle = exifReader(Buffer.from(block)).Image ?? {};
    const ours = readExif(block, 6, block.length);
    expect(ours).toEqual({
      software: oracle.Software,
      processingSoftware: oracle.ProcessingSoftware,
      orientation: oracle.Orientation,
      xResolution: oracle.XResolution,
      yResolution: oracle.YResolution,
      resolutionUnit: oracle.ResolutionUnit,
    });
  });
  it("never reads past the segment: offsets beyond the end give no value", () => {
    const block = buildExif({ software: "Adobe Photoshop 2024" });
    expect(readExif(block, 6, block.length - 4)).toEqual({});
  });
});

describe("file name: exactly the ID number or the student number, .jpg or .jpeg (5.3.3)", () => {
  const student = { studentNumber: "2019E8012345678", id: { number: "11010820000101123X" } };
  it("accepts either identifier, with either extension in any case", () => {
    for (const name of [
      "11010820000101123X.jpg",
      "11010820000101123x.JPG",
      "2019E8012345678.jpeg",
      "2019E8012345678.JPEG",
    ]) {
      expect([name, checkFileName(name, student)]).toEqual([name, undefined]);
    }
  });
  it("refuses a person's name, spaces and copy suffixes, suggesting the right name", () => {
    expect(checkFileName("张三.jpg")).toEqual({ reason: "stem" });
    expect(checkFileName("zhangsan.jpg")).toEqual({ reason: "stem" });
    expect(checkFileName(`${ID} (1).jpg`)).toEqual({ reason: "stem", suggestion: `${ID}.jpg` });
    expect(checkFileName(`张三${ID}.jpg`)).toEqual({ reason: "stem", suggestion: `${ID}.jpg` });
    expect(checkFileName(`${ID}.png`)).toEqual({ reason: "extension", suggestion: `${ID}.jpg` });
    expect(checkFileName(ID)).toEqual({ reason: "extension", suggestion: `${ID}.jpg` });
  });
  it("with a student, matches letters in any case [decision]", () => {
    expect(checkFileName("2019e8012345678.jpg", student)).toBeUndefined();
  });
  it("with a student, refuses another student's number", () => {
    expect(checkFileName("2019E8000000001.jpg", student)).toEqual({
      reason: "student",
      suggestion: "2019E8012345678.jpg",
    });
    const r = checkPhoto(valid, { fileName: "photos/张三.jpg", student, locale: "en" });
    expect(r.findings.map((f) => [f.code, f.path, param(f, "expected")])).toEqual([
      ["photo.file-name", ["fileName"], ["11010820000101123X.jpg", "2019E8012345678.jpg"]],
    ]);
  });
});

describe("background: uniform light blue, reference RGB (100, 197, 255) (4.2.2)", () => {
  it("accepts a light blue within the tolerance and refuses a darker blue", async () => {
    expect(codes(await checkPhotoBackground(makePhoto({ background: [120, 205, 250] })))).toEqual([]);
    const dark = await checkPhotoBackground(makePhoto({ background: [67, 142, 219] }));
    expect(dark.findings.map((f) => [f.code, param(f, "reason"), f.clause])).toEqual([
      ["photo.background", "colour", "4.2.2"],
    ]);
  });
  it("takes another tolerance or reference from the options", async () => {
    const r = await checkPhotoBackground(makePhoto({ background: [67, 142, 219] }), { tolerance: 80 });
    expect(codes(r)).toEqual([]);
    const ref = await checkPhotoBackground(makePhoto({ background: [67, 142, 219] }), {
      reference: [67, 142, 219],
    });
    expect(codes(ref)).toEqual([]);
  });
  it("gives photo.unreadable (decode-failed) when the pixels do not decode", async () => {
    const bytes = makePhoto({ components: 1 }); // a header patched to grayscale: the data no longer matches
    expect(codes(checkPhoto(bytes))).toEqual(["photo.color-depth"]);
    const r = await checkPhotoBackground(bytes);
    expect([r.ok, r.value, r.findings.map((f) => [f.code, f.clause, f.params])]).toEqual([
      false,
      undefined,
      [["photo.unreadable", "5.3.3", { reason: "decode-failed" }]],
    ]);
  });
  it("uses an injected decoder instead of jpeg-js", async () => {
    const white = { width: 480, height: 640, data: new Uint8Array(480 * 640 * 4).fill(255) };
    const r = await checkPhotoBackground(valid, { decode: () => white, locale: "en" });
    expect(r.findings.map((f) => f.message)).toEqual([
      "The photo's background is not light blue (border mean RGB (255, 255, 255), reference (100, 197, 255), distance 165.5)",
    ]);
  });
});

describe("bad options data never throws", () => {
  it("a malformed student or file name gives photo.file-name", () => {
    for (const student of [{}, { id: null }, { studentNumber: 7, id: { number: 8 } }]) {
      const r = checkPhoto(valid, {
        fileName: `${ID}.jpg`,
        student: student as unknown as { studentNumber: string; id: { number: string } },
      });
      expect(codes(r)).toEqual(["photo.file-name"]);
    }
    expect(codes(checkPhoto(valid, { fileName: 42 as unknown as string }))).toEqual(["photo.file-name"]);
  });
});
