/**
 * File and folder helpers (`xueli-zhuce/node`): everything that touches the file system.
 *
 * @packageDocumentation
 */

// Photos (5.3.3, 5.3): one file, capped read; a folder against the roster.
export {
  type CheckPhotoFileOptions,
  type CheckPhotoFolderOptions,
  checkPhotoFile,
  checkPhotoFolder,
  type PhotoFileReport,
  type PhotoFolderReport,
  type PhotoFolderStudent,
  type PhotoNaming,
  type PhotoStudentReport,
} from "./photo.js";
