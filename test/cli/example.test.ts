import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columns } from "../../src/roster/index.js";
import { root, scratch, xueli } from "./helpers.js";

interface Finding {
  code: string;
  severity: "error" | "warning";
  message: string;
  path: (string | number)[];
  clause?: string;
}
interface Report {
  batch: { id: string };
  window?: { at: string; findings: Finding[] };
  summary: {
    linesRead: number;
    students: number;
    photos: number;
    errors: number;
    warnings: number;
    byCode: Record<string, number>;
  };
  students: { row: number; studentNumber: string | null; name: string | null; findings: Finding[] }[];
  photos?: { dir: string; findings: Finding[] };
}

/** What the pinned file holds: per student the codes and paths, and the counts. */
function pinned(r: Report) {
  return {
    batch: r.batch.id,
    summary: r.summary,
    students: r.students.map((s) => ({
      row: s.row,
      studentNumber: s.studentNumber,
      findings: s.findings.map((f) => `${f.code} ${f.path.join(".")}`.trimEnd()),
    })),
    photos: r.photos?.findings.map((f) => `${f.code} ${f.path.join(".")}`.trimEnd()),
  };
}

const pinFile = new URL("./example-report.json", import.meta.url);

describe("xueli check --example", () => {
  const run = xueli(["check", "--example", "--format", "json"]);
  const report = JSON.parse(run.stdout) as Report;

  it("exits 1: the example has broken rows on purpose", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("prints exactly one object { batch, window, students, photos, summary } with complete findings", () => {
    // The summary comes last: the report is written student by student, the counts are known at the end.
    expect(Object.keys(report)).toEqual(["batch", "window", "students", "photos", "summary"]);
    // The example is judged at a fixed instant inside the window (2.1): checked once, for the run.
    expect(report.window).toEqual({ at: "2022-06-01T10:00:00+08:00", findings: [] });
    expect(Object.keys(report.summary)).toEqual([
      "linesRead",
      "students",
      "photos",
      "errors",
      "warnings",
      "byCode",
      "footer",
      "skipped",
    ]);
    expect(report.summary.students).toBe(20);
    // 14.6: the lines read (a header and 20 rows) and the photos checked are stated.
    expect(report.summary).toMatchObject({ linesRead: 21, photos: 20 });
    for (const s of report.students) {
      expect(Object.keys(s)).toEqual(["row", "studentNumber", "name", "findings"]);
      for (const f of s.findings) {
        expect(typeof f.message).toBe("string");
        expect(f.message).not.toBe("");
        expect(["error", "warning"]).toContain(f.severity);
        expect(f.clause).toMatch(/^\d(\.\d)*$/);
        expect(Array.isArray(f.path)).toBe(true);
      }
    }
    const all = [...report.students.flatMap((s) => s.findings), ...(report.photos?.findings ?? [])];
    expect(report.summary.errors).toBe(all.filter((f) => f.severity === "error").length);
    expect(report.summary.warnings).toBe(all.filter((f) => f.severity === "warning").length);
  });

  it("gives the pinned codes per student (test/cli/example-report.json)", () => {
    if (process.env.UPDATE_EXAMPLE) writeFileSync(pinFile, `${JSON.stringify(pinned(report), null, 2)}\n`);
    expect(pinned(report)).toEqual(JSON.parse(readFileSync(pinFile, "utf8")));
  });

  it("shows the main codes: ID checksum, origin levels, photo missing and size, conclusion, review", () => {
    const codes = new Set(Object.keys(report.summary.byCode));
    for (const c of [
      "id.checksum",
      "origin.levels",
      "photo.missing",
      "photo.dimensions",
      "conclusion.ineligible",
      "completion.explanation-missing",
      "origin.not-reviewed",
      "name-change.evidence",
      "ethnicity.renamed",
      "photo.orphan",
    ]) {
      expect(codes, c).toContain(c);
    }
  });

  it("is stable whatever the host's time zone (it is judged at 2022-06-01T10:00+08:00)", () => {
    for (const TZ of ["UTC", "America/Los_Angeles"]) {
      const r = xueli(["check", "--example", "--format", "json"], { env: { TZ } });
      expect(pinned(JSON.parse(r.stdout) as Report)).toEqual(pinned(report));
    }
  });

  it("reads in English with --lang en and as text by default", () => {
    const en = JSON.parse(xueli(["check", "--example", "--format", "json", "--lang", "en"]).stdout) as Report;
    const f = en.students.flatMap((s) => s.findings).find((x) => x.code === "photo.missing");
    expect(f?.message).toBe("No graduation-stage electronic photo has been uploaded");
    const text = xueli(["check", "--example"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("批次 ucas-2022-3，检查时刻 2022-06-01T10:00:00+08:00");
    expect(text.stdout).toContain("按代码统计：");
  });

  it("ships a template whose headers are the column table's (docs/roster.md)", () => {
    const template = readFileSync(new URL("../../examples/roster-template.csv", import.meta.url), "utf8");
    const head = template
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split(",");
    expect(head).toEqual(columns.map((c) => c.zh[0]));
  });
});

describe("the bundled example is generated, not hand-typed", () => {
  it("regenerating it with scripts/make-example.mjs changes nothing", () => {
    const out = join(scratch(), "examples");
    execFileSync(process.execPath, [join(root, "scripts/make-example.mjs"), out], { stdio: "pipe" });
    const committed = join(root, "examples");
    for (const f of ["roster.csv", "roster-template.csv"]) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(committed, f))), f).toBe(true);
    }
    const photos = readdirSync(join(committed, "photos")).sort();
    expect(readdirSync(join(out, "photos")).sort()).toEqual(photos);
    for (const p of photos) {
      const same = readFileSync(join(out, "photos", p)).equals(readFileSync(join(committed, "photos", p)));
      expect(same, `examples/photos/${p}: run node scripts/make-example.mjs`).toBe(true);
    }
  });
});
