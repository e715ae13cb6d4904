import jpeg from "jpeg-js";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makePhoto } from "../../scripts/photo-fixtures.mjs";
import { checkPhoto } from "../../src/index.js";
import { readJpegHeader } from "../../src/photo/jpeg.js";

// Issue 12 item 9: the header check must refuse what a baseline (SOF0/SOF1) or progressive (SOF2)
// Huffman decoder cannot decode. Each rule has a targeted test below, building the bad header by
// editing a valid photo's bytes; then every single-byte mutation of the valid photo's header is
// checked against libjpeg-turbo as the oracle (sharp's libvips decodes with mozjpeg, a libjpeg-turbo
// fork), with jpeg-js (the decoder of the background check) as a second opinion.

const valid = makePhoto();

interface Segment {
  marker: number;
  /** Offset of the segment's 0xFF. */
  at: number;
  /** Offset of its first byte after the length. */
  body: number;
  end: number;
}

/** The marker segments of a JPEG from SOI up to and including the first SOS. */
function segmentsOf(b: Uint8Array): Segment[] {
  const out: Segment[] = [];
  let i = 2;
  while (i + 4 <= b.length) {
    const marker = b[i + 1] as number;
    const end = i + 2 + (((b[i + 2] as number) << 8) | (b[i + 3] as number));
    out.push({ marker, at: i, body: i + 4, end });
    if (marker === 0xda) break;
    i = end;
  }
  return out;
}

function segmentOf(b: Uint8Array, marker: number): Segment {
  const s = segmentsOf(b).find((x) => x.marker === marker);
  if (s === undefined) throw new Error(`no segment ${marker.toString(16)}`);
  return s;
}

/** A copy of `b` with the bytes at the given offsets replaced. */
function edited(b: Uint8Array, edits: Record<number, number>): Uint8Array {
  const c = b.slice();
  for (const [at, v] of Object.entries(edits)) c[Number(at)] = v;
  return c;
}

function segment(marker: number, body: readonly number[]): Uint8Array {
  const len = body.length + 2;
  return Uint8Array.from([0xff, marker, len >> 8, len & 0xff, ...body]);
}

/** `b` with `inserted` placed at offset `at`. */
function spliced(b: Uint8Array, at: number, inserted: Uint8Array, remove = 0): Uint8Array {
  const out = new Uint8Array(b.length + inserted.length - remove);
  out.set(b.subarray(0, at));
  out.set(inserted, at);
  out.set(b.subarray(at + remove), at + inserted.length);
  return out;
}

/** `b` with a segment inserted just before its first SOS. */
function beforeScan(b: Uint8Array, inserted: Uint8Array): Uint8Array {
  return spliced(b, segmentOf(b, 0xda).at, inserted);
}

/** `b` with its segment `marker` given another body. */
function withBody(b: Uint8Array, marker: number, body: readonly number[]): Uint8Array {
  const s = segmentOf(b, marker);
  return spliced(b, s.at, segment(marker, body), s.end - s.at);
}

function bodyOf(b: Uint8Array, marker: number): number[] {
  const s = segmentOf(b, marker);
  return [...b.subarray(s.body, s.end)];
}

const unreadable = (reason: string) =>
  expect.arrayContaining([
    expect.objectContaining({ code: "photo.unreadable", params: expect.objectContaining({ reason }) }),
  ]);

/** Asserts that checkPhoto refuses `bytes` as unreadable for `reason`. */
function refused(bytes: Uint8Array, reason: string): void {
  expect(checkPhoto(bytes).findings).toEqual(unreadable(reason));
}

const codes = (bytes: Uint8Array) => checkPhoto(bytes).findings.map((f) => f.code);

/** libjpeg-turbo (sharp) opens and decodes the image; "none" tolerates corrupt entropy-coded data. */
async function sharpDecodes(bytes: Uint8Array, failOn: "none" | "warning" = "none"): Promise<boolean> {
  try {
    await sharp(Buffer.from(bytes), { failOn }).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

function jpegJsDecodes(bytes: Uint8Array): boolean {
  try {
    jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 64 });
    return true;
  } catch {
    return false;
  }
}

// The valid photo's layout: SOF0 with components 1, 2, 3 (H/V 0x11, Tq 0, 1, 1), DQT tables 0 and 1,
// DHT tables DC0, AC0, DC1, AC1, and SOS (1: 0x00, 2: 0x11, 3: 0x11; Ss 0, Se 63, Ah/Al 0).
const sof = segmentOf(valid, 0xc0);
const sos = segmentOf(valid, 0xda);
/** Offsets in the SOF body: P, Y (2), X (2), Nf, then component c's C, H/V, Tq. */
const P = sof.body;
const Y = sof.body + 1;
const X = sof.body + 3;
const NF = sof.body + 5;
const C = (c: number) => sof.body + 6 + 3 * c;
/** Offsets in the SOS body: Ns, then scan component j's Cs and Td/Ta, then Ss, Se, Ah/Al. */
const CS = (j: number) => sos.body + 1 + 2 * j;
const SS = sos.body + 7;

describe("the valid photo the rules start from", () => {
  it("reads, decodes in libjpeg-turbo and jpeg-js, and has the layout the tests edit", async () => {
    expect(checkPhoto(valid).findings).toEqual([]);
    expect(await sharpDecodes(valid, "warning")).toBe(true);
    expect(jpegJsDecodes(valid)).toBe(true);
    expect([...valid.subarray(sof.body, sof.end)]).toEqual([
      8, 0x02, 0x80, 0x01, 0xe0, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1,
    ]);
    expect([...valid.subarray(sos.body, sos.end)]).toEqual([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
  });
});

describe("frame markers of other processes are unsupported (T.81 Table B.1)", () => {
  it("refuses lossless, hierarchical and arithmetic SOFs (C3, C5–C7, C9–CB, CD–CF) naming the marker", () => {
    for (const m of [0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      const b = edited(valid, { [sof.at + 1]: m });
      refused(b, "unsupported-frame");
      expect([m, readJpegHeader(b)]).toEqual([
        m,
        { ok: false, reason: "unsupported-frame", offset: sof.at, marker: m },
      ]);
    }
  });

  it("refuses JPG (C8), DAC (CC), DHP (DE) and EXP (DF) segments", () => {
    for (const m of [0xc8, 0xcc, 0xde, 0xdf]) {
      const b = beforeScan(valid, segment(m, [0x00, 0x10]));
      refused(b, "unsupported-frame");
      expect(readJpegHeader(b)).toMatchObject({ marker: m });
    }
  });

  it("accepts SOF1 (extended sequential Huffman): the same decoder as baseline", async () => {
    const b = edited(valid, { [sof.at + 1]: 0xc1 });
    expect(codes(b)).toEqual([]);
    expect(await sharpDecodes(b, "warning")).toBe(true);
  });
});

describe("reserved markers and a second SOI (T.81 Table B.1)", () => {
  it("refuses RES (02–BF) and JPGn (F0–FD) segments and a second SOI", () => {
    for (const m of [0x02, 0x05, 0xbf, 0xf0, 0xfd]) {
      const b = beforeScan(valid, segment(m, [0, 0]));
      refused(b, "unexpected-marker");
      expect(readJpegHeader(b)).toMatchObject({ marker: m });
    }
    refused(beforeScan(valid, Uint8Array.from([0xff, 0xd8])), "unexpected-marker");
  });
});

describe("frame header (SOF, T.81 B.2.2, Table B.2)", () => {
  it("refuses a sampling factor of 0 or above 4", () => {
    for (const hv of [0x01, 0x10, 0x00, 0x51, 0x15]) refused(edited(valid, { [C(0) + 1]: hv }), "bad-frame");
    refused(edited(valid, { [C(2) + 1]: 0x10 }), "bad-frame");
  });

  it("refuses sampling factors libjpeg-turbo cannot upsample (not dividing the largest)", () => {
    // Largest H = 3: a component with H = 2 would need fractional upsampling.
    refused(edited(valid, { [C(0) + 1]: 0x31, [C(1) + 1]: 0x21 }), "bad-frame");
  });

  it("refuses a quantization-table selector above 3 (no longer masked with & 3)", () => {
    for (const tq of [4, 5, 0x10, 0xff]) refused(edited(valid, { [C(0) + 2]: tq }), "bad-frame");
    refused(edited(valid, { [C(1) + 2]: 4 }), "bad-frame");
  });

  it("refuses a sample precision other than 8 in SOF0, other than 8 or 12 in SOF1 and SOF2", () => {
    for (const p of [0, 7, 9, 12, 16]) refused(edited(valid, { [P]: p }), "bad-frame");
    for (const m of [0xc1, 0xc2]) {
      for (const p of [0, 7, 9, 16]) refused(edited(valid, { [sof.at + 1]: m, [P]: p }), "bad-frame");
    }
    // 12-bit extended sequential is a JPEG T.81 defines: readable, then refused as not 24-bit colour.
    const twelve = checkPhoto(edited(valid, { [sof.at + 1]: 0xc1, [P]: 12 }));
    expect(twelve.findings.map((f) => f.code)).toEqual(["photo.color-depth"]);
    expect(twelve.value?.bitsPerSample).toBe(12);
  });

  it("refuses a width or height of 0 (a height left to DNL is not supported)", () => {
    refused(edited(valid, { [Y]: 0, [Y + 1]: 0 }), "bad-frame");
    refused(edited(valid, { [X]: 0, [X + 1]: 0 }), "bad-frame");
  });

  it("refuses 0 or more than 4 components, and a length other than 8 + 3 × Nf", () => {
    refused(edited(valid, { [NF]: 0 }), "bad-frame");
    refused(edited(valid, { [NF]: 2 }), "bad-frame"); // Lf still says 3 components
    const body = bodyOf(valid, 0xc0);
    const five = [...body.slice(0, 5), 5, ...body.slice(6), 4, 0x11, 1, 5, 0x11, 1];
    refused(withBody(valid, 0xc0, five), "bad-frame");
    refused(withBody(valid, 0xc0, [...body, 0]), "bad-frame");
  });

  it("refuses duplicate component identifiers", () => {
    refused(edited(valid, { [C(1)]: 1 }), "bad-frame");
    refused(edited(valid, { [C(2)]: 2 }), "bad-frame");
  });

  it("refuses a second frame header", () => {
    refused(beforeScan(valid, segment(0xc0, bodyOf(valid, 0xc0))), "bad-frame");
  });
});

describe("quantization tables (DQT, T.81 B.2.4.1)", () => {
  const dqt = segmentOf(valid, 0xdb);
  it("refuses a table id above 3 and a precision other than 0 or 1", () => {
    for (const pqtq of [0x04, 0x0f, 0x20, 0xf0])
      refused(edited(valid, { [dqt.body]: pqtq }), "bad-quantization-table");
  });

  it("refuses a component whose table was never defined by the time of the scan", () => {
    // Component 2 selects table 2, which no DQT defines.
    refused(edited(valid, { [C(1) + 2]: 2 }), "no-quantization-table");
    refused(edited(valid, { [C(0) + 2]: 3 }), "no-quantization-table");
    // A table defined after the frame header but before the scan is in time.
    const late = beforeScan(
      edited(valid, { [C(1) + 2]: 2 }),
      segment(0xdb, [0x02, ...new Array(64).fill(4)]),
    );
    expect(codes(late)).toEqual([]);
  });
});

describe("Huffman tables (DHT, T.81 B.2.4.2, Annex C)", () => {
  const dht = segmentOf(valid, 0xc4);
  /** A DHT segment defining one table. */
  const table = (tcth: number, counts: readonly number[], values: readonly number[]) =>
    segment(0xc4, [tcth, ...counts, ...new Array(16 - counts.length).fill(0), ...values]);

  it("refuses a table class above 1 or an id above 3", () => {
    for (const tcth of [0x20, 0x04, 0x14, 0xff])
      refused(edited(valid, { [dht.body]: tcth }), "bad-huffman-table");
  });

  it("refuses code counts totalling more than 256 or running past the segment", () => {
    const many = table(0x10, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 255], new Array(257).fill(1));
    refused(beforeScan(valid, many), "bad-huffman-table");
    // Five values counted, two present.
    refused(beforeScan(valid, table(0x01, [0, 5], [0, 1])), "bad-huffman-table");
    // Fewer than 17 bytes left for another table.
    const oneTableThenFive = segment(0xc4, [0x01, 1, ...new Array(15).fill(0), 0, 0x02, 0, 0, 0, 0]);
    refused(beforeScan(valid, oneTableThenFive), "bad-huffman-table");
  });

  it("refuses, when the scan uses it, a table whose counts overflow the code space", () => {
    // Two 1-bit codes are 0 and 1: the all-1-bits code is reserved (C.2), so they do not fit.
    refused(beforeScan(valid, table(0x00, [2], [0, 1])), "bad-huffman-table");
    refused(beforeScan(valid, table(0x11, [1, 2], [0, 1, 2])), "bad-huffman-table");
    // Three 2-bit codes leave the all-1-bits code free: a valid (if useless) table.
    expect(readJpegHeader(beforeScan(valid, table(0x11, [0, 3], [0, 1, 2]))).ok).toBe(true);
  });

  it("refuses, when the scan uses it, a DC table with a value above 15 (Table F.1)", () => {
    refused(beforeScan(valid, table(0x00, [1], [16])), "bad-huffman-table");
    // AC values are run/size bytes: any value is allowed.
    expect(readJpegHeader(beforeScan(valid, table(0x12, [1], [0xff]))).ok).toBe(true);
  });

  it("accepts a bad table that a later DHT replaces before the scan, as decoders do", async () => {
    const dc0 = valid.slice(dht.body, dht.body + 1 + 16 + 12); // DC0: 12 values (IJG Annex K)
    const b = beforeScan(valid, Uint8Array.from([...table(0x00, [2], [0, 1]), ...segment(0xc4, [...dc0])]));
    expect(codes(b)).toEqual([]);
    expect(await sharpDecodes(b, "warning")).toBe(true);
  });

  it("refuses a scan whose table was never defined (T.81 B.2.3 Td, Ta)", () => {
    refused(edited(valid, { [CS(0) + 1]: 0x20 }), "no-huffman-table"); // DC2
    refused(edited(valid, { [CS(0) + 1]: 0x03 }), "no-huffman-table"); // AC3
    refused(edited(valid, { [CS(1) + 1]: 0x41 }), "no-huffman-table"); // DC4
    // AC table 1 redefined as AC table 2 leaves components 2 and 3 without theirs. The DHT holds
    // DC0 (1 + 16 + 12 bytes), AC0 (1 + 16 + 162), DC1 (1 + 16 + 12), then AC1.
    const ac1 = dht.body + 29 + 179 + 29;
    expect(valid[ac1]).toBe(0x11);
    refused(edited(valid, { [ac1]: 0x12 }), "no-huffman-table");
    // No DHT at all (as in a Motion-JPEG frame): libjpeg-turbo substitutes the standard tables, but
    // T.81 requires the interchange format to carry every table (B.2.4), and jpeg-js fails.
    refused(spliced(valid, dht.at, new Uint8Array(0), dht.end - dht.at), "no-huffman-table");
  });
});

describe("scan header (SOS, T.81 B.2.3, Table B.3, G.1.1.1)", () => {
  it("refuses 0 or more than 4 components and a length other than 6 + 2 × Ns", () => {
    refused(edited(valid, { [sos.body]: 0 }), "bad-scan");
    refused(edited(valid, { [sos.body]: 5 }), "bad-scan");
    refused(edited(valid, { [sos.body]: 2 }), "bad-scan");
  });

  it("refuses a component that is not in the frame, or named twice", () => {
    refused(edited(valid, { [CS(1)]: 4 }), "bad-scan");
    refused(edited(valid, { [CS(2)]: 2 }), "bad-scan");
  });

  it("refuses baseline scans with Ss ≠ 0, Se ≠ 63, Ah ≠ 0 or Al ≠ 0", () => {
    refused(edited(valid, { [SS]: 1 }), "bad-scan");
    refused(edited(valid, { [SS + 1]: 62 }), "bad-scan");
    refused(edited(valid, { [SS + 1]: 64 }), "bad-scan");
    refused(edited(valid, { [SS + 2]: 0x10 }), "bad-scan");
    refused(edited(valid, { [SS + 2]: 0x01 }), "bad-scan");
  });

  it("refuses a progressive first scan that is not a first DC scan (Ss = Se = 0, Ah = 0, Al ≤ 13)", () => {
    const prog = edited(valid, { [sof.at + 1]: 0xc2 });
    refused(prog, "bad-scan"); // Se = 63: DC and AC coefficients in one progressive scan
    const dc = edited(prog, { [SS + 1]: 0 });
    expect(readJpegHeader(dc).ok).toBe(true);
    refused(edited(dc, { [SS]: 1, [SS + 1]: 5 }), "bad-scan"); // an AC scan before the DC scan
    refused(edited(dc, { [SS + 2]: 0x10 }), "bad-scan"); // a refinement before the first scan
    refused(edited(dc, { [SS + 2]: 0x0e }), "bad-scan"); // Al = 14
    expect(readJpegHeader(edited(dc, { [SS + 2]: 0x0d })).ok).toBe(true);
    // A DC first scan needs its DC tables only: its AC selectors are not looked at.
    expect(readJpegHeader(edited(dc, { [CS(0) + 1]: 0x03 })).ok).toBe(true);
    refused(edited(dc, { [CS(0) + 1]: 0x20 }), "no-huffman-table");
  });

  it("accepts real progressive JPEGs from libjpeg-turbo (sharp)", async () => {
    const prog = await sharp(Buffer.from(valid)).jpeg({ quality: 85, progressive: true }).toBuffer();
    const r = readJpegHeader(new Uint8Array(prog));
    expect(r.ok && r.header.progressive).toBe(true);
    const subsampled = await sharp(Buffer.from(valid))
      .jpeg({ quality: 85, progressive: true, chromaSubsampling: "4:2:0" })
      .toBuffer();
    expect(readJpegHeader(new Uint8Array(subsampled)).ok).toBe(true);
  });

  it("refuses an interleaved scan of more than 10 data units per MCU", () => {
    // 2 × 2 + 2 × 2 + 2 × 1 = 10 fits; 2 × 2 three times is 12.
    expect(readJpegHeader(edited(valid, { [C(0) + 1]: 0x22, [C(1) + 1]: 0x22, [C(2) + 1]: 0x21 })).ok).toBe(
      true,
    );
    refused(edited(valid, { [C(0) + 1]: 0x22, [C(1) + 1]: 0x22, [C(2) + 1]: 0x22 }), "bad-scan");
  });
});

describe("restart interval (DRI, T.81 B.2.4.4)", () => {
  it("refuses a DRI segment whose length is not 4", () => {
    refused(beforeScan(valid, segment(0xdd, [0, 0, 0])), "segment-length");
    refused(beforeScan(valid, segment(0xdd, [0])), "segment-length");
  });
  it("accepts a DRI of length 4", async () => {
    const b = beforeScan(valid, segment(0xdd, [0, 0]));
    expect(codes(b)).toEqual([]);
    expect(await sharpDecodes(b, "warning")).toBe(true);
  });
});

interface MutationReport {
  mutations: number;
  accepted: number;
  /** Accepted by the header check, yet libjpeg-turbo cannot open them. */
  acceptedUnopenable: string[];
  /** Refused by the header check, yet libjpeg-turbo opens them; `strict`: also with warnings as errors. */
  refusedOpenable: { what: string; reason: string; strict: boolean; jpegJs: boolean }[];
}

/**
 * Every single-byte mutation of `base` before its first scan's entropy-coded data, with a handful of
 * values per offset, checked by checkPhoto and decoded by libjpeg-turbo (sharp).
 */
async function mutate(base: Uint8Array): Promise<MutationReport> {
  const read = readJpegHeader(base);
  if (!read.ok) throw new Error("the base photo does not read");
  const mutations: { at: number; from: number; to: number }[] = [];
  for (let at = 2; at < read.header.scanStart; at++) {
    const from = base[at] as number;
    const values = new Set([0x00, 0x01, 0x04, 0x05, 0xff, (from + 1) & 0xff, (from - 1) & 0xff]);
    values.delete(from);
    for (const to of values) mutations.push({ at, from, to });
  }
  const report: MutationReport = {
    mutations: mutations.length,
    accepted: 0,
    acceptedUnopenable: [],
    refusedOpenable: [],
  };
  const hex = (v: number) => `0x${v.toString(16).padStart(2, "0")}`;
  // Eight at a time: sharp decodes on libuv's thread pool.
  for (let k = 0; k < mutations.length; k += 8) {
    const batch = mutations.slice(k, k + 8).map(async ({ at, from, to }) => {
      const bytes = edited(base, { [at]: to });
      const r = checkPhoto(bytes);
      const unreadable = r.findings.find((f) => f.code === "photo.unreadable");
      // failOn "none": libjpeg-turbo opens the file and decodes every row, warning (not failing) on
      // entropy-coded data that does not match the header, which no header check can see.
      const opens = await sharpDecodes(bytes, "none");
      const what = `${at}: ${hex(from)} → ${hex(to)}`;
      if (unreadable === undefined) {
        report.accepted++;
        if (opens) return;
        // libjpeg's own limit (JPEG_MAX_DIMENSION, 65,500; T.81 allows 65,535) is left to
        // photo.dimensions, which refuses every size but 480 × 640.
        const big = r.value !== undefined && (r.value.width > 65_500 || r.value.height > 65_500);
        if (!big || !r.findings.some((f) => f.code === "photo.dimensions"))
          report.acceptedUnopenable.push(what);
      } else if (opens) {
        report.refusedOpenable.push({
          what,
          reason: String(unreadable.params?.reason),
          // libjpeg-turbo with its warnings as errors (sharp's default) and jpeg-js (the decoder of
          // the background check): a refusal is justified when either of them fails.
          strict: await sharpDecodes(bytes, "warning"),
          jpegJs: jpegJsDecodes(bytes),
        });
      }
    });
    await Promise.all(batch);
  }
  return report;
}

function byReason(report: MutationReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of report.refusedOpenable) out[r.reason] = (out[r.reason] ?? 0) + 1;
  return out;
}

describe("every single-byte mutation of the header, against libjpeg-turbo (sharp)", () => {
  // Refused although libjpeg-turbo opens them, each one illegal in T.81 and failing in libjpeg-turbo
  // with warnings as errors or in jpeg-js: garbage bytes before a marker (libjpeg skips them with a
  // warning), a missing Huffman table (libjpeg-turbo substitutes the standard tables, as for
  // Motion-JPEG frames; jpeg-js fails), baseline Ss/Se/Ah/Al values (libjpeg warns "Invalid SOS
  // parameters for sequential JPEG").
  it("baseline (jpeg-js): what the check accepts libjpeg-turbo opens; what it refuses a decoder refuses", async () => {
    const report = await mutate(valid);
    expect(report.mutations).toBe(3942);
    expect(report.acceptedUnopenable).toEqual([]);
    expect(report.refusedOpenable.filter((r) => r.strict && r.jpegJs)).toEqual([]);
    expect(byReason(report)).toEqual({
      "marker-expected": 19,
      "segment-length": 2,
      "no-huffman-table": 7,
      "bad-scan": 15,
    });
    // Before issue 12 item 9 the check accepted 3,829 of these mutations, 461 of which libjpeg-turbo
    // could not open (578 with its warnings as errors). It now accepts 3,347, all of which
    // libjpeg-turbo opens but one 65,504 pixels wide (photo.dimensions).
    expect(report.accepted).toBe(3347);
  }, 180_000);

  it("progressive (libjpeg-turbo): the same, for a first scan that is a DC scan", async () => {
    const progressive = new Uint8Array(
      await sharp(Buffer.from(valid)).jpeg({ quality: 85, progressive: true }).toBuffer(),
    );
    const report = await mutate(progressive);
    expect(report.mutations).toBeGreaterThan(1000);
    expect(report.acceptedUnopenable).toEqual([]);
    expect(report.refusedOpenable.filter((r) => r.strict && r.jpegJs)).toEqual([]);
    for (const reason of Object.keys(byReason(report))) {
      expect(["marker-expected", "segment-length", "no-huffman-table", "bad-scan"]).toContain(reason);
    }
  }, 180_000);
});
