import { UsageError } from "../errors.js";
import type { CliText } from "../messages.js";
import { type Column, cellValue, columnFor, columnLabel, columns } from "./columns.js";
import type { BadRow, RawRoster, RosterRecord, RosterSource } from "./read.js";

/** One student row, ready for the checks: the input `validateStudent` reads and the chosen conclusion. */
export interface RosterStudent {
  row: number;
  /** api.md's Student shape, built from the cells; the core decides whether it is valid. */
  input: unknown;
  /** 毕业结论 as mapped (`graduation`, `completion`, or the unmapped text); absent when not given. */
  conclusion?: unknown;
}

/** Sets `value` at a dotted path of known keys (the column table's, never the file's). */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let o = target;
  for (const p of parts.slice(0, -1)) {
    const next = o[p];
    if (typeof next === "object" && next !== null) o = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      o[p] = created;
      o = created;
    }
  }
  o[parts[parts.length - 1] as string] = value;
}

/** Which known column each header names; a required column that no header names → exit 2. */
export function resolveColumns(headers: readonly string[], t: CliText): Map<string, Column> {
  const found = new Map<string, Column>();
  for (const h of headers) {
    const c = columnFor(h);
    if (c && ![...found.values()].includes(c)) found.set(h, c);
  }
  const have = new Set(found.values());
  const missing = columns.filter((c) => c.required && !have.has(c));
  if (missing.length > 0) throw new UsageError(t.missingColumns(missing.map(columnLabel)));
  return found;
}

function fromCells(
  record: Extract<RosterRecord, { kind: "cells" }>,
  byHeader: Map<string, Column>,
): RosterStudent {
  const input: Record<string, unknown> = {};
  let conclusion: unknown;
  for (const [header, raw] of record.cells) {
    const col = byHeader.get(header);
    if (!col) continue; // a column the checks do not read (序号, 备注 …)
    const v = cellValue(col.kind, raw);
    if (v === undefined) continue;
    if (col.key === "conclusion") conclusion = v;
    else setPath(input, col.key, v);
  }
  // [decision] No 证件类型 column or an empty cell: a resident ID card (居民身份证), the common case.
  const id = input.id;
  if (typeof id === "object" && id !== null && !("type" in id))
    (id as Record<string, unknown>).type = "resident";
  const s: RosterStudent = { row: record.row, input };
  if (conclusion !== undefined) s.conclusion = conclusion;
  return s;
}

function fromObject(record: Extract<RosterRecord, { kind: "object" }>): RosterStudent {
  const { conclusion, ...input } = record.value;
  const s: RosterStudent = { row: record.row, input };
  if (conclusion !== undefined) s.conclusion = cellValue("conclusion", conclusion);
  return s;
}

/**
 * The students of a roster. Headers are checked once (a required column missing → `UsageError`);
 * JSON students in api.md's shape need no headers.
 */
export function rosterStudents(roster: RawRoster, t: CliText): RosterStudent[] {
  const hasCells = roster.records.some((r) => r.kind === "cells") || roster.format !== "json";
  const byHeader = hasCells ? resolveColumns(roster.headers, t) : new Map<string, Column>();
  return roster.records.map((r) => (r.kind === "cells" ? fromCells(r, byHeader) : fromObject(r)));
}

/** A roster's row as the checks take it: a student, or a row that could not be read. */
export type RosterItem = { kind: "student"; student: RosterStudent } | { kind: "bad"; bad: BadRow };

/**
 * The rows of a roster one at a time, in row order (one read of the source). The headers are
 * resolved when they come (a required column missing → `UsageError`, before any row).
 */
export async function* rosterItems(source: RosterSource, t: CliText): AsyncGenerator<RosterItem> {
  let byHeader = new Map<string, Column>();
  for await (const e of source.entries()) {
    if (e.kind === "header") byHeader = resolveColumns(e.headers, t);
    else if (e.kind === "bad") yield e;
    else {
      const r = e.record;
      yield { kind: "student", student: r.kind === "cells" ? fromCells(r, byHeader) : fromObject(r) };
    }
  }
}
