import { describe, expect, it } from "vitest";
import { determineOrigin, type OriginFacts, validateOrigin } from "../../src/index.js";

const code = (r: ReturnType<typeof determineOrigin>) => r.findings.map((f) => [f.code, f.severity, f.path]);

describe("determineOrigin (3.3.5)", () => {
  it("takes the household before the gaokao in general (3.3.5)", () => {
    const r = determineOrigin({ gaokaoHousehold: "河北省 石家庄市 正定县" });
    expect(r).toEqual({
      ok: true,
      value: {
        rule: "gaokao",
        from: ["gaokaoHousehold"],
        origin: {
          code: "130123",
          province: "河北省",
          prefecture: "石家庄市",
          county: "正定县",
          normalized: "河北省石家庄市正定县",
        },
      },
      findings: [],
    });
  });

  it("takes the bachelor's origin for continuous study from the bachelor's (3.3.5)", () => {
    const r = determineOrigin({
      gaokaoHousehold: "河北省石家庄市正定县",
      continuousFromBachelor: true,
      bachelorOrigin: "山西省太原市万柏林区",
    });
    expect(r.ok && [r.value.rule, r.value.from, r.value.origin.normalized]).toEqual([
      "bachelor-continuous",
      ["bachelorOrigin"],
      "山西省太原市万柏林区",
    ]);
    const g = determineOrigin({ gaokaoHousehold: "河北省石家庄市正定县", continuousFromBachelor: true });
    expect(g.ok && [g.value.rule, g.value.from]).toEqual(["bachelor-continuous", ["gaokaoHousehold"]]);
  });

  it("takes the workplace where the household was settled there and not moved to the school (3.3.5)", () => {
    const r = determineOrigin({
      gaokaoHousehold: "河北省石家庄市正定县",
      priorWork: {
        settledAtWorkplace: true,
        workplaceHousehold: "广东省东莞市",
        movedToSchoolCollective: false,
      },
    });
    expect(r.ok && [r.value.rule, r.value.from, r.value.origin.code]).toEqual([
      "workplace",
      ["priorWork", "workplaceHousehold"],
      "441900",
    ]);
  });

  it("falls back to the gaokao household when the work did not move the household (3.3.5)", () => {
    const r = determineOrigin({ gaokaoHousehold: "河南省济源市", priorWork: { settledAtWorkplace: false } });
    expect(r.ok && r.value.rule).toBe("gaokao");
  });

  const collective: OriginFacts = {
    gaokaoHousehold: "河北省石家庄市正定县",
    bachelorOrigin: "湖北省仙桃市",
    priorWork: {
      settledAtWorkplace: true,
      workplaceHousehold: "北京市海淀区",
      movedToSchoolCollective: true,
    },
  };

  it("Beijing example: moved into the school's collective and employed → Beijing, with origin.local-policy (3.3.5)", () => {
    const r = determineOrigin({ ...collective, employed: true });
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({
      rule: "collective-local-policy",
      policy: "beijing-employed",
      from: ["priorWork", "workplaceHousehold"],
      origin: { normalized: "北京市海淀区" },
    });
    expect(code(r)).toEqual([["origin.local-policy", "warning", ["priorWork", "movedToSchoolCollective"]]]);
    expect(r.findings[0]?.clause).toBe("3.3.5");
  });

  it("Beijing example: not employed → back to the bachelor's origin, with origin.local-policy (3.3.5)", () => {
    const r = determineOrigin({ ...collective, employed: false });
    expect(r.value).toMatchObject({
      rule: "collective-local-policy",
      policy: "beijing-not-employed",
      from: ["bachelorOrigin"],
      origin: { normalized: "湖北省仙桃市" },
    });
    expect(code(r)).toEqual([["origin.local-policy", "warning", ["priorWork", "movedToSchoolCollective"]]]);
  });

  it("cannot decide without the employment, nor for another place's policy (3.3.5)", () => {
    const unknownJob = determineOrigin(collective);
    expect(unknownJob.ok).toBe(false);
    expect(code(unknownJob)).toEqual([
      ["origin.local-policy", "warning", ["priorWork", "movedToSchoolCollective"]],
      ["origin.undetermined", "error", []],
    ]);
    expect(unknownJob.findings[1]?.params).toEqual({ missing: ["employed"] });
    const elsewhere = determineOrigin({
      ...collective,
      priorWork: {
        settledAtWorkplace: true,
        workplaceHousehold: "上海市浦东新区",
        movedToSchoolCollective: true,
      },
      employed: true,
    });
    expect(code(elsewhere)).toEqual([
      ["origin.local-policy", "warning", ["priorWork", "movedToSchoolCollective"]],
      ["origin.undetermined", "error", []],
    ]);
  });

  it("validates the origin it takes, at the fact's path (3.3)", () => {
    const r = determineOrigin({ gaokaoHousehold: "北京市密云县" });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "origin.unknown",
        path: ["gaokaoHousehold"],
        params: { received: "北京市密云县", suggestion: "北京市密云区" },
      }),
    ]);
    const w = determineOrigin({ priorWork: { settledAtWorkplace: true, workplaceHousehold: "北京海淀" } });
    expect(code(w)).toEqual([["origin.format", "error", ["priorWork", "workplaceHousehold"]]]);
  });

  it("gives origin.undetermined with the missing fact, and schema.invalid for bad facts, never throwing", () => {
    expect(determineOrigin({}).findings.map((f) => [f.code, f.params])).toEqual([
      ["origin.undetermined", { missing: ["gaokaoHousehold"] }],
    ]);
    expect(code(determineOrigin(null as never))).toEqual([["schema.invalid", "error", []]]);
    expect(code(determineOrigin({ employed: "yes" } as never))).toEqual([
      ["schema.invalid", "error", ["employed"]],
    ]);
    expect(code(determineOrigin({ priorWork: [] } as never))).toEqual([
      ["schema.invalid", "error", ["priorWork"]],
    ]);
    expect(code(determineOrigin(JSON.parse('{"__proto__":{"gaokaoHousehold":"北京市海淀区"}}')))).toEqual([
      ["origin.undetermined", "error", []],
    ]);
  });
});

describe("determineOrigin and validateOrigin read untrusted input once, defensively (issue 12.8, 3.3.5)", () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwingGetter = (key: string, base: Record<string, unknown> = {}) =>
    Object.defineProperty({ ...base }, key, {
      enumerable: true,
      get() {
        throw new TypeError(`getter ${key}`);
      },
    });

  it("validateOrigin(revoked Proxy) is origin.format, never a TypeError (3.3)", () => {
    expect(validateOrigin(revoked()).findings.map((f) => [f.code, f.params])).toEqual([
      ["origin.format", { received: "object" }],
    ]);
  });

  it("facts whose getters throw, or a revoked Proxy, are schema.invalid (unreadable) at [] (3.3.5)", () => {
    for (const facts of [
      revoked(),
      throwingGetter("gaokaoHousehold"),
      throwingGetter("priorWork", { gaokaoHousehold: "北京市海淀区" }),
      { priorWork: revoked() },
      { priorWork: throwingGetter("settledAtWorkplace") },
    ]) {
      expect(determineOrigin(facts as never).findings.map((f) => [f.code, f.path, f.params])).toEqual([
        ["schema.invalid", [], { expected: "OriginFacts", reason: "unreadable" }],
      ]);
    }
  });

  it("a revoked Proxy as a fact's value is that fact's origin.format (3.3.5)", () => {
    expect(
      determineOrigin({ gaokaoHousehold: revoked() as never }).findings.map((f) => [f.code, f.path]),
    ).toEqual([["origin.format", ["gaokaoHousehold"]]]);
  });

  it("reads each fact once: a getter that answers differently each time cannot change the rule under it", () => {
    let reads = 0;
    const facts = Object.defineProperty({}, "gaokaoHousehold", {
      enumerable: true,
      get() {
        reads++;
        return reads === 1 ? "北京市海淀区" : "not an origin";
      },
    });
    const r = determineOrigin(facts);
    expect(reads).toBe(1);
    expect(r.value?.origin.normalized).toBe("北京市海淀区");
  });
});
