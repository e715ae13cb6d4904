import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The packed tarball, installed in a scratch project, works from both `import` and `require`, and
// `xueli check --example` runs from it: what a user gets from npm, not what the source tree resolves.
// One install serves every test here (npm install is the slow part).
const root = new URL("../..", import.meta.url).pathname;
let scratch = "";

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("the packed tarball", () => {
  beforeAll(() => {
    if (!existsSync(join(root, "dist/index.js")) || !existsSync(join(root, "dist/cli.js")))
      throw new Error("run `npm run build` before this test");
    scratch = mkdtempSync(join(tmpdir(), "xueli-pack-"));
    run("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", scratch], root);
    const tgz = readdirSync(scratch).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error("npm pack wrote no tarball");
    writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
    run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", join(scratch, tgz)],
      scratch,
    );
  }, 240_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("loads with require (CJS) and gives the catalogue and the batch preset", () => {
    const out = run(
      "node",
      [
        "-e",
        `const x = require("xueli-zhuce");
         const e = x.explain("photo.missing");
         console.log(JSON.stringify([typeof x.validateIdNumber, e.clause, x.ucas2022Batch3.closesAt, x.rules.length > 50]));`,
      ],
      scratch,
    );
    expect(JSON.parse(out)).toEqual(["function", "2.1.1.1", "2022-06-11T00:00:00+08:00", true]);
  });

  it("loads with import (ESM), including the ./node subpath and ./package.json", () => {
    const out = run(
      "node",
      [
        "--input-type=module",
        "-e",
        `import { explain, defineBatch } from "xueli-zhuce";
         import * as node from "xueli-zhuce/node";
         import { createRequire } from "node:module";
         const pkg = createRequire(import.meta.url)("xueli-zhuce/package.json");
         console.log(JSON.stringify([explain("origin.levels").clause, defineBatch({}).ok, typeof node, pkg.name]));`,
      ],
      scratch,
    );
    expect(JSON.parse(out)).toEqual(["3.3", false, "object", "xueli-zhuce"]);
  });

  it("runs `xueli check --example` with its photos and gives the pinned codes", () => {
    const bin = join(scratch, "node_modules", ".bin", "xueli");
    const r = spawnSync(bin, ["check", "--example", "--format", "json"], { cwd: scratch, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      summary: { byCode: Record<string, number> };
      photos?: { files: number };
    };
    const pinned = JSON.parse(
      readFileSync(new URL("../cli/example-report.json", import.meta.url), "utf8"),
    ) as {
      summary: { byCode: Record<string, number> };
    };
    expect(report.summary.byCode).toEqual(pinned.summary.byCode);
    expect(report.photos?.files).toBe(20);
  });
});
