import { rec } from "../core/records.js";
import { type State, states } from "../core/vocabulary.js";
import type { Batch } from "../entities/batch.js";
import { type Conclusion, conclusions, type DegreeLevel, degreeLevels } from "../entities/student.js";

/**
 * The head counts of a batch, as the registration form (电子注册情况登记表, 4.1) shows them. Counts
 * are over the registrations of this batch (`registration.batch.id === batch.id`); entries that
 * are not registrations, or belong to another batch, are only counted in `unreadable` /
 * `otherBatch`.
 * @example
 * // The number to print on the form (4.1): submitted or certified registrations.
 * summarizeBatch([registration, submitted], ucas2022Batch3).headCount //=> 1
 */
export interface BatchSummary {
  batchId: string;
  /** Registrations of this batch. */
  total: number;
  byState: Record<State, number>;
  /** By the conclusion chosen at staging; drafts have none. */
  byConclusion: Record<Conclusion | "none", number>;
  byDegreeLevel: Record<DegreeLevel, number>;
  /** Per training unit (培养单位). A null-prototype object: any unit name is safe as a key. */
  byTrainingUnit: Record<string, number>;
  /** Submitted or certified: the head count the registration form must carry (4.1). */
  headCount: number;
  /** Entries registered in another batch: not counted above. */
  otherBatch: number;
  /** Entries that are not readable registrations: not counted above. */
  unreadable: number;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
}

/** True for a registration whose state counts in the form's head count: it has been submitted (2.1.2, 4.1). */
export function isSubmitted(state: unknown): boolean {
  return state === "submitted" || state === "certified";
}

/**
 * The head counts of the registration form (4.1): by state, conclusion, degree level and training
 * unit, and the submitted head count. Never throws: entries that are not registrations are
 * counted as `unreadable`.
 * @example
 * summarizeBatch([registration, submitted], ucas2022Batch3)
 * //=> { batchId: "ucas-2022-3", total: 2, byState: { draft: 1, staged: 0, submitted: 1, certified: 0 },
 * //     byConclusion: { graduation: 1, completion: 0, none: 1 }, byDegreeLevel: { doctor: 0, master: 2 },
 * //     byTrainingUnit: { 测试研究所: 2 }, headCount: 1, otherBatch: 0, unreadable: 0 }
 */
export function summarizeBatch(registrations: readonly unknown[], batch: Batch): BatchSummary {
  const batchId = rec(batch)?.id;
  const summary: BatchSummary = {
    // A batch without a string id (bad data) has no registrations of its own: everything is otherBatch.
    batchId: typeof batchId === "string" ? batchId : "",
    total: 0,
    byState: zeros(states),
    byConclusion: zeros([...conclusions, "none"] as const),
    byDegreeLevel: zeros(degreeLevels),
    byTrainingUnit: Object.create(null) as Record<string, number>,
    headCount: 0,
    otherBatch: 0,
    unreadable: 0,
  };
  const list: readonly unknown[] = Array.isArray(registrations) ? registrations : [];
  for (const item of list) {
    const r = rec(item);
    const state = r?.state;
    if (!r || typeof state !== "string" || !(states as readonly string[]).includes(state)) {
      summary.unreadable++;
      continue;
    }
    if (rec(r.batch)?.id !== batchId) {
      summary.otherBatch++;
      continue;
    }
    summary.total++;
    summary.byState[state as State]++;
    const conclusion = r.conclusion;
    if (conclusion === "graduation" || conclusion === "completion") summary.byConclusion[conclusion]++;
    else summary.byConclusion.none++;
    const student = rec(r.student);
    const level = student?.degreeLevel;
    if (level === "doctor" || level === "master") summary.byDegreeLevel[level]++;
    const unit = typeof student?.trainingUnit === "string" ? student.trainingUnit.trim() : "";
    summary.byTrainingUnit[unit] = (summary.byTrainingUnit[unit] ?? 0) + 1;
    if (isSubmitted(state)) summary.headCount++;
  }
  return summary;
}
