// Synthetic graduation photos for tests, the CLI's bundled example and the benchmark.
//
// No real person's photo is used anywhere: every image is drawn here (a light-blue background and a
// head-and-shoulders silhouette with seeded texture), encoded by jpeg-js (the IJG quantization
// tables, so quality estimates can be checked against the encoder's setting) and then patched at the
// byte level: a JFIF density, an EXIF APP1 segment, padding, or — for the colour-depth defects that
// jpeg-js cannot encode — a rewritten SOF/SOS header. Header-patched images are meant for the header
// checks only; their entropy-coded data no longer matches the header and they do not decode.
//
// Deterministic: the same options always give the same bytes.

import jpeg from "jpeg-js";

/** The light-blue reference background of CHSI's photo spec (教毕指〔2017〕99号). */
export const LIGHT_BLUE = Object.freeze([100, 197, 255]);

/** mulberry32: a small seeded PRNG, so fixtures are reproducible byte for byte. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v | 0);

/**
 * RGBA pixels of a head-and-shoulders portrait on a background: hair top about 80 px from the top,
 * eyes about 260 px down, face about 220 px wide (inside the spec's 50–110 / 200–300 / 180–300).
 */
export function drawPortrait(options = {}) {
  const width = options.width ?? 480;
  const height = options.height ?? 640;
  const [br, bg, bb] = options.background ?? LIGHT_BLUE;
  const texture = options.texture ?? 5;
  const gradient = options.backgroundGradient ?? false;
  const rand = prng(options.seed ?? 1);
  const data = new Uint8Array(width * height * 4);
  const sx = width / 480;
  const sy = height / 640;
  const cx = 240 * sx;
  // Face, hair and shoulders as ellipses in the 480 × 640 frame, scaled to the requested size.
  const face = { x: cx, y: 300 * sy, rx: 105 * sx, ry: 140 * sy };
  const hair = { x: cx, y: 250 * sy, rx: 125 * sx, ry: 170 * sy };
  const body = { x: cx, y: 700 * sy, rx: 260 * sx, ry: 230 * sy };
  const neck = { x0: cx - 50 * sx, x1: cx + 50 * sx, y0: 400 * sy, y1: 500 * sy };
  const inside = (e, x, y) => ((x - e.x) / e.rx) ** 2 + ((y - e.y) / e.ry) ** 2 <= 1;
  // Low-frequency blotches so the texture is not pure white noise (which compresses badly).
  let smooth = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      let r = br;
      let g = bg;
      let b = bb;
      let t = 0;
      if (gradient) {
        // A background that is blue at the top and fades to white: not uniform.
        const f = y / height;
        r = br + (255 - br) * f;
        g = bg + (255 - bg) * f;
        b = bb + (255 - bb) * f;
      }
      if (inside(body, x, y)) {
        r = 40;
        g = 48;
        b = 70;
        t = texture * 0.6;
      } else if (x >= neck.x0 && x <= neck.x1 && y >= neck.y0 && y <= neck.y1) {
        r = 205;
        g = 160;
        b = 130;
        t = texture * 0.5;
      }
      if (inside(hair, x, y) && y < face.y) {
        r = 30;
        g = 24;
        b = 22;
        t = texture;
      }
      if (inside(face, x, y) && y > 180 * sy) {
        r = 226;
        g = 184;
        b = 156;
        t = texture * 0.5;
        // Eyes and mouth, so the face has some structure.
        const ey = 270 * sy;
        if (
          Math.abs(y - ey) < 8 * sy &&
          (Math.abs(x - (cx - 45 * sx)) < 18 * sx || Math.abs(x - (cx + 45 * sx)) < 18 * sx)
        ) {
          r = 50;
          g = 40;
          b = 40;
        }
        if (Math.abs(y - 370 * sy) < 6 * sy && Math.abs(x - cx) < 35 * sx) {
          r = 170;
          g = 90;
          b = 90;
        }
      }
      if (t > 0) {
        smooth = smooth * 0.7 + (rand() - 0.5) * 0.3;
        const n = (rand() - 0.5) * t + smooth * t * 2;
        r += n;
        g += n;
        b += n;
      }
      data[i] = clamp(r);
      data[i + 1] = clamp(g);
      data[i + 2] = clamp(b);
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

const encoder = new TextEncoder();

/**
 * A TIFF/EXIF block ("Exif\0\0" + little-endian TIFF) with IFD0 holding the given tags.
 * Tags: software, processingSoftware (UTF-8 strings), orientation, xResolution / yResolution
 * (numbers, written as rationals over 100), resolutionUnit (2 inch, 3 cm).
 */
export function buildExif(tags = {}) {
  const entries = [];
  const ascii = (tag, s) => entries.push({ tag, type: 2, bytes: [...encoder.encode(s), 0] });
  const short = (tag, v) => entries.push({ tag, type: 3, value: v });
  const rational = (tag, v) => {
    const num = Math.round(v * 100);
    entries.push({ tag, type: 5, bytes: [...u32le(num), ...u32le(100)] });
  };
  if (tags.processingSoftware !== undefined) ascii(0x000b, tags.processingSoftware);
  if (tags.orientation !== undefined) short(0x0112, tags.orientation);
  if (tags.xResolution !== undefined) rational(0x011a, tags.xResolution);
  if (tags.yResolution !== undefined) rational(0x011b, tags.yResolution);
  if (tags.resolutionUnit !== undefined) short(0x0128, tags.resolutionUnit);
  if (tags.software !== undefined) ascii(0x0131, tags.software);
  entries.sort((a, b) => a.tag - b.tag);
  const ifdSize = 2 + entries.length * 12 + 4;
  let dataOffset = 8 + ifdSize;
  const head = [0x49, 0x49, 0x2a, 0x00, ...u32le(8), ...u16le(entries.length)];
  const tail = [];
  for (const e of entries) {
    head.push(...u16le(e.tag), ...u16le(e.type));
    if (e.type === 3) {
      head.push(...u32le(1), ...u16le(e.value), 0, 0);
    } else {
      const count = e.type === 2 ? e.bytes.length : 1;
      head.push(...u32le(count));
      if (e.bytes.length <= 4) {
        const inline = [...e.bytes, 0, 0, 0, 0].slice(0, 4);
        head.push(...inline);
      } else {
        head.push(...u32le(dataOffset));
        tail.push(...e.bytes);
        if (e.bytes.length % 2) tail.push(0);
        dataOffset = 8 + ifdSize + tail.length;
      }
    }
  }
  head.push(0, 0, 0, 0);
  return Uint8Array.from([0x45, 0x78, 0x69, 0x66, 0, 0, ...head, ...tail]);
}

function u16le(v) {
  return [v & 0xff, (v >>> 8) & 0xff];
}
function u32le(v) {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

/** Splits a JPEG into its header segments (up to and including SOS) and the rest. */
function segments(bytes) {
  const out = [];
  let i = 2;
  while (i + 4 <= bytes.length) {
    const marker = bytes[i + 1];
    const len = (bytes[i + 2] << 8) | bytes[i + 3];
    out.push({ marker, start: i, end: i + 2 + len });
    i += 2 + len;
    if (marker === 0xda) break;
  }
  return { list: out, rest: i };
}

function concat(parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function segment(marker, body) {
  const len = body.length + 2;
  return Uint8Array.from([0xff, marker, len >> 8, len & 0xff, ...body]);
}

/**
 * Rewrites the frame header: the SOF marker (0xc2 for progressive, 0xc1 for 12-bit), the sample precision and the
 * number of components; SOS is rewritten to match. Header-level only: the result does not decode.
 */
function patchFrame(bytes, { marker, precision, components }) {
  const { list, rest } = segments(bytes);
  const parts = [bytes.subarray(0, 2)];
  for (const s of list) {
    const body = bytes.subarray(s.start + 4, s.end);
    if (s.marker === 0xc0) {
      const p = precision ?? body[0];
      const n = components ?? body[5];
      const comps = [];
      for (let c = 0; c < n; c++) comps.push(c + 1, 0x11, c === 0 ? 0 : 1);
      parts.push(segment(marker ?? 0xc0, [p, body[1], body[2], body[3], body[4], n, ...comps]));
    } else if (s.marker === 0xda && (components !== undefined || marker === 0xc2)) {
      const n = components ?? body[0];
      const comps = [];
      for (let c = 0; c < n; c++) comps.push(c + 1, c === 0 ? 0x00 : 0x11);
      // A progressive frame starts with a DC scan: Ss = Se = 0 (T.81 G.1.1.1); baseline takes 0–63.
      parts.push(segment(0xda, [n, ...comps, 0, marker === 0xc2 ? 0 : 63, 0]));
    } else {
      parts.push(bytes.subarray(s.start, s.end));
    }
  }
  parts.push(bytes.subarray(rest));
  return concat(parts);
}

/** Inserts segments right after the APP0 (JFIF) segment. */
function insertAfterApp0(bytes, inserted) {
  const app0End = 2 + 2 + ((bytes[4] << 8) | bytes[5]);
  return concat([bytes.subarray(0, app0End), ...inserted, bytes.subarray(app0End)]);
}

/**
 * A synthetic graduation photo as JPEG bytes. Defaults give a photo that passes every check:
 * 480 × 640, JFIF 300 dpi, 3 × 8-bit YCbCr, quality 85, about 25 KB, light-blue background.
 *
 * Options: width, height, quality (1–100, default 85), seed, texture (noise amplitude: more → larger file),
 * background ([r, g, b]), backgroundGradient, dpi (null: JFIF density without units, i.e. none),
 * dpiUnit ("inch" | "cm"), exif ({ software, processingSoftware, orientation, xResolution,
 * yResolution, resolutionUnit }), xmpCreatorTool (an XMP APP1 packet naming it), comment (a COM segment, e.g. to make photos distinct), padTo
 * (append COM segments until the file has this many bytes), trailer (this many bytes of data after
 * the end-of-image marker, as phone cameras write), and the header patches progressive,
 * precision (12), components (1 grayscale, 4 CMYK/YCCK), adobeTransform (APP14: 0 CMYK, 2 YCCK).
 */
export function makePhoto(options = {}) {
  const image = drawPortrait(options);
  const encoded = jpeg.encode(image, options.quality ?? 85).data;
  let bytes = new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.length).slice();
  // JFIF density: jpeg-js writes units 0 (aspect ratio only) and 1:1; set the real density.
  const dpi = options.dpi === undefined ? 300 : options.dpi;
  if (dpi !== null) {
    const cm = options.dpiUnit === "cm";
    const d = cm ? Math.round(dpi / 2.54) : Math.round(dpi);
    bytes[13] = cm ? 2 : 1;
    bytes[14] = d >> 8;
    bytes[15] = d & 0xff;
    bytes[16] = d >> 8;
    bytes[17] = d & 0xff;
  }
  const inserted = [];
  if (options.exif) inserted.push(segment(0xe1, buildExif(options.exif)));
  if (options.xmpCreatorTool !== undefined) {
    const packet =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ' +
      `xmp:CreatorTool="${options.xmpCreatorTool}"/></rdf:RDF></x:xmpmeta>`;
    inserted.push(
      segment(0xe1, [...encoder.encode("http://ns.adobe.com/xap/1.0/\0"), ...encoder.encode(packet)]),
    );
  }
  if (options.adobeTransform !== undefined) {
    // "Adobe" APP14: version 100, flags 0, 0, transform.
    inserted.push(segment(0xee, [0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, options.adobeTransform]));
  }
  if (options.comment !== undefined) inserted.push(segment(0xfe, [...encoder.encode(options.comment)]));
  if (inserted.length > 0) bytes = insertAfterApp0(bytes, inserted);
  if (options.progressive || options.precision !== undefined || options.components !== undefined) {
    bytes = patchFrame(bytes, {
      // 12-bit samples exist only in extended (SOF1) or progressive frames (T.81 Table B.2).
      marker: options.progressive ? 0xc2 : options.precision === 12 ? 0xc1 : undefined,
      precision: options.precision,
      components: options.components,
    });
  }
  if (options.padTo !== undefined && options.padTo > bytes.length) {
    const pads = [];
    let missing = options.padTo - bytes.length;
    while (missing > 0) {
      // Each COM segment costs 4 bytes of marker and length; never leave a gap under 4 bytes.
      let body = Math.min(missing - 4, 65533);
      if (missing - (body + 4) > 0 && missing - (body + 4) < 4) body -= 4;
      pads.push(segment(0xfe, new Array(Math.max(body, 0)).fill(0x20)));
      missing -= Math.max(body, 0) + 4;
    }
    bytes = insertAfterApp0(bytes, pads);
  }
  if (options.trailer !== undefined && options.trailer > 0) {
    // What phone cameras append after the end-of-image marker: text-like data, no FF D9 in it.
    const tail = new Uint8Array(options.trailer);
    const words = encoder.encode("SEFH\0\0\0\x01MotionPhoto_Data SEFT ");
    for (let i = 0; i < tail.length; i++) tail[i] = words[i % words.length];
    const out = new Uint8Array(bytes.length + tail.length);
    out.set(bytes);
    out.set(tail, bytes.length);
    bytes = out;
  }
  return bytes;
}

/**
 * `count` valid photos, all different bytes (so no cache can serve a repeat): a few distinct
 * portraits (seeds) encoded once, each then given a unique COM segment.
 */
export function makePhotos(count, options = {}) {
  const distinct = Math.min(count, options.distinct ?? 8);
  const bases = [];
  for (let s = 0; s < distinct; s++) bases.push(makePhoto({ ...options, seed: (options.seed ?? 1) + s }));
  const out = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % distinct];
    out.push(insertAfterApp0(base, [segment(0xfe, [...encoder.encode(`photo ${i}`)])]));
  }
  return out;
}

function png(width, height) {
  // Signature and an IHDR chunk: enough for magic-byte detection (CRC is not checked there).
  const be32 = (v) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  const ihdr = [
    ...be32(13),
    0x49,
    0x48,
    0x44,
    0x52,
    ...be32(width),
    ...be32(height),
    8,
    2,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...ihdr,
    ...new Array(200).fill(0),
  ]);
}

/**
 * One fixture per defect, each with a single thing wrong (plus `valid`): `{ name, code, bytes,
 * fileName?, options? }` where `code` is the finding checkPhoto must give (`null` for none) and
 * `options` what to pass to checkPhoto besides `fileName`.
 */
export function photoFixtures() {
  const heic = Uint8Array.from([
    0,
    0,
    0,
    0x18,
    0x66,
    0x74,
    0x79,
    0x70,
    0x68,
    0x65,
    0x69,
    0x63,
    0,
    0,
    0,
    0,
    0x6d,
    0x69,
    0x66,
    0x31,
    0x68,
    0x65,
    0x69,
    0x63,
    ...new Array(100).fill(0),
  ]);
  const gif = Uint8Array.from([
    0x47,
    0x49,
    0x46,
    0x38,
    0x39,
    0x61,
    0xe0,
    0x01,
    0x80,
    0x02,
    ...new Array(100).fill(0),
  ]);
  const valid = makePhoto();
  const random = new Uint8Array(25_000);
  const r = prng(7);
  for (let i = 0; i < random.length; i++) random[i] = (r() * 256) | 0;
  return [
    { name: "valid", code: null, bytes: valid, fileName: "110108200001011237.jpg" },
    {
      name: "valid-exif-dpcm",
      code: null,
      bytes: makePhoto({
        dpi: null,
        exif: { xResolution: 118.11, yResolution: 118.11, resolutionUnit: 3, software: "Canon EOS 5D" },
      }),
    },
    { name: "valid-student-number", code: null, bytes: valid, fileName: "2019E8012345678.JPEG" },
    { name: "empty", code: "photo.unreadable", bytes: new Uint8Array(0) },
    { name: "random", code: "photo.unreadable", bytes: random },
    { name: "truncated", code: "photo.unreadable", bytes: valid.slice(0, 20_000) },
    { name: "png-named-jpg", code: "photo.format", bytes: png(480, 640), fileName: "110108200001011237.jpg" },
    { name: "heic-named-jpg", code: "photo.format", bytes: heic, fileName: "110108200001011237.jpg" },
    { name: "gif-named-jpg", code: "photo.format", bytes: gif },
    {
      name: "dimensions-small",
      code: "photo.dimensions",
      bytes: makePhoto({ width: 360, height: 480, texture: 15 }),
    },
    { name: "dimensions-rotated", code: "photo.dimensions", bytes: makePhoto({ width: 640, height: 480 }) },
    { name: "dpi-none", code: "photo.dpi", bytes: makePhoto({ dpi: null }) },
    { name: "dpi-72", code: "photo.dpi", bytes: makePhoto({ dpi: 72 }) },
    { name: "grayscale", code: "photo.color-depth", bytes: makePhoto({ components: 1 }) },
    { name: "cmyk", code: "photo.color-depth", bytes: makePhoto({ components: 4, adobeTransform: 0 }) },
    { name: "12-bit", code: "photo.color-depth", bytes: makePhoto({ precision: 12 }) },
    { name: "file-size-small", code: "photo.file-size", bytes: makePhoto({ quality: 65, texture: 0 }) },
    { name: "file-size-large", code: "photo.file-size", bytes: makePhoto({ padTo: 45_000 }) },
    {
      // 18 000–18 431 bytes: under 18 K of 1024 bytes, at least 18 K of 1000 (a warning).
      name: "file-size-units-small",
      code: "photo.file-size-units",
      bytes: makePhoto({ quality: 65, texture: 0, padTo: 18_200 }),
    },
    {
      // 40 001–40 960 bytes: within 40 K of 1024 bytes, over 40 K of 1000 (a warning).
      name: "file-size-units-large",
      code: "photo.file-size-units",
      bytes: makePhoto({ padTo: 40_500 }),
    },
    { name: "trailer-phone", code: "photo.trailer", bytes: makePhoto({ trailer: 2048 }) },
    { name: "file-name-person", code: "photo.file-name", bytes: valid, fileName: "张三.jpg" },
    { name: "file-name-copy", code: "photo.file-name", bytes: valid, fileName: "110108200001011237 (1).jpg" },
    {
      name: "file-name-extension",
      code: "photo.file-name",
      bytes: valid,
      fileName: "110108200001011237.png",
    },
    { name: "quality-low", code: "photo.quality", bytes: makePhoto({ quality: 40, texture: 40 }) },
    {
      name: "edited-photoshop",
      code: "photo.edited",
      bytes: makePhoto({ exif: { software: "Adobe Photoshop 24.0 (Windows)" } }),
    },
    {
      name: "edited-xmp-lightroom",
      code: "photo.edited",
      bytes: makePhoto({ xmpCreatorTool: "Adobe Photoshop Lightroom Classic 13.0 (Windows)" }),
    },
    {
      name: "edited-meitu",
      code: "photo.edited",
      bytes: makePhoto({ exif: { processingSoftware: "美图秀秀" } }),
    },
    {
      name: "background-white",
      code: "photo.background",
      bytes: makePhoto({ background: [250, 250, 250] }),
      options: { background: true },
    },
    {
      name: "background-gradient",
      code: "photo.background",
      bytes: makePhoto({ backgroundGradient: true }),
      options: { background: true },
    },
  ];
}
