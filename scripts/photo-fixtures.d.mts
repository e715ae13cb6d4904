/** An RGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** Tags of the EXIF IFD0 that {@link buildExif} can write. */
export interface ExifTags {
  software?: string;
  processingSoftware?: string;
  orientation?: number;
  xResolution?: number;
  yResolution?: number;
  /** 1 none, 2 inch, 3 centimetre. */
  resolutionUnit?: number;
}

export interface PortraitOptions {
  width?: number;
  height?: number;
  seed?: number;
  /** Noise amplitude on hair, face and clothes: more gives a larger file (default 5). */
  texture?: number;
  background?: Rgb;
  backgroundGradient?: boolean;
}

export interface MakePhotoOptions extends PortraitOptions {
  /** jpeg-js (IJG) quality 1–100, default 85. */
  quality?: number;
  /** JFIF density; `null` leaves jpeg-js's "aspect ratio only" header (no density). Default 300. */
  dpi?: number | null;
  dpiUnit?: "inch" | "cm";
  exif?: ExifTags;
  /** An XMP APP1 packet with this xmp:CreatorTool. */
  xmpCreatorTool?: string;
  comment?: string;
  padTo?: number;
  /** This many bytes of data after the end-of-image marker, as phone cameras append. */
  trailer?: number;
  /** Header patch: SOF2 instead of SOF0 (does not decode). */
  progressive?: boolean;
  /** Header patch: sample precision (does not decode). */
  precision?: number;
  /** Header patch: 1 grayscale, 4 CMYK/YCCK (does not decode). */
  components?: number;
  /** Adobe APP14 transform: 0 RGB/CMYK, 1 YCbCr, 2 YCCK. */
  adobeTransform?: number;
}

export interface PhotoFixture {
  name: string;
  /** The finding code checkPhoto must give, or `null` for a valid photo. */
  code: string | null;
  bytes: Uint8Array;
  fileName?: string;
  options?: { background?: boolean };
}

export const LIGHT_BLUE: Rgb;
export function prng(seed: number): () => number;
export function drawPortrait(options?: PortraitOptions): { data: Uint8Array; width: number; height: number };
export function buildExif(tags?: ExifTags): Uint8Array;
export function makePhoto(options?: MakePhotoOptions): Uint8Array;
export function makePhotos(count: number, options?: MakePhotoOptions & { distinct?: number }): Uint8Array[];
export function photoFixtures(): PhotoFixture[];
