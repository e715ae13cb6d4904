import { describe, expect, it } from "vitest";
import { XueliError } from "../../src/core/error.js";
import { ucas2022Batch3 } from "../../src/entities/batch.js";
import { reviewOrigin } from "../../src/index.js";
import { resolveContext } from "../../src/registration/context.js";
import { createRegistration, transition } from "../../src/registration/machine.js";
import { makeStudent } from "./fixtures.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof XueliError ? e.code : "not-a-XueliError";
  }
  return undefined;
}

describe("resolveContext: the one check of a transition context (2, 3.3)", () => {
  it("keeps the caller's ISO text (trimmed) and reads the instant in Beijing time", () => {
    const r = resolveContext({ at: " 2022-06-01T10:00:00+08:00 ", actor: "unit-staff" });
    expect(r).toEqual({
      at: new Date("2022-06-01T02:00:00Z"),
      atText: "2022-06-01T10:00:00+08:00",
      actor: "unit-staff",
      options: { locale: "zh-CN" },
    });
  });

  it("records a Date in its ISO form", () => {
    const r = resolveContext({ at: new Date("2022-06-01T02:00:00Z"), actor: "student" });
    expect(r.atText).toBe("2022-06-01T02:00:00.000Z");
  });

  it("takes the locale from the options first, then from the context", () => {
    const ctx = { at: "2022-06-01T10:00:00+08:00", actor: "student", locale: "en" } as const;
    expect(resolveContext(ctx).options).toEqual({ locale: "en" });
    expect(resolveContext(ctx, { locale: "zh-CN" }).options).toEqual({ locale: "zh-CN" });
  });

  it.each([
    ["a context that is not an object", null, "context.invalid"],
    ["a string context", "2022-06-01", "context.invalid"],
    ["no instant", { actor: "student" }, "context.at"],
    ["an instant without an offset", { at: "2022-06-01T10:00:00", actor: "student" }, "context.at"],
    ["an object instant without toString", { at: Object.create(null), actor: "student" }, "context.at"],
    ["an unknown actor", { at: "2022-06-01T10:00:00+08:00", actor: "dean" }, "context.actor"],
    [
      "an unknown locale",
      { at: "2022-06-01T10:00:00+08:00", actor: "student", locale: "fr" },
      "locale.unknown",
    ],
  ])(
    "throws XueliError for %s, the same code from transition and from the origin workflow",
    (_, ctx, code) => {
      const registration = createRegistration(makeStudent(), ucas2022Batch3);
      expect(codeOf(() => resolveContext(ctx))).toBe(code);
      expect(codeOf(() => transition(registration, { type: "submit" }, ctx as never))).toBe(code);
      expect(codeOf(() => reviewOrigin(registration, ctx as never))).toBe(code);
    },
  );
});
