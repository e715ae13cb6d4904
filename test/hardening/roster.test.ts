// Hardening (issue 7): hostile rosters given to `xueli check`. Formula-looking cells, terminal
// control characters, ragged rows, undecodable bytes and an oversized cell each get a clear answer
// in bounded memory. The 50 MB roster of 259,000 rows is measured by `npm run bench`, not here
// (it takes about a minute): see docs/performance.md.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { makeStudents } from "../../bench/data.mjs";
import { type BenchStudent, rosterHeader, rosterLine } from "../../scripts/make-bench-data.mjs";
import { runCli } from "../helpers/child.js";
import { workbookParts, xlsxOf } from "../roster/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "xueli-hardening-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = ["--at", "2022-06-01T10:00:00+08:00"];
const students = makeStudents(6, 5) as BenchStudent[];
const headerCells = rosterHeader.split(",");
const cells = (i: number) => rosterLine(students[i] as BenchStudent).split(",");
const NAME = headerCells.indexOf("姓名");
const MAJOR = headerCells.indexOf("专业");
const SUPERVISOR = headerCells.indexOf("导师");

const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const line = (cs: string[]) => cs.map(quote).join(",");

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface JsonReport {
  summary: { students: number; errors: number };
  students: {
    row: number;
    studentNumber: string | null;
    name: string | null;
    findings: { code: string; params?: Record<string, unknown> }[];
  }[];
}

describe("hardening: rosters given to xueli check (CLI, docs/roster.md)", () => {
  it("--format csv: a cell that begins with = + - @ is written with a leading ' so no spreadsheet runs it (OWASP CSV injection)", async () => {
    const formulas = ['=HYPERLINK("http://example.invalid","x")', "+1+1", "-2+3", "@SUM(A1:A9)"];
    const rows = formulas.map((f, i) => {
      const c = cells(i);
      c[NAME] = f;
      return line(c);
    });
    const roster = write("formula-names.csv", `${rosterHeader}\n${rows.join("\n")}\n`);
    const r = await runCli(["check", roster, ...AT, "--format", "csv"]);
    expect(r.code).toBe(1); // the names are refused (name.characters)
    expect(r.stdout.startsWith("\uFEFF行,学号,姓名,字段,代码,严重程度,条款,说明,建议\r\n")).toBe(true);
    const names = r.stdout
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split(",")[2]);
    // The name cell of each line: quoted with ' (and "…" where it holds a quote or a comma).
    expect(r.stdout).toContain(`,"'=HYPERLINK(""http://example.invalid"",""x"")",`);
    for (const f of formulas.slice(1)) expect(names).toContain(`'${f}`);
    for (const n of names) expect(n ?? "").not.toMatch(/^[=+\-@]/);
  });

  it("hands back cells that look like formulas (= + - @) verbatim, as JSON strings, never evaluated", async () => {
    const formulas = ['=HYPERLINK("http://example.invalid","x")', "+1+1", "-2+3", "@SUM(A1:A9)", "=1+1"];
    const rows = formulas.map((f, i) => {
      const c = cells(i);
      c[MAJOR] = f;
      c[SUPERVISOR] = f;
      if (i < 2) c[NAME] = f;
      return line(c);
    });
    const roster = write("formulas.csv", `${rosterHeader}\n${rows.join("\n")}\n`);
    const r = await runCli(["check", roster, ...AT, "--format", "json"]);
    expect(r.code).toBe(1); // the two names are refused (name.characters)
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.students.map((s) => s.name)).toEqual([
      formulas[0],
      formulas[1],
      students[2]?.name,
      students[3]?.name,
      students[4]?.name,
    ]);
    expect(report.students[0]?.findings.map((f) => f.code)).toContain("name.characters");
  });

  it("prints no terminal control characters taken from the roster (ESC, BEL, CR) in the text report", async () => {
    const c = cells(0);
    c[NAME] = "\u001b[2J\u001b[31m张三\u0007\r";
    c[MAJOR] = "\u001b]0;owned\u0007";
    const roster = write("escapes.csv", `${rosterHeader}\n${line(c)}\n`);
    const r = await runCli(["check", roster, ...AT, "--lang", "en"]);
    expect(r.code).toBe(1);
    // NO_COLOR is set, so the report itself has no escapes: any ESC/BEL/CR came from the cells.
    const controls = [...r.stdout].filter((ch) => {
      const c = ch.charCodeAt(0);
      return (c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0x7f;
    });
    expect(controls).toEqual([]);
  });

  it("reports ragged rows with their row number and both cell counts (roster.unreadable-row, reason ragged)", async () => {
    const short = cells(1).slice(0, 5);
    const long = [...cells(2), "extra", "cells"];
    const roster = write("ragged.csv", `${rosterHeader}\n${line(cells(0))}\n${line(short)}\n${line(long)}\n`);
    const json = await runCli(["check", roster, ...AT, "--format", "json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    const bad = report.students.filter((s) => s.findings.length > 0);
    expect(bad.map((s) => [s.row, s.findings[0]?.code, s.findings[0]?.params])).toEqual([
      [3, "roster.unreadable-row", { reason: "ragged", expected: headerCells.length, received: 5 }],
      [
        4,
        "roster.unreadable-row",
        expect.objectContaining({
          reason: "ragged",
          expected: headerCells.length,
          received: headerCells.length + 2,
        }),
      ],
    ]);
    const text = await runCli(["check", roster, ...AT, "--lang", "en"]);
    expect(text.stdout).toMatch(/Row 3\b[\s\S]*\b20\b[\s\S]*\b5\b/);
  });

  it("reads a roster saved as GB18030 (Excel in China) like its UTF-8 twin", async () => {
    const text = `${rosterHeader}\n${line(cells(0))}\n${line(cells(1))}\n`;
    const utf8 = await runCli(["check", write("u8.csv", text), ...AT, "--format", "json"]);
    const gb = await runCli([
      "check",
      write("gb.csv", iconv.encode(text, "gb18030")),
      ...AT,
      "--format",
      "json",
    ]);
    expect(gb.code).toBe(0);
    expect((JSON.parse(gb.stdout) as JsonReport).students).toEqual(
      (JSON.parse(utf8.stdout) as JsonReport).students,
    );
  });

  it("names the encoding when a UTF-8 roster holds one row in another encoding", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${rosterHeader}\n${line(cells(0))}\n`, "utf8"),
      iconv.encode(`${line(cells(1))}\n`, "gb18030"),
      Buffer.from(`${line(cells(2))}\n`, "utf8"),
    ]);
    const r = await runCli(["check", write("mixed.csv", bytes), ...AT, "--lang", "en"]);
    expect(r.code).not.toBe(0);
    // Not "lacks required columns" about a header that was fine: the message says what is wrong.
    expect(`${r.stdout}\n${r.stderr}`).toMatch(/UTF-8|GB18030|encod/i);
  });

  it("refuses a binary file named .csv with one message and no stack trace (exit 2)", async () => {
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
    const r = await runCli(["check", write("binary.csv", junk), ...AT, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.length).toBeLessThan(4096);
  });

  it("reads JSON rows whose own keys are __proto__ and constructor as data, never as prototypes", async () => {
    const row = Object.fromEntries(headerCells.map((h, i) => [h, cells(0)[i]]));
    const body = JSON.stringify([row]).slice(1, -1);
    const text = `[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${body.slice(1)}, {"__proto__":{"学号":"2016E99999999","姓名":"王五"}}, null, 5, []]`;
    const r = await runCli(["check", write("proto.json", text), ...AT, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.students.map((s) => [s.row, s.studentNumber, s.findings.length > 0])).toEqual([
      [1, students[0]?.studentNumber, false],
      // The keys under "__proto__" are not inherited as columns: the row has none of its own.
      [2, null, true],
      [3, null, true],
      [4, null, true],
      [5, null, true],
    ]);
  });

  it("answers a JSON roster nested 100,000 deep and a corrupt .xlsx with a message, no stack trace", async () => {
    const deep = await runCli([
      "check",
      write("deep.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`),
      ...AT,
    ]);
    expect([1, 2]).toContain(deep.code);
    expect(deep.stderr).not.toMatch(/\n\s+at /);
    const junk = new Uint8Array(3000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
    const xlsx = await runCli(["check", write("corrupt.xlsx", junk), ...AT, "--lang", "en"]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stdout).toBe("");
    expect(xlsx.stderr).not.toMatch(/\n\s+at /);
  });

  it("checks a roster with one 4 MB cell in bounded memory, its output not amplified", async () => {
    const small = await runCli([
      "check",
      write("one.csv", `${rosterHeader}\n${line(cells(0))}\n`),
      ...AT,
      "--format",
      "json",
    ]);
    const c = cells(0);
    const cell = "名".repeat(1_400_000); // 4.2 MB of UTF-8
    c[NAME] = cell;
    const big = await runCli([
      "check",
      write("bigcell.csv", `${rosterHeader}\n${line(c)}\n`),
      ...AT,
      "--format",
      "json",
    ]);
    expect([0, 1]).toContain(big.code);
    // The report may name the student once; it must not repeat the cell in every finding.
    expect(big.stdoutLength).toBeLessThan(2 * cell.length + 64 * 1024);
    if (small.maxRssKb !== undefined && big.maxRssKb !== undefined) {
      // Bounded: what the small roster costs plus a small multiple of the cell, not hundreds of MB.
      expect(big.maxRssKb - small.maxRssKb).toBeLessThan(64 * 1024);
    }
  });

  it("refuses an .xlsx zip of 20,000 parts before parsing it (roster.too-large, zipEntries), exit 2", async () => {
    const parts: Record<string, string> = workbookParts(["名册"]);
    for (let i = 0; i < 20_000; i++) parts[`xl/media/p${i}.xml`] = "<x/>";
    const r = await runCli(["check", write("parts.xlsx", xlsxOf(parts)), ...AT, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "xueli: The workbook has too many parts (20004, at most 10000) and was not checked\n",
    );
  });

  it("refuses a password-protected workbook with a message saying so, exit 2", async () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, "EncryptionInfo", new Uint8Array(64).fill(4));
    XLSX.CFB.utils.cfb_add(container, "EncryptedPackage", new Uint8Array(8192).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(container, { type: "array" }) as ArrayLike<number>);
    const r = await runCli(["check", write("locked.xlsx", bytes), ...AT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "xueli: 名册文件无法读取：Excel 工作簿（.xlsx）设有打开密码，请取消密码后重新保存\n",
    );
  });

  it("reads a CSV whose every line opens a quote (5,000 stray quotes) to the end, each line its row", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => {
      const c = cells(i % 6);
      c[NAME] = `"${c[NAME]}`;
      return c.join(",");
    });
    const roster = write("quotes.csv", `${rosterHeader}\n${lines.join("\n")}\n`);
    const r = await runCli(["check", roster, ...AT, "--format", "json"], { maxOutput: 0 });
    expect(r.code).toBe(1);
    expect(r.tail).toContain('"students": 5000,');
  }, 120_000);
});
