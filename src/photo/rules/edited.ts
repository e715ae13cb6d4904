import { type Finding, finding, type LocaleOptions } from "../../findings/index.js";
import { findEditor } from "../editors.js";

/**
 * No retouched or edited photos (5.2.2): a **warning** when EXIF Software, ProcessingSoftware or
 * XMP CreatorTool names an editor or a beauty app (`photoEditors`); the first one that does is
 * reported. A warning: the tag proves a program touched the file, not that the face was retouched.
 *
 * @example
 * const [f] = editedRule({ software: ["Canon EOS R6", "美图秀秀"] }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.edited", "warning", "5.2.2"]
 * f?.params //=> { received: "美图秀秀", editor: "Meitu (美图)" }
 */
export function editedRule(
  input: { software: readonly string[] },
  _limits?: unknown,
  options?: LocaleOptions,
): Finding<"photo.edited">[] {
  for (const s of input.software) {
    const editor = findEditor(s);
    if (editor !== undefined) return [finding("photo.edited", [], { received: s, editor }, options)];
  }
  return [];
}
