import { XueliError } from "../core/error.js";
import { type Finding, finding, type LocaleOptions, type Result, toResult } from "../findings/index.js";
import {
  type BackgroundFacts,
  type BackgroundOptions,
  backgroundProblem,
  decodeWithJpegJs,
  type JpegDecoder,
  LIGHT_BLUE,
  measureBackground,
  type Pixels,
  type Rgb,
} from "./background.js";
import { bytesOf, localeOf, readOptions, typeOf } from "./options.js";

/** Options of {@link checkPhotoBackground}: the background's tolerances, a decoder, the locale. */
export interface CheckPhotoBackgroundOptions extends BackgroundOptions, LocaleOptions {}

const OPTION_KEYS = ["reference", "tolerance", "maxDeviation", "maxSpread", "decode", "locale"] as const;
const TOLERANCES = ["tolerance", "maxDeviation", "maxSpread"] as const;

/**
 * The background options read once and checked: a bad one is a programmer error (`XueliError`).
 * @example
 * backgroundOptionsOf({ tolerance: 80 }) //=> { locale: "zh-CN", tolerance: 80 }
 * backgroundOptionsOf({ tolerance: "wide" }) //=> throws XueliError("option.invalid")
 */
export function backgroundOptionsOf(
  options: unknown,
  what = "checkPhotoBackground",
): BackgroundOptions & LocaleOptions {
  const o = readOptions(options, OPTION_KEYS, what);
  const out: BackgroundOptions & LocaleOptions = { locale: localeOf(o.locale) };
  for (const k of TOLERANCES) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v >= 0)) {
      throw new XueliError("option.invalid", `background ${k} must be a number ≥ 0, got ${typeOf(v)}`);
    }
    out[k] = v;
  }
  if (o.reference !== undefined) out.reference = rgbOf(o.reference);
  if (o.decode !== undefined) {
    if (typeof o.decode !== "function") {
      throw new XueliError("option.invalid", `background decode must be a function, got ${typeOf(o.decode)}`);
    }
    out.decode = o.decode as JpegDecoder;
  }
  return out;
}

function rgbOf(v: unknown): Rgb {
  let rgb: unknown[] | undefined;
  try {
    // Array.isArray throws on a revoked Proxy; the elements are read once.
    if (Array.isArray(v) && v.length === 3) rgb = [v[0], v[1], v[2]];
  } catch {
    rgb = undefined;
  }
  if (rgb === undefined || !rgb.every((c) => typeof c === "number" && c >= 0 && c <= 255)) {
    throw new XueliError("option.invalid", "background reference must be three numbers 0–255");
  }
  return rgb as unknown as Rgb;
}

/** Decoded pixels read once: `undefined` when they are not pixels (a custom decoder's mistake). */
function pixelsOf(v: unknown): Pixels | undefined {
  try {
    if (typeof v !== "object" || v === null) return undefined;
    const { width, height, data } = v as { width?: unknown; height?: unknown; data?: unknown };
    const bytes = bytesOf(data) ?? clamped(data);
    if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || bytes === undefined)
      return undefined;
    const w = width as number;
    const h = height as number;
    if (w <= 0 || h <= 0 || bytes.length < w * h * 3) return undefined;
    return { width: w, height: h, data: bytes };
  } catch {
    return undefined;
  }
}

/** Canvas `ImageData.data` is a Uint8ClampedArray: the same bytes. */
function clamped(v: unknown): Uint8Array | undefined {
  return v instanceof Uint8ClampedArray ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : undefined;
}

/**
 * The background check (4.2.2; CHSI's spec 教毕指〔2017〕99号): decodes the photo and samples the
 * border strips a head-and-shoulders photo leaves free (top 5 % of rows, outer 5 % of columns down
 * to half the height). Their mean must lie within `tolerance` (60) of the light-blue reference
 * (100, 197, 255), every channel's standard deviation must stay within `maxDeviation` (12) and the
 * three strips' means within `maxSpread` (20) of each other. Gives `photo.background` (reason
 * `colour` or `uniformity`) and `photo.unreadable` (`decode-failed`) when the pixels do not decode;
 * the value is what was measured.
 *
 * Asynchronous: the decoder, jpeg-js, is imported only here (or `decode` is used instead: a
 * browser's canvas, sharp …). Never rejects on bad bytes; rejects with `XueliError` for bad options.
 *
 * @example
 * await checkPhotoBackground(photo)
 * //=> { ok: true, value: { mean: [100, 197, 254], distance: 1, deviation: 0, spread: 0 }, findings: [] }
 * // A decoder of one's own (a canvas, sharp …), here one that sees a white backdrop.
 * const white = async () => ({ width: 480, height: 640, data: new Uint8Array(480 * 640 * 4).fill(250) });
 * (await checkPhotoBackground(photo, { decode: white, locale: "en" })).findings
 * //=> [{ code: "photo.background", severity: "error", clause: "4.2.2", path: [],
 * //      params: { reason: "colour", expected: [100, 197, 255], received: [250, 250, 250],
 * //        distance: 159.2, deviation: 0, spread: 0 },
 * //      message: "The photo's background is not light blue (border mean RGB (250, 250, 250), reference (100, 197, 255), distance 159.2)" }]
 */
export async function checkPhotoBackground(
  bytes: Uint8Array | ArrayBuffer,
  options?: CheckPhotoBackgroundOptions,
): Promise<Result<BackgroundFacts>> {
  const o = backgroundOptionsOf(options);
  const findings: Finding[] = [];
  const b = bytesOf(bytes);
  if (b === undefined || b.length === 0) {
    const params =
      b === undefined
        ? { reason: "not-bytes" as const, received: typeOf(bytes) }
        : { reason: "empty" as const };
    findings.push(finding("photo.unreadable", [], params, o));
    return toResult<BackgroundFacts>(undefined, findings);
  }
  let pixels: Pixels | undefined;
  try {
    pixels = pixelsOf(await (o.decode ?? decodeWithJpegJs)(b));
  } catch {
    pixels = undefined;
  }
  if (pixels === undefined) {
    findings.push(finding("photo.unreadable", [], { reason: "decode-failed" }, o));
    return toResult<BackgroundFacts>(undefined, findings);
  }
  const measured = measureBackground(pixels, o);
  const problem = backgroundProblem(measured, o);
  if (problem !== undefined) {
    findings.push(
      finding(
        "photo.background",
        [],
        {
          reason: problem,
          expected: o.reference ?? LIGHT_BLUE,
          received: measured.mean,
          distance: measured.distance,
          deviation: measured.deviation,
          spread: measured.spread,
        },
        o,
      ),
    );
  }
  return toResult(measured, findings);
}
