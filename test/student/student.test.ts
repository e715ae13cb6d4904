import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StudentInput, ucas2022Batch3, validateStudent } from "../../src/index.js";
import { makeLegacyId, makeResidentId } from "../helpers/ids.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const batch = ucas2022Batch3;

function student(overrides: Record<string, unknown> = {}): StudentInput {
  return {
    studentNumber: "2019E8012345001",
    name: "张三",
    sex: "female",
    ethnicity: "汉族",
    id: {
      type: "resident",
      number: makeResidentId({ region: "130123", birth: "19960315", seq: 24, sex: "female" }),
    },
    degreeLevel: "doctor",
    trainingUnit: "计算技术研究所",
    admissionYear: 2019,
    origin: { value: "河北省石家庄市正定县", reviewed: true },
    photo: { uploaded: true },
    study: { creditsComplete: true, requiredSegmentsComplete: true, thesisComplete: true, defense: "passed" },
    ...overrides,
  } as StudentInput;
}

describe("validateStudent (3.1)", () => {
  it("accepts a complete student with no findings and fills in the defaults", () => {
    const r = validateStudent(student(), { batch });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value?.study.withinMaxStudyPeriod).toBe(true);
    expect(r.value?.name).toBe("张三");
  });

  it("returns the normalized student: ID number, name, ethnic group's name", () => {
    const id = makeResidentId({ birth: "19960315", seq: 25, sex: "male" });
    const r = validateStudent(
      student({
        name: " 阿依古丽・买买提",
        sex: "male",
        ethnicity: 5,
        id: { type: "resident", number: ` ${id.toLowerCase()} ` },
      }),
      { batch },
    );
    expect(codes(r)).toEqual(["name.whitespace"]);
    expect(r.findings[0]?.path).toEqual(["name"]);
    expect(r.value?.name).toBe("阿依古丽·买买提");
    expect(r.value?.ethnicity).toBe("维吾尔族");
    expect(r.value?.id).toEqual({ type: "resident", number: id });
  });

  it("registers a legacy 15-digit number in its 18-digit form as a resident number, with id.legacy", () => {
    const legacy = makeLegacyId({ birth: "19700101", seq: 30 });
    const r = validateStudent(student({ id: { type: "resident-15", number: legacy } }), { batch });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([expect.objectContaining({ code: "id.legacy", path: ["id", "number"] })]);
    expect(r.value?.id).toEqual({ type: "resident", number: makeResidentId({ birth: "19700101", seq: 30 }) });
  });

  it("applies every field validator at its path", () => {
    const r = validateStudent(
      student({
        name: "张三3",
        ethnicity: "火星族",
        id: { type: "resident", number: `${makeResidentId().slice(0, 17)}Y` },
        origin: { value: "  ", reviewed: false },
      }),
      { batch },
    );
    expect(r.ok).toBe(false);
    expect(r.value).toBeDefined();
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["id.format", ["id", "number"]],
      ["name.characters", ["name"]],
      ["ethnicity.unknown", ["ethnicity"]],
      ["origin.empty", ["origin", "value"]],
    ]);
  });

  it("validates the origin with validateOrigin at [origin, value] and keeps its normalized form (3.3)", () => {
    const spaced = validateStudent(student({ origin: { value: "河北省 石家庄市 正定县", reviewed: true } }), {
      batch,
    });
    expect(spaced.findings).toEqual([]);
    expect(spaced.value?.origin).toEqual({ value: "河北省石家庄市正定县", reviewed: true });
    const old = validateStudent(student({ origin: { value: "北京市密云县", reviewed: true } }), { batch });
    expect(old.findings).toEqual([
      expect.objectContaining({ code: "origin.unknown", path: ["origin", "value"], clause: "3.3" }),
    ]);
    expect(
      codes(validateStudent(student({ origin: { value: "河北省", reviewed: true } }), { batch })),
    ).toEqual(["origin.levels"]);
  });

  it("checks the number against the declared id.type", () => {
    const r = validateStudent(student({ id: { type: "passport", number: makeResidentId() } }), { batch });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "id.format",
        path: ["id", "number"],
        params: expect.objectContaining({ type: "passport" }),
      }),
    ]);
    const hk = validateStudent(student({ id: { type: "hk-macao-permit", number: "h12345678" } }), { batch });
    expect(hk.findings).toEqual([]);
    expect(hk.value?.id).toEqual({ type: "hk-macao-permit", number: "H12345678" });
  });

  it("refuses a sex that disagrees with the ID number's sequence digit (id.sex-mismatch, 3.1)", () => {
    const r = validateStudent(student({ sex: "male" }), { batch });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        code: "id.sex-mismatch",
        severity: "error",
        clause: "3.1",
        path: ["sex"],
        params: { expected: "female", received: "male" },
        message: "性别与身份证号码不符（号码第17位表示女，填写为男）",
      },
    ]);
    // Not reported when the number itself is wrong: its sex digit cannot be trusted.
    const bad = makeResidentId({ sex: "female" });
    const wrong = bad.slice(0, 17) + (bad[17] === "0" ? "1" : "0");
    expect(
      codes(validateStudent(student({ sex: "male", id: { type: "resident", number: wrong } }), { batch })),
    ).toEqual(["id.checksum"]);
  });

  it("evaluates the age rule on the batch's e-registration date (2022-06-10)", () => {
    const id = makeResidentId({ birth: "20080611", sex: "female" });
    const r = validateStudent(student({ id: { type: "resident", number: id } }), { batch });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "id.birth-date",
        path: ["id", "number"],
        params: { received: "2008-06-11", reason: "too-young", minAge: 14 },
      }),
    ]);
    expect(
      codes(validateStudent(student({ id: { type: "resident", number: id } }), { asOf: "2022-06-11" })),
    ).toEqual([]);
  });

  it("turns zod issues into schema.invalid findings at their paths (3.1)", () => {
    const r = validateStudent(student({ degreeLevel: "bachelor", admissionYear: "2019" }));
    expect(r.ok).toBe(false);
    expect(r.value).toBeUndefined();
    expect(r.findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      ["schema.invalid", ["degreeLevel"], "3.1"],
      ["schema.invalid", ["admissionYear"], "3.1"],
    ]);
  });

  it("still runs the field validators on the fields present when the shape is wrong", () => {
    const input = {
      name: "张三2",
      sex: "male",
      ethnicity: "崩龙族",
      id: { number: makeResidentId({ sex: "female" }) },
      origin: { value: "" },
    };
    const r = validateStudent(input, { batch });
    const fieldFindings = r.findings.filter((f) => f.code !== "schema.invalid").map((f) => [f.code, f.path]);
    expect(fieldFindings).toEqual([
      ["id.sex-mismatch", ["sex"]],
      ["name.characters", ["name"]],
      ["ethnicity.renamed", ["ethnicity"]],
      ["origin.empty", ["origin", "value"]],
    ]);
    expect(r.findings.filter((f) => f.code === "schema.invalid").map((f) => f.path)).toContainEqual([
      "studentNumber",
    ]);
    expect(r.findings.filter((f) => f.code === "schema.invalid").map((f) => f.path)).toContainEqual([
      "id",
      "type",
    ]);
  });

  it("does not run a field validator on a field of the wrong type (schema.invalid says it once)", () => {
    const r = validateStudent(student({ name: 42, ethnicity: true }), { batch });
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["schema.invalid", ["name"]],
      ["schema.invalid", ["ethnicity"]],
    ]);
  });

  it("never throws on arbitrary input, and pollutes nothing", () => {
    const inputs: unknown[] = [
      null,
      undefined,
      0,
      42,
      "student",
      [],
      [student()],
      {},
      () => 1,
      Symbol("s"),
      JSON.parse('{"__proto__": {"polluted": true}, "name": "张三"}'),
      JSON.parse(
        '{"constructor": {"prototype": {"polluted": true}}, "id": {"__proto__": {"polluted": true}}}',
      ),
      Object.create(null),
      new Proxy(
        {},
        {
          get() {
            throw new Error("boom");
          },
          getOwnPropertyDescriptor() {
            throw new Error("boom");
          },
        },
      ),
      { ...student(), name: { toString: () => "张三" } },
    ];
    for (const v of inputs) {
      const r = validateStudent(v);
      expect(r.ok, String(typeof v)).toBe(false);
      expect(r.findings.length).toBeGreaterThan(0);
      // The record's own clause (3.1), or 3.3 for the origin an absent one reads as (empty).
      expect(
        r.findings.every((f) => typeof f.message === "string" && (f.clause === "3.1" || f.clause === "3.3")),
      ).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("property: anything at all, or a student with any one field replaced, gives a Result", () => {
    const keys = ["name", "sex", "ethnicity", "id", "origin", "study", "photo", "admissionYear", "__proto__"];
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withSet: true }),
        fc.constantFrom(...keys),
        (junk, key) => {
          for (const input of [
            junk,
            { ...student(), [key]: junk },
            { ...student(), id: { type: "resident", number: junk } },
          ]) {
            const r = validateStudent(input, { batch });
            expect(r.ok).toBe(!r.findings.some((f) => f.severity === "error"));
            for (const f of r.findings) expect(typeof f.message).toBe("string");
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("leaves its input unchanged", () => {
    const input = student({ name: " 张三 " });
    const copy = structuredClone(input);
    validateStudent(input, { batch });
    expect(input).toEqual(copy);
  });

  it("gives messages in en per call", () => {
    const r = validateStudent(student({ sex: "male" }), { batch, locale: "en" });
    expect(r.findings[0]?.message).toBe(
      "The sex does not match the ID number (its 17th digit says female, the record says male)",
    );
  });
});
