/**
 * The page's own words, in both languages. The findings bring their messages from the library's
 * locale tables (rendered in the worker); only what the page itself says lives here. No English in
 * the zh-CN words but codes, file names and extensions, as in the CLI.
 */
import type { Locale } from "../src/index.js";

export interface PageText {
  lang: string;
  title: string;
  intro: string;
  offline: string;
  language: string;
  rosterHeading: string;
  rosterDrop: string;
  rosterChoose: string;
  rosterChosen: (name: string, kb: number) => string;
  photosHeading: string;
  photosFolder: string;
  photosFiles: string;
  photosChosen: (n: number, dir: string) => string;
  photosSkipped: (n: number) => string;
  optionsHeading: string;
  batch: string;
  batchFile: string;
  batchFileChoose: string;
  presetLabel: (school: string, year: number, sequence: number) => string;
  namedBy: string;
  namedByStudentNumber: string;
  namedByIdNumber: string;
  admissionYear: string;
  admissionYearHint: string;
  background: string;
  run: string;
  progressRoster: string;
  progressPhotos: (done: number, total: number) => string;
  progressRows: string;
  progressExport: string;
  waiting: string;
  rosterProblem: string;
  batchProblem: string;
  batchNotJson: (file: string) => string;
  batchUnknown: (id: string) => string;
  failed: (detail: string) => string;
  workerFallback: string;
  summaryHeading: string;
  batchLine: (id: string, file: string | undefined) => string;
  read: (lines: number, students: number, photos: number) => string;
  totals: (errors: number, warnings: number) => string;
  sheetRead: (name: string, index: number, count: number) => string;
  footerSkipped: (count: number, rows: readonly number[]) => string;
  skippedColumns: (headers: readonly string[]) => string;
  byCodeHeading: string;
  noFindings: string;
  code: string;
  titleWord: string;
  count: string;
  findingsHeading: string;
  severityFilter: string;
  codeFilter: string;
  all: string;
  severityWord: (s: "error" | "warning") => string;
  row: string;
  studentNumber: string;
  name: string;
  severity: string;
  clause: string;
  field: string;
  message: string;
  suggestion: string;
  cleanRows: (n: number) => string;
  shown: (shown: number, total: number) => string;
  more: string;
  photosReport: (dir: string) => string;
  photoOk: string;
  photoOrphan: string;
  photoRow: (row: number, studentNumber: string) => string;
  exportHeading: string;
  exportXlsx: string;
  exportCsv: string;
  exportNote: string;
  reportName: (stem: string, ext: string) => string;
}

const zh: PageText = {
  lang: "zh-CN",
  title: "学历注册名册检查",
  intro:
    "检查学历证书电子注册名册和电子照片是否符合注册要求。检查规则与命令行工具 xueli check 相同，结果可导出为标注问题的名册副本。",
  offline: "全部检查在本机浏览器中完成：名册和照片不会上传，本页面不连接任何网络。",
  language: "语言",
  rosterHeading: "1. 名册",
  rosterDrop: "把名册文件拖到这里（.xlsx、.xls、.csv、.json），或",
  rosterChoose: "选择名册文件",
  rosterChosen: (n, kb) => `已选择 ${n}（${kb} KB）`,
  photosHeading: "2. 电子照片（可选）",
  photosFolder: "选择照片文件夹",
  photosFiles: "或选择多张照片",
  photosChosen: (n, d) => `已选择 ${n} 个文件${d === "" ? "" : `（文件夹 ${d}）`}`,
  photosSkipped: (n) => `子文件夹中的 ${n} 个文件未检查（与命令行一致，只检查所选文件夹本身的文件）`,
  optionsHeading: "3. 检查选项",
  batch: "批次",
  batchFile: "批次文件（JSON，xueli batch init 生成）",
  batchFileChoose: "使用批次文件……",
  presetLabel: (s, y, q) => `${s} ${y} 年第 ${q} 批`,
  namedBy: "照片命名方式",
  namedByStudentNumber: "按学号命名",
  namedByIdNumber: "按证件号码命名",
  admissionYear: "入学年度（按证件号码命名时必选）",
  admissionYearHint: "例如 2019",
  background: "同时检查照片背景颜色（4.2.2；较慢）",
  run: "重新检查",
  progressRoster: "正在读取名册……",
  progressPhotos: (d, t) => `正在检查照片…… ${d} / ${t}`,
  progressRows: "正在检查名册各行……",
  progressExport: "正在生成文件……",
  waiting: "请先选择名册文件。",
  rosterProblem: "无法检查这个名册",
  batchProblem: "批次文件有误",
  batchNotJson: (f) => `批次文件 ${f} 不是有效的 JSON：请用 xueli batch init 重新生成，再按说明填写`,
  batchUnknown: (id) => `未知的批次：${id}`,
  failed: (d) => `内部错误（请报告）：${d}`,
  workerFallback: "本浏览器不允许后台线程，检查在页面中分段进行，期间页面可能稍慢。",
  summaryHeading: "汇总",
  batchLine: (id, file) =>
    `批次 ${id}${file === undefined ? "" : `（批次文件 ${file}）`}，只检查数据（不检查系统开放时间）`,
  read: (l, s, p) => `读取 ${l} 行；检查学生 ${s} 名；检查照片 ${p} 张`,
  totals: (e, w) => `错误 ${e} 项；警告 ${w} 项`,
  sheetRead: (name, i, n) => `读取工作表“${name}”（第 ${i} 个，共 ${n} 个）`,
  footerSkipped: (n, rows) =>
    `已跳过表尾 ${n} 行（制表人、审核人、合计、备注、日期等）：第 ${rows.slice(0, 10).join("、")}${n > 10 ? "……" : ""} 行`,
  skippedColumns: (h) => `名册缺少以下列，未检查依赖它们的规则：${h.join("、")}`,
  byCodeHeading: "按代码统计",
  noFindings: "未发现问题。",
  code: "代码",
  titleWord: "规则",
  count: "数量",
  findingsHeading: "有问题的行",
  severityFilter: "级别",
  codeFilter: "代码",
  all: "全部",
  severityWord: (s) => (s === "error" ? "错误" : "警告"),
  row: "行",
  studentNumber: "学号",
  name: "姓名",
  severity: "级别",
  clause: "条款",
  field: "字段",
  message: "问题",
  suggestion: "建议",
  cleanRows: (n) => `另有 ${n} 名学生未发现问题。`,
  shown: (s, t) => `显示 ${s} / ${t} 项`,
  more: "显示更多",
  photosReport: (d) => `照片${d === "" ? "" : `（${d}）`}`,
  photoOk: "未发现问题",
  photoOrphan: "不属于任何学生",
  photoRow: (r, sn) => `第 ${r} 行 ${sn}`,
  exportHeading: "导出检查结果",
  exportXlsx: "标注问题的名册副本（.xlsx）",
  exportCsv: "每个问题一行（.csv）",
  exportNote: "与 xueli check --output 生成的文件相同；文件保存在本机，不会上传。",
  reportName: (stem, ext) => `${stem}-检查结果.${ext}`,
};

const en: PageText = {
  lang: "en",
  title: "Roster checker for e-registration",
  intro:
    "Checks a roster for the e-registration of graduate certificates, and its electronic photos, against the registration rules: the same checks as the command line's xueli check, with an annotated copy of the roster to download.",
  offline:
    "Everything is checked here, in this browser: the roster and the photos are never uploaded, and this page makes no network connection.",
  language: "Language",
  rosterHeading: "1. Roster",
  rosterDrop: "Drop the roster here (.xlsx, .xls, .csv, .json), or",
  rosterChoose: "choose the roster",
  rosterChosen: (n, kb) => `${n} (${kb} KB)`,
  photosHeading: "2. Electronic photos (optional)",
  photosFolder: "Choose the photo folder",
  photosFiles: "or choose photos",
  photosChosen: (n, d) => `${n} file(s)${d === "" ? "" : ` (folder ${d})`}`,
  photosSkipped: (n) =>
    `${n} file(s) in subfolders were not checked (as on the command line, only the folder's own files are)`,
  optionsHeading: "3. Options",
  batch: "Batch",
  batchFile: "Batch file (JSON, from xueli batch init)",
  batchFileChoose: "Use a batch file…",
  presetLabel: (s, y, q) => `${s}, ${y} batch ${q}`,
  namedBy: "Photos are named by",
  namedByStudentNumber: "student number",
  namedByIdNumber: "ID number",
  admissionYear: "Admission year (required when named by ID number)",
  admissionYearHint: "e.g. 2019",
  background: "Also check the photos' background colour (4.2.2; slower)",
  run: "Check again",
  progressRoster: "Reading the roster…",
  progressPhotos: (d, t) => `Checking photos… ${d} / ${t}`,
  progressRows: "Checking the roster's rows…",
  progressExport: "Making the file…",
  waiting: "Choose a roster first.",
  rosterProblem: "This roster cannot be checked",
  batchProblem: "The batch file is wrong",
  batchNotJson: (f) =>
    `The batch file ${f} is not valid JSON: write it again with xueli batch init and fill it in`,
  batchUnknown: (id) => `Unknown batch: ${id}`,
  failed: (d) => `Internal error (please report it): ${d}`,
  workerFallback:
    "This browser allows no background thread: the check runs in the page, in slices, and the page may be slower meanwhile.",
  summaryHeading: "Summary",
  batchLine: (id, file) =>
    `Batch ${id}${file === undefined ? "" : ` (batch file ${file})`}, data checks only (not the window)`,
  read: (l, s, p) => `${l} line(s) read; ${s} student(s) checked; ${p} photo(s) checked`,
  totals: (e, w) => `${e} error(s); ${w} warning(s)`,
  sheetRead: (name, i, n) => `Read sheet "${name}" (${i} of ${n})`,
  footerSkipped: (n, rows) =>
    `Skipped ${n} footer line(s) (made by, checked by, totals, remarks, date): row ${rows.slice(0, 10).join(", ")}${n > 10 ? ", …" : ""}`,
  skippedColumns: (h) =>
    `The roster lacks these columns; the rules that need them were not checked: ${h.join(", ")}`,
  byCodeHeading: "By code",
  noFindings: "No findings.",
  code: "Code",
  titleWord: "Rule",
  count: "Count",
  findingsHeading: "Rows with findings",
  severityFilter: "Severity",
  codeFilter: "Code",
  all: "all",
  severityWord: (s) => s,
  row: "Row",
  studentNumber: "Student number",
  name: "Name",
  severity: "Severity",
  clause: "Clause",
  field: "Field",
  message: "Finding",
  suggestion: "Suggestion",
  cleanRows: (n) => `${n} more student(s) without findings.`,
  shown: (s, t) => `${s} of ${t} shown`,
  more: "Show more",
  photosReport: (d) => `Photos${d === "" ? "" : ` (${d})`}`,
  photoOk: "no findings",
  photoOrphan: "matches no student",
  photoRow: (r, sn) => `row ${r} ${sn}`,
  exportHeading: "Export the report",
  exportXlsx: "Annotated copy of the roster (.xlsx)",
  exportCsv: "One line per finding (.csv)",
  exportNote: "The same files as xueli check --output writes; saved on this computer, never uploaded.",
  reportName: (stem, ext) => `${stem}-report.${ext}`,
};

/** The page's words in `locale`. */
export function pageText(locale: Locale): PageText {
  return locale === "en" ? en : zh;
}
