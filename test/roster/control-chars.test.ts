import { describe, expect, it } from "vitest";
import { CONTROL_CHARS, escapeControls, isControlChar } from "../../src/roster/index.js";

describe("CONTROL_CHARS, the fast first look of escapeControls (12.7)", () => {
  it("matches exactly the characters of isControlChar, over the whole BMP", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates: neither says yes
      if (CONTROL_CHARS.test(String.fromCharCode(c)) !== isControlChar(c)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it("leaves clean text as the same string and escapes every control character (12.7)", () => {
    const clean = "林思远 北京市海淀区\t201718000000001.jpg";
    expect(escapeControls(clean)).toBe(clean);
    expect(escapeControls("\u001b[2J张三\u202e")).toBe("\\u001b[2J张三\\u202e");
    expect(escapeControls("a\u0085b\ufeff")).toBe("a\\u0085b\\ufeff");
  });
});
