/**
 * xueli-zhuce/roster — reading rosters (名册) and writing workbooks, in a browser as in Node: CSV in
 * UTF-8, GB18030 or UTF-16, .xlsx, .xls and JSON, in bounded memory, with the one column mapping
 * of the status system's headers. A subpath of its own so that the core (`xueli-zhuce`) does not
 * carry the spreadsheet library. Every export is listed by name (docs/architecture.md).
 *
 * @packageDocumentation
 */

export type { RosterFormat, RosterLimitName, RosterProblem } from "../findings/params.js";
export {
  type CheckRosterOptions,
  type CheckRosterPhotos,
  checkRoster,
  RosterCheck,
  type RosterCheckOptions,
  type RosterPhotos,
  type RosterRunInfo,
  rosterEvents,
  rulesByColumn,
} from "./check.js";
export { type Column, cellValue, columnFor, columns, foldHeader, type ValueKind } from "./columns.js";
export { decodeRosterText, type RosterEncoding } from "./encoding.js";
export { defaultRosterLimits, type RosterLimits, resolveRosterLimits } from "./limits.js";
export {
  type ResolvedColumns,
  type RosterColumns,
  type RosterRow,
  type RosterStudent,
  type RosterUnreadableRow,
  resolveColumns,
  studentFromCells,
  studentFromObject,
} from "./map.js";
export {
  type ReadRosterOptions,
  type Roster,
  type RosterCopy,
  readRoster,
  rosterFormatOfName,
  rosterFormats,
} from "./read.js";
export {
  CONTROL_CHARS,
  capFinding,
  displayWidth,
  escapeControls,
  isControlChar,
  type PhotoFileEntry,
  type PhotosReport,
  padDisplay,
  REPORT_TEXT_MAX,
  type Report,
  type ReportSummary,
  type SkippedColumn,
  type StudentReport,
  Tally,
  type WindowReport,
} from "./report.js";
export { CsvReport, type CsvReportOptions, csvCell, reportCsv } from "./report-csv.js";
export {
  columnKeyOf,
  fieldOf,
  type ReportColumn,
  type ReportWords,
  reportWords,
  suggestionOf,
} from "./report-fields.js";
export { REPORT_FILLS, type ReportXlsxOptions, writeReportXlsx } from "./report-xlsx.js";
export type { RosterEvent, RosterFooterLine, RosterHeader } from "./rows.js";
export { createRosterStream, type RosterStream, type RosterStreamOptions } from "./text.js";
export { writeXlsx, type XlsxBook, type XlsxCell, type XlsxSheet, type XlsxValue } from "./write.js";
