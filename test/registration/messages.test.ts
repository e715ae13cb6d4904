import { describe, expect, it } from "vitest";
import {
  checkBatch,
  createRegistration,
  type Registration,
  transition,
  ucas2022Batch3,
  validateRegistrationForm,
} from "../../src/index.js";
import { makeStudent, office, staff, study } from "./fixtures.js";

const stage = { type: "stage", conclusion: "graduation" } as const;
const en = { locale: "en" } as const;
const draft = (s = makeStudent()) => createRegistration(s, ucas2022Batch3);

describe("messages of the machine's codes, in zh-CN and en (2)", () => {
  it("names the state, the event and the role", () => {
    const sub: Registration = { ...draft(), state: "submitted", conclusion: "graduation" };
    expect(transition(sub, { type: "unstage" }, staff).findings[0]?.message).toBe(
      "已提交的注册不能进行“取消暂存”操作（须为已暂存）",
    );
    expect(transition(sub, { type: "unstage" }, staff, en).findings[0]?.message).toBe(
      "A submitted registration cannot unstage (only a staged one can)",
    );
    expect(transition(draft(), stage, { ...office, at: staff.at }).findings[0]?.message).toBe(
      "“暂存”须由培养单位教育干部操作，不能由学生处操作",
    );
    expect(transition(draft(), stage, { ...office, at: staff.at }, en).findings[0]?.message).toBe(
      "stage is for unit-staff, not student-office",
    );
    expect(transition(draft(), { type: "nope" } as never, staff).findings[0]?.message).toBe(
      "当前状态下不能进行此操作（收到 nope）",
    );
  });

  it("gives the window, the defense and the 6-month rule in words", () => {
    const late = { at: "2022-06-11T00:00:00+08:00", actor: "unit-staff" } as const;
    expect(transition(draft(), stage, late).findings[0]?.message).toBe(
      "不在学历注册系统开放时间内（开放时间 2022-05-18T08:00:00+08:00 至 2022-06-11T00:00:00+08:00，不含结束时刻；收到 2022-06-11T00:00:00+08:00）",
    );
    const failed = draft(makeStudent({ study: { ...study, defense: "failed" } }));
    expect(transition(failed, stage, staff).findings[0]?.message).toBe(
      "答辩结果为“未通过”，不能注册为毕业，应注册为结业",
    );
    expect(transition(failed, stage, staff, en).findings[0]?.message).toBe(
      "The defense was not passed: graduation needs a passed defense; register completion instead",
    );
    const changed: Registration = {
      ...draft(makeStudent({ changes: { programOrUnit: { approvedOn: "2021-12-01" } } })),
      state: "staged",
      conclusion: "graduation",
    };
    expect(transition(changed, { type: "submit" }, staff).findings[0]?.message).toBe(
      "调整专业或变更培养单位于 2021-12-01 审批，距答辩（2022-05-20）不足6个月（最早可于 2022-06-01 答辩）",
    );
  });

  it("numbers the duplicate rows from 1 (3.1, 4.2.3)", () => {
    const a = draft();
    const r = checkBatch([a, a], ucas2022Batch3);
    expect(r.findings.find((f) => f.code === "batch.duplicate-student-number")?.message).toBe(
      `学号 ${a.student.studentNumber} 在本批次中重复（第 1、2 条）`,
    );
    expect(
      checkBatch([a, a], ucas2022Batch3, en).findings.find((f) => f.code === "batch.duplicate-name")?.message,
    ).toBe(
      "Students share the name 测试甲 (rows 1, 2): write the student number on the back of the paper photo",
    );
  });

  it("says when the form must be uploaded (4.1)", () => {
    const r = validateRegistrationForm(
      {
        signedBy: "审核人",
        seal: { kind: "institute" },
        uploadedAt: "2022-06-12T09:00:00+08:00",
        headCount: 0,
      },
      [],
      ucas2022Batch3,
      en,
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      "The form must be uploaded inside the registration window [2022-05-18T08:00:00+08:00, 2022-06-11T00:00:00+08:00) (received 2022-06-12T09:00:00+08:00)",
    ]);
  });
});
