import { describe, expect, it } from "vitest";
import { messageFor, type UnreadableReason } from "../../src/findings/index.js";
import { createRegistration, transition, ucas2022Batch3 } from "../../src/index.js";
import { makeStudent, staff, study } from "../registration/fixtures.js";

describe("zh-CN messages name values in Chinese, not the API's English words", () => {
  it("study.incomplete (1): yes/no facts read 是/否", () => {
    const reg = createRegistration(
      makeStudent({ study: { ...study, thesisComplete: false } }),
      ucas2022Batch3,
    );
    const [f] = transition(reg, { type: "stage", conclusion: "graduation" }, staff).findings;
    expect(f?.code).toBe("study.incomplete");
    expect(f?.params).toEqual({ expected: true, received: false });
    expect(f?.message).toBe("未修满课程和必修环节学分或论文未完成，不能注册（应为 是；收到 否）");
    expect(messageFor("en", "study.incomplete", { expected: true, received: false })).toBe(
      "Credits, required segments or thesis incomplete: the student cannot be registered (expected true; received false)",
    );
  });

  it("early-graduation.not-approved (3.1.5): 是/否", () => {
    expect(messageFor("zh-CN", "early-graduation.not-approved", { expected: true, received: false })).toBe(
      "提前毕业未办理学籍变动手续（应为 是；收到 否）",
    );
  });

  it("registration.tampered (2): states and conclusions in Chinese; other values as they are", () => {
    expect(
      messageFor("zh-CN", "registration.tampered", {
        reason: "state",
        expected: "staged",
        received: "certified",
      }),
    ).toBe("注册记录与其操作历史不符（已被篡改或损坏；应为 已暂存；收到 已注册）");
    expect(
      messageFor("zh-CN", "registration.tampered", {
        reason: "conclusion",
        expected: ["graduation", "completion"],
        received: null,
      }),
    ).toBe("注册记录与其操作历史不符（已被篡改或损坏；应为 毕业或结业；收到 无）");
    expect(
      messageFor("zh-CN", "registration.tampered", {
        reason: "certificate-number",
        expected: "144301202202000001",
        received: "144301202202000002",
      }),
    ).toBe("注册记录与其操作历史不符（已被篡改或损坏）（应为 144301202202000001；收到 144301202202000002）");
  });

  it("form.seal (4.1): the seal kinds in Chinese, a missing seal as 未盖章", () => {
    expect(messageFor("zh-CN", "form.seal", { expected: "institute", received: "department" })).toBe(
      "登记表须加盖研究所公章（非部门用印；收到 部门用印）",
    );
    expect(messageFor("zh-CN", "form.seal", { expected: "institute", received: null })).toBe(
      "登记表须加盖研究所公章（未盖章）",
    );
  });

  it("photo.color-depth (5.3.3): channels and bits in Chinese", () => {
    const params = {
      expected: { components: 3, bitsPerSample: 8 },
      received: { components: 1, bitsPerSample: 8 },
      colorModel: "grayscale",
    } as const;
    expect(messageFor("zh-CN", "photo.color-depth", params)).toBe(
      "照片须为 24 位真彩色（3 个通道 × 8 位；收到 1 个通道 × 8 位，灰度）",
    );
  });

  it("photo.admission-year (5.3.3): the option's English name is not shown", () => {
    expect(messageFor("zh-CN", "photo.admission-year", { namedBy: "id-number" })).toBe(
      "以证件号命名的照片上传时须选择入学年度",
    );
  });

  it("a missing value (null) reads 无 in generic zh-CN messages, null in English", () => {
    expect(messageFor("zh-CN", "form.signature", { received: null })).toBe("登记表缺少审核人签字（收到 无）");
    expect(messageFor("en", "form.signature", { received: null })).toBe(
      "The form is not signed by the unit's reviewer (received null)",
    );
  });
});

describe("photo.unreadable (5.3.3): file-system reasons in the locale's words", () => {
  it.each<[UnreadableReason, string, string]>([
    ["ENOTDIR", "照片文件无法读取：这不是文件夹", "The photo cannot be read: it is not a folder"],
    [
      "read-failed",
      "照片文件无法读取：读取失败",
      "The photo cannot be read: the file system reported an error",
    ],
  ])("%s", (reason, zh, en) => {
    expect(messageFor("zh-CN", "photo.unreadable", { reason, received: "photos" })).toBe(zh);
    expect(messageFor("en", "photo.unreadable", { reason, received: "photos" })).toBe(en);
  });
});
