import type { Finding } from "../findings/index.js";
import { type Column, cellValue, columnFor, columns } from "./columns.js";

/**
 * One row of the roster read as a student: the spreadsheet row, the input `validateStudent` reads
 * (api.md's Student shape, built from the cells; the core decides whether it is valid), and the
 * 毕业结论 of the stage event.
 */
export interface RosterStudent {
  kind: "student";
  /** The row the spreadsheet shows (the header is usually row 1); a JSON element's 1-based position. */
  row: number;
  /** api.md's Student shape, built from the cells. */
  input: unknown;
  /** 毕业结论 as mapped (`graduation`, `completion`, or the unmapped text); absent when not given. */
  conclusion?: unknown;
  /** What reading found about the row while still reading it as a student (a stray quote). */
  findings?: Finding[];
}

/** A row that could not be read (`roster.unreadable-row`, with its reason); the others go on. */
export interface RosterUnreadableRow {
  kind: "unreadable";
  row: number;
  /** `roster.unreadable-row` first, then anything else reading found about the row. */
  findings: Finding[];
}

/** A row of the roster, in row order: a student, or a row that could not be read. */
export type RosterRow = RosterStudent | RosterUnreadableRow;

/** The columns a header names, by position (0-based), and the required ones it lacks. */
export interface RosterColumns {
  recognised: { column: number; header: string; key: string }[];
  /** Headers the checks do not read (序号, 备注 …), or a second header of a column already named. */
  ignored: { column: number; header: string }[];
  /** Required columns no header names: the status system's header and the field's key. */
  missing: { key: string; header: string }[];
}

/** The column table of one header row. */
export interface ResolvedColumns extends RosterColumns {
  /** The column read from each position, `undefined` where none. */
  byIndex: (Column | undefined)[];
}

/**
 * Which known column each header names (the first header of a column wins), and which required
 * columns none names.
 * @example
 * resolveColumns(["序号", "学号", "姓名"]).recognised
 * //=> [{ column: 1, header: "学号", key: "studentNumber" }, { column: 2, header: "姓名", key: "name" }]
 */
export function resolveColumns(headers: readonly unknown[]): ResolvedColumns {
  const byIndex: (Column | undefined)[] = [];
  const recognised: RosterColumns["recognised"] = [];
  const ignored: RosterColumns["ignored"] = [];
  const seen = new Set<Column>();
  headers.forEach((h, i) => {
    const header = headerText(h);
    if (header === "") return;
    const c = columnFor(header);
    if (c === undefined || seen.has(c)) {
      ignored.push({ column: i, header });
      return;
    }
    seen.add(c);
    byIndex[i] = c;
    recognised.push({ column: i, header, key: c.key });
  });
  const missing = columns
    .filter((c) => c.required && !seen.has(c))
    .map((c) => ({ key: c.key, header: c.zh[0] as string }));
  return { byIndex, recognised, ignored, missing };
}

/** A header cell as text (a number or date in a header row is written as it shows). */
export function headerText(h: unknown): string {
  if (h === undefined || h === null) return "";
  if (typeof h === "string") return h.trim();
  if (typeof h === "number" || typeof h === "boolean") return String(h);
  return "";
}

/** How many distinct known columns a row's cells name. */
export function knownColumns(cells: readonly unknown[]): number {
  const found = new Set<Column>();
  for (const c of cells) {
    if (typeof c !== "string") continue;
    const col = columnFor(c);
    if (col) found.add(col);
  }
  return found.size;
}

/** One column of a header, read into the student: where its cell is, how its text is read, where it goes. */
interface Slot {
  index: number;
  kind: Column["kind"];
  /** The column is 毕业结论 (the stage event's, not a Student field). */
  conclusion: boolean;
  /** The field's dotted key split once (`["id", "number"]`): no `split` per cell. */
  parts: readonly string[];
}

/**
 * Each header's columns as slots, computed once per header (the rows of a roster share one
 * `byIndex`) instead of splitting every key of every row: keyed by the `byIndex` array, and
 * computed again if its length changed.
 */
const slotsOf = new WeakMap<readonly (Column | undefined)[], { length: number; slots: Slot[] }>();

function slots(byIndex: readonly (Column | undefined)[]): Slot[] {
  const known = slotsOf.get(byIndex);
  if (known !== undefined && known.length === byIndex.length) return known.slots;
  const out: Slot[] = [];
  for (let i = 0; i < byIndex.length; i++) {
    const col = byIndex[i];
    if (col === undefined) continue;
    out.push({ index: i, kind: col.kind, conclusion: col.key === "conclusion", parts: col.key.split(".") });
  }
  slotsOf.set(byIndex, { length: byIndex.length, slots: out });
  return out;
}

/** Sets `value` at a path of known keys (the column table's, never the file's). */
function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let o = target;
  const last = parts.length - 1;
  for (let k = 0; k < last; k++) {
    const p = parts[k] as string;
    const next = o[p];
    if (typeof next === "object" && next !== null) o = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      o[p] = created;
      o = created;
    }
  }
  o[parts[last] as string] = value;
}

/**
 * A student from a row's cells (by position, as the header's columns are).
 * @example
 * const cols = resolveColumns(["学号", "性别", "毕业结论"]);
 * studentFromCells(2, ["2019E001", "女", "结业"], cols)
 * //=> { kind: "student", row: 2, input: { studentNumber: "2019E001", sex: "female" }, conclusion: "completion" }
 */
export function studentFromCells(
  row: number,
  cells: readonly unknown[],
  cols: ResolvedColumns,
): RosterStudent {
  const input: Record<string, unknown> = {};
  let conclusion: unknown;
  const list = slots(cols.byIndex);
  for (let k = 0; k < list.length; k++) {
    const slot = list[k] as Slot;
    const v = cellValue(slot.kind, cells[slot.index]);
    if (v === undefined) continue;
    if (slot.conclusion) conclusion = v;
    else if (slot.parts.length === 1) input[slot.parts[0] as string] = v;
    else if (slot.parts.length === 2) {
      // (setPath, unrolled for the common depth: id.number, origin.value, study.defense …)
      const p = slot.parts[0] as string;
      let o = input[p];
      if (typeof o !== "object" || o === null) {
        o = {};
        input[p] = o;
      }
      (o as Record<string, unknown>)[slot.parts[1] as string] = v;
    } else setPath(input, slot.parts, v);
  }
  // [decision] No 证件类型 column or an empty cell: a resident ID card (居民身份证), the common case.
  const id = input.id;
  if (typeof id === "object" && id !== null && !("type" in id))
    (id as Record<string, unknown>).type = "resident";
  const s: RosterStudent = { kind: "student", row, input };
  if (conclusion !== undefined) s.conclusion = conclusion;
  return s;
}

/**
 * A student given in api.md's shape (a JSON roster): taken as it is, with its `conclusion` apart.
 * @example
 * studentFromObject(1, { studentNumber: "2019E001", conclusion: "结业" })
 * //=> { kind: "student", row: 1, input: { studentNumber: "2019E001" }, conclusion: "completion" }
 */
export function studentFromObject(row: number, value: Record<string, unknown>): RosterStudent {
  const { conclusion, ...input } = value;
  const s: RosterStudent = { kind: "student", row, input };
  if (conclusion !== undefined) s.conclusion = cellValue("conclusion", conclusion);
  return s;
}
