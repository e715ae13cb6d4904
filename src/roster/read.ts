import { XueliError } from "../core/error.js";
import {
  type Finding,
  finding,
  type Locale,
  type LocaleOptions,
  type Result,
  resolveLocale,
  toResult,
} from "../findings/index.js";
import type { RosterFormat } from "../findings/params.js";
import { columns } from "./columns.js";
import { decodeRosterText, type RosterEncoding } from "./encoding.js";
import { type RosterLimits, resolveRosterLimits } from "./limits.js";
import type { RosterColumns, RosterRow, RosterStudent } from "./map.js";
import { PartialHeader } from "./partial.js";
import { type RosterEvent, type RosterFooterLine, type RosterHeader, RowAssembler } from "./rows.js";
import { TextRoster, type TextRosterHooks } from "./text.js";
import { holdsEncryptedPackage, readWorkbook } from "./workbook.js";

/** The formats `readRoster` reads. */
export const rosterFormats = ["csv", "tsv", "xlsx", "xls", "json"] as const;

/**
 * The format a roster file's name says (`.csv`/`.txt`, `.tsv`, `.xlsx`/`.xlsm`, `.xls`, `.json`,
 * in any case), or `undefined` for another name: then the bytes tell (`readRoster` without
 * `format`). The CLI and the checker page choose the reader by it.
 *
 * @example
 * rosterFormatOfName("名册.XLSX")
 * //=> "xlsx"
 * rosterFormatOfName("roster.dat")
 * //=> undefined
 */
export function rosterFormatOfName(name: string): RosterFormat | undefined {
  switch (/\.[^./\\]*$/.exec(name.toLowerCase())?.[0]) {
    case ".csv":
    case ".txt":
      return "csv";
    case ".tsv":
      return "tsv";
    case ".xlsx":
    case ".xlsm":
      return "xlsx";
    case ".xls":
      return "xls";
    case ".json":
      return "json";
    default:
      return undefined;
  }
}

/** Options of `readRoster`. */
export interface ReadRosterOptions extends LocaleOptions {
  /**
   * The file's format, as its name says (`.csv`, `.tsv`/`.txt`, `.xlsx`, `.xls`, `.json`). Without
   * it the bytes tell. [decision] The bytes win over the name for a workbook: a zip is read as
   * .xlsx and a compound file as .xls whatever the name, and an ".xls" that is text (an HTML
   * table, tab-separated text — what some systems export) is read as what it is.
   */
  format?: RosterFormat;
  /** The sheet of a workbook: its name, or its 1-based position. Default: the first whose header matches. */
  sheet?: string | number;
  /** Bounds of the reading (`RosterLimits`); each defaults to `defaultRosterLimits`. */
  limits?: Partial<RosterLimits>;
  /**
   * Read a roster that lacks some required columns (issue 14.5): its rows come with the columns it
   * has, the others in `columns.missing`, and `checkRoster` checks the rules those columns allow.
   * The header must name at least three known columns [decision]. Default: such a roster is
   * refused (`roster.columns-missing`).
   */
  partial?: boolean;
  /**
   * Keep each row's cells as read (`copy`), for an annotated copy of the roster
   * (`writeReportXlsx`). The rows are then held twice: a roster read this way is bounded by
   * `limits` like any other, but takes about twice the memory.
   */
  copy?: boolean;
}

/**
 * The roster's cells as read, for an annotated copy (`writeReportXlsx`): every row of the sheet
 * from its row 1, in order, so that row n of the report is row n of the copy.
 */
export interface RosterCopy {
  /** The rows from the sheet's row 1 (index 0); a hole: a row whose cells were not kept (a CSV record past the bounds). */
  rows: (readonly unknown[] | undefined)[];
  /** Roster row n is `rows[n - 1 + offset]`: 0, or 1 for JSON, whose headers are put on row 1. */
  offset: number;
  /** The header row's index in `rows` (−1: none). */
  header: number;
  /** The column of each field read (its 0-based position). */
  columns: readonly { column: number; key: string }[];
}

/** A roster as read: its rows in order, and what was learned about the file on the way. */
export interface Roster {
  /** The format read (by the bytes): `tsv` for tab-separated text. */
  format: RosterFormat;
  /** Text formats: how the bytes were decoded. */
  encoding?: RosterEncoding;
  /** A workbook's sheets, in order ([] for text and JSON). */
  sheets: string[];
  /** The sheet read: its name and 1-based position. */
  sheet?: { name: string; index: number };
  /** The header row; absent for JSON. */
  header?: RosterHeader;
  /** The columns recognised, ignored and missing. */
  columns: RosterColumns;
  /** Footer lines skipped (制表人, 审核人, 合计, 备注, a date). */
  footer: RosterFooterLine[];
  /** Lines of a text file, rows of the sheet, or elements of a JSON array, read. */
  linesRead: number;
  /** Every row read after the header, in row order: students and rows that could not be read. */
  rows: RosterRow[];
  /** The rows read as students (the same objects as in `rows`). */
  students: RosterStudent[];
  /** The cells as read, with the `copy` option. */
  copy?: RosterCopy;
  /**
   * Roster-level findings: an error means the roster could not be read as a whole (no header, a
   * required column missing, no students, a bound passed, an unreadable file) and no row is given.
   */
  findings: Finding[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Gathers the events of a reading into a `Roster`. */
class Collector {
  readonly notes = new Map<number, Finding[]>();
  constructor(readonly roster: Roster) {}

  add = (e: RosterEvent): void => {
    const r = this.roster;
    switch (e.kind) {
      case "header":
        // A JSON array's keys make a header of row 0: there is no header row to name.
        if (e.header.row > 0) r.header = e.header;
        r.columns = e.columns;
        break;
      case "row":
        r.rows.push(e.row);
        if (e.row.kind === "student") r.students.push(e.row);
        break;
      case "footer":
        r.footer.push(e.footer);
        break;
      case "note": {
        const list = this.notes.get(e.row) ?? [];
        list.push(e.finding);
        this.notes.set(e.row, list);
        break;
      }
      case "fatal":
        r.findings.push(e.finding);
        r.rows = [];
        r.students = [];
        break;
    }
  };

  /** Files each note with its row; a note about a row that is not a data row stays roster-level. */
  finish(): Result<Roster> {
    const r = this.roster;
    if (this.notes.size > 0) {
      const byRow = new Map(r.rows.map((x) => [x.row, x]));
      for (const [row, list] of this.notes) {
        const target = byRow.get(row);
        if (target === undefined) r.findings.push(...list);
        else if (target.kind === "unreadable") target.findings.push(...list);
        else target.findings = [...list, ...(target.findings ?? [])];
      }
    }
    return toResult(r, r.findings);
  }
}

function checkOptions(options: ReadRosterOptions): void {
  const { format, sheet } = options;
  if (format !== undefined && !(rosterFormats as readonly unknown[]).includes(format)) {
    throw new XueliError("option.invalid", `format must be one of ${rosterFormats.join(", ")}`);
  }
  if (
    sheet !== undefined &&
    !(typeof sheet === "string" || (typeof sheet === "number" && Number.isInteger(sheet) && sheet >= 1))
  ) {
    throw new XueliError("option.invalid", "sheet must be a sheet's name or its 1-based position");
  }
}

/**
 * Reads a roster from its bytes — CSV (UTF-8 with or without BOM, GB18030, UTF-16 with BOM; comma-,
 * tab- or semicolon-separated), .xlsx, .xls or JSON — in bounded memory, in a browser as in Node.
 * The header may sit anywhere in the first 30 rows; footer lines are skipped; a stray quote in a
 * CSV is found and its lines read again. Rows come mapped to api.md's Student shape, with the row
 * number the spreadsheet shows. A roster that cannot be read as a whole gives a roster-level
 * finding (`roster.unreadable`, `roster.too-large`, `roster.no-header`, `roster.columns-missing`,
 * `roster.empty`, `roster.sheet-missing`) and `ok: false`; a bad row is a `roster.unreadable-row`
 * in its place and the others are read. Never throws on bad bytes.
 * @example
 * const r = await readRoster(rosterCsv);
 * r.ok && r.value.students.map((s) => [s.row, s.input.studentNumber])
 * //=> [[2, "2019E8012345001"], [3, "2019E8012345002"]]
 * r.ok && r.value.students.map((s) => checkStudentRegistration(s.input, { batch: ucas2022Batch3 }).ok)
 * //=> [true, false]
 * const bad = await readRoster(new TextEncoder().encode("学号,姓名\n2019E001,张三\n"), { locale: "en" });
 * [bad.ok, bad.findings[0]?.code] //=> [false, "roster.columns-missing"]
 */
export async function readRoster(
  bytes: Uint8Array,
  options: ReadRosterOptions = {},
): Promise<Result<Roster>> {
  if (!(bytes instanceof Uint8Array)) {
    throw new XueliError("argument.invalid", "readRoster reads the bytes of a file, as a Uint8Array");
  }
  if (typeof options !== "object" || options === null) {
    throw new XueliError("option.invalid", "options must be an object");
  }
  checkOptions(options);
  const locale = resolveLocale(options);
  const limits = resolveRosterLimits(options.limits);
  const roster: Roster = {
    format: options.format ?? "csv",
    sheets: [],
    columns: { recognised: [], ignored: [], missing: [] },
    footer: [],
    linesRead: 0,
    rows: [],
    students: [],
    findings: [],
  };
  const collect = new Collector(roster);
  const lo = { locale };
  const partial = options.partial === true;
  const copy: RosterCopy | undefined =
    options.copy === true ? { rows: [], offset: 0, header: -1, columns: [] } : undefined;
  const done = (): Result<Roster> => {
    if (copy !== undefined && roster.findings.every((f) => f.severity !== "error")) {
      if (copy.header < 0 && roster.header !== undefined) copy.header = roster.header.row - 1;
      if (copy.columns.length === 0) {
        copy.columns = roster.columns.recognised.map((c) => ({ column: c.column, key: c.key }));
      }
      roster.copy = copy;
    }
    return collect.finish();
  };
  if (bytes.length > limits.maxFileBytes) {
    const params = { limit: "maxFileBytes" as const, expected: limits.maxFileBytes, received: bytes.length };
    collect.add({ kind: "fatal", finding: finding("roster.too-large", [], params, lo) });
    return collect.finish();
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, CFB)) {
    // A password-protected .xlsx is a compound file too: named as what it is.
    roster.format = startsWith(bytes, ZIP) || holdsEncryptedPackage(bytes) ? "xlsx" : "xls";
    const kind = startsWith(bytes, ZIP) ? "zip" : "cfb";
    if (kind === "cfb" && roster.format === "xls" && bytes.length > limits.maxXlsBytes) {
      const params = { limit: "maxXlsBytes" as const, expected: limits.maxXlsBytes, received: bytes.length };
      collect.add({ kind: "fatal", finding: finding("roster.too-large", [], params, lo) });
      return collect.finish();
    }
    await readSheet(collect, { kind, bytes }, options.sheet, limits, locale, partial, copy);
    return done();
  }
  const head = decodeRosterText(bytes.subarray(0, 4096));
  const first = head.text?.replace(/^\uFEFF/, "").trimStart()[0];
  const format = options.format;
  if (first === "<" && (format === undefined || format === "xls" || format === "xlsx")) {
    // An HTML table or SpreadsheetML saved under a workbook's name.
    roster.format = "xls";
    const { text, encoding } = decodeRosterText(bytes);
    if (encoding !== undefined) roster.encoding = encoding;
    const markup = { kind: "markup" as const, text: text ?? "" };
    await readSheet(collect, markup, options.sheet, limits, locale, partial, copy);
    return done();
  }
  if (format === "json" || (format === undefined && (first === "[" || first === "{"))) {
    roster.format = "json";
    readJson(collect, bytes, limits, locale, partial, copy);
    return done();
  }
  // Text: CSV, or tab-separated (the delimiter is told from the first lines unless `tsv`).
  const hooks: TextRosterHooks = { partial };
  if (copy !== undefined) {
    hooks.onRecord = (row, cells) => {
      copy.rows[row - 1] = cells;
    };
  }
  const text = new TextRoster(limits, locale, format === "tsv" ? "\t" : undefined, hooks);
  for (const e of text.push(bytes)) collect.add(e);
  for (const e of text.end()) collect.add(e);
  roster.format = text.delimiter === "\t" ? "tsv" : "csv";
  if (text.encoding !== undefined) roster.encoding = text.encoding;
  roster.linesRead = text.linesRead;
  return done();
}

async function readSheet(
  collect: Collector,
  input: Parameters<typeof readWorkbook>[0],
  sheet: string | number | undefined,
  limits: RosterLimits,
  locale: Locale,
  partial: boolean,
  copy: RosterCopy | undefined,
): Promise<void> {
  const roster = collect.roster;
  const lo = { locale };
  const wb = await readWorkbook(input, sheet, limits);
  if (!wb.ok) {
    const p = wb.problem;
    let f: Finding;
    if (p.code === "roster.unreadable") {
      f = finding("roster.unreadable", [], { reason: p.reason, format: roster.format }, lo);
    } else if (p.code === "roster.too-large") {
      f = finding("roster.too-large", [], { limit: p.limit, expected: p.expected, received: p.received }, lo);
    } else {
      roster.sheets = p.sheets;
      const params = { received: p.received, sheets: p.sheets.slice(0, 20), count: p.sheets.length };
      f = finding("roster.sheet-missing", [], params, lo);
    }
    collect.add({ kind: "fatal", finding: f });
    return;
  }
  roster.sheets = wb.sheets;
  roster.sheet = wb.sheet;
  roster.linesRead = wb.lastRow;
  const stand = new PartialHeader(partial, locale);
  const a = new RowAssembler(
    { limits, locale, ragged: false, flagReplacement: false, sheet: wb.sheet.name },
    partial ? (e) => collect.add(stand.event(e)) : collect.add,
  );
  let row = 0;
  for (const cells of wb.rows) {
    row += 1;
    if (a.fatal !== undefined) break;
    if (copy !== undefined) copy.rows[row - 1] = cells;
    a.push(row, a.header === undefined ? stand.beforeHeader(cells) : stand.pad(cells));
  }
  a.end();
}

/** A value of a JSON student at a dotted key, as a copy's cell: text, a number, yes/no, or a list joined. */
function copyValue(o: Record<string, unknown>, key: string): unknown {
  let v: unknown = o;
  for (const k of key.split(".")) {
    v = isRecord(v) && Object.hasOwn(v, k) ? v[k] : undefined;
    if (v === undefined) return undefined;
  }
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("、");
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** The line of a JSON syntax error, from the position the engine names. */
function jsonLine(text: string, e: unknown): number | undefined {
  const message = e instanceof Error ? e.message : "";
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const at = /at position (\d+)/.exec(message);
  if (!at) return undefined;
  const pos = Number(at[1]);
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) n += 1;
  return n;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** api.md's nested shape (`id`, `origin`, `photo`, `study` are objects), as opposed to a flat row. */
function isStudentShaped(o: Record<string, unknown>): boolean {
  return ["id", "origin", "photo", "study"].some((k) => Object.hasOwn(o, k) && isRecord(o[k]));
}

/** A JSON roster: an array of students (api.md's shape) or of rows keyed by headers, or `{ students }`. */
function readJson(
  collect: Collector,
  bytes: Uint8Array,
  limits: RosterLimits,
  locale: Locale,
  partial: boolean,
  copy: RosterCopy | undefined,
): void {
  const roster = collect.roster;
  const lo = { locale };
  const fail = (f: Finding) => collect.add({ kind: "fatal", finding: f });
  const { text, encoding } = decodeRosterText(bytes);
  if (encoding !== undefined) roster.encoding = encoding;
  if (text === undefined) {
    fail(finding("roster.unreadable", [], { reason: "binary", format: "json" }, lo));
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const line = jsonLine(text, e);
    const params = {
      reason: "json" as const,
      format: "json" as const,
      ...(line === undefined ? {} : { line }),
    };
    fail(finding("roster.unreadable", [], params, lo));
    return;
  }
  if (isRecord(data) && Array.isArray(data.students)) data = data.students;
  if (!Array.isArray(data)) {
    fail(finding("roster.unreadable", [], { reason: "json-shape", format: "json" }, lo));
    return;
  }
  const elements: unknown[] = data;
  if (elements.length > limits.maxRows) {
    const params = { limit: "maxRows" as const, expected: limits.maxRows, received: elements.length };
    fail(finding("roster.too-large", [], params, lo));
    return;
  }
  roster.linesRead = elements.length;
  // Rows keyed by headers: the headers are the union of their keys, in the order first seen.
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const el of elements) {
    if (!isRecord(el) || isStudentShaped(el)) continue;
    for (const k of Object.keys(el)) {
      if (!seen.has(k)) {
        seen.add(k);
        headers.push(k);
      }
    }
  }
  const stand = new PartialHeader(partial, locale);
  const a = new RowAssembler(
    { limits, locale, ragged: false, flagReplacement: false, json: true },
    partial ? (e) => collect.add(stand.event(e)) : collect.add,
  );
  // A JSON roster's copy: its headers on row 1 (the keys, or the column table's for students in
  // api.md's shape), then one row per element.
  const shaped = headers.length === 0;
  if (copy !== undefined) {
    copy.offset = 1;
    copy.header = 0;
    copy.rows.push(shaped ? columns.map((c) => c.zh[0] as string) : headers);
    if (shaped) copy.columns = columns.map((c, column) => ({ column, key: c.key }));
  }
  if (headers.length > 0) a.useHeader(0, stand.beforeHeader(headers) as string[]);
  else a.withoutHeader();
  elements.forEach((el, i) => {
    if (a.fatal !== undefined) return;
    const row = i + 1;
    if (!isRecord(el)) {
      if (copy !== undefined) copy.rows.push([]);
      a.bad(row, "unparseable", {});
    } else if (isStudentShaped(el)) {
      if (copy !== undefined) copy.rows.push(columns.map((c) => copyValue(el, c.key)));
      a.object(row, el);
    } else {
      const cells = headers.map((h) => (Object.hasOwn(el, h) ? el[h] : undefined));
      if (copy !== undefined) copy.rows.push(cells.map((v) => copyValue({ v }, "v")));
      a.push(row, cells);
    }
  });
  a.end();
}
