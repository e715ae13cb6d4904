// `xueli check` on a generated 10,000-student roster with 10,000 photos in a temp folder: wall
// time and peak RSS (GNU time's %M, or /proc VmHWM polled when /usr/bin/time is missing), against
// the I/O floor: `cat` of the same roster and photos to /dev/null. Page cache warm for both; five
// rounds, each running every side once (interleaved), medians quoted. Goal (issue 10, item 8): at
// most 4× the `cat` floor. Also measured each round, for the account of the time in
// docs/performance.md: the library floor of the same work (bench/floor-roster.mjs --photos: the
// rows read, mapped and validated, then `checkPhotoFolder`, in one process, no output), the CLI on
// the roster alone, and Node's own start.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeBenchData } from "../../scripts/make-bench-data.mjs";
import { originFormsOf } from "./student.mjs";

const now = () => Number(process.hrtime.bigint()) / 1e6;
const here = dirname(fileURLToPath(import.meta.url));

/** Runs a command with stdout to /dev/null; resolves { ms, maxRssKb, code, stderr }. */
export function measured(cmd, args, options = {}) {
  const gnuTime = existsSync("/usr/bin/time");
  const argv = gnuTime ? ["-f", "XUELI_RSS_KB=%M", cmd, ...args] : args;
  const bin = gnuTime ? "/usr/bin/time" : cmd;
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(bin, argv, { stdio: ["ignore", "ignore", "pipe"], ...options });
    let stderr = "";
    let hwm = 0;
    let poll;
    if (!gnuTime) {
      poll = setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {}
      }, 5);
    }
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = now() - t0;
      if (poll) clearInterval(poll);
      const m = /XUELI_RSS_KB=(\d+)/.exec(stderr);
      resolve({
        ms,
        maxRssKb: m ? Number(m[1]) : hwm,
        code,
        stderr: stderr.replace(/XUELI_RSS_KB=\d+\n?/, ""),
      });
    });
  });
}

export async function run(lib, ctx) {
  const cli = join(ctx.dist, "cli.js");
  if (!existsSync(cli)) throw new Error(`no CLI at ${cli}`);
  const dir = mkdtempSync(join(tmpdir(), "xueli-bench-cli-"));
  try {
    const N = 10_000;
    const made = await makeBenchData(dir, N, { origins: originFormsOf(lib) });
    const files = [made.roster, ...readdirSync(made.photoDir).map((f) => join(made.photoDir, f))];
    const args = [
      cli,
      "check",
      made.roster,
      "--photos",
      made.photoDir,
      "--at",
      "2022-06-01T10:00:00+08:00",
      "--format",
      "json",
    ];
    const rosterOnly = args.filter((_, i) => i !== 3 && i !== 4);
    const libraryArgs = [join(here, "../floor-roster.mjs"), ctx.dist, made.roster, "--photos", made.photoDir];
    // Warm the page cache and the node compile cache alike, untimed.
    await measured("cat", files);
    const first = await measured(process.execPath, args);
    const ours = [];
    const floor = [];
    const library = [];
    const roster = [];
    const start = [];
    for (let i = 0; i < 5; i++) {
      floor.push(await measured("cat", files));
      ours.push(await measured(process.execPath, args));
      library.push(await measured(process.execPath, libraryArgs));
      roster.push(await measured(process.execPath, rosterOnly));
      start.push(await measured(process.execPath, ["-e", "0"]));
    }
    const med = (xs) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];
    const o = med(ours);
    const f = med(floor);
    const libFloor = med(library);
    const rssMb = Math.max(...ours.map((r) => r.maxRssKb)) / 1024;
    let parts = {};
    try {
      parts = JSON.parse(libFloor.stderr.trim().split("\n").pop());
    } catch {}
    const ms = (r) => Math.round(r.ms);
    const notes = `${made.students} students, ${made.students} photos (${Math.round(
      made.bytes / 1024,
    )} KB roster); exit code ${first.code}${first.code === 2 ? ` (${first.stderr.trim().slice(0, 200)})` : ""}; medians: CLI ${ms(o)} ms (runs ${ours.map(ms).join(", ")}), cat ${ms(f)} ms (runs ${floor.map(ms).join(", ")}), CLI on the roster alone ${ms(med(roster))} ms, node -e 0 ${ms(med(start))} ms, library floor ${ms(libFloor)} ms (its median run: loading ${parts.loadMs} ms, reading and mapping ${parts.readMs} ms, validateStudent ${parts.validateMs} ms, checkPhotoFolder ${parts.photosMs} ms)`;
    return [
      {
        name: "xueli check, 10,000 students + photos: wall time",
        ours: o.ms / 1000,
        peer: f.ms / 1000,
        peerName: "cat roster + photos > /dev/null (I/O floor)",
        ratio: o.ms / f.ms,
        unit: "seconds (median of 5); ratio = ours / floor, LOWER is better",
        goal: "ratio <= 4",
        met: o.ms / f.ms <= 4,
        notes,
      },
      {
        name: "xueli check, 10,000 students + photos: vs library floor",
        ours: o.ms / 1000,
        peer: libFloor.ms / 1000,
        peerName: "read + map + validateStudent per row, then checkPhotoFolder, one process, no output",
        ratio: o.ms / libFloor.ms,
        unit: "seconds (median of 5); ratio = ours / floor, LOWER is better",
        notes,
      },
      {
        name: "xueli check, 10,000 students + photos: peak RSS",
        ours: rssMb,
        peer: Math.max(...floor.map((r) => r.maxRssKb)) / 1024,
        peerName: "cat (the floor's own RSS)",
        ratio: null,
        unit: "MB peak resident set (max of 5 runs)",
        goal: "<= 200 MB",
        met: rssMb <= 200,
        notes,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
