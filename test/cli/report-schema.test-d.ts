import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type {
  PhotoFileEntry,
  PhotosReport,
  Report,
  ReportSummary,
  SkippedColumn,
  StudentReport,
  WindowReport,
} from "../../src/roster/report.js";
import type {
  PhotoFileEntrySchema,
  PhotosReportSchema,
  ReportSchema,
  ReportSummarySchema,
  SkippedColumnSchema,
  StudentReportSchema,
  WindowReportSchema,
} from "../../src/roster/report-schema.js";

// schemas/report.json is generated from ReportSchema: it must describe the package's own Report
// (what `xueli check --format json` prints and `checkRoster` returns), key for key, and accept every
// report the types allow.
describe("ReportSchema is the package's Report (13.3, 14.1)", () => {
  it("has the same keys at every level", () => {
    expectTypeOf<keyof z.output<typeof ReportSchema>>().toEqualTypeOf<keyof Report>();
    expectTypeOf<keyof z.output<typeof StudentReportSchema>>().toEqualTypeOf<keyof StudentReport>();
    expectTypeOf<keyof z.output<typeof PhotosReportSchema>>().toEqualTypeOf<keyof PhotosReport>();
    expectTypeOf<keyof z.output<typeof PhotoFileEntrySchema>>().toEqualTypeOf<keyof PhotoFileEntry>();
    expectTypeOf<keyof z.output<typeof WindowReportSchema>>().toEqualTypeOf<keyof WindowReport>();
    expectTypeOf<keyof z.output<typeof ReportSummarySchema>>().toEqualTypeOf<keyof ReportSummary>();
    expectTypeOf<keyof z.output<typeof SkippedColumnSchema>>().toEqualTypeOf<keyof SkippedColumn>();
    expectTypeOf<keyof z.output<typeof ReportSchema>["summary"]>().toEqualTypeOf<keyof Report["summary"]>();
  });

  it("accepts every report the types allow", () => {
    const report = {} as Report;
    const accepted: z.input<typeof ReportSchema> = report;
    expectTypeOf(accepted).not.toBeAny();
  });
});
