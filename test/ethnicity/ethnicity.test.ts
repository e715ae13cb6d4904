import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseGroups, renderEthnicityModule, sourceUrl, targetUrl } from "../../scripts/gen-ethnicity.mjs";
import { ethnicGroups, validateEthnicity } from "../../src/index.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe("validateEthnicity (GB/T 3304-1991, 3.1)", () => {
  it("holds the 56 groups 01-56 plus 97 其他 and 98 外国血统中国籍人士", () => {
    expect(ethnicGroups).toHaveLength(58);
    expect(ethnicGroups.map((g) => g.code)).toEqual([
      ...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, "0")),
      "97",
      "98",
    ]);
    expect(ethnicGroups[0]).toEqual({ code: "01", name: "汉族", romanized: "Han", letter: "HA" });
    expect(ethnicGroups[55]?.name).toBe("基诺族");
  });

  it("accepts a code as a string or a number, the full name, and the name without 族", () => {
    for (const v of ["01", "1", 1, "汉族", "汉", " 汉族 ", "０１"]) {
      expect(validateEthnicity(v), String(v)).toEqual({
        ok: true,
        value: { code: "01", name: "汉族" },
        findings: [],
      });
    }
    expect(validateEthnicity("维吾尔").value).toEqual({ code: "05", name: "维吾尔族" });
    expect(validateEthnicity("土").value).toEqual({ code: "30", name: "土族" });
    expect(validateEthnicity(56).value).toEqual({ code: "56", name: "基诺族" });
    expect(validateEthnicity("97").value).toEqual({ code: "97", name: "其他" });
    expect(validateEthnicity("其它").value).toEqual({ code: "97", name: "其他" });
    expect(validateEthnicity(98).value).toEqual({ code: "98", name: "外国血统中国籍人士" });
  });

  it("warns that 崩龙族 is now 德昂族 and 毛难族 is now 毛南族 (ethnicity.renamed), giving the current group", () => {
    const r = validateEthnicity("崩龙族");
    expect(r).toEqual({
      ok: true,
      value: { code: "46", name: "德昂族" },
      findings: [
        expect.objectContaining({
          code: "ethnicity.renamed",
          severity: "warning",
          clause: "3.1",
          path: [],
          params: { received: "崩龙族", suggestion: "德昂族", code: "46" },
        }),
      ],
    });
    const m = validateEthnicity("毛难", { locale: "en" });
    expect(m.value).toEqual({ code: "36", name: "毛南族" });
    expect(m.findings[0]?.message).toBe(
      "The ethnic group has been renamed: use its current name (received 毛难; suggestion 毛南族)",
    );
    expect(codes(validateEthnicity("德昂族"))).toEqual([]);
  });

  it("refuses anything else with ethnicity.unknown", () => {
    for (const v of [
      "00",
      0,
      57,
      "57",
      99,
      1.5,
      -1,
      "火星族",
      "族",
      "Han",
      "穿青人",
      "汉".repeat(101),
      {},
      [],
    ]) {
      const r = validateEthnicity(v as string);
      expect(r.ok, String(v)).toBe(false);
      expect(r.findings, String(v)).toEqual([
        expect.objectContaining({ code: "ethnicity.unknown", severity: "error", clause: "3.1", path: [] }),
      ]);
    }
    expect(validateEthnicity("火星族").findings[0]?.params).toEqual({ received: "火星族" });
  });

  it("refuses nothing at all with ethnicity.empty: empty, blank, null, undefined (3.1)", () => {
    for (const v of ["", "  ", "\u3000", null, undefined]) {
      const r = validateEthnicity(v as string);
      expect(r, String(v)).toEqual({
        ok: false,
        findings: [
          expect.objectContaining({
            code: "ethnicity.empty",
            severity: "error",
            clause: "3.1",
            path: [],
            params: {},
            message: "民族为空（只有持护照的外籍学生可以不填）",
          }),
        ],
      });
    }
    expect(validateEthnicity("", { locale: "en" }).findings[0]?.message).toBe(
      "The ethnic group is empty (only passport holders may leave it out)",
    );
  });
});

describe("the ethnic-group table is generated from one source", () => {
  it("src/ethnicity/groups.data.ts is what scripts/gen-ethnicity.mjs renders from the TSV", () => {
    const tsv = readFileSync(sourceUrl, "utf8");
    expect(readFileSync(targetUrl, "utf8")).toBe(renderEthnicityModule(tsv));
    expect(parseGroups(tsv).filter((g) => g.former !== undefined)).toEqual([
      { code: "36", name: "毛南族", romanized: "Maonan", letter: "MN", former: "毛难族" },
      { code: "46", name: "德昂族", romanized: "Deang", letter: "DE", former: "崩龙族" },
    ]);
  });

  it("running the script into a temporary path writes the same file", () => {
    const dir = mkdtempSync(join(tmpdir(), "gen-ethnicity-"));
    const out = join(dir, "groups.data.ts");
    execFileSync(process.execPath, [
      new URL("../../scripts/gen-ethnicity.mjs", import.meta.url).pathname,
      out,
    ]);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(targetUrl, "utf8"));
  });
});

describe("validateEthnicity: bounded work on a long value (issue 12.2, 3.1)", () => {
  it("a value longer than any group's name is ethnicity.unknown before any folding or regex", () => {
    const replace = vi.spyOn(String.prototype, "replace");
    try {
      const r = validateEthnicity(`${" ".repeat(50_000)}汉族`);
      expect(r.findings.map((f) => f.code)).toEqual(["ethnicity.unknown"]);
      expect(replace).not.toHaveBeenCalled();
    } finally {
      replace.mockRestore();
    }
    expect(validateEthnicity(" 汉 族 ").value).toEqual({ code: "01", name: "汉族" });
  });
});
