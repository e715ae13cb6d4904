import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Options, parse as parseStream } from "csv-parse";
import { parse } from "csv-parse/sync";
import { UsageError } from "../errors.js";
import type { CliText } from "../messages.js";
import { columnFor } from "./columns.js";

/**
 * One record of the roster as read, before its cells mean anything: `row` is the number the
 * spreadsheet shows (the header is row 1); for a JSON array, the element's 1-based position.
 */
export type RosterRecord =
  | { row: number; kind: "cells"; cells: ReadonlyArray<readonly [header: string, value: unknown]> }
  | { row: number; kind: "object"; value: Record<string, unknown> };

/** A row that could not be read: reported with its number, the others go on. */
export interface BadRow {
  row: number;
  reason: "ragged" | "unparseable" | "encoding" | "oversized";
  /** ragged: cells expected (the header's) and received; oversized: longest cell allowed and found; unparseable: the file line. */
  params: { expected?: number; received?: number; line?: number };
}

export interface RawRoster {
  format: "csv" | "xlsx" | "json";
  /** The header row (csv, xlsx) or the union of the rows' keys (a JSON array of rows). */
  headers: string[];
  records: RosterRecord[];
  bad: BadRow[];
}

/** How a CSV file was decoded; `utf-8-mixed`: UTF-8 with a few rows in another encoding. */
export type CsvEncoding = "utf-8" | "gb18030" | "utf-8-mixed";

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * GB18030, which is what Excel in China saves "CSV" as. Detected, never asked. A file that is
 * UTF-8 but for a few lines (a row pasted from a GB18030 file) is `utf-8-mixed`: those lines keep
 * U+FFFD where their bytes were, and `parseCsv` reports their rows instead of misreading the file.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  return { text: new TextDecoder(encoding === "gb18030" ? "gb18030" : "utf-8").decode(bytes), encoding };
}

/**
 * The encoding of CSV bytes (the whole file, or a sample of it cut at a line end): see `decodeCsv`.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
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
  // A Chinese line in GB18030 is almost never valid UTF-8: a UTF-8 header or a UTF-8 majority
  // means the file is UTF-8 with stray rows.
  return headerUtf8 || valid > invalid ? "utf-8-mixed" : "gb18030";
}

function isBlank(cells: readonly unknown[]): boolean {
  return cells.every((c) => c === undefined || c === null || (typeof c === "string" && c.trim() === ""));
}

/**
 * Which row is the header: the first of the first ten that names at least three known columns — a
 * sheet often starts with a title row (2022年第三批毕业研究生名册) — else the first non-empty one,
 * so that a roster without the columns is told which ones it lacks. -1: no row at all.
 */
function headerIndex(rows: readonly (readonly unknown[])[]): number {
  let first = -1;
  for (let i = 0; i < rows.length && i < 10; i++) {
    const r = rows[i] as readonly unknown[];
    if (isBlank(r)) continue;
    if (first === -1) first = i;
    const known = new Set(r.map((c) => (typeof c === "string" ? columnFor(c) : undefined)).filter(Boolean));
    if (known.size >= 3) return i;
  }
  return first;
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(",") || firstLine.includes("，")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/** What a roster yields, in row order: a record to map and check, or a row that could not be read. */
export type RosterEntry =
  | { kind: "header"; row: number; headers: string[] }
  | { kind: "record"; record: RosterRecord }
  | { kind: "bad"; bad: BadRow };

/** The options both CSV readers (whole text, stream) give csv-parse. */
function csvOptions(delimiter: string) {
  return {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
  } as const;
}

/** The file line csv-parse stopped at, when it says. */
function lineOf(err: unknown): BadRow["params"] {
  const line = (err as { lines?: unknown } | undefined)?.lines;
  return typeof line === "number" ? { line } : {};
}

/** The bad row of a record csv-parse skipped (an unclosed quote …). */
function skipped(row: number, err: unknown): BadRow {
  return {
    row,
    reason: "unparseable",
    params: lineOf(err),
  };
}

/**
 * Turns parsed CSV records (with the row number the spreadsheet shows) into roster entries, one
 * record at a time: finds the header among the first ten records (title rows before it are
 * dropped), then screens each row (blank, another encoding, ragged). Holds at most ten records.
 */
class CsvRows {
  headers: string[] | undefined;
  private width = 0;
  private pending: { record: string[]; row: number }[] = [];

  /** `flagReplacement`: a U+FFFD in a cell means the row was in another encoding. */
  constructor(private readonly flagReplacement: boolean) {}

  push(record: string[], row: number): RosterEntry[] {
    if (this.headers !== undefined) return this.entry(record, row);
    this.pending.push({ record, row });
    const last = this.pending.length - 1;
    if (knownColumns(record) >= 3) return this.settle(last);
    return this.pending.length >= 10 ? this.settle(headerIndex(this.pending.map((p) => p.record))) : [];
  }

  /** End of input; `undefined` when there was no header row at all. */
  end(): RosterEntry[] | undefined {
    if (this.headers !== undefined) return [];
    const at = headerIndex(this.pending.map((p) => p.record));
    return at === -1 ? undefined : this.settle(at);
  }

  private settle(at: number): RosterEntry[] {
    const head = this.pending[at];
    if (!head) return [];
    this.headers = head.record.map((h) => h.trim());
    this.width = this.headers.length;
    const rest = this.pending.slice(at + 1);
    this.pending = [];
    const header: RosterEntry = { kind: "header", row: head.row, headers: this.headers };
    return [header, ...rest.flatMap((p) => this.entry(p.record, p.row))];
  }

  private entry(record: string[], row: number): RosterEntry[] {
    if (isBlank(record)) return []; // an empty line: counted as a row, holds no student
    if (this.flagReplacement && record.some((c) => c.includes("\uFFFD"))) {
      return [
        {
          kind: "bad",
          bad: { row, reason: "encoding", params: {} },
        },
      ];
    }
    const headers = this.headers as string[];
    const extra = record.slice(this.width);
    if (record.length < this.width || !isBlank(extra)) {
      return [
        {
          kind: "bad",
          bad: { row, reason: "ragged", params: { expected: this.width, received: record.length } },
        },
      ];
    }
    const cells = headers.map((h, i) => [h, record[i]] as const);
    return [screened({ row, kind: "cells", cells })];
  }
}

function knownColumns(r: readonly unknown[]): number {
  return new Set(r.map((c) => (typeof c === "string" ? columnFor(c) : undefined)).filter(Boolean)).size;
}

/** Parses CSV text; a ragged or unparseable row becomes a `BadRow`, the rest are read. */
export function parseCsv(text: string, file: string, t: CliText, encoding: CsvEncoding = "utf-8"): RawRoster {
  let n = 0;
  const rows = new CsvRows(encoding === "utf-8-mixed");
  const entries: RosterEntry[] = [];
  try {
    parse(text, {
      ...csvOptions(delimiterOf(text)),
      // Counting here, skipped records included, gives the row number the spreadsheet shows
      // (a quoted cell spanning lines is still one row).
      on_record: (record: string[]) => {
        entries.push(...rows.push(record, ++n));
        return undefined;
      },
      on_skip: (err) => {
        entries.push({ kind: "bad", bad: skipped(++n, err) });
        return undefined;
      },
    });
  } catch (e) {
    throw new UsageError(t.unreadable(file, e instanceof Error ? e.message : String(e)));
  }
  const tail = rows.end();
  if (tail === undefined || rows.headers === undefined) throw new UsageError(t.emptyRoster(file));
  entries.push(...tail);
  const records: RosterRecord[] = [];
  const bad: BadRow[] = [];
  for (const e of entries) {
    if (e.kind === "record") records.push(e.record);
    else if (e.kind === "bad") bad.push(e.bad);
  }
  bad.sort((a, b) => a.row - b.row);
  return { format: "csv", headers: rows.headers, records, bad };
}

/** Bytes sampled to tell the encoding of a streamed CSV, once non-ASCII bytes have been seen. */
const SAMPLE_BYTES = 256 * 1024;
/** An all-ASCII start longer than this is UTF-8 (and ASCII reads the same in GB18030 anyway). */
const MAX_SAMPLE_BYTES = 4 * 1024 * 1024;

/**
 * The text of a CSV file, chunk by chunk: the encoding is told from its start (256 KiB past the
 * first non-ASCII byte, cut at a line end), then the rest is decoded as it is read — GB18030 by a
 * streaming `TextDecoder`, so a character split between two chunks is whole.
 */
async function* csvText(file: string, onEncoding: (e: CsvEncoding) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let nonAscii = false;
  const start = (sample: Buffer, complete: boolean): string => {
    const cut = complete ? sample.length : sample.lastIndexOf(0x0a) + 1;
    const encoding = detectEncoding(sample.subarray(0, cut > 0 ? cut : sample.length));
    onEncoding(encoding);
    decoder = new TextDecoder(encoding === "gb18030" ? "gb18030" : "utf-8");
    return decoder.decode(sample, { stream: !complete });
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    const bytes = chunk as Buffer;
    if (decoder !== undefined) {
      const s = decoder.decode(bytes, { stream: true });
      if (s !== "") yield s;
      continue;
    }
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (!nonAscii) nonAscii = bytes.some((b) => b >= 0x80);
    if ((nonAscii && pendingBytes >= SAMPLE_BYTES) || pendingBytes >= MAX_SAMPLE_BYTES) {
      const sample = Buffer.concat(pending);
      pending = [];
      yield start(sample, false);
    }
  }
  if (decoder === undefined) {
    yield start(Buffer.concat(pending), true);
    return;
  }
  const tail = decoder.decode();
  if (tail !== "") yield tail;
}

/**
 * Reads a CSV roster as a stream, yielding its entries in row order; holds one chunk of text and at
 * most ten records (the header search) at a time. The delimiter is told from the first line. An
 * unreadable file or a fatal parse error → `UsageError`; no header row → `UsageError`.
 */
export async function* streamCsv(file: string, t: CliText): AsyncGenerator<RosterEntry> {
  let rows: CsvRows | undefined;
  let n = 0;
  // Rows csv-parse skipped, waiting for the next record so that entries keep their row order.
  const skippedRows: BadRow[] = [];
  const text = csvText(file, (e) => {
    rows = new CsvRows(e !== "gb18030");
  });
  // The first chunk decides the delimiter; the parser is made once it is known.
  const first = await text.next().catch((e: unknown) => {
    throw unreadable(file, e, t);
  });
  const head = first.done ? "" : first.value;
  const options: Options<{ record: string[]; row: number }, string[]> = {
    ...csvOptions(delimiterOf(head)),
    on_record: (record: string[]) => ({ record, row: ++n }),
    on_skip: (err: unknown) => {
      skippedRows.push(skipped(++n, err));
      return undefined;
    },
  };
  // csv-parse types `on_record` by the records it returns only with `columns`; the rows are tagged here.
  const parser = parseStream(options as unknown as Options);
  async function* source(): AsyncGenerator<string> {
    if (head !== "") yield head;
    yield* text;
  }
  const done = pipeline(Readable.from(source()), parser);
  const failed = done.then(
    () => undefined,
    (e: unknown) => e,
  );
  /** Entries with the skipped rows that come before each, so that all keep their row order. */
  const ordered = function* (entries: readonly RosterEntry[], end = false): Generator<RosterEntry> {
    for (const e of entries) {
      const row = rowOf(e);
      while (skippedRows.length > 0 && (skippedRows[0] as BadRow).row < row) {
        yield { kind: "bad", bad: skippedRows.shift() as BadRow };
      }
      yield e;
    }
    if (end) for (const bad of skippedRows.splice(0)) yield { kind: "bad", bad };
  };
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; row: number }>) {
      if (rows !== undefined) yield* ordered(rows.push(item.record, item.row));
    }
  } catch (e) {
    throw unreadable(file, e, t);
  }
  const err = await failed;
  if (err !== undefined) throw unreadable(file, err, t);
  const tail = rows?.end();
  if (tail === undefined || rows?.headers === undefined) throw new UsageError(t.emptyRoster(file));
  yield* ordered(tail, true);
}

function unreadable(file: string, e: unknown, t: CliText): UsageError {
  if (e instanceof UsageError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code !== undefined && !code.startsWith("CSV_") ? code : e instanceof Error ? e.message : String(e);
  return new UsageError(t.unreadable(file, why));
}

/** An exceljs cell value as plain data: rich text joined, a formula's cached result, a link's text. */
function plainCell(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== "object" || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText
      .map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : ""))
      .join("");
  }
  if ("result" in o) return plainCell(o.result);
  if ("formula" in o || "sharedFormula" in o) return undefined;
  if ("text" in o) return plainCell(o.text);
  if ("error" in o) return String(o.error);
  return undefined;
}

async function readXlsx(file: string, t: CliText): Promise<RawRoster> {
  // Imported only here: the core never loads exceljs, and neither does a CSV run.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UsageError(t.unreadable(file, e instanceof Error ? e.message : String(e)));
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new UsageError(t.emptyRoster(file));
  const sheet: { row: number; values: unknown[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, row) => {
    const values: unknown[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col] = plainCell(cell.value);
    });
    sheet.push({ row, values });
  });
  const at = headerIndex(sheet.map((r) => r.values));
  const head = at === -1 ? undefined : sheet[at];
  if (!head) throw new UsageError(t.emptyRoster(file));
  const headerCols: number[] = [];
  const headers: string[] = [];
  head.values.forEach((v, col) => {
    const h = v === undefined || v === null ? "" : String(v).trim();
    if (h !== "") {
      headerCols.push(col);
      headers.push(h);
    }
  });
  const records: RosterRecord[] = [];
  for (const { row, values } of sheet.slice(at + 1)) {
    const cells = headerCols.map((col, i) => [headers[i] ?? "", values[col]] as const);
    if (isBlank(cells.map(([, v]) => v))) continue;
    records.push({ row, kind: "cells", cells });
  }
  return { format: "xlsx", headers, records, bad: [] };
}

/** A JSON roster: an array of students (api.md's shape) or of rows keyed by headers, or `{ students }`. */
export function parseJson(text: string, file: string, t: CliText): RawRoster {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(t.unreadable(file, e instanceof Error ? e.message : String(e)));
  }
  if (isRecord(data) && Array.isArray(data.students)) data = data.students;
  if (!Array.isArray(data)) throw new UsageError(t.unreadable(file, "expected a JSON array of students"));
  const headers = new Set<string>();
  const records: RosterRecord[] = [];
  const bad: BadRow[] = [];
  data.forEach((el: unknown, i) => {
    const row = i + 1;
    if (!isRecord(el)) {
      bad.push({
        row,
        reason: "unparseable",
        params: {},
      });
      return;
    }
    if (isStudentShaped(el)) {
      records.push({ row, kind: "object", value: el });
      return;
    }
    const cells = Object.keys(el).map((k) => {
      headers.add(k);
      return [k, el[k]] as const;
    });
    records.push({ row, kind: "cells", cells });
  });
  return { format: "json", headers: [...headers], records, bad };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** api.md's nested shape (`id`, `origin`, `photo`, `study` are objects), as opposed to a flat row. */
function isStudentShaped(o: Record<string, unknown>): boolean {
  return ["id", "origin", "photo", "study"].some((k) => Object.hasOwn(o, k) && isRecord(o[k]));
}

/**
 * Longest cell the checks are given. No field of a roster comes near it (a name, an origin, a
 * major are tens of characters); a longer one is a broken export or a hostile file, and the row is
 * reported instead of being handed to the validators [decision].
 */
export const MAX_CELL = 1000;

/** The length of the longest string in a cell value or a JSON student (bounded depth). */
function longest(v: unknown, depth = 0): number {
  if (typeof v === "string") return v.length;
  if (depth > 4 || typeof v !== "object" || v === null) return 0;
  let max = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) max = Math.max(max, longest(x, depth + 1));
  return max;
}

/** A record with an oversized cell becomes a bad row; the others are returned as they are. */
export function screened(r: RosterRecord): RosterEntry {
  const len = longest(r.kind === "cells" ? r.cells.map(([, v]) => v) : [r.value]);
  if (len <= MAX_CELL) return { kind: "record", record: r };
  return {
    kind: "bad",
    bad: { row: r.row, reason: "oversized", params: { expected: MAX_CELL, received: len } },
  };
}

/** A roster opened for reading in passes: each call of `entries()` reads it again from the start. */
export interface RosterSource {
  format: RawRoster["format"];
  /**
   * The entries in row order. A `header` entry (the headers to resolve) comes before the first
   * record that has cells; a JSON roster of api.md-shaped students has none.
   */
  entries(): AsyncGenerator<RosterEntry>;
}

/**
 * Opens a roster file by its extension; unsupported → `UsageError` (exit 2), unreadable → the
 * same, on the first read. CSV (and .txt, .tsv) is streamed: memory does not grow with the file.
 * .json and .xlsx are read whole (JSON.parse and exceljs need the whole file) and kept for the
 * second pass — a roster of that size is a spreadsheet of a few thousand rows in practice.
 */
export async function openRoster(file: string, t: CliText): Promise<RosterSource> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".json" && ext !== ".txt" && ext !== ".tsv") {
    throw new UsageError(t.unsupported(file));
  }
  if (ext !== ".xlsx" && ext !== ".json") {
    // Read once per pass: a file rewritten in between (an export still being saved) would pair
    // the first pass's keys with other rows, so each pass starts by checking it is unchanged.
    const opened = await stat(file).catch(() => undefined);
    return {
      format: "csv",
      async *entries() {
        const now = await stat(file).catch(() => undefined);
        if (opened && now && (now.size !== opened.size || now.mtimeMs !== opened.mtimeMs)) {
          throw new UsageError(t.unreadable(file, t.changedWhileRead));
        }
        yield* streamCsv(file, t);
      },
    };
  }
  let raw: RawRoster;
  if (ext === ".xlsx") raw = await readXlsx(file, t);
  else {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw unreadable(file, e, t);
    }
    raw = parseJson(decodeCsv(bytes).text.replace(/^\uFEFF/, ""), file, t);
  }
  const entries: RosterEntry[] = [
    ...raw.records.map(screened),
    ...raw.bad.map((bad) => ({ kind: "bad", bad }) as const),
  ].sort((a, b) => rowOf(a) - rowOf(b));
  const hasCells = raw.format !== "json" || raw.records.some((r) => r.kind === "cells");
  const header: RosterEntry[] = hasCells ? [{ kind: "header", row: 0, headers: raw.headers }] : [];
  return {
    format: raw.format,
    async *entries() {
      yield* header;
      yield* entries;
    },
  };
}

function rowOf(e: RosterEntry): number {
  return e.kind === "record" ? e.record.row : e.kind === "bad" ? e.bad.row : e.row;
}
