import { imageSize } from "image-size";
import { XueliError } from "../core/error.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
  resolveLocale,
  toResult,
} from "../findings/index.js";
import {
  type BackgroundFacts,
  type BackgroundOptions,
  backgroundProblem,
  decodeWithJpegJs,
  LIGHT_BLUE,
  measureBackground,
} from "./background.js";
import { findEditor } from "./editors.js";
import { readExif } from "./exif.js";
import { checkFileName, type PhotoStudent } from "./file-name.js";
import { isJpeg, type JpegHeader, readJpegHeader } from "./jpeg.js";
import { estimateQuality } from "./quality.js";
import { readXmpCreatorTool } from "./xmp.js";

/** The photo format of 5.3.3, and what else the check can name (from the magic bytes alone). */
export type PhotoFormat =
  | "jpeg"
  | "png"
  | "gif"
  | "webp"
  | "heif"
  | "avif"
  | "bmp"
  | "tiff"
  | "jp2"
  | "jxl"
  | "psd"
  | "pdf";

/** Colour model of a JPEG, from its component count, component ids and Adobe APP14 transform. */
export type ColorModel = "grayscale" | "ycbcr" | "rgb" | "cmyk" | "ycck" | "unknown";

/** What the bytes of a JPEG photo say about it; `checkPhoto` returns it whenever the JPEG header reads. */
export interface PhotoFacts {
  format: "jpeg";
  /** Stored pixel grid from the SOF marker (an EXIF orientation does not change it). */
  width: number;
  height: number;
  /** File size in bytes (the whole file's, when only its start was read). */
  bytes: number;
  /** Density in dots per inch, rounded: the smaller axis, the lower of JFIF and EXIF when both set one. */
  dpi?: number;
  /** Where `dpi` came from. */
  dpiSource?: "jfif" | "exif" | "jfif+exif";
  components: number;
  bitsPerSample: number;
  colorModel: ColorModel;
  /** IJG-equivalent JPEG quality 1–100 estimated from the quantization tables. */
  quality?: number;
  /** EXIF Software, else ProcessingSoftware, else XMP CreatorTool. */
  software?: string;
  /** EXIF Orientation 1–8 when present. */
  orientation?: number;
  progressive: boolean;
  /** Border-strip measurements, when `background` was asked for and the image decoded. */
  background?: BackgroundFacts;
}

/** Bounds of 5.3.3, overridable. */
export interface PhotoLimits {
  /** Smallest file in bytes; default 18 × 1024 = 18 432 ([decision] K = 1024). */
  minBytes?: number;
  /** Largest file in bytes; default 40 × 1024 = 40 960. */
  maxBytes?: number;
  /** Lowest density in dpi; default 300. */
  minDpi?: number;
  /** Lowest estimated JPEG quality before `photo.quality`; default 60 (教毕指〔2017〕99号). */
  minQuality?: number;
}

export const defaultPhotoLimits = {
  minBytes: 18 * 1024,
  maxBytes: 40 * 1024,
  minDpi: 300,
  minQuality: 60,
} as const;
export const PHOTO_WIDTH = 480;
export const PHOTO_HEIGHT = 640;

export interface CheckPhotoOptions extends LocaleOptions {
  /** The upload file name, checked against 5.3.3's naming rule when given. */
  fileName?: string;
  /** The student the photo belongs to: the file name must be their ID number or student number. */
  student?: PhotoStudent;
  limits?: PhotoLimits;
  /**
   * Decode the pixels and check the border strips are uniform light blue. Makes `checkPhoto` return
   * a Promise: the decoder (jpeg-js) is imported only then.
   */
  background?: boolean | BackgroundOptions;
  /**
   * The whole file's size when `bytes` is only its start (`checkPhotoFile` reads at most
   * `maxBytes + 1`): the size check uses it and the end-of-image marker is not looked for.
   */
  totalBytes?: number;
}

export type { BackgroundOptions, PhotoStudent };

/**
 * Checks a graduation photo's bytes against 5.3.3 (480 × 640, ≥ 300 dpi, 24-bit, 18 K–40 K, JPEG,
 * named by ID number or student number), the JPEG quality ≥ 60 of CHSI's spec, 5.2.2 (no editors or
 * beauty apps in EXIF) and, with `background`, the light-blue background of 4.2.2. Reads the
 * headers only, in one pass; never decodes pixels unless `background` is set, never throws on bad
 * bytes. Synchronous, except with `background`, when it returns a Promise.
 *
 * @example
 * const r = checkPhoto(bytes, { fileName: "110108200001011237.jpg" });
 * //=> { ok: true, value: { format: "jpeg", width: 480, height: 640, bytes: 25215, dpi: 300, dpiSource: "jfif",
 * //     components: 3, bitsPerSample: 8, colorModel: "ycbcr", quality: 85, progressive: false },
 * //     findings: [] }
 * checkPhoto(png, { locale: "en" }).findings[0];
 * //=> { code: "photo.format", severity: "error", clause: "5.3.3", params: { expected: "jpeg", received: "png" }, … }
 * await checkPhoto(bytes, { background: true }); // decodes, then also checks the background
 */
export function checkPhoto(
  bytes: Uint8Array,
  options: CheckPhotoOptions & { background: true | BackgroundOptions },
): Promise<Result<PhotoFacts>>;
export function checkPhoto(
  bytes: Uint8Array,
  options?: CheckPhotoOptions & { background?: false | undefined },
): Result<PhotoFacts>;
export function checkPhoto(
  bytes: Uint8Array,
  options?: CheckPhotoOptions,
): Result<PhotoFacts> | Promise<Result<PhotoFacts>>;
export function checkPhoto(
  bytes: Uint8Array,
  options: CheckPhotoOptions = {},
): Result<PhotoFacts> | Promise<Result<PhotoFacts>> {
  const { facts, findings } = inspect(bytes, options);
  const bg = options.background;
  if (bg === undefined || bg === false) return toResult(facts, findings);
  return checkBackground(bytes as Uint8Array, facts, findings, bg === true ? {} : bg, options);
}

async function checkBackground(
  bytes: Uint8Array,
  facts: PhotoFacts | undefined,
  findings: Finding[],
  bg: BackgroundOptions,
  options: CheckPhotoOptions,
): Promise<Result<PhotoFacts>> {
  // Nothing to decode when the header did not read; the findings already say why.
  if (facts === undefined) return toResult<PhotoFacts>(undefined, findings);
  let pixels: Awaited<ReturnType<typeof decodeWithJpegJs>>;
  try {
    pixels = await (bg.decode ?? decodeWithJpegJs)(bytes);
  } catch {
    findings.push(finding("photo.unreadable", [], { reason: "decode-failed" }, options));
    return toResult(facts, findings);
  }
  const measured = measureBackground(pixels, bg);
  facts.background = measured;
  const problem = backgroundProblem(measured, bg);
  if (problem !== undefined) {
    findings.push(
      finding(
        "photo.background",
        [],
        {
          reason: problem,
          expected: bg.reference ?? LIGHT_BLUE,
          received: measured.mean,
          distance: measured.distance,
          deviation: measured.deviation,
          spread: measured.spread,
        },
        options,
      ),
    );
  }
  return toResult(facts, findings);
}

function limitOf(limits: PhotoLimits | undefined, key: keyof PhotoLimits): number {
  const v = limits?.[key];
  if (v === undefined) return defaultPhotoLimits[key];
  if (typeof v !== "number" || Number.isNaN(v)) {
    throw new XueliError("option.invalid", `limits.${key} must be a number, got ${String(v)}`);
  }
  return v;
}

/** The header checks, synchronous: facts when the JPEG header reads, and every finding. */
function inspect(input: unknown, options: CheckPhotoOptions): { facts?: PhotoFacts; findings: Finding[] } {
  if (options === null || typeof options !== "object") {
    throw new XueliError("option.invalid", "checkPhoto options must be an object");
  }
  resolveLocale(options); // an unknown locale is a programmer error: throw before any work
  const limits = options.limits;
  const minBytes = limitOf(limits, "minBytes");
  const maxBytes = limitOf(limits, "maxBytes");
  const minDpi = limitOf(limits, "minDpi");
  const minQuality = limitOf(limits, "minQuality");
  const findings: Finding[] = [];
  const nameFinding = (): void => {
    const name = options.fileName;
    if (name === undefined) return;
    const problem =
      typeof name === "string" ? checkFileName(name, options.student) : { reason: "stem" as const };
    if (problem === undefined) return;
    const student = options.student;
    const params: FindingParams["photo.file-name"] = {
      received: typeof name === "string" ? name : typeOf(name),
      reason: problem.reason,
      expected: student ? [`${String(student.id?.number)}.jpg`, `${String(student.studentNumber)}.jpg`] : [],
    };
    if (problem.suggestion !== undefined) params.suggestion = problem.suggestion;
    findings.push(finding("photo.file-name", ["fileName"], params, options));
  };

  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else {
    findings.push(finding("photo.unreadable", [], { reason: "not-bytes", received: typeOf(input) }, options));
    nameFinding();
    return { findings };
  }
  const total =
    typeof options.totalBytes === "number" && options.totalBytes > bytes.length
      ? options.totalBytes
      : bytes.length;

  if (!isJpeg(bytes)) {
    const format = bytes.length === 0 ? undefined : sniff(bytes);
    if (format === undefined || format === "jpeg") {
      findings.push(
        finding(
          "photo.unreadable",
          [],
          { reason: bytes.length === 0 ? "empty" : format === "jpeg" ? "marker-expected" : "unknown-format" },
          options,
        ),
      );
    } else {
      const params: FindingParams["photo.format"] = { expected: "jpeg", received: format };
      const size = sizeOf(bytes);
      if (size !== undefined) Object.assign(params, size);
      findings.push(finding("photo.format", [], params, options));
    }
    nameFinding();
    return { findings };
  }

  const read = readJpegHeader(bytes, total > bytes.length);
  if (!read.ok) {
    findings.push(finding("photo.unreadable", [], { reason: read.reason, offset: read.offset }, options));
    nameFinding();
    return { findings };
  }
  const h = read.header;
  const facts: PhotoFacts = {
    format: "jpeg",
    width: h.width,
    height: h.height,
    bytes: total,
    components: h.components,
    bitsPerSample: h.precision,
    colorModel: colorModel(h),
    progressive: h.progressive,
  };

  // EXIF is parsed only when an APP1 "Exif" segment exists, and only its IFD0.
  const exif = h.exifStart >= 0 ? readExif(bytes, h.exifStart, h.exifEnd) : undefined;
  if (exif?.orientation !== undefined) facts.orientation = exif.orientation;
  const creatorTool = h.xmpStart >= 0 ? readXmpCreatorTool(bytes, h.xmpStart, h.xmpEnd) : undefined;
  const software = exif?.software ?? exif?.processingSoftware ?? creatorTool;
  if (software !== undefined) facts.software = software;

  // Dimensions (5.3.3): the stored grid must be 480 × 640 and display the same way in every viewer.
  // [decision] Orientation 5–8 swaps width and height in viewers that honour it, so a 480 × 640 grid
  // with such a tag shows as 640 × 480 there: refused, with the hint to rotate the pixels and drop
  // the tag. A 640 × 480 grid is refused whatever its tag ("rotated?").
  const swaps = facts.orientation !== undefined && facts.orientation >= 5 && facts.orientation <= 8;
  if (h.width !== PHOTO_WIDTH || h.height !== PHOTO_HEIGHT || swaps) {
    const params: FindingParams["photo.dimensions"] = {
      expected: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT },
      received: { width: h.width, height: h.height },
    };
    if (h.width === PHOTO_HEIGHT && h.height === PHOTO_WIDTH) params.hint = "rotated";
    else if (swaps && h.width === PHOTO_WIDTH && h.height === PHOTO_HEIGHT) params.hint = "orientation";
    if (facts.orientation !== undefined) params.orientation = facts.orientation;
    findings.push(finding("photo.dimensions", [], params, options));
  }

  // Density (5.3.3): JFIF APP0 when it has units, EXIF X/YResolution with ResolutionUnit otherwise;
  // both when both are set, the lower counting, since some reader will show that one.
  let dpi: number | undefined;
  let source: PhotoFacts["dpiSource"];
  if (h.hasJfif && (h.jfifUnits === 1 || h.jfifUnits === 2)) {
    const f = h.jfifUnits === 2 ? 2.54 : 1;
    dpi = Math.min(h.jfifX, h.jfifY) * f;
    source = "jfif";
  }
  if (exif?.xResolution !== undefined && exif.resolutionUnit !== 1) {
    const unit = exif.resolutionUnit ?? 2; // the TIFF default is inches
    if (unit === 2 || unit === 3) {
      const f = unit === 3 ? 2.54 : 1;
      const e = Math.min(exif.xResolution, exif.yResolution ?? exif.xResolution) * f;
      if (dpi === undefined) {
        dpi = e;
        source = "exif";
      } else {
        dpi = Math.min(dpi, e);
        source = "jfif+exif";
      }
    }
  }
  if (dpi !== undefined) {
    // [decision] Rounded to a whole dot per inch: JFIF stores whole dots per centimetre, and 118 /cm
    // (299.72 dpi) is how 300 dpi is written in centimetres.
    facts.dpi = Math.round(dpi);
    if (source !== undefined) facts.dpiSource = source;
  }
  if (facts.dpi === undefined || facts.dpi < minDpi) {
    findings.push(
      finding(
        "photo.dpi",
        [],
        { expected: minDpi, received: facts.dpi ?? null, source: source ?? null },
        options,
      ),
    );
  }

  // 24-bit true colour (5.3.3): three components of eight bits.
  if (h.components !== 3 || h.precision !== 8) {
    findings.push(
      finding(
        "photo.color-depth",
        [],
        {
          expected: { components: 3, bitsPerSample: 8 },
          received: { components: h.components, bitsPerSample: h.precision },
          colorModel: facts.colorModel,
        },
        options,
      ),
    );
  }

  // File size (5.3.3).
  if (total < minBytes || total > maxBytes) {
    findings.push(finding("photo.file-size", [], { received: total, min: minBytes, max: maxBytes }, options));
  }

  // JPEG quality ≥ 60 (教毕指〔2017〕99号), estimated from the quantization tables.
  const luma = h.dqtOffset[h.lumaTable] as number;
  const chroma =
    h.chromaTable >= 0 && h.chromaTable !== h.lumaTable ? (h.dqtOffset[h.chromaTable] as number) : -1;
  facts.quality = estimateQuality(
    bytes,
    luma,
    h.dqt16[h.lumaTable] as boolean,
    chroma,
    chroma >= 0 && (h.dqt16[h.chromaTable] as boolean),
  );
  if (facts.quality < minQuality) {
    findings.push(finding("photo.quality", [], { expected: minQuality, received: facts.quality }, options));
  }

  // No retouched or edited photos (5.2.2): an editor named in EXIF or XMP.
  if (exif !== undefined || creatorTool !== undefined) {
    for (const s of [exif?.software, exif?.processingSoftware, creatorTool]) {
      if (s === undefined) continue;
      const editor = findEditor(s);
      if (editor !== undefined) {
        findings.push(finding("photo.edited", [], { received: s, editor }, options));
        break;
      }
    }
  }

  nameFinding();
  return { facts, findings };
}

function colorModel(h: JpegHeader): ColorModel {
  if (h.components === 1) return "grayscale";
  if (h.components === 3) {
    // Adobe transform 0, or component ids "R" "G" "B", mean RGB stored without a YCbCr transform.
    if (h.adobeTransform === 0 || h.componentIds === 0x524742) return "rgb";
    return "ycbcr";
  }
  if (h.components === 4) return h.adobeTransform === 2 ? "ycck" : "cmyk";
  return "unknown";
}

function at(b: Uint8Array, i: number, ...sig: number[]): boolean {
  if (b.length < i + sig.length) return false;
  for (let k = 0; k < sig.length; k++) if (b[i + k] !== sig[k]) return false;
  return true;
}

/** The format named by the magic bytes, never by the file name. */
export function sniff(b: Uint8Array): PhotoFormat | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xd8) return "jpeg";
  if (at(b, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (at(b, 0, 0x47, 0x49, 0x46, 0x38)) return "gif";
  if (at(b, 0, 0x52, 0x49, 0x46, 0x46) && at(b, 8, 0x57, 0x45, 0x42, 0x50)) return "webp";
  if (at(b, 4, 0x66, 0x74, 0x79, 0x70) && b.length >= 12) {
    const brand = String.fromCharCode(b[8] as number, b[9] as number, b[10] as number, b[11] as number);
    if (brand === "avif" || brand === "avis") return "avif";
    if (/^(hei[cxms]|hev[cxms]|mif1|msf1)$/.test(brand)) return "heif";
    if (brand === "jxl ") return "jxl";
  }
  if (at(b, 0, 0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20)) return "jp2";
  if (at(b, 0, 0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20) || at(b, 0, 0xff, 0x0a)) return "jxl";
  if (at(b, 0, 0x49, 0x49, 0x2a, 0x00) || at(b, 0, 0x4d, 0x4d, 0x00, 0x2a)) return "tiff";
  if (at(b, 0, 0x38, 0x42, 0x50, 0x53)) return "psd";
  if (at(b, 0, 0x25, 0x50, 0x44, 0x46)) return "pdf";
  if (at(b, 0, 0x42, 0x4d) && b.length >= 26) return "bmp";
  return undefined;
}

/** Dimensions of a non-JPEG image, by image-size, when it can tell. */
function sizeOf(b: Uint8Array): { width: number; height: number } | undefined {
  try {
    const s = imageSize(b);
    return typeof s.width === "number" && typeof s.height === "number"
      ? { width: s.width, height: s.height }
      : undefined;
  } catch {
    return undefined;
  }
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
