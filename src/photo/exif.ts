/**
 * The few EXIF tags of IFD0 that the photo rules need: XResolution, YResolution, ResolutionUnit
 * (5.3.3, density), Orientation (dimensions) and Software / ProcessingSoftware (5.2.2, edited).
 *
 * Why not exif-reader: it needs Node's `Buffer` (`toString("ascii")`), but the core must run on a
 * plain `Uint8Array` in a browser; it also parses every IFD and allocates for every tag. This reader
 * visits IFD0 only and checks every offset against the APP1 segment's declared end. The tests use
 * exif-reader as the oracle for what this one returns.
 */

export interface ExifFacts {
  xResolution?: number;
  yResolution?: number;
  /** 1 no absolute unit, 2 inch (the TIFF default), 3 centimetre. */
  resolutionUnit?: number;
  orientation?: number;
  software?: string;
  processingSoftware?: string;
}

const MAX_STRING = 256;

/** Reads IFD0 of the TIFF structure in `b[start, end)`. Malformed data yields fewer facts, never a throw. */
export function readExif(b: Uint8Array, start: number, end: number): ExifFacts {
  const facts: ExifFacts = {};
  if (end > b.length || end - start < 8) return facts;
  let le: boolean;
  if (b[start] === 0x49 && b[start + 1] === 0x49) le = true;
  else if (b[start] === 0x4d && b[start + 1] === 0x4d) le = false;
  else return facts;
  const u16 = (p: number): number =>
    le ? (b[p] as number) | ((b[p + 1] as number) << 8) : ((b[p] as number) << 8) | (b[p + 1] as number);
  const u32 = (p: number): number =>
    le
      ? ((b[p] as number) |
          ((b[p + 1] as number) << 8) |
          ((b[p + 2] as number) << 16) |
          ((b[p + 3] as number) << 24)) >>>
        0
      : (((b[p] as number) << 24) |
          ((b[p + 1] as number) << 16) |
          ((b[p + 2] as number) << 8) |
          (b[p + 3] as number)) >>>
        0;
  if (u16(start + 2) !== 42) return facts;
  const ifd = start + u32(start + 4);
  if (ifd < start + 8 || ifd + 2 > end) return facts;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + 12 * k;
    if (e + 12 > end) break;
    const tag = u16(e);
    const type = u16(e + 2);
    const n = u32(e + 4);
    switch (tag) {
      case 0x011a:
      case 0x011b: {
        // RATIONAL (5) or SRATIONAL (10): two 32-bit values at an offset.
        if ((type !== 5 && type !== 10) || n < 1) break;
        const p = start + u32(e + 8);
        if (p < start || p + 8 > end) break;
        const den = u32(p + 4);
        if (den === 0) break;
        const v = u32(p) / den;
        if (tag === 0x011a) facts.xResolution = v;
        else facts.yResolution = v;
        break;
      }
      case 0x0128:
      case 0x0112: {
        let v: number;
        if (type === 3) v = u16(e + 8);
        else if (type === 4) v = u32(e + 8);
        else break;
        if (tag === 0x0128) facts.resolutionUnit = v;
        else facts.orientation = v;
        break;
      }
      case 0x0131:
      case 0x000b: {
        // ASCII (2); UTF-8 (129, EXIF 3.0) and UNDEFINED (7) are read the same way, since apps
        // write UTF-8 names such as 美图秀秀 into ASCII tags anyway.
        if (type !== 2 && type !== 129 && type !== 7) break;
        const len = Math.min(n, MAX_STRING);
        const p = n <= 4 ? e + 8 : start + u32(e + 8);
        if (p < start || p + len > end) break;
        const s = decodeString(b, p, len);
        if (s === "") break;
        if (tag === 0x0131) facts.software = s;
        else facts.processingSoftware = s;
        break;
      }
    }
  }
  return facts;
}

/** Latin-1 for plain ASCII (the common case, no decoder needed), UTF-8 when any byte is ≥ 0x80. */
function decodeString(b: Uint8Array, p: number, len: number): string {
  let end = p + len;
  while (end > p && (b[end - 1] === 0 || b[end - 1] === 0x20)) end--;
  let ascii = true;
  let s = "";
  for (let j = p; j < end; j++) {
    const c = b[j] as number;
    if (c === 0) {
      end = j;
      break;
    }
    if (c >= 0x80) ascii = false;
  }
  if (ascii) {
    for (let j = p; j < end; j++) s += String.fromCharCode(b[j] as number);
    return s.trim();
  }
  return new TextDecoder("utf-8").decode(b.subarray(p, end)).trim();
}
