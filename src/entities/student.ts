import { z } from "zod";
import { isIsoDate } from "../core/time.js";

/** Identity document kinds (证件类型). */
export const idTypes = ["resident", "resident-15", "hk-macao-permit", "taiwan-permit", "passport"] as const;
export type IdType = (typeof idTypes)[number];

/** 培养层次: doctor (博士, level 01) or master (硕士, level 02). */
export const degreeLevels = ["doctor", "master"] as const;
export type DegreeLevel = (typeof degreeLevels)[number];

/** 毕业结论: graduation (毕业, 1.1) or completion (结业, 1.2). */
export const conclusions = ["graduation", "completion"] as const;
export type Conclusion = (typeof conclusions)[number];

/** Documents that prove a change of name (3.1.1) or of ethnic group (3.1.2). */
export const evidenceKinds = [
  "unit-endorsed-application",
  "police-certificate",
  "household-card-scan",
  "household-page-scan",
  "police-ethnicity-certificate",
  "id-card-scan",
] as const;
export type Evidence = (typeof evidenceKinds)[number];

const isoDate = z.string().refine(isIsoDate, { message: "expected a date YYYY-MM-DD" });

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
  sex: z.enum(["male", "female"]),
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
    defense: z.enum(["passed", "failed", "pending"]),
    defenseDate: isoDate.optional(),
    withinMaxStudyPeriod: z.boolean().default(true),
    degreeCertificateExpected: z.boolean().default(true),
  }),
  changes: z
    .object({
      name: z
        .object({ former: z.string(), changedOn: isoDate.optional(), evidence: z.array(EvidenceSchema) })
        .optional(),
      ethnicity: z
        .object({ former: z.string(), beforeAdmission: z.boolean(), evidence: z.array(EvidenceSchema) })
        .optional(),
      programOrUnit: z.object({ approvedOn: isoDate }).optional(),
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
