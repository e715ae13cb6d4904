#!/usr/bin/env node
// Builds the offline checker page (issue 15): dist/web/xueli-checker.html, one self-contained HTML
// file that `xueli web` copies where the user wants it. Run by `npm run build` and `prepare` after
// tsup (it reads the sources, not dist/, so the order does not matter).
//
// - web/worker.ts, bundled for the browser with the package's core and roster code (SheetJS
//   included), minified: the check runs in a Web Worker started from a Blob URL of this text,
//   which the page holds in a non-executed <script type="text/x-xueli-worker">.
// - web/app.ts, the page's own script (no library code: it only shows what the worker sends).
// - web/style.css, minified; web/index.html, the template the three are inlined into.
//
// [decision] The Content-Security-Policy below forbids every network request (connect-src 'none',
// no remote script, style, image or font), so the page cannot send anything anywhere, even by
// mistake: scripts only inline or from blob: (the worker, and its in-page fallback), images only
// from blob: (the thumbnails) and data:.
//
// Usage: node scripts/build-web.mjs [--out FILE] (default dist/web/xueli-checker.html)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  "worker-src blob:",
  "style-src 'unsafe-inline'",
  "img-src blob: data:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

/** The page's budget (issue 15.3): the core, the spreadsheet library and the page together. */
export const PAGE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** Bundles one entry for the browser, minified, as one classic script. */
async function bundle(entry) {
  const r = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "firefox100", "safari15", "edge100"],
    charset: "utf8",
    legalComments: "eof",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "warning",
  });
  return r.outputFiles[0].text;
}

/**
 * Script text made safe inside a <script> element: `</script` and `<!--` never appear as they are
 * (esbuild already escapes them in strings; this also covers regular expressions and comments).
 * `\x3C` is `<` in a string, a template and a regular expression alike.
 */
export function scriptSafe(js) {
  return js.replace(/<(?=\/script|!--)/gi, "\\x3C");
}

export async function buildWeb(out = join(root, "dist/web/xueli-checker.html")) {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const [worker, app, style] = await Promise.all([
    bundle("web/worker.ts"),
    bundle("web/app.ts"),
    transform(readFileSync(join(root, "web/style.css"), "utf8"), { loader: "css", minify: true }),
  ]);
  const parts = {
    CSP,
    VERSION: version,
    STYLE: style.code.trim(),
    WORKER: scriptSafe(worker),
    APP: scriptSafe(app),
  };
  const template = readFileSync(join(root, "web/index.html"), "utf8");
  // Placeholders: {{KEY}} in attributes and text, /*KEY*/ inside <style> and <script> (valid CSS
  // and JS, so that the template stays lintable).
  const html = template.replace(/\{\{([A-Z]+)\}\}|\/\*([A-Z]+)\*\//g, (_, a, b) => {
    const key = a ?? b;
    if (!(key in parts)) throw new Error(`web/index.html: unknown placeholder ${key}`);
    return parts[key];
  });
  for (const bad of [/<\/script/i, /<!--/]) {
    const inside = [parts.WORKER, parts.APP].some((s) => bad.test(s));
    if (inside) throw new Error(`build-web: ${bad} left in a script`);
  }
  const bytes = Buffer.byteLength(html);
  if (bytes > PAGE_BUDGET_BYTES) {
    throw new Error(`build-web: the page is ${bytes} bytes, over its budget of ${PAGE_BUDGET_BYTES}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { out, bytes, worker: Buffer.byteLength(worker), app: Buffer.byteLength(app) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--out");
  const r = await buildWeb(i > 0 ? resolve(process.argv[i + 1]) : undefined);
  if (!process.argv.includes("--silent")) {
    const kb = (n) => `${Math.round(n / 1024)} KB`;
    console.log(
      `build-web: ${r.out.replace(`${root}/`, "")} ${kb(r.bytes)} (worker ${kb(r.worker)}, page script ${kb(r.app)})`,
    );
  }
}
