/**
 * The zip-bomb guard of .xlsx rosters (issue 12, item 4), run before the spreadsheet library sees
 * the file: SheetJS inflates every part in memory and its `sheetRows` does not bound that, so a
 * 1 MB workbook whose sheet inflates to 1 GB would cost gigabytes. Two steps, no dependency:
 *
 * 1. the zip's central directory: the entries' declared sizes, together, must stay under the bound;
 * 2. each entry is inflated by the platform's `DecompressionStream("deflate-raw")` (Node ≥ 20,
 *    current browsers), its bytes counted and dropped, and stopped as soon as it passes the size
 *    it declared — a zip that lies about its sizes is refused, never inflated whole.
 */
import { MAX_ZIP_ENTRIES } from "./limits.js";

/** Why a zip is refused: too big (which bound, how much) or not a zip that can be read. */
export type ZipRefusal =
  | { kind: "too-large"; limit: "maxInflatedBytes" | "zipEntries"; expected: number; received: number }
  | { kind: "corrupt" };

interface Entry {
  method: number;
  compressed: number;
  size: number;
  local: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory, or why they cannot be read. */
function entries(bytes: Uint8Array, maxInflated: number): Entry[] | ZipRefusal {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: "corrupt" };
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  // ZIP64 end records (65,535 entries or more, or offsets past 4 GiB) are past every bound here.
  if (count === 0xffff || p === 0xffffffff) {
    return { kind: "too-large", limit: "zipEntries", expected: MAX_ZIP_ENTRIES, received: count };
  }
  if (count > MAX_ZIP_ENTRIES) {
    return { kind: "too-large", limit: "zipEntries", expected: MAX_ZIP_ENTRIES, received: count };
  }
  const out: Entry[] = [];
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL) return { kind: "corrupt" };
    const method = dv.getUint16(p + 10, true);
    let compressed = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let local = dv.getUint32(p + 42, true);
    // ZIP64 sizes and offset live in the extra field (id 1), in this order, when flagged 0xFFFFFFFF.
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      const zip64 = readZip64(dv, p + 46 + nameLength, extraLength, { size, compressed, local });
      if (zip64 === undefined) return { kind: "corrupt" };
      ({ size, compressed, local } = zip64);
    }
    if (method !== 0 && method !== 8) return { kind: "corrupt" };
    declared += size;
    if (declared > maxInflated) {
      // Sum the rest for the message: how big the workbook says it is.
      let total = declared;
      let q = p + 46 + nameLength + extraLength + commentLength;
      for (let j = k + 1; j < count && q + 46 <= bytes.length && dv.getUint32(q, true) === CENTRAL; j++) {
        total += dv.getUint32(q + 24, true);
        q += 46 + dv.getUint16(q + 28, true) + dv.getUint16(q + 30, true) + dv.getUint16(q + 32, true);
      }
      return { kind: "too-large", limit: "maxInflatedBytes", expected: maxInflated, received: total };
    }
    out.push({ method, compressed, size, local });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function readZip64(
  dv: DataView,
  start: number,
  length: number,
  v: { size: number; compressed: number; local: number },
): { size: number; compressed: number; local: number } | undefined {
  let q = start;
  const end = start + length;
  while (q + 4 <= end && q + 4 <= dv.byteLength) {
    const id = dv.getUint16(q, true);
    const len = dv.getUint16(q + 2, true);
    if (id === 1) {
      let r = q + 4;
      const next = () => {
        if (r + 8 > q + 4 + len || r + 8 > dv.byteLength) return undefined;
        const n = Number(dv.getBigUint64(r, true));
        r += 8;
        return n;
      };
      const out = { ...v };
      if (v.size === 0xffffffff) out.size = next() ?? Number.NaN;
      if (v.compressed === 0xffffffff) out.compressed = next() ?? Number.NaN;
      if (v.local === 0xffffffff) out.local = next() ?? Number.NaN;
      return Object.values(out).every(Number.isFinite) ? out : undefined;
    }
    q += 4 + len;
  }
  return undefined;
}

/** The bytes an entry inflates to, counted and dropped; stops past `max`. */
async function inflatedSize(data: Uint8Array, max: number): Promise<number | "over" | "corrupt"> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return n;
      n += value.length;
      if (n > max) {
        await reader.cancel().catch(() => undefined);
        return "over";
      }
    }
  } catch {
    await reader.cancel().catch(() => undefined);
    return "corrupt";
  }
}

/**
 * Checks an .xlsx (a zip) before it is parsed: `undefined` when it may be read, else why not.
 * `maxInflated` bounds the entries' inflated bytes together, declared and real.
 * @example
 * const xlsx = writeXlsx({ sheets: [{ name: "名册", rows: [["学号"], ["2019E8012345001"]] }] });
 * await guardZip(xlsx, 64 * 1024 * 1024) //=> undefined
 * // An ordinary workbook may be read.
 */
export async function guardZip(bytes: Uint8Array, maxInflated: number): Promise<ZipRefusal | undefined> {
  const list = entries(bytes, maxInflated);
  if (!Array.isArray(list)) return list;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const canInflate = typeof DecompressionStream === "function" && typeof Blob === "function";
  let inflated = 0;
  for (const e of list) {
    if (e.local + 30 > bytes.length || dv.getUint32(e.local, true) !== LOCAL) return { kind: "corrupt" };
    const start = e.local + 30 + dv.getUint16(e.local + 26, true) + dv.getUint16(e.local + 28, true);
    if (start + e.compressed > bytes.length) return { kind: "corrupt" };
    const data = bytes.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (data.length !== e.size) return { kind: "corrupt" };
      inflated += data.length;
      continue;
    }
    // [decision] Without DecompressionStream (an old browser) only the declared sizes are checked.
    if (!canInflate) continue;
    const n = await inflatedSize(data, e.size);
    // An entry that inflates past the size it declared lies about itself: refused as damaged.
    if (n === "over" || n === "corrupt") return { kind: "corrupt" };
    inflated += n;
    if (inflated > maxInflated) {
      return { kind: "too-large", limit: "maxInflatedBytes", expected: maxInflated, received: inflated };
    }
  }
  return undefined;
}
