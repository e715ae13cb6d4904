import { describe, expect, it } from "vitest";
import {
  checkStudentRegistration,
  createRegistration,
  editOrigin,
  parseRegistration,
  type Registration,
  type RegistrationEvent,
  type Student,
  type TransitionContext,
  transition,
  ucas2022Batch3,
  validateStudent,
} from "../../src/index.js";
import { idNumber, MASTER_NUMBER, makeStudent, office, staff } from "../registration/fixtures.js";

// 3.3 and 3.1 [decision] (rules digest): for a student whose document is a passport (a foreign
// national) the ethnic group may be empty (a given one is still validated), and the origin is not
// applicable: an empty origin is accepted, needs no review and is not locked; a given one is
// validated. Holders of Hong Kong, Macao or Taiwan permits have 香港特别行政区, 澳门特别行政区 or
// 台湾省 as their origin.

const stage: RegistrationEvent = { type: "stage", conclusion: "graduation" };
const certify: RegistrationEvent = { type: "certify", certificateNumber: MASTER_NUMBER };

/** A foreign master's student: passport, Latin name, no ethnic group, no origin. */
function foreigner(overrides: Partial<Student> = {}): Student {
  const { ethnicity: _e, ...s } = makeStudent({
    name: "John Smith",
    id: { type: "passport", number: "E12345678" },
    origin: { value: "", reviewed: false },
    ...overrides,
  });
  return overrides.ethnicity === undefined ? (s as Student) : { ...s, ethnicity: overrides.ethnicity };
}

function step(
  r: Registration | undefined,
  event: RegistrationEvent,
  ctx: TransitionContext = staff,
): Registration {
  const next = transition(r as Registration, event, ctx);
  expect(next.findings, event.type).toEqual([]);
  expect(next.ok, event.type).toBe(true);
  return next.value as Registration;
}

describe("passport holders: no ethnic group, no origin (3.1, 3.3 [decision])", () => {
  it("validateStudent accepts a passport holder without ethnic group and with an empty origin (3.1, 3.3)", () => {
    const r = validateStudent(foreigner(), { batch: ucas2022Batch3 });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value?.ethnicity).toBeUndefined();
    expect("ethnicity" in (r.value ?? {})).toBe(false);
    expect(r.value?.origin).toEqual({ value: "", reviewed: false });
  });

  it("reads an absent origin (or value, or review flag) as empty and not reviewed: a roster's empty cells (3.3)", () => {
    const { origin: _o, ...noOrigin } = foreigner();
    expect(validateStudent(noOrigin, { batch: ucas2022Batch3 }).value?.origin).toEqual({
      value: "",
      reviewed: false,
    });
    const blanks = { ...foreigner(), ethnicity: " ", origin: { value: "　" } };
    const r = validateStudent(blanks, { batch: ucas2022Batch3 });
    expect(r.findings).toEqual([]);
    expect(r.value?.origin).toEqual({ value: "", reviewed: false });
    expect(r.value?.ethnicity).toBeUndefined();
  });

  it("walks the whole journey draft → staged → submitted → certified with an empty origin never reviewed (2, 3.3)", () => {
    const draft = createRegistration(foreigner(), ucas2022Batch3);
    const staged = step(draft, stage);
    const submitted = step(staged, { type: "submit" });
    const certified = step(submitted, certify, office);
    expect(certified.state).toBe("certified");
    expect(certified.certificateNumber).toBe(MASTER_NUMBER);
    expect(certified.student.origin).toEqual({ value: "", reviewed: false });
    expect(certified.history.map((h) => h.event.type)).toEqual(["stage", "submit", "certify"]);
    // Stored and read back: the history replays without tampering.
    const back = parseRegistration(JSON.parse(JSON.stringify(certified)));
    expect(back.findings).toEqual([]);
    expect(back.ok).toBe(true);
  });

  it("checkStudentRegistration: ok, no finding, the student as registered (3.1, 3.3)", () => {
    const r = checkStudentRegistration(foreigner(), { batch: ucas2022Batch3 });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value?.conclusion).toBe("graduation");
    expect(r.value?.student?.id).toEqual({ type: "passport", number: "E12345678" });
    expect(r.value?.student?.origin).toEqual({ value: "", reviewed: false });
  });

  it("validates an ethnic group or an origin that is given (3.1, 3.3)", () => {
    const ethnicity = validateStudent(foreigner({ ethnicity: "火星族" }), { batch: ucas2022Batch3 });
    expect(ethnicity.findings.map((f) => [f.code, f.path])).toEqual([["ethnicity.unknown", ["ethnicity"]]]);
    expect(validateStudent(foreigner({ ethnicity: "98" })).value?.ethnicity).toBe("外国血统中国籍人士");
    const origin = validateStudent(foreigner({ origin: { value: "北京海淀", reviewed: true } }));
    expect(origin.findings.map((f) => [f.code, f.path])).toEqual([["origin.format", ["origin", "value"]]]);
  });

  it("a given origin is an origin like any other: reviewed before staging, locked once staged (3.3.3, 3.3.4)", () => {
    const unreviewed = foreigner({ origin: { value: "北京市海淀区", reviewed: false } });
    const refused = transition(createRegistration(unreviewed, ucas2022Batch3), stage, staff);
    expect(refused.findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.not-reviewed", ["student", "origin", "reviewed"]],
    ]);
    const reviewed = foreigner({ origin: { value: "北京市海淀区", reviewed: true } });
    const staged = step(createRegistration(reviewed, ucas2022Batch3), stage);
    const back = step(staged, { type: "unstage" });
    const edit = editOrigin(back, "北京市朝阳区", staff);
    expect(edit.findings.map((f) => f.code)).toEqual(["origin.locked"]);
  });

  it("an empty origin is not locked: after unstaging it may be filled in, then reviewed (3.3.4 [decision])", () => {
    const staged = step(createRegistration(foreigner(), ucas2022Batch3), stage);
    // Staged: the platform freezes the record, the origin included.
    expect(editOrigin(staged, "北京市海淀区", staff).findings.map((f) => f.code)).toEqual(["origin.locked"]);
    const back = step(staged, { type: "unstage" });
    const edited = editOrigin(back, "北京市 海淀区", staff);
    expect(edited.findings).toEqual([]);
    expect(edited.value?.student.origin).toEqual({ value: "北京市海淀区", reviewed: false });
    // Now given, it needs its review before staging again.
    const again = transition(edited.value as Registration, stage, staff);
    expect(again.findings.map((f) => f.code)).toEqual(["origin.not-reviewed"]);
    const reviewed = step(edited.value, { type: "review-origin" });
    expect(step(reviewed, stage).state).toBe("staged");
    expect(parseRegistration(JSON.parse(JSON.stringify(reviewed))).findings).toEqual([]);
  });
});

describe("everyone else needs an ethnic group and an origin (3.1, 3.3)", () => {
  it("a resident without ethnic group: ethnicity.empty at [ethnicity]; without origin: origin.empty (3.1, 3.3)", () => {
    const { ethnicity: _e, ...noEthnicity } = makeStudent();
    const r = validateStudent(noEthnicity, { batch: ucas2022Batch3 });
    expect(r.findings.map((f) => [f.code, f.path, f.clause])).toEqual([
      ["ethnicity.empty", ["ethnicity"], "3.1"],
    ]);
    const blank = validateStudent(makeStudent({ ethnicity: "  " }));
    expect(blank.findings.map((f) => f.code)).toEqual(["ethnicity.empty"]);
    const empty = validateStudent(makeStudent({ origin: { value: "", reviewed: true } }));
    expect(empty.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ["origin.empty", ["origin", "value"], {}],
    ]);
    const stage1 = transition(
      createRegistration(makeStudent({ origin: { value: "", reviewed: true } }), ucas2022Batch3),
      stage,
      staff,
    );
    expect(stage1.ok).toBe(false);
    expect(stage1.findings.map((f) => [f.code, f.path])).toEqual([
      ["origin.empty", ["student", "origin", "value"]],
    ]);
  });

  it("a value of the wrong type stays the schema's: one schema.invalid, no ethnicity.empty besides (3.1)", () => {
    const r = validateStudent({ ...makeStudent(), ethnicity: true });
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["schema.invalid", ["ethnicity"]]]);
  });
});

describe("permit holders: 香港特别行政区, 澳门特别行政区, 台湾省 (3.3 [decision])", () => {
  const hk = { type: "hk-macao-permit", number: "H12345678" } as const;
  const mo = { type: "hk-macao-permit", number: "M12345678" } as const;
  const tw = { type: "taiwan-permit", number: "12345678" } as const;
  const hkResident = { type: "resident", number: idNumber("810000", "19980512", 123) } as const;
  const twResident = { type: "resident", number: idNumber("830000", "19980512", 123) } as const;

  it("their region is a complete origin for them: staged, no finding (3.3)", () => {
    for (const [id, origin] of [
      [hk, "香港特别行政区"],
      [mo, "澳门特别行政区"],
      [tw, "台湾省"],
      [hkResident, "香港特别行政区"],
    ] as const) {
      const s = makeStudent({ id, origin: { value: origin, reviewed: true } });
      expect(checkStudentRegistration(s, { batch: ucas2022Batch3 }).findings, id.number).toEqual([]);
      step(createRegistration(s, ucas2022Batch3), stage);
    }
  });

  it("an empty origin is origin.empty with the permit's region as suggestion (3.3)", () => {
    for (const [id, suggestion] of [
      [hk, "香港特别行政区"],
      [mo, "澳门特别行政区"],
      [tw, "台湾省"],
      [hkResident, "香港特别行政区"],
      [twResident, "台湾省"],
    ] as const) {
      const r = validateStudent(makeStudent({ id, origin: { value: "", reviewed: false } }), {
        batch: ucas2022Batch3,
      });
      expect(
        r.findings.map((f) => [f.code, f.path, f.params]),
        id.number,
      ).toEqual([["origin.empty", ["origin", "value"], { suggestion }]]);
    }
    const zh = validateStudent(makeStudent({ id: hk, origin: { value: "", reviewed: false } })).findings[0];
    expect(zh?.message).toBe("生源地为空（建议 香港特别行政区）");
    const en = validateStudent(makeStudent({ id: hk, origin: { value: "", reviewed: false } }), {
      locale: "en",
    });
    expect(en.findings[0]?.message).toBe("The origin is empty (suggestion 香港特别行政区)");
  });

  it("a mainland origin of a permit holder is not cross-checked (the permit says where one lives now) [decision]", () => {
    const s = makeStudent({ id: hk, origin: { value: "广东省深圳市福田区", reviewed: true } });
    expect(validateStudent(s, { batch: ucas2022Batch3 }).findings).toEqual([]);
  });
});
