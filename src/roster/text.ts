import { finding, type Locale, type LocaleOptions, resolveLocale } from "../findings/index.js";
import { CsvReader } from "./csv.js";
import { type RosterEncoding, RosterTextDecoder } from "./encoding.js";
import { type RosterLimits, resolveRosterLimits } from "./limits.js";
import { PartialHeader } from "./partial.js";
import { type AssemblerOptions, type RosterEvent, RowAssembler } from "./rows.js";

/** Options of a text roster read as a stream (`createRosterStream`). */
export interface RosterStreamOptions extends LocaleOptions {
  /** `tsv`: tab-separated; `csv` (the default): the delimiter (comma, tab, semicolon) is told from the first lines. */
  format?: "csv" | "tsv";
  /** Bounds (`RosterLimits`); `maxRows` and `maxFileBytes` do not apply to a stream. */
  limits?: Partial<RosterLimits>;
  /**
   * Read a roster that lacks some required columns (issue 14.5): its rows come with the columns it
   * has, the others in the header's `columns.missing`. Default: refused (`roster.columns-missing`).
   */
  partial?: boolean;
}

/** What a text roster's reader may do besides giving events. */
export interface TextRosterHooks {
  /** Read a roster that lacks some required columns (`partial`). */
  partial?: boolean;
  /** Each record's cells as read, with its row (to keep a copy of the roster). */
  onRecord?: (row: number, cells: readonly string[]) => void;
}

/** A text roster (CSV, tab-separated, in UTF-8, GB18030 or UTF-16) read chunk by chunk. */
export interface RosterStream {
  /** Reads the next bytes; returns the events they complete, in order. */
  push(bytes: Uint8Array): RosterEvent[];
  /** The end of the input; returns the last events. */
  end(): RosterEvent[];
  /** How the bytes were decoded, once told. */
  readonly encoding: RosterEncoding | undefined;
  /** True when the file starts with a byte-order mark. */
  readonly bom: boolean;
  /** The delimiter, once told. */
  readonly delimiter: string | undefined;
  /** Lines of the file read so far (all of them after `end()`). */
  readonly linesRead: number;
  /** True once a roster-level problem was given (a `fatal` event): nothing more is read. */
  readonly stopped: boolean;
}

/**
 * Reads a text roster as a stream, in memory that does not grow with the file: the encoding is
 * told from its start (a BOM, else valid UTF-8, else GB18030), the delimiter from its first lines,
 * the header from its first 30 rows; then each row is given as soon as it is read, mapped by the
 * one column mapping. The same reader `readRoster` uses for CSV given whole.
 * @example
 * const stream = createRosterStream({ locale: "en" });
 * const events = [...stream.push(rosterCsv), ...stream.end()];
 * events.map((e) => e.kind) //=> ["header", "row", "row"]
 */
export function createRosterStream(options?: RosterStreamOptions): RosterStream {
  const locale = resolveLocale(options);
  const limits = resolveRosterLimits(options?.limits);
  const open = { ...limits, maxRows: Number.POSITIVE_INFINITY, maxFileBytes: Number.POSITIVE_INFINITY };
  return new TextRoster(open, locale, options?.format === "tsv" ? "\t" : undefined, {
    partial: options?.partial === true,
  });
}

/** A text roster read whole or in chunks; `limits.maxRows` applies (it is infinite for a stream). */
export class TextRoster implements RosterStream {
  private readonly decoder = new RosterTextDecoder();
  private readonly assembler: RowAssembler;
  private readonly reader: CsvReader;
  private events: RosterEvent[] = [];
  private binary = false;
  /** The assembler's options: `flagReplacement` is set once the encoding is known. */
  private readonly options: AssemblerOptions;

  constructor(
    limits: RosterLimits,
    private readonly locale: Locale,
    delimiter: string | undefined,
    hooks: TextRosterHooks = {},
  ) {
    this.options = { limits, locale, ragged: true, flagReplacement: false };
    const partial = new PartialHeader(hooks.partial === true, locale);
    this.assembler = new RowAssembler(
      this.options,
      hooks.partial === true ? (e) => this.events.push(partial.event(e)) : (e) => this.events.push(e),
    );
    const a = this.assembler;
    const onRecord = hooks.onRecord;
    this.reader = new CsvReader(
      {
        delimiter,
        maxRecordLength: limits.maxRecordLength,
        maxCells: limits.maxCells,
        score: a.score,
        runaway:
          hooks.partial === true
            ? (cells, delimiters) => a.runaway(partial.pad(cells), delimiters + partial.extra)
            : a.runaway,
      },
      (e) => {
        if (e.kind === "record") {
          onRecord?.(e.row, e.cells);
          a.push(e.row, a.header === undefined ? partial.beforeHeader(e.cells) : partial.pad(e.cells));
        } else if (e.kind === "bad") a.bad(e.row, e.reason, { expected: e.expected, received: e.received });
        else {
          const params = { line: e.line, lastLine: e.lastLine, lines: e.lastLine - e.line + 1 };
          a.note(e.row, finding("roster.stray-quote", [], params, { locale: this.locale }));
        }
        if (a.fatal !== undefined) this.reader.stopped = true;
      },
    );
  }

  get encoding(): RosterEncoding | undefined {
    return this.decoder.encoding;
  }

  get bom(): boolean {
    return this.decoder.bom;
  }

  get delimiter(): string | undefined {
    return this.reader.delimiter;
  }

  get linesRead(): number {
    return this.reader.linesRead;
  }

  get stopped(): boolean {
    return this.binary || this.assembler.fatal !== undefined;
  }

  push(bytes: Uint8Array): RosterEvent[] {
    if (!this.stopped) this.text(this.decoder.push(bytes));
    return this.take();
  }

  end(): RosterEvent[] {
    if (!this.stopped) {
      this.text(this.decoder.end());
      if (!this.stopped) {
        this.reader.end();
        this.assembler.end();
      }
    }
    return this.take();
  }

  private text(s: string): void {
    if (this.decoder.binary) {
      this.binary = true;
      const params = { reason: "binary" as const, format: "csv" as const };
      this.events.push({
        kind: "fatal",
        finding: finding("roster.unreadable", [], params, { locale: this.locale }),
      });
      return;
    }
    if (s === "") return;
    if (this.decoder.encoding !== undefined) {
      // In a UTF-8 file, U+FFFD marks bytes that were not UTF-8: the row was in another encoding.
      this.options.flagReplacement = this.decoder.encoding.startsWith("utf-8");
    }
    this.reader.push(s);
  }

  private take(): RosterEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }
}
