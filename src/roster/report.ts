/**
 * The report of checking a roster (`xueli check`, `checkRoster`): its shape, the counts that end it,
 * and the text helpers every writer of it uses (the terminal's, the CSV's, the workbook's). Pure:
 * the CLI and a page built on the package make the same report (issue 14.1).
 */
import { CONTROL_CHARS, clip, isControlChar } from "../core/strings.js";
import type { Batch } from "../entities/batch.js";
import type { Finding, FindingCode } from "../findings/index.js";

export { CONTROL_CHARS, isControlChar } from "../core/strings.js";

/** One roster row's part of the report: the row it came from and every finding about it. */
export interface StudentReport {
  /** The row the spreadsheet shows (the header is usually row 1); a JSON element's 1-based position. */
  row: number;
  /** The student number and the name as read (cut to 200 characters); `null` for a row that could not be read. */
  studentNumber: string | null;
  name: string | null;
  findings: Finding[];
}

/** One file of the photo folder: its name, the student it belongs to, and its findings. */
export interface PhotoFileEntry {
  fileName: string;
  /** The student the file's name matches (`null`: an orphan). */
  studentNumber: string | null;
  /** That student's roster row. */
  row: number | null;
  /**
   * What was found about the file: its own checks (paths relative to the file: `[]`, `["fileName"]`),
   * `photo.orphan`, and `photo.duplicate` when its student has several files.
   */
  findings: Finding[];
}

/** What was found about the photo folder: its files and the findings that are about no one student. */
export interface PhotosReport {
  /** The folder as given (`examples/photos` for `--example`). */
  dir: string;
  /** How many files were checked. */
  files: number;
  /** Each file checked, in the folder's order (the photo sheet of the workbook). */
  fileList: PhotoFileEntry[];
  /** Findings not about one student's photo: files matching no student, no admission year chosen … */
  findings: Finding[];
}

/** The window of the run (2.1), checked once when an instant is given: a fact about the moment, not a student. */
export interface WindowReport {
  at: string;
  /** `window.closed` when `at` is outside the batch's window; empty when inside. */
  findings: Finding[];
}

/** A column the roster lacks, and the rules skipped for want of it (issue 14.5). */
export interface SkippedColumn {
  /** The field's key (`origin.value`). */
  key: string;
  /** The status system's header (`生源地`). */
  header: string;
  /** The rules that read it; none when only the field's own shape check is skipped. */
  codes: FindingCode[];
}

/** The counts and facts that end a report (issue 14.6). */
export interface ReportSummary {
  /** Lines of a text file, rows of the sheet, or elements of a JSON array read. */
  linesRead: number;
  /** Roster rows checked: students, and rows that could not be read. */
  students: number;
  /** Photo files checked (0 without a photo folder). */
  photos: number;
  /** Findings of severity `error`, the window's and the photo folder's included. */
  errors: number;
  warnings: number;
  /** Findings by code, sorted by code. */
  byCode: Partial<Record<FindingCode, number>>;
  /** The sheet read, of a workbook: its name, 1-based position, and how many sheets there are. */
  sheet?: { name: string; index: number; count: number };
  /** Footer lines skipped (制表人, 合计 …): how many, and their rows (the first 100). */
  footer: { count: number; rows: number[] };
  /** Columns the roster lacks and the rules skipped for want of them (a partial roster). */
  skipped: SkippedColumn[];
}

/** The report `xueli check --format json` prints (`schemas/report.json`), and `checkRoster` returns. */
export interface Report {
  /** The batch checked against. */
  batch: Batch;
  /** Present when the run was given an instant (`--at`, `--example`). */
  window?: WindowReport;
  /** Every roster row, in row order. */
  students: StudentReport[];
  /** Present with a photo folder. */
  photos?: PhotosReport;
  summary: ReportSummary;
}

/** Longest text from the input a report repeats in a finding's params (a received value, a cell). */
export const REPORT_TEXT_MAX = 200;

/**
 * A finding as a report keeps it: strings in its params cut to `REPORT_TEXT_MAX` (lists to as many
 * items), so a long cell is not repeated in full by every finding about it. The message is never
 * cut: it shows values already clipped (`MESSAGE_VALUE_MAX`), so it ends where its words end.
 * @example
 * const f = finding("origin.format", [], { received: "北".repeat(5000) });
 * capFinding(f).params.received.length //=> 200
 */
export function capFinding<F extends Finding>(f: F): F {
  const params = f.params as unknown;
  if (params === undefined || params === null || typeof params !== "object") return f;
  return { ...f, params: capValue(params, 0) } as F;
}

function capValue(v: unknown, depth: number): unknown {
  if (typeof v === "string") return clip(v, REPORT_TEXT_MAX);
  if (depth > 4 || typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const items = v.slice(0, REPORT_TEXT_MAX).map((x) => capValue(x, depth + 1));
    return v.length > REPORT_TEXT_MAX ? [...items, `…（${v.length}）`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = capValue(x, depth + 1);
  return out;
}

/** The counts that end the report, accumulated row by row. */
export class Tally {
  private students = 0;
  private errors = 0;
  private warnings = 0;
  private readonly byCode = new Map<FindingCode, number>();

  /** Counts `findings`; `student`: they are a roster row's (the row is counted too). */
  add(findings: readonly Finding[], student: boolean): void {
    if (student) this.students += 1;
    for (const f of findings) {
      if (f.severity === "error") this.errors += 1;
      else if (f.severity === "warning") this.warnings += 1;
      this.byCode.set(f.code, (this.byCode.get(f.code) ?? 0) + 1);
    }
  }

  /** The counts so far. */
  counts(): Pick<ReportSummary, "students" | "errors" | "warnings" | "byCode"> {
    const byCode: Partial<Record<FindingCode, number>> = {};
    for (const k of [...this.byCode.keys()].sort()) byCode[k] = this.byCode.get(k) as number;
    return { students: this.students, errors: this.errors, warnings: this.warnings, byCode };
  }
}

/** A code point shown as an escape: `\u001b`, `\u202e`. */
const escapeOf = (c: number): string =>
  c > 0xffff ? `\\u{${c.toString(16)}}` : `\\u${c.toString(16).padStart(4, "0")}`;

/**
 * Text from the input made safe for a terminal and for a report a person reads (issue 12.7): every
 * character of `isControlChar` is shown as a `\u001b`-style escape, so a cell, a file name or a
 * batch's id can neither move the cursor, clear the screen or retitle the window, nor reverse the
 * text around it (U+202E) or hide in it (U+200B); a newline is shown as `\u000a`, so it cannot fake
 * a report line.
 * @example
 * escapeControls("\u001b[2J张三") //=> "\\u001b[2J张三"
 * escapeControls("photo\u202egpj.exe") //=> "photo\\u202egpj.exe"
 */
export function escapeControls(s: string): string {
  // Nearly every string has none: one native scan answers it (issue 10.8: this ran on every cell).
  if (!CONTROL_CHARS.test(s)) return s;
  let out: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isControlChar(c)) {
      out ??= s.slice(0, i);
      out += escapeOf(c);
    } else if (out !== undefined) out += s[i];
  }
  return out ?? s;
}

/**
 * The columns a string takes in a terminal: 2 for East Asian wide and full-width characters (CJK,
 * kana, Hangul, full-width forms), 1 for the others — to align `xueli rules` and the summary.
 * @example
 * displayWidth("错误") //=> 4
 * displayWidth("error") //=> 5
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

/** East Asian Wide (W) and Fullwidth (F) ranges, as terminals draw them. */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/**
 * `s` padded with spaces to `width` terminal columns (`displayWidth`).
 * @example
 * padDisplay("错误", 7) //=> "错误   "
 */
export function padDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}
