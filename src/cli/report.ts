import type { Batch, Finding, Locale } from "../index.js";
import {
  CONTROL_CHARS,
  CsvReport,
  escapeControls,
  isControlChar,
  type PhotosReport,
  type ReportColumn,
  type ReportSummary,
  type StudentReport,
  type WindowReport,
} from "../roster/index.js";
import { cliText } from "./messages.js";

/** ANSI styles, or none. */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain: Style = { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s, dim: (s) => s };
const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const coloured: Style = {
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  green: ansi(32, 39),
  bold: ansi(1, 22),
  dim: ansi(2, 22),
};

/**
 * Colour for a stream: `FORCE_COLOR` set to anything but `0` or `false` colours even a pipe, and
 * `FORCE_COLOR=0` (or `false`) never colours (force-color.org; as Node itself, it wins over
 * `NO_COLOR`); else colour only on a terminal and when `NO_COLOR` is unset or empty (no-color.org).
 * An empty `FORCE_COLOR` is as if unset.
 */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force === "0" || force === "false" ? plain : coloured;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return stream.isTTY === true && !noColor ? coloured : plain;
}

/**
 * Text from the input made safe for a terminal (issue 12.7): control characters, DEL, C1, the bidi
 * overrides and isolates and zero-width characters shown as `\u001b`-style escapes. Every string
 * the CLI writes that holds something it read — a cell, a message quoting one, a file name, the
 * roster's path, a batch's id — goes through it, on stdout and stderr alike.
 */
export const safeText = escapeControls;

/** JSON text whose strings hold no control, bidi or zero-width character (`\uXXXX` escapes: the same JSON value). */
export function safeJson(text: string): string {
  if (!CONTROL_CHARS.test(text)) return text;
  let out: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // JSON.stringify escapes C0 itself; the rest are escaped here, inside strings where alone they occur.
    if (c >= 0x7f && isControlChar(c)) {
      out ??= text.slice(0, i);
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    } else if (out !== undefined) out += text[i];
  }
  return out ?? text;
}

function findingLine(f: Finding, locale: Locale, st: Style): string {
  const t = cliText(locale);
  const mark = f.severity === "error" ? st.red("✗") : st.yellow("!");
  const sev = f.severity === "error" ? st.red(t.severityWord("error")) : st.yellow(t.severityWord("warning"));
  const where = f.path.length > 0 ? ` [${safeText(f.path.map(String).join("."))}]` : "";
  const clause = f.clause ? st.dim(` (${t.clause} ${f.clause})`) : "";
  return `  ${mark} ${sev} ${f.code}: ${safeText(f.message)}${where}${clause}`;
}

function studentHeading(s: StudentReport, locale: Locale, st: Style): string {
  const t = cliText(locale);
  const who = safeText([s.studentNumber, s.name].filter((x): x is string => x !== null).join(" "));
  return st.bold(who === "" ? t.rowLabel(s.row) : `${t.rowLabel(s.row)}  ${who}`);
}

/** Where a report is written: chunks are gathered and written with the stream's backpressure. */
export class Sink {
  private buffer = "";
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly chunk = 64 * 1024,
  ) {}

  /** Adds text; resolves once the stream can take more (after 'drain' when its buffer is full). */
  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === "") return;
    const text = this.buffer;
    this.buffer = "";
    if (!this.stream.write(text)) {
      // A closed pipe ends the process (main.ts, EPIPE); 'close' also releases the wait.
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.removeListener("drain", done);
          this.stream.removeListener("close", done);
          resolve();
        };
        this.stream.once("drain", done);
        this.stream.once("close", done);
      });
    }
  }
}

/** What the report's head says: the batch (and the file it came from), the window, the roster. */
export interface ReportHead {
  batch: Batch;
  /** The batch file given with `--batch`, when one was. */
  batchFile?: string;
  window?: WindowReport;
  /** The roster as given on the command line. */
  roster: string;
}

/** The report, written as it is made: `begin`, then each row in row order, then `end`. */
export interface ReportWriter {
  begin(head: ReportHead): Promise<void>;
  student(s: StudentReport): Promise<void>;
  end(summary: ReportSummary, photos: PhotosReport | undefined): Promise<void>;
}

/** Options of the text report. */
export interface TextOptions {
  locale: Locale;
  style: Style;
  /** `--quiet`: warnings are not shown (they are counted). */
  quiet: boolean;
}

/**
 * The readable report: the roster, the batch and instant, each row with findings (in row order),
 * how many had none, the photo folder's own findings, then the summary — lines read, students and
 * photos checked, the window's finding when `--at` is outside it (once: a fact about the run, not
 * about a row), the sheet, footer lines and columns skipped, the totals and the counts by code.
 */
export function textWriter(sink: Sink, o: TextOptions): ReportWriter {
  const { locale, style: st } = o;
  const t = cliText(locale);
  let clean = 0;
  let total = 0;
  let hidden = 0;
  let windowFindings: readonly Finding[] = [];
  const shown = (list: readonly Finding[]) => {
    if (!o.quiet) return list;
    const kept = list.filter((f) => f.severity !== "warning");
    hidden += list.length - kept.length;
    return kept;
  };
  return {
    begin: (head) => {
      const lines = [
        st.dim(`xueli check ${safeText(head.roster)}`),
        st.dim(safeText(t.batchLine(head.batch.id, head.batchFile, head.window?.at))),
        "",
      ];
      // The window's findings are a fact about the run: said once, in the summary (issue 14.1).
      windowFindings = head.window?.findings ?? [];
      return sink.write(`${lines.join("\n")}\n`);
    },
    student: (s) => {
      total += 1;
      const findings = shown(s.findings);
      if (findings.length === 0) {
        clean += 1;
        return Promise.resolve();
      }
      const lines = [studentHeading(s, locale, st), ...findings.map((f) => findingLine(f, locale, st)), ""];
      return sink.write(`${lines.join("\n")}\n`);
    },
    end: async (sum, photos) => {
      const lines: string[] = [];
      if (clean > 0 && clean < total) lines.push(st.green(t.okStudents(clean)), "");
      const folder = shown(photos?.findings ?? []);
      if (photos && folder.length > 0) {
        lines.push(st.bold(safeText(t.photosHeading(photos.dir))));
        for (const f of folder) lines.push(findingLine(f, locale, st));
        lines.push("");
      }
      lines.push(st.bold(t.summaryHeading));
      lines.push(t.read(sum.linesRead, sum.students, sum.photos));
      for (const f of shown(windowFindings)) lines.push(findingLine(f, locale, st));
      if (sum.sheet !== undefined && sum.sheet.count > 1) {
        lines.push(safeText(t.sheetRead(sum.sheet.name, sum.sheet.index, sum.sheet.count)));
      }
      if (sum.footer.count > 0) lines.push(t.footerSkipped(sum.footer.count, sum.footer.rows));
      if (sum.skipped.length > 0) {
        lines.push(st.yellow(t.skippedColumns(sum.skipped.map((k) => k.header))));
        const codes = [...new Set(sum.skipped.flatMap((k) => k.codes))];
        if (codes.length > 0) lines.push(t.skippedRules(codes));
      }
      lines.push(t.totals(sum.errors, sum.warnings));
      if (hidden > 0) lines.push(st.dim(t.warningsHidden(hidden)));
      const codes = Object.keys(sum.byCode);
      if (codes.length === 0) lines.push(st.green(t.noFindings));
      else {
        lines.push(t.byCodeHeading);
        const width = Math.max(...codes.map((c) => c.length));
        const byCode = sum.byCode as Record<string, number>;
        for (const c of codes) lines.push(`  ${c.padEnd(width)}  ${byCode[c]}`);
      }
      await sink.write(`${lines.join("\n")}\n`);
      await sink.flush();
    },
  };
}

/** JSON text of a value nested `depth` levels deep in a two-space indented document. */
export function nested(v: unknown, depth: number): string {
  return safeJson(JSON.stringify(v, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`));
}

/**
 * A student's report nested in `students`: what `nested(s, 2)` gives, written by hand for the
 * common row without findings (issue 10.8: `JSON.stringify` with indentation and the re-indenting
 * of every row were a tenth of a 50 MB roster's run). A report with other keys or findings takes
 * the general path.
 */
export function studentJson(s: StudentReport): string {
  if (s.findings.length > 0 || Object.keys(s).length !== 4) return nested(s, 2);
  const str = (v: string | null) => (v === null ? "null" : safeJson(JSON.stringify(v)));
  return `{\n      "row": ${JSON.stringify(s.row)},\n      "studentNumber": ${str(s.studentNumber)},\n      "name": ${str(s.name)},\n      "findings": []\n    }`;
}

/**
 * The JSON report (`Report`, schemas/report.json): `{ batch, window?, students, photos?, summary }`
 * (the summary comes last because it is known last), two-space indented, written one row at a
 * time — the same text `JSON.stringify(report, null, 2)` gives for that key order, but for the
 * control and bidi characters, escaped as `\uXXXX` (the same JSON value).
 */
export function jsonWriter(sink: Sink): ReportWriter {
  let count = 0;
  return {
    begin: (head) =>
      sink.write(
        `{\n  "batch": ${nested(head.batch, 1)},${head.window === undefined ? "" : `\n  "window": ${nested(head.window, 1)},`}\n  "students": [`,
      ),
    student: (s) => {
      count += 1;
      return sink.write(`${count === 1 ? "" : ","}\n    ${studentJson(s)}`);
    },
    end: async (summary, photos) => {
      let tail = count > 0 ? "\n  ]" : "]";
      if (photos) tail += `,\n  "photos": ${nested(photos, 1)}`;
      tail += `,\n  "summary": ${nested(summary, 1)}\n}\n`;
      await sink.write(tail);
      await sink.flush();
    },
  };
}

/**
 * The CSV report (`CsvReport` of the package): one line per finding, UTF-8 with a BOM, formulas
 * escaped; the window's findings first, the photo folder's last.
 */
export function csvWriter(
  sink: Sink,
  o: { locale: Locale; columns: readonly ReportColumn[]; quiet: boolean },
): ReportWriter {
  const csv = new CsvReport({ locale: o.locale, columns: o.columns, warnings: !o.quiet });
  return {
    begin: (head) => sink.write(csv.head() + csv.findings(head.window?.findings ?? [])),
    student: (s) => sink.write(csv.student(s)),
    end: async (_summary, photos) => {
      await sink.write(csv.findings(photos?.findings ?? []));
      await sink.flush();
    },
  };
}
