import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: pure core (.) and file helpers (./node), dual ESM + CJS with .d.ts and .d.cts.
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    splitting: true,
    treeshake: true,
  },
  {
    // The CLI: ESM only, never imported by the core.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
