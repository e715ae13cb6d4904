import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./helpers.js";

// `xueli check --example` from the packed tarball: the example travels in the package (`files`)
// and the CLI finds it next to its own file, wherever npm puts it.
let scratch = "";

describe("xueli from the packed tarball", () => {
  beforeAll(() => {
    if (!existsSync(join(root, "dist/cli.js"))) throw new Error("run `npm run build` before this test");
    scratch = mkdtempSync(join(tmpdir(), "xueli-cli-pack-"));
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files run the CLI.
    execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", scratch], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tgz = readdirSync(scratch).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error("npm pack wrote no tarball");
    writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", join(scratch, tgz)],
      { cwd: scratch, stdio: ["ignore", "pipe", "pipe"] },
    );
  }, 240_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("runs the example with its photos and gives the pinned codes", () => {
    const bin = join(scratch, "node_modules", ".bin", "xueli");
    const r = spawnSync(bin, ["check", "--example", "--format", "json"], { cwd: scratch, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      summary: { byCode: Record<string, number> };
      photos?: { files: number };
    };
    const pinned = JSON.parse(readFileSync(new URL("./example-report.json", import.meta.url), "utf8")) as {
      summary: { byCode: Record<string, number> };
    };
    expect(report.summary.byCode).toEqual(pinned.summary.byCode);
    expect(report.photos?.files).toBe(20);
  });
});
