/**
 * .xlsx and .xls rosters, read with SheetJS (`@e965/xlsx`, the community edition: one package, no
 * dependency, and it reads the old .xls that status systems still export). Loaded only when a
 * workbook is read, so a CSV run never loads it. Bounded before it parses (issue 12, item 4): an
 * .xlsx passes the zip guard (`guardZip`), an .xls is bounded by its file size; both by `maxRows`.
 */
import { HEADER_SEARCH_ROWS, type RosterLimits } from "./limits.js";
import { knownColumns } from "./map.js";
import { guardZip } from "./zip.js";

/** A workbook read, or why not (a roster-level finding to make). */
export type WorkbookRead =
  | {
      ok: true;
      sheets: string[];
      /** The sheet read: its name and 1-based position. */
      sheet: { name: string; index: number };
      /**
       * Its rows from row 1, each a list of cell values by column (0-based; holes are empty cells),
       * converted one at a time as they are taken, the spreadsheet library's own row dropped then.
       */
      rows: Iterable<unknown[]>;
      /** Rows the sheet has (its last row number). */
      lastRow: number;
    }
  | { ok: false; problem: WorkbookProblem };

/** A problem of a workbook, as the params of its finding. */
export type WorkbookProblem =
  | { code: "roster.unreadable"; reason: "corrupt" | "encrypted" }
  | {
      code: "roster.too-large";
      limit: "maxInflatedBytes" | "maxRows" | "zipEntries";
      expected: number;
      received: number;
    }
  | { code: "roster.sheet-missing"; received: string | number; sheets: string[] };

/** SheetJS's error codes of error cells, as Excel shows them. */
const ERRORS: Record<number, string> = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
  43: "#GETTING_DATA",
};

interface SheetCell {
  t?: string;
  v?: unknown;
  z?: unknown;
}

type Ssf = {
  is_date: (fmt: unknown) => boolean;
  parse_date_code: (v: number) => { y: number; m: number; d: number } | null;
};

/**
 * A cell as plain data: text, a number, a boolean, or a date — midnight UTC of the calendar day the
 * cell shows, from its serial number and format, never through the host's time zone. A formula
 * gives its cached result; an 18-digit ID typed as a number is the (already rounded) number.
 */
function plain(c: SheetCell | undefined, SSF: Ssf): unknown {
  if (c === undefined || c === null) return undefined;
  switch (c.t) {
    case "s":
    case "str":
      return typeof c.v === "string" ? c.v : undefined;
    case "b":
      return c.v === true;
    case "e":
      return typeof c.v === "number" ? (ERRORS[c.v] ?? `#${c.v}`) : "#ERROR";
    case "n": {
      if (typeof c.v !== "number") return undefined;
      if (typeof c.z === "string" && c.z !== "General" && SSF.is_date(c.z)) {
        const p = SSF.parse_date_code(c.v);
        if (p) return new Date(Date.UTC(p.y, p.m - 1, p.d));
      }
      return c.v;
    }
    case "d":
      return c.v instanceof Date ? c.v : undefined;
    default:
      return undefined;
  }
}

/** "EncryptedPackage" in UTF-16LE: the stream an .xlsx with an opening password is kept in (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]);

/** A compound file holding an encrypted Office document (an .xlsx saved with a password). */
export function holdsEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0] as number;
  for (let i = bytes.indexOf(first); i !== -1; i = bytes.indexOf(first, i + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/** The last row number of a range like `A1:AN5001`. */
function lastRowOf(ref: unknown): number {
  if (typeof ref !== "string") return 0;
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : 0;
}

/** Whether a sheet's first rows hold a header (a row naming at least three known columns). */
function headerScore(rows: unknown[][]): number {
  let best = 0;
  for (let r = 0; r < rows.length && r < HEADER_SEARCH_ROWS; r++) {
    best = Math.max(best, knownColumns(rows[r] ?? []));
  }
  return best;
}

/**
 * Reads a workbook (`kind`: a zip — .xlsx, a compound file — .xls, or markup — an HTML table or
 * SpreadsheetML saved as .xls, given as text) and picks its sheet: `sheet` by name or 1-based
 * position; else the first whose first 30 rows hold a header (a 填表说明 sheet often comes first),
 * else the one that comes closest.
 */
export async function readWorkbook(
  input: { kind: "zip" | "cfb"; bytes: Uint8Array } | { kind: "markup"; text: string },
  sheet: string | number | undefined,
  limits: RosterLimits,
): Promise<WorkbookRead> {
  if (input.kind === "zip") {
    const refusal = await guardZip(input.bytes, limits.maxInflatedBytes);
    if (refusal !== undefined) {
      if (refusal.kind === "corrupt")
        return { ok: false, problem: { code: "roster.unreadable", reason: "corrupt" } };
      const { limit, expected, received } = refusal;
      return { ok: false, problem: { code: "roster.too-large", limit, expected, received } };
    }
  }
  if (input.kind === "cfb" && holdsEncryptedPackage(input.bytes)) {
    return { ok: false, problem: { code: "roster.unreadable", reason: "encrypted" } };
  }
  const XLSX = await import("@e965/xlsx");
  const maxRows = Number.isFinite(limits.maxRows) ? limits.maxRows : 0;
  let wb: { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>> };
  try {
    const data = input.kind === "markup" ? input.text : input.bytes;
    wb = XLSX.read(data, {
      type: input.kind === "markup" ? "string" : "array",
      // Markup (an HTML table): cells as written; the column mapping reads numbers and dates itself.
      raw: input.kind === "markup",
      dense: true,
      // One more than the bound, to tell a sheet that passes it (`!fullref` keeps the real extent).
      ...(maxRows > 0 ? { sheetRows: maxRows + 1 } : {}),
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const reason = /password/i.test(message) ? "encrypted" : "corrupt";
    return { ok: false, problem: { code: "roster.unreadable", reason } };
  }
  const names = Array.isArray(wb?.SheetNames) ? wb.SheetNames.map(String) : [];
  if (names.length === 0) return { ok: false, problem: { code: "roster.unreadable", reason: "corrupt" } };
  const SSF = XLSX.SSF as Ssf;
  const rowsOf = (name: string, limit = Number.POSITIVE_INFINITY): unknown[][] => {
    const ws = wb.Sheets[name];
    const data = (ws?.["!data"] ?? []) as (SheetCell[] | undefined)[];
    const out: unknown[][] = [];
    for (let r = 0; r < data.length && r < limit; r++) {
      const row = data[r];
      const cells: unknown[] = [];
      if (row) for (let c = 0; c < row.length; c++) cells[c] = plain(row[c], SSF);
      out.push(cells);
    }
    return out;
  };
  let index: number;
  if (sheet !== undefined) {
    // A position first; then a name (exact, then trimmed and in any case): a number past the
    // sheets may be a sheet's name ("2024").
    const name = String(sheet);
    index =
      typeof sheet === "number" && sheet >= 1 && sheet <= names.length ? sheet - 1 : names.indexOf(name);
    if (index < 0) index = names.findIndex((n) => n.trim().toLowerCase() === name.trim().toLowerCase());
    if (index < 0)
      return { ok: false, problem: { code: "roster.sheet-missing", received: sheet, sheets: names } };
  } else {
    const scores = names.map((n) => headerScore(rowsOf(n, HEADER_SEARCH_ROWS)));
    index = scores.findIndex((s) => s >= 3);
    if (index < 0) {
      // No sheet has a header: the one that comes closest, so that the finding names its columns.
      const best = Math.max(...scores);
      index =
        best > 0
          ? scores.indexOf(best)
          : Math.max(
              0,
              names.findIndex((n) => rowsOf(n, 1).length > 0),
            );
    }
  }
  const name = names[index] as string;
  const ws = wb.Sheets[name] ?? {};
  const lastRow = lastRowOf(ws["!fullref"] ?? ws["!ref"]);
  if (maxRows > 0 && lastRow > maxRows) {
    return {
      ok: false,
      problem: { code: "roster.too-large", limit: "maxRows", expected: maxRows, received: lastRow },
    };
  }
  const data = (ws["!data"] ?? []) as (SheetCell[] | undefined)[];
  function* rows(): Generator<unknown[]> {
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      data[r] = undefined;
      const cells: unknown[] = [];
      if (row) for (let c = 0; c < row.length; c++) cells[c] = plain(row[c], SSF);
      yield cells;
    }
  }
  return { ok: true, sheets: names, sheet: { name, index: index + 1 }, rows: rows(), lastRow };
}
