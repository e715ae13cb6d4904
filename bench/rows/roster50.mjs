// `xueli check` on a 50 MB roster (about 259,000 valid rows, no photos): wall time and peak RSS,
// against two floors measured the same way (child processes, page cache warm, runs interleaved,
// medians): `cat` of the file (I/O), and the library floor (bench/floor-roster.mjs: the same rows
// read and mapped by src/roster and passed through `validateStudent`, in one process, no output).
// Goal (issue 10, item 8): the CLI takes at most 2× the library floor. The hardening issue asks
// that such a roster be checked in bounded memory; this row measures it too. RUNS runs of each
// (XUELI_BENCH_RUNS, default 3: about 25 s a run of the CLI here). In CI, test/cli/memory.test.ts
// checks a 10 MB roster under a 64 MB heap.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeBenchData } from "../../scripts/make-bench-data.mjs";
import { measured } from "./cli.mjs";
import { originFormsOf } from "./student.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Math.max(1, Number(process.env.XUELI_BENCH_RUNS ?? 3) || 3);

const median = (xs) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];

/** The floor script's own account of its time (one line of JSON on stderr), or undefined. */
function floorParts(r) {
  try {
    return JSON.parse(r.stderr.trim().split("\n").pop());
  } catch {
    return undefined;
  }
}

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
    const cliArgs = [cli, "check", made.roster, "--at", "2022-06-01T10:00:00+08:00", "--format", "json"];
    const floorArgs = [join(here, "../floor-roster.mjs"), ctx.dist, made.roster];
    // Warm the page cache, untimed.
    await measured("cat", [made.roster]);
    const cat = [];
    const floor = [];
    const ours = [];
    for (let i = 0; i < RUNS; i++) {
      cat.push(await measured("cat", [made.roster]));
      floor.push(await measured(process.execPath, floorArgs));
      ours.push(await measured(process.execPath, cliArgs));
    }
    const o = median(ours);
    const f = median(floor);
    const c = median(cat);
    const parts = floorParts(f);
    if (f.code !== 0 || parts === undefined || parts.students !== made.rows) {
      throw new Error(`the floor script failed: exit ${f.code} ${f.stderr.trim().slice(0, 300)}`);
    }
    const mb = made.bytes / 1024 / 1024;
    const rssMb = Math.max(...ours.map((r) => r.maxRssKb)) / 1024;
    const secs = (xs) => xs.map((r) => (r.ms / 1000).toFixed(1)).join(", ");
    const notes = `${made.rows} rows, ${mb.toFixed(1)} MB; exit code ${o.code}${o.code === 2 ? ` (${o.stderr.trim().slice(0, 200)})` : ""}; ${RUNS} runs each, CLI ${secs(ours)} s, library floor ${secs(floor)} s (median run: loading ${parts.loadMs} ms, reading and mapping ${(parts.readMs / 1000).toFixed(1)} s, validateStudent ${(parts.validateMs / 1000).toFixed(1)} s, ${parts.valid} valid), cat ${Math.round(c.ms)} ms; floor peak RSS ${Math.round(Math.max(...floor.map((r) => r.maxRssKb)) / 1024)} MB`;
    return [
      {
        name: "xueli check, 50 MB roster (no photos): peak RSS",
        ours: rssMb,
        peer: mb,
        peerName: "the roster's own size (MB)",
        ratio: rssMb / mb,
        unit: `MB peak resident set (max of ${RUNS} runs); ratio = RSS / file size, LOWER is better`,
        goal: "bounded memory (<= 200 MB)",
        met: rssMb <= 200,
        notes,
      },
      {
        name: "xueli check, 50 MB roster (no photos): vs library floor",
        ours: o.ms / 1000,
        peer: f.ms / 1000,
        peerName: "the same rows read, mapped and passed through validateStudent in one process, no output",
        ratio: o.ms / f.ms,
        unit: `seconds (median of ${RUNS} runs); ratio = ours / floor, LOWER is better`,
        goal: "ratio <= 2",
        met: o.ms / f.ms <= 2,
        notes,
      },
      {
        name: "xueli check, 50 MB roster (no photos): wall time",
        ours: o.ms / 1000,
        peer: c.ms / 1000,
        peerName: "cat roster > /dev/null (I/O floor)",
        ratio: o.ms / c.ms,
        unit: `seconds (median of ${RUNS} runs); ratio = ours / floor`,
        notes,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
