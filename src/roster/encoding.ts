/**
 * The encoding of a text roster, told from its bytes, never asked: a BOM (UTF-8, or UTF-16 — the
 * "Unicode 文本" export of Excel), else valid UTF-8, else GB18030 (what Excel in China saves as
 * "CSV"). Bytes arrive in chunks: the decision is made on a sample from the start, then the rest
 * is decoded as it comes (a character split between two chunks is kept whole).
 */

/**
 * How a text roster was decoded. `utf-8-mixed`: UTF-8 with a few lines in another encoding (a row
 * pasted from a GB18030 file); those rows are reported, the others read.
 */
export type RosterEncoding = "utf-8" | "utf-8-mixed" | "gb18030" | "utf-16le" | "utf-16be";

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-8 or GB18030 for bytes without a BOM (the whole file, or a sample cut at a line end). A file
 * that is UTF-8 but for a few lines is `utf-8-mixed`: a Chinese line in GB18030 is almost never
 * valid UTF-8, so a UTF-8 header or a UTF-8 majority of lines means UTF-8 with stray rows.
 */
function utf8OrGb18030(bytes: Uint8Array): RosterEncoding {
  if (isUtf8(bytes)) return "utf-8";
  let valid = 0;
  let invalid = 0;
  let headerUtf8 = false;
  let start = 0;
  for (let line = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const part = bytes.subarray(start, end);
    if (part.some((b) => b >= 0x80)) {
      if (isUtf8(part)) {
        valid += 1;
        if (line === 0) headerUtf8 = true;
      } else invalid += 1;
    }
    start = end + 1;
  }
  return headerUtf8 || valid > invalid ? "utf-8-mixed" : "gb18030";
}

/**
 * UTF-16 without a BOM shows as a zero byte beside every ASCII character; anything else with
 * control bytes (other than tab, line feed, carriage return, form feed, escape) in more than one
 * byte of a hundred is not text.
 */
function sniffBinary(sample: Uint8Array): "utf-16le" | "utf-16be" | "binary" | undefined {
  const n = Math.min(sample.length, 64 * 1024);
  if (n === 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i] as number;
    if (b === 0) {
      if (i % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls += 1;
  }
  const half = n / 2;
  if (oddZeros > half * 0.3 && evenZeros < oddZeros / 10) return "utf-16le";
  if (evenZeros > half * 0.3 && oddZeros < evenZeros / 10) return "utf-16be";
  return controls * 100 > n ? "binary" : undefined;
}

/** Bytes sampled to tell UTF-8 from GB18030, once a non-ASCII byte has been seen. */
const SAMPLE_BYTES = 256 * 1024;
/** An all-ASCII start longer than this is UTF-8 (and ASCII reads the same in GB18030 anyway). */
const MAX_SAMPLE_BYTES = 4 * 1024 * 1024;

/**
 * Decodes a text roster chunk by chunk: `push(bytes)` gives the text decoded so far (empty while
 * the start is sampled), `end()` the rest. `encoding` is known after the first text is given;
 * `binary` is true when the bytes are not text at all (then no text is given).
 */
export class RosterTextDecoder {
  /** The encoding told from the start, once known. */
  encoding: RosterEncoding | undefined;
  /** True when the file starts with a byte-order mark. */
  bom = false;
  /** True when the bytes are not text (control bytes, a binary file named .csv). */
  binary = false;
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private nonAscii = false;
  private bomChecked = false;

  push(bytes: Uint8Array): string {
    if (this.binary) return "";
    if (this.decoder !== undefined) return this.decoder.decode(bytes, { stream: true });
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (!this.nonAscii) this.nonAscii = bytes.some((b) => b >= 0x80);
    if (!this.bomChecked) {
      if (this.pendingBytes < 3) return "";
      this.bomChecked = true;
      const bom = bomOf(this.joined());
      if (bom !== undefined) return this.start(this.joined(), bom, false);
    }
    if ((this.nonAscii && this.pendingBytes >= SAMPLE_BYTES) || this.pendingBytes >= MAX_SAMPLE_BYTES) {
      return this.start(this.joined(), undefined, false);
    }
    return "";
  }

  end(): string {
    if (this.binary) return "";
    if (this.decoder === undefined) {
      const all = this.joined();
      return this.start(all, bomOf(all), true);
    }
    return this.decoder.decode();
  }

  private joined(): Uint8Array {
    if (this.pending.length === 1) return this.pending[0] as Uint8Array;
    const out = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const p of this.pending) {
      out.set(p, at);
      at += p.length;
    }
    this.pending = [out];
    return out;
  }

  private start(sample: Uint8Array, bom: RosterEncoding | undefined, complete: boolean): string {
    this.pending = [];
    let encoding = bom;
    if (encoding === undefined) {
      const sniffed = sniffBinary(sample);
      if (sniffed === "binary") {
        this.binary = true;
        return "";
      }
      if (sniffed !== undefined) encoding = sniffed;
      else {
        const cut = complete ? sample.length : sample.lastIndexOf(0x0a) + 1;
        encoding = utf8OrGb18030(sample.subarray(0, cut > 0 ? cut : sample.length));
      }
    }
    this.bom = bom !== undefined;
    this.encoding = encoding;
    const label = encoding === "utf-8-mixed" ? "utf-8" : encoding;
    // The BOM is dropped by TextDecoder itself (ignoreBOM is false).
    this.decoder = new TextDecoder(label);
    return this.decoder.decode(sample, { stream: !complete }) + (complete ? this.decoder.decode() : "");
  }
}

function bomOf(b: Uint8Array): RosterEncoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * The text of a whole roster file and how it was decoded (`undefined` text: not text at all).
 * @example
 * decodeRosterText(new TextEncoder().encode("\uFEFF学号\n"))
 * //=> { text: "学号\n", encoding: "utf-8", bom: true }
 */
export function decodeRosterText(bytes: Uint8Array): {
  text: string | undefined;
  encoding: RosterEncoding | undefined;
  bom: boolean;
} {
  const d = new RosterTextDecoder();
  const text = d.push(bytes) + d.end();
  return { text: d.binary ? undefined : text, encoding: d.encoding, bom: d.bom };
}
