import { readFile } from "node:fs/promises";
import { extname } from "node:path";
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
  params: Record<string, unknown>;
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
  if (isUtf8(bytes)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
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
  if (headerUtf8 || valid > invalid) {
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8-mixed" };
  }
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
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

/** Parses CSV text; a ragged or unparseable row becomes a `BadRow`, the rest are read. */
export function parseCsv(text: string, file: string, t: CliText, encoding: CsvEncoding = "utf-8"): RawRoster {
  let n = 0;
  const bad: BadRow[] = [];
  const numbers: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      // Counting here, skipped records included, gives the row number the spreadsheet shows
      // (a quoted cell spanning lines is still one row).
      on_record: (record: string[]) => {
        numbers.push(++n);
        return record;
      },
      on_skip: (err) => {
        n += 1;
        bad.push({
          row: n,
          reason: "unparseable",
          params: { received: err?.message ?? "?", line: (err as { lines?: number } | undefined)?.lines },
        });
        return undefined;
      },
    });
  } catch (e) {
    throw new UsageError(t.unreadable(file, e instanceof Error ? e.message : String(e)));
  }
  const rows = records.map((record, i) => ({ record, row: numbers[i] ?? i + 1 }));
  const at = headerIndex(rows.map((r) => r.record));
  const header = at === -1 ? undefined : rows[at];
  if (!header) throw new UsageError(t.emptyRoster(file));
  rows.splice(0, at + 1);
  const headers = header.record.map((h) => h.trim());
  const width = headers.length;
  const out: RosterRecord[] = [];
  for (const { record, row } of rows) {
    if (isBlank(record)) continue; // an empty line: counted as a row, holds no student
    if (encoding === "utf-8-mixed" && record.some((c) => c.includes("\uFFFD"))) {
      bad.push({ row, reason: "encoding", params: { expected: "UTF-8", received: "GB18030?" } });
      continue;
    }
    const extra = record.slice(width);
    if (record.length < width || !isBlank(extra)) {
      bad.push({ row, reason: "ragged", params: { expected: width, received: record.length } });
      continue;
    }
    out.push({ row, kind: "cells", cells: headers.map((h, i) => [h, record[i]] as const) });
  }
  bad.sort((a, b) => a.row - b.row);
  return { format: "csv", headers, records: out, bad };
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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A JSON roster: an array of students (api.md's shape) or of rows keyed by headers, or `{ students }`. */
export function parseJson(text: string, file: string, t: CliText): RawRoster {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(t.unreadable(file, e instanceof Error ? e.message : String(e)));
  }
  if (isPlainObject(data) && Array.isArray(data.students)) data = data.students;
  if (!Array.isArray(data)) throw new UsageError(t.unreadable(file, "expected a JSON array of students"));
  const headers = new Set<string>();
  const records: RosterRecord[] = [];
  const bad: BadRow[] = [];
  data.forEach((el: unknown, i) => {
    const row = i + 1;
    if (!isPlainObject(el)) {
      bad.push({
        row,
        reason: "unparseable",
        params: { expected: "object", received: el === null ? "null" : typeof el },
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

/** api.md's nested shape (`id`, `origin`, `photo`, `study` are objects), as opposed to a flat row. */
function isStudentShaped(o: Record<string, unknown>): boolean {
  return ["id", "origin", "photo", "study"].some((k) => Object.hasOwn(o, k) && isPlainObject(o[k]));
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

/** Rows with an oversized cell become bad rows; the others are untouched. */
export function screenOversized(roster: RawRoster): RawRoster {
  const bad = [...roster.bad];
  const records = roster.records.filter((r) => {
    const values = r.kind === "cells" ? r.cells.map(([, v]) => v) : [r.value];
    const len = longest(values);
    if (len <= MAX_CELL) return true;
    bad.push({ row: r.row, reason: "oversized", params: { expected: `≤ ${MAX_CELL}`, received: len } });
    return false;
  });
  if (bad.length === roster.bad.length) return roster;
  bad.sort((a, b) => a.row - b.row);
  return { ...roster, records, bad };
}

/** Reads a roster file by its extension; unreadable or unsupported → `UsageError` (exit 2). */
export async function readRoster(file: string, t: CliText): Promise<RawRoster> {
  return screenOversized(await readAny(file, t));
}

async function readAny(file: string, t: CliText): Promise<RawRoster> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".json" && ext !== ".txt" && ext !== ".tsv") {
    throw new UsageError(t.unsupported(file));
  }
  if (ext === ".xlsx") return readXlsx(file, t);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(t.unreadable(file, code ?? (e instanceof Error ? e.message : String(e))));
  }
  const { text, encoding } = decodeCsv(bytes);
  return ext === ".json"
    ? parseJson(text.replace(/^\uFEFF/, ""), file, t)
    : parseCsv(text, file, t, encoding);
}
