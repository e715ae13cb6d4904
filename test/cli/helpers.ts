import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeResidentId } from "../helpers/ids.js";

/** The built CLI: `npm test` builds first; run `npm run build` before `vitest run test/cli`. */
export const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
export const root = fileURLToPath(new URL("../..", import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How `xueli` runs the CLI. */
export interface CliOptions {
  cwd?: string;
  /** Added to an environment without `NO_COLOR` and `FORCE_COLOR`. */
  env?: Record<string, string>;
  /** Bytes piped to stdin (for `-`). */
  input?: string | Uint8Array;
  /** Also run again when stderr says this (a file the build writes last, such as the checker page). */
  retryOn?: RegExp;
}

/**
 * Runs `node dist/cli.js …args` as a child process (stdout and stderr are pipes, not TTYs), in an
 * environment without `NO_COLOR` and `FORCE_COLOR` unless `env` gives them. `npm pack` in another
 * test file runs the `prepare` build, which empties `dist/` for a moment: wait for the CLI to be
 * back, and run again (three times at most) if it vanished mid-start.
 */
export function xueli(args: readonly string[], options: CliOptions = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  Object.assign(env, options.env);
  for (let attempt = 0; ; attempt++) {
    for (let waited = 0; !existsSync(cli); waited += 200) {
      if (waited > 90_000) throw new Error("dist/cli.js is missing: run `npm run build` first");
      sleep(200);
    }
    const r = spawnSync(process.execPath, [cli, ...args], {
      cwd: options.cwd ?? root,
      env,
      input: options.input,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    const vanished =
      /ERR_MODULE_NOT_FOUND|Cannot find module/.test(r.stderr) || options.retryOn?.test(r.stderr) === true;
    if (attempt < 3 && vanished) {
      sleep(1000);
      continue;
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
}

/** A scratch folder for one test file. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), "xueli-cli-"));
}

/** The required columns, as the status system names them, plus 毕业结论. */
export const headers = [
  "学号",
  "姓名",
  "性别",
  "民族",
  "证件类型",
  "证件号码",
  "培养层次",
  "培养单位",
  "入学年度",
  "生源地",
  "生源地是否复核",
  "照片是否上传",
  "毕业结论",
  "课程学分是否修满",
  "必修环节是否完成",
  "论文是否完成",
  "答辩结果",
  "答辩日期",
] as const;

export type Row = Record<(typeof headers)[number], string>;

const names = ["甲一", "乙二", "丙三", "丁四", "戊五", "己六", "庚七", "辛八", "壬九", "癸十"];

/** A made-up student who passes every check at an instant inside the 2022 third batch's window. */
export function goodRow(i: number): Row {
  const female = i % 2 === 0;
  return {
    学号: `20191800${String(1000 + i).padStart(7, "0")}`,
    姓名: `测试${names[i % names.length]}`,
    性别: female ? "女" : "男",
    民族: "汉族",
    证件类型: "居民身份证",
    证件号码: makeResidentId({
      region: "110108",
      birth: `1996${String((i % 12) + 1).padStart(2, "0")}15`,
      seq: 100 + i,
      sex: female ? "female" : "male",
    }),
    培养层次: i % 3 === 0 ? "博士" : "硕士",
    培养单位: "计算技术研究所",
    入学年度: "2019",
    生源地: "北京市海淀区",
    生源地是否复核: "是",
    照片是否上传: "是",
    毕业结论: "毕业",
    课程学分是否修满: "是",
    必修环节是否完成: "是",
    论文是否完成: "是",
    答辩结果: "通过",
    答辩日期: "2022-05-20",
  };
}

/** CSV text of rows under `cols` (quoted where needed). */
export function toCsv(rows: readonly Record<string, string>[], cols: readonly string[] = headers): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${[cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c] ?? "")).join(","))].join("\r\n")}\r\n`;
}

/** The instant every test checks at: inside the window of ucas-2022-3. */
export const AT = "2022-06-01T10:00:00+08:00";

/** `{ row: codes }` of a JSON report, for exact comparisons. */
export function codesByRow(report: {
  students: { row: number; findings: { code: string }[] }[];
}): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const s of report.students) out[s.row] = s.findings.map((f) => f.code);
  return out;
}
