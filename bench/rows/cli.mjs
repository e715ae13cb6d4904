// `xueli check` on a generated 10,000-student roster with 10,000 photos in a temp folder: wall
// time and peak RSS (GNU time's %M, or /proc VmHWM polled when /usr/bin/time is missing), against
// the I/O floor: `cat` of the same roster and photos to /dev/null. Page cache warm for both.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeBenchData } from "../../scripts/make-bench-data.mjs";
import { originFormsOf } from "./student.mjs";

const now = () => Number(process.hrtime.bigint()) / 1e6;

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
    // Warm the page cache and the node compile cache alike, untimed.
    await measured("cat", files);
    const first = await measured(process.execPath, args);
    const ours = [];
    const floor = [];
    for (let i = 0; i < 5; i++) {
      floor.push(await measured("cat", files));
      ours.push(await measured(process.execPath, args));
    }
    const med = (xs) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];
    const o = med(ours);
    const f = med(floor);
    const rssMb = Math.max(...ours.map((r) => r.maxRssKb)) / 1024;
    const nodeStart = await measured(process.execPath, ["-e", "0"]);
    const notes = `${made.students} students, ${made.students} photos (${Math.round(
      made.bytes / 1024,
    )} KB roster); exit code ${first.code}${first.code === 2 ? ` (${first.stderr.trim().slice(0, 200)})` : ""}; node startup alone ${Math.round(nodeStart.ms)} ms`;
    return [
      {
        name: "xueli check, 10,000 students + photos: wall time",
        ours: o.ms / 1000,
        peer: f.ms / 1000,
        peerName: "cat roster + photos > /dev/null (I/O floor)",
        ratio: o.ms / f.ms,
        unit: "seconds (median of 5); ratio = ours / floor, LOWER is better",
        goal: "ratio <= 10",
        met: o.ms / f.ms <= 10,
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
