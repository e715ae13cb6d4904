import * as z from "zod/mini";
import {
  type Conclusion,
  conclusions,
  type DefenseResult,
  type DegreeLevel,
  defenseResults,
  degreeLevels,
  type Evidence,
  evidenceKinds,
  type IdType,
  idTypes,
  sexes,
} from "../core/vocabulary.js";
import { isoDateSchema } from "./formats.js";

export type { DefenseResult };
export {
  type Conclusion,
  conclusions,
  type DegreeLevel,
  degreeLevels,
  type Evidence,
  evidenceKinds,
  type IdType,
  idTypes,
};

export const IdTypeSchema = z.enum(idTypes);
export const DegreeLevelSchema = z.enum(degreeLevels);
export const ConclusionSchema = z.enum(conclusions);
export const EvidenceSchema = z.enum(evidenceKinds);

/**
 * A student as the status system holds them (学籍信息) for registration. The shape only: the field
 * rules (ID checksum, origin levels …) are applied by `validateStudent`.
 *
 * [decision, 3.1, 3.3] The ethnic group may be absent and the origin empty: a foreign student
 * (passport holder) may have neither. `validateStudent` refuses them for everyone else
 * (`ethnicity.empty` at `["ethnicity"]`, `origin.empty` at `["origin", "value"]`). An absent origin
 * reads as `{ value: "", reviewed: false }`, an absent `origin.value` as `""` and an absent
 * `origin.reviewed` as not reviewed.
 */
export const StudentSchema = z.object({
  studentNumber: z.string().check(z.trim(), z.minLength(1)),
  name: z.string(),
  sex: z.enum(sexes),
  ethnicity: z.optional(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((v) => String(v)),
    ),
  ),
  id: z.object({ type: IdTypeSchema, number: z.string() }),
  degreeLevel: DegreeLevelSchema,
  trainingUnit: z.string().check(z.trim(), z.minLength(1)),
  major: z.optional(z.string()),
  supervisor: z.optional(z.string()),
  admissionYear: z.int().check(z.minimum(1950), z.maximum(2100)),
  batchId: z.optional(z.string()),
  origin: z._default(
    z.object({ value: z._default(z.string(), ""), reviewed: z._default(z.boolean(), false) }),
    { value: "", reviewed: false },
  ),
  photo: z.object({ uploaded: z.boolean(), fileName: z.optional(z.string()) }),
  study: z.object({
    creditsComplete: z.boolean(),
    requiredSegmentsComplete: z.boolean(),
    thesisComplete: z.boolean(),
    defense: z.enum(defenseResults),
    defenseDate: z.optional(isoDateSchema),
    withinMaxStudyPeriod: z._default(z.boolean(), true),
    degreeCertificateExpected: z._default(z.boolean(), true),
  }),
  changes: z.optional(
    z.object({
      name: z.optional(
        z.object({
          former: z.string(),
          changedOn: z.optional(isoDateSchema),
          evidence: z.array(EvidenceSchema),
        }),
      ),
      ethnicity: z.optional(
        z.object({ former: z.string(), beforeAdmission: z.boolean(), evidence: z.array(EvidenceSchema) }),
      ),
      programOrUnit: z.optional(z.object({ approvedOn: isoDateSchema })),
      earlyGraduation: z.optional(z.object({ approved: z.boolean() })),
    }),
  ),
  documents: z.optional(
    z.object({
      writtenExplanation: z.optional(z.boolean()),
      registrationApplicationForm: z.optional(z.boolean()),
    }),
  ),
});

/** A student after parsing (defaults filled in). */
export type Student = z.output<typeof StudentSchema>;
/** What `StudentSchema` accepts (defaults may be left out). */
export type StudentInput = z.input<typeof StudentSchema>;
