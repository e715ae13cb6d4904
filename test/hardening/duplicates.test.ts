// Duplicates are linear (issue 12 item 1): N copies of one registration used to cost O(N²) — each
// finding named every occurrence — so 16,000 copies ran checkBatch out of memory (exit 134) and took
// the CLI 83 s for 20,000 copies. Now a duplicate finding names at most DUPLICATES_NAMED
// occurrences plus a count. Measured here in child processes (peak resident set) and by the size of
// the findings, never by time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { AT, goodRow, toCsv } from "../cli/helpers.js";
import { runCli } from "../helpers/child.js";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "xueli-duplicates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const N = 16_000;

/** Runs a Node script under GNU time when there is one: its stdout and peak RSS (KiB). */
function runScript(source: string): {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKb?: number;
} {
  const file = join(dir, "script.mjs");
  writeFileSync(file, source);
  const time = existsSync("/usr/bin/time") && process.platform === "linux";
  const r = time
    ? spawnSync("/usr/bin/time", ["-f", "XUELI_RSS_KB=%M", process.execPath, file], { encoding: "utf8" })
    : spawnSync(process.execPath, [file], { encoding: "utf8" });
  const m = /XUELI_RSS_KB=(\d+)/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ...(m ? { maxRssKb: Number(m[1]) } : {}) };
}

describe("duplicates in linear work and bounded memory (3.1, 4.2.3; issue 12 item 1)", () => {
  it(`checkBatch on ${N.toLocaleString("en")} copies of one registration: every copy reported, under 200 MB`, () => {
    const script = `
      import { checkBatch, createRegistration, ucas2022Batch3 } from ${JSON.stringify(join(dist, "index.js"))};
      const student = ${JSON.stringify({ ...studentJson() })};
      const reg = createRegistration(student, ucas2022Batch3);
      const regs = Array.from({ length: ${N} }, () => reg);
      const r = checkBatch(regs, ucas2022Batch3);
      const dup = r.findings.filter((f) => f.code === "batch.duplicate-id");
      console.log(JSON.stringify({
        dup: dup.length,
        last: dup.at(-1)?.params,
        bytes: JSON.stringify(r.findings).length,
        findings: r.findings.length,
      }));
    `;
    const r = runScript(script);
    expect(r.stderr.replace(/XUELI_RSS_KB=\d+\n?/, "")).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { dup: number; last: unknown; bytes: number; findings: number };
    expect(out.dup).toBe(N);
    expect(out.last).toEqual({ received: studentJson().id.number, count: N, indices: [0, 1, 2, 3, 4] });
    // Linear: about the same bytes per finding whatever N (each names 5 occurrences, not N).
    expect(out.bytes / out.findings).toBeLessThan(1000);
    if (r.maxRssKb !== undefined) expect(r.maxRssKb).toBeLessThan(200 * 1024);
  }, 120_000);

  it(`xueli check on ${N.toLocaleString("en")} copies of one row: every row reported, under 200 MB`, async () => {
    const file = join(dir, "copies.csv");
    const row = goodRow(1);
    writeFileSync(file, toCsv(Array.from({ length: N }, () => row)));
    const r = await runCli(["check", file, "--at", AT, "--format", "json"], { maxOutput: 0 });
    expect(r.code).toBe(1);
    expect(r.tail).toContain(`"students": ${N},`);
    expect(r.tail).toContain(`"batch.duplicate-id": ${N}`);
    // Linear output: a bounded report per row (5 rows named, not 16,000).
    expect(r.stdoutLength / N).toBeLessThan(5000);
    if (r.maxRssKb !== undefined) expect(r.maxRssKb).toBeLessThan(200 * 1024);
  }, 300_000);
});

/** A registrable student (the CLI tests' first row, in api.md's shape). */
function studentJson() {
  return {
    studentNumber: "2019E8012345001",
    name: "测试甲",
    sex: "male",
    ethnicity: "汉族",
    id: { type: "resident", number: "11010819980512123X".replace("X", checkX()) },
    degreeLevel: "master",
    trainingUnit: "测试研究所",
    admissionYear: 2019,
    batchId: "ucas-2022-3",
    origin: { value: "北京市海淀区", reviewed: true },
    photo: { uploaded: true },
    study: {
      creditsComplete: true,
      requiredSegmentsComplete: true,
      thesisComplete: true,
      defense: "passed",
      defenseDate: "2022-05-20",
    },
  };
}

/** The check character of 11010819980512123 (GB 11643-1999). */
function checkX(): string {
  const body = "11010819980512123";
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return "10X98765432"[sum % 11] as string;
}
