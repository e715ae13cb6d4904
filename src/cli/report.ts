import type { Finding, Locale } from "../index.js";
import type { PhotosReport, Report, StudentReport, WindowReport } from "./check.js";
import { cliText } from "./messages.js";

/** ANSI styles, or none: colour only on a TTY and never when `NO_COLOR` is set (no-color.org). */
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

/** Colour for a stream when it is a terminal and `NO_COLOR` is unset or empty. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return stream.isTTY === true && !noColor ? coloured : plain;
}

/** Longest text taken from the input that a report repeats; longer is cut with its length noted. */
export const MAX_TEXT = 200;

/**
 * Text from the roster made safe for a terminal: control characters (C0 but tab, DEL, C1 — ESC,
 * BEL, CR, CSI …) shown as `\u001b`-style escapes, so a cell can neither move the cursor nor retitle
 * the window; a newline in a cell is shown as `\n` so it cannot fake a report line.
 */
export function safeText(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out +=
      (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) ? `\\u${c.toString(16).padStart(4, "0")}` : s[i];
  }
  return out;
}

/** A string cut to `MAX_TEXT` characters, noting how long it was. */
export function capText(s: string): string {
  return s.length <= MAX_TEXT ? s : `${s.slice(0, MAX_TEXT)}…（${s.length}）`;
}

/**
 * A finding as reported: strings in its message and params cut to `MAX_TEXT`, so a 4 MB cell is
 * not repeated in full by every finding about it (the student's own name field keeps it once).
 */
export function capFinding(f: Finding): Finding {
  const out: Finding = { ...f, message: capText(f.message) };
  if (f.params !== undefined) out.params = capValue(f.params, 0) as Record<string, unknown>;
  return out;
}

function capValue(v: unknown, depth: number): unknown {
  if (typeof v === "string") return capText(v);
  if (depth > 4 || typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const items = v.slice(0, MAX_TEXT).map((x) => capValue(x, depth + 1));
    return v.length > MAX_TEXT ? [...items, `…（${v.length}）`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = capValue(x, depth + 1);
  return out;
}

function pathText(path: Finding["path"]): string {
  return safeText(capText(path.map(String).join(".")));
}

function findingLine(f: Finding, locale: Locale, st: Style): string {
  const t = cliText(locale);
  const mark = f.severity === "error" ? st.red("✗") : st.yellow("!");
  const sev = f.severity === "error" ? st.red(t.severityWord("error")) : st.yellow(t.severityWord("warning"));
  const where = f.path.length > 0 ? ` [${pathText(f.path)}]` : "";
  const clause = f.clause ? st.dim(` (${t.clause} ${f.clause})`) : "";
  return `  ${mark} ${sev} ${f.code}: ${safeText(capText(f.message))}${where}${clause}`;
}

function studentHeading(s: StudentReport, locale: Locale, st: Style): string {
  const t = cliText(locale);
  const who = safeText(
    [s.studentNumber, s.name]
      .filter((x): x is string => x !== null)
      .map(capText)
      .join(" "),
  );
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

/** The report, written as it is made: `begin`, then each student in row order, then `end`. */
export interface ReportWriter {
  begin(batch: Report["batch"], window: WindowReport | undefined): Promise<void>;
  student(s: StudentReport): Promise<void>;
  end(summary: Report["summary"], photos: PhotosReport | undefined): Promise<void>;
}

/**
 * The readable report: the batch and instant, each student with findings (grouped, in row
 * order), how many had none, the photo folder's own findings, then the counts by code.
 */
export function textWriter(sink: Sink, meta: { roster: string }, locale: Locale, st: Style): ReportWriter {
  const t = cliText(locale);
  let clean = 0;
  let total = 0;
  return {
    begin: (batch, window) => {
      const lines = [
        st.dim(`xueli check ${safeText(meta.roster)}`),
        st.dim(safeText(t.batchLine(batch.id, window?.at))),
      ];
      for (const f of window?.findings ?? []) lines.push(findingLine(f, locale, st));
      lines.push("");
      return sink.write(`${lines.join("\n")}\n`);
    },
    student: (s) => {
      total += 1;
      if (s.findings.length === 0) {
        clean += 1;
        return Promise.resolve();
      }
      const lines = [studentHeading(s, locale, st), ...s.findings.map((f) => findingLine(f, locale, st)), ""];
      return sink.write(`${lines.join("\n")}\n`);
    },
    end: async (sum, photos) => {
      const lines: string[] = [];
      if (clean > 0 && clean < total) lines.push(st.green(t.okStudents(clean)), "");
      if (photos && photos.findings.length > 0) {
        lines.push(st.bold(safeText(t.photosHeading(photos.dir))));
        for (const f of photos.findings) lines.push(findingLine(f, locale, st));
        lines.push("");
      }
      lines.push(st.bold(t.summaryHeading));
      lines.push(t.totals(sum.students, sum.errors, sum.warnings));
      const codes = Object.keys(sum.byCode);
      if (codes.length === 0) lines.push(st.green(t.noFindings));
      else {
        lines.push(t.byCodeHeading);
        const width = Math.max(...codes.map((c) => c.length));
        for (const c of codes) lines.push(`  ${c.padEnd(width)}  ${sum.byCode[c]}`);
      }
      await sink.write(`${lines.join("\n")}\n`);
      await sink.flush();
    },
  };
}

/** JSON text of a value nested `depth` levels deep in a two-space indented document. */
function nested(v: unknown, depth: number): string {
  return JSON.stringify(v, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/**
 * The JSON report, `{ batch, students, photos?, summary }` (api.md's shape; the summary comes
 * last because it is known last), two-space indented, written one student at a time — the same
 * text `JSON.stringify(report, null, 2)` gives for that key order.
 */
export function jsonWriter(sink: Sink): ReportWriter {
  let count = 0;
  return {
    begin: (batch, window) =>
      sink.write(
        `{\n  "batch": ${nested(batch, 1)},${window === undefined ? "" : `\n  "window": ${nested(window, 1)},`}\n  "students": [`,
      ),
    student: (s) => {
      count += 1;
      return sink.write(`${count === 1 ? "" : ","}\n    ${nested(s, 2)}`);
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
