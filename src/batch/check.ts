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
import { normalizeCertificateNumber } from "../registration/machine.js";
import { idKey, nameKey, textKey } from "./keys.js";
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
 * One finding per occurrence of a key that more than one registration shares, at that
 * registration's path, with the value and the indices of all who share it.
 */
function duplicates(
  keys: readonly (string | undefined)[],
  code:
    | "batch.duplicate-id"
    | "batch.duplicate-student-number"
    | "batch.duplicate-name"
    | "certificate.duplicate",
  path: readonly (string | number)[],
  options: LocaleOptions,
): Finding[] {
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === undefined) return;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const out: Finding[] = [];
  for (const [key, indices] of groups) {
    if (indices.length < 2) continue;
    for (const i of indices) out.push(finding(code, [i, ...path], { received: key, indices }, options));
  }
  return out;
}

/**
 * Checks a batch of registrations as a whole (3.1, 4.2.3, 2.2): each registration's own findings
 * (`checkRegistration`) under `[index, …]`, `batch.mismatch` for one registered in another batch,
 * then duplicates across registrations — the same ID number (compared normalized, a 15-digit one
 * upgraded), student number or certificate number twice is an error (`batch.duplicate-id`,
 * `batch.duplicate-student-number`, `certificate.duplicate`); the same name twice is a warning
 * (`batch.duplicate-name`): the student number goes on the back of the paper photo (4.2.3). Every
 * occurrence is reported, with `params.indices` naming all of them. The value is the batch's
 * summary (`summarizeBatch`). Never throws on bad data.
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
  list.forEach((item, i) => {
    const checked = checkRegistration(item, opts);
    findings.push(...prefixFindings(checked.findings, [i]));
    // Only a readable registration can be said to belong to another batch.
    const regBatchId = checked.value?.batch.id;
    if (regBatchId !== undefined && regBatchId !== batchId) {
      findings.push(
        finding(
          "batch.mismatch",
          [i, "batch", "id"],
          { expected: show(batchId), received: regBatchId },
          opts,
        ),
      );
    }
  });
  const students = list.map((item) => rec(rec(item)?.student));
  findings.push(
    ...duplicates(
      students.map((s) => idKey(s?.id)),
      "batch.duplicate-id",
      ["student", "id", "number"],
      opts,
    ),
    ...duplicates(
      students.map((s) => textKey(s?.studentNumber)),
      "batch.duplicate-student-number",
      ["student", "studentNumber"],
      opts,
    ),
    ...duplicates(
      list.map((item) => {
        const n = rec(item)?.certificateNumber;
        return typeof n === "string" ? textKey(normalizeCertificateNumber(n)) : undefined;
      }),
      "certificate.duplicate",
      ["certificateNumber"],
      opts,
    ),
    ...duplicates(
      students.map((s) => nameKey(s?.name)),
      "batch.duplicate-name",
      ["student", "name"],
      opts,
    ),
  );
  return toResult(summarizeBatch(list, batch), findings);
}
