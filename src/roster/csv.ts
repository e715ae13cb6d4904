/**
 * A CSV reader for rosters, fed text chunk by chunk (a stream) or all at once (`readRoster`): the
 * same code, the same bounds. RFC 4180 quoting, read leniently as Excel does (a quote inside an
 * unquoted cell is a character; text after a closing quote is kept: `"ab"c` → `abc`).
 *
 * Bounds (issue 12, item 5): a record longer than `maxRecordLength` characters or with more than
 * `maxCells` cells is not kept: the rest of its line is skipped, counted, and the record reported
 * as a bad row; the next line is read as usual. The reader holds at most one record (and, while
 * the delimiter is told, the first 30 lines).
 *
 * Stray quotes (issue 12, item 6): a quote that opens a cell and runs over line breaks swallows the
 * lines after it into one record. When that record swallowed rows — it no longer fits the header,
 * or its cell holds as many delimiters as a row (`runaway`), or the input ends inside the quotes,
 * or the record passes `maxRecordLength` — the quote was a character typed into a cell: the lines
 * are read again with that quote as a character, each line its own row, and a `stray-quote` event
 * names the lines it had swallowed.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What the reader gives, in order (a `stray-quote` found late comes after its row). */
export type CsvEvent =
  | { kind: "record"; row: number; line: number; cells: string[] }
  | {
      kind: "bad";
      row: number;
      line: number;
      reason: "too-long" | "too-many-cells";
      /** The bound: `maxRecordLength` or `maxCells`. */
      expected: number;
      /** The record's length in characters, or its cells, counted to its end. */
      received: number;
    }
  | {
      kind: "stray-quote";
      /** The row the quote is in (read again as its own row). */
      row: number;
      /** The file line of the quote and the last line its cell would have swallowed. */
      line: number;
      lastLine: number;
    };

export interface CsvReaderOptions {
  /** `,`, tab or `;`; told from the first 30 lines when absent. */
  delimiter?: string | undefined;
  maxRecordLength: number;
  maxCells: number;
  /** How many known columns a line's cells name (to tell the delimiter and a header line). */
  score: (cells: readonly string[]) => number;
  /**
   * Whether a record that ran over line breaks inside quotes swallowed rows: its cells, and the
   * delimiters inside its quoted cell that ran over most. `undefined` while the header is not known
   * (then a record that holds a header line has swallowed it).
   */
  runaway: (cells: readonly string[], delimitersInCell: number) => boolean | undefined;
}

type Cross = { quote: number; breaks: number };
/** A quoted cell that ran over line breaks: where it opened, and the delimiters inside it. */
type Crossed = Cross & { delimiters: number };

type Scan =
  | { s: "more" }
  | { s: "none" }
  | { s: "record"; cells: string[]; end: number; breaks: number; byBreak: boolean; crossed?: Crossed }
  | { s: "unclosed"; open: Cross; crossed: boolean; breaks: number }
  | { s: "too-long"; at: number; breaks: number; cells: number; open?: Cross }
  | { s: "too-many-cells"; at: number; breaks: number; cells: number };

/** A record's scan (no spread of an empty object per record: the common case has no `crossed`). */
function record(
  cells: string[],
  end: number,
  breaks: number,
  byBreak: boolean,
  crossed: Crossed | undefined,
): Scan {
  return crossed === undefined
    ? { s: "record", cells, end, breaks, byBreak }
    : { s: "record", cells, end, breaks, byBreak, crossed };
}

/** Where a runaway quote would have closed, found by reading on without keeping anything. */
class Shadow {
  private pendingQuote = false;
  private cr = false;
  constructor(
    readonly row: number,
    readonly quoteLine: number,
    /** The file line being read. */
    public line: number,
  ) {}

  /** Reads on; true once the quoted cell closes (`line` is then the line of its closing quote). */
  feed(text: string, from = 0): boolean {
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (c === QUOTE) continue; // "" inside quotes
        return true;
      }
      if (c === QUOTE) this.pendingQuote = true;
      else if (c === CR) this.line += 1;
      else if (c === LF && !this.cr) this.line += 1;
      this.cr = c === CR;
    }
    return false;
  }

  /** The end of the input: a last pending quote closed the cell. */
  closedAtEnd(): boolean {
    return this.pendingQuote;
  }
}

/** Candidate delimiters, in the order a tie is settled. */
const DELIMITERS = [",", "\t", ";"] as const;
/** Text sampled to tell the delimiter (when fewer than 30 lines come first). */
const DELIMITER_SAMPLE = 1024 * 1024;
/** Recoveries from stray quotes in one record before every quote of its line is read as a character. */
const MAX_RECOVERIES = 4;

/**
 * The reader: `push(text)` as text arrives, `end()` once; each event is handed to `emit` as soon as
 * it is known, so that the header is settled before the records after it are judged.
 */
export class CsvReader {
  private buf = "";
  /** Offset in `buf` where the current record starts. */
  private pos = 0;
  private final = false;
  private rows = 0;
  /** File line where the current record starts. */
  private line = 1;
  private breaks = 0;
  /** Text after the last line break (a last line without one). */
  private tail = false;
  private delim: number | undefined;
  /** The delimiter as a string, for `split`. */
  private delimText: string | undefined;
  /** Quotes of the current record read as characters (offsets in `buf`). */
  private literal: number[] = [];
  /** From this offset to the end of its line, every quote is a character. */
  private literalFrom = -1;
  private literalTo = -1;
  private recoveries = 0;
  private skip:
    | {
        row: number;
        line: number;
        reason: "too-long" | "too-many-cells";
        length: number;
        cells: number;
        breaks: number;
      }
    | undefined;
  private shadows: Shadow[] = [];
  /** Set by the consumer to stop reading (a roster-level problem was found). */
  stopped = false;

  constructor(
    private readonly o: CsvReaderOptions,
    private readonly emit: (e: CsvEvent) => void,
  ) {
    if (o.delimiter !== undefined) {
      this.delim = o.delimiter.charCodeAt(0);
      this.delimText = String.fromCharCode(this.delim);
    }
  }

  /** The delimiter, once told. */
  get delimiter(): string | undefined {
    return this.delim === undefined ? undefined : String.fromCharCode(this.delim);
  }

  /** Lines of the file read so far (all of them after `end()`). */
  get linesRead(): number {
    return this.breaks + (this.tail ? 1 : 0);
  }

  push(text: string): void {
    if (this.stopped || text === "") return;
    if (this.pos > 0) {
      this.literal = this.literal.map((p) => p - this.pos);
      if (this.literalFrom >= 0) {
        this.literalFrom -= this.pos;
        this.literalTo -= this.pos;
      }
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += text;
    this.feedShadows(text, 0);
    this.process();
  }

  end(): void {
    if (this.stopped) return;
    this.final = true;
    this.process();
    if (this.skip !== undefined) this.endSkip(this.buf.length, false);
    for (const s of this.shadows) {
      const last = s.closedAtEnd() ? s.line : Math.max(s.quoteLine, this.linesRead);
      this.emit({ kind: "stray-quote", row: s.row, line: s.quoteLine, lastLine: last });
    }
    this.shadows = [];
    this.buf = "";
    this.pos = 0;
  }

  private feedShadows(text: string, from: number): void {
    if (this.shadows.length === 0) return;
    this.shadows = this.shadows.filter((s) => {
      if (!s.feed(text, from)) return true;
      this.emit({ kind: "stray-quote", row: s.row, line: s.quoteLine, lastLine: s.line });
      return false;
    });
  }

  private process(): void {
    while (!this.stopped) {
      if (this.skip !== undefined && !this.skipOn()) return;
      if (!this.detect()) return;
      const r = this.scan();
      if (r.s === "more" || r.s === "none") return;
      const row = this.rows + 1;
      if (r.s === "record") {
        if (r.crossed !== undefined && this.swallowed(r.cells, r.end, r.crossed.delimiters)) {
          const last = this.line + r.breaks - (r.byBreak ? 1 : 0);
          this.recover(r.crossed, row, last);
          continue;
        }
        this.rows = row;
        this.emit({ kind: "record", row, line: this.line, cells: r.cells });
        this.consume(r.end, r.breaks, r.byBreak);
      } else if (r.s === "unclosed") {
        // The input ended inside quotes: the quote that opened the cell was a character.
        const last = this.buf.charCodeAt(this.buf.length - 1);
        const endsWithBreak = last === LF || last === CR;
        if (r.crossed) this.recover(r.open, row, this.line + r.breaks - (endsWithBreak ? 1 : 0));
        else this.recover(r.open, undefined, 0);
      } else if (r.s === "too-long" && r.open !== undefined) {
        // A quoted cell ran over line breaks past any record's length: a runaway quote. Read the
        // lines again now; where the cell would have closed is found by reading on (a shadow).
        const shadow = new Shadow(row, this.line + r.open.breaks, this.line + r.breaks);
        this.recover(r.open, undefined, 0);
        if (shadow.feed(this.buf, r.at)) {
          this.emit({ kind: "stray-quote", row, line: shadow.quoteLine, lastLine: shadow.line });
        } else this.shadows.push(shadow);
      } else {
        this.rows = row;
        this.skip = {
          row,
          line: this.line,
          reason: r.s === "too-many-cells" ? "too-many-cells" : "too-long",
          length: r.at - this.pos,
          cells: r.cells,
          breaks: r.breaks,
        };
        this.pos = r.at;
        this.literal = [];
        this.literalFrom = -1;
        this.recoveries = 0;
      }
    }
  }

  /** Tells the delimiter from the first 30 lines (or 1 MiB): the one whose cells name most columns. */
  private detect(): boolean {
    if (this.delim !== undefined) return true;
    const lines = this.buf.slice(this.pos, this.pos + DELIMITER_SAMPLE).split(/\r\n|\n|\r/, 31);
    if (!this.final && lines.length <= 30 && this.buf.length - this.pos < DELIMITER_SAMPLE) return false;
    let best: string = DELIMITERS[0];
    let bestScore = 0;
    for (const d of DELIMITERS) {
      const score = Math.max(0, ...lines.map((l) => this.o.score(l.split(d))));
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    if (bestScore === 0) {
      // No known column anywhere: the first line that holds a delimiter decides.
      const first = lines.find((l) => DELIMITERS.some((d) => l.includes(d)));
      if (first !== undefined) best = DELIMITERS.find((d) => first.includes(d)) ?? ",";
    }
    this.delim = best.charCodeAt(0);
    this.delimText = String.fromCharCode(this.delim);
    return true;
  }

  private isLiteral(i: number): boolean {
    return (i >= this.literalFrom && i < this.literalTo) || this.literal.includes(i);
  }

  /**
   * The common record, read natively: a whole line in `buf` (up to a line feed, a CR before it
   * allowed), within `maxRecordLength`, holding no quote and no other CR, of at most `maxCells`
   * cells — its cells are then exactly what the character loop of `scan` gives: the line split at
   * the delimiter. `undefined` for anything else, which `scan` reads as before.
   */
  private plainLine(): Scan | undefined {
    if (this.literal.length > 0 || this.literalFrom >= 0) return undefined;
    const buf = this.buf;
    const pos = this.pos;
    const lf = buf.indexOf("\n", pos);
    if (lf < 0 || lf > pos + this.o.maxRecordLength) return undefined;
    const end = lf > pos && buf.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
    const text = buf.slice(pos, end);
    if (text.indexOf('"') >= 0 || text.indexOf("\r") >= 0) return undefined;
    const cells = text.split(this.delimText as string);
    if (cells.length > this.o.maxCells) return undefined;
    return { s: "record", cells, end: lf + 1, breaks: 1, byBreak: true };
  }

  /** Reads the record at `pos`: its cells, or why it cannot be read yet. Offsets are in `buf`. */
  private scan(): Scan {
    const fast = this.plainLine();
    if (fast !== undefined) return fast;
    const buf = this.buf;
    const len = buf.length;
    const final = this.final;
    const D = this.delim as number;
    const limit = this.pos + this.o.maxRecordLength;
    const cells: string[] = [];
    let i = this.pos;
    let breaks = 0;
    // Of the quoted cells that ran over line breaks, the one with most delimiters inside (then the
    // longest): the runaway, if any.
    let crossed: Crossed | undefined;
    let span = 0;
    for (;;) {
      if (i > limit) return { s: "too-long", at: i, breaks, cells: cells.length };
      if (i >= len) {
        if (!final) return { s: "more" };
        if (i === this.pos) return { s: "none" };
        cells.push(""); // "a," at the end of the input
        return record(cells, i, breaks, false, crossed);
      }
      let c = buf.charCodeAt(i);
      if (c === QUOTE && !this.isLiteral(i)) {
        const open: Cross = { quote: i, breaks };
        let crossedHere = false;
        let inner = 0;
        let value = "";
        i += 1;
        let seg = i;
        for (;;) {
          if (i > limit) {
            return { s: "too-long", at: i, breaks, cells: cells.length, ...(crossedHere ? { open } : {}) };
          }
          if (i >= len) {
            if (!final) return { s: "more" };
            return { s: "unclosed", open, crossed: crossedHere, breaks };
          }
          c = buf.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 >= len && !final) return { s: "more" };
            if (buf.charCodeAt(i + 1) === QUOTE) {
              value += buf.slice(seg, i + 1);
              i += 2;
              seg = i;
              continue;
            }
            value += buf.slice(seg, i);
            i += 1;
            const spanned = breaks - open.breaks;
            if (
              crossedHere &&
              (crossed === undefined ||
                inner > crossed.delimiters ||
                (inner === crossed.delimiters && spanned > span))
            ) {
              crossed = { ...open, delimiters: inner };
              span = spanned;
            }
            break;
          }
          if (c === LF || c === CR) {
            if (c === CR) {
              if (i + 1 >= len && !final) return { s: "more" };
              if (buf.charCodeAt(i + 1) === LF) i += 1;
            }
            breaks += 1;
            crossedHere = true;
          } else if (c === D) inner += 1;
          i += 1;
        }
        // After the closing quote, text up to the delimiter is kept as it is (`"ab"c` → `abc`).
        const after = i;
        while (i < len && i <= limit) {
          c = buf.charCodeAt(i);
          if (c === D || c === LF || c === CR) break;
          i += 1;
        }
        if (i > limit) return { s: "too-long", at: i, breaks, cells: cells.length };
        if (i >= len && !final) return { s: "more" };
        cells.push(value + buf.slice(after, i));
      } else {
        const start = i;
        while (i < len && i <= limit) {
          c = buf.charCodeAt(i);
          if (c === D || c === LF || c === CR) break;
          i += 1;
        }
        if (i > limit) return { s: "too-long", at: i, breaks, cells: cells.length };
        if (i >= len && !final) return { s: "more" };
        cells.push(buf.slice(start, i));
      }
      if (cells.length > this.o.maxCells) return { s: "too-many-cells", at: i, breaks, cells: cells.length };
      if (i >= len) {
        return record(cells, i, breaks, false, crossed);
      }
      c = buf.charCodeAt(i);
      if (c === D) {
        i += 1;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return { s: "more" };
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i += 1;
      return record(cells, i, breaks + 1, true, crossed);
    }
  }

  /** A record that ran over line breaks inside quotes: did it swallow rows (before the header: the header)? */
  private swallowed(cells: readonly string[], end: number, delimiters: number): boolean {
    const f = this.o.runaway(cells, delimiters);
    if (f !== undefined) return f;
    const d = String.fromCharCode(this.delim as number);
    const lines = this.buf.slice(this.pos, end).split(/\r\n|\n|\r/);
    return lines.some((l) => this.o.score(l.split(d)) >= 3);
  }

  /**
   * Reads the current record again with the quote at `cross` as a character. `row`: the row to name
   * in a `stray-quote` event (none for a quote that swallowed no line).
   */
  private recover(cross: Cross, row: number | undefined, lastLine: number): void {
    this.recoveries += 1;
    this.literal.push(cross.quote);
    if (this.recoveries > MAX_RECOVERIES) {
      // Many runaway quotes in one record: every quote from here to the end of the line is a
      // character. The quotes read as characters only grow, so reading again always ends.
      let end = cross.quote;
      while (end < this.buf.length) {
        const c = this.buf.charCodeAt(end);
        if (c === LF || c === CR) break;
        end += 1;
      }
      this.literalFrom = this.literalFrom < 0 ? cross.quote : Math.min(this.literalFrom, cross.quote);
      this.literalTo = Math.max(this.literalTo, end);
    }
    // A quote whose cell reached no further than its own line (a last line's line break) swallowed nothing.
    const line = this.line + cross.breaks;
    if (row !== undefined && lastLine > line) this.emit({ kind: "stray-quote", row, line, lastLine });
  }

  private consume(end: number, breaks: number, byBreak: boolean): void {
    if (end > this.pos) this.tail = !byBreak;
    this.pos = end;
    this.line += breaks;
    this.breaks += breaks;
    if (this.literal.length > 0) this.literal = [];
    this.literalFrom = -1;
    this.literalTo = -1;
    this.recoveries = 0;
  }

  /** Skips the rest of an oversized record's line, counting; false while its end is not in `buf`. */
  private skipOn(): boolean {
    const s = this.skip as NonNullable<CsvReader["skip"]>;
    const buf = this.buf;
    const D = this.delim as number;
    let i = this.pos;
    while (i < buf.length) {
      const c = buf.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (c === D) s.cells += 1;
      i += 1;
    }
    s.length += i - this.pos;
    this.pos = i;
    if (i >= buf.length) {
      if (this.final) this.endSkip(i, false);
      return this.final;
    }
    if (buf.charCodeAt(i) === CR) {
      if (i + 1 >= buf.length && !this.final) return false;
      this.endSkip(buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1, true);
    } else this.endSkip(i + 1, true);
    return true;
  }

  private endSkip(end: number, byBreak: boolean): void {
    const s = this.skip;
    if (s === undefined) return;
    this.skip = undefined;
    this.emit({
      kind: "bad",
      row: s.row,
      line: s.line,
      reason: s.reason,
      expected: s.reason === "too-long" ? this.o.maxRecordLength : this.o.maxCells,
      // Cells: those read up to the bound, then one more for each delimiter skipped.
      received: s.reason === "too-long" ? s.length : s.cells,
    });
    this.tail = !byBreak;
    this.pos = end;
    this.line += s.breaks + (byBreak ? 1 : 0);
    this.breaks += s.breaks + (byBreak ? 1 : 0);
  }
}
