/**
 * From a JPEG header to the facts the photo rules judge: the pixel grid, the density, the colour
 * model, the quality, the software names. Reading only; judging is in `./rules/`.
 */
import type { BackgroundFacts } from "./background.js";
import { readExif } from "./exif.js";
import type { JpegHeader } from "./jpeg.js";
import { estimateQuality } from "./quality.js";
import { readXmpCreatorTool } from "./xmp.js";

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
  /** Bytes after the end-of-image marker, when there are any (padding, or data phone cameras append). */
  trailer?: number;
  /**
   * Border-strip measurements: never set by `checkPhoto` (which decodes nothing); set by
   * `checkPhotoFile` and `checkPhotoFolder` when asked for `background` and the image decoded.
   */
  background?: BackgroundFacts;
}

/** What a header rule reads: the facts, and the software names the facts keep only the first of. */
export interface PhotoRuleInput {
  facts: PhotoFacts;
  /** EXIF Software, EXIF ProcessingSoftware and XMP CreatorTool, those present, in that order. */
  software: readonly string[];
}

/**
 * The facts of a JPEG whose header read, from its bytes and the whole file's size.
 * @example
 * const read = readJpegHeader(photo);
 * read.ok && photoFacts(photo, read.header, photo.length).facts
 * //=> { format: "jpeg", width: 480, height: 640, bytes: 25215, components: 3, bitsPerSample: 8,
 * //     colorModel: "ycbcr", progressive: false, dpi: 300, dpiSource: "jfif", quality: 85 }
 */
export function photoFacts(bytes: Uint8Array, h: JpegHeader, total: number): PhotoRuleInput {
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
  const software: string[] = [];
  for (const s of [exif?.software, exif?.processingSoftware, creatorTool])
    if (s !== undefined) software.push(s);
  if (software[0] !== undefined) facts.software = software[0];

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

  // JPEG quality, estimated from the quantization tables.
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
  if (h.trailer > 0) facts.trailer = h.trailer;
  return { facts, software };
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
