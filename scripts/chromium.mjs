// The system Chromium the browser tests (test/browser/) and the page's bench row (bench/rows/web.mjs)
// drive with playwright-core: Debian's (`apt-get install chromium`; .ci/run installs it when
// missing), never a browser download; XUELI_CHROMIUM points at another.

/** The browser's executable. */
export const CHROMIUM = process.env.XUELI_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Its flags: headless, no sandbox (containers), and nothing that phones home — on the closed
 * network of CI its background connections would fail. Each launch adds a fresh `--user-data-dir`.
 */
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
