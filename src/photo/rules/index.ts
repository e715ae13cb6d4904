/**
 * The photo rules of 5.3.3, 5.2.2 and CHSI's spec, one small function each. The header rules share
 * one signature (`PhotoRule`) and run in the order of `photoRules`; the naming rule judges the file
 * name alone and runs whatever the bytes hold.
 */
import { colorDepthRule } from "./color-depth.js";
import { densityRule } from "./density.js";
import { dimensionsRule } from "./dimensions.js";
import { editedRule } from "./edited.js";
import { fileSizeRule } from "./file-size.js";
import { qualityRule } from "./quality.js";
import { trailerRule } from "./trailer.js";
import type { PhotoRule } from "./types.js";

export { colorDepthRule } from "./color-depth.js";
export { densityRule } from "./density.js";
export { dimensionsRule, PHOTO_HEIGHT, PHOTO_WIDTH } from "./dimensions.js";
export { editedRule } from "./edited.js";
export { fileNameRule } from "./file-name.js";
export { fileSizeRule, type SizeBounds, sizeReadings } from "./file-size.js";
export { qualityRule } from "./quality.js";
export { TRAILER_PADDING, trailerRule } from "./trailer.js";
export type { PhotoRule, PhotoRuleInput, ResolvedPhotoLimits } from "./types.js";

/** The header rules, in the order their findings are reported. */
export const photoRules: readonly PhotoRule[] = [
  dimensionsRule,
  densityRule,
  colorDepthRule,
  fileSizeRule,
  qualityRule,
  editedRule,
  trailerRule,
];
