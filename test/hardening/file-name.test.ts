// The file-name suggestion (5.3.3) without a regular expression that backtracks quadratically: a
// performance fix of issue 7. The old pattern is kept here as the oracle on short names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPhoto } from "../../src/index.js";
import { checkFileName } from "../../src/photo/file-name.js";
import { assertResult } from "./arbitraries.js";

/** The former suggestion: the longest match of the old pattern of at least 5 characters. */
function oldSuggestion(stem: string): string | undefined {
  const tokens = stem.match(/[0-9A-Za-z]*[0-9][0-9A-Za-z]*/g)?.filter((t) => t.length >= 5);
  return tokens?.sort((a, b) => b.length - a.length)[0];
}

describe("photo file-name rule on hostile names (5.3.3)", () => {
  it("suggests what the former pattern suggested, on random short names", () => {
    const unit = fc.constantFrom(..."0123456789abcXYZ _-.()名张");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (stem) => {
        const p = checkFileName(`${stem}.jpg`);
        const old = /^(?=[A-Za-z]*[0-9])[0-9A-Za-z]{5,20}$/.test(stem) ? undefined : oldSuggestion(stem);
        if (p?.reason === "stem") expect(p.suggestion).toBe(old === undefined ? undefined : `${old}.jpg`);
      }),
      { numRuns: 1000 },
    );
  });

  it("answers a 300,000-letter file name without backtracking (it took minutes before)", () => {
    const r = checkPhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), {
      fileName: `${"a".repeat(300_000)}.jpg`,
    });
    assertResult(r);
    expect(r.findings.map((f) => f.code)).toContain("photo.file-name");
    expect(checkFileName(`${"a".repeat(300_000)}1.jpg`)).toEqual({
      reason: "stem",
      suggestion: `${"a".repeat(300_000)}1.jpg`,
    });
  });
});
