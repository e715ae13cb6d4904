/**
 * One pass over a JPEG's marker segments, from SOI up to the first SOS, reading only what the photo
 * rules of 5.3.3 need. Never reads past a segment's declared length nor past the end of the input,
 * allocates nothing per byte, and decodes no pixels.
 *
 * It also refuses the headers that a baseline (SOF0), extended sequential (SOF1) or progressive
 * (SOF2) Huffman decoder cannot decode, checking the marker segments up to the first scan against
 * ITU-T T.81 Annex B and against what libjpeg-turbo and jpeg-js refuse; never the entropy-coded
 * data. A header it accepts can still come with entropy-coded data that does not match it (a Huffman
 * value changed, a height larger than the data): decoders open such a file and warn. Two limits are
 * left to the photo rules, which refuse such files anyway: libjpeg's 65,500-pixel maximum (T.81
 * allows 65,535; photo.dimensions) and 12-bit samples (photo.color-depth).
 */

/** Where the header facts of a JPEG live; offsets index the input bytes. */
export interface JpegHeader {
  width: number;
  height: number;
  /** Sample precision in bits (8, or 12 in extended JPEG). */
  precision: number;
  components: number;
  /** Component identifiers 1–4 packed big-endian (e.g. 0x010203 for YCbCr, 0x524742 for "RGB"). */
  componentIds: number;
  sofMarker: number;
  progressive: boolean;
  /** JFIF APP0 density: units 0 none (aspect ratio only), 1 per inch, 2 per centimetre. */
  jfifUnits: number;
  jfifX: number;
  jfifY: number;
  hasJfif: boolean;
  /** The TIFF header inside the first EXIF APP1 segment, [start, end); -1 when absent. */
  exifStart: number;
  exifEnd: number;
  /** The XMP packet of the first XMP APP1 segment, [start, end); -1 when absent. */
  xmpStart: number;
  xmpEnd: number;
  /** Adobe APP14 colour transform (0 none, 1 YCbCr, 2 YCCK); -1 when absent. */
  adobeTransform: number;
  /** Offsets of quantization tables 0–3 (their first value) and whether each holds 16-bit values. */
  dqtOffset: [number, number, number, number];
  dqt16: [boolean, boolean, boolean, boolean];
  /** Quantization table selected by the first and second component (-1 when there is none). */
  lumaTable: number;
  chromaTable: number;
  /** Offset just after the SOS header: where entropy-coded data starts. */
  scanStart: number;
  /**
   * Bytes after the end-of-image marker (FF D9): 0 for a clean file, a few for padding, thousands
   * for the data phone cameras append there. 0 when only the start of the file was read.
   */
  trailer: number;
}

/** Why a JPEG could not be read; goes into `params.reason` of `photo.unreadable`. */
export type JpegFailure =
  | "truncated"
  | "marker-expected"
  | "segment-length"
  | "end-before-frame"
  | "no-frame"
  | "bad-frame"
  | "bad-quantization-table"
  | "no-quantization-table"
  | "no-end-marker"
  /** Lossless, hierarchical or arithmetic coding (SOF3, SOF5–7, SOF9–11, SOF13–15, JPG, DAC, DHP, EXP). */
  | "unsupported-frame"
  /** A marker T.81 reserves (RES 02–BF, JPGn F0–FD) or a second SOI before the first scan. */
  | "unexpected-marker"
  /** A DHT segment that does not parse or whose code lengths overflow the code space. */
  | "bad-huffman-table"
  /** The first scan uses a Huffman table that no DHT defined before it. */
  | "no-huffman-table"
  /** The first scan header (SOS) is malformed or illegal for the frame type. */
  | "bad-scan";

export type JpegRead =
  | { ok: true; header: JpegHeader }
  | {
      ok: false;
      reason: JpegFailure;
      offset: number;
      /** The marker (0xC3, 0xCC, 0x05, …) for "unsupported-frame" and "unexpected-marker". */
      marker?: number;
    };

/** True when the bytes start with a JPEG SOI marker followed by another marker. */
export function isJpeg(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

// "http://ns.adobe.com/xap/1.0/\0", the signature of an XMP APP1 segment.
const XMP_NS = [
  0x68, 0x74, 0x74, 0x70, 0x3a, 0x2f, 0x2f, 0x6e, 0x73, 0x2e, 0x61, 0x64, 0x6f, 0x62, 0x65, 0x2e, 0x63, 0x6f,
  0x6d, 0x2f, 0x78, 0x61, 0x70, 0x2f, 0x31, 0x2e, 0x30, 0x2f, 0x00,
];

function isXmp(b: Uint8Array, start: number): boolean {
  for (let k = 0; k < XMP_NS.length; k++) if (b[start + k] !== XMP_NS[k]) return false;
  return true;
}

/**
 * Markers of processes a Huffman DCT decoder does not implement (T.81 Table B.1): SOF3 lossless;
 * SOF5–7 and DHP (DE), EXP (DF) hierarchical; SOF9–11, SOF13–15 and DAC (CC) arithmetic coding;
 * JPG (C8), reserved for extensions. libjpeg-turbo stops on all of them but SOF3/SOF9–11 (when built
 * with lossless and arithmetic decoding) and DAC; jpeg-js on all of them.
 */
function isUnsupportedProcess(m: number): boolean {
  return (m >= 0xc3 && m <= 0xcf && m !== 0xc4) || m === 0xde || m === 0xdf;
}

/** Markers T.81 reserves (Table B.1): RES 02–BF and JPGn F0–FD. libjpeg and jpeg-js stop on them. */
function isReserved(m: number): boolean {
  return (m >= 0x02 && m <= 0xbf) || (m >= 0xf0 && m <= 0xfd);
}

/** libjpeg-turbo's MAX_SAMP_FACTOR and D_MAX_BLOCKS_IN_MCU, which are T.81's limits (B.2.2, B.2.3). */
const MAX_SAMPLING = 4;
const MAX_BLOCKS_IN_MCU = 10;

/**
 * Reads the header of a JPEG whose SOI has been checked by {@link isJpeg}. With `partial`, the bytes
 * are only the start of the file (a capped read), so the end-of-image marker is not looked for.
 *
 * Refuses (T.81 clauses in brackets) a header no baseline, extended sequential or progressive
 * Huffman decoder can decode: another process's marker (Table B.1); a frame header whose length,
 * precision, size, component count, identifiers, sampling factors or table selectors are out of
 * range (B.2.2, Table B.2); a quantization or Huffman table that does not parse (B.2.4.1, B.2.4.2,
 * Annex C); a DRI of the wrong length (B.2.4.4); and a first scan header that names an unknown
 * component, a table not yet defined, or spectral-selection and successive-approximation values
 * illegal for the frame (B.2.3, Table B.3, G.1.1.1).
 */
export function readJpegHeader(b: Uint8Array, partial = false): JpegRead {
  const n = b.length;
  const h: JpegHeader = {
    width: 0,
    height: 0,
    precision: 0,
    components: 0,
    componentIds: 0,
    sofMarker: 0,
    progressive: false,
    jfifUnits: 0,
    jfifX: 0,
    jfifY: 0,
    hasJfif: false,
    exifStart: -1,
    exifEnd: -1,
    xmpStart: -1,
    xmpEnd: -1,
    adobeTransform: -1,
    dqtOffset: [-1, -1, -1, -1],
    dqt16: [false, false, false, false],
    lumaTable: -1,
    chromaTable: -1,
    scanStart: -1,
    trailer: 0,
  };
  // Where the frame's component specifications (C, H/V, Tq; 3 bytes each) start, read again at SOS.
  let components = -1;
  // The Huffman tables defined so far, one bit each: DC 0–3 (bits 0–3), AC 0–3 (bits 4–7); those
  // whose codes overflow or whose DC values are out of range, and where each of those was defined.
  let huffman = 0;
  let badHuffman = 0;
  const badHuffmanAt = [-1, -1, -1, -1, -1, -1, -1, -1];
  let i = 2;
  for (;;) {
    if (i >= n) return { ok: false, reason: "truncated", offset: i };
    if (b[i] !== 0xff) return { ok: false, reason: "marker-expected", offset: i };
    // Any number of 0xFF fill bytes may precede a marker.
    while (i < n && b[i] === 0xff) i++;
    if (i >= n) return { ok: false, reason: "truncated", offset: i };
    const m = b[i] as number;
    i++;
    // Standalone markers carry no length: TEM and RST0–7 (which decoders pass over here).
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd7)) continue;
    if (m === 0xd9) return { ok: false, reason: "end-before-frame", offset: i - 2 };
    if (m === 0x00) return { ok: false, reason: "marker-expected", offset: i - 1 };
    // A second SOI (libjpeg: "Invalid JPEG file structure: two SOI markers"), a reserved marker.
    if (m === 0xd8 || isReserved(m)) {
      return { ok: false, reason: "unexpected-marker", offset: i - 2, marker: m };
    }
    if (isUnsupportedProcess(m)) return { ok: false, reason: "unsupported-frame", offset: i - 2, marker: m };
    if (i + 2 > n) return { ok: false, reason: "truncated", offset: i };
    const len = ((b[i] as number) << 8) | (b[i + 1] as number);
    if (len < 2) return { ok: false, reason: "segment-length", offset: i };
    const start = i + 2;
    const end = i + len;
    if (end > n) return { ok: false, reason: "truncated", offset: i };
    if (m === 0xe0) {
      // JFIF APP0: "JFIF\0", version (2), units, Xdensity (2), Ydensity (2), thumbnail size (2).
      if (
        !h.hasJfif &&
        len >= 16 &&
        b[start] === 0x4a &&
        b[start + 1] === 0x46 &&
        b[start + 2] === 0x49 &&
        b[start + 3] === 0x46 &&
        b[start + 4] === 0
      ) {
        h.hasJfif = true;
        h.jfifUnits = b[start + 7] as number;
        h.jfifX = ((b[start + 8] as number) << 8) | (b[start + 9] as number);
        h.jfifY = ((b[start + 10] as number) << 8) | (b[start + 11] as number);
      }
    } else if (m === 0xe1) {
      // EXIF APP1: "Exif\0\0" then a TIFF header; or XMP: its namespace URI, NUL, then the packet.
      if (
        h.exifStart < 0 &&
        len >= 2 + 6 + 8 &&
        b[start] === 0x45 &&
        b[start + 1] === 0x78 &&
        b[start + 2] === 0x69 &&
        b[start + 3] === 0x66 &&
        b[start + 4] === 0 &&
        b[start + 5] === 0
      ) {
        h.exifStart = start + 6;
        h.exifEnd = end;
      } else if (h.xmpStart < 0 && len >= 2 + XMP_NS.length && b[start] === 0x68 && isXmp(b, start)) {
        h.xmpStart = start + XMP_NS.length;
        h.xmpEnd = end;
      }
    } else if (m === 0xee) {
      // Adobe APP14: "Adobe", version (2), flags0 (2), flags1 (2), transform (1).
      if (len >= 14 && b[start] === 0x41 && b[start + 1] === 0x64 && b[start + 4] === 0x65) {
        h.adobeTransform = b[start + 11] as number;
      }
    } else if (m === 0xdb) {
      // DQT (B.2.4.1): tables of Pq (0: 8-bit, 1: 16-bit values) and Tq (0–3), then 64 values.
      let p = start;
      while (p < end) {
        const pqtq = b[p] as number;
        const pq = pqtq >> 4;
        const tq = pqtq & 15;
        if (pq > 1 || tq > 3) return { ok: false, reason: "bad-quantization-table", offset: p };
        const size = pq === 1 ? 128 : 64;
        if (p + 1 + size > end) return { ok: false, reason: "bad-quantization-table", offset: p };
        h.dqtOffset[tq] = p + 1;
        h.dqt16[tq] = pq === 1;
        p += 1 + size;
      }
    } else if (m === 0xc4) {
      // DHT (B.2.4.2): tables of Tc (0 DC, 1 AC) and Th (0–3), 16 code counts L1–L16, then the values.
      let p = start;
      while (p < end) {
        if (p + 17 > end) return { ok: false, reason: "bad-huffman-table", offset: p };
        const tc = (b[p] as number) >> 4;
        const th = (b[p] as number) & 15;
        if (tc > 1 || th > 3) return { ok: false, reason: "bad-huffman-table", offset: p };
        // Annex C assigns the codes in order of length and reserves every all-1-bits code as a
        // prefix: the counts must leave room, Σ Lk · 2^(16−k) < 2^16 (libjpeg: "Bogus Huffman table").
        let count = 0;
        let space = 0;
        for (let k = 1; k <= 16; k++) {
          const l = b[p + k] as number;
          count += l;
          space += l << (16 - k);
        }
        if (count > 256 || p + 17 + count > end) return { ok: false, reason: "bad-huffman-table", offset: p };
        // A DC value is a magnitude category SSSS: 0–11 for 8-bit samples, 0–15 for 12-bit (F.1.2.1,
        // Table F.1); libjpeg refuses a DC table with a value above 15.
        let bad = space >= 0x10000;
        for (let k = p + 17; tc === 0 && !bad && k < p + 17 + count; k++) bad = (b[k] as number) > 15;
        // Like the decoders, judge a table's codes when a scan uses it: a later DHT may replace it.
        const bit = 1 << (tc * 4 + th);
        huffman |= bit;
        if (bad) {
          badHuffman |= bit;
          badHuffmanAt[tc * 4 + th] = p;
        } else badHuffman &= ~bit;
        p += 17 + count;
      }
    } else if (m === 0xdd) {
      // DRI (B.2.4.4): Lr = 4, then the restart interval.
      if (len !== 4) return { ok: false, reason: "segment-length", offset: i };
    } else if (m >= 0xc0 && m <= 0xc2) {
      // SOF0 baseline, SOF1 extended sequential, SOF2 progressive; the other SOFs were refused above.
      if (h.sofMarker !== 0) return { ok: false, reason: "bad-frame", offset: i - 2 };
      // P (1), Y (2), X (2), Nf (1), then Nf × (C, H/V, Tq): Lf = 8 + 3 × Nf (B.2.2, Table B.2).
      if (len < 8) return { ok: false, reason: "bad-frame", offset: i };
      const nf = b[start + 5] as number;
      // [decision] Nf 1–4: T.81 allows up to 255 components in a sequential frame (4 in a progressive
      // one), but no photo decoder renders more than 4 (jpeg-js, libvips, browsers).
      if (nf === 0 || nf > 4 || len !== 8 + 3 * nf) return { ok: false, reason: "bad-frame", offset: i };
      // P is 8 in baseline; 8 or 12 in extended sequential and progressive frames (Table B.2).
      const precision = b[start] as number;
      if (precision !== 8 && (precision !== 12 || m === 0xc0)) {
        return { ok: false, reason: "bad-frame", offset: start };
      }
      // X is 1–65535; Y = 0 leaves the height to a DNL segment after the first scan (B.2.5), which
      // decoders do not support (libjpeg: "Empty JPEG image (DNL not supported)").
      const height = ((b[start + 1] as number) << 8) | (b[start + 2] as number);
      const width = ((b[start + 3] as number) << 8) | (b[start + 4] as number);
      if (height === 0 || width === 0) return { ok: false, reason: "bad-frame", offset: start + 1 };
      const c0 = start + 6;
      let maxH = 1;
      let maxV = 1;
      for (let c = 0; c < nf; c++) {
        const q = c0 + 3 * c;
        // Ci differs from C1 … Ci−1; Hi and Vi are 1–4; Tqi is 0–3 (B.2.2, Table B.2).
        for (let d = 0; d < c; d++) {
          if (b[c0 + 3 * d] === b[q]) return { ok: false, reason: "bad-frame", offset: q };
        }
        const hs = (b[q + 1] as number) >> 4;
        const vs = (b[q + 1] as number) & 15;
        if (hs < 1 || hs > MAX_SAMPLING || vs < 1 || vs > MAX_SAMPLING) {
          return { ok: false, reason: "bad-frame", offset: q + 1 };
        }
        if ((b[q + 2] as number) > 3) return { ok: false, reason: "bad-frame", offset: q + 2 };
        if (hs > maxH) maxH = hs;
        if (vs > maxV) maxV = vs;
      }
      // libjpeg-turbo upsamples by whole ratios only ("Fractional sampling not implemented yet"):
      // every sampling factor must divide the largest.
      for (let c = 0; c < nf; c++) {
        const q = c0 + 3 * c;
        if (maxH % ((b[q + 1] as number) >> 4) !== 0 || maxV % ((b[q + 1] as number) & 15) !== 0) {
          return { ok: false, reason: "bad-frame", offset: q + 1 };
        }
      }
      h.sofMarker = m;
      h.progressive = m === 0xc2;
      h.precision = precision;
      h.height = height;
      h.width = width;
      h.components = nf;
      let ids = 0;
      for (let c = 0; c < nf; c++) ids = (ids << 8) | (b[c0 + 3 * c] as number);
      h.componentIds = ids;
      h.lumaTable = b[c0 + 2] as number;
      h.chromaTable = nf > 1 ? (b[c0 + 5] as number) : -1;
      components = c0;
    } else if (m === 0xda) {
      if (h.sofMarker === 0) return { ok: false, reason: "no-frame", offset: i - 2 };
      // Ns (1), Ns × (Cs, Td/Ta), Ss, Se, Ah/Al: Ls = 6 + 2 × Ns, Ns 1–4 (B.2.3, Table B.3).
      const ns = len > 2 ? (b[start] as number) : 0;
      if (ns === 0 || ns > 4 || len !== 6 + 2 * ns) return { ok: false, reason: "bad-scan", offset: i };
      let seen = 0;
      let blocks = 0;
      for (let j = 0; j < ns; j++) {
        const q = start + 1 + 2 * j;
        // Each Csj is one of the frame's Ci, at most once in the scan.
        let k = 0;
        while (k < h.components && b[components + 3 * k] !== b[q]) k++;
        if (k === h.components || (seen & (1 << k)) !== 0) {
          return { ok: false, reason: "bad-scan", offset: q };
        }
        seen |= 1 << k;
        const c = components + 3 * k;
        blocks += ((b[c + 1] as number) >> 4) * ((b[c + 1] as number) & 15);
        // The component's quantization table is installed by the time its scan is decoded (B.2.2 Tqi).
        if (h.dqtOffset[b[c + 2] as number] === -1) {
          return { ok: false, reason: "no-quantization-table", offset: q };
        }
        // So are the scan's Huffman tables (B.2.3 Tdj, Taj). The first scan of a progressive frame
        // codes DC coefficients only (G.1.1.1.1) and needs no AC table.
        const td = (b[q + 1] as number) >> 4;
        const ta = (b[q + 1] as number) & 15;
        if (td > 3 || (huffman & (1 << td)) === 0) {
          return { ok: false, reason: "no-huffman-table", offset: q + 1 };
        }
        if (!h.progressive && (ta > 3 || (huffman & (1 << (4 + ta))) === 0)) {
          return { ok: false, reason: "no-huffman-table", offset: q + 1 };
        }
        if ((badHuffman & (1 << td)) !== 0) {
          return { ok: false, reason: "bad-huffman-table", offset: badHuffmanAt[td] as number };
        }
        if (!h.progressive && (badHuffman & (1 << (4 + ta))) !== 0) {
          return { ok: false, reason: "bad-huffman-table", offset: badHuffmanAt[4 + ta] as number };
        }
      }
      // An interleaved MCU holds at most 10 data units: Σ Hj × Vj ≤ 10 over the scan (B.2.3).
      if (ns > 1 && blocks > MAX_BLOCKS_IN_MCU) return { ok: false, reason: "bad-scan", offset: start };
      const p = start + 1 + 2 * ns;
      const ss = b[p] as number;
      const se = b[p + 1] as number;
      const ahal = b[p + 2] as number;
      if (h.progressive) {
        // A component's first scan is its DC scan (Ss = Se = 0, G.1.1.1.1), the first scan of a band
        // has Ah = 0 (B.2.3), and Al is 0–13 (Table B.3).
        if (ss !== 0 || se !== 0 || ahal >> 4 !== 0 || (ahal & 15) > 13) {
          return { ok: false, reason: "bad-scan", offset: p };
        }
      } else if (ss !== 0 || se !== 63 || ahal !== 0) {
        // Sequential DCT: Ss = 0, Se = 63, Ah = Al = 0 (B.2.3, Table B.3).
        return { ok: false, reason: "bad-scan", offset: p };
      }
      h.scanStart = end;
      break;
    }
    i = end;
  }
  if (h.dqtOffset[h.lumaTable] === -1) return { ok: false, reason: "no-quantization-table", offset: i };
  if (!partial) {
    const eoi = findEndMarker(b, h.scanStart);
    if (eoi < 0) return { ok: false, reason: "no-end-marker", offset: n };
    h.trailer = n - (eoi + 2);
  }
  return { ok: true, header: h };
}

/** How far from the end the end-of-image marker is looked for first: trailing padding. */
const END_WINDOW = 64;

/**
 * The offset of the end-of-image marker (FF D9) of a complete JPEG, or -1 for a cut-off file.
 *
 * First the last 64 bytes are searched (padding after EOI), so a clean file costs nothing more.
 * Only when that fails is the file walked from the first scan: entropy-coded bytes (FF is followed
 * by 00 stuffing, an RSTn or fill there), and the marker segments between the scans of a
 * progressive file (DHT, SOS, …) skipped by their declared length, up to the first EOI. What lies
 * after it (phone cameras append their own data there) is the trailer. The walk only moves forward:
 * linear in the input, whatever the bytes.
 */
function findEndMarker(b: Uint8Array, from: number): number {
  const n = b.length;
  const stop = Math.max(from, n - END_WINDOW);
  for (let j = n - 2; j >= stop; j--) if (b[j] === 0xff && b[j + 1] === 0xd9) return j;
  let i = from;
  while (i + 1 < n) {
    i = b.indexOf(0xff, i);
    if (i < 0 || i + 1 >= n) return -1;
    const m = b[i + 1] as number;
    if (m === 0xd9) return i;
    if (m === 0xff)
      i += 1; // fill byte: the next 0xFF starts the marker
    else if (m === 0x00 || m === 0x01 || (m >= 0xd0 && m <= 0xd8))
      i += 2; // stuffing, TEM, RSTn
    else {
      // A marker segment between scans: skip it by its length.
      if (i + 4 > n) return -1;
      const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
      if (len < 2) return -1;
      i += 2 + len;
    }
  }
  return -1;
}
