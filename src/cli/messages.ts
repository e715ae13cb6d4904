import type { Locale } from "../index.js";

/**
 * The CLI's own words (usage, errors, report headings), in both locales. Findings bring their
 * messages from the core's locale tables; only what the shell itself says lives here.
 */
export interface CliText {
  usage: string;
  unknownCommand: (c: string) => string;
  badOption: (detail: string) => string;
  unknownOption: (option: string) => string;
  helpHint: string;
  badValue: (option: string, value: string, expected: string) => string;
  rosterMissing: string;
  rosterAndExample: string;
  unreadable: (file: string, why: string) => string;
  unsupported: (file: string) => string;
  /** The roster is read more than once (docs/cli.md, "Memory"): it must not change in between. */
  changedWhileRead: string;
  notAFile: string;
  /** Which sheet of a workbook was read (`index` 1-based, of `count`). */
  sheetRead: (name: string, index: number, count: number) => string;
  /** Footer lines skipped (制表人, 合计 …), once. */
  footerSkipped: (rows: readonly number[]) => string;
  /** After a roster too large: the option that raises the bound. */
  raiseLimit: (option: string) => string;
  badBatchFile: (file: string) => string;
  notAFolder: (dir: string) => string;
  unknownCode: (code: string) => string;
  codeMissing: string;
  rowLabel: (row: number) => string;
  okStudents: (n: number) => string;
  photosHeading: (dir: string) => string;
  summaryHeading: string;
  totals: (students: number, errors: number, warnings: number) => string;
  byCodeHeading: string;
  noFindings: string;
  progress: (files: number, seconds: number) => string;
  clause: string;
  notice: string;
  standard: string;
  severityWord: (s: "error" | "warning") => string;
  batchLine: (id: string, at: string | undefined) => string;
}

const zh: CliText = {
  usage: `用法：
  xueli check <名册.csv|名册.xlsx|名册.xls|名册.json> [选项]   检查名册（及照片文件夹）
  xueli check - --input-format csv|xlsx|xls|json [选项]   从标准输入读取名册
  xueli check --example [选项]                      在自带的示例名册和照片上运行
  xueli rules [--format text|json] [--lang zh-CN|en]  列出全部检查规则
  xueli explain <代码> [--format text|json]         解释一条规则（条款、标题、通知原文）

check 的选项：
  --photos <文件夹>             同时检查电子照片文件夹（5.3.3）
  --batch <批次>                批次编号（默认 ucas-2022-3）或批次定义 JSON 文件
  --named-by id-number|student-number   照片按证件号码或学号命名（默认 student-number）
  --admission-year <年份>       按证件号码命名时上传所选的入学年度
  --at <ISO 时间>               以此时刻判断系统开放时间（默认不检查；须带时区，如 2022-06-01T10:00:00+08:00）
  --sheet <名称|序号>           读取工作簿中的这个工作表（默认第一个有表头的工作表）
  --input-format csv|tsv|xlsx|xls|json   名册的格式（默认按扩展名；从标准输入读取时按内容判断）
  --max-rows <行数>             名册行数上限（默认 100000；CSV 文件逐行读取，不受此限）
  --max-size <MiB>              整体读取的文件（.xlsx 解压后、.json、标准输入；默认 64）和 .xls（默认 8）的大小上限
  --format text|json            输出格式（默认 text）
  --lang zh-CN|en               语言（默认 zh-CN）

  -h, --help      显示本帮助
  -v, --version   显示版本

退出码：0 未发现错误；1 发现错误；2 用法错误或输入无法读取。`,
  unknownCommand: (c) => `未知命令：${c}（可用：check、rules、explain）`,
  badOption: (d) => `选项错误：${d}`,
  unknownOption: (o) => `未知选项：${o}`,
  helpHint: "运行 xueli --help 查看用法。",
  badValue: (o, v, e) => `选项 ${o} 的值 “${v}” 无效，应为 ${e}`,
  rosterMissing:
    "缺少名册文件：xueli check <名册.csv|名册.xlsx|名册.xls|名册.json>，xueli check -（标准输入），或 xueli check --example",
  rosterAndExample: "--example 使用自带的示例名册，不能再指定名册文件",
  unreadable: (f, w) => `无法读取 ${f}：${w}`,
  unsupported: (f) =>
    `不支持的名册文件类型：${f}（支持 .csv、.txt、.tsv、.xlsx、.xls、.json；或用 --input-format 指定格式）`,
  changedWhileRead: "检查期间文件被修改，请在文件保存完成后重新运行",
  notAFile: "不是文件",
  sheetRead: (name, i, n) => `读取工作表“${name}”（第 ${i} 个，共 ${n} 个；用 --sheet 指定其他工作表）`,
  footerSkipped: (rows) =>
    `已跳过表尾 ${rows.length} 行（制表人、审核人、合计、备注、日期等）：第 ${rows.slice(0, 10).join("、")}${rows.length > 10 ? "……" : ""} 行`,
  raiseLimit: (o) => `如确需检查，可用 ${o} 调高上限。`,
  badBatchFile: (f) => `批次定义无效：${f}`,
  notAFolder: (d) => `照片文件夹不存在或不是文件夹：${d}`,
  unknownCode: (c) => `未知的规则代码：${c}（xueli rules 列出全部代码）`,
  codeMissing: "缺少规则代码：xueli explain <代码>",
  rowLabel: (r) => `第 ${r} 行`,
  okStudents: (n) => `另有 ${n} 名学生未发现问题。`,
  photosHeading: (d) => `照片文件夹 ${d}`,
  summaryHeading: "汇总",
  totals: (s, e, w) => `学生 ${s} 名；错误 ${e} 项；警告 ${w} 项`,
  byCodeHeading: "按代码统计：",
  noFindings: "未发现问题。",
  progress: (n, s) => `正在检查 ${n} 张照片…… ${s} 秒`,
  clause: "条款",
  notice: "通知原文",
  standard: "标准",
  severityWord: (s) => (s === "error" ? "错误" : "警告"),
  batchLine: (id, at) =>
    at === undefined
      ? `批次 ${id}，只检查数据（不检查开放时间；用 --at 指定时刻）`
      : `批次 ${id}，检查时刻 ${at}`,
};

const en: CliText = {
  usage: `Usage:
  xueli check <roster.csv|roster.xlsx|roster.xls|roster.json> [options]   check a roster (and a photo folder)
  xueli check - --input-format csv|xlsx|xls|json [options]   read the roster from stdin
  xueli check --example [options]                             run on the bundled example roster and photos
  xueli rules [--format text|json] [--lang zh-CN|en]           list every rule of the catalogue
  xueli explain <code> [--format text|json]                   explain one rule (clause, titles, the notice's sentence)

Options of check:
  --photos <dir>                also check the folder of electronic photos (5.3.3)
  --batch <batch>               batch id (default ucas-2022-3) or a JSON file defining a batch
  --named-by id-number|student-number   photos are named by ID number or student number (default student-number)
  --admission-year <year>       the admission year chosen when uploading photos named by ID number
  --at <ISO instant>            judge the registration window at this instant (default: not checked; with an
                                offset, e.g. 2022-06-01T10:00:00+08:00)
  --sheet <name|N>              read this sheet of a workbook (default: the first whose header matches)
  --input-format csv|tsv|xlsx|xls|json   the roster's format (default: by extension; for stdin, by content)
  --max-rows <n>                most rows of a roster (default 100000; a CSV file is streamed, without this bound)
  --max-size <MiB>              most bytes of a file read whole (.xlsx inflated, .json, stdin: default 64; .xls: 8)
  --format text|json            output format (default text)
  --lang zh-CN|en               language (default zh-CN)

  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 no errors found; 1 errors found; 2 bad usage or unreadable input.`,
  unknownCommand: (c) => `Unknown command: ${c} (use check, rules or explain)`,
  badOption: (d) => `Bad option: ${d}`,
  unknownOption: (o) => `Unknown option: ${o}`,
  helpHint: "Run xueli --help for usage.",
  badValue: (o, v, e) => `Invalid value "${v}" for ${o}: expected ${e}`,
  rosterMissing:
    "No roster given: xueli check <roster.csv|roster.xlsx|roster.xls|roster.json>, xueli check - (stdin), or xueli check --example",
  rosterAndExample: "--example uses the bundled roster: give no roster file with it",
  unreadable: (f, w) => `Cannot read ${f}: ${w}`,
  unsupported: (f) =>
    `Unsupported roster file type: ${f} (use .csv, .txt, .tsv, .xlsx, .xls or .json, or give --input-format)`,
  changedWhileRead: "it changed while being checked; run again once it is saved",
  notAFile: "not a file",
  sheetRead: (name, i, n) => `Read sheet "${name}" (${i} of ${n}; choose another with --sheet)`,
  footerSkipped: (rows) =>
    `Skipped ${rows.length} footer line(s) (made by, checked by, totals, remarks, date): row ${rows.slice(0, 10).join(", ")}${rows.length > 10 ? ", …" : ""}`,
  raiseLimit: (o) => `To check it anyway, raise the bound with ${o}.`,
  badBatchFile: (f) => `Invalid batch definition: ${f}`,
  notAFolder: (d) => `The photo folder does not exist or is not a folder: ${d}`,
  unknownCode: (c) => `Unknown rule code: ${c} (xueli rules lists them all)`,
  codeMissing: "No rule code given: xueli explain <code>",
  rowLabel: (r) => `Row ${r}`,
  okStudents: (n) => `${n} more student(s) without findings.`,
  photosHeading: (d) => `Photo folder ${d}`,
  summaryHeading: "Summary",
  totals: (s, e, w) => `${s} student(s); ${e} error(s); ${w} warning(s)`,
  byCodeHeading: "By code:",
  noFindings: "No findings.",
  progress: (n, s) => `Checking ${n} photos… ${s}s`,
  clause: "clause",
  notice: "notice",
  standard: "standard",
  severityWord: (s) => s,
  batchLine: (id, at) =>
    at === undefined
      ? `Batch ${id}, data checks only (not the window; give --at for a moment)`
      : `Batch ${id}, checked as of ${at}`,
};

/** The CLI's words in `locale`. */
export function cliText(locale: Locale): CliText {
  return locale === "en" ? en : zh;
}
