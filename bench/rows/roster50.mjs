// `xueli check` on a 50 MB roster (about 259,000 valid rows, no photos): wall time and peak RSS.
// The hardening issue asks that such a roster be checked in bounded memory; this row measures it
// (one run: about 25 s). In CI, test/cli/memory.test.ts checks a 10 MB roster under a 64 MB heap.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeBenchData } from "../../scripts/make-bench-data.mjs";
import { measured } from "./cli.mjs";
import { originFormsOf } from "./student.mjs";

export async function run(lib, ctx) {
  const cli = join(ctx.dist, "cli.js");
  if (!existsSync(cli)) throw new Error(`no CLI at ${cli}`);
  const dir = mkdtempSync(join(tmpdir(), "xueli-bench-50mb-"));
  try {
    const made = await makeBenchData(dir, 0, {
      photos: false,
      targetBytes: 50 * 1024 * 1024,
      origins: originFormsOf(lib),
    });
    await measured("cat", [made.roster]);
    const floor = await measured("cat", [made.roster]);
    const r = await measured(process.execPath, [
      cli,
      "check",
      made.roster,
      "--at",
      "2022-06-01T10:00:00+08:00",
      "--format",
      "json",
    ]);
    const mb = made.bytes / 1024 / 1024;
    const notes = `${made.rows} rows, ${mb.toFixed(1)} MB; exit code ${r.code}${r.code === 2 ? ` (${r.stderr.trim().slice(0, 200)})` : ""}; wall ${(r.ms / 1000).toFixed(1)} s (cat ${Math.round(floor.ms)} ms)`;
    return [
      {
        name: "xueli check, 50 MB roster (no photos): peak RSS",
        ours: r.maxRssKb / 1024,
        peer: mb,
        peerName: "the roster's own size (MB)",
        ratio: r.maxRssKb / 1024 / mb,
        unit: "MB peak resident set (one run); ratio = RSS / file size, LOWER is better",
        goal: "bounded memory (<= 200 MB)",
        met: r.maxRssKb / 1024 <= 200,
        notes,
      },
      {
        name: "xueli check, 50 MB roster (no photos): wall time",
        ours: r.ms / 1000,
        peer: floor.ms / 1000,
        peerName: "cat roster > /dev/null (I/O floor)",
        ratio: r.ms / floor.ms,
        unit: "seconds (one run); ratio = ours / floor",
        notes,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
