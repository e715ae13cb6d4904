import { z } from "zod";
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
 */
export const StudentSchema = z.object({
  studentNumber: z.string().trim().min(1),
  name: z.string(),
  sex: z.enum(sexes),
  ethnicity: z.union([z.string(), z.number()]).transform((v) => String(v)),
  id: z.object({ type: IdTypeSchema, number: z.string() }),
  degreeLevel: DegreeLevelSchema,
  trainingUnit: z.string().trim().min(1),
  major: z.string().optional(),
  supervisor: z.string().optional(),
  admissionYear: z.number().int().min(1950).max(2100),
  batchId: z.string().optional(),
  origin: z.object({ value: z.string(), reviewed: z.boolean() }),
  photo: z.object({ uploaded: z.boolean(), fileName: z.string().optional() }),
  study: z.object({
    creditsComplete: z.boolean(),
    requiredSegmentsComplete: z.boolean(),
    thesisComplete: z.boolean(),
    defense: z.enum(defenseResults),
    defenseDate: isoDateSchema.optional(),
    withinMaxStudyPeriod: z.boolean().default(true),
    degreeCertificateExpected: z.boolean().default(true),
  }),
  changes: z
    .object({
      name: z
        .object({
          former: z.string(),
          changedOn: isoDateSchema.optional(),
          evidence: z.array(EvidenceSchema),
        })
        .optional(),
      ethnicity: z
        .object({ former: z.string(), beforeAdmission: z.boolean(), evidence: z.array(EvidenceSchema) })
        .optional(),
      programOrUnit: z.object({ approvedOn: isoDateSchema }).optional(),
      earlyGraduation: z.object({ approved: z.boolean() }).optional(),
    })
    .optional(),
  documents: z
    .object({
      writtenExplanation: z.boolean().optional(),
      registrationApplicationForm: z.boolean().optional(),
    })
    .optional(),
});

/** A student after parsing (defaults filled in). */
export type Student = z.output<typeof StudentSchema>;
/** What `StudentSchema` accepts (defaults may be left out). */
export type StudentInput = z.input<typeof StudentSchema>;
