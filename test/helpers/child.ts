// Runs the built CLI as a child process and measures its peak resident set: GNU time's %M when
// /usr/bin/time exists, else VmHWM read from /proc/<pid>/status while the child runs (Linux).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI under test: `$XUELI_DIST/cli.js` when set (a private build), else the package's dist. */
export const cliPath = process.env.XUELI_DIST
  ? join(process.env.XUELI_DIST, "cli.js")
  : fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Characters written to stdout, kept or not. */
  stdoutLength: number;
  /** The last 4 KiB of stdout, whatever `maxOutput` kept: where a report's summary is. */
  tail: string;
  /** Peak resident set in KiB, or undefined where it cannot be measured (not Linux). */
  maxRssKb: number | undefined;
}

const GNU_TIME = "/usr/bin/time";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the CLI. `npm pack` in the package test runs the `prepare` build, which empties `dist/` for a
 * moment: wait for the CLI to be there, and run once more if it vanished while starting.
 */
export interface RunOptions {
  /** Characters of stdout and stderr to keep (default 4 MiB); the rest is counted, not kept. */
  maxOutput?: number;
  /** Node's own flags, before the CLI's path (e.g. `--max-old-space-size=64`). */
  nodeArgs?: string[];
}

export async function runCli(args: string[], options: RunOptions = {}): Promise<ChildRun> {
  for (let attempt = 0; ; attempt++) {
    for (let waited = 0; !existsSync(cliPath); waited += 200) {
      if (waited > 60_000) throw new Error(`${cliPath} is missing: build first (npm run build)`);
      await sleep(200);
    }
    const r = await runOnce(args, options);
    if (attempt < 3 && /ERR_MODULE_NOT_FOUND|Cannot find module/.test(r.stderr)) {
      await sleep(1000);
      continue;
    }
    return r;
  }
}

function runOnce(args: string[], options: RunOptions): Promise<ChildRun> {
  const useTime = existsSync(GNU_TIME) && process.platform === "linux";
  const cmd = useTime ? GNU_TIME : process.execPath;
  const node = [...(options.nodeArgs ?? []), cliPath, ...args];
  const argv = useTime ? ["-f", "XUELI_RSS_KB=%M", process.execPath, ...node] : node;
  const max = options.maxOutput ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let hwm = 0;
    // Output beyond `max` is counted, not kept: a test must not hold what it is checking the CLI for.
    let stdoutBytes = 0; // characters, in fact: the streams are decoded
    let tail = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      stdoutBytes += d.length;
      tail = (tail + d).slice(-4096);
      if (stdout.length < max) stdout += d.slice(0, max - stdout.length);
    });
    child.stderr.on("data", (d: string) => {
      if (stderr.length < max) stderr += d.slice(0, max - stderr.length);
    });
    const poll =
      !useTime && process.platform === "linux"
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
              if (m) hwm = Math.max(hwm, Number(m[1]));
            } catch {
              // the child has exited between two polls
            }
          }, 10)
        : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const m = /XUELI_RSS_KB=(\d+)\n?/.exec(stderr);
      if (m) stderr = stderr.replace(m[0], "").replace(/Command exited with non-zero status \d+\n?/, "");
      const maxRssKb = m ? Number(m[1]) : hwm > 0 ? hwm : undefined;
      resolve({ code, stdout, stderr, stdoutLength: stdoutBytes, tail, maxRssKb });
    });
  });
}
