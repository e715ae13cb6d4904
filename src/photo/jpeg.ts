/**
 * One pass over a JPEG's marker segments, from SOI up to the first SOS, reading only what the photo
 * rules of 5.3.3 need. Never reads past a segment's declared length nor past the end of the input,
 * allocates nothing per byte, and decodes no pixels.
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
  | "no-end-marker";

export type JpegRead = { ok: true; header: JpegHeader } | { ok: false; reason: JpegFailure; offset: number };

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

// SOF markers: C0–C3, C5–C7, C9–CB, CD–CF. C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

/**
 * Reads the header of a JPEG whose SOI has been checked by {@link isJpeg}. With `partial`, the bytes
 * are only the start of the file (a capped read), so the end-of-image marker is not looked for.
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
  };
  let i = 2;
  for (;;) {
    if (i >= n) return { ok: false, reason: "truncated", offset: i };
    if (b[i] !== 0xff) return { ok: false, reason: "marker-expected", offset: i };
    // Any number of 0xFF fill bytes may precede a marker.
    while (i < n && b[i] === 0xff) i++;
    if (i >= n) return { ok: false, reason: "truncated", offset: i };
    const m = b[i] as number;
    i++;
    // Standalone markers carry no length: TEM, RST0–7 and a stray SOI.
    if (m === 0x01 || m === 0xd8 || (m >= 0xd0 && m <= 0xd7)) continue;
    if (m === 0xd9) return { ok: false, reason: "end-before-frame", offset: i - 2 };
    if (m === 0x00) return { ok: false, reason: "marker-expected", offset: i - 1 };
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
    } else if (isSof(m)) {
      if (h.sofMarker !== 0) return { ok: false, reason: "bad-frame", offset: i - 2 };
      // P (1), Y (2), X (2), Nf (1), then Nf × (C, H/V, Tq).
      if (len < 8) return { ok: false, reason: "bad-frame", offset: i };
      const nf = b[start + 5] as number;
      if (nf === 0 || len < 8 + 3 * nf) return { ok: false, reason: "bad-frame", offset: i };
      h.sofMarker = m;
      h.progressive = m === 0xc2 || m === 0xc6 || m === 0xca || m === 0xce;
      h.precision = b[start] as number;
      h.height = ((b[start + 1] as number) << 8) | (b[start + 2] as number);
      h.width = ((b[start + 3] as number) << 8) | (b[start + 4] as number);
      h.components = nf;
      let ids = 0;
      for (let c = 0; c < nf && c < 4; c++) ids = (ids << 8) | (b[start + 6 + 3 * c] as number);
      h.componentIds = ids;
      h.lumaTable = (b[start + 8] as number) & 3;
      h.chromaTable = nf > 1 ? (b[start + 11] as number) & 3 : -1;
    } else if (m === 0xda) {
      if (h.sofMarker === 0) return { ok: false, reason: "no-frame", offset: i - 2 };
      h.scanStart = end;
      break;
    }
    i = end;
  }
  if (h.dqtOffset[h.lumaTable] === -1) return { ok: false, reason: "no-quantization-table", offset: i };
  if (!partial && !hasEndMarker(b, h.scanStart)) return { ok: false, reason: "no-end-marker", offset: n };
  return { ok: true, header: h };
}

/**
 * A complete JPEG ends with EOI (FF D9). Only the last bytes are searched, allowing a little trailing
 * padding, so a cut-off download is caught without scanning the entropy-coded data.
 */
function hasEndMarker(b: Uint8Array, from: number): boolean {
  const stop = Math.max(from, b.length - 64);
  for (let j = b.length - 2; j >= stop; j--) if (b[j] === 0xff && b[j + 1] === 0xd9) return true;
  return false;
}
