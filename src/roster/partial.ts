/**
 * Reading a roster that lacks some required columns (issue 14.5): the header row gets a stand-in
 * cell for each required column it lacks, so the rows are read with the columns that are there
 * (a stand-in column is empty in every row); the events are given without the stand-ins, the
 * columns lacking in `columns.missing`. Only a row naming at least three known columns can be such
 * a header [decision]: fewer, and the roster is not recognised as one.
 *
 * The reader's row assembler refuses a header without every required column
 * (`roster.columns-missing`); this wraps it from outside, so its code stays one.
 */
import { finding, type Locale } from "../findings/index.js";
import { knownColumns, type RosterColumns, resolveColumns } from "./map.js";
import type { RosterEvent } from "./rows.js";

/** The fewest known columns a header row names for the roster to be read without the others. */
const MIN_COLUMNS = 3;

export class PartialHeader {
  /** The required columns the header lacks, stood in for after its last cell. */
  private added: RosterColumns["missing"] = [];
  private width = 0;
  private readonly blanks: string[] = [];

  constructor(
    private readonly enabled: boolean,
    private readonly locale: Locale,
  ) {}

  /** How many stand-in cells follow the header's own (0 for a whole roster). */
  get extra(): number {
    return this.added.length;
  }

  /** A row read while the header is not known: the one that will be the header gets its stand-ins. */
  beforeHeader(cells: readonly unknown[]): readonly unknown[] {
    if (!this.enabled || this.added.length > 0 || knownColumns(cells) < MIN_COLUMNS) return cells;
    const missing = resolveColumns(cells).missing;
    if (missing.length === 0) return cells;
    this.width = cells.length;
    this.added = missing;
    for (let i = 0; i < missing.length; i++) this.blanks.push("");
    return [...cells, ...missing.map((m) => m.header)];
  }

  /**
   * A row after the header, with empty stand-in cells where the header has its stand-ins (after
   * its own last cell): a row as wide as the header fits it, a longer one keeps its extra cells
   * past the stand-ins (so they are still told apart, and a ragged row is still ragged).
   */
  pad<T>(cells: readonly T[]): readonly (T | string)[] {
    if (this.added.length === 0) return cells;
    if (cells.length <= this.width) return [...cells, ...this.blanks];
    return [...cells.slice(0, this.width), ...this.blanks, ...cells.slice(this.width)];
  }

  /** An event as the reader gives it: the stand-ins taken out again. */
  event(e: RosterEvent): RosterEvent {
    if (this.added.length === 0) return e;
    if (e.kind === "header") {
      const width = this.width;
      return {
        kind: "header",
        header: { row: e.header.row, cells: e.header.cells.slice(0, width) },
        columns: {
          recognised: e.columns.recognised.filter((c) => c.column < width),
          ignored: e.columns.ignored.filter((c) => c.column < width),
          missing: this.added,
        },
      };
    }
    if (e.kind === "row" && e.row.kind === "unreadable") {
      // A ragged row's counts are the header's own, not with the stand-ins.
      const k = this.added.length;
      const findings = e.row.findings.map((f) =>
        f.code === "roster.unreadable-row" &&
        f.params.reason === "ragged" &&
        f.params.expected !== undefined &&
        f.params.received !== undefined
          ? finding(
              "roster.unreadable-row",
              f.path,
              { ...f.params, expected: f.params.expected - k, received: f.params.received - k },
              { locale: this.locale },
            )
          : f,
      );
      return { kind: "row", row: { ...e.row, findings } };
    }
    return e;
  }
}
