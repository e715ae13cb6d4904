import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ORIGIN_INPUT_MAX } from "../../src/fields/origin/index.js";
import { getTable } from "../../src/fields/origin/table.js";
import { normalizeOriginText, validateOrigin } from "../../src/index.js";

describe("validateOrigin: every unit of the table in full form (3.3)", () => {
  const units = getTable().units;

  it("accepts all 2,846 county-level units of the newest edition, the county-less cities and 港澳台", () => {
    expect(units.filter((u) => u.county !== undefined && !u.statistical)).toHaveLength(2846);
    const failures: string[] = [];
    for (const u of units) {
      const r = validateOrigin(u.normalized);
      if (!r.ok || r.value.code !== u.code || r.value.normalized !== u.normalized)
        failures.push(u.normalized);
      // Only the statistical-only units (加格达奇区 …) come with a finding: their warning.
      expect(r.findings.map((f) => f.code)).toEqual(u.statistical ? ["origin.statistical-only"] : []);
    }
    expect(failures).toEqual([]);
  });

  it("accepts every full form with spaces between the levels and around it", () => {
    const failures: string[] = [];
    for (const u of units) {
      const spaced = ` ${[u.province, u.prefecture, u.county].filter(Boolean).join(" ")}\u3000`;
      const r = validateOrigin(spaced);
      if (!r.ok || r.value.normalized !== u.normalized) failures.push(spaced);
    }
    expect(failures).toEqual([]);
  });
});

describe("validateOrigin: the value on success", () => {
  it.each([
    [
      "河北省石家庄市正定县",
      { code: "130123", province: "河北省", prefecture: "石家庄市", county: "正定县" },
    ],
    ["北京市海淀区", { code: "110108", province: "北京市", county: "海淀区" }],
    ["重庆市城口县", { code: "500229", province: "重庆市", county: "城口县" }],
    ["河南省济源市", { code: "419001", province: "河南省", county: "济源市" }],
    ["湖北省仙桃市", { code: "429004", province: "湖北省", county: "仙桃市" }],
    ["湖北省神农架林区", { code: "429021", province: "湖北省", county: "神农架林区" }],
    ["海南省琼海市", { code: "469002", province: "海南省", county: "琼海市" }],
    ["新疆维吾尔自治区石河子市", { code: "659001", province: "新疆维吾尔自治区", county: "石河子市" }],
    ["广东省东莞市", { code: "441900", province: "广东省", prefecture: "东莞市" }],
    ["甘肃省嘉峪关市", { code: "620200", province: "甘肃省", prefecture: "嘉峪关市" }],
    [
      "山西省太原市万柏林区",
      { code: "140109", province: "山西省", prefecture: "太原市", county: "万柏林区" },
    ],
    ["香港特别行政区", { code: "810000", province: "香港特别行政区" }],
  ])("%s is complete (3.3)", (input, expected) => {
    expect(validateOrigin(input)).toEqual({
      ok: true,
      value: { ...expected, normalized: input },
      findings: [],
    });
  });

  it("normalizes spaces and full-width characters before the lookup (3.3)", () => {
    const r = validateOrigin("  北京市\u3000 海淀区 ");
    expect(r.ok && r.value.normalized).toBe("北京市海淀区");
    expect(normalizeOriginText(" 北京市 (海淀区) ")).toBe("北京市（海淀区）");
  });
});

describe("validateOrigin: wrong forms (3.3)", () => {
  const cases: [input: string, code: string, suggestion?: string][] = [
    // A level missing.
    ["河北省石家庄市", "origin.levels"],
    ["河北省正定县", "origin.levels", "河北省石家庄市正定县"],
    ["石家庄市正定县", "origin.levels", "河北省石家庄市正定县"],
    ["北京市", "origin.levels"],
    ["河北省", "origin.levels"],
    ["海淀区", "origin.levels", "北京市海淀区"],
    ["朝阳区", "origin.levels"], // 北京 and 长春 both have one
    ["东莞市", "origin.levels", "广东省东莞市"],
    ["济源市", "origin.levels", "河南省济源市"],
    ["万柏林区", "origin.levels", "山西省太原市万柏林区"],
    // Wrong shapes.
    ["北京海淀", "origin.format", "北京市海淀区"],
    ["北京市海淀", "origin.format", "北京市海淀区"],
    ["北京市北京市海淀区", "origin.format", "北京市海淀区"],
    ["北京市市辖区海淀区", "origin.format", "北京市海淀区"],
    ["北京市市辖区", "origin.format"],
    ["市辖区", "origin.format"],
    ["重庆市县城口县", "origin.format", "重庆市城口县"],
    ["河南省省直辖县级行政区划济源市", "origin.format", "河南省济源市"],
    ["新疆维吾尔自治区自治区直辖县级行政区划石河子市", "origin.format", "新疆维吾尔自治区石河子市"],
    ["海淀区北京市", "origin.format", "北京市海淀区"],
    ["河北省-石家庄市-正定县", "origin.format", "河北省石家庄市正定县"],
    ["河北省/石家庄市/正定县", "origin.format", "河北省石家庄市正定县"],
    ["河北石家庄正定", "origin.format", "河北省石家庄市正定县"],
    ["石家庄正定", "origin.format", "河北省石家庄市正定县"],
    ["太原万柏林", "origin.format", "山西省太原市万柏林区"],
    ["上海浦东", "origin.format", "上海市浦东新区"],
    ["重庆石柱", "origin.format", "重庆市石柱土家族自治县"],
    ["内蒙古呼和浩特新城区", "origin.format", "内蒙古自治区呼和浩特市新城区"],
    ["北京市海淀区中关村街道", "origin.format", "北京市海淀区"],
    ["北京市海淀区1号", "origin.format", "北京市海淀区"],
    ["甘肃省嘉峪关市雄关街道", "origin.format", "甘肃省嘉峪关市"],
    ["香港", "origin.format", "香港特别行政区"],
    ["台湾省台北市", "origin.format", "台湾省"],
    ["abc", "origin.format"],
    ["110108", "origin.format", "北京市海淀区"],
    ["441900", "origin.format", "广东省东莞市"],
    ["999999", "origin.format"],
    // Names not in the table, renamed units included.
    ["北京市密云县", "origin.unknown", "北京市密云区"],
    ["北京市昌平县", "origin.unknown", "北京市昌平区"],
    ["上海市崇明县", "origin.unknown", "上海市崇明区"],
    ["四川省成都市双流县", "origin.unknown", "四川省成都市双流区"],
    ["浙江省温州市乐清县", "origin.unknown", "浙江省温州市乐清市"],
    ["湖北省襄樊市襄城区", "origin.unknown", "湖北省襄阳市襄城区"],
    ["北京市海定区", "origin.unknown"],
    // Names that exist, but not together.
    ["江苏省南京市浦东新区", "origin.mismatch"],
    ["河北省海淀区", "origin.mismatch"],
    ["河北省南京市玄武区", "origin.mismatch"],
    ["江苏南京浦东", "origin.mismatch"],
  ];

  it.each(cases)("%s → %s %s", (input, code, suggestion) => {
    const r = validateOrigin(input);
    expect(r.ok).toBe(false);
    const params: Record<string, unknown> = { received: input };
    if (suggestion !== undefined) params.suggestion = suggestion;
    expect(r.findings).toEqual([
      expect.objectContaining({ code, severity: "error", clause: "3.3", path: [], params }),
    ]);
  });

  it("gives origin.empty for an empty or blank string, null and undefined (3.3)", () => {
    for (const input of ["", "   ", "\u3000", null, undefined]) {
      const r = validateOrigin(input);
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => f.code)).toEqual(["origin.empty"]);
    }
  });

  it("gives origin.format for a value that is not a string, never throwing (3.3)", () => {
    for (const input of [42, true, [], {}, JSON.parse('{"__proto__":{"x":1}}'), Symbol("s"), 10n]) {
      const r = validateOrigin(input);
      expect(r.findings.map((f) => f.code)).toEqual(["origin.format"]);
    }
  });

  it("writes the suggestion into the message, in zh-CN and en (3.3)", () => {
    expect(validateOrigin("北京海淀").findings[0]?.message).toBe(
      "生源地写法不合法（收到 北京海淀；建议 北京市海淀区）",
    );
    expect(validateOrigin("北京海淀", { locale: "en" }).findings[0]?.message).toBe(
      "The origin is not written in an accepted form (received 北京海淀; suggestion 北京市海淀区)",
    );
  });

  it("never throws and gives exactly one origin finding for any string (3.3)", () => {
    const names = getTable().divisions.map((d) => d.name);
    const piece = fc.oneof(
      fc.constantFrom(...names),
      fc.string({ maxLength: 4 }),
      fc.constantFrom("市辖区", "县", " "),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (parts) => {
        const r = validateOrigin(parts.join(""));
        if (r.ok) expect(r.findings.every((f) => f.code === "origin.statistical-only")).toBe(true);
        else expect(r.findings).toHaveLength(1);
        for (const f of r.findings) expect(f.code.startsWith("origin.")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("validateOrigin: bounded work on a long value (issue 12.2, 3.3)", () => {
  it("a value longer than ORIGIN_INPUT_MAX is origin.format before it is folded or searched", () => {
    const input = `北京市海淀区${" ".repeat(ORIGIN_INPUT_MAX)}`;
    const replace = vi.spyOn(String.prototype, "replace");
    try {
      const r = validateOrigin(input);
      expect(r.findings.map((f) => [f.code, f.clause])).toEqual([["origin.format", "3.3"]]);
      expect(replace).not.toHaveBeenCalled();
    } finally {
      replace.mockRestore();
    }
    // At the cap, spaces and all, it is still read.
    expect(validateOrigin(`北京市海淀区${" ".repeat(ORIGIN_INPUT_MAX - 6)}`).ok).toBe(true);
  });
});
