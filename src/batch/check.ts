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
import { DuplicateIndex } from "./duplicates.js";
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
 * checkBatch([a, aAgain], ucas2022Batch3).findings.map((f) => [f.code, f.path])
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
  if (!Array.isArray(registrations)) {
    findings.push(finding("schema.invalid", [], { expected: "array" }, opts));
    return { ok: false, findings };
  }
  const list: readonly unknown[] = registrations;
  const batchId = rec(batch)?.id;
  // Array.from visits the holes of a sparse array too (as forEach does not): each is an entry.
  const entries = Array.from(list, (item) => ({
    student: rec(item)?.student,
    certificateNumber: rec(item)?.certificateNumber,
  }));
  // Every position, the holes of a sparse array too: a hole is not a registration.
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const checked = checkRegistration(item, opts);
    findings.push(...prefixFindings(checked.findings, [i]));
    // Only a readable registration can be said to belong to another batch.
    const regBatch = checked.value?.batch;
    if (regBatch !== undefined && regBatch.id !== batchId) {
      const params = { expected: show(batchId), received: regBatch.id };
      findings.push(finding("batch.mismatch", [i, "batch", "id"], params, opts));
    } else if (regBatch !== undefined) {
      // The same id is not enough: the whole batch must be the one given (its window, its dates).
      const fields = batchDifferences(regBatch, batch);
      if (fields.length > 0) {
        const params = { reason: "batch" as const, id: regBatch.id, fields };
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
  return toResult(summarizeBatch(list, batch), findings);
}
