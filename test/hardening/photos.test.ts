// Hardening (issue 7): crafted JPEGs beyond the photo issue's fuzz set. Each is answered with a
// Result and findings, never a throw, a hang or a huge allocation. No timing assertions: a hang
// shows as the test timing out, a runaway allocation as the worker dying.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePhoto } from "../../scripts/photo-fixtures.mjs";
import { checkPhoto, checkPhotoBackground, matchPhotos, XueliError } from "../../src/index.js";
import { param } from "../helpers/findings.js";
import { assertResult, hostile } from "./arbitraries.js";

const valid = makePhoto();

/** Offsets of the marker segments of a JPEG, up to SOS: `{ marker, at, len }` (`at` = the 0xFF). */
function segments(b: Uint8Array): { marker: number; at: number; len: number }[] {
  const out: { marker: number; at: number; len: number }[] = [];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] as number;
    const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    out.push({ marker, at: i, len });
    if (marker === 0xda) break;
    i += 2 + len;
  }
  return out;
}

function segment(marker: number, body: Uint8Array | number[]): Uint8Array {
  const len = body.length + 2;
  return Uint8Array.from([0xff, marker, len >> 8, len & 0xff, ...body]);
}

/** `b` with `insert` placed right after its APP0 (JFIF) segment. */
function afterApp0(b: Uint8Array, insert: Uint8Array): Uint8Array {
  const app0 = segments(b).find((s) => s.marker === 0xe0);
  const at = app0 ? app0.at + 2 + app0.len : 2;
  const out = new Uint8Array(b.length + insert.length);
  out.set(b.subarray(0, at), 0);
  out.set(insert, at);
  out.set(b.subarray(at), at + insert.length);
  return out;
}

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe("hardening: crafted JPEGs (5.3.3; photo.unreadable, photo.dimensions)", () => {
  it("answers a segment whose length runs past the end of the file with photo.unreadable", () => {
    // SOI, then an APP1 declaring 65,533 body bytes of which 10 exist.
    const bytes = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x49, 0x49, 0x2a, 0,
    ]);
    const r = checkPhoto(bytes, { fileName: "11010519491231002X.jpg" });
    assertResult(r);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain("photo.unreadable");
  });

  it("answers a real photo whose SOF length is stretched past the end with photo.unreadable", () => {
    const b = valid.slice();
    const sof = segments(b).find((s) => s.marker === 0xc0);
    expect(sof).toBeDefined();
    if (!sof) return;
    b[sof.at + 2] = 0xff;
    b[sof.at + 3] = 0xff;
    const cut = b.slice(0, sof.at + 40); // and the file cut short inside it
    for (const bytes of [b, cut]) {
      const r = checkPhoto(bytes);
      assertResult(r);
      expect(r.ok).toBe(false);
      expect(codes(r)).toContain("photo.unreadable");
    }
  });

  it("answers every length field set to every boundary value with a Result", () => {
    const segs = segments(valid);
    for (const s of segs) {
      for (const len of [0, 1, 2, 3, 0x7fff, 0x8000, 0xfffe, 0xffff]) {
        const b = valid.slice();
        b[s.at + 2] = len >> 8;
        b[s.at + 3] = len & 0xff;
        assertResult(checkPhoto(b));
      }
    }
  });

  it("reads past an EXIF IFD that points at itself (next IFD and Exif pointer both to offset 8)", () => {
    // TIFF little-endian: header (8 bytes, IFD0 at 8); IFD0 with 2 entries: ExifIFD pointer (0x8769)
    // → 8 and Software (0x0131) → a string; next-IFD offset → 8 again. A reader that follows
    // pointers without a visited set loops forever here.
    const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00];
    const ifd = [
      0x02, 0x00, 0x69, 0x87, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x31, 0x01, 0x02,
      0x00, 0x04, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63, 0x00, 0x08, 0x00, 0x00, 0x00,
    ];
    const app1 = segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff, ...ifd]);
    const bytes = afterApp0(valid, app1);
    const r = checkPhoto(bytes, { fileName: "11010519491231002X.jpg" });
    assertResult(r);
    // The photo itself is still the valid 480 × 640 one: the loop costs nothing but the EXIF facts.
    expect(r.value?.width).toBe(480);
    expect(r.value?.height).toBe(640);
    expect(codes(r).filter((c) => c !== "photo.edited")).toEqual([]);
  });

  it("answers an EXIF IFD0 whose entry count and offsets point everywhere with a Result", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.boolean(),
        fc.nat({ max: 0xffff }),
        (body, bigEndian, count) => {
          const head = bigEndian
            ? [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]
            : [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0];
          const countBytes = bigEndian ? [count >> 8, count & 0xff] : [count & 0xff, count >> 8];
          const app1 = segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, ...head, ...countBytes, ...body]);
          assertResult(checkPhoto(afterApp0(valid, app1)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers a SOF claiming 65535 × 65535 with photo.dimensions, without allocating the pixels", async () => {
    const b = valid.slice();
    const sof = segments(b).find((s) => s.marker === 0xc0);
    expect(sof).toBeDefined();
    if (!sof) return;
    // SOF0 body: precision (1), height (2), width (2).
    b[sof.at + 5] = 0xff;
    b[sof.at + 6] = 0xff;
    b[sof.at + 7] = 0xff;
    b[sof.at + 8] = 0xff;
    const r = checkPhoto(b, { fileName: "11010519491231002X.jpg" });
    assertResult(r);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain("photo.dimensions");
    expect(r.findings.find((f) => f.code === "photo.dimensions")?.params).toMatchObject({
      received: expect.anything(),
    });
    // With the background check the decoder is asked for 65535 × 65535 × 4 bytes (16 GiB): it must
    // refuse, and the refusal must come back as findings, not as a crash.
    const heap = process.memoryUsage().rss;
    const withBackground = await checkPhotoBackground(b);
    assertResult(withBackground);
    expect(withBackground.ok).toBe(false);
    expect(process.memoryUsage().rss - heap).toBeLessThan(512 * 1024 * 1024);
  });

  it("answers a SOF claiming 0 × 0 and one claiming 1 × 65535 with photo.dimensions", () => {
    for (const [h, w] of [
      [0, 0],
      [65535, 1],
    ] as const) {
      const b = valid.slice();
      const sof = segments(b).find((s) => s.marker === 0xc0);
      if (!sof) throw new Error("no SOF");
      b[sof.at + 5] = h >> 8;
      b[sof.at + 6] = h & 0xff;
      b[sof.at + 7] = w >> 8;
      b[sof.at + 8] = w & 0xff;
      const r = checkPhoto(b);
      assertResult(r);
      expect(r.ok).toBe(false);
      expect(codes(r).some((c) => c === "photo.dimensions" || c === "photo.unreadable")).toBe(true);
    }
  });

  it("answers thousands of empty segments and 0xFF fill bytes with a Result", () => {
    // 20,000 COM segments of length 2 (no body) before the real ones, then 100,000 fill bytes.
    const coms = new Uint8Array(20_000 * 4);
    for (let k = 0; k < 20_000; k++) coms.set([0xff, 0xfe, 0x00, 0x02], k * 4);
    const r1 = checkPhoto(afterApp0(valid, coms));
    assertResult(r1);
    const fill = new Uint8Array(100_000).fill(0xff);
    const r2 = checkPhoto(Uint8Array.from([0xff, 0xd8, ...fill]));
    assertResult(r2);
    expect(r2.ok).toBe(false);
  });

  it("answers a 64 MiB buffer of zeros after a JPEG header with a Result, reading only the header", () => {
    const big = new Uint8Array(64 * 1024 * 1024);
    big.set(valid.subarray(0, valid.length - 2), 0); // the photo, its EOI dropped, then zeros
    const r = checkPhoto(big);
    assertResult(r);
    expect(r.ok).toBe(false);
  });

  it("answers photos truncated or with one byte flipped at any point with a Result", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: valid.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        (at, byte, cut) => {
          const b = cut ? valid.slice(0, at) : valid.slice();
          if (!cut) b[at] = byte;
          assertResult(checkPhoto(b));
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---- Hostile arguments at the boundary (issue 12 item 8) -----------------------------------------

/** Runs `call`: a Result (awaited when a promise), or a XueliError when `allowXueliError`; nothing else. */
async function answers(call: () => unknown, allowXueliError: boolean): Promise<"result" | "xueli-error"> {
  try {
    let r = call();
    if (r instanceof Promise) r = await r;
    assertResult(r);
    return "result";
  } catch (e) {
    if (allowXueliError && e instanceof XueliError) return "xueli-error";
    throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

const throwingGetter = (key: string) =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new TypeError(`getter ${key}`);
    },
  });
const throwingProxy = () =>
  new Proxy(
    {},
    {
      get() {
        throw new TypeError("get trap");
      },
      has() {
        throw new TypeError("has trap");
      },
      getPrototypeOf() {
        throw new TypeError("getPrototypeOf trap");
      },
    },
  );
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe("hardening: hostile bytes and options for checkPhoto, checkPhotoBackground, matchPhotos (12.8)", () => {
  it("bytes given as a Proxy, a revoked Proxy, a look-alike or a subclass that lies: not-bytes or read safely", async () => {
    const lies = new (class extends Uint8Array {
      override get length(): number {
        throw new TypeError("length");
      }
    })(valid);
    const cases: [unknown, string | null][] = [
      [new Proxy(valid, {}), "not-bytes"],
      [throwingProxy(), "not-bytes"],
      [revoked(), "not-bytes"],
      [{ length: 3, 0: 0xff, 1: 0xd8, 2: 0xff }, "not-bytes"],
      [new Uint8ClampedArray(valid), "not-bytes"],
      [new DataView(valid.buffer), "not-bytes"],
      [lies, null], // a Uint8Array underneath: read through its internal slots, a valid photo
    ];
    for (const [bytes, reason] of cases) {
      const r = checkPhoto(bytes as Uint8Array);
      assertResult(r);
      expect(r.findings.map((f) => param(f, "reason") ?? null)).toEqual(reason === null ? [] : [reason]);
      const bg = await checkPhotoBackground(bytes as Uint8Array);
      assertResult(bg);
      expect(bg.findings.map((f) => param(f, "reason"))).toEqual(reason === null ? [] : [reason]);
    }
  });

  it("options whose getter or Proxy trap throws are a XueliError, never a TypeError", async () => {
    for (const key of ["fileName", "student", "limits", "totalBytes", "locale"]) {
      expect(() => checkPhoto(valid, throwingGetter(key) as never), key).toThrow(XueliError);
    }
    expect(() => checkPhoto(valid, { limits: throwingGetter("maxBytes") } as never)).toThrow(XueliError);
    for (const options of [throwingProxy(), revoked(), 42, "en", null]) {
      expect(() => checkPhoto(valid, options as never)).toThrow(XueliError);
      await expect(checkPhotoBackground(valid, options as never)).rejects.toThrow(XueliError);
      expect(() => matchPhotos([], [], options as never)).toThrow(XueliError);
    }
    for (const key of ["reference", "tolerance", "decode", "locale"]) {
      await expect(checkPhotoBackground(valid, throwingGetter(key) as never), key).rejects.toThrow(
        XueliError,
      );
    }
    await expect(checkPhotoBackground(valid, { reference: revoked() } as never)).rejects.toThrow(XueliError);
  });

  it("refuses checkPhoto's former background option, and options of the wrong type", async () => {
    expect(() => checkPhoto(valid, { background: true } as never)).toThrow(/checkPhotoBackground/);
    for (const options of [
      { limits: { maxBytes: "40K" } },
      { limits: { minBytes: -1 } },
      { limits: { minQuality: Number.NaN } },
      { totalBytes: "big" },
      { totalBytes: Number.POSITIVE_INFINITY },
    ]) {
      expect(() => checkPhoto(valid, options as never), JSON.stringify(options)).toThrow(XueliError);
    }
    for (const options of [
      { tolerance: "wide" },
      { maxSpread: -1 },
      { reference: [100, 197] },
      { reference: [100, 197, 300] },
      { decode: "jpeg-js" },
    ]) {
      await expect(checkPhotoBackground(valid, options as never), JSON.stringify(options)).rejects.toThrow(
        XueliError,
      );
    }
  });

  it("a student record whose getters throw is data: photo.file-name, no throw", () => {
    const student = Object.defineProperty({ studentNumber: "2019E8012345678" }, "id", {
      get() {
        throw new TypeError("getter id");
      },
    });
    const r = checkPhoto(valid, { fileName: "2019E8000000001.jpg", student: student as never });
    expect(r.findings.map((f) => [f.code, param(f, "reason")])).toEqual([["photo.file-name", "student"]]);
    const p = checkPhoto(valid, { fileName: "2019E8012345678.jpg", student: throwingProxy() as never });
    expect(p.findings.map((f) => f.code)).toEqual(["photo.file-name"]);
  });

  it("a custom decoder that throws, rejects, or returns no pixels gives decode-failed", async () => {
    const decoders: (() => unknown)[] = [
      () => {
        throw new Error("decoder");
      },
      () => Promise.reject(new Error("decoder")),
      () => null,
      () => ({ width: 480, height: 640, data: new Uint8Array(10) }),
      () => ({ width: Number.NaN, height: 640, data: new Uint8Array(480 * 640 * 4) }),
      () => throwingProxy(),
      () => revoked(),
      () => ({ width: 480, height: 640, data: throwingProxy() }),
    ];
    for (const decode of decoders) {
      const r = await checkPhotoBackground(valid, { decode: decode as never });
      expect(r.findings.map((f) => [f.code, param(f, "reason")])).toEqual([
        ["photo.unreadable", "decode-failed"],
      ]);
    }
    // Canvas ImageData holds a Uint8ClampedArray: accepted as pixels.
    const canvas = { width: 480, height: 640, data: new Uint8ClampedArray(480 * 640 * 4).fill(255) };
    const white = await checkPhotoBackground(valid, { decode: () => canvas as never });
    expect(white.value?.mean).toEqual([255, 255, 255]);
  });

  it("fuzz: hostile values as checkPhoto's options give a Result or a XueliError, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (x) => {
        await answers(() => checkPhoto(valid, x as never), true);
        await answers(() => checkPhoto(valid, { fileName: "a1234.jpg", student: x } as never), false);
        await answers(() => checkPhoto(valid, { limits: x } as never), true);
      }),
      { numRuns: 300 },
    );
  });

  it("fuzz: hostile bytes and options for checkPhotoBackground", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (bytes, options) => {
        await answers(() => checkPhotoBackground(bytes as never), false);
        await answers(() => checkPhotoBackground(valid, options as never), true);
        await answers(() => checkPhotoBackground(valid, { decode: () => options as never }), false);
      }),
      { numRuns: 150 },
    );
  });

  it("fuzz: hostile names, students and options for matchPhotos", () => {
    return fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(".DS_Store", "Thumbs.db", "a.jpg", " X.JPG"))),
        fc.oneof(fc.array(hostile, { maxLength: 5 }), hostile),
        hostile,
        async (names, students, options) => {
          await answers(() => matchPhotos(names, students as never, { namedBy: "id-number" }), true);
          const r = await answers(
            () => matchPhotos(names, [hostile as never], { namedBy: "student-number" }),
            false,
          );
          expect(r).toBe("result");
          await answers(() => matchPhotos(names, [], options as never), true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matchPhotos: any array of student records gives a Result with one entry per name and per student", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 24 }), { maxLength: 8 }),
        fc.array(hostile, { maxLength: 6 }),
        (names, roster) => {
          const r = matchPhotos(names, roster as never, { namedBy: "student-number" });
          assertResult(r);
          expect([r.value?.files.length, r.value?.students.length]).toEqual([names.length, roster.length]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
