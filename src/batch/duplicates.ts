import { XueliError } from "../core/error.js";
import { rec } from "../core/records.js";
import type { Path } from "../core/result.js";
import { foldFullWidth } from "../core/strings.js";
import { idTypes } from "../core/vocabulary.js";
import { normalizeIdNumber, validateIdNumber } from "../fields/id/index.js";
import { validateName } from "../fields/name/index.js";
import { normalizeStudentNumber } from "../fields/student/index.js";
import { type Finding, finding, type LocaleOptions, resolveLocale } from "../findings/index.js";

// Duplicates across a batch (3.1, 4.2.3, 2.2): one incremental structure for `checkBatch` and for
// the CLI's streaming check of a roster, so both find the same duplicates the same way.

/** The ID number as compared for duplicates: normalized, a legacy 15-digit one upgraded to 18 digits. */
export function idKey(id: unknown): string | undefined {
  const r = rec(id);
  const n = r?.number;
  if (typeof n !== "string") return undefined;
  const declared = r?.type;
  // The common case first: a number of 0-9 and A-Z only, not 15 long, is its own key —
  // `validateIdNumber` normalizes nothing in it and upgrades only 15-digit numbers.
  if (n.length !== 15 && isCleanId(n)) return n === "" ? undefined : n;
  const type = (idTypes as readonly unknown[]).includes(declared)
    ? (declared as (typeof idTypes)[number])
    : undefined;
  const v = validateIdNumber(n, type === undefined ? {} : { type });
  const key = v.value?.normalized ?? normalizeIdNumber(n);
  return key === "" ? undefined : key;
}

/** True when `s` holds only 0-9 and A-Z. */
function isCleanId(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * The name as compared for duplicates (4.2.3): normalized by `validateName`, which keeps a minority
 * name's separator (`阿依古丽 买买提` and `阿依古丽·买买提` are one name, never `阿依古丽买买提`).
 */
export function nameKey(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  const key = validateName(name).value?.normalized ?? foldFullWidth(name).trim();
  return key === "" ? undefined : key;
}

/**
 * The student number as compared for duplicates (3.1): full-width folded, invisible and control
 * characters removed (`normalizeStudentNumber`), trimmed, so `201918000000001\u200b` is the same
 * number as `201918000000001`.
 * @example
 * studentNumberKey("201918000000001\u200b") //=> "201918000000001"
 */
export function studentNumberKey(s: unknown): string | undefined {
  if (typeof s !== "string") return undefined;
  const key = normalizeStudentNumber(s);
  return key === "" ? undefined : key;
}

/** A text compared for duplicates: full-width folded, trimmed. */
export function textKey(s: unknown): string | undefined {
  if (typeof s !== "string") return undefined;
  const key = foldFullWidth(s).trim();
  return key === "" ? undefined : key;
}

/** A certificate number as compared for duplicates: digits folded, spaces removed. */
function certificateKey(n: unknown): string | undefined {
  return typeof n === "string" ? textKey(foldFullWidth(n).replace(/\s+/gu, "")) : undefined;
}

/** One entry of the index: a student (the roster's row, a registration's student) and its certificate number. */
export interface DuplicateEntry {
  student?: unknown;
  /** The registration's certificate number (2.2), when there is one. */
  certificateNumber?: unknown;
}

type DuplicateCode =
  | "batch.duplicate-id"
  | "batch.duplicate-student-number"
  | "certificate.duplicate"
  | "batch.duplicate-name";

interface Check {
  code: DuplicateCode;
  /** Where the key is, relative to the entry. */
  path: Path;
  key: (e: DuplicateEntry) => string | undefined;
}

/**
 * A key read defensively: the entry is untrusted data (a roster row, a registration from JSON or a
 * caller), and a getter that throws or a revoked Proxy inside it gives no key, never an exception.
 */
const safely =
  (key: (e: DuplicateEntry) => string | undefined) =>
  (e: DuplicateEntry): string | undefined => {
    try {
      return key(e);
    } catch {
      return undefined;
    }
  };

/** The duplicate checks, in the order their findings come. */
const checks: readonly Check[] = [
  {
    code: "batch.duplicate-id",
    path: ["student", "id", "number"],
    key: safely((e) => idKey(rec(e.student)?.id)),
  },
  {
    code: "batch.duplicate-student-number",
    path: ["student", "studentNumber"],
    key: safely((e) => studentNumberKey(rec(e.student)?.studentNumber)),
  },
  {
    code: "certificate.duplicate",
    path: ["certificateNumber"],
    key: safely((e) => certificateKey(e.certificateNumber)),
  },
  {
    code: "batch.duplicate-name",
    path: ["student", "name"],
    key: safely((e) => nameKey(rec(e.student)?.name)),
  },
];

/**
 * **[decision]** How many occurrences a duplicate finding names (the first ones, in input order):
 * `params.count` says how many there are in all. Naming every occurrence in every finding made k
 * duplicates cost O(k²) (issue: 16,000 copies of a row ran out of memory).
 */
export const DUPLICATES_NAMED = 5;

interface Group {
  count: number;
  /** The first `DUPLICATES_NAMED` positions (0-based) and their rows, when known. */
  indices: number[];
  rows: number[];
}

/**
 * A 52-bit fingerprint of a key (an integer, exact in a double), to find candidates compactly: two
 * 32-bit hashes over the UTF-16 code units (FNV-1a, and a multiply-rotate hash with another seed),
 * 32 bits of one and 20 of the other. [decision] 52 bits, not 32: among the 259,000 rows of the
 * bench's 50 MB roster, 32-bit fingerprints of distinct keys collide a few times for each kind of
 * key (n² / 2³³ ≈ 8), and any collision costs a caller one more pass over its entries (`seal()`
 * true); at 52 bits that is one chance in 100,000 for such a roster, for 8 bytes a key instead of 4.
 */
function hash52(s: string): number {
  let h = 0x811c9dc5;
  let g = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ c, 0x01000193);
    g = Math.imul((g ^ c) + 0x7f4a7c15, 0x5bd1e995);
    g ^= g >>> 15;
  }
  return (h >>> 0) * 0x100000 + (g >>> 12);
}

/** A growable `Float64Array` of fingerprints: 8 bytes a value, where a `Map` of strings takes ~70. */
class FingerprintList {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The values that occur more than once. */
  repeated(): Set<number> {
    const sorted = this.data.slice(0, this.length).sort();
    const out = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i] as number);
    return out;
  }
}

/**
 * Finds the duplicates of a batch or a roster incrementally, in bounded memory and linear work:
 *
 * 1. `add(entry)` each entry in order — only a 52-bit fingerprint of each key is kept (8 bytes a
 *    key, so a 250,000-row roster costs a few MB);
 * 2. `seal()` — true when some fingerprints repeat (shared keys, or very rare collisions): then
 * 3. `confirm(position, entry, row?)` each entry again, in the same order (the real keys of the
 *    candidates are grouped; a collision never becomes a finding);
 * 4. `findingsOf(entry)` — the duplicate findings of one entry, paths relative to it.
 *
 * Every occurrence of a shared key gets the finding: the ID number (compared normalized, a 15-digit
 * one upgraded), the student number and the certificate number twice are errors
 * (`batch.duplicate-id`, `batch.duplicate-student-number`, `certificate.duplicate`); the same name
 * twice is a warning (`batch.duplicate-name`, 4.2.3). `params.count` is the number of occurrences,
 * `params.indices` the first `DUPLICATES_NAMED` positions (0-based) and `params.rows` their rows
 * when given.
 * @example
 * // Two students with one ID number and one name.
 * const entries = [{ student }, { student: { ...student, studentNumber: "2019E8012345002" } }];
 * const index = new DuplicateIndex();
 * entries.forEach((e) => index.add(e));
 * if (index.seal()) entries.forEach((e, i) => index.confirm(i, e));
 * index.findingsOf(entries[1]).map((f) => [f.code, f.params.count])
 * //=> [["batch.duplicate-id", 2], ["batch.duplicate-name", 2]]
 */
export class DuplicateIndex {
  private fingerprints: FingerprintList[] | undefined = checks.map(() => new FingerprintList());
  private candidates: Set<number>[] = checks.map(() => new Set());
  private readonly groups: Map<string, Group>[] = checks.map(() => new Map());
  private readonly locale: LocaleOptions;
  private sealed = false;

  constructor(options?: LocaleOptions) {
    this.locale = { locale: resolveLocale(options) };
  }

  /** Step 1: one entry, in order. */
  add(entry: DuplicateEntry): void {
    const fingerprints = this.fingerprints;
    if (fingerprints === undefined)
      throw new XueliError("argument.invalid", "DuplicateIndex.add after seal()");
    for (let i = 0; i < checks.length; i++) {
      const k = (checks[i] as Check).key(entry);
      if (k !== undefined) fingerprints[i]?.push(hash52(k));
    }
  }

  /** Step 2: the end of the entries; true when `confirm` must see them again. */
  seal(): boolean {
    this.candidates = (this.fingerprints ?? []).map((f) => f.repeated());
    this.fingerprints = undefined;
    this.sealed = true;
    return this.candidates.some((c) => c.size > 0);
  }

  /** Step 3: each entry again, in the same order, with its position (0-based) and its row when known. */
  confirm(position: number, entry: DuplicateEntry, row?: number): void {
    checks.forEach((c, i) => {
      const candidates = this.candidates[i] as Set<number>;
      if (candidates.size === 0) return;
      const k = c.key(entry);
      if (k === undefined || !candidates.has(hash52(k))) return;
      const groups = this.groups[i] as Map<string, Group>;
      let g = groups.get(k);
      if (g === undefined) {
        g = { count: 0, indices: [], rows: [] };
        groups.set(k, g);
      }
      g.count += 1;
      if (g.indices.length < DUPLICATES_NAMED) {
        g.indices.push(position);
        if (row !== undefined) g.rows.push(row);
      }
    });
  }

  /** Step 4: the duplicate findings of one entry, paths relative to the entry. */
  findingsOf(entry: DuplicateEntry): Finding[] {
    if (!this.sealed) throw new XueliError("argument.invalid", "DuplicateIndex.findingsOf before seal()");
    const out: Finding[] = [];
    checks.forEach((c, i) => {
      const groups = this.groups[i] as Map<string, Group>;
      if (groups.size === 0) return;
      const k = c.key(entry);
      const g = k === undefined ? undefined : groups.get(k);
      if (g === undefined || g.count < 2 || k === undefined) return;
      const params =
        g.rows.length === g.indices.length
          ? { received: k, count: g.count, indices: [...g.indices], rows: [...g.rows] }
          : { received: k, count: g.count, indices: [...g.indices] };
      out.push(finding(c.code, [...c.path], params, this.locale));
    });
    return out;
  }
}
