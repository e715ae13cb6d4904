// Generated spreadsheets for the roster tests, made on the fly (never committed): a minimal .xlsx
// whose parts are given as text, zipped by hand so that a test can make a zip bomb (a sheet that
// inflates to gigabytes, or one whose headers lie about its size) without holding it in memory.
import { createWriteStream } from "node:fs";
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a workbook but its sheets: content types, relationships, the workbook. */
export function workbookParts(sheetNames: readonly string[]): Record<string, string> {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return {
    "[Content_Types].xml": `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>${sheetNames
      .map(
        (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`,
      )
      .join("")}</Types>`,
    "_rels/.rels": `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${head}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${sheetNames
      .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
  };
}

/** A sheet's XML head and tail: rows go between. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";

/** One row of inline-string cells. */
export function rowXml(r: number, cells: readonly string[]): string {
  const esc = (s: string) =>
    s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] as string);
  return `<row r="${r}">${cells.map((c) => `<c t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join("")}</row>`;
}

interface ZipEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
  /** The size the headers say (a lying zip says less than the truth). */
  declared: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Local headers, data, central directory, end record (no ZIP64: sizes under 4 GiB). */
function zipOf(entries: readonly ZipEntry[]): Buffer[] {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const common = [
      u16(20),
      u16(0x0800),
      u16(8),
      u16(0),
      u16(0x21),
      u32(e.crc),
      u32(e.data.length),
      u32(e.declared),
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(name.length), u16(0), name]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...common,
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    body.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(dir.length),
    u32(offset),
    u16(0),
  ]);
  return [...body, dir, end];
}

/**
 * An .xlsx from its parts (text), in memory. `lie`: parts whose headers declare this size instead
 * of the true one.
 */
export function xlsxOf(parts: Record<string, string>, lie: Record<string, number> = {}): Uint8Array {
  const entries = Object.entries(parts).map(([name, text]) => {
    const raw = Buffer.from(text);
    return {
      name,
      data: deflateRawSync(raw),
      crc: crc32(raw),
      size: raw.length,
      declared: lie[name] ?? raw.length,
    };
  });
  return new Uint8Array(Buffer.concat(zipOf(entries)));
}

/**
 * Writes an .xlsx of one sheet whose XML is streamed from `rows` (strings of `<row>` elements),
 * deflated as it comes: a sheet of gigabytes is never held. Returns the file's size and the sheet's.
 */
export async function writeStreamedXlsx(
  path: string,
  rows: Iterable<string>,
  options: { sheet?: string; declared?: number } = {},
): Promise<{ bytes: number; inflated: number }> {
  const parts = workbookParts([options.sheet ?? "名册"]);
  const deflated: Buffer[] = [];
  let crc = 0;
  let size = 0;
  const def = createDeflateRaw({ level: 6, strategy: constants.Z_DEFAULT_STRATEGY });
  def.on("data", (d: Buffer) => deflated.push(d));
  const done = new Promise((resolve) => def.on("end", resolve));
  const write = async (text: string) => {
    const b = Buffer.from(text);
    crc = crc32(b, crc);
    size += b.length;
    if (!def.write(b)) await new Promise<void>((r) => def.once("drain", () => r()));
  };
  await write(SHEET_HEAD);
  let batch = "";
  for (const row of rows) {
    batch += row;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch + SHEET_TAIL);
  def.end();
  await done;
  const entries: ZipEntry[] = Object.entries(parts).map(([name, text]) => {
    const raw = Buffer.from(text);
    return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length, declared: raw.length };
  });
  entries.push({
    name: "xl/worksheets/sheet1.xml",
    data: Buffer.concat(deflated),
    crc,
    size,
    declared: options.declared ?? size,
  });
  const out = createWriteStream(path);
  let bytes = 0;
  for (const b of zipOf(entries)) {
    bytes += b.length;
    if (!out.write(b)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(() => resolve());
  });
  return { bytes, inflated: size };
}
