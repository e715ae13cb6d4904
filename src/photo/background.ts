/**
 * The background rule: 4.2.2 asks for a blue background; CHSI's spec (教毕指〔2017〕99号) a uniform
 * light blue with reference RGB (100, 197, 255). Measured on decoded pixels, on the border strips a
 * head-and-shoulders photo leaves free: the top 5 % of rows, and the outer 5 % of columns on the
 * left and right down to half the height (below that the shoulders reach the edges).
 */

/** An RGB triple, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** Decoded pixels, 3 (RGB) or 4 (RGBA) bytes per pixel, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes JPEG bytes to RGBA pixels; may be async. */
export type JpegDecoder = (bytes: Uint8Array) => Pixels | Promise<Pixels>;

/** Tolerances of the background check; the defaults are documented in docs/photos.md. */
export interface BackgroundOptions {
  /** The colour the background should be; default (100, 197, 255). */
  reference?: Rgb;
  /** Largest Euclidean RGB distance of the strips' mean from `reference`; default 60. */
  tolerance?: number;
  /** Largest standard deviation of any channel over the strips; default 12. */
  maxDeviation?: number;
  /** Largest Euclidean distance between the means of the top, left and right strips; default 20. */
  maxSpread?: number;
  /** A decoder to use instead of jpeg-js (loaded only when no decoder is given). */
  decode?: JpegDecoder;
}

/** What the background check measured. */
export interface BackgroundFacts {
  /** Mean colour of the border strips, rounded. */
  mean: [number, number, number];
  /** Euclidean distance of `mean` from the reference colour, one decimal. */
  distance: number;
  /** Largest per-channel standard deviation over the strips, one decimal. */
  deviation: number;
  /** Largest distance between the three strips' means, one decimal. */
  spread: number;
}

export const LIGHT_BLUE: Rgb = [100, 197, 255];
/**
 * The default tolerances of the background check (4.2.2): the border's mean colour within 60 of
 * light blue, each channel's deviation within 12, the three strips' means within 20 of each other.
 * @example
 * defaultBackground.tolerance //=> 60
 */
export const defaultBackground = { tolerance: 60, maxDeviation: 12, maxSpread: 20 } as const;

const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Measures the border strips of decoded pixels (top 5 % of rows, outer 5 % of columns down to half
 * the height) against `options.reference` (light blue, RGB 100 197 255 by default): the mean colour,
 * its distance from the reference, the spread within and between strips. For callers that decode
 * pixels themselves; `checkPhotoBackground(bytes)` decodes and judges in one call.
 * @example
 * // RGBA pixels of a uniform light-blue backdrop.
 * const data = Uint8Array.from({ length: 480 * 640 * 4 }, (_, i) => [100, 197, 255, 255][i % 4]);
 * measureBackground({ width: 480, height: 640, data })
 * //=> { mean: [100, 197, 255], distance: 0, deviation: 0, spread: 0 }
 */
export function measureBackground(pixels: Pixels, options: BackgroundOptions = {}): BackgroundFacts {
  const { width, height, data } = pixels;
  const channels = width * height > 0 ? Math.round(data.length / (width * height)) : 4;
  const ref = options.reference ?? LIGHT_BLUE;
  const band = Math.max(1, Math.round(height * 0.05));
  const side = Math.max(1, Math.round(width * 0.05));
  const sideRows = Math.max(band, Math.round(height * 0.5));
  // Per strip: pixel count, channel sums and sums of squares.
  const n = [0, 0, 0];
  const s = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const q = [0, 0, 0];
  const add = (strip: number, x: number, y: number) => {
    const i = (y * width + x) * channels;
    const r = data[i] ?? 0;
    const g = channels >= 3 ? (data[i + 1] ?? 0) : r;
    const b = channels >= 3 ? (data[i + 2] ?? 0) : r;
    n[strip] = (n[strip] as number) + 1;
    s[strip * 3] = (s[strip * 3] as number) + r;
    s[strip * 3 + 1] = (s[strip * 3 + 1] as number) + g;
    s[strip * 3 + 2] = (s[strip * 3 + 2] as number) + b;
    q[0] = (q[0] as number) + r * r;
    q[1] = (q[1] as number) + g * g;
    q[2] = (q[2] as number) + b * b;
  };
  for (let y = 0; y < Math.min(band, height); y++) for (let x = 0; x < width; x++) add(0, x, y);
  for (let y = band; y < Math.min(sideRows, height); y++) {
    for (let x = 0; x < Math.min(side, width); x++) add(1, x, y);
    for (let x = Math.max(0, width - side); x < width; x++) add(2, x, y);
  }
  const total = (n[0] as number) + (n[1] as number) + (n[2] as number);
  if (total === 0) return { mean: [0, 0, 0], distance: Number.POSITIVE_INFINITY, deviation: 0, spread: 0 };
  const mean: [number, number, number] = [0, 0, 0];
  let deviation = 0;
  for (let c = 0; c < 3; c++) {
    const sum = (s[c] as number) + (s[3 + c] as number) + (s[6 + c] as number);
    const m = sum / total;
    mean[c] = m;
    deviation = Math.max(deviation, Math.sqrt(Math.max(0, (q[c] as number) / total - m * m)));
  }
  const stripMean = (k: number): Rgb | undefined => {
    const count = n[k] as number;
    if (count === 0) return undefined;
    return [(s[3 * k] as number) / count, (s[3 * k + 1] as number) / count, (s[3 * k + 2] as number) / count];
  };
  const strips = [stripMean(0), stripMean(1), stripMean(2)].filter((m): m is Rgb => m !== undefined);
  let spread = 0;
  for (const a of strips) for (const b of strips) spread = Math.max(spread, dist(a, b));
  return {
    mean: [Math.round(mean[0]), Math.round(mean[1]), Math.round(mean[2])],
    distance: round1(dist(mean, ref)),
    deviation: round1(deviation),
    spread: round1(spread),
  };
}

/**
 * Which of the background's tolerances `facts` exceeds: colour, uniformity, or none.
 * @example
 * backgroundProblem({ mean: [250, 250, 250], distance: 158.4, deviation: 0, spread: 0 }) //=> "colour"
 * backgroundProblem({ mean: [100, 197, 254], distance: 1, deviation: 30, spread: 0 }) //=> "uniformity"
 */
export function backgroundProblem(
  facts: BackgroundFacts,
  options: BackgroundOptions = {},
): "colour" | "uniformity" | undefined {
  const tolerance = options.tolerance ?? defaultBackground.tolerance;
  const maxDeviation = options.maxDeviation ?? defaultBackground.maxDeviation;
  const maxSpread = options.maxSpread ?? defaultBackground.maxSpread;
  if (!(facts.distance <= tolerance)) return "colour";
  if (facts.deviation > maxDeviation || facts.spread > maxSpread) return "uniformity";
  return undefined;
}

function dist(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * Decodes with jpeg-js, imported only here so that header-only checks never load a decoder. Caps
 * resolution and memory so a hostile header cannot make it allocate gigabytes.
 * @example
 * const px = await decodeWithJpegJs(photo);
 * [px.width, px.height, px.data.length] //=> [480, 640, 1228800]
 * // RGBA: four bytes a pixel.
 */
export async function decodeWithJpegJs(bytes: Uint8Array): Promise<Pixels> {
  // The decoder alone: jpeg-js's index also brings its encoder (~7 KB) into a browser bundle.
  // @ts-expect-error -- jpeg-js types only its index; the module is its `decode` (typed below).
  const mod: unknown = await import("jpeg-js/lib/decoder.js");
  type Decode = typeof import("jpeg-js").decode;
  const decode = ((mod as { default?: Decode }).default ?? mod) as Decode;
  const out = decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: 4,
    maxMemoryUsageInMB: 64,
  });
  return { width: out.width, height: out.height, data: out.data };
}
