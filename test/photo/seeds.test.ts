import { describe, expect, it } from "vitest";
import { makePhoto, makePhotos } from "../../scripts/photo-fixtures.mjs";
import { checkPhoto } from "../../src/index.js";

describe("the generator's valid photos stay valid for any seed (5.3.3)", () => {
  it("seeds 1–40 each give a photo with no findings", () => {
    for (let seed = 1; seed <= 40; seed++)
      expect([seed, checkPhoto(makePhoto({ seed })).findings]).toEqual([seed, []]);
  });
  it("makePhotos(n) gives n byte-distinct valid photos", () => {
    const photos = makePhotos(50);
    expect(new Set(photos.map((p) => Buffer.from(p).toString("base64"))).size).toBe(50);
    for (const p of photos) expect(checkPhoto(p).findings).toEqual([]);
  });
  it("is deterministic: the same options give the same bytes", () => {
    expect(Buffer.from(makePhoto({ seed: 3 })).equals(Buffer.from(makePhoto({ seed: 3 })))).toBe(true);
  });
});
