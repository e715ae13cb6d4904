import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePhoto, prng } from "../../scripts/photo-fixtures.mjs";
import { checkPhoto, checkPhotoBackground } from "../../src/index.js";

// exif-reader's own practice: fuzz the parser with truncated and mutated bytes; it must answer.
const valid = makePhoto({
  exif: { software: "Canon EOS R6", orientation: 1, xResolution: 300, yResolution: 300 },
});

/** 1,000 variants of the valid photo, seeded: half cut at a random length, half with 1–8 bits flipped. */
function variants(seed: number): { kind: "truncated" | "flipped"; bytes: Uint8Array }[] {
  const rand = prng(seed);
  const out: { kind: "truncated" | "flipped"; bytes: Uint8Array }[] = [];
  for (let i = 0; i < 1000; i++) {
    if (i % 2 === 0) {
      // Bias half the cuts into the header, where the parser does its work.
      const limit = i % 4 === 0 ? 700 : valid.length - 1;
      out.push({ kind: "truncated", bytes: valid.slice(0, Math.floor(rand() * limit)) });
    } else {
      const bytes = valid.slice();
      const flips = 1 + Math.floor(rand() * 8);
      for (let k = 0; k < flips; k++) {
        // Most flips in the first 700 bytes (markers, lengths, EXIF offsets, tables).
        const at = Math.floor(rand() * (rand() < 0.8 ? 700 : bytes.length));
        bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(rand() * 8));
      }
      out.push({ kind: "flipped", bytes });
    }
  }
  return out;
}

describe("fuzz: truncated or bit-flipped photos return a result, never throw or hang (5.3.3)", () => {
  const cases = variants(20220518);

  it("1,000 seeded variants each give a result; every truncated one is photo.unreadable", () => {
    // No timing assertion (speed is measured by `npm run bench`): a hang shows as the test's timeout.
    let unreadable = 0;
    for (const { kind, bytes } of cases) {
      const r = checkPhoto(bytes, { fileName: "110108200001011237.jpg" });
      expect(typeof r.ok).toBe("boolean");
      expect(Array.isArray(r.findings)).toBe(true);
      for (const f of r.findings) expect(typeof f.message).toBe("string");
      if (kind === "truncated") expect(r.findings.map((f) => f.code)).toContain("photo.unreadable");
      if (r.findings.some((f) => f.code === "photo.unreadable")) unreadable++;
    }
    expect(unreadable).toBeGreaterThanOrEqual(500);
  });

  it("decoding a sample of the variants for the background check does not throw either", async () => {
    for (const { bytes } of cases.slice(0, 120)) {
      const r = await checkPhotoBackground(bytes);
      expect(typeof r.ok).toBe("boolean");
    }
  }, 120_000);

  it("arbitrary bytes, and arbitrary bytes after a JPEG SOI, never throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), (tail, soi) => {
        const bytes = soi ? Uint8Array.from([0xff, 0xd8, 0xff, ...tail]) : tail;
        const r = checkPhoto(bytes);
        return typeof r.ok === "boolean" && (r.ok || r.findings.length > 0);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
