import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, RECEIVED_MAX } from "../../src/core/strings.js";
import { MESSAGE_VALUE_MAX, messageFor, show } from "../../src/findings/index.js";
import { validateEthnicity, validateName, validateOrigin } from "../../src/index.js";
import { paramsOf } from "../helpers/findings.js";

const codePoints = (s: string) => Array.from(s).length;

describe("clip: long values are cut with an ellipsis, never inside a character", () => {
  it("keeps strings of at most max characters as they are", () => {
    expect(clip("北京市", 3)).toBe("北京市");
    expect(clip("𠇔𠇔𠇔", 3)).toBe("𠇔𠇔𠇔"); // 6 UTF-16 units, 3 characters
    expect(clip("", 3)).toBe("");
  });

  it("cuts longer ones to max characters, the last an ellipsis", () => {
    expect(clip("北京市海淀区", 4)).toBe("北京市…");
    expect(clip("𠇔𠇔𠇔𠇔", 3)).toBe("𠇔𠇔…");
  });

  it("holds for any string: at most max characters, a prefix of the input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (s, max) => {
          const c = clip(s, max);
          expect(codePoints(c)).toBeLessThanOrEqual(max);
          if (c === s) expect(codePoints(s)).toBeLessThanOrEqual(max);
          else expect(s.startsWith(c.slice(0, -1)) && c.endsWith("…")).toBe(true);
        },
      ),
    );
  });
});

describe("messages cut long values at MESSAGE_VALUE_MAX (80) characters; params keep them", () => {
  it("show cuts strings and rendered objects", () => {
    expect(MESSAGE_VALUE_MAX).toBe(80);
    expect(show("张".repeat(1000))).toBe(`${"张".repeat(79)}…`);
    expect(show("张".repeat(80))).toBe("张".repeat(80));
    expect(codePoints(show(Array.from({ length: 100 }, (_, i) => i)))).toBe(80);
  });

  it("the generic message of origin.format (3.3) shows at most 80 characters of the input", () => {
    const input = `北京市${"某".repeat(150)}`;
    const [f] = validateOrigin(input).findings;
    expect(f?.code).toBe("origin.format");
    expect(f?.clause).toBe("3.3");
    expect(paramsOf(validateOrigin(input).findings, "origin.format").received).toBe(input); // 153 characters: under RECEIVED_MAX, kept whole
    expect(f?.message).toBe(`生源地写法不合法（收到 北京市${"某".repeat(76)}…）`);
  });

  it("message functions see the cut values too (certificate.duplicate)", () => {
    const m = messageFor("en", "certificate.duplicate", {
      received: "1".repeat(300),
      count: 2,
      indices: [0, 1],
    });
    expect(m).toContain(`${"1".repeat(79)}…`);
    expect(m).not.toContain("1".repeat(80));
  });
});

describe("validators echo at most RECEIVED_MAX (200) characters of arbitrary input in params.received", () => {
  const long = "某".repeat(100_000);

  it("validateOrigin: origin.* (3.3)", () => {
    const [f] = validateOrigin(long).findings;
    expect(RECEIVED_MAX).toBe(200);
    expect(paramsOf(validateOrigin(long).findings, "origin.format").received).toBe(`${"某".repeat(199)}…`);
    expect(codePoints(f?.message ?? "")).toBeLessThan(120);
  });

  it("validateEthnicity: ethnicity.unknown (GB/T 3304)", () => {
    const [f] = validateEthnicity(long).findings;
    expect(f?.code).toBe("ethnicity.unknown");
    expect(paramsOf(validateEthnicity(long).findings, "ethnicity.unknown").received).toBe(
      `${"某".repeat(199)}…`,
    );
  });

  it("validateName: name.whitespace and name.characters (3.1)", () => {
    const spaced = validateName(` ${"张".repeat(300)} `).findings;
    const ws = paramsOf(spaced, "name.whitespace");
    expect(ws.received).toBe(` ${"张".repeat(198)}…`);
    expect(ws.suggestion).toBe(`${"张".repeat(199)}…`);
    const dots = validateName(`·${"张".repeat(300)}`).findings[0];
    expect(dots?.params).toEqual({ received: `·${"张".repeat(198)}…`, reason: "dot" });
  });
});
