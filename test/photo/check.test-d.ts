import { describe, expectTypeOf, it } from "vitest";
import { checkPhoto, type PhotoFacts, type Result } from "../../src/index.js";
import { checkPhotoFolder, type PhotoFolderReport } from "../../src/node/index.js";

declare const bytes: Uint8Array;

describe("checkPhoto's return type follows the background option", () => {
  it("is synchronous without background, a Promise with it", () => {
    expectTypeOf(checkPhoto(bytes)).toEqualTypeOf<Result<PhotoFacts>>();
    expectTypeOf(checkPhoto(bytes, { fileName: "a.jpg", background: false })).toEqualTypeOf<
      Result<PhotoFacts>
    >();
    expectTypeOf(checkPhoto(bytes, { background: true })).toEqualTypeOf<Promise<Result<PhotoFacts>>>();
    expectTypeOf(checkPhoto(bytes, { background: { tolerance: 80 } })).toEqualTypeOf<
      Promise<Result<PhotoFacts>>
    >();
  });
  it("refuses misuse at compile time", () => {
    // @ts-expect-error a locale that does not exist
    checkPhoto(bytes, { locale: "fr" });
    // @ts-expect-error limits are numbers of bytes
    checkPhoto(bytes, { limits: { maxBytes: "40K" } });
    // @ts-expect-error namedBy is required and is "id-number" or "student-number"
    void checkPhotoFolder("dir", [], { namedBy: "name" });
    expectTypeOf(checkPhotoFolder("dir", [], { namedBy: "id-number" })).resolves.toEqualTypeOf<
      Result<PhotoFolderReport>
    >();
  });
});
