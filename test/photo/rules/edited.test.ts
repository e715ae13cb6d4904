import { describe, expect, it } from "vitest";
import { defaultPhotoLimits } from "../../../src/index.js";
import { editedRule } from "../../../src/photo/rules/edited.js";

describe("editedRule: no editor or beauty app in EXIF or XMP, a warning (5.2.2)", () => {
  it("says nothing for camera firmware, encoders, or no software at all", () => {
    expect(editedRule({ software: [] }, defaultPhotoLimits)).toEqual([]);
    expect(
      editedRule({ software: ["Canon EOS R6", "libjpeg-turbo", "HDR+ 1.0"] }, defaultPhotoLimits),
    ).toEqual([]);
  });

  it("warns for the first software string that names an editor, with clause 5.2.2", () => {
    expect(
      editedRule({ software: ["Canon EOS R6", "美图秀秀", "Adobe Photoshop 25.0"] }, defaultPhotoLimits),
    ).toEqual([
      {
        code: "photo.edited",
        severity: "warning",
        clause: "5.2.2",
        path: [],
        message: "照片疑似经过 PS 或美颜处理（EXIF 记载的软件为 Meitu (美图)：“美图秀秀”）",
        params: { received: "美图秀秀", editor: "Meitu (美图)" },
      },
    ]);
  });

  it("names the editor in English too", () => {
    const [f] = editedRule({ software: ["Adobe Photoshop Lightroom Classic 13.0"] }, defaultPhotoLimits, {
      locale: "en",
    });
    expect([f?.params, f?.message]).toEqual([
      { received: "Adobe Photoshop Lightroom Classic 13.0", editor: "Photoshop" },
      'The photo appears to have been edited or beautified (its EXIF names Photoshop: "Adobe Photoshop Lightroom Classic 13.0")',
    ]);
  });
});
