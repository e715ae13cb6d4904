/**
 * What the report files (the CSV, the annotated workbook) say about one finding besides its
 * message: the roster column it is about, the suggestion its params carry, the words of the report's
 * own headings in each locale. Pure.
 */
import type { Finding, Locale } from "../findings/index.js";
import { columns as columnTable } from "./columns.js";

/** A column of the roster as read: its position, its field's key and the header it has there. */
export interface ReportColumn {
  column: number;
  key: string;
  header?: string;
}

/** The headers of the column table, by key (the status system's first). */
const tableHeader: ReadonlyMap<string, string> = new Map(
  columnTable.map((c) => [c.key, c.zh[0] as string] as const),
);

/**
 * The key of the column a finding's path is about: the longest column key its path starts with.
 * @example
 * columnKeyOf(["id", "number"]) //=> "id.number"
 * columnKeyOf(["study", "defense"]) //=> "study.defense"
 * columnKeyOf(["photo"]) //=> undefined
 */
export function columnKeyOf(path: readonly (string | number)[]): string | undefined {
  const parts = path.map(String);
  // A whole object refers to its one column (an `id` missing: 证件号码; an `origin`: 生源地).
  if (parts.length === 1 && parts[0] === "id") return "id.number";
  if (parts.length === 1 && parts[0] === "origin") return "origin.value";
  for (let n = Math.min(parts.length, 3); n > 0; n--) {
    const key = parts.slice(0, n).join(".");
    if (tableHeader.has(key)) return key;
  }
  return undefined;
}

/** The position of the roster column a finding is about, among the columns read. */
export function columnOf(
  path: readonly (string | number)[],
  cols: readonly ReportColumn[],
): number | undefined {
  const key = columnKeyOf(path);
  return key === undefined ? undefined : cols.find((c) => c.key === key)?.column;
}

/** Words of the report files in one locale. */
export interface ReportWords {
  row: string;
  studentNumber: string;
  name: string;
  field: string;
  code: string;
  severity: string;
  clause: string;
  message: string;
  suggestion: string;
  title: string;
  count: string;
  problems: string;
  error: string;
  warning: string;
  photo: string;
  file: string;
  batchField: string;
  /** A conclusion's word (`"completion"` → 结业 in zh-CN); other text as it is. */
  conclusion: (c: string) => string;
  sheets: { summary: string; photos: string; roster: string };
  summary: {
    batch: string;
    at: string;
    dataOnly: string;
    linesRead: string;
    students: string;
    photos: string;
    errors: string;
    warnings: string;
    sheet: string;
    /** The sheet read, as the summary names it: its name, its position (1-based) and the number of sheets. */
    sheetOf: (name: string, index: number, count: number) => string;
    footer: string;
    /** The footer lines skipped below the data: how many, and their rows. */
    footerRows: (count: number, rows: readonly number[]) => string;
    skipped: string;
    /** A column that was not checked: its header, and the codes of the rules it would have fed. */
    skippedColumn: (header: string, codes: readonly string[]) => string;
    window: string;
    folder: string;
    byCode: string;
  };
  photoSheet: { fileName: string; studentNumber: string; row: string; problems: string; folder: string };
}

const zh: ReportWords = {
  row: "行",
  studentNumber: "学号",
  name: "姓名",
  field: "字段",
  code: "代码",
  severity: "严重程度",
  clause: "条款",
  message: "说明",
  suggestion: "建议",
  title: "规则",
  count: "数量",
  problems: "问题",
  error: "错误",
  warning: "警告",
  photo: "照片",
  file: "照片文件",
  batchField: "批次",
  conclusion: (c) => (c === "completion" ? "结业" : c === "graduation" ? "毕业" : c),
  sheets: { summary: "汇总", photos: "照片", roster: "名册" },
  summary: {
    batch: "批次",
    at: "检查时刻",
    dataOnly: "只检查数据（未检查系统开放时间）",
    linesRead: "读取行数",
    students: "检查学生",
    photos: "检查照片",
    errors: "错误",
    warnings: "警告",
    sheet: "工作表",
    sheetOf: (name, i, n) => `“${name}”（第 ${i} 个，共 ${n} 个）`,
    footer: "跳过的表尾行",
    footerRows: (count, rows) =>
      count === 0 ? "无" : `${count} 行：第 ${rows.slice(0, 20).join("、")}${count > 20 ? "……" : ""} 行`,
    skipped: "缺少的列",
    skippedColumn: (header, codes) =>
      codes.length === 0 ? `${header}：只跳过该列本身的检查` : `${header}：跳过 ${codes.join("、")}`,
    window: "开放时间",
    folder: "照片文件夹",
    byCode: "按代码统计",
  },
  photoSheet: {
    fileName: "文件名",
    studentNumber: "学号",
    row: "名册行",
    problems: "问题",
    folder: "（文件夹）",
  },
};

const en: ReportWords = {
  row: "Row",
  studentNumber: "Student number",
  name: "Name",
  field: "Field",
  code: "Code",
  severity: "Severity",
  clause: "Clause",
  message: "Message",
  suggestion: "Suggestion",
  title: "Rule",
  count: "Count",
  problems: "Problems",
  error: "error",
  warning: "warning",
  photo: "Photo",
  file: "Photo file",
  batchField: "Batch",
  conclusion: (c) => c,
  sheets: { summary: "Summary", photos: "Photos", roster: "Roster" },
  summary: {
    batch: "Batch",
    at: "Checked as of",
    dataOnly: "data only (the window was not checked)",
    linesRead: "Lines read",
    students: "Students checked",
    photos: "Photos checked",
    errors: "Errors",
    warnings: "Warnings",
    sheet: "Sheet",
    sheetOf: (name, i, n) => `"${name}" (${i} of ${n})`,
    footer: "Footer lines skipped",
    footerRows: (count, rows) =>
      count === 0 ? "none" : `${count}: row ${rows.slice(0, 20).join(", ")}${count > 20 ? ", …" : ""}`,
    skipped: "Columns missing",
    skippedColumn: (header, codes) =>
      codes.length === 0 ? `${header}: only its own check skipped` : `${header}: skipped ${codes.join(", ")}`,
    window: "Window",
    folder: "Photo folder",
    byCode: "By code",
  },
  photoSheet: {
    fileName: "File name",
    studentNumber: "Student number",
    row: "Roster row",
    problems: "Problems",
    folder: "(folder)",
  },
};

/**
 * The report files' words in `locale`.
 * @example
 * reportWords("zh-CN").severity //=> "严重程度"
 * reportWords("en").severity //=> "Severity"
 */
export function reportWords(locale: Locale): ReportWords {
  return locale === "en" ? en : zh;
}

/**
 * The suggestion a finding carries, as a registrar would type it: the origin's three levels, the
 * ethnic group's current name, the photo file's right name, the name with its separator, the
 * conclusion that fits the defense (毕业 / 结业).
 * @example
 * suggestionOf(validateOrigin("河北省正定县").findings[0], "zh-CN") //=> "河北省石家庄市正定县"
 * const failed = { ...student, study: { ...student.study, defense: "failed" } };
 * const [f] = checkStudentRegistration(failed, { batch: ucas2022Batch3, conclusion: "graduation" }).findings;
 * f?.code //=> "conclusion.ineligible"
 * [suggestionOf(f, "zh-CN"), suggestionOf(f, "en")] //=> ["结业", "completion"]
 */
export function suggestionOf(f: Finding, locale: Locale): string | undefined {
  const p = f.params as { suggestion?: unknown };
  const s = p?.suggestion;
  if (typeof s !== "string" || s === "") return undefined;
  return f.code === "conclusion.ineligible" ? reportWords(locale).conclusion(s) : s;
}

/**
 * The field a finding is about, as the roster names it: the column's own header when the roster
 * has it, else the status system's; a photo's file name; the whole row: empty.
 * @example
 * const [f] = validateStudent({ ...student, id: { type: "resident", number: "110108199805121681" } }).findings;
 * fieldOf(f, [], "zh-CN") //=> "证件号码"
 * fieldOf(f, [{ column: 5, key: "id.number", header: "身份证号" }], "zh-CN") //=> "身份证号"
 */
export function fieldOf(f: Finding, cols: readonly ReportColumn[], locale: Locale): string {
  const path = f.path.map(String);
  const words = reportWords(locale);
  if (path[0] === "photos" || path[0] === "files" || path[0] === "students") {
    const i = path.indexOf("files");
    return i >= 0 && path[i + 1] !== undefined ? `${words.file} ${path[i + 1]}` : words.photo;
  }
  if (path[0] === "batch") return words.batchField;
  const key = columnKeyOf(path);
  if (key === undefined) return path.join(".");
  return cols.find((c) => c.key === key)?.header ?? tableHeader.get(key) ?? key;
}

/**
 * The field a finding's suggestion is to be written in: the finding's own (`fieldOf`), but for
 * `conclusion.ineligible`, which is about the defense (答辩结果) and suggests the conclusion — its
 * 结业 goes in 毕业结论 [decision].
 * @example
 * const failed = { ...student, study: { ...student.study, defense: "failed" } };
 * const [f] = checkStudentRegistration(failed, { batch: ucas2022Batch3, conclusion: "graduation" }).findings;
 * [fieldOf(f, [], "zh-CN"), suggestionFieldOf(f, [], "zh-CN")] //=> ["答辩结果", "毕业结论"]
 */
export function suggestionFieldOf(f: Finding, cols: readonly ReportColumn[], locale: Locale): string {
  if (f.code !== "conclusion.ineligible") return fieldOf(f, cols, locale);
  return cols.find((c) => c.key === "conclusion")?.header ?? (tableHeader.get("conclusion") as string);
}

/** A finding as one line of the report files: severity, message and code. */
export function findingText(f: Finding, locale: Locale): string {
  const w = reportWords(locale);
  const sev = f.severity === "error" ? w.error : w.warning;
  return locale === "en" ? `${sev}: ${f.message} (${f.code})` : `${sev}：${f.message}（${f.code}）`;
}
