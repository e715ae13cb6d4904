import { XueliError } from "../core/error.js";

/**
 * The bounds of reading a roster: memory and work stay bounded whatever the file (issue 12, items
 * 4 and 5). Each is a number of bytes, rows, characters or cells; `Infinity` lifts a bound.
 * docs/roster.md ("Caps") and docs/performance.md ("Hardening") list them with their defaults.
 */
export interface RosterLimits {
  /**
   * Bytes of a roster read whole (`readRoster`'s input; in the CLI: .xlsx, .xls, .json and stdin).
   * Default 64 MiB. Past it: `roster.too-large`.
   */
  maxFileBytes: number;
  /**
   * .xlsx: bytes its zip entries may inflate to, together (declared in the zip's directory, then
   * counted while inflating, before the spreadsheet library sees the file). Default 64 MiB — a
   * 40-column roster of about 50,000 rows. Past it: `roster.too-large`.
   */
  maxInflatedBytes: number;
  /**
   * .xls (the old binary workbook): bytes of the file. Default 8 MiB — about 15,000 rows of 40
   * columns. SheetJS holds an .xls in about 40 times its size while it reads it (a 26 MB file:
   * 0.9 GB), so the bound is tighter than for .xlsx. Past it: `roster.too-large`; save the sheet as
   * .xlsx or CSV.
   */
  maxXlsBytes: number;
  /**
   * Rows of a sheet, lines of a text file or elements of a JSON array held by `readRoster`.
   * Default 100,000. Past it: `roster.too-large`. The CLI's streamed CSV reader holds no rows and
   * has no such bound.
   */
  maxRows: number;
  /**
   * Characters of one CSV record. Default 262,144 (256 Ki): more than any roster row (40 columns of
   * at most `maxCellLength`). A longer record is skipped without being kept and reported as
   * `roster.unreadable-row` (`too-long`); the next line is read as usual.
   */
  maxRecordLength: number;
  /**
   * Cells of one CSV record. Default 16,384, the most columns a sheet can have (Excel's XFD). More
   * is reported as `roster.unreadable-row` (`too-many-cells`).
   */
  maxCells: number;
  /**
   * Characters of one cell handed to the checks. Default 1,000: no roster field comes near it. A
   * row with a longer cell is `roster.unreadable-row` (`oversized`) [decision].
   */
  maxCellLength: number;
}

const MiB = 1024 * 1024;

/**
 * The default bounds (docs/roster.md, "Caps").
 * @example
 * defaultRosterLimits.maxRows //=> 100000
 */
export const defaultRosterLimits: Readonly<RosterLimits> = Object.freeze({
  maxFileBytes: 64 * MiB,
  maxInflatedBytes: 64 * MiB,
  maxXlsBytes: 8 * MiB,
  maxRows: 100_000,
  maxRecordLength: 256 * 1024,
  maxCells: 16_384,
  maxCellLength: 1000,
});

/** Rows searched for the header: a title, a blank row and instructions may come before it. */
export const HEADER_SEARCH_ROWS = 30;

/** Entries of an .xlsx zip looked at; a workbook has tens. More is refused as `roster.too-large`. */
export const MAX_ZIP_ENTRIES = 10_000;

const names = Object.keys(defaultRosterLimits) as (keyof RosterLimits)[];

/**
 * The bounds of a call: the defaults, each replaced by the option given. A bound that is not a
 * positive integer (or `Infinity`) is a programmer error: `XueliError` `option.invalid`.
 * @example
 * resolveRosterLimits({ maxRows: 500 }).maxRows //=> 500
 * resolveRosterLimits({ maxRows: 500 }).maxCellLength //=> 1000
 */
export function resolveRosterLimits(limits?: Partial<RosterLimits>): RosterLimits {
  const out: RosterLimits = { ...defaultRosterLimits };
  if (limits === undefined) return out;
  if (typeof limits !== "object" || limits === null) {
    throw new XueliError("option.invalid", "limits must be an object of positive integers");
  }
  for (const name of names) {
    const v = (limits as Record<string, unknown>)[name];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v === Number.POSITIVE_INFINITY || (Number.isInteger(v) && v > 0))) {
      throw new XueliError("option.invalid", `limits.${name} must be a positive integer or Infinity`);
    }
    out[name] = v;
  }
  return out;
}
