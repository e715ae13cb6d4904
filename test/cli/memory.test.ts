// `xueli check` reads a CSV roster as a stream, in two passes, and writes each student's report as
// soon as it is made (docs/cli.md, "Memory"): its heap does not grow with the roster. Checked on a
// generated 10 MB roster (about 51,000 rows) under a 64 MB heap limit — the reader of before
// (whole file, every row's records, registrations and reports kept to the end) died there of
// "heap out of memory" — with the peak resident set measured from the child.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeBenchData } from "../../scripts/make-bench-data.mjs";
import { runCli } from "../helpers/child.js";
import { AT } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xueli-cli-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("xueli check in bounded memory (issue 7)", () => {
  it("checks a 10 MB roster (~51,000 rows) under a 64 MB heap, below 150 MB resident", async () => {
    const made = await makeBenchData(dir, 0, { photos: false, targetBytes: 10 * 1024 * 1024 });
    expect(made.bytes).toBeGreaterThan(10 * 1024 * 1024);
    const r = await runCli(["check", made.roster, "--at", AT, "--format", "json"], {
      nodeArgs: ["--max-old-space-size=64"],
      maxOutput: 0,
    });
    expect(r.stderr).not.toMatch(/heap out of memory/i);
    expect(r.code).toBe(0);
    // Every row was reported (the report is streamed: only its end is kept here).
    expect(r.tail).toContain(`"students": ${made.rows},`);
    expect(r.stdoutLength).toBeGreaterThan(made.rows * 100);
    if (r.maxRssKb !== undefined) expect(r.maxRssKb).toBeLessThan(150 * 1024);
  }, 60_000);
});
