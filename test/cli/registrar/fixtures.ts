// Generated spreadsheets as a unit's registrar gets them (issue 14), and the runner of the built
// `xueli` that every registrar test uses. No real person's data: the students are `goodRow` of
// ../helpers.ts (made-up names, ID numbers from test/helpers/ids.ts with valid check characters),
// the photos are drawn by scripts/photo-fixtures.mjs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { expect } from "vitest";
import { makePhoto } from "../../../scripts/photo-fixtures.mjs";
import { rules } from "../../../src/index.js";
import { type CliOptions, goodRow, headers, type Row, type Run, xueli as runCli } from "../helpers.js";

export { AT, goodRow, headers, type Row, type Run, scratch } from "../helpers.js";

export interface RunOptions extends CliOptions {
  /** Text of the input the output quotes (a cell, a file name): not the CLI's words (`englishIn`). */
  quoted?: readonly string[];
}

/**
 * Runs `node dist/cli.js …args` (`xueli` of ../helpers.ts). Every zh-CN run has its stdout scanned
 * for English words (`englishIn`): none may be left.
 */
export function xueli(args: readonly string[], o: RunOptions = {}): Run {
  const run = runCli(args, o);
  if (!isEnglish(args)) {
    const english = englishIn(run.stdout, [...args, ...(o.quoted ?? [])]);
    expect(english, `English in the zh-CN stdout of xueli ${args.join(" ")}`).toEqual([]);
  }
  return run;
}

function isEnglish(args: readonly string[]): boolean {
  return args.some((a, i) => a === "--lang=en" || (a === "--lang" && args[i + 1] === "en"));
}

/** The catalogue's codes, longest first (so that `id.checksum` is not left as `.checksum`). */
const CODES = rules.map((r) => r.code).sort((a, b) => b.length - a.length);

/**
 * The English words (four Latin letters or more) left in the zh-CN output of `xueli` once what is
 * not prose is taken out — exactly:
 *
 * 0. colour codes (`ESC [ … m`, with FORCE_COLOR);
 * 1. every argument of the command line as given (the roster's and the photo folder's paths, a
 *    batch file's name, a sheet's name, an option's value), longest first, with `--example` its
 *    photo folder as the report names it (`examples/photos`), and the text of the input a test
 *    says the output quotes (`quoted` of `xueli`: a hostile cell, a file name);
 * 2. the finding codes of the catalogue (`origin.levels`);
 * 3. in the text report, a finding's path in brackets before its clause (`[photos.files.x.jpg]`);
 * 4. option names (`--at`), the command's name `xueli` and its commands (`check`, `batch`, `init`,
 *    `list`, `rules`, `explain`, `web`);
 * 5. batch ids (`ucas-2022-3`) and file extensions (`名册.xlsx`, `.json`);
 * 6. three names Chinese prose writes in Latin letters too: `Excel`, `JPEG`, `JSON`.
 *
 * A JSON document's keys and values are data (English by design: `"severity": "error"`): of JSON
 * output, only the messages are scanned.
 */
export function englishIn(stdout: string, args: readonly string[]): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the colour codes are taken out
  let text = stdout.replace(/\u001b\[[0-9;]*m/g, "");
  if (/^\s*[{[]/.test(stdout)) {
    const messages: string[] = [];
    JSON.stringify(JSON.parse(stdout), (key, value) => {
      if (key === "message" && typeof value === "string") messages.push(value);
      return value;
    });
    text = messages.join("\n");
  }
  const given = [...args, ...(args.includes("--example") ? ["examples/photos"] : [])]
    .filter((a) => a.length >= 4)
    .sort((a, b) => b.length - a.length);
  for (const a of given) text = text.replaceAll(a, " ");
  for (const code of CODES) text = text.replaceAll(code, " ");
  text = text
    .replace(/ \[[^[\]\n]*\](?= \(|$)/gm, " ")
    .replace(/--[a-z][a-z-]*/g, " ")
    .replace(/\b(?:xueli|check|batch|init|list|rules|explain|web)\b/g, " ")
    .replace(/\bucas-\d{4}-\d+\b/g, " ")
    .replace(/\.(?:xlsx|xlsm|xls|csv|tsv|txt|json|jpg|jpeg)\b/gi, " ")
    .replace(/\b(?:Excel|JPEG|JSON)\b/g, " ");
  return text.match(/[A-Za-z]{4,}/g) ?? [];
}

/** A JSON report's parts the tests read. */
export interface Finding {
  code: string;
  severity: "error" | "warning";
  message: string;
  path: (string | number)[];
  clause: string;
  params: Record<string, unknown>;
}
export interface Report {
  batch: { id: string; [k: string]: unknown };
  window?: { at: string; findings: Finding[] };
  students: { row: number; studentNumber: string | null; name: string | null; findings: Finding[] }[];
  photos?: {
    dir: string;
    files: number;
    fileList: { fileName: string; studentNumber: string | null; row: number | null; findings: Finding[] }[];
    findings: Finding[];
  };
  summary: {
    linesRead: number;
    students: number;
    photos: number;
    errors: number;
    warnings: number;
    byCode: Record<string, number>;
    sheet?: { name: string; index: number; count: number };
    footer: { count: number; rows: number[] };
    skipped: { key: string; header: string; codes: string[] }[];
  };
}

export const json = (r: Run): Report => JSON.parse(r.stdout) as Report;

/** `{ row: codes }` of a report, only the rows with findings. */
export function codesOf(report: Report): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const s of report.students) if (s.findings.length > 0) out[s.row] = s.findings.map((f) => f.code);
  return out;
}

/** Every finding of a report, wherever it is filed (window, rows, photo folder). */
export function allFindings(report: Report): Finding[] {
  return [
    ...(report.window?.findings ?? []),
    ...report.students.flatMap((s) => s.findings),
    ...(report.photos?.findings ?? []),
  ];
}

/** A row's cells in the order of `cols`. */
export const cellsOf = (r: Record<string, unknown>, cols: readonly string[] = headers): unknown[] =>
  cols.map((h) => r[h] ?? "");

/** An ID number as Excel keeps it in a number cell: 15 significant digits, the rest zeros. */
export const asExcelNumber = (id: string): number => Number(`${id.slice(0, 15)}000`);

/** The footer lines a unit signs its roster with (制表人, 审核人, 合计, a date). */
export const FOOTER: readonly (readonly string[])[] = [
  ["制表人：王某", "", "审核人：李某"],
  ["合计：共 4 人"],
  ["2026年6月1日"],
];

export interface BookOptions {
  /** The students' rows (objects keyed by header). */
  rows: readonly Record<string, unknown>[];
  /** The header (default: `headers`). */
  cols?: readonly string[];
  /** The roster sheet's name (default 名册). */
  sheet?: string;
  /** Sheets after the roster sheet. */
  more?: Record<string, unknown[][]>;
  /** Without the 填表说明 sheet, the title row and the footer: a bare sheet, header on row 1. */
  bare?: boolean;
}

/**
 * An .xlsx as a unit sends it, written by SheetJS: a 填表说明 sheet first, then the roster sheet
 * with a title row, a blank row, the header on row 3, the students from row 4, and the footer lines
 * (制表人, 审核人, 合计, a date). A number in a row is a number cell (an ID number Excel took for one).
 */
export function registrarBook(o: BookOptions): Uint8Array {
  const cols = o.cols ?? headers;
  const data = o.rows.map((r) => cellsOf(r, cols));
  const sheets: Record<string, unknown[][]> =
    o.bare === true
      ? { [o.sheet ?? "名册"]: [[...cols], ...data] }
      : {
          填表说明: [["填表说明"], ["1. 证件号码一列请设为文本格式"], ["2. 照片请按学号命名"]],
          [o.sheet ?? "名册"]: [
            ["2026年毕业研究生学历注册名册"],
            [],
            [...cols],
            ...data,
            ...FOOTER.map((l) => [...l]),
          ],
        };
  return workbook({ ...sheets, ...o.more });
}

/** An .xlsx written by SheetJS: its sheets in order, each from its rows of cells. */
export function workbook(sheets: Record<string, unknown[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { bookType: "xlsx", type: "array" }) as ArrayBuffer);
}

/** CSV text (RFC 4180 quoting), CRLF line ends as Excel writes them. */
export function csvText(rows: readonly Record<string, unknown>[], cols: readonly string[] = headers): string {
  const cell = (v: unknown) => {
    const s = String(v ?? "");
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n")}\r\n`;
}

/** Text in GB18030, as Excel in China saves a CSV. */
export const gb = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "gb18030"));

/** A CSV as Excel in China saves it ("CSV (逗号分隔)"): GB18030, CRLF, no BOM. */
export const gbCsv = (rows: readonly Record<string, unknown>[], cols?: readonly string[]): Uint8Array =>
  gb(csvText(rows, cols));

/** A CSV as Excel saves "CSV UTF-8 (逗号分隔)": UTF-8 with a BOM, CRLF. */
export const bomCsv = (rows: readonly Record<string, unknown>[], cols?: readonly string[]): Uint8Array =>
  new TextEncoder().encode(`\uFEFF${csvText(rows, cols)}`);

/** Writes a file in `dir`; returns its path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/**
 * A photo folder in `dir/name`: a good 480 × 640 photo for each student number in `good`, and the
 * files of `others` (name → drawing options of `makePhoto`).
 */
export function photoFolder(
  dir: string,
  name: string,
  good: readonly string[],
  others: Record<string, Parameters<typeof makePhoto>[0]> = {},
): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const ok = makePhoto();
  for (const sn of good) writeFileSync(join(folder, `${sn}.jpg`), ok);
  for (const [file, options] of Object.entries(others)) writeFileSync(join(folder, file), makePhoto(options));
  return folder;
}

/** Four students of goodRow, rows 4–7 of `registrarBook`. */
export const four = (): Row[] => [goodRow(1), goodRow(2), goodRow(3), goodRow(4)];

/** A workbook read back by SheetJS with its fills (`cellStyles`) and notes (`c`). */
export interface ReadCell {
  t: string;
  v: unknown;
  f?: string;
  s?: { fgColor?: { rgb?: string }; patternType?: string };
  c?: { t: string }[];
}

export function readBook(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: "array", cellStyles: true });
  const cell = (sheet: string, ref: string) => wb.Sheets[sheet]?.[ref] as ReadCell | undefined;
  const rows = (sheet: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet] as XLSX.WorkSheet, { header: 1, defval: null });
  /** Every cell of every sheet, with its sheet and reference. */
  const cells = () =>
    wb.SheetNames.flatMap((name) =>
      Object.entries(wb.Sheets[name] as XLSX.WorkSheet)
        .filter(([ref]) => !ref.startsWith("!"))
        .map(([ref, c]) => ({ sheet: name, ref, cell: c as ReadCell })),
    );
  return { wb, cell, rows, cells };
}

/** The fill colour of a cell read back (`RRGGBB`), or undefined. */
export const fillOf = (c: ReadCell | undefined): string | undefined => c?.s?.fgColor?.rgb;

/** The text of a cell's notes. */
export const noteOf = (c: ReadCell | undefined): string | undefined => c?.c?.map((n) => n.t).join("\n");
