import type { FindingCode } from "../params.js";
import type { TextsOf } from "../text.js";

/** The codes of the identity document number (3.1). */
export type IdCode = Extract<FindingCode, `id.${string}`>;

/**
 * The texts of the identity document codes in both locales, kept apart from the two tables (which
 * spread them in): `validateIdNumber` makes its findings from these alone (`findingIn`), so a
 * bundle that checks only ID numbers carries these texts and not every message of the catalogue
 * (issue 13.2: at most 15 KB gzip). [decision] Another area can be split off the same way when
 * its validator must be light too.
 */
export const idTexts: { readonly "zh-CN": TextsOf<IdCode>; readonly en: TextsOf<IdCode> } = {
  "zh-CN": {
    "id.format": {
      title: "证件号码格式不正确",
      message: (p) => {
        const shapes: Record<string, string> = {
          resident: "18位：17位数字加校验码（数字或X），或15位旧号码",
          "resident-15": "15位数字，或升级后的18位号码",
          "hk-macao-permit": "H或M加8位数字（旧证另加2位换证次数）",
          "taiwan-permit": "8位数字",
          passport: "5至17位字母或数字",
        };
        const want = p.type === undefined ? undefined : shapes[p.type];
        return `证件号码格式不正确（${want ? `应为${want}；` : ""}收到 ${String(p.received)}）`;
      },
    },
    "id.checksum": { title: "身份证号码校验码不正确" },
    "id.birth-date": {
      title: "身份证号码中的出生日期无效",
      message: (p) => {
        const d = p.received;
        if (p.reason === "nonexistent") return `身份证号码中的出生日期 ${d} 不存在`;
        if (p.reason === "future") return `身份证号码中的出生日期 ${d} 晚于今天`;
        if (p.reason === "too-young")
          return `身份证号码中的出生日期 ${d} 表明持证人不满${String(p.minAge)}周岁`;
        return `身份证号码中的出生日期 ${d} 早于1900年`;
      },
    },
    "id.region": { title: "身份证号码的地区码无效" },
    "id.legacy": { title: "15位旧身份证号码，已升级为18位" },
    "id.sex-mismatch": {
      title: "性别与身份证号码不符",
      message: (p) =>
        `性别与身份证号码不符（号码第17位表示${p.expected === "male" ? "男" : "女"}，填写为${p.received === "male" ? "男" : "女"}）`,
    },
  },
  en: {
    "id.format": {
      title: "The identity document number has the wrong format",
      message: (p) => {
        const shapes: Record<string, string> = {
          resident: "18 characters: 17 digits and a check digit or X, or a legacy 15-digit number",
          "resident-15": "15 digits, or its upgraded 18-character form",
          "hk-macao-permit": "H or M and 8 digits (old cards add a 2-digit renewal count)",
          "taiwan-permit": "8 digits",
          passport: "5 to 17 letters or digits",
        };
        const want = p.type === undefined ? undefined : shapes[p.type];
        return `The identity document number has the wrong format (${want ? `expected ${want}; ` : ""}received ${p.received})`;
      },
    },
    "id.checksum": { title: "The ID number's check character is wrong" },
    "id.birth-date": {
      title: "The birth date in the ID number is not valid",
      message: (p) => {
        const d = p.received;
        if (p.reason === "nonexistent") return `The birth date ${d} in the ID number does not exist`;
        if (p.reason === "future") return `The birth date ${d} in the ID number lies in the future`;
        if (p.reason === "too-young") {
          return `The birth date ${d} in the ID number makes the holder younger than ${String(p.minAge)}`;
        }
        return `The birth date ${d} in the ID number is before 1900`;
      },
    },
    "id.region": { title: "The ID number's region code is not valid" },
    "id.legacy": { title: "Legacy 15-digit ID number, upgraded to 18 digits" },
    "id.sex-mismatch": {
      title: "The sex does not match the ID number",
      message: (p) =>
        `The sex does not match the ID number (its 17th digit says ${p.expected}, the record says ${p.received})`,
    },
  },
};
