import { imageSize } from "image-size";
import { XueliError } from "../core/error.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type Locale,
  type LocaleOptions,
  type Result,
  toResult,
} from "../findings/index.js";
import type { BackgroundOptions } from "./background.js";
import { type ColorModel, type PhotoFacts, photoFacts } from "./facts.js";
import type { PhotoStudent } from "./file-name.js";
import { isJpeg, readJpegHeader } from "./jpeg.js";
import {
  bytesOf,
  defaultPhotoLimits,
  localeOf,
  type PhotoLimits,
  type ResolvedPhotoLimits,
  resolvePhotoLimits,
  typeOf,
} from "./options.js";
import { fileNameRule, fileSizeRule, PHOTO_HEIGHT, PHOTO_WIDTH, photoRules } from "./rules/index.js";

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

export type { BackgroundOptions, ColorModel, PhotoFacts, PhotoLimits, PhotoStudent };
export { defaultPhotoLimits, PHOTO_HEIGHT, PHOTO_WIDTH };

/** Options of `checkPhoto`: the file's name and student for the naming rule (5.3.3), the limits, the whole size. */
export interface CheckPhotoOptions extends LocaleOptions {
  /** The upload file name, checked against 5.3.3's naming rule when given. */
  fileName?: string;
  /** The student the photo belongs to: the file name must be their ID number or student number. */
  student?: PhotoStudent;
  /** Bounds other than 5.3.3's (size, density, quality); each one absent keeps its default (`defaultPhotoLimits`). */
  limits?: PhotoLimits;
  /**
   * The whole file's size when `bytes` is only its start (a capped read, see `photoReadCap`): the
   * size check uses it, the end-of-image marker is not looked for, and a header that runs past the
   * bytes given is not judged when the size alone refuses the file.
   */
  totalBytes?: number;
}

/** checkPhoto's options, read once. */
interface Snapshot {
  fileName: unknown;
  student: unknown;
  limits: unknown;
  totalBytes: unknown;
  locale: unknown;
  background: unknown;
}

const NO_OPTIONS: Snapshot = {
  fileName: undefined,
  student: undefined,
  limits: undefined,
  totalBytes: undefined,
  locale: undefined,
  background: undefined,
};

/** The options read once, property by property (a getter or a Proxy trap that throws: XueliError). */
function snapshotOf(options: unknown): Snapshot {
  if (options === undefined) return NO_OPTIONS;
  if (options === null || typeof options !== "object") {
    throw new XueliError("option.invalid", `checkPhoto options must be an object, got ${typeOf(options)}`);
  }
  try {
    const o = options as Record<keyof Snapshot, unknown>;
    return {
      fileName: o.fileName,
      student: o.student,
      limits: o.limits,
      totalBytes: o.totalBytes,
      locale: o.locale,
      background: o.background,
    };
  } catch {
    throw new XueliError(
      "option.invalid",
      "checkPhoto options could not be read (a getter or a Proxy trap threw)",
    );
  }
}

// One options object per locale, for the findings: nothing allocated per call.
const LOCALES: Record<Locale, LocaleOptions> = { "zh-CN": { locale: "zh-CN" }, en: { locale: "en" } };
const NONE: readonly Finding[] = [];

/**
 * Checks a graduation photo's bytes against 5.3.3 (480 × 640, ≥ 300 dpi, 24-bit, 18 K–40 K, JPEG,
 * named by ID number or student number), the JPEG quality ≥ 60 of CHSI's spec and 5.2.2 (no editors
 * or beauty apps in EXIF). Always synchronous: it reads the headers once, in one pass, decodes no
 * pixels, and runs the rules of `photoRules` on what they say, then the naming rule. The background
 * (4.2.2) needs the pixels: {@link checkPhotoBackground}.
 *
 * Never throws on bad data (bytes that are not bytes give `photo.unreadable` `not-bytes`); throws
 * `XueliError` for a bad options object (a limit that is not a number, a getter that throws).
 *
 * @example
 * checkPhoto(photo, { fileName: "110108200001011237.jpg" })
 * //=> { ok: true, value: { format: "jpeg", width: 480, height: 640, bytes: 25215, dpi: 300, dpiSource: "jfif",
 * //     components: 3, bitsPerSample: 8, colorModel: "ycbcr", quality: 85, progressive: false },
 * //     findings: [] }
 * const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
 * checkPhoto(png, { locale: "en" }).findings
 * //=> [{ code: "photo.format", severity: "error", clause: "5.3.3", path: [],
 * //      params: { expected: "jpeg", received: "png" }, message: "The photo is not a JPEG (expected jpeg; received png)" }]
 */
export function checkPhoto(bytes: Uint8Array | ArrayBuffer, options?: CheckPhotoOptions): Result<PhotoFacts> {
  const o = snapshotOf(options);
  if (o.background !== undefined && o.background !== false) {
    throw new XueliError(
      "option.invalid",
      "checkPhoto is synchronous and decodes no pixels: check the background with checkPhotoBackground(bytes, options)",
    );
  }
  const locale = LOCALES[localeOf(o.locale)];
  const limits = resolvePhotoLimits(o.limits);
  const totalBytes = o.totalBytes;
  if (
    totalBytes !== undefined &&
    !(typeof totalBytes === "number" && totalBytes >= 0 && totalBytes < Infinity)
  ) {
    throw new XueliError("option.invalid", `totalBytes must be a number of bytes, got ${typeOf(totalBytes)}`);
  }
  const findings: Finding[] = [];
  const facts = inspect(bytes, totalBytes, limits, locale, findings);
  if (o.fileName !== undefined) {
    const student = o.student === undefined ? undefined : studentOf(o.student);
    for (const f of fileNameRule(o.fileName, student, locale)) findings.push(f);
  }
  return toResult(facts, findings);
}

/** The byte checks: the facts when the JPEG header reads; the findings pushed onto `findings`. */
function inspect(
  bytes: unknown,
  totalBytes: number | undefined,
  limits: ResolvedPhotoLimits,
  locale: LocaleOptions,
  findings: Finding[],
): PhotoFacts | undefined {
  const b = bytesOf(bytes);
  if (b === undefined) {
    findings.push(finding("photo.unreadable", [], { reason: "not-bytes", received: typeOf(bytes) }, locale));
    return undefined;
  }
  // Only the start of the file was given: its real size is known, and judged first (12.9).
  const partial = totalBytes !== undefined && totalBytes > b.length;
  const total = partial ? totalBytes : b.length;
  const size = partial ? fileSizeRule({ facts: { bytes: total } }, limits, locale) : NONE;

  if (!isJpeg(b)) {
    const format = b.length === 0 ? undefined : sniff(b);
    if (format === undefined || format === "jpeg") {
      const reason = b.length === 0 ? "empty" : format === "jpeg" ? "marker-expected" : "unknown-format";
      findings.push(finding("photo.unreadable", [], { reason }, locale));
    } else {
      const params: FindingParams["photo.format"] = { expected: "jpeg", received: format };
      const dims = sizeOf(b);
      if (dims !== undefined) Object.assign(params, dims);
      findings.push(finding("photo.format", [], params, locale));
    }
    findings.push(...size);
    return undefined;
  }

  const read = readJpegHeader(b, partial);
  if (!read.ok) {
    // A header running past a capped read is not judged when the size alone refuses the file: the
    // file is too large, not cut off.
    const refused = size.some((f) => f.severity === "error");
    if (!(partial && read.reason === "truncated" && refused)) {
      findings.push(finding("photo.unreadable", [], { reason: read.reason, offset: read.offset }, locale));
    }
    findings.push(...size);
    return undefined;
  }
  const input = photoFacts(b, read.header, total);
  for (const rule of photoRules) for (const f of rule(input, limits, locale)) findings.push(f);
  return input.facts;
}

/** The student of the naming rule, read once: its two identifiers as strings ("" when unreadable). */
function studentOf(v: unknown): PhotoStudent {
  let studentNumber: unknown;
  let number: unknown;
  try {
    if (typeof v === "object" && v !== null) {
      studentNumber = (v as { studentNumber?: unknown }).studentNumber;
      const id = (v as { id?: unknown }).id;
      if (typeof id === "object" && id !== null) number = (id as { number?: unknown }).number;
    }
  } catch {
    // A student record that cannot be read names nobody: the file name cannot be theirs.
  }
  return {
    studentNumber: typeof studentNumber === "string" ? studentNumber : "",
    id: { number: typeof number === "string" ? number : "" },
  };
}

function at(b: Uint8Array, i: number, ...sig: number[]): boolean {
  if (b.length < i + sig.length) return false;
  for (let k = 0; k < sig.length; k++) if (b[i + k] !== sig[k]) return false;
  return true;
}

/**
 * The format named by the magic bytes, never by the file name.
 * @example
 * sniff(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) //=> "png"
 * sniff(Uint8Array.of(1, 2, 3)) //=> undefined
 */
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
