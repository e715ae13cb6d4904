import * as z from "zod";
import { BatchSchema, type FindingCode, findingCodes } from "../index.js";

/*
 * The JSON report of `xueli check --format json` as a zod schema: the one description that
 * schemas/report.json is generated from (scripts/json-schemas.ts) and that a type test holds to the
 * CLI's own `Report` (src/cli/check.ts), key for key. The CLI does not load it (nothing here runs
 * when a roster is checked); the core never imports the CLI.
 */

/**
 * A finding's params: an object of the code's raw data (`FindingParams`, one shape per code). A
 * JSON Schema says `{ "type": "object" }` of it (scripts/json-schemas.ts).
 */
export const ReportParamsSchema = z.custom<object>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
);

/** One finding as the report writes it (the shape of `Finding`; params are the code's raw data). */
export const ReportFindingSchema = z.object({
  code: z.enum(findingCodes as [FindingCode, ...FindingCode[]]),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number().int()])),
  clause: z.string(),
  params: ReportParamsSchema,
});

/** One student's part of the report: the roster row, the student's number and name as read, its findings. */
export const StudentReportSchema = z.object({
  row: z.number().int().min(1),
  studentNumber: z.string().nullable(),
  name: z.string().nullable(),
  findings: z.array(ReportFindingSchema),
});

/** The photo folder as a whole. */
export const PhotosReportSchema = z.object({
  dir: z.string(),
  files: z.number().int().min(0),
  findings: z.array(ReportFindingSchema),
});

/** The window of the run (2.1), when the run was given an instant. */
export const WindowReportSchema = z.object({
  at: z.string(),
  findings: z.array(ReportFindingSchema),
});

/** The whole report. */
export const ReportSchema = z.object({
  batch: BatchSchema,
  window: WindowReportSchema.optional(),
  summary: z.object({
    students: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    byCode: z.partialRecord(z.enum(findingCodes as [FindingCode, ...FindingCode[]]), z.number().int().min(1)),
  }),
  students: z.array(StudentReportSchema),
  photos: PhotosReportSchema.optional(),
});
