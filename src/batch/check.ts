import { rec } from "../core/records.js";
import { prefixFindings } from "../core/result.js";
import { type Batch, defineBatch } from "../entities/batch.js";
import {
  type Finding,
  finding,
  type LocaleOptions,
  type Result,
  resolveLocale,
  show,
  toResult,
} from "../findings/index.js";
import { checkRegistration } from "../registration/check.js";
import { batchDifferences } from "../registration/machine.js";
import type { Registration } from "../registration/types.js";
import { type DuplicateEntry, DuplicateIndex } from "./duplicates.js";
import { type BatchSummary, summarizeBatch } from "./summary.js";

/** The batch's own shape findings; a value that even the schema cannot read is `schema.invalid`. */
function batchFindings(batch: unknown, options: LocaleOptions): Finding[] {
  try {
    return defineBatch(batch, options).findings;
  } catch {
    // Hostile values (getters that throw, objects that cannot become strings) break the schema's
    // own messages: the batch is unreadable, which is a finding, not an exception.
    return [finding("schema.invalid", [], { expected: "Batch", reason: "unreadable" }, options)];
  }
}

/**
 * Checks a batch of registrations as a whole (3.1, 4.2.3, 2.2): each registration's own findings
 * (`checkRegistration`) under `[index, …]`, `batch.mismatch` for one registered in another batch,
 * then duplicates across registrations (`DuplicateIndex`) — the same ID number (compared
 * normalized, a 15-digit one upgraded), student number or certificate number twice is an error
 * (`batch.duplicate-id`, `batch.duplicate-student-number`, `certificate.duplicate`); the same name
 * twice is a warning (`batch.duplicate-name`): the student number goes on the back of the paper
 * photo (4.2.3). Every occurrence is reported, `params.count` saying how many and `params.indices`
 * naming the first few. The value is the batch's summary (`summarizeBatch`). Linear in the number
 * of registrations; never throws on bad data.
 * @example
 * // Two students, one ID number: both are reported.
 * const other = createRegistration({ ...student, studentNumber: "2019E8012345002", name: "测试乙" }, ucas2022Batch3);
 * checkBatch([registration, other], ucas2022Batch3).findings.map((f) => [f.code, f.path])
 * //=> [["batch.duplicate-id", [0, "student", "id", "number"]], ["batch.duplicate-id", [1, "student", "id", "number"]]]
 */
export function checkBatch(
  registrations: readonly unknown[],
  batch: Batch,
  options?: LocaleOptions,
): Result<BatchSummary> {
  const opts: LocaleOptions = { locale: resolveLocale(options) };
  const findings: Finding[] = [];
  findings.push(...prefixFindings(batchFindings(batch, opts), ["batch"]));
  // Untrusted input is read once, here: the list, then each entry; what cannot be read is a finding.
  const list = readList(registrations);
  if (list === undefined) {
    findings.push(finding("schema.invalid", [], { expected: "array" }, opts));
    return { ok: false, findings };
  }
  const given = readBatch(batch);
  const batchId = given?.id ?? readId(batch);
  const checkedList: (Registration | undefined)[] = [];
  const entries: DuplicateEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const checked = checkRegistration(list[i], opts);
    findings.push(...prefixFindings(checked.findings, [i]));
    const reg = checked.value;
    checkedList.push(reg);
    // The raw entry's student and number for duplicates, so that a registration refused for its
    // shape is still compared; unreadable ones are left out.
    entries.push(readEntry(list[i]));
    // Only a readable registration can be said to belong to another batch.
    if (reg === undefined) continue;
    if (reg.batch.id !== batchId) {
      const params = { expected: show(batchId), received: reg.batch.id };
      findings.push(finding("batch.mismatch", [i, "batch", "id"], params, opts));
    } else if (given !== undefined) {
      // The same id is not enough: the whole batch must be the one given (its window, its dates).
      const fields = batchDifferences(reg.batch, given);
      if (fields.length > 0) {
        const params = { reason: "batch" as const, id: reg.batch.id, fields };
        findings.push(finding("registration.tampered", [i, "batch"], params, opts));
      }
    }
  }
  const duplicates = new DuplicateIndex(opts);
  for (const e of entries) duplicates.add(e);
  if (duplicates.seal()) for (const [i, e] of entries.entries()) duplicates.confirm(i, e);
  // By code, then position: the order the findings have always come in.
  const found = entries.map((e) => duplicates.findingsOf(e));
  for (const code of [
    "batch.duplicate-id",
    "batch.duplicate-student-number",
    "certificate.duplicate",
    "batch.duplicate-name",
  ]) {
    found.forEach((fs, i) => {
      for (const f of fs) if (f.code === code) findings.push(...prefixFindings([f], [i]));
    });
  }
  // The head counts of the registrations as read (an unreadable one counts as such).
  return toResult(summarizeBatch(checkedList, given ?? ({ id: batchId ?? "" } as Batch)), findings);
}

/** A marker for an entry of the list whose reading threw. */
const UNREADABLE = Symbol("unreadable");

/** The list read once into a plain array (holes and throwing elements kept as positions), or undefined. */
function readList(v: unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(v)) return undefined;
    const n = v.length;
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      try {
        out[i] = v[i];
      } catch {
        out[i] = UNREADABLE;
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The batch as given, when it reads as a Batch (its findings are reported at `["batch"]`). */
function readBatch(batch: unknown): Batch | undefined {
  try {
    return defineBatch(batch).value;
  } catch {
    return undefined;
  }
}

/** The id of a batch that does not read as a Batch, when it has a readable string one. */
function readId(batch: unknown): string | undefined {
  try {
    const id = rec(batch)?.id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

/** What the duplicate check reads of an entry; nothing when reading it throws. */
function readEntry(item: unknown): DuplicateEntry {
  try {
    const r = rec(item);
    return { student: r?.student, certificateNumber: r?.certificateNumber };
  } catch {
    return {};
  }
}
