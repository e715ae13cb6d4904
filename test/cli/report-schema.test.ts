import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/roster/report-schema.js";
import { errorsAgainst } from "../helpers/json-schema.js";
import { AT, goodRow, headers, scratch, toCsv, xueli } from "./helpers.js";

/*
 * Real reports of `xueli check --format json` against the shipped schemas/report.json (issue 13.3),
 * read by ajv as a Java or Python platform's validator would read it, and against the zod
 * `ReportSchema` it is generated from.
 */
const errorsOf = errorsAgainst("report.json");

describe("xueli check --format json against schemas/report.json (13.3)", () => {
  it("the example report (window, photos, findings of every kind) validates", () => {
    const r = xueli(["check", "--example", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { window?: unknown; photos?: unknown; students: unknown[] };
    expect(report.window).toBeDefined();
    expect(report.photos).toBeDefined();
    expect(report.students).toHaveLength(20);
    expect(errorsOf(report)).toEqual([]);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it("a roster with a duplicate and a row that cannot be read, checked without --at, validates", () => {
    const dir = scratch();
    const file = join(dir, "roster.csv");
    const bad = { ...goodRow(2), 入学年度: "二〇一九", 证件号码: goodRow(1).证件号码 };
    writeFileSync(file, `${toCsv([goodRow(0), goodRow(1), bad], headers)}"unterminated,\r\n`);
    const r = xueli(["check", file, "--format", "json"]);
    const report = JSON.parse(r.stdout) as { window?: unknown; summary: { byCode: Record<string, number> } };
    expect(report.window).toBeUndefined();
    expect(Object.keys(report.summary.byCode).length).toBeGreaterThan(0);
    expect(errorsOf(report)).toEqual([]);
  });

  it("a report that lost its counts or has an unknown code does not validate (the check can fail)", () => {
    const report = JSON.parse(xueli(["check", "--example", "--format", "json", "--at", AT]).stdout);
    const { summary: _, ...noSummary } = report;
    expect(errorsOf(noSummary)).toEqual([" must have required property 'summary'"]);
    const renamed = structuredClone(report);
    renamed.summary.byCode = { "id.made-up": 1 };
    expect(errorsOf(renamed)).toContain("/summary/byCode property name must be valid");
  });
});
