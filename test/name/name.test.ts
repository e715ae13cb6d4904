import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  checkBatch,
  createRegistration,
  NAME_INPUT_MAX,
  transition,
  ucas2022Batch3,
  validateName,
  validateStudent,
} from "../../src/index.js";
import { paramsOf } from "../helpers/findings.js";
import { makeStudent, staff } from "../registration/fixtures.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe("validateName (3.1)", () => {
  it("accepts Han names with no findings", () => {
    for (const n of ["张三", "欧阳娜娜", "王〇", "𠇔明"]) {
      expect(validateName(n), n).toEqual({ ok: true, value: { normalized: n }, findings: [] });
    }
  });

  it("accepts minority names with the middle dot, folding look-alikes (・ • ． ‧ ･) into ·", () => {
    for (const dot of ["·", "・", "•", "．", "‧", "･", "⋅", "∙", ".", "。", "ㆍ"]) {
      const r = validateName(`阿依古丽${dot}买买提`);
      expect(r, dot).toEqual({ ok: true, value: { normalized: "阿依古丽·买买提" }, findings: [] });
    }
    expect(validateName("爱新觉罗·溥仪·某").value?.normalized).toBe("爱新觉罗·溥仪·某");
  });

  it("accepts Latin names of foreign students: letters, spaces, hyphen, apostrophe, dot", () => {
    for (const n of ["John Smith", "Mary-Jane O'Connor", "JOSÉ GARCÍA", "Nguyễn Văn An", "John F. Kennedy"]) {
      expect(validateName(n), n).toEqual({ ok: true, value: { normalized: n }, findings: [] });
    }
    expect(validateName("O’Brien").value?.normalized).toBe("O'Brien");
    expect(validateName("ＪＯＨＮ　ＳＭＩＴＨ").value?.normalized).toBe("JOHN SMITH");
  });

  it("refuses digits, control and zero-width characters with name.characters (3.1)", () => {
    const cases: [string, string][] = [
      ["张三2", "2"],
      ["张三３", "3"],
      ["张\u200b三", "U+200B"],
      ["张三\ufeff", "U+FEFF"],
      ["张\u0007三", "U+0007"],
      ["张三\n", "U+000A"],
      ["张三😀", "😀"],
      ["John_Smith", "_"],
    ];
    for (const [n, bad] of cases) {
      const r = validateName(n);
      expect(r.ok, n).toBe(false);
      expect(r.findings, n).toEqual([
        expect.objectContaining({
          code: "name.characters",
          severity: "error",
          clause: "3.1",
          path: [],
          params: { received: bad },
        }),
      ]);
    }
  });

  it("refuses Han mixed with Latin letters, and a dot first, last or doubled", () => {
    expect(validateName("张San").findings[0]?.params).toEqual({ received: "S a n", reason: "mixed-script" });
    for (const n of ["·买买提", "阿依古丽·", "阿依古丽··买买提"]) {
      expect(paramsOf(validateName(n).findings, "name.characters").reason, n).toBe("dot");
    }
    for (const n of ["-'", "-John", "'Smith", ".J"]) {
      expect(paramsOf(validateName(n).findings, "name.characters").reason, n).toBe("separator");
    }
  });

  it("property: any run of Han characters, with single dots between parts, is accepted unchanged", () => {
    const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const part = fc.array(hanChar, { minLength: 1, maxLength: 4 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (parts) => {
        const n = parts.join("·");
        expect(validateName(n)).toEqual({ ok: true, value: { normalized: n }, findings: [] });
      }),
    );
  });

  it("refuses an empty name with name.empty", () => {
    for (const n of ["", "   ", "\u3000", null, undefined]) {
      const r = validateName(n as string);
      expect(r, String(n)).toEqual({
        ok: false,
        findings: [expect.objectContaining({ code: "name.empty", clause: "3.1" })],
      });
    }
  });

  it("warns about extra spaces (name.whitespace) and collapses them in normalized; ok stays true", () => {
    const cases: [string, string][] = [
      [" 张三 ", "张三"],
      ["张 三", "张三"],
      ["阿依古丽 · 买买提", "阿依古丽·买买提"],
      ["  John   Smith ", "John Smith"],
      ["John\u00a0\u00a0Smith", "John Smith"],
    ];
    for (const [n, want] of cases) {
      const r = validateName(n);
      expect(r.ok, n).toBe(true);
      expect(r.value?.normalized, n).toBe(want);
      expect(r.findings, n).toEqual([
        expect.objectContaining({
          code: "name.whitespace",
          severity: "warning",
          path: [],
          params: { received: n, suggestion: want },
        }),
      ]);
    }
    expect(codes(validateName("John Smith"))).toEqual([]);
  });

  it("never throws on arbitrary input", () => {
    for (const v of [42, {}, [], true, Symbol("x")]) {
      expect(codes(validateName(v as unknown as string))).toEqual(["name.characters"]);
    }
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const r = validateName(s);
        expect(r.ok).toBe(!r.findings.some((f) => f.severity === "error"));
      }),
    );
  });

  it("gives its messages in en per call", () => {
    expect(validateName("", { locale: "en" }).findings[0]?.message).toBe("The name is empty");
  });
});

describe("validateName: length (3.1, [decision] at most 50 characters for a Han name, 100 for a Latin one)", () => {
  it("accepts a Han name of 50 characters and a Latin name of 100", () => {
    expect(validateName(`${"阿".repeat(25)}·${"买".repeat(24)}`).ok).toBe(true);
    const latin = `${"A".repeat(49)} ${"B".repeat(50)}`;
    expect(latin).toHaveLength(100);
    expect(validateName(latin)).toEqual({ ok: true, value: { normalized: latin }, findings: [] });
  });

  it("refuses a longer name with name.characters, reason too-long (3.1)", () => {
    const han = validateName("张".repeat(51));
    expect(han.ok).toBe(false);
    expect(han.findings).toEqual([
      expect.objectContaining({
        code: "name.characters",
        severity: "error",
        clause: "3.1",
        path: [],
        params: { reason: "too-long", length: 51, max: 50 },
        message: "姓名过长：最多 50 个字符，收到 51 个",
      }),
    ]);
    const latin = validateName("A".repeat(101), { locale: "en" });
    expect(latin.findings).toEqual([
      expect.objectContaining({
        code: "name.characters",
        clause: "3.1",
        params: { reason: "too-long", length: 101, max: 100 },
        message: "The name is too long: at most 100 characters, received 101",
      }),
    ]);
  });

  it("counts characters, not UTF-16 units: 50 supplementary-plane Han characters are accepted", () => {
    expect(validateName("𠇔".repeat(50)).ok).toBe(true);
    expect(validateName("𠇔".repeat(51)).findings[0]?.params).toEqual({
      reason: "too-long",
      length: 51,
      max: 50,
    });
  });

  it("refuses a million Han characters without echoing them in the finding", () => {
    const r = validateName("张".repeat(1_000_000));
    expect(r.findings.map((f) => f.code)).toEqual(["name.characters"]);
    expect(r.findings[0]?.params).toEqual({ reason: "too-long", length: 1_000_000, max: 50 });
    expect(r.findings[0]?.message.length).toBeLessThan(100);
  });

  it("keeps the other name.characters reasons first: a long name with a digit reports the digit", () => {
    expect(validateName(`${"张".repeat(60)}2`).findings[0]?.params).toEqual({ received: "2" });
  });
});

describe("validateName: minority names keep their separator (3.1, [decision] name.missing-dot)", () => {
  const AYGL = "阿依古丽·买买提";

  it("阿依古丽 买买提: the error name.missing-dot, the dot suggested and kept in normalized (3.1)", () => {
    for (const spaced of [
      "阿依古丽 买买提",
      "阿依古丽\u3000买买提",
      "阿依古丽  买买提",
      "阿依古丽\u00a0买买提",
    ]) {
      const r = validateName(spaced);
      expect(r.ok, spaced).toBe(false);
      expect(r.value, spaced).toEqual({ normalized: AYGL });
      expect(r.findings, spaced).toEqual([
        expect.objectContaining({
          code: "name.missing-dot",
          severity: "error",
          clause: "3.1",
          path: [],
          params: { received: spaced, suggestion: AYGL },
        }),
      ]);
    }
    expect(validateName("阿依古丽 买买提").findings[0]?.message).toBe(
      "姓名“阿依古丽 买买提”的各部分之间是空格：姓名须与身份证一致，少数民族姓名各部分以“·”分隔（建议 阿依古丽·买买提）",
    );
    expect(validateName("阿依古丽 买买提", { locale: "en" }).findings[0]?.message).toBe(
      "The name 阿依古丽 买买提 has a space between its parts: the name must match the ID card, where the parts of a minority name are separated by · (suggestion: 阿依古丽·买买提)",
    );
  });

  it("validateStudent's value keeps the dot too, at [name] with the error (3.1)", () => {
    const r = validateStudent(makeStudent({ name: "阿依古丽 买买提" }), { batch: ucas2022Batch3 });
    expect(r.ok).toBe(false);
    expect(r.value?.name).toBe(AYGL);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["name.missing-dot", ["name"]]]);
  });

  it("a name that has a dot elsewhere, or more than 4 Han characters, is a minority name (3.1)", () => {
    const cases: [string, string][] = [
      ["买买提 艾力", "买买提·艾力"],
      ["阿依古丽·买买提 艾力", "阿依古丽·买买提·艾力"],
      ["古丽 阿依·买买提", "古丽·阿依·买买提"],
      [" 阿依古丽 买买提 ", AYGL],
    ];
    for (const [n, want] of cases) {
      expect(
        validateName(n).findings.map((f) => [f.code, f.params]),
        n,
      ).toEqual([["name.missing-dot", { received: n, suggestion: want }]]);
      expect(validateName(n).value?.normalized, n).toBe(want);
    }
  });

  it("a short Han name's layout space stays the name.whitespace warning (张 三, 欧阳 娜娜) [decision]", () => {
    for (const [n, want] of [
      ["张 三", "张三"],
      ["张　三", "张三"],
      ["李 小明", "李小明"],
      ["欧阳 娜娜", "欧阳娜娜"],
    ] as const) {
      const r = validateName(n);
      expect(r.ok, n).toBe(true);
      expect(
        r.findings.map((f) => [f.code, f.params]),
        n,
      ).toEqual([["name.whitespace", { received: n, suggestion: want }]]);
    }
    // Spaces around a dot are layout too: the dot is there.
    expect(validateName("阿依古丽 · 买买提").findings.map((f) => f.code)).toEqual(["name.whitespace"]);
    expect(validateName("阿依古丽 · 买买提").value?.normalized).toBe(AYGL);
  });

  it("property: parts of more than 4 Han characters in all, joined by spaces, never lose their separator (3.1)", () => {
    const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const part = fc.array(hanChar, { minLength: 1, maxLength: 4 }).map((a) => a.join(""));
    const space = fc.constantFrom(" ", "\u3000", "  ", "\u00a0");
    fc.assert(
      fc.property(fc.array(fc.tuple(part, space), { minLength: 2, maxLength: 4 }), (pieces) => {
        const parts = pieces.map(([p]) => p);
        fc.pre(parts.join("").length > 4);
        const input = pieces.map(([p, s], i) => (i === 0 ? p : s + p)).join("");
        const r = validateName(input);
        expect(r.value?.normalized).toBe(parts.join("·"));
        expect(r.findings.map((f) => f.code)).toEqual(["name.missing-dot"]);
        expect(paramsOf(r.findings, "name.missing-dot").suggestion).toBe(parts.join("·"));
      }),
      { numRuns: 300 },
    );
  });
});

describe("validateName: bounded work before any normalization (issue 12.2, 3.1)", () => {
  /** The longest string `String.prototype.normalize` was called on while `run` ran. */
  function longestNormalized(run: () => void): number {
    const original = String.prototype.normalize;
    let longest = 0;
    const spy = vi.spyOn(String.prototype, "normalize").mockImplementation(function (
      this: string,
      form?: string,
    ) {
      longest = Math.max(longest, this.length);
      return original.call(this, form);
    });
    try {
      run();
    } finally {
      spy.mockRestore();
    }
    return longest;
  }

  it("a + 200,000 combining marks: name.characters too-long, no normalization of the whole (3.1)", () => {
    const input = `a${"\u0301\u0316".repeat(100_000)}`;
    let r: ReturnType<typeof validateName> | undefined;
    const longest = longestNormalized(() => {
      r = validateName(input);
    });
    expect(longest).toBeLessThanOrEqual(NAME_INPUT_MAX);
    expect(r?.ok).toBe(false);
    expect(r?.findings).toEqual([
      expect.objectContaining({
        code: "name.characters",
        clause: "3.1",
        params: { reason: "too-long", length: 200_001, max: 100 },
      }),
    ]);
  });

  it("validateStudent, transition and checkBatch pay no more: normalize never sees more than NAME_INPUT_MAX units", () => {
    const name = `a${"\u0301\u0316".repeat(100_000)}`;
    const student = makeStudent({ name });
    const longest = longestNormalized(() => {
      expect(validateStudent(student, { batch: ucas2022Batch3 }).findings.map((f) => f.code)).toEqual([
        "name.characters",
      ]);
      const reg = createRegistration(student, ucas2022Batch3);
      expect(transition(reg, { type: "stage", conclusion: "graduation" }, staff).ok).toBe(false);
      expect(checkBatch([reg, reg], ucas2022Batch3).ok).toBe(false);
    });
    expect(longest).toBeLessThanOrEqual(NAME_INPUT_MAX);
  });

  it("a name just under the input cap is still read and measured as before (3.1)", () => {
    const r = validateName(` ${"张".repeat(300)} `);
    expect(r.findings.map((f) => f.code)).toEqual(["name.characters", "name.whitespace"]);
    expect(paramsOf(r.findings, "name.characters")).toEqual({ reason: "too-long", length: 300, max: 50 });
  });
});
