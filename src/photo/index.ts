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
export { findEditor, photoEditors } from "./editors.js";
export { checkFileName, type FileNameProblem, type PhotoStudent, stemMatches } from "./file-name.js";
export { estimateQuality } from "./quality.js";
