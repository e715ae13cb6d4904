import { type Finding, finding, type Locale } from "../findings/index.js";
import type { RowProblem } from "../findings/params.js";
import { HEADER_SEARCH_ROWS, type RosterLimits } from "./limits.js";
import {
  headerText,
  knownColumns,
  type ResolvedColumns,
  type RosterColumns,
  type RosterRow,
  resolveColumns,
  studentFromCells,
  studentFromObject,
} from "./map.js";

/** The header row read: its row number and its cells as text. */
export interface RosterHeader {
  row: number;
  cells: string[];
}

/** A footer line (制表人, 审核人, 合计, 备注, a date …): skipped, not a student. */
export interface RosterFooterLine {
  row: number;
  /** Its non-empty cells, joined (at most 200 characters). */
  text: string;
}

/**
 * What reading a roster gives, in order: the header (once), each row, footer lines, a finding about
 * a row given earlier or later (a stray quote), or a roster-level problem that ends the reading.
 */
export type RosterEvent =
  | { kind: "header"; header: RosterHeader; columns: RosterColumns }
  | { kind: "row"; row: RosterRow }
  | { kind: "footer"; footer: RosterFooterLine }
  | { kind: "note"; row: number; finding: Finding }
  | { kind: "fatal"; finding: Finding };

/** How many known columns a row must name to be taken for the header at once. */
const HEADER_MIN_COLUMNS = 3;

/** The first cell of a footer line: who made or checked the sheet, totals, remarks, the date. */
const FOOTER_START =
  /^(?:制表人|制表|填表人|填报人|填表|审核人|审核|审批人|复核人|负责人|经办人|联系人|联系电话|签字|签名|签章|盖章|单位盖章|单位公章|合计|总计|小计|共计|(?:备注|说明|注|填表说明|日期|时间|填表日期|制表日期|填报日期|导出日期|导出时间|打印日期|打印时间)\s*[:：])/;
/** A date alone on a line: 2022年6月1日, 2022-06-01, 2022/6/1. */
const FOOTER_DATE = /^\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*(?:\d{1,2}\s*日?)?$/;
/** A head count: 共 120 人. */
const FOOTER_COUNT = /^共\s*\d+\s*[人名条行]/;
/** A footer line has a few cells at most; a student row has many. */
const FOOTER_MAX_CELLS = 4;

function cellText(c: unknown): string {
  if (typeof c === "string") return c.replace(/\u3000/g, " ").trim();
  if (typeof c === "number" || typeof c === "boolean") return String(c);
  return "";
}

/**
 * Whether `cellText(c)` is not empty, without building it: `trim` removes the ideographic space
 * too, and returns the string itself when there is nothing to trim.
 */
function hasText(c: unknown): boolean {
  if (typeof c === "string") return c.trim() !== "";
  return typeof c === "number" || typeof c === "boolean";
}

function isBlank(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (hasText(c) || c instanceof Date) return false;
  }
  return true;
}

/** Whether a cell holds U+FFFD (bytes that were not UTF-8, in a UTF-8 file). */
function hasReplacement(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === "string" && c.indexOf("\uFFFD") !== -1) return true;
  }
  return false;
}

/** The footer text of a row that is a footer line, else `undefined`. */
export function footerText(cells: readonly unknown[]): string | undefined {
  // A student row has many cells with text: counted first, without building their texts.
  let filled = 0;
  for (let i = 0; i < cells.length; i++) {
    if (hasText(cells[i]) && ++filled > FOOTER_MAX_CELLS) return undefined;
  }
  if (filled === 0) return undefined;
  const texts = cells.map(cellText).filter((t) => t !== "");
  if (texts.length === 0 || texts.length > FOOTER_MAX_CELLS) return undefined;
  const first = texts[0] as string;
  const isFooter =
    FOOTER_START.test(first) || FOOTER_COUNT.test(first) || (texts.length === 1 && FOOTER_DATE.test(first));
  if (!isFooter) return undefined;
  const text = texts.join("  ");
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The length of the longest string in a cell value or a JSON student (bounded depth). */
function longest(v: unknown, depth = 0): number {
  if (typeof v === "string") return v.length;
  if (depth > 4 || typeof v !== "object" || v === null) return 0;
  let max = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) max = Math.max(max, longest(x, depth + 1));
  return max;
}

export interface AssemblerOptions {
  limits: RosterLimits;
  locale: Locale;
  /** Rows of delimited text: a row with more or fewer cells than the header is `ragged`. */
  ragged: boolean;
  /** A U+FFFD in a cell means the row was in another encoding (a UTF-8 file). */
  flagReplacement: boolean;
  /** The sheet read, named in `roster.columns-missing`. */
  sheet?: string | undefined;
  /** JSON elements: every element is a row (an empty one too); no footer lines. */
  json?: boolean;
}

/**
 * Turns the rows of any source (CSV records, a sheet's rows, a JSON array's elements) into roster
 * events: finds the header among the first 30 rows (a title, a blank row, instructions may come
 * first), resolves its columns (a required one missing ends the reading), skips blank and footer
 * lines, reports rows that cannot be read, and maps the others with the one column mapping.
 */
export class RowAssembler {
  header: RosterHeader | undefined;
  columns: ResolvedColumns | undefined;
  /** Set once a roster-level problem was found: nothing more is read. */
  fatal: Finding | undefined;
  /** Rows given as students or as unreadable rows. */
  dataRows = 0;
  private width = 0;
  /** A JSON roster of students in api.md's shape: no header is searched for. */
  private headerless = false;
  private pending: ({ row: number; cells: readonly unknown[] } | { row: number; bad: RosterRow })[] = [];

  constructor(
    private readonly o: AssemblerOptions,
    private readonly emit: (e: RosterEvent) => void,
  ) {}

  /** How many known columns a line names (the CSV reader's delimiter and header tests). */
  score = (cells: readonly unknown[]): number => knownColumns(cells);

  /** Whether a record fits the header (`undefined` while it is not known). */
  fits = (cells: readonly unknown[]): boolean | undefined => {
    if (this.header === undefined) return undefined;
    if (cells.length === this.width) return true;
    return cells.length > this.width && isBlank(cells.slice(this.width));
  };

  /**
   * Whether a record whose quoted cell ran over line breaks swallowed rows (`undefined` while the
   * header is not known): it does not fit the header, or that cell holds as many delimiters as a
   * whole row has (a cell of the status system never does: a roster has at least 17 columns).
   */
  runaway = (cells: readonly unknown[], delimitersInCell: number): boolean | undefined => {
    const fits = this.fits(cells);
    if (fits === undefined) return undefined;
    return !fits || delimitersInCell >= Math.max(2, this.width - 1);
  };

  /** A row of cells, by position. */
  push(row: number, cells: readonly unknown[]): void {
    if (this.fatal !== undefined) return;
    if (row > this.o.limits.maxRows) {
      this.stop(
        finding("roster.too-large", [], { limit: "maxRows", expected: this.o.limits.maxRows }, this.lo),
      );
      return;
    }
    if (this.header !== undefined) {
      this.entry(row, cells);
      return;
    }
    this.pending.push({ row, cells });
    if (knownColumns(cells) >= HEADER_MIN_COLUMNS) this.settle(this.pending.length - 1);
    else if (this.pending.length >= HEADER_SEARCH_ROWS) this.settle(this.best());
  }

  /** A row that could not be read at all (a CSV record past the bounds …). */
  bad(
    row: number,
    reason: RowProblem,
    params: { expected?: number; received?: number; line?: number },
  ): void {
    if (this.fatal !== undefined) return;
    const r: RosterRow = {
      kind: "unreadable",
      row,
      findings: [finding("roster.unreadable-row", [], { reason, ...params }, this.lo)],
    };
    if (this.header === undefined && !this.headerless) {
      this.pending.push({ row, bad: r });
      if (this.pending.length >= HEADER_SEARCH_ROWS) this.settle(this.best());
      return;
    }
    this.dataRows += 1;
    this.emit({ kind: "row", row: r });
  }

  /** The header given (a JSON array of rows keyed by headers): no search. */
  useHeader(row: number, cells: readonly string[]): void {
    this.pending = [{ row, cells }];
    this.settle(0);
  }

  /** No header to search for (a JSON array of students in api.md's shape). */
  withoutHeader(): void {
    this.headerless = true;
  }

  /** A student in api.md's shape (a JSON roster). */
  object(row: number, value: Record<string, unknown>): void {
    if (this.fatal !== undefined) return;
    const len = longest(value);
    this.dataRows += 1;
    if (len > this.o.limits.maxCellLength) {
      this.emit({ kind: "row", row: this.oversized(row, len) });
      return;
    }
    this.emit({ kind: "row", row: studentFromObject(row, value) });
  }

  /** A finding about a row given before or after (a stray quote). */
  note(row: number, f: Finding): void {
    if (this.fatal === undefined) this.emit({ kind: "note", row, finding: f });
  }

  /** The end of the rows: settles a header still searched for; a roster without data is `roster.empty`. */
  end(): void {
    if (this.fatal !== undefined) return;
    if (this.header === undefined && !this.headerless) {
      if (this.pending.some((p) => !("cells" in p) || !isBlank(p.cells))) this.settle(this.best());
      else if (this.dataRows === 0) {
        this.stop(finding("roster.empty", [], {}, this.lo));
        return;
      }
      if (this.fatal !== undefined) return;
    }
    if (this.dataRows === 0) {
      const params = this.header === undefined ? {} : { header: this.header.row };
      this.stop(finding("roster.empty", [], params, this.lo));
    }
  }

  private get lo() {
    return { locale: this.o.locale };
  }

  private stop(f: Finding): void {
    this.fatal = f;
    this.pending = [];
    this.emit({ kind: "fatal", finding: f });
  }

  /** The pending row that names most known columns (the first of equals); -1 when none names any. */
  private best(): number {
    let at = -1;
    let most = 0;
    this.pending.forEach((p, i) => {
      if (!("cells" in p)) return;
      const n = knownColumns(p.cells);
      if (n > most) {
        most = n;
        at = i;
      }
    });
    return at;
  }

  private settle(at: number): void {
    const head = this.pending[at];
    if (head === undefined || !("cells" in head)) {
      this.stop(finding("roster.no-header", [], { searched: HEADER_SEARCH_ROWS }, this.lo));
      return;
    }
    const rest = this.pending.slice(at + 1);
    this.pending = [];
    const cells = head.cells.map(headerText);
    this.header = { row: head.row, cells };
    this.width = head.cells.length;
    const cols = resolveColumns(head.cells);
    this.columns = cols;
    if (cols.missing.length > 0) {
      const params: { missing: typeof cols.missing; row: number; sheet?: string } = {
        missing: cols.missing,
        row: head.row,
      };
      if (this.o.sheet !== undefined) params.sheet = this.o.sheet;
      this.stop(finding("roster.columns-missing", [], params, this.lo));
      return;
    }
    this.emit({
      kind: "header",
      header: this.header,
      columns: { recognised: cols.recognised, ignored: cols.ignored, missing: cols.missing },
    });
    for (const p of rest) {
      if (this.fatal !== undefined) return;
      if ("cells" in p) this.entry(p.row, p.cells);
      else {
        this.dataRows += 1;
        this.emit({ kind: "row", row: p.bad });
      }
    }
  }

  private oversized(row: number, len: number): RosterRow {
    const params = { reason: "oversized" as const, expected: this.o.limits.maxCellLength, received: len };
    return { kind: "unreadable", row, findings: [finding("roster.unreadable-row", [], params, this.lo)] };
  }

  private entry(row: number, cells: readonly unknown[]): void {
    if (this.o.json !== true) {
      if (isBlank(cells)) return; // an empty line: counted as a line, holds no student
      const footer = footerText(cells);
      if (footer !== undefined) {
        this.emit({ kind: "footer", footer: { row, text: footer } });
        return;
      }
    }
    this.dataRows += 1;
    if (this.o.flagReplacement && hasReplacement(cells)) {
      const f = finding("roster.unreadable-row", [], { reason: "encoding" }, this.lo);
      this.emit({ kind: "row", row: { kind: "unreadable", row, findings: [f] } });
      return;
    }
    if (this.o.ragged && this.fits(cells) === false) {
      const params = { reason: "ragged" as const, expected: this.width, received: cells.length };
      const f = finding("roster.unreadable-row", [], params, this.lo);
      this.emit({ kind: "row", row: { kind: "unreadable", row, findings: [f] } });
      return;
    }
    // [decision] Only the cells the checks read are measured: a long 备注 is never handed to them.
    const cols = this.columns as ResolvedColumns;
    const byIndex = cols.byIndex;
    let len = 0;
    for (let i = 0; i < byIndex.length; i++) {
      if (byIndex[i] !== undefined) len = Math.max(len, longest(cells[i]));
    }
    if (len > this.o.limits.maxCellLength) {
      this.emit({ kind: "row", row: this.oversized(row, len) });
      return;
    }
    this.emit({ kind: "row", row: studentFromCells(row, cells, cols) });
  }
}
