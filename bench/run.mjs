#!/usr/bin/env node
// `npm run bench`: ours against the peers, in one process, on the same generated inputs.
// Imports the BUILT library: XUELI_DIST (a directory holding index.js, node/index.js, roster/index.js and cli.js),
// default ../dist/. Writes bench/results.json and prints a table.
// Usage: node bench/run.mjs [row …] [--write] [--markdown]
//   rows: id photo student origin cli roster50 (default: all, and then results.json is written); web
//   (the checker page in Chromium, issue 15.3) only when named: it misses its goal here, see bench/rows/web.mjs
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fmt, round } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.XUELI_DIST ?? join(here, "../dist/"));
const ALL = ["id", "photo", "student", "origin", "cli", "roster50"];
/** Rows run only when named. */
const OPTIONAL = ["web"];
const known = new Set(["--write", "--markdown"]);
const unknown = process.argv
  .slice(2)
  .filter((a) => (a.startsWith("-") ? !known.has(a) : !ALL.includes(a) && !OPTIONAL.includes(a)));
if (unknown.length > 0) {
  // --help included: print the usage instead of running (and overwriting results.json).
  console.error(`usage: node bench/run.mjs [${[...ALL, ...OPTIONAL].join("|")} …] [--write] [--markdown]`);
  process.exit(unknown.includes("--help") || unknown.includes("-h") ? 0 : 2);
}
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const rowsToRun = wanted.length > 0 ? wanted : ALL;
const writeResults = wanted.length === 0 || process.argv.includes("--write");

const lib = await import(pathToFileURL(join(dist, "index.js")).href);
let nodeLib = {};
try {
  nodeLib = await import(pathToFileURL(join(dist, "node/index.js")).href);
} catch {}
const ctx = { dist, lib, nodeLib };

const results = [];
const started = Date.now();
for (const name of rowsToRun) {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name} …`);
  try {
    const mod = await import(`./rows/${name}.mjs`);
    const rows = await mod.run(lib, ctx);
    results.push(...rows);
  } catch (e) {
    results.push({
      name,
      ours: null,
      peer: null,
      peerName: null,
      ratio: null,
      unit: null,
      error: String(e?.stack ?? e),
    });
  }
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

const clean = results.map((r) => ({
  ...r,
  ours: round(r.ours, 4),
  peer: round(r.peer, 4),
  ratio: round(r.ratio, 3),
}));

const table = clean.map((r) => ({
  row: r.name,
  ours: fmt(r.ours),
  peer: fmt(r.peer),
  "peer name": r.peerName ?? "—",
  ratio: r.ratio ?? "—",
  goal: r.goal ? `${r.goal}: ${r.met ? "met" : "MISSED"}` : "",
}));
console.table(table);
for (const r of clean) {
  console.log(`- ${r.name}: unit ${r.unit ?? "—"}${r.notes ? `; ${r.notes}` : ""}`);
  if (r.error) console.log(`  error: ${r.error.split("\n")[0]}`);
}

if (process.argv.includes("--markdown")) {
  // The table of docs/performance.md, from this run.
  console.log("\n| row | ours | peer | ratio | goal |\n|---|---|---|---|---|");
  for (const r of clean) {
    const goal = r.goal ? `${r.goal}: ${r.met ? "met" : "missed"}` : "—";
    console.log(
      `| ${r.name} | ${fmt(r.ours)} | ${r.peerName ? `${r.peerName}: ${fmt(r.peer)}` : "—"} | ${r.ratio ?? "—"} | ${goal} |`,
    );
  }
}

if (writeResults) {
  const out = {
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    date: new Date().toISOString(),
    totalSeconds: round((Date.now() - started) / 1000, 3),
    rows: clean,
  };
  writeFileSync(join(here, "results.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote bench/results.json (${out.totalSeconds} s)`);
}
