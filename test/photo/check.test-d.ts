import { describe, expectTypeOf, it } from "vitest";
import {
  type BackgroundFacts,
  checkPhoto,
  checkPhotoBackground,
  matchPhotos,
  type PhotoFacts,
  type PhotoFolderStudent,
  type PhotoMatch,
  type Result,
} from "../../src/index.js";
import {
  checkPhotoFile,
  checkPhotoFolder,
  type PhotoFolderStudent as NodePhotoFolderStudent,
  type PhotoFolderReport,
} from "../../src/node/index.js";

declare const bytes: Uint8Array;
declare const students: PhotoFolderStudent[];

describe("checkPhoto is synchronous; the background is its own async check", () => {
  it("checkPhoto always returns a Result", () => {
    expectTypeOf(checkPhoto(bytes)).toEqualTypeOf<Result<PhotoFacts>>();
    expectTypeOf(checkPhoto(bytes, { fileName: "a.jpg", limits: { maxBytes: 50_000 } })).toEqualTypeOf<
      Result<PhotoFacts>
    >();
    expectTypeOf(checkPhoto(new ArrayBuffer(8))).toEqualTypeOf<Result<PhotoFacts>>();
    // @ts-expect-error checkPhoto decodes nothing: the background is checkPhotoBackground's
    checkPhoto(bytes, { background: true });
  });
  it("checkPhotoBackground returns a Promise of the measurements", () => {
    expectTypeOf(checkPhotoBackground(bytes)).toEqualTypeOf<Promise<Result<BackgroundFacts>>>();
    expectTypeOf(
      checkPhotoBackground(bytes, {
        tolerance: 80,
        decode: () => ({ width: 1, height: 1, data: bytes }),
        locale: "en",
      }),
    ).resolves.toEqualTypeOf<Result<BackgroundFacts>>();
    // @ts-expect-error the reference is an RGB triple
    void checkPhotoBackground(bytes, { reference: "lightblue" });
  });
  it("the file helpers keep a background option and stay async", () => {
    expectTypeOf(checkPhotoFile("a.jpg", { background: true })).toEqualTypeOf<Promise<Result<PhotoFacts>>>();
    expectTypeOf(
      checkPhotoFolder("dir", students, { namedBy: "student-number", background: { tolerance: 80 } }),
    ).resolves.toEqualTypeOf<Result<PhotoFolderReport>>();
  });
});

describe("matchPhotos is pure and synchronous", () => {
  it("returns the match of names to students", () => {
    expectTypeOf(
      matchPhotos(["a.jpg"], students, { namedBy: "id-number", admissionYear: 2019 }),
    ).toEqualTypeOf<Result<PhotoMatch>>();
    expectTypeOf<PhotoMatch["files"][number]["student"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PhotoMatch["students"][number]["fileIndices"]>().toEqualTypeOf<number[]>();
    // The core's PhotoFolderStudent is the one xueli-zhuce/node re-exports.
    expectTypeOf<NodePhotoFolderStudent>().toEqualTypeOf<PhotoFolderStudent>();
  });
});

describe("misuse does not compile", () => {
  it("refuses wrong options", () => {
    // @ts-expect-error a locale that does not exist
    checkPhoto(bytes, { locale: "fr" });
    // @ts-expect-error limits are numbers of bytes
    checkPhoto(bytes, { limits: { maxBytes: "40K" } });
    // @ts-expect-error namedBy is required and is "id-number" or "student-number"
    void checkPhotoFolder("dir", [], { namedBy: "name" });
    // @ts-expect-error namedBy is required
    matchPhotos([], [], {});
    // @ts-expect-error concurrency is a number
    void checkPhotoFolder("dir", [], { namedBy: "id-number", concurrency: "8" });
    expectTypeOf(checkPhotoFolder("dir", [], { namedBy: "id-number" })).resolves.toEqualTypeOf<
      Result<PhotoFolderReport>
    >();
  });
});
