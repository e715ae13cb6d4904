import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/index.js";
import { xueli } from "./helpers.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("xueli: usage and exit code 2", () => {
  it("prints usage with --help and exits 0", () => {
    const r = xueli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("xueli check");
    expect(r.stdout).toContain("--named-by");
    expect(xueli(["check", "--help", "--lang", "en"]).stdout).toContain("Exit codes: 0 no errors found");
  });

  it("prints the package version with --version", () => {
    const r = xueli(["--version"]);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("refuses an unknown option with a message and exit 2", () => {
    const r = xueli(["check", "--example", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("未知选项：--bogus");
    expect(xueli(["check", "--bogus", "--lang", "en"]).stderr).toContain("Unknown option: --bogus");
  });

  it("refuses an unknown command, a missing roster and a bad option value with exit 2", () => {
    expect(xueli(["chek"]).code).toBe(2);
    expect(xueli([]).code).toBe(2);
    const none = xueli(["check", "--lang", "en"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No roster given");
    const fmt = xueli(["check", "--example", "--format", "xml", "--lang", "en"]);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('Invalid value "xml" for --format');
    expect(xueli(["check", "--example", "--lang", "fr"]).code).toBe(2);
    expect(xueli(["check", "--example", "--named-by", "name"]).code).toBe(2);
    expect(xueli(["check", "--example", "--admission-year", "19"]).code).toBe(2);
    expect(xueli(["check", "--example", "--batch", "ucas-1999-9"]).code).toBe(2);
    expect(xueli(["check", "examples/roster.csv", "--example"]).code).toBe(2);
  });

  it("refuses an --at without an offset, which would be read in the host's zone (2.1)", () => {
    const r = xueli(["check", "--example", "--at", "2022-06-01T10:00:00", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--at");
  });

  it("refuses a photo folder that does not exist with exit 2", () => {
    expect(xueli(["check", "examples/roster.csv", "--photos", "no/such/dir"]).code).toBe(2);
  });
});

describe("xueli rules and explain", () => {
  it("lists every code of the catalogue, in zh-CN by default", () => {
    const r = xueli(["rules"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(rules.length);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(rules.map((x) => x.code));
    expect(r.stdout).toMatch(/photo\.dimensions\s+错误\s+5\.3\.3\s+照片尺寸须为 480×640 像素/);
  });

  it("lists the catalogue as JSON: code, severity, clause and both titles", () => {
    const r = xueli(["rules", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(rules)));
  });

  it("explains one code with its clause, titles and the notice's own sentence (2.1.1.1)", () => {
    const r = xueli(["explain", "photo.missing"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("条款 2.1.1.1");
    expect(r.stdout).toContain("未上传毕业阶段电子照片");
    expect(r.stdout).toContain("No graduation-stage electronic photo has been uploaded");
    expect(r.stdout).toContain("未在学籍系统上传毕业阶段照片的学生不能“暂存”、也无法提交毕业注册。");
    const json = JSON.parse(xueli(["explain", "origin.levels", "--format", "json"]).stdout);
    expect(json).toMatchObject({ code: "origin.levels", clause: "3.3", severity: "error" });
  });

  it("refuses an unknown code or none with exit 2", () => {
    const r = xueli(["explain", "photo.nope", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown rule code: photo.nope");
    expect(xueli(["explain"]).code).toBe(2);
    expect(xueli(["explain", "toString"]).code).toBe(2);
  });
});
