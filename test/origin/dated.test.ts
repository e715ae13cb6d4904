import { describe, expect, it } from "vitest";
import {
  checkStudentRegistration,
  createRegistration,
  determineOrigin,
  divisionEditions,
  editOrigin,
  type Finding,
  parseRegistration,
  type RegistrationEvent,
  transition,
  ucas2022Batch3,
  validateOrigin,
  validateStudent,
  XueliError,
} from "../../src/index.js";
import { makeStudent, staff } from "../registration/fixtures.js";

// 3.3 [decision]: divisions are those in force on the batch's registration date (GB/T 2260 as
// published by 民政部); a name valid in another edition gets a finding saying what changed and when.
// ucas2022Batch3's registration date is 2022-06-10: edition 2021 (= 民政部 2021 and 2022).

const BATCH_DAY = ucas2022Batch3.registrationDate;
const MILIN_XIAN = "西藏自治区林芝市米林县";
const MILIN_SHI = "西藏自治区林芝市米林市";
const BAIYANG = "新疆维吾尔自治区白杨市";
const stage: RegistrationEvent = { type: "stage", conclusion: "graduation" };

const brief = (fs: readonly Finding[]) =>
  fs.map((f) => ({ code: f.code, clause: f.clause, params: f.params }));

describe("validateOrigin with asOf: the divisions in force on a day (3.3 [decision])", () => {
  it("for ucas2022Batch3's date: 米林县 accepted, 白杨市 refused (created 2023-01-20), 西沙区 accepted (3.3)", () => {
    const milin = validateOrigin(MILIN_XIAN, { asOf: BATCH_DAY });
    expect(milin).toEqual({
      ok: true,
      value: {
        code: "540422",
        province: "西藏自治区",
        prefecture: "林芝市",
        county: "米林县",
        normalized: MILIN_XIAN,
      },
      findings: [],
    });
    const baiyang = validateOrigin(BAIYANG, { asOf: BATCH_DAY });
    expect(baiyang.ok).toBe(false);
    expect(brief(baiyang.findings)).toEqual([
      {
        code: "origin.not-in-force",
        clause: "3.3",
        params: {
          received: BAIYANG,
          asOf: "2022-06-10",
          created: { name: "白杨市", code: "659012", date: "2023-01-20" },
        },
      },
    ]);
    expect(validateOrigin("海南省三沙市西沙区", { asOf: BATCH_DAY }).value?.code).toBe("460302");
    expect(validateOrigin("海南省三沙市南沙区", { asOf: BATCH_DAY }).value?.code).toBe("460303");
  });

  it("without asOf: the newest edition (米林市, 白杨市, 和康县 in force; 米林县 renamed) (3.3)", () => {
    expect(validateOrigin(MILIN_SHI).value?.code).toBe("540481");
    expect(validateOrigin(BAIYANG).value?.code).toBe("659012");
    expect(validateOrigin("新疆维吾尔自治区和田地区和康县").value?.code).toBe("653228");
    expect(divisionEditions.at(-1)?.id).toBe("2024");
  });

  it("a renamed unit's old name, after the change: origin.not-in-force saying what changed and when (3.3)", () => {
    const r = validateOrigin(MILIN_XIAN);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "origin.not-in-force",
        severity: "error",
        clause: "3.3",
        path: [],
        params: {
          received: MILIN_XIAN,
          suggestion: MILIN_SHI,
          renamed: { from: "米林县", to: "米林市", date: "2023-04-03", fromCode: "540422", toCode: "540481" },
        },
        message: `生源地“${MILIN_XIAN}”不在现行行政区划中：米林县已于 2023-04-03 更名为米林市（建议 ${MILIN_SHI}）`,
      }),
    ]);
    expect(validateOrigin(MILIN_XIAN, { locale: "en" }).findings[0]?.message).toBe(
      `The origin ${MILIN_XIAN} is not among the divisions in force: 米林县 was renamed 米林市 on 2023-04-03 (suggestion: ${MILIN_SHI})`,
    );
    const after = validateOrigin(MILIN_XIAN, { asOf: "2023-04-03" });
    expect(brief(after.findings)[0]?.params).toEqual({
      received: MILIN_XIAN,
      asOf: "2023-04-03",
      suggestion: MILIN_SHI,
      renamed: { from: "米林县", to: "米林市", date: "2023-04-03", fromCode: "540422", toCode: "540481" },
    });
  });

  it("a renamed unit's new name, before the change: not yet in force, the old name suggested (3.3)", () => {
    const r = validateOrigin(MILIN_SHI, { asOf: BATCH_DAY });
    expect(brief(r.findings)).toEqual([
      {
        code: "origin.not-in-force",
        clause: "3.3",
        params: {
          received: MILIN_SHI,
          asOf: "2022-06-10",
          suggestion: MILIN_XIAN,
          renamed: { from: "米林县", to: "米林市", date: "2023-04-03", fromCode: "540422", toCode: "540481" },
        },
      },
    ]);
    expect(r.findings[0]?.message).toBe(
      `生源地“${MILIN_SHI}”不在2022-06-10 的行政区划中：米林市于 2023-04-03 由米林县更名而来，当时尚未更名（建议 ${MILIN_XIAN}）`,
    );
    expect(validateOrigin(MILIN_SHI, { asOf: BATCH_DAY, locale: "en" }).findings[0]?.message).toBe(
      `The origin ${MILIN_SHI} is not among the divisions as of 2022-06-10: 米林市 took that name on 2023-04-03 (it was 米林县 until then) (suggestion: ${MILIN_XIAN})`,
    );
    expect(validateOrigin(BAIYANG, { asOf: BATCH_DAY, locale: "en" }).findings[0]?.message).toBe(
      `The origin ${BAIYANG} is not among the divisions as of 2022-06-10: 白杨市 was created on 2023-01-20`,
    );
    expect(validateOrigin(BAIYANG, { asOf: BATCH_DAY }).findings[0]?.message).toBe(
      `生源地“${BAIYANG}”不在2022-06-10 的行政区划中：白杨市于 2023-01-20 设立，当时尚未设立`,
    );
  });

  it("a change is in force from its own day, read in Beijing whatever the host's zone (3.3, 2.1)", () => {
    expect(validateOrigin(BAIYANG, { asOf: "2023-01-19" }).ok).toBe(false);
    expect(validateOrigin(BAIYANG, { asOf: "2023-01-20" }).ok).toBe(true);
    // 2023-01-19T16:30Z is 2023-01-20 00:30 in Beijing: the day of the change.
    expect(validateOrigin(BAIYANG, { asOf: new Date("2023-01-19T16:30:00Z") }).ok).toBe(true);
    expect(validateOrigin(BAIYANG, { asOf: new Date("2023-01-19T15:59:59Z") }).ok).toBe(false);
  });

  it("a wrong form of a changed name is still diagnosed by the table in force (3.3)", () => {
    // Short names of the renamed unit: read by stem against the newest edition.
    expect(brief(validateOrigin("西藏林芝米林县").findings)[0]?.code).toBe("origin.unknown");
    expect(validateOrigin("林芝市米林县", { asOf: BATCH_DAY }).findings[0]?.params).toEqual({
      received: "林芝市米林县",
      suggestion: MILIN_XIAN,
    });
  });

  it("an asOf that is not a Date or YYYY-MM-DD is a programmer error: XueliError option.invalid", () => {
    for (const asOf of ["2022-02-30", "2022/06/10", new Date(Number.NaN), 20220610]) {
      expect(() => validateOrigin(MILIN_XIAN, { asOf: asOf as string }), String(asOf)).toThrow(XueliError);
    }
  });
});

describe("statistical-only units (3.3 [decision]): accepted with a warning", () => {
  it("黑龙江省大兴安岭地区加格达奇区: ok, its statistical code, the origin.statistical-only warning (3.3)", () => {
    const r = validateOrigin("黑龙江省 大兴安岭地区 加格达奇区");
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({
      code: "232761",
      province: "黑龙江省",
      prefecture: "大兴安岭地区",
      county: "加格达奇区",
      normalized: "黑龙江省大兴安岭地区加格达奇区",
    });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "origin.statistical-only",
        severity: "warning",
        clause: "3.3",
        params: { received: "黑龙江省 大兴安岭地区 加格达奇区", code: "232761" },
      }),
    ]);
    expect(r.findings[0]?.message).toBe(
      "生源地“黑龙江省 大兴安岭地区 加格达奇区”是统计用区划代码中的单位（232761），不在民政部 GB/T 2260 行政区划中：已接受，但派遣系统可能不认可",
    );
    for (const asOf of [BATCH_DAY, "2025-01-01"]) {
      expect(validateOrigin("青海省海西蒙古族藏族自治州大柴旦行政委员会", { asOf }).value?.code).toBe(
        "632857",
      );
    }
    expect(validateOrigin("黑龙江省大兴安岭地区加格达奇区", { locale: "en" }).findings[0]?.message).toContain(
      "accepted, but the dispatch system may refuse it",
    );
  });
});

describe("the batch's date in validateStudent, the guards and the workflow (3.3 [decision])", () => {
  const milin = makeStudent({ origin: { value: MILIN_XIAN, reviewed: true } });
  const baiyang = makeStudent({ origin: { value: BAIYANG, reviewed: true } });

  it("validateStudent with ucas2022Batch3 checks the origin as of 2022-06-10; asOf overrides it (3.3)", () => {
    expect(validateStudent(milin, { batch: ucas2022Batch3 }).findings).toEqual([]);
    const r = validateStudent(baiyang, { batch: ucas2022Batch3 });
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["origin.not-in-force", ["origin", "value"]]]);
    // Without a batch: the newest edition.
    expect(validateStudent(milin).findings.map((f) => f.code)).toEqual(["origin.not-in-force"]);
    expect(validateStudent(baiyang).findings).toEqual([]);
    expect(validateStudent(milin, { batch: ucas2022Batch3, asOf: "2024-01-01" }).findings[0]?.code).toBe(
      "origin.not-in-force",
    );
  });

  it("staging in the 2022 batch: 米林县 staged, 白杨市 refused at student.origin.value (3.3, 3.3.4)", () => {
    const ok = transition(createRegistration(milin, ucas2022Batch3), stage, staff);
    expect(ok.findings).toEqual([]);
    expect(ok.value?.state).toBe("staged");
    const refused = transition(createRegistration(baiyang, ucas2022Batch3), stage, staff);
    expect(refused.ok).toBe(false);
    expect(refused.value).toBeUndefined();
    expect(refused.findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.not-in-force", ["student", "origin", "value"]],
    ]);
  });

  it("checkStudentRegistration for the 2022 batch answers as in 2022 (3.3)", () => {
    expect(checkStudentRegistration(milin, { batch: ucas2022Batch3 }).ok).toBe(true);
    const r = checkStudentRegistration(baiyang, { batch: ucas2022Batch3 });
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["origin.not-in-force", ["origin", "value"]]]);
  });

  it("an edit is checked and stored in the batch's divisions; a review needs it valid then (3.3.1, 3.3.3)", () => {
    const draft = createRegistration(
      makeStudent({ origin: { value: "北京市海淀区", reviewed: false } }),
      ucas2022Batch3,
    );
    const edited = editOrigin(draft, "西藏自治区 林芝市 米林县", staff);
    expect(edited.ok).toBe(true);
    expect(edited.value?.student.origin).toEqual({ value: MILIN_XIAN, reviewed: false });
    const late = editOrigin(draft, BAIYANG, staff);
    expect(late.ok).toBe(false); // recorded, with its finding (the platform saves what is typed)
    expect(late.findings.map((f) => f.code)).toEqual(["origin.not-in-force"]);
    const review = transition(late.value as never, { type: "review-origin" }, staff);
    expect(review.findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.not-in-force", ["student", "origin", "value"]],
    ]);
  });

  it("a history staged with 米林县 in 2022 replays without tampering (3.3, 2)", () => {
    const staged = transition(createRegistration(milin, ucas2022Batch3), stage, staff).value;
    expect(parseRegistration(JSON.parse(JSON.stringify(staged))).findings).toEqual([]);
  });

  it("determineOrigin takes asOf too (3.3.5)", () => {
    expect(determineOrigin({ gaokaoHousehold: MILIN_XIAN }, { asOf: BATCH_DAY }).ok).toBe(true);
    expect(determineOrigin({ gaokaoHousehold: MILIN_XIAN }).findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.not-in-force", ["gaokaoHousehold"]],
    ]);
  });
});
