// `xueli check` reads a CSV roster as a stream, in two passes, and writes each student's report as
// soon as it is made (docs/cli.md, "Memory"): its heap does not grow with the roster. Checked on a
// generated 10 MB roster (about 51,000 rows) under a 64 MB heap limit — the reader of before
// (whole file, every row's records, registrations and reports kept to the end) died there of
// "heap out of memory" — with the peak resident set measured from the child.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeBenchData } from "../../scripts/make-bench-data.mjs";
import { AT, cli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xueli-cli-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Measured {
  code: number | null;
  stderr: string;
  /** Characters written to stdout (not kept). */
  stdoutLength: number;
  /** The last 4 KiB of stdout: the summary. */
  tail: string;
  /** Peak resident set in KiB (GNU time's %M, else VmHWM polled); undefined off Linux. */
  maxRssKb: number | undefined;
}

/** Runs `node <nodeArgs> dist/cli.js <args>`, measuring the child's peak resident set. */
function measured(nodeArgs: string[], args: string[]): Promise<Measured> {
  const gnuTime = existsSync("/usr/bin/time") && process.platform === "linux";
  const argv = [...nodeArgs, cli, ...args];
  const child = gnuTime
    ? spawn("/usr/bin/time", ["-f", "XUELI_RSS_KB=%M", process.execPath, ...argv], { env: process.env })
    : spawn(process.execPath, argv, { env: process.env });
  let stderr = "";
  let tail = "";
  let stdoutLength = 0;
  let hwm = 0;
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (d: string) => {
    stdoutLength += d.length;
    tail = (tail + d).slice(-4096);
  });
  child.stderr.on("data", (d: string) => {
    if (stderr.length < 64 * 1024) stderr += d;
  });
  const poll =
    !gnuTime && process.platform === "linux"
      ? setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {
            // the child exited between two polls
          }
        }, 10)
      : undefined;
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const m = /XUELI_RSS_KB=(\d+)/.exec(stderr);
      resolve({
        code,
        stderr: stderr.replace(/XUELI_RSS_KB=\d+\n?/, ""),
        stdoutLength,
        tail,
        maxRssKb: m ? Number(m[1]) : hwm > 0 ? hwm : undefined,
      });
    });
  });
}

describe("xueli check in bounded memory (issue 7)", () => {
  it("checks a 10 MB roster (~51,000 rows) under a 64 MB heap, below 150 MB resident", async () => {
    const made = await makeBenchData(dir, 0, { photos: false, targetBytes: 10 * 1024 * 1024 });
    expect(made.bytes).toBeGreaterThan(10 * 1024 * 1024);
    const r = await measured(
      ["--max-old-space-size=64"],
      ["check", made.roster, "--at", AT, "--format", "json"],
    );
    expect(r.stderr).not.toMatch(/heap out of memory/i);
    expect(r.code).toBe(0);
    // Every row was reported (the report is streamed: only its end is kept here).
    expect(r.tail).toContain(`"students": ${made.rows},`);
    expect(r.stdoutLength).toBeGreaterThan(made.rows * 100);
    if (r.maxRssKb !== undefined) expect(r.maxRssKb).toBeLessThan(150 * 1024);
  }, 60_000);
});
