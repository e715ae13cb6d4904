import { describe, expect, it } from "vitest";
import { makePhoto } from "../../scripts/photo-fixtures.mjs";
import {
  checkPhoto,
  createRegistration,
  type Finding,
  formatFinding,
  type Locale,
  relocalize,
  transition,
  ucas2022Batch3,
  validateCertificateNumber,
  validateEthnicity,
  validateIdNumber,
  validateName,
  validateOrigin,
  validateStudent,
  XueliError,
} from "../../src/index.js";
import { makeStudent, staff, study } from "../registration/fixtures.js";

/** Findings of many codes, made in one locale. */
function sample(locale: Locale): Finding[] {
  const o = { locale };
  const draft = createRegistration(
    makeStudent({ photo: { uploaded: false }, study: { ...study, defense: "failed" } }),
    ucas2022Batch3,
  );
  return [
    ...validateIdNumber("110108199805121681", o).findings,
    ...validateIdNumber("H12345678", { ...o, type: "resident" }).findings,
    ...validateName("张San", o).findings,
    ...validateName(" 张 三 ", o).findings,
    ...validateEthnicity("崩龙族", o).findings,
    ...validateOrigin("河北省正定县", o).findings,
    ...validateOrigin("北京市密云县", o).findings,
    ...validateCertificateNumber("14430120220100012", {}, o).findings,
    ...validateStudent({ name: 1 }, o).findings,
    ...checkPhoto(makePhoto({ dpi: 72 }), o).findings,
    ...checkPhoto(makePhoto({ padTo: 41 * 1024 }), { ...o, fileName: "张三.jpg" }).findings,
    ...checkPhoto(new Uint8Array([1, 2, 3]), o).findings,
    ...transition(draft, { type: "stage", conclusion: "graduation" }, staff, o).findings,
    ...transition(draft, { type: "submit" }, staff, o).findings,
  ];
}

describe("formatFinding: a stored finding rendered again in either locale", () => {
  const zh = sample("zh-CN");
  const en = sample("en");

  it("covers a spread of codes", () => {
    expect(new Set(zh.map((f) => f.code)).size).toBeGreaterThanOrEqual(16);
    expect(zh.map((f) => f.code)).toEqual(en.map((f) => f.code));
  });

  it("gives back the message made at creation, from the JSON of the finding, in both locales", () => {
    zh.forEach((f, i) => {
      const stored = JSON.parse(JSON.stringify(f));
      expect(formatFinding(stored), f.code).toBe(f.message);
      expect(formatFinding(stored, { locale: "en" }), f.code).toBe(en[i]?.message);
      expect(relocalize(f, { locale: "en" }), f.code).toEqual(en[i]);
    });
  });

  it("keeps params as plain data: the JSON round trip changes nothing", () => {
    for (const f of zh) expect(JSON.parse(JSON.stringify(f.params)), f.code).toEqual(f.params);
  });

  it("renders the params, not display text stored in them (photo.dpi, photo.file-size)", () => {
    const f = checkPhoto(makePhoto({ dpi: 72 })).findings[0];
    expect(f).toMatchObject({ code: "photo.dpi", params: { expected: 300, received: 72, source: "jfif" } });
    expect(
      formatFinding({ code: "photo.dpi", params: { expected: 350, received: 72, source: "jfif" } }),
    ).toBe("照片分辨率须至少 350 dpi（收到 72 dpi）");
    expect(
      formatFinding(
        { code: "photo.file-size", params: { received: 17000, min: 18432, max: 40960 } },
        { locale: "en" },
      ),
    ).toBe(
      "The photo must be between 18 K and 40 K bytes (expected 18432–40960 bytes; received 17000 bytes)",
    );
  });

  it("never throws on malformed params from a file: the generic form is used", () => {
    expect(formatFinding({ code: "photo.dimensions", params: { hint: 3 } })).toBe(
      "照片尺寸须为 480×640 像素",
    );
    expect(formatFinding({ code: "origin.levels" } as never, { locale: "en" })).toBe(
      "The origin must name province, prefecture and county",
    );
  });

  it("throws XueliError for a code not in the catalogue or an unknown locale (programmer errors)", () => {
    expect(() => formatFinding({ code: "nope" } as never)).toThrow(XueliError);
    expect(() => formatFinding(zh[0] as Finding, { locale: "fr" as never })).toThrow(XueliError);
  });
});
