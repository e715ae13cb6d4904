/**
 * The annotated workbook (issue 14.3): a copy of the roster as read — its sheet, its columns, every
 * row in its place — with a 问题 column (every finding of the row), each cell at fault filled and
 * noted with its message, a 建议 column where a finding carries a suggestion; a summary sheet (the
 * counts by code, with clause and title) and a photo sheet (each file checked and its findings).
 * Written with `writeXlsx`: pure, so the CLI and a page make the same file.
 */
import { XueliError } from "../core/error.js";
import {
  type Finding,
  type FindingCode,
  type Locale,
  type LocaleOptions,
  locales,
  resolveLocale,
  rules,
} from "../findings/index.js";
import type { Roster, RosterCopy } from "./read.js";
import { displayWidth, escapeControls, type Report } from "./report.js";
import {
  columnOf,
  findingText,
  type ReportColumn,
  reportWords,
  suggestionFieldOf,
  suggestionOf,
} from "./report-fields.js";
import { writeXlsx, type XlsxCell, type XlsxSheet, type XlsxValue } from "./write.js";

/** The fills of the workbook: an error's cell, a warning's, the columns the report adds. */
export const REPORT_FILLS = { error: "FFC7CE", warning: "FFEB9C", added: "DDEBF7" } as const;

/** Options of `writeReportXlsx`. */
export interface ReportXlsxOptions extends LocaleOptions {
  /** `false`: warnings are left out of the 问题 column, the fills and notes (`--quiet`). Default true. */
  warnings?: boolean;
}

/** Widest column the copy gets, in characters. */
const MAX_WIDTH = 40;

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Text of the roster's own cells as the copy shows it (issue 12.7): its line breaks and tabs kept (a
 * cell may hold them), every other control, bidi or zero-width character shown as an escape
 * (`escapeControls`), so that no cell of the workbook carries one — ESC, BEL, C1, U+202E.
 */
function cellText(s: string): string {
  return s.includes("\n") || s.includes("\r")
    ? s.replace(/\r\n?/g, "\n").split("\n").map(escapeControls).join("\n")
    : escapeControls(s);
}

/**
 * A cell of the copy as the workbook takes it: a date as the day it shows, text with its control
 * characters escaped (`cellText`), a number or yes/no as it came.
 */
function cellOf(v: unknown): XlsxValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") return cellText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    return Number.isNaN(v.getTime())
      ? undefined
      : `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  }
  return cellText(String(v));
}

/** The worse of two severities' fills. */
const worse = (a: string | undefined, f: Finding): string =>
  f.severity === "error" || a === REPORT_FILLS.error ? REPORT_FILLS.error : REPORT_FILLS.warning;

function title(code: FindingCode, locale: Locale): string {
  return locales[locale][code]?.title ?? code;
}

/**
 * Writes the annotated workbook of a report: the roster's copy (`roster.copy`, from
 * `readRoster(bytes, { copy: true })`) with 问题 and 建议 columns, fills and notes; a summary sheet;
 * a photo sheet when the report has photos. Row n of the report is row n of the copy (a JSON
 * roster's headers are put on row 1). Text from the input in the 问题 column and the notes has its
 * control and bidi characters escaped (`escapeControls`), and so has the text of the roster's own
 * cells (line breaks and tabs kept); numbers and dates are copied as read.
 * Throws `XueliError` (`argument.invalid`) for a roster read without `copy`.
 * @example
 * const r = await readRoster(rosterCsv, { copy: true });
 * const report = checkRoster(r.value, { batch: ucas2022Batch3 });
 * const xlsx = writeReportXlsx(report, r.value, { locale: "zh-CN" });
 * (await readRoster(xlsx)).value?.sheets //=> ["名册", "汇总"]
 */
export function writeReportXlsx(
  report: Report,
  roster: Pick<Roster, "copy" | "columns" | "sheet">,
  options: ReportXlsxOptions = {},
): Uint8Array {
  const copy = roster?.copy;
  if (copy === undefined || !Array.isArray(copy.rows)) {
    throw new XueliError("argument.invalid", "writeReportXlsx needs a roster read with { copy: true }");
  }
  const locale = resolveLocale(options);
  const warnings = options.warnings !== false;
  const sheets: XlsxSheet[] = [
    rosterSheet(report, copy, roster, locale, warnings),
    summarySheet(report, locale),
  ];
  if (report.photos !== undefined) sheets.push(photoSheet(report, locale, warnings));
  return writeXlsx({ sheets });
}

function rosterSheet(
  report: Report,
  copy: RosterCopy,
  roster: Pick<Roster, "columns" | "sheet">,
  locale: Locale,
  warnings: boolean,
): XlsxSheet {
  const words = reportWords(locale);
  const cols: ReportColumn[] = copy.columns.map((c) => {
    const header = roster.columns.recognised.find((r) => r.column === c.column)?.header;
    return header === undefined ? { column: c.column, key: c.key } : { ...c, header };
  });
  let width = 0;
  for (const r of copy.rows) if (r !== undefined && r.length > width) width = r.length;
  const problemsAt = width;
  const suggestionAt = width + 1;
  const rows: (XlsxValue | XlsxCell)[][] = copy.rows.map((r) => (r === undefined ? [] : r.map(cellOf)));
  const widths: number[] = [];
  const headerRow = copy.header >= 0 ? copy.header : undefined;
  if (headerRow !== undefined) {
    rows[headerRow] ??= [];
    const h = rows[headerRow] as (XlsxValue | XlsxCell)[];
    h[problemsAt] = { value: words.problems, fill: REPORT_FILLS.added };
    h[suggestionAt] = { value: words.suggestion, fill: REPORT_FILLS.added };
    h.forEach((v, i) => {
      const text = typeof v === "object" && v !== null ? v.value : v;
      widths[i] = Math.min(MAX_WIDTH, Math.max(8, displayWidth(String(text ?? "")) + 2));
    });
  }
  widths[problemsAt] = 60;
  widths[suggestionAt] = 24;
  for (const s of report.students) {
    const findings = warnings ? s.findings : s.findings.filter((f) => f.severity !== "warning");
    if (findings.length === 0) continue;
    const at = s.row - 1 + copy.offset;
    rows[at] ??= [];
    const row = rows[at] as (XlsxValue | XlsxCell)[];
    const notes = new Map<number, { fill: string | undefined; lines: string[] }>();
    let fill: string | undefined;
    const suggestions: string[] = [];
    for (const f of findings) {
      fill = worse(fill, f);
      const c = columnOf(f.path, cols);
      if (c !== undefined) {
        const n = notes.get(c) ?? { fill: undefined, lines: [] };
        n.fill = worse(n.fill, f);
        n.lines.push(escapeControls(f.message));
        notes.set(c, n);
      }
      const suggestion = suggestionOf(f, locale);
      if (suggestion !== undefined) {
        const field = suggestionFieldOf(f, cols, locale);
        const line = escapeControls(locale === "en" ? `${field}: ${suggestion}` : `${field}：${suggestion}`);
        if (!suggestions.includes(line)) suggestions.push(line);
      }
    }
    for (const [c, n] of notes) {
      const cell: XlsxCell = { value: cellOf(row[c]) };
      if (n.fill !== undefined) cell.fill = n.fill;
      cell.note = n.lines.join("\n");
      row[c] = cell;
    }
    const problems: XlsxCell = {
      value: findings.map((f) => escapeControls(findingText(f, locale))).join("\n"),
    };
    if (fill !== undefined) problems.fill = fill;
    row[problemsAt] = problems;
    if (suggestions.length > 0) row[suggestionAt] = suggestions.join("\n");
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const sheet: XlsxSheet = {
    name: escapeControls(roster.sheet?.name ?? words.sheets.roster),
    rows,
    columnWidths: Array.from({ length: suggestionAt + 1 }, (_, i) => widths[i] ?? 10),
  };
  if (headerRow === 0) sheet.freezeHeader = true;
  return sheet;
}

function summarySheet(report: Report, locale: Locale): XlsxSheet {
  const w = reportWords(locale);
  const s = report.summary;
  const b = report.batch;
  const rows: (XlsxValue | XlsxCell)[][] = [
    [w.summary.batch, escapeControls(`${b.id}（${b.school} ${b.schoolCode}，${b.year}-${b.sequence}）`)],
    [w.summary.at, report.window === undefined ? w.summary.dataOnly : escapeControls(report.window.at)],
    [w.summary.linesRead, s.linesRead],
    [w.summary.students, s.students],
    [w.summary.photos, s.photos],
    [w.summary.errors, s.errors],
    [w.summary.warnings, s.warnings],
  ];
  if (s.sheet !== undefined) {
    rows.push([
      w.summary.sheet,
      escapeControls(w.summary.sheetOf(s.sheet.name, s.sheet.index, s.sheet.count)),
    ]);
  }
  rows.push([w.summary.footer, w.summary.footerRows(s.footer.count, s.footer.rows)]);
  for (const k of s.skipped) rows.push([w.summary.skipped, w.summary.skippedColumn(k.header, k.codes)]);
  for (const f of report.window?.findings ?? []) {
    rows.push([
      w.summary.window,
      { value: escapeControls(findingText(f, locale)), fill: REPORT_FILLS.error },
    ]);
  }
  for (const f of report.photos?.findings ?? []) {
    const path = f.path.map(String);
    if (path[0] === "files") continue; // a file's: on the photo sheet, with the file
    rows.push([
      w.summary.folder,
      { value: escapeControls(findingText(f, locale)), fill: worse(undefined, f) },
    ]);
  }
  rows.push([]);
  rows.push(
    [w.code, w.severity, w.clause, w.title, w.count].map((v) => ({ value: v, fill: REPORT_FILLS.added })),
  );
  const byCode = s.byCode as Record<string, number>;
  for (const r of rules) {
    const n = byCode[r.code];
    if (n === undefined) continue;
    rows.push([r.code, r.severity === "error" ? w.error : w.warning, r.clause, title(r.code, locale), n]);
  }
  return { name: w.sheets.summary, rows, columnWidths: [34, 10, 10, 60, 8] };
}

function photoSheet(report: Report, locale: Locale, warnings: boolean): XlsxSheet {
  const w = reportWords(locale);
  const p = report.photos;
  const rows: (XlsxValue | XlsxCell)[][] = [
    [w.photoSheet.fileName, w.photoSheet.studentNumber, w.photoSheet.row, w.photoSheet.problems].map((v) => ({
      value: v,
      fill: REPORT_FILLS.added,
    })),
  ];
  const keep = (f: Finding) => warnings || f.severity !== "warning";
  for (const e of p?.fileList ?? []) {
    const findings = e.findings.filter(keep);
    const cell: XlsxCell = { value: findings.map((f) => escapeControls(findingText(f, locale))).join("\n") };
    if (findings.length > 0) cell.fill = findings.reduce<string | undefined>(worse, undefined) as string;
    const sn = e.studentNumber === null ? undefined : escapeControls(e.studentNumber);
    rows.push([escapeControls(e.fileName), sn, e.row ?? undefined, cell]);
  }
  // The folder's own findings that are about no file (no admission year chosen …).
  for (const f of (p?.findings ?? []).filter(keep)) {
    if (f.path.map(String)[0] === "files") continue;
    rows.push([
      w.photoSheet.folder,
      undefined,
      undefined,
      { value: escapeControls(findingText(f, locale)), fill: worse(undefined, f) },
    ]);
  }
  return { name: w.sheets.photos, rows, columnWidths: [28, 18, 8, 80], freezeHeader: true };
}
