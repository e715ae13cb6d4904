/**
 * The report as CSV (issue 14.3): one line per finding — row, student number, name, field, code,
 * severity, clause, message, suggestion — UTF-8 with a BOM so that Excel opens it in Chinese. Made
 * line by line, so the CLI writes it as the roster is checked (streamed) and a page writes it whole.
 */
import { type Finding, type Locale, type LocaleOptions, resolveLocale } from "../findings/index.js";
import type { Report, StudentReport } from "./report.js";
import { escapeControls } from "./report.js";
import { fieldOf, type ReportColumn, reportWords, suggestionFieldOf, suggestionOf } from "./report-fields.js";

/**
 * One CSV cell, safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with `'` so that no spreadsheet takes it for a formula (OWASP,
 * "CSV injection"); control and bidi characters are shown as escapes (`escapeControls`); a cell
 * holding the delimiter, a quote or a line break is quoted (RFC 4180).
 * @example
 * csvCell("=HYPERLINK(\"http://x\")") //=> "\"'=HYPERLINK(\"\"http://x\"\")\""
 * csvCell("-1") //=> "'-1"
 * csvCell("张三") //=> "张三"
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  s = escapeControls(s);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Options of the CSV report. */
export interface CsvReportOptions extends LocaleOptions {
  /** The roster's columns as read, to name each finding's field by the roster's own header. */
  columns?: readonly ReportColumn[];
  /** `false`: warnings are left out (`--quiet`). Default true. */
  warnings?: boolean;
}

/**
 * A CSV report made line by line: `head()` once (the BOM and the header line), then `student(s)`
 * for each row's report and `findings(list)` for those about no row (the window, the photo folder).
 * Lines end in CRLF, as Excel writes them.
 * @example
 * const csv = new CsvReport({ locale: "zh-CN" });
 * csv.head() //=> "\uFEFF行,学号,姓名,字段,代码,严重程度,条款,说明,建议\r\n"
 */
export class CsvReport {
  private readonly locale: Locale;
  private readonly columns: readonly ReportColumn[];
  private readonly warnings: boolean;

  constructor(options: CsvReportOptions = {}) {
    this.locale = resolveLocale(options);
    this.columns = options.columns ?? [];
    this.warnings = options.warnings !== false;
  }

  /** The byte-order mark and the header line. */
  head(): string {
    const w = reportWords(this.locale);
    const cells = [w.row, w.studentNumber, w.name, w.field, w.code, w.severity, w.clause, w.message];
    return `\uFEFF${[...cells, w.suggestion].map(csvCell).join(",")}\r\n`;
  }

  /** The lines of one row's findings (none when it has none). */
  student(s: StudentReport): string {
    return this.lines(s.findings, s.row, s.studentNumber, s.name);
  }

  /** The lines of findings about no row (the window's, the photo folder's). */
  findings(list: readonly Finding[]): string {
    return this.lines(list, null, null, null);
  }

  /** The suggestion, prefixed with its field when that is not the finding's (结业 → 毕业结论：结业). */
  private suggestion(f: Finding, field: string): string | undefined {
    const s = suggestionOf(f, this.locale);
    if (s === undefined) return undefined;
    const to = suggestionFieldOf(f, this.columns, this.locale);
    if (to === field) return s;
    return this.locale === "en" ? `${to}: ${s}` : `${to}：${s}`;
  }

  private lines(
    list: readonly Finding[],
    row: number | null,
    studentNumber: string | null,
    name: string | null,
  ): string {
    const w = reportWords(this.locale);
    let out = "";
    for (const f of list) {
      if (!this.warnings && f.severity === "warning") continue;
      const field = fieldOf(f, this.columns, this.locale);
      const cells = [
        csvCell(row),
        csvCell(studentNumber),
        csvCell(name),
        csvCell(field),
        csvCell(f.code),
        csvCell(f.severity === "error" ? w.error : w.warning),
        csvCell(f.clause),
        csvCell(f.message),
        csvCell(this.suggestion(f, field)),
      ];
      out += `${cells.join(",")}\r\n`;
    }
    return out;
  }
}

/**
 * The whole report as CSV text (with its BOM): the window's findings, each row's, then the photo
 * folder's. Encode it as UTF-8 to save it.
 * @example
 * const roster = (await readRoster(rosterCsv)).value;
 * const report = checkRoster(roster, { batch: ucas2022Batch3 });
 * const text = reportCsv(report, { columns: roster.columns.recognised });
 * text.split("\r\n")
 * //=> ["\uFEFF行,学号,姓名,字段,代码,严重程度,条款,说明,建议",
 * //    "3,2019E8012345002,测试乙,证件号码,id.checksum,错误,3.1,身份证号码校验码不正确（应为 X；收到 1）,", ""]
 * // Save it as UTF-8: new TextEncoder().encode(text).
 */
export function reportCsv(report: Report, options: CsvReportOptions = {}): string {
  const csv = new CsvReport(options);
  let out = csv.head();
  if (report.window !== undefined) out += csv.findings(report.window.findings);
  for (const s of report.students) out += csv.student(s);
  if (report.photos !== undefined) out += csv.findings(report.photos.findings);
  return out;
}
