import { describe, expectTypeOf, it } from "vitest";
import {
  type Catalogue,
  type CatalogueEntry,
  type CatalogueOf,
  catalogue,
  type Finding,
  type FindingParams,
  finding,
  type LocaleTable,
  type LocaleTableOf,
  locales,
  type Text,
} from "../../src/findings/index.js";
import { checkPhoto, XueliError, type XueliErrorCode } from "../../src/index.js";

// What the compiler catches, step by step, when a rule is added (docs/architecture.md).
// `FindingParams & { "demo.new": … }` stands for the params map with one code more.
type WithNewCode = FindingParams & { "demo.new": { received: number } };
const entry: CatalogueEntry = { severity: "error", clause: "3.1" };

describe("a finding is a union discriminated on its code", () => {
  it("narrows params by code", () => {
    const f = checkPhoto(new Uint8Array()).findings[0] as Finding;
    if (f.code === "photo.dpi") {
      expectTypeOf(f.params.expected).toEqualTypeOf<number>();
      expectTypeOf(f.params.received).toEqualTypeOf<number | null>();
    }
    if (f.code === "photo.file-size") expectTypeOf(f.params.min).toEqualTypeOf<number>();
    // @ts-expect-error params of another code are not known before narrowing
    f.params.min;
  });

  it("makes findings typed by code: params of the wrong shape do not compile", () => {
    expectTypeOf(finding("photo.dpi", [], { expected: 300, received: 72, source: "jfif" })).toEqualTypeOf<
      Finding<"photo.dpi">
    >();
    // @ts-expect-error display text is not a param: the expected density is a number
    finding("photo.dpi", [], { expected: "≥ 300", received: 72, source: "jfif" });
    // @ts-expect-error a param that the code does not have
    finding("origin.levels", [], { received: "河北省", suggestion: "河北省石家庄市", hint: "x" });
    // @ts-expect-error params are required where the code's are not all optional
    finding("photo.file-size", []);
    // A code whose params are empty may leave them out.
    finding("origin.not-reviewed", []);
    // @ts-expect-error not a code of the catalogue
    finding("demo.new", [], { received: 1 });
  });
});

describe("adding a code: each missing step fails to compile", () => {
  it("a code without its catalogue entry", () => {
    // @ts-expect-error the catalogue lacks demo.new
    const c: CatalogueOf<WithNewCode> = catalogue;
    expectTypeOf(c).not.toBeAny();
    const { "photo.dpi": _dpi, ...withoutDpi } = catalogue;
    // @ts-expect-error a catalogue without photo.dpi
    const d: Catalogue = withoutDpi;
    expectTypeOf(d).not.toBeAny();
  });

  it("a catalogue entry without its params type", () => {
    // @ts-expect-error demo.new has no params in FindingParams
    const c: Catalogue = { ...catalogue, "demo.new": entry };
    expectTypeOf(c).not.toBeAny();
  });

  it("a code without its zh-CN message", () => {
    // @ts-expect-error the zh-CN table lacks demo.new
    const zh: LocaleTableOf<WithNewCode> = locales["zh-CN"];
    expectTypeOf(zh).not.toBeAny();
    const { "photo.dpi": _dpi, ...withoutDpi } = locales["zh-CN"];
    // @ts-expect-error a zh-CN table without photo.dpi
    const t: LocaleTable = withoutDpi;
    expectTypeOf(t).not.toBeAny();
  });

  it("a code without its en message", () => {
    // @ts-expect-error the en table lacks demo.new
    const en: LocaleTableOf<WithNewCode> = locales.en;
    expectTypeOf(en).not.toBeAny();
  });

  it("a message that reads params the code does not have", () => {
    const ok: Text<"photo.dpi"> = { title: "", message: (p) => `${p.expected + 1}` };
    expectTypeOf(ok).not.toBeAny();
    // @ts-expect-error photo.dpi has no param "min"
    const bad: Text<"photo.dpi"> = { title: "", message: (p) => `${p.min}` };
    expectTypeOf(bad).not.toBeAny();
  });
});

describe("programmer errors have one spelling per code", () => {
  it("types XueliError's code as a union", () => {
    expectTypeOf<XueliError["code"]>().toEqualTypeOf<XueliErrorCode>();
    expectTypeOf<"option.invalid">().toExtend<XueliErrorCode>();
    // @ts-expect-error the plural spelling is gone
    new XueliError("options.invalid", "");
  });
});
