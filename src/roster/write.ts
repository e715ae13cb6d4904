/**
 * A small .xlsx writer: sheets of cells (text, numbers, yes/no, empty), a background fill and a
 * note per cell, column widths and a frozen header row. The SpreadsheetML parts are written here as
 * text and zipped by SheetJS's own zip code (`CFB`), so no package is added for writing (SheetJS CE
 * itself writes no fills). The notes carry the legacy VML drawing without which Excel shows no note
 * marker. Read back by SheetJS in test/roster/write.test.ts (and, once, by exceljs and LibreOffice).
 */
import { CFB } from "@e965/xlsx";
import { XueliError } from "../core/error.js";

/** A cell's value: text, a number, yes/no, or nothing (an empty cell). */
export type XlsxValue = string | number | boolean | null | undefined;

/** A cell with a background fill (`RRGGBB`, e.g. `FFC7CE`) and a note (a comment shown on hover). */
export interface XlsxCell {
  value: XlsxValue;
  fill?: string;
  note?: string;
}

/** One sheet: rows of cells from A1, column widths (in characters), a frozen first row. */
export interface XlsxSheet {
  /** The tab's name: characters Excel forbids (`[]:*?/\`) become `_`, cut to 31 characters. */
  name: string;
  rows: readonly (readonly (XlsxValue | XlsxCell)[])[];
  /** Widths of the first columns, in characters. */
  columnWidths?: readonly number[];
  /** Keep the first row in view when scrolling. */
  freezeHeader?: boolean;
}

/** A workbook: its sheets, in order. */
export interface XlsxBook {
  sheets: readonly XlsxSheet[];
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's longest cell text. */
const MAX_CELL_TEXT = 32_767;

/** XML text: escaped, characters XML 1.0 forbids dropped, cut to Excel's 32,767 characters a cell. */
function esc(s: string): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
      .slice(0, MAX_CELL_TEXT)
      .replace(/[&<>"]/g, (c) => entities[c] as string)
  );
}

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function rels(list: readonly (readonly [id: string, type: string, target: string])[]): string {
  const items = list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`)
    .join("");
  return `${HEAD}<Relationships xmlns="${NS_PKG}">${items}</Relationships>`;
}

/** The styles of the book: xf 0 is the default, one more per fill colour used. */
class Styles {
  private readonly fills: string[] = [];

  /** The style index of a fill (0: none). */
  xf(fill: string | undefined): number {
    if (fill === undefined) return 0;
    let f = this.fills.indexOf(fill);
    if (f === -1) f = this.fills.push(fill) - 1;
    return f + 1;
  }

  xml(): string {
    // Excel requires the first two fills to be none and gray125; ours follow.
    const fills = this.fills
      .map(
        (rgb) =>
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`,
      )
      .join("");
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      ...this.fills.map(
        (_, i) => `<xf numFmtId="0" fontId="0" fillId="${i + 2}" borderId="0" xfId="0" applyFill="1"/>`,
      ),
    ].join("");
    return `${HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="${2 + this.fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${1 + this.fills.length}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}

function cellXml(ref: string, value: XlsxValue, style: number): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (value === null || value === undefined || value === "") return style > 0 ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? `<c r="${ref}"${s}><v>${value}</v></c>`
      : style > 0
        ? `<c r="${ref}"${s}/>`
        : "";
  }
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(String(value))}</t></is></c>`;
}

/** The legacy VML shapes of a sheet's notes: without them Excel shows no note marker. */
function vml(notes: readonly { r: number; c: number }[]): string {
  const shapes = notes
    .map(
      ({ r, c }, i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:70pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`,
    )
    .join("");
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`;
}

function fillOf(cell: XlsxCell): string | undefined {
  if (cell.fill === undefined) return undefined;
  const rgb = typeof cell.fill === "string" ? cell.fill.replace(/^#/, "").toUpperCase() : "";
  if (!/^[0-9A-F]{6}$/.test(rgb)) {
    throw new XueliError(
      "argument.invalid",
      `a cell's fill is a colour RRGGBB (received ${String(cell.fill)})`,
    );
  }
  return rgb;
}

/** Sheet names as Excel takes them: allowed characters, at most 31, none empty, no two alike. */
function sheetNames(sheets: readonly XlsxSheet[]): string[] {
  const taken = new Set<string>();
  return sheets.map((s, i) => {
    let base = String(s.name ?? "")
      .replace(/[\\/?*[\]:]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31);
    if (base.trim() === "") base = `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++)
      name = `${base.slice(0, 31 - ` (${k})`.length)} (${k})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The parts of the .xlsx: path → text. */
function parts(book: XlsxBook): Record<string, string> {
  const styles = new Styles();
  const files: Record<string, string> = {};
  const overrides: [string, string][] = [];
  const names = sheetNames(book.sheets);
  book.sheets.forEach((sheet, si) => {
    const n = si + 1;
    const notes: { r: number; c: number; text: string }[] = [];
    const rowsXml: string[] = [];
    sheet.rows.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((cell, c) => {
        const o: XlsxCell = cell !== null && typeof cell === "object" ? cell : { value: cell as XlsxValue };
        if (o.note !== undefined && o.note !== "") notes.push({ r, c, text: String(o.note) });
        const xml = cellXml(`${colName(c)}${r + 1}`, o.value, styles.xf(fillOf(o)));
        if (xml !== "") cells.push(xml);
      });
      if (cells.length > 0) rowsXml.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    });
    const sheetRels: [string, string, string][] = [];
    if (notes.length > 0) {
      const list = notes
        .map(
          ({ r, c, text }) =>
            `<comment ref="${colName(c)}${r + 1}" authorId="0"><text><r><t xml:space="preserve">${esc(text)}</t></r></text></comment>`,
        )
        .join("");
      files[`xl/comments${n}.xml`] =
        `${HEAD}<comments xmlns="${NS}"><authors><author>xueli</author></authors><commentList>${list}</commentList></comments>`;
      files[`xl/drawings/vmlDrawing${n}.vml`] = vml(notes);
      overrides.push([`/xl/comments${n}.xml`, `${CT}.spreadsheetml.comments+xml`]);
      sheetRels.push(
        ["rId1", "comments", `../comments${n}.xml`],
        ["rId2", "vmlDrawing", `../drawings/vmlDrawing${n}.vml`],
      );
    }
    const view = sheet.freezeHeader
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : "";
    const widths = (sheet.columnWidths ?? []).filter(
      (w) => typeof w === "number" && Number.isFinite(w) && w > 0,
    );
    const cols =
      widths.length > 0
        ? `<cols>${(sheet.columnWidths ?? [])
            .map((w, i) =>
              typeof w === "number" && Number.isFinite(w) && w > 0
                ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`
                : "",
            )
            .join("")}</cols>`
        : "";
    files[`xl/worksheets/sheet${n}.xml`] =
      `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}">${view}${cols}<sheetData>${rowsXml.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${notes.length > 0 ? '<legacyDrawing r:id="rId2"/>' : ""}</worksheet>`;
    if (sheetRels.length > 0) files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = rels(sheetRels);
    overrides.push([`/xl/worksheets/sheet${n}.xml`, `${CT}.spreadsheetml.worksheet+xml`]);
  });
  const sheetList = names
    .map((name, i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  files["xl/workbook.xml"] =
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets></workbook>`;
  files["xl/_rels/workbook.xml.rels"] = rels([
    ...names.map((_, i) => [`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`] as const),
    [`rId${names.length + 1}`, "styles", "styles.xml"],
  ]);
  files["xl/styles.xml"] = styles.xml();
  files["_rels/.rels"] = rels([["rId1", "officeDocument", "xl/workbook.xml"]]);
  const types = overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("");
  files["[Content_Types].xml"] =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="${CT}.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>${types}</Types>`;
  return files;
}

/**
 * Writes a workbook as .xlsx bytes: each sheet's rows of cells, per-cell background fills and
 * notes, column widths, a frozen header row. Pure: works in a browser as in Node. A fill that is
 * not `RRGGBB` or a book without sheets is a programmer error (`XueliError` `argument.invalid`).
 * @example
 * const bytes = writeXlsx({
 *   sheets: [{ name: "名册", freezeHeader: true, columnWidths: [18, 10],
 *     rows: [["学号", "姓名"], ["2019E8012345001", { value: "张三", fill: "FFC7CE", note: "姓名有误" }]] }],
 * });
 * [...bytes.subarray(0, 2)] //=> [0x50, 0x4b]
 * // "PK": an .xlsx is a zip.
 */
export function writeXlsx(book: XlsxBook): Uint8Array {
  if (typeof book !== "object" || book === null || !Array.isArray(book.sheets) || book.sheets.length === 0) {
    throw new XueliError("argument.invalid", "writeXlsx needs a book with at least one sheet");
  }
  const zip = CFB.utils.cfb_new();
  const encoder = new TextEncoder();
  for (const [name, text] of Object.entries(parts(book))) CFB.utils.cfb_add(zip, name, encoder.encode(text));
  CFB.utils.cfb_del(zip, "\u0001Sh33tJ5"); // the placeholder entry cfb_new adds
  const out: unknown = CFB.write(zip, { fileType: "zip", type: "array", compression: true });
  return out instanceof Uint8Array ? out : Uint8Array.from(out as ArrayLike<number>);
}
