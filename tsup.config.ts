import { rmSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

/*
 * The build (issue 13.2). [decision] The layout that lets a bundler keep only what an importer uses:
 *
 * - ESM, unbundled: every source file of the library becomes its own module under dist/ (src/x/y.ts →
 *   dist/x/y.js), imports left as written. With `"sideEffects": false` a bundler drops every module
 *   whose exports are not used: `import { validateIdNumber }` takes the ID validator, the finding
 *   machinery and its texts, not zod, the division table or the photo rules.
 * - CJS, bundled with shared chunks: Node's `require` does not tree-shake; one file per entry point,
 *   the code they share (the core under `./node`) in one chunk, so `instanceof XueliError` holds
 *   across subpaths.
 * - Types: one `.d.ts` (ESM) and one `.d.cts` (CJS) per entry point, beside its `.js` / `.cjs`.
 * - The CLI: one ESM bundle (dist/cli.js, with its shebang) of the CLI's own code and its
 *   dependencies; it loads the library from the ESM build above (`./index.js`, `./node/index.js`)
 *   instead of carrying a second copy. The core never imports it.
 * - [decision] No source maps in the package: the ESM build is the sources minus their types, file
 *   for file, so a stack trace already names the real file and line's code; maps of the bundles
 *   would only add weight (and, for the CLI, the sources of bundled dependencies).
 */

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The public entry points: the subpath `./<dir>` of package.json's `exports` → `dist/<dir>/index.*`
 * (`.` → `dist/index.*`). Adding an entry point is one line here and its block in `exports`.
 */
const entries: Record<string, string> = {
  index: "src/index.ts",
  "node/index": "src/node/index.ts",
  "roster/index": "src/roster/index.ts",
};

// One clean before the builds below, which tsup runs concurrently (a `clean` in one of them could
// remove what another has just written).
rmSync(resolve(root, "dist"), { recursive: true, force: true });

const common: Options = {
  target: "node20",
  outDir: "dist",
  clean: false,
  sourcemap: false,
  silent: true,
  // Chinese text (messages, the division table) as UTF-8, not \uXXXX escapes: readable, and smaller.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
};

/** In the CLI's bundle, the library's entry points stay imports of the ESM build beside dist/cli.js. */
const libraryFromDist = {
  name: "library-from-dist",
  setup(build: {
    onResolve(
      o: { filter: RegExp },
      f: (a: { path: string; importer: string }) => { path: string; external: true } | undefined,
    ): void;
  }) {
    const published = new Map(
      Object.entries(entries).map(([out, src]) => [resolve(root, src), `./${out}.js`] as const),
    );
    build.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) => {
      const target = published.get(resolve(dirname(importer), path).replace(/\.js$/, ".ts"));
      return target === undefined || !relative(root, importer).startsWith("src/cli/")
        ? undefined
        : { path: target, external: true };
    });
  },
};

export default defineConfig([
  {
    // The library as ESM: one module per source file (bundlers tree-shake it file by file).
    ...common,
    entry: ["src/**/*.ts", "!src/cli/**"],
    format: ["esm"],
    bundle: false,
  },
  {
    // The library as CJS: one file per entry point, shared code in chunks.
    ...common,
    entry: entries,
    format: ["cjs"],
    splitting: true,
    treeshake: true,
  },
  {
    // Declarations for both: dist/<entry>.d.ts (ESM) and dist/<entry>.d.cts (CJS).
    ...common,
    entry: entries,
    format: ["esm", "cjs"],
    dts: { only: true },
  },
  {
    // The CLI: ESM only, never imported by the core; the library stays external (see above).
    ...common,
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    banner: { js: "#!/usr/bin/env node" },
    esbuildPlugins: [libraryFromDist],
    // The offline checker page (issue 15), dist/web/xueli-checker.html, which `xueli web` copies:
    // built from the sources (web/, src/) with esbuild, after every build (`npm run build`, `npm ci`'s
    // `prepare`, `npx tsup`), so that a fresh clone has it.
    onSuccess: "node scripts/build-web.mjs --silent",
  },
]);
