// The offline checker page (issue 15) in headless Chromium: opened from disk (file://), fed the
// bundled example through its own inputs, compared with `xueli check --example` finding for
// finding, its workbook and CSV compared with `--output`'s, broken rosters shown as messages, and
// not one network request. Slow ("cli" project): `npm run build` first.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { artifacts, launch, network, openPage, root, type Session, settled, xueli } from "./browser.js";

interface CliFinding {
  code: string;
  severity: string;
  message: string;
  clause: string;
}
interface CliReport {
  students: { row: number; studentNumber: string | null; findings: CliFinding[] }[];
  photos: {
    fileList: { fileName: string; row: number | null; findings: CliFinding[] }[];
    findings: CliFinding[];
  };
  summary: {
    linesRead: number;
    students: number;
    photos: number;
    errors: number;
    warnings: number;
    byCode: Record<string, number>;
  };
}

const roster = join(root, "examples/roster.csv");
const photos = join(root, "examples/photos");

let session: Session;
let dir: string;
let pagePath: string;
const cli: Record<"zh-CN" | "en", CliReport> = {} as never;

/** The CLI's report of the example (exit 1: it has errors on purpose). */
function cliReport(lang: "zh-CN" | "en"): CliReport {
  const r = xueli(["check", "--example", "--format", "json", "--lang", lang]);
  expect(r.code, r.stderr).toBe(1);
  return JSON.parse(r.stdout) as CliReport;
}

beforeAll(async () => {
  session = await launch();
  dir = session.dir;
  pagePath = join(dir, "xueli-checker.html");
  const w = xueli(["web", "--out", pagePath]);
  expect(w.code, w.stderr).toBe(0);
  cli["zh-CN"] = cliReport("zh-CN");
  cli.en = cliReport("en");
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  // Nothing leaves the machine, and nothing goes wrong unseen, in any test.
  expect(network(session)).toEqual([]);
  expect(session.errors).toEqual([]);
});

/** The example through the page's own inputs: the photo folder (a folder picker), then the roster. */
async function loadExample(page: Page): Promise<void> {
  await page.setInputFiles("#photo-folder", photos);
  await page.setInputFiles("#roster", roster);
  expect(await settled(page)).toBe("done");
}

/** The summary's counts as the page shows them (its data attributes, and its words). */
async function summaryOf(page: Page) {
  return page.$eval("#summary-body", (el) => ({
    linesRead: Number((el as HTMLElement).dataset.lines),
    students: Number((el as HTMLElement).dataset.students),
    photos: Number((el as HTMLElement).dataset.photos),
    errors: Number((el as HTMLElement).dataset.errors),
    warnings: Number((el as HTMLElement).dataset.warnings),
    read: el.querySelector("#summary-read")?.textContent ?? "",
    totals: el.querySelector("#summary-totals")?.textContent ?? "",
    byCode: Object.fromEntries(
      Array.from(el.querySelectorAll(".bycode tbody tr")).map((tr) => [
        tr.querySelector("td")?.textContent ?? "",
        Number(tr.querySelector("td.num")?.textContent),
      ]),
    ),
  }));
}

/** Every finding of the table: its row, code, clause and message, in the table's order. */
async function tableOf(page: Page) {
  return page.$$eval("#findings-body tr", (trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "");
      return { row: Number(cells[0]), code: cells[4], clause: cells[5], message: cells[7] };
    }),
  );
}

/** The CLI's findings of the rows, as the table lists them. */
function cliTable(r: CliReport) {
  return r.students.flatMap((s) =>
    s.findings.map((f) => ({ row: s.row, code: f.code, clause: f.clause, message: f.message })),
  );
}

describe("xueli web (issue 15.2, 15.3)", () => {
  it("writes one self-contained HTML file, at most 1.5 MB with the core, SheetJS and the page (15.3)", () => {
    const html = readFileSync(pagePath, "utf8");
    expect(statSync(pagePath).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    // The core and the spreadsheet library are in it (a workbook writer, the locale tables).
    expect(html).toContain("xueli-zhuce");
    expect(html).toContain("身份证号码校验码不正确");
    expect(html).toContain("SheetJS");
    // Nothing loaded from elsewhere: no script, style, image or link points outside the file.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp.split("; ")).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "script-src 'unsafe-inline' blob:",
        "worker-src blob:",
        "style-src 'unsafe-inline'",
        "img-src blob: data:",
        "connect-src 'none'",
      ]),
    );
  });

  it("overwrites an earlier page, never another file; --out - prints the page", () => {
    const again = xueli(["web", "--out", pagePath]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`已生成离线检查页面 ${pagePath}`);
    const foreign = join(dir, "notes.html");
    writeFileSync(foreign, "<p>my notes</p>");
    const refused = xueli(["web", "--out", foreign, "--lang", "en"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${foreign} exists and is not a checker page`);
    expect(readFileSync(foreign, "utf8")).toBe("<p>my notes</p>");
    const out = xueli(["web", "--out", "-"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(readFileSync(pagePath, "utf8"));
  });
});

describe("the checker page in Chromium, opened from disk (issue 15.2, 15.4)", () => {
  it("checks the example roster and photos like `xueli check --example`: counts, rows, codes, clauses, messages (zh-CN)", async () => {
    const page = await openPage(session, pagePath);
    expect(page.url()).toMatch(/^file:\/\//);
    await loadExample(page);
    const want = cli["zh-CN"];
    const s = await summaryOf(page);
    expect(s).toMatchObject({
      linesRead: want.summary.linesRead,
      students: want.summary.students,
      photos: want.summary.photos,
      errors: want.summary.errors,
      warnings: want.summary.warnings,
      byCode: want.summary.byCode,
    });
    expect(s.read).toBe("读取 21 行；检查学生 20 名；检查照片 20 张");
    expect(s.totals).toBe("错误 10 项；警告 1 项");
    // Every finding of every row, in order: the same row numbers, codes, clauses and messages.
    expect(await tableOf(page)).toEqual(cliTable(want));
    // One finding's message, as the library's zh-CN table words it (id.checksum, clause 3.1, row 4).
    const row4 = page.locator('#findings-body tr[data-row="4"][data-code="id.checksum"] td.message');
    await expect(row4.textContent()).resolves.toBe("身份证号码校验码不正确（应为 5；收到 4）");
    // The photos: one card per file checked, each with the CLI's findings of that file.
    const cards = await page.$$eval("#photos-grid figure", (figs) =>
      figs.map((f) => ({
        file: (f as HTMLElement).dataset.file,
        img: f.querySelector("img")?.getAttribute("src") ?? "",
        findings: Array.from(f.querySelectorAll("li")).map((li) => li.textContent ?? ""),
      })),
    );
    expect(cards).toHaveLength(want.photos.fileList.length);
    for (const c of cards) {
      expect(c.img).toMatch(/^blob:/);
      const file = want.photos.fileList.find((f) => f.fileName === c.file);
      expect(file, c.file).toBeDefined();
      expect(c.findings).toEqual(
        (file?.findings ?? []).map((f) => `${f.severity === "error" ? "错误" : "警告"} ${f.message}`),
      );
    }
    expect(cards.find((c) => c.file === "201918000000099.jpg")?.findings).toEqual([
      "错误 照片文件名与任何学生都不匹配（收到 201918000000099.jpg）",
    ]);
    await page.screenshot({ path: join(artifacts, "example-zh-CN.png"), fullPage: true });
    if (process.env.UPDATE_DOCS) {
      // The README's screenshot (docs/checker.png): the top of the page after the example's run,
      // as a palette PNG under 200 KB.
      await page.setViewportSize({ width: 1100, height: 1350 });
      const png = await page.screenshot({ fullPage: false });
      const sharp = (await import("sharp")).default;
      writeFileSync(
        join(root, "docs/checker.png"),
        await sharp(png).png({ palette: true, quality: 80, effort: 10 }).toBuffer(),
      );
    }
    expect(statSync(join(root, "docs/checker.png")).size).toBeLessThan(200 * 1024);
    await page.close();
  });

  it("says the same in English when the language is switched: counts and messages of `--lang en`", async () => {
    const page = await openPage(session, pagePath);
    await loadExample(page);
    await page.selectOption("#lang", "en");
    expect(await settled(page, "en")).toBe("done");
    const want = cli.en;
    const s = await summaryOf(page);
    expect(s).toMatchObject({
      students: want.summary.students,
      photos: want.summary.photos,
      errors: want.summary.errors,
      warnings: want.summary.warnings,
      byCode: want.summary.byCode,
    });
    expect(s.read).toBe("21 line(s) read; 20 student(s) checked; 20 photo(s) checked");
    expect(await tableOf(page)).toEqual(cliTable(want));
    const row4 = page.locator('#findings-body tr[data-row="4"][data-code="id.checksum"] td.message');
    await expect(row4.textContent()).resolves.toBe(
      "The ID number's check character is wrong (expected 5; received 4)",
    );
    // No Chinese page words left (the findings' received values may hold Chinese: those are data).
    await expect(page.locator("h1").textContent()).resolves.toBe("Roster checker for e-registration");
    await page.screenshot({ path: join(artifacts, "example-en.png"), fullPage: true });
    await page.close();
  });

  it("filters the rows by severity and by code (15.2)", async () => {
    const page = await openPage(session, pagePath);
    await loadExample(page);
    await page.selectOption("#filter-severity", "warning");
    expect(await tableOf(page)).toEqual([
      {
        row: 18,
        code: "ethnicity.renamed",
        clause: "3.1",
        message: "民族名称已更改，请使用现名（收到 毛难族；建议 毛南族）",
      },
    ]);
    // The suggestion has its own column.
    await expect(page.locator("#findings-body td.suggestion").textContent()).resolves.toBe("毛南族");
    await page.selectOption("#filter-severity", "");
    await page.selectOption("#filter-code", "photo.missing");
    const rows = await tableOf(page);
    expect(rows.map((r) => [r.row, r.code])).toEqual([
      [8, "photo.missing"],
      [8, "photo.missing"],
    ]);
    await page.close();
  });

  it("exports the annotated workbook and the CSV report of `--output`: the 问题 column read back with SheetJS", async () => {
    const page = await openPage(session, pagePath);
    await loadExample(page);
    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.click("#export-xlsx")]);
    expect(xlsxDownload.suggestedFilename()).toBe("roster-检查结果.xlsx");
    const xlsxPath = join(dir, "page.xlsx");
    await xlsxDownload.saveAs(xlsxPath);
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    expect(csvDownload.suggestedFilename()).toBe("roster-检查结果.csv");
    const csvPath = join(dir, "page.csv");
    await csvDownload.saveAs(csvPath);
    await page.close();

    const book = XLSX.read(readFileSync(xlsxPath), { type: "buffer" });
    const first = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(first, { header: 1, defval: null });
    const header = rows[0] as string[];
    const problems = header.indexOf("问题");
    expect(problems).toBeGreaterThan(0);
    // Roster row 4 (the sheet's 4th row) carries its id.checksum finding in 问题.
    expect(String((rows[3] as unknown[])[problems])).toContain("身份证号码校验码不正确（应为 5；收到 4）");
    expect((rows[1] as unknown[])[problems] ?? "").toBe("");

    // The same files as `xueli check --example --output …`.
    const cliXlsx = join(dir, "cli.xlsx");
    const cliCsv = join(dir, "cli.csv");
    expect(xueli(["check", "--example", "--output", cliXlsx]).code).toBe(1);
    expect(xueli(["check", "--example", "--output", cliCsv]).code).toBe(1);
    const theirs = XLSX.read(readFileSync(cliXlsx), { type: "buffer" });
    const sheet = (b: XLSX.WorkBook) =>
      XLSX.utils.sheet_to_json(b.Sheets[b.SheetNames[0] as string] as XLSX.WorkSheet, {
        header: 1,
        defval: null,
      });
    expect(book.SheetNames).toEqual(theirs.SheetNames);
    expect(sheet(book)).toEqual(sheet(theirs));
    expect(readFileSync(csvPath, "utf8")).toBe(readFileSync(cliCsv, "utf8"));
  });

  it.each([
    ["binary garbage named .xlsx", "garbage.xlsx", "garbage"],
    ["binary garbage named .csv", "garbage.csv", "garbage"],
    ["a header-only CSV", "header-only.csv", "header"],
  ] as const)(
    "shows a clear message for %s, never a blank page or an uncaught error (15.4)",
    async (_, name, kind) => {
      const file = join(dir, name);
      if (kind === "garbage") {
        // Deterministic noise: no text, no workbook.
        let x = 0x2545f491;
        const bytes = new Uint8Array(4096).map(() => {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          return x & 0xff;
        });
        bytes[0] = 0x00;
        bytes[1] = 0xff;
        writeFileSync(file, bytes);
      } else writeFileSync(file, `${readFileSync(roster, "utf8").split("\n")[0]}\n`);
      const want = xueli(["check", file]);
      expect(want.code).toBe(2);
      const messages = want.stderr
        .trim()
        .split("\n")
        .map((l) => l.replace(/^xueli: /, ""));

      const page = await openPage(session, pagePath);
      await page.setInputFiles("#roster", file);
      expect(await settled(page)).toBe("problem");
      await expect(page.locator("#problem").isVisible()).resolves.toBe(true);
      await expect(page.locator("#problem-title").textContent()).resolves.toBe("无法检查这个名册");
      expect(await page.locator("#problem-list li").allTextContents()).toEqual(messages);
      await expect(page.locator("#results").isVisible()).resolves.toBe(false);
      // The page is still there and still works: the example after the broken roster.
      await page.setInputFiles("#roster", roster);
      expect(await settled(page)).toBe("done");
      await expect(page.locator("#problem").isVisible()).resolves.toBe(false);
      expect((await summaryOf(page)).students).toBe(20);
      await page.close();
    },
  );

  it("checks against a batch file validated with defineBatch, and says what is wrong with a bad one", async () => {
    const page = await openPage(session, pagePath);
    await page.setInputFiles("#roster", roster);
    expect(await settled(page)).toBe("done");
    const good = join(dir, "2023-1.json");
    const init = xueli(["batch", "init", "--out", good]);
    expect(init.code, init.stderr).toBe(0);
    await page.selectOption("#batch", "file");
    await page.setInputFiles("#batch-file", good);
    expect(await settled(page)).toBe("done");
    const line = await page.locator("#summary-body p.note").first().textContent();
    expect(line).toContain("（批次文件 2023-1.json）");

    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    await page.setInputFiles("#batch-file", bad);
    expect(await settled(page)).toBe("problem");
    await expect(page.locator("#problem-title").textContent()).resolves.toBe("批次文件有误");
    await expect(page.locator("#problem-list li").allTextContents()).resolves.toEqual([
      "批次文件 bad.json 不是有效的 JSON：请用 xueli batch init 重新生成，再按说明填写",
    ]);
    await page.close();
  });
});
