import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRulesDoc } from "../../scripts/render-rules-doc.mjs";
import { locales, toResult } from "../../src/findings/index.js";
import { explain, finding, findingCodes, isFindingCode, rules, XueliError } from "../../src/index.js";

describe("rule catalogue", () => {
  it("has one entry per code, each with a clause and both titles", () => {
    expect(rules.map((r) => r.code)).toEqual(findingCodes);
    expect(new Set(findingCodes).size).toBe(findingCodes.length);
    for (const r of rules) {
      expect(r.clause, r.code).toMatch(/^\d+(\.\d+)*$/);
      expect(r.title["zh-CN"], r.code).toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.en, r.code).toMatch(/^[A-Z]/);
      expect(["error", "warning"]).toContain(r.severity);
    }
  });

  it("explains a code with its clause, titles and the notice's sentence", () => {
    const e = explain("photo.missing");
    expect(e.clause).toBe("2.1.1.1");
    expect(e.severity).toBe("error");
    expect(e.title.en).toBe("No graduation-stage electronic photo has been uploaded");
    expect(e.notice).toContain("不能“暂存”");
  });

  it("throws a XueliError only for a code that does not exist (a programmer error)", () => {
    // @ts-expect-error not a finding code
    expect(() => explain("nope.nothing")).toThrow(XueliError);
    expect(isFindingCode("id.checksum")).toBe(true);
    expect(isFindingCode("toString")).toBe(false);
    expect(isFindingCode(42)).toBe(false);
  });

  it("docs/rules.md is what the catalogue generates (UPDATE_DOCS=1 npx vitest run test/rules rewrites it)", () => {
    const target = new URL("../../docs/rules.md", import.meta.url);
    if (process.env.UPDATE_DOCS === "1") writeFileSync(target, renderRulesDoc(rules));
    expect(readFileSync(target, "utf8")).toBe(renderRulesDoc(rules));
  });
});

describe("findings and locales", () => {
  it("builds messages in zh-CN by default and in en per call, with params", () => {
    const zh = finding("origin.levels", ["origin", "value"], { received: "河北省石家庄市" });
    expect(zh).toEqual({
      code: "origin.levels",
      severity: "error",
      clause: "3.3",
      path: ["origin", "value"],
      params: { received: "河北省石家庄市" },
      message: "生源地须填写省市区（县）三级信息（收到 河北省石家庄市）",
    });
    const params = { received: "河北省正定县", suggestion: "河北省石家庄市正定县" };
    const en = finding("origin.levels", [], params, { locale: "en" });
    expect(en.message).toBe(
      "The origin must name province, prefecture and county (received 河北省正定县; suggestion 河北省石家庄市正定县)",
    );
    // The previous call's locale did not stick: locale is per call, never global.
    expect(finding("origin.levels", [], params).message).toBe(
      "生源地须填写省市区（县）三级信息（收到 河北省正定县；建议 河北省石家庄市正定县）",
    );
    expect(finding("origin.not-reviewed", []).message).toBe("生源地尚未复核，暂存前须完成复核");
  });

  it("refuses an unknown locale as a programmer error", () => {
    // @ts-expect-error not a locale
    expect(() => finding("id.format", [], { received: "1" }, { locale: "fr" })).toThrow(XueliError);
  });

  it("every locale table covers every code", () => {
    for (const table of Object.values(locales))
      expect(Object.keys(table).sort()).toEqual([...findingCodes].sort());
  });

  it("ok is true exactly when no finding is an error", () => {
    const legacy = finding("id.legacy", [], {
      received: "110108980512101",
      suggestion: "110108199805121010",
    });
    expect(legacy.severity).toBe("warning");
    expect(toResult(1, [legacy]).ok).toBe(true);
    expect(toResult(1, [legacy, finding("id.format", [], { received: "1" })]).ok).toBe(false);
    expect(toResult(undefined, [])).toEqual({ ok: false, findings: [] });
  });
});
