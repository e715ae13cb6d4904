import { type Finding, type FindingParams, finding, type LocaleOptions } from "../../findings/index.js";
import type { PhotoFacts } from "../facts.js";

export const PHOTO_WIDTH = 480;
export const PHOTO_HEIGHT = 640;

/**
 * Dimensions (5.3.3): the stored pixel grid (SOF) must be 480 × 640 and display the same way in
 * every viewer. [decision] EXIF Orientation 5–8 swaps width and height in viewers that honour it,
 * so a 480 × 640 grid with such a tag shows as 640 × 480 there: refused, with the hint to rotate
 * the pixels and drop the tag (`hint: "orientation"`). A 640 × 480 grid is refused whatever its tag
 * (`hint: "rotated"`).
 *
 * @example
 * const [f] = dimensionsRule({ facts: { width: 640, height: 480 } }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.dimensions", "error", "5.3.3"]
 * f?.params //=> { expected: { width: 480, height: 640 }, received: { width: 640, height: 480 }, hint: "rotated" }
 */
export function dimensionsRule(
  input: { facts: Pick<PhotoFacts, "width" | "height" | "orientation"> },
  _limits?: unknown,
  options?: LocaleOptions,
): Finding<"photo.dimensions">[] {
  const { width, height, orientation } = input.facts;
  const swaps = orientation !== undefined && orientation >= 5 && orientation <= 8;
  if (width === PHOTO_WIDTH && height === PHOTO_HEIGHT && !swaps) return [];
  const params: FindingParams["photo.dimensions"] = {
    expected: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT },
    received: { width, height },
  };
  if (width === PHOTO_HEIGHT && height === PHOTO_WIDTH) params.hint = "rotated";
  else if (swaps && width === PHOTO_WIDTH && height === PHOTO_HEIGHT) params.hint = "orientation";
  if (orientation !== undefined) params.orientation = orientation;
  return [finding("photo.dimensions", [], params, options)];
}
