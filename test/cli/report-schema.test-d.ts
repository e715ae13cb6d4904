import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type { PhotosReport, Report, StudentReport, WindowReport } from "../../src/cli/check.js";
import type {
  PhotosReportSchema,
  ReportSchema,
  StudentReportSchema,
  WindowReportSchema,
} from "../../src/cli/report-schema.js";

// schemas/report.json is generated from ReportSchema: it must describe the CLI's own Report, key
// for key, and accept every report the CLI's types allow.
describe("ReportSchema is the CLI's Report (13.3)", () => {
  it("has the same keys at every level", () => {
    expectTypeOf<keyof z.output<typeof ReportSchema>>().toEqualTypeOf<keyof Report>();
    expectTypeOf<keyof z.output<typeof StudentReportSchema>>().toEqualTypeOf<keyof StudentReport>();
    expectTypeOf<keyof z.output<typeof PhotosReportSchema>>().toEqualTypeOf<keyof PhotosReport>();
    expectTypeOf<keyof z.output<typeof WindowReportSchema>>().toEqualTypeOf<keyof WindowReport>();
    expectTypeOf<keyof z.output<typeof ReportSchema>["summary"]>().toEqualTypeOf<keyof Report["summary"]>();
  });

  it("accepts every report the CLI's types allow", () => {
    const report = {} as Report;
    const accepted: z.input<typeof ReportSchema> = report;
    expectTypeOf(accepted).not.toBeAny();
  });
});
