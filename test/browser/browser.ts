// The checker page in a real browser: Debian's Chromium (/usr/bin/chromium, `apt-get install
// chromium`; never a browser download) driven by playwright-core, with a fresh profile, every
// request recorded and anything but file:, blob: and data: aborted, and every page error and
// console error recorded for the tests to fail on.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const cliPath = join(root, "dist/cli.js");
export const CHROMIUM = process.env.XUELI_CHROMIUM ?? "/usr/bin/chromium";
/** Where the screenshots go: a test artifact (gitignored), never committed. */
export const artifacts = join(root, "test-results/browser");

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`npm run build` first). Another test file's `npm pack` rebuilds dist/ for a
 * moment: wait for the CLI to be back, and run again if it vanished mid-start.
 */
export function xueli(args: string[], cwd = root): Run {
  for (let attempt = 0; ; attempt++) {
    for (let waited = 0; !existsSync(cliPath); waited += 200) {
      if (waited > 90_000) throw new Error("dist/cli.js is missing: run `npm run build` first");
      sleep(200);
    }
    const r = spawnSync(process.execPath, [cliPath, ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (
      attempt < 3 &&
      /ERR_MODULE_NOT_FOUND|Cannot find module|checker page is missing|缺少检查页面/.test(r.stderr)
    ) {
      sleep(1000);
      continue;
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
}

/** The flags of the brief: headless, no sandbox (containers), nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Session {
  context: BrowserContext;
  /** Every URL a page or worker of the context asked for. */
  requests: string[];
  /** Requests that were not file:, blob: or data: (aborted). */
  blocked: string[];
  /** Uncaught errors and console errors, of any page or worker. */
  errors: string[];
  dir: string;
  close(): Promise<void>;
}

const LOCAL = /^(file|blob|data):/;

/** A browser with a fresh profile (a temp `--user-data-dir`), recording requests and errors. */
export async function launch(): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), "xueli-browser-"));
  const profile = join(dir, "profile");
  mkdirSync(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const session: Session = {
    context,
    requests: [],
    blocked: [],
    errors: [],
    dir,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  context.on("request", (r) => {
    session.requests.push(r.url());
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    session.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("weberror", (e) => session.errors.push(`weberror: ${e.error().message}`));
  return session;
}

/** A new page of the session, its errors and console errors recorded (and its workers'). */
export async function openPage(session: Session, file: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on("pageerror", (e) => session.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") session.errors.push(`console error: ${m.text()}`);
  });
  page.on("worker", (w) => {
    w.on("console", (m) => {
      if (m.type() === "error") session.errors.push(`worker console error: ${m.text()}`);
    });
  });
  page.on("websocket", (ws) => session.blocked.push(ws.url()));
  await page.goto(pathToFileURL(file).href);
  return page;
}

/** The requests that left the machine (anything but the page's file and its blob:/data: URLs). */
export function network(session: Session): string[] {
  return [...session.blocked, ...session.requests.filter((u) => !LOCAL.test(u))];
}

/** Waits for the run to end (a report, a problem or a failure) and gives the page's state. */
export async function settled(page: Page, lang: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  await page.waitForFunction(
    (l) =>
      document.documentElement.lang === l &&
      ["done", "problem", "failed"].includes(document.body.dataset.state ?? ""),
    lang,
    { timeout: 60_000 },
  );
  return page.evaluate(() => document.body.dataset.state ?? "");
}
