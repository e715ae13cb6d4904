import * as z from "zod";
import { BatchSchema } from "../entities/batch.js";
import { type FindingCode, findingCodes } from "../findings/index.js";

/*
 * The report of checking a roster (`xueli check --format json`, `checkRoster`) as a zod schema: the
 * one description that schemas/report.json is generated from (scripts/json-schemas.ts) and that a
 * type test holds to `Report` (./report.ts), key for key. Nothing of the package loads it (it is not
 * exported: zod's full build stays out of a page's bundle); the generator and the tests do.
 */

const codeSchema = z.enum(findingCodes as [FindingCode, ...FindingCode[]]);

/**
 * A finding's params: an object of the code's raw data (`FindingParams`, one shape per code). A
 * JSON Schema says `{ "type": "object" }` of it (scripts/json-schemas.ts).
 */
export const ReportParamsSchema = z.custom<object>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
);

/** One finding as the report writes it (the shape of `Finding`; params are the code's raw data). */
export const ReportFindingSchema = z.object({
  code: codeSchema,
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

/** One file of the photo folder. */
export const PhotoFileEntrySchema = z.object({
  fileName: z.string(),
  studentNumber: z.string().nullable(),
  row: z.number().int().min(1).nullable(),
  findings: z.array(ReportFindingSchema),
});

/** The photo folder as a whole. */
export const PhotosReportSchema = z.object({
  dir: z.string(),
  files: z.number().int().min(0),
  fileList: z.array(PhotoFileEntrySchema),
  findings: z.array(ReportFindingSchema),
});

/** The window of the run (2.1), when the run was given an instant. */
export const WindowReportSchema = z.object({
  at: z.string(),
  findings: z.array(ReportFindingSchema),
});

/** A column the roster lacks and the rules skipped for want of it. */
export const SkippedColumnSchema = z.object({
  key: z.string(),
  header: z.string(),
  codes: z.array(codeSchema),
});

/** The counts and facts that end the report. */
export const ReportSummarySchema = z.object({
  linesRead: z.number().int().min(0),
  students: z.number().int().min(0),
  photos: z.number().int().min(0),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  byCode: z.partialRecord(codeSchema, z.number().int().min(1)),
  sheet: z
    .object({ name: z.string(), index: z.number().int().min(1), count: z.number().int().min(1) })
    .optional(),
  footer: z.object({ count: z.number().int().min(0), rows: z.array(z.number().int().min(1)) }),
  skipped: z.array(SkippedColumnSchema),
});

/** The whole report. */
export const ReportSchema = z.object({
  batch: BatchSchema,
  window: WindowReportSchema.optional(),
  students: z.array(StudentReportSchema),
  photos: PhotosReportSchema.optional(),
  summary: ReportSummarySchema,
});
