/**
 * JPEG quality from the quantization tables, by inverting the IJG scaling that libjpeg, libjpeg-turbo
 * and jpeg-js apply to the tables of ITU-T T.81 Annex K:
 *
 *   scale = q < 50 ? floor(5000 / q) : 200 − 2q;   table[i] = clamp(floor((base[i] × scale + 50) / 100), 1, 255)
 *
 * The mean ratio table/base over unclamped entries estimates `scale`, hence q; then the integer
 * qualities around the estimate are tried and the one whose tables match best wins, which recovers
 * an IJG encoder's setting exactly. Tables from other encoders (Photoshop, mozjpeg) get the nearest
 * IJG-equivalent quality.
 */

// Annex K tables K.1 (luminance) and K.2 (chrominance), in zigzag order: the order DQT stores them.
const LUMA = [
  16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58,
  51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103,
  62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
];
const CHROMA = [
  17, 18, 18, 24, 21, 24, 47, 26, 26, 47, 99, 66, 56, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
];

const OFFSETS = [0, -1, 1, -2, 2, -3, 3];

function at(b: Uint8Array, offset: number, wide: boolean, k: number): number {
  return wide
    ? ((b[offset + 2 * k] as number) << 8) | (b[offset + 2 * k + 1] as number)
    : (b[offset + k] as number);
}

function scaleOf(q: number): number {
  return q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
}

function mismatch(b: Uint8Array, offset: number, wide: boolean, base: readonly number[], q: number): number {
  const scale = scaleOf(q);
  const max = wide ? 32767 : 255;
  let err = 0;
  for (let k = 0; k < 64; k++) {
    let t = Math.floor(((base[k] as number) * scale + 50) / 100);
    if (t < 1) t = 1;
    else if (t > max) t = max;
    err += Math.abs(t - at(b, offset, wide, k));
  }
  return err;
}

/**
 * Estimated IJG quality 1–100 of a JPEG from its luminance table (at `lumaOffset`) and, when there is
 * one, its chrominance table (`chromaOffset`, -1 for none).
 */
export function estimateQuality(
  b: Uint8Array,
  lumaOffset: number,
  lumaWide: boolean,
  chromaOffset: number,
  chromaWide: boolean,
): number {
  let sum = 0;
  let count = 0;
  let ones = 0;
  for (let k = 0; k < 64; k++) {
    const v = at(b, lumaOffset, lumaWide, k);
    if (v <= 1) ones++;
    else if (v < 255) {
      sum += (v * 100) / (LUMA[k] as number);
      count++;
    }
  }
  let estimate: number;
  if (count === 0) estimate = ones > 0 ? 100 : 1;
  else {
    const scale = sum / count;
    estimate = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
  }
  const centre = Math.min(100, Math.max(1, Math.round(estimate)));
  // Try the centre first, then outwards; an exact match (an IJG encoder's own setting) ends the search.
  let best = centre;
  let bestErr = Number.POSITIVE_INFINITY;
  for (const d of OFFSETS) {
    const q = centre + d;
    if (q < 1 || q > 100) continue;
    let err = mismatch(b, lumaOffset, lumaWide, LUMA, q);
    if (chromaOffset >= 0 && err < bestErr) err += mismatch(b, chromaOffset, chromaWide, CHROMA, q);
    if (err < bestErr) {
      best = q;
      bestErr = err;
      if (err === 0) break;
    }
  }
  return best;
}
