import type { Locale } from "../index.js";

/**
 * The CLI's own words (usage, errors, report headings), in both locales. Findings bring their
 * messages from the core's locale tables; only what the shell itself says lives here. No English
 * in the zh-CN words: a Node error code (`ENOENT`) or a parser's message is never shown as it is
 * but said in the locale's words (`fileProblem`).
 */
export interface CliText {
  usage: string;
  unknownCommand: (c: string) => string;
  unknownOption: (option: string) => string;
  /** An option given without its value (`--format` at the end of the line). */
  missingValue: (option: string) => string;
  /** A yes/no option given a value (`--quiet=1`). */
  takesNoValue: (option: string) => string;
  helpHint: string;
  badValue: (option: string, value: string, expected: string) => string;
  rosterMissing: string;
  /** More than one roster given. */
  tooManyRosters: (given: readonly string[]) => string;
  rosterAndExample: string;
  /** A file that cannot be read or written, and why (`fileProblem`). */
  unreadable: (file: string, why: string) => string;
  cannotWrite: (file: string, why: string) => string;
  /** A Node error code in words. */
  fileProblem: (code: string | undefined) => string;
  unsupported: (file: string) => string;
  /** The roster is read more than once (docs/cli.md, "Memory"): it must not change in between. */
  changedWhileRead: string;
  notAFile: string;
  /** Which sheet of a workbook was read (`index` 1-based, of `count`). */
  sheetRead: (name: string, index: number, count: number) => string;
  /** Footer lines skipped (制表人, 合计 …), once. */
  footerSkipped: (count: number, rows: readonly number[]) => string;
  /** After a roster too large: the option that raises the bound. */
  raiseLimit: (option: string) => string;
  /** A batch file that is not JSON. */
  batchNotJson: (file: string) => string;
  /** A batch file that is JSON but not one object (a list, a number …). */
  batchNotObject: (file: string) => string;
  /** A batch file whose fields are wrong: the heading of its findings. */
  badBatchFile: (file: string) => string;
  notAFolder: (dir: string) => string;
  unknownCode: (code: string) => string;
  codeMissing: string;
  /** `--output`. */
  outputIsRoster: (file: string) => string;
  outputType: (file: string) => string;
  outputWritten: (file: string) => string;
  rowLabel: (row: number) => string;
  okStudents: (n: number) => string;
  photosHeading: (dir: string) => string;
  summaryHeading: string;
  /** The summary's first line: lines read, students checked, photos checked. */
  read: (lines: number, students: number, photos: number) => string;
  totals: (errors: number, warnings: number) => string;
  /** With `--quiet`: how many warnings were not shown. */
  warningsHidden: (n: number) => string;
  skippedColumns: (headers: readonly string[]) => string;
  skippedRules: (codes: readonly string[]) => string;
  byCodeHeading: string;
  noFindings: string;
  progress: (files: number, seconds: number) => string;
  /** Progress of a long roster: the pass, the rows read. */
  rosterProgress: (pass: number, rows: number, total: number | undefined) => string;
  clause: string;
  notice: string;
  standard: string;
  severityWord: (s: "error" | "warning") => string;
  batchLine: (id: string, file: string | undefined, at: string | undefined) => string;
  /** An internal error: a bug, not the input. */
  internal: (detail: string) => string;
  // `xueli batch`
  batchUsage: string;
  batchWritten: (file: string) => string;
  batchExists: (file: string) => string;
  batchNote: (year: number) => string;
  batchListHeading: readonly [string, string, string, string, string];
  // `xueli web`
  webWritten: (file: string) => string;
  /** `--out` names a file that is not a page `xueli web` wrote: never overwritten. */
  webExists: (file: string) => string;
  /** The page is not in the package (a build without `scripts/build-web.mjs`). */
  webMissing: string;
}

const zhFileProblem: Record<string, string> = {
  ENOENT: "文件或文件夹不存在",
  EACCES: "没有权限",
  EPERM: "没有权限",
  EISDIR: "这是文件夹，不是文件",
  ENOTDIR: "路径中有一部分不是文件夹",
  ELOOP: "符号链接过多（可能循环）",
  EMFILE: "打开的文件过多",
  ENFILE: "打开的文件过多",
  EBUSY: "文件正被占用",
  ENOSPC: "磁盘空间不足",
  EROFS: "文件系统只读",
  ENAMETOOLONG: "文件名过长",
  EEXIST: "文件已存在",
};

const enFileProblem: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ELOOP: "too many symbolic links (a loop?)",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EBUSY: "the file is busy",
  ENOSPC: "no space left on the disk",
  EROFS: "the file system is read-only",
  ENAMETOOLONG: "the file name is too long",
  EEXIST: "the file exists",
};

const zh: CliText = {
  usage: `用法：
  xueli check <名册.xlsx|名册.xls|名册.csv|名册.json> [选项]   检查名册（及照片文件夹）
  xueli check - --input-format csv|xlsx|xls|json [选项]   从标准输入读取名册
  xueli check --example [选项]                      在自带的示例名册和照片上运行
  xueli batch init [--out 文件]                     生成本年度批次文件（JSON），填写后用 --batch 指定
  xueli batch list                                  列出内置的批次
  xueli rules [--format text|json] [--lang zh-CN|en]  列出全部检查规则
  xueli explain <代码> [--format text|json]         解释一条规则（条款、标题、通知原文）
  xueli web [--out 文件]                            生成离线检查页面（一个 HTML 文件，用浏览器打开即可检查，不联网）

check 的选项：
  --photos <文件夹>             同时检查电子照片文件夹（5.3.3）
  --background                  同时检查照片背景颜色（4.2.2；较慢）
  --batch <批次|文件.json>      批次编号（默认 ucas-2022-3，见 xueli batch list）或批次文件（xueli batch init 生成）
  --named-by id-number|student-number   照片按证件号码或学号命名（默认 student-number）
  --admission-year <年份>       按证件号码命名时上传所选的入学年度
  --at <ISO 时间>               以此时刻判断系统开放时间（默认不检查；须带时区，如 2026-06-01T10:00:00+08:00）
  --output <文件.xlsx|文件.csv> 另存检查结果：.xlsx 为标注问题的名册副本，.csv 为每个问题一行
  --format text|json|csv        输出到屏幕的格式（默认 text）
  --quiet                       不显示警告（仍计入汇总）
  --strict-columns              名册缺少必需的列时拒绝检查（默认只检查现有列允许的规则）
  --sheet <名称|序号>           读取工作簿中的这个工作表（默认第一个有表头的工作表）
  --input-format csv|tsv|xlsx|xls|json   名册的格式（默认按扩展名；从标准输入读取时按内容判断）
  --max-rows <行数>             整体读取的名册行数上限（默认 100000；CSV 文件逐行读取，不受此限）
  --max-size <MiB>              整体读取的文件（.xlsx 解压后、.json、标准输入、--output .xlsx 时的 CSV；默认 64）和 .xls（默认 8）的大小上限
  --lang zh-CN|en               语言（默认 zh-CN）

batch init 的选项：
  --out <文件>                  写入的文件（默认 <年份>-1.json，不覆盖已有文件；- 为标准输出）

web 的选项：
  --out <文件>                  写入的文件（默认 xueli-checker.html；只覆盖以前生成的检查页面；- 为标准输出）

  -h, --help      显示本帮助
  -v, --version   显示版本

退出码：0 未发现错误；1 发现错误；2 用法错误或输入无法读取。`,
  unknownCommand: (c) => `未知命令：${c}（可用：check、batch、rules、explain、web）`,
  unknownOption: (o) => `未知选项：${o}`,
  missingValue: (o) => `选项 ${o} 缺少取值`,
  takesNoValue: (o) => `选项 ${o} 不接受取值`,
  helpHint: "运行 xueli --help 查看用法。",
  badValue: (o, v, e) => `选项 ${o} 的值“${v}”无效，应为 ${e}`,
  rosterMissing:
    "缺少名册文件：xueli check <名册.xlsx|名册.csv|名册.xls|名册.json>，xueli check -（标准输入），或 xueli check --example",
  tooManyRosters: (g) => `一次只能检查一个名册，收到 ${g.length} 个：${g.join("、")}`,
  rosterAndExample: "--example 使用自带的示例名册，不能再指定名册文件",
  unreadable: (f, w) => `无法读取 ${f}：${w}`,
  cannotWrite: (f, w) => `无法写入 ${f}：${w}`,
  fileProblem: (code) =>
    code !== undefined && Object.hasOwn(zhFileProblem, code)
      ? (zhFileProblem[code] as string)
      : "读取或写入出错",
  unsupported: (f) =>
    `不支持的名册文件类型：${f}（支持 .xlsx、.xls、.csv、.txt、.tsv、.json；或用 --input-format 指定格式）`,
  changedWhileRead: "检查期间文件被修改，请在文件保存完成后重新运行",
  notAFile: "不是文件",
  sheetRead: (name, i, n) => `读取工作表“${name}”（第 ${i} 个，共 ${n} 个；用 --sheet 指定其他工作表）`,
  footerSkipped: (n, rows) =>
    `已跳过表尾 ${n} 行（制表人、审核人、合计、备注、日期等）：第 ${rows.slice(0, 10).join("、")}${n > 10 ? "……" : ""} 行`,
  raiseLimit: (o) => `如确需检查，可用 ${o} 调高上限。`,
  batchNotJson: (f) => `批次文件 ${f} 不是有效的 JSON：请用 xueli batch init 重新生成，再按说明填写`,
  batchNotObject: (f) =>
    `批次文件 ${f} 的内容应为一个批次（以 { 开头的 JSON 对象），而不是列表或单个值：请用 xueli batch init 重新生成，再按说明填写`,
  badBatchFile: (f) => `批次文件 ${f} 有误：`,
  notAFolder: (d) => `照片文件夹不存在或不是文件夹：${d}`,
  unknownCode: (c) => `未知的规则代码：${c}（xueli rules 列出全部代码）`,
  codeMissing: "缺少规则代码：xueli explain <代码>",
  outputIsRoster: (f) => `--output ${f} 就是名册本身：检查结果不能覆盖名册，请换一个文件名`,
  outputType: (f) => `--output ${f}：检查结果只能保存为 .xlsx（标注问题的名册副本）或 .csv（每个问题一行）`,
  outputWritten: (f) => `检查结果已保存到 ${f}`,
  rowLabel: (r) => `第 ${r} 行`,
  okStudents: (n) => `另有 ${n} 名学生未发现问题。`,
  photosHeading: (d) => `照片文件夹 ${d}`,
  summaryHeading: "汇总",
  read: (l, s, p) => `读取 ${l} 行；检查学生 ${s} 名；检查照片 ${p} 张`,
  totals: (e, w) => `错误 ${e} 项；警告 ${w} 项`,
  warningsHidden: (n) => `（--quiet：未显示 ${n} 项警告）`,
  skippedColumns: (h) => `名册缺少以下列，未检查依赖它们的规则：${h.join("、")}`,
  skippedRules: (c) => `  跳过的规则：${c.join("、")}`,
  byCodeHeading: "按代码统计：",
  noFindings: "未发现问题。",
  progress: (n, s) => `正在检查 ${n} 张照片…… ${s} 秒`,
  rosterProgress: (p, r, t) => `正在读取名册（第 ${p} 遍）…… ${r}${t === undefined ? "" : ` / ${t}`} 行`,
  clause: "条款",
  notice: "通知原文",
  standard: "标准",
  severityWord: (s) => (s === "error" ? "错误" : "警告"),
  batchLine: (id, file, at) =>
    `批次 ${id}${file === undefined ? "" : `（批次文件 ${file}）`}，${
      at === undefined ? "只检查数据（不检查系统开放时间；用 --at 指定时刻）" : `检查时刻 ${at}`
    }`,
  internal: (d) => `内部错误（请报告）：${d}`,
  batchUsage:
    "用法：xueli batch init [--out 文件]（生成本年度批次文件）或 xueli batch list（列出内置的批次）",
  batchWritten: (f) =>
    `已生成批次文件 ${f}：请按通知填写批次编号、开放时间和日期，再运行 xueli check 名册.xlsx --batch ${f}`,
  batchExists: (f) => `${f} 已存在，未覆盖：请用 --out 指定另一个文件名`,
  batchNote: (y) =>
    `请按学校本批次的通知填写：id 为批次编号（名册“批次”列中的写法）；school、schoolCode 为学校名称和代码；year、sequence 为年份和第几批；opensAt、closesAt 为系统开放和截止时间（带时区，如 ${y}-06-11T00:00:00+08:00，截止时间不含）；graduationDate 为毕业日期，registrationDate 为电子注册日期（YYYY-MM-DD）；timeZone 保持 Asia/Shanghai。以上日期是按 2022 年第三批的格式预填的占位值，务必改为本批次的实际日期。本说明一项不影响检查。`,
  batchListHeading: ["批次", "学校", "年份-批次", "开放时间", "电子注册日期"],
  webWritten: (f) =>
    `已生成离线检查页面 ${f}：用浏览器打开即可检查名册和照片，全部在本机完成，不上传、不联网`,
  webExists: (f) => `${f} 已存在且不是检查页面，未覆盖：请用 --out 指定另一个文件名`,
  webMissing: "安装包中缺少检查页面（dist/web/xueli-checker.html）：请运行 npm run build 重新构建",
};

const en: CliText = {
  usage: `Usage:
  xueli check <roster.xlsx|roster.xls|roster.csv|roster.json> [options]   check a roster (and a photo folder)
  xueli check - --input-format csv|xlsx|xls|json [options]   read the roster from stdin
  xueli check --example [options]                             run on the bundled example roster and photos
  xueli batch init [--out FILE]                               write this year's batch file (JSON) to fill in, for --batch
  xueli batch list                                            list the preset batches
  xueli rules [--format text|json] [--lang zh-CN|en]           list every rule of the catalogue
  xueli explain <code> [--format text|json]                   explain one rule (clause, titles, the notice's sentence)
  xueli web [--out FILE]                                      write the offline checker page (one HTML file to open in a browser; no network)

Options of check:
  --photos <dir>                also check the folder of electronic photos (5.3.3)
  --background                  also check the photos' background colour (4.2.2; slower)
  --batch <id|file.json>        batch id (default ucas-2022-3, see xueli batch list) or a batch file (xueli batch init)
  --named-by id-number|student-number   photos are named by ID number or student number (default student-number)
  --admission-year <year>       the admission year chosen when uploading photos named by ID number
  --at <ISO instant>            judge the registration window at this instant (default: not checked; with an
                                offset, e.g. 2026-06-01T10:00:00+08:00)
  --output <file.xlsx|file.csv> save the report: .xlsx an annotated copy of the roster, .csv one line per finding
  --format text|json|csv        the report on stdout (default text)
  --quiet                       do not show warnings (they are still counted)
  --strict-columns              refuse a roster that lacks required columns (default: check what its columns allow)
  --sheet <name|N>              read this sheet of a workbook (default: the first whose header matches)
  --input-format csv|tsv|xlsx|xls|json   the roster's format (default: by extension; for stdin, by content)
  --max-rows <n>                most rows of a roster read whole (default 100000; a CSV file is streamed, without this bound)
  --max-size <MiB>              most bytes of a file read whole (.xlsx inflated, .json, stdin, a CSV with --output .xlsx:
                                default 64; .xls: 8)
  --lang zh-CN|en               language (default zh-CN)

Options of batch init:
  --out <file>                  the file to write (default <year>-1.json, never overwritten; - for stdout)

Options of web:
  --out <file>                  the file to write (default xueli-checker.html; only an earlier checker page is
                                overwritten; - for stdout)

  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 no errors found; 1 errors found; 2 bad usage or unreadable input.`,
  unknownCommand: (c) => `Unknown command: ${c} (use check, batch, rules, explain or web)`,
  unknownOption: (o) => `Unknown option: ${o}`,
  missingValue: (o) => `The option ${o} needs a value`,
  takesNoValue: (o) => `The option ${o} takes no value`,
  helpHint: "Run xueli --help for usage.",
  badValue: (o, v, e) => `Invalid value "${v}" for ${o}: expected ${e}`,
  rosterMissing:
    "No roster given: xueli check <roster.xlsx|roster.csv|roster.xls|roster.json>, xueli check - (stdin), or xueli check --example",
  tooManyRosters: (g) => `One roster at a time: received ${g.length} (${g.join(", ")})`,
  rosterAndExample: "--example uses the bundled roster: give no roster file with it",
  unreadable: (f, w) => `Cannot read ${f}: ${w}`,
  cannotWrite: (f, w) => `Cannot write ${f}: ${w}`,
  fileProblem: (code) =>
    code !== undefined && Object.hasOwn(enFileProblem, code)
      ? (enFileProblem[code] as string)
      : "reading or writing failed",
  unsupported: (f) =>
    `Unsupported roster file type: ${f} (use .xlsx, .xls, .csv, .txt, .tsv or .json, or give --input-format)`,
  changedWhileRead: "it changed while being checked; run again once it is saved",
  notAFile: "not a file",
  sheetRead: (name, i, n) => `Read sheet "${name}" (${i} of ${n}; choose another with --sheet)`,
  footerSkipped: (n, rows) =>
    `Skipped ${n} footer line(s) (made by, checked by, totals, remarks, date): row ${rows.slice(0, 10).join(", ")}${n > 10 ? ", …" : ""}`,
  raiseLimit: (o) => `To check it anyway, raise the bound with ${o}.`,
  batchNotJson: (f) =>
    `The batch file ${f} is not valid JSON: write it again with xueli batch init and fill it in`,
  batchNotObject: (f) =>
    `The batch file ${f} must hold one batch (a JSON object, starting with {), not a list or a single value: write it again with xueli batch init and fill it in`,
  badBatchFile: (f) => `The batch file ${f} is wrong:`,
  notAFolder: (d) => `The photo folder does not exist or is not a folder: ${d}`,
  unknownCode: (c) => `Unknown rule code: ${c} (xueli rules lists them all)`,
  codeMissing: "No rule code given: xueli explain <code>",
  outputIsRoster: (f) =>
    `--output ${f} is the roster itself: the report never overwrites the roster; choose another name`,
  outputType: (f) =>
    `--output ${f}: the report is saved as .xlsx (an annotated copy of the roster) or .csv (one line per finding)`,
  outputWritten: (f) => `The report was saved to ${f}`,
  rowLabel: (r) => `Row ${r}`,
  okStudents: (n) => `${n} more student(s) without findings.`,
  photosHeading: (d) => `Photo folder ${d}`,
  summaryHeading: "Summary",
  read: (l, s, p) => `${l} line(s) read; ${s} student(s) checked; ${p} photo(s) checked`,
  totals: (e, w) => `${e} error(s); ${w} warning(s)`,
  warningsHidden: (n) => `(--quiet: ${n} warning(s) not shown)`,
  skippedColumns: (h) =>
    `The roster lacks these columns; the rules that need them were not checked: ${h.join(", ")}`,
  skippedRules: (c) => `  rules skipped: ${c.join(", ")}`,
  byCodeHeading: "By code:",
  noFindings: "No findings.",
  progress: (n, s) => `Checking ${n} photos… ${s}s`,
  rosterProgress: (p, r, t) => `Reading the roster (pass ${p})… ${r}${t === undefined ? "" : ` / ${t}`} rows`,
  clause: "clause",
  notice: "notice",
  standard: "standard",
  severityWord: (s) => s,
  batchLine: (id, file, at) =>
    `Batch ${id}${file === undefined ? "" : ` (batch file ${file})`}, ${
      at === undefined ? "data checks only (not the window; give --at for a moment)" : `checked as of ${at}`
    }`,
  internal: (d) => `Internal error (please report it): ${d}`,
  batchUsage:
    "Usage: xueli batch init [--out FILE] (write this year's batch file) or xueli batch list (the presets)",
  batchWritten: (f) =>
    `Wrote the batch file ${f}: fill in the batch's id, window and dates from the notice, then run xueli check roster.xlsx --batch ${f}`,
  batchExists: (f) => `${f} exists and was not overwritten: choose another name with --out`,
  batchNote: (y) =>
    `Fill this in from the school's notice of the batch: id is the batch's id (as the roster's 批次 column writes it); school and schoolCode the school's name and code; year and sequence the year and the batch's number; opensAt and closesAt when the platform opens and closes (with an offset, e.g. ${y}-06-11T00:00:00+08:00; the closing instant is excluded); graduationDate the graduation date and registrationDate the e-registration date (YYYY-MM-DD); keep timeZone Asia/Shanghai. The dates given are placeholders in the form of the 2022 third batch: change them to this batch's. This note does not affect the check.`,
  batchListHeading: ["Batch", "School", "Year-batch", "Window", "Registration date"],
  webWritten: (f) =>
    `Wrote the offline checker page ${f}: open it in a browser to check a roster and its photos, on this computer only (nothing is uploaded, no network)`,
  webExists: (f) =>
    `${f} exists and is not a checker page, so it was not overwritten: choose another name with --out`,
  webMissing:
    "The checker page is missing from the package (dist/web/xueli-checker.html): rebuild it with npm run build",
};

/** The CLI's words in `locale`. */
export function cliText(locale: Locale): CliText {
  return locale === "en" ? en : zh;
}
