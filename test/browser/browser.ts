// The checker page in a real browser: Debian's Chromium (/usr/bin/chromium, `apt-get install
// chromium`; never a browser download) driven by playwright-core, with a fresh profile, every
// request recorded and anything but file:, blob: and data: aborted, and every page error and
// console error recorded for the tests to fail on.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";
import { type Run, xueli as runCli } from "../cli/helpers.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));
/** Where the screenshots go: a test artifact (gitignored), never committed. */
export const artifacts = join(root, "test-results/browser");

/**
 * Runs the built CLI (`xueli` of test/cli/helpers.ts), run again while the checker page is missing
 * (the build writes it last).
 */
export function xueli(args: string[], cwd = root): Run {
  return runCli(args, { cwd, retryOn: /checker page is missing|缺少检查页面/ });
}

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
