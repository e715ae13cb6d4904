// The fast paths of issue 10, item 8 (docs/performance.md): each answers the common input without
// the general path's work, and must answer exactly as the general path does. These tests check
// the invariant each one rests on, and compare it with the general path where both can be reached.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DuplicateIndex, idKey, nameKey } from "../../src/batch/duplicates.js";
import { foldFullWidth } from "../../src/core/strings.js";
import { normalizeIdNumber, validateIdNumber } from "../../src/fields/id/index.js";
import { normalizeOriginText } from "../../src/fields/origin/index.js";
import { divisionChangeList, tableAsOf } from "../../src/fields/origin/table.js";
import { blankOrigin, isInvisible, normalizeStudentNumber } from "../../src/fields/student/index.js";
import { ethnicGroups, validateEthnicity, validateName, validateOrigin } from "../../src/index.js";
import { cellValue, createRosterStream, type RosterEvent } from "../../src/roster/index.js";

/** Characters that any of the normalizations touches, mixed into generated strings. */
const special = fc.constantFrom(
  " ",
  "\u3000",
  "\t",
  "\n",
  "\u00a0",
  "\u200b",
  "\ufeff",
  "\u0001",
  "\u00ad",
  "（",
  "(",
  "Ａ",
  "１",
  "x",
  "·",
  "・",
  "王",
  "\uf900",
  "𠀀",
);
const mixed = fc
  .array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 3 }), special), { maxLength: 12 })
  .map((a) => a.join(""));

describe("origin (3.3): the lookup of a full form before normalizing it", () => {
  it("every key of every dated table is its own normal form, so the raw lookup answers as the normalized one", () => {
    const days = new Set<string | undefined>([undefined, "2000-01-01"]);
    for (const c of divisionChangeList()) days.add(c.date);
    let keys = 0;
    for (const day of days) {
      for (const key of tableAsOf(day).full.keys()) {
        keys += 1;
        if (normalizeOriginText(key) !== key) expect.fail(`${key} (table of ${day}) is not normalized`);
      }
    }
    expect(keys).toBeGreaterThan(3000);
  });

  it("a full form and the same form spaced or with full-width parentheses give the same value (3.3)", () => {
    for (const day of [undefined, "2022-06-10"]) {
      const o = day === undefined ? {} : { asOf: day };
      const forms = [...tableAsOf(day).full.keys()].filter((_, i) => i % 97 === 0);
      for (const form of forms) {
        const spaced = ` ${[...form].join(" ")}\u3000`.replaceAll("（", "(");
        expect(validateOrigin(spaced, o).value, form).toEqual(validateOrigin(form, o).value);
      }
    }
  });
});

describe("name (3.1): a plain Han name is its own normal form", () => {
  const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
  it("CJK unified ideographs with separator dots between parts: no finding, normalized as given", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(han, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        (parts) => {
          const name = parts.map((p) => p.join("")).join("·");
          const r = validateName(name);
          if (name.length <= 50) expect(r).toEqual({ ok: true, value: { normalized: name }, findings: [] });
          else
            expect(r.findings.map((f) => [f.code, f.params])).toEqual([
              ["name.characters", { reason: "too-long", length: name.length, max: 50 }],
            ]);
        },
      ),
    );
  });

  it("what the fast path does not take still goes through NFC, folding and the dot rules", () => {
    // U+F900, a CJK compatibility ideograph: NFC makes it U+8C48.
    expect(validateName("\uf900王").value?.normalized).toBe("\u8c48王");
    expect(validateName("·王伟").findings.map((f) => f.params)).toEqual([
      { received: "·王伟", reason: "dot" },
    ]);
    expect(validateName("王伟·").findings.map((f) => f.params)).toEqual([
      { received: "王伟·", reason: "dot" },
    ]);
    expect(validateName("王··伟").findings.map((f) => f.params)).toEqual([
      { received: "王··伟", reason: "dot" },
    ]);
    expect(validateName("王・伟")).toEqual({ ok: true, value: { normalized: "王·伟" }, findings: [] });
  });
});

describe("student number (3.1): the fast paths of its normalization and its check", () => {
  /** The general path, as written before the fast path: fold, drop invisible characters, trim. */
  const general = (s: string) => {
    let out = "";
    for (const ch of foldFullWidth(s)) if (!isInvisible(ch.codePointAt(0) as number)) out += ch;
    return out.trim();
  };
  it("normalizeStudentNumber equals fold + remove invisible + trim on any string", () => {
    fc.assert(
      fc.property(mixed, (s) => {
        expect(normalizeStudentNumber(s)).toBe(general(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("blank origin and ethnic group (3.1, 3.3 [decision]): trim instead of normalizing", () => {
  it("blankOrigin is true exactly when normalizeOriginText gives the empty string", () => {
    fc.assert(
      fc.property(mixed, (s) => {
        expect(blankOrigin(s)).toBe(normalizeOriginText(s) === "");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ethnic group (3.1): a name of the table as it is", () => {
  it("answers every name of GB/T 3304-1991 as the general path answers it written with spaces", () => {
    for (const g of ethnicGroups) {
      for (const name of [g.name, g.name.replace(/族$/, "")]) {
        const fast = validateEthnicity(name);
        expect(fast, name).toEqual({ ok: true, value: { code: g.code, name: g.name }, findings: [] });
        expect(validateEthnicity(` ${name}\u3000`), name).toEqual(fast);
      }
    }
  });
});

describe("duplicate keys (3.1, 4.2.3): idKey and nameKey without re-validating", () => {
  const idTypes = [
    undefined,
    "resident",
    "resident-15",
    "passport",
    "hk-macao-permit",
    "taiwan-permit",
  ] as const;
  /** The definition of the key: validateIdNumber's normalized number, else the normalized input. */
  const general = (number: string, type: (typeof idTypes)[number]) => {
    const v = validateIdNumber(number, type === undefined ? {} : { type });
    const key = v.value?.normalized ?? normalizeIdNumber(number);
    return key === "" ? undefined : key;
  };
  it("idKey equals the definition for clean and unclean numbers of every type", () => {
    const clean = fc.string({ unit: fc.constantFrom(..."0123456789X0123456789AHM"), maxLength: 20 });
    fc.assert(
      fc.property(
        fc.oneof(
          clean,
          mixed,
          clean.map((s) => ` ${s}x`),
        ),
        fc.constantFrom(...idTypes),
        (number, type) => {
          const id = type === undefined ? { number } : { number, type };
          expect(idKey(id)).toBe(general(number, type));
        },
      ),
      { numRuns: 3000 },
    );
    // A legacy number is upgraded, a permit's brackets dropped: the general path, as before.
    expect(idKey({ number: "110108980512168" })).toBe(validateIdNumber("110108980512168").value?.normalized);
    expect(idKey({ number: "H12345678(01)", type: "hk-macao-permit" })).toBe("H1234567801");
  });

  it("nameKey equals validateName's normalized name, or the folded trimmed name", () => {
    fc.assert(
      fc.property(mixed, (s) => {
        const key = validateName(s).value?.normalized ?? foldFullWidth(s).trim();
        expect(nameKey(s)).toBe(key === "" ? undefined : key);
      }),
      { numRuns: 2000 },
    );
  });

  it("100,000 distinct student numbers need no second pass: 52-bit fingerprints do not collide (3.1)", () => {
    const index = new DuplicateIndex();
    for (let i = 0; i < 100_000; i++)
      index.add({ student: { studentNumber: `2019E${String(i * 7919).padStart(10, "0")}` } });
    // With 32-bit fingerprints two of 100,000 keys collide with probability 1 − e^(−1.16) ≈ 69 %.
    expect(index.seal()).toBe(false);
  });
});

describe("roster reading (issue 12): the native read of a plain line and the remembered cell values", () => {
  const header =
    "学号,姓名,性别,民族,证件号码,培养层次,培养单位,入学年度,生源地,生源地是否复核,照片是否上传,课程学分是否修满,必修环节是否完成,论文是否完成,答辩结果";
  const rows = (text: string) => {
    const s = createRosterStream({ locale: "en" });
    const events: RosterEvent[] = [...s.push(new TextEncoder().encode(text)), ...s.end()];
    return events.flatMap((e) => (e.kind === "row" ? [e.row] : []));
  };
  const cell = fc.string({ unit: fc.constantFrom(..."ab 是否男女\u3000\t;12-年"), maxLength: 6 });
  it("a line ended by a line feed reads as the same line at the end of the input (the character loop)", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 15, maxLength: 17 }),
        fc.constantFrom("\n", "\r\n"),
        (cells, eol) => {
          const line = cells.join(",");
          const before = `${header}${eol}${line}${eol}`;
          const after = `${header}${eol}${line}`;
          expect(rows(before)).toEqual(rows(after));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives a fresh evidence list per cell, and the same value for a text seen before as at first", () => {
    const a = cellValue("evidence", "派出所证明、户口页");
    const b = cellValue("evidence", "派出所证明、户口页");
    expect(a).toEqual(["police-certificate", "household-page-scan"]);
    expect(a).not.toBe(b);
    for (let i = 0; i < 3000; i++) {
      const text = `2022年${(i % 12) + 1}月${(i % 28) + 1}日`;
      const want = `2022-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
      expect(cellValue("date", text)).toBe(want);
      expect(cellValue("date", text)).toBe(want);
    }
    expect([cellValue("boolean", "是"), cellValue("boolean", "否"), cellValue("boolean", "也许")]).toEqual([
      true,
      false,
      "也许",
    ]);
  });
});
