import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { wantsVersion } from "../../src/cli/args.js";
import { xueli } from "./helpers.js";

// `xueli --version` before a command or after one (issue 13.6): `xueli check --version` prints the
// version and exits 0, as `npm install --version` or `git status --version` would leave a user expecting.
const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("xueli --version, after a command too (13.6)", () => {
  it.each([
    [["--version"]],
    [["-v"]],
    [["check", "--version"]],
    [["check", "roster.csv", "--photos", "./photos", "--version"]],
    [["rules", "--version"]],
    [["explain", "id.checksum", "-v"]],
    [["check", "--lang", "en", "--version"]],
  ])("%j prints the version and exits 0", (args) => {
    const r = xueli(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${version}\n`, ""]);
  });

  it("an option's value that reads --version, or anything after --, is not a request for it", () => {
    expect(wantsVersion(["check", "--batch", "--version"])).toBe(false);
    expect(wantsVersion(["check", "--", "--version"])).toBe(false);
    expect(wantsVersion(["check", "roster.csv"])).toBe(false);
    expect(wantsVersion(["check", "--photos=--version"])).toBe(false);
    expect(wantsVersion(["check", "--at", "2022-06-01T10:00:00+08:00", "--version"])).toBe(true);
  });

  it("an unknown command is reported as such, not answered with the version (exit 2)", () => {
    const r = xueli(["chek", "--version", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/chek/);
  });
});
