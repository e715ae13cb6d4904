export {
  type BackgroundFacts,
  type BackgroundOptions,
  backgroundProblem,
  defaultBackground,
  type JpegDecoder,
  LIGHT_BLUE,
  measureBackground,
  type Pixels,
  type Rgb,
} from "./background.js";
export {
  type CheckPhotoOptions,
  type ColorModel,
  checkPhoto,
  defaultPhotoLimits,
  PHOTO_HEIGHT,
  PHOTO_WIDTH,
  type PhotoFacts,
  type PhotoFormat,
  type PhotoLimits,
  sniff as sniffImageFormat,
} from "./check.js";
export { type CheckPhotoBackgroundOptions, checkPhotoBackground } from "./check-background.js";
export { findEditor, photoEditors } from "./editors.js";
export { checkFileName, type FileNameProblem, type PhotoStudent, stemMatches } from "./file-name.js";
export {
  type MatchPhotosOptions,
  matchPhotos,
  type PhotoFileMatch,
  type PhotoFolderStudent,
  type PhotoMatch,
  type PhotoStudentMatch,
} from "./match.js";
export { photoReadCap } from "./options.js";
export { estimateQuality } from "./quality.js";
export {
  colorDepthRule,
  densityRule,
  dimensionsRule,
  editedRule,
  fileNameRule,
  fileSizeRule,
  type PhotoRule,
  type PhotoRuleInput,
  photoRules,
  qualityRule,
  type ResolvedPhotoLimits,
  type SizeBounds,
  sizeReadings,
  trailerRule,
} from "./rules/index.js";
