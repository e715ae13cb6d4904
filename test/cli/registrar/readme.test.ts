// Issue 14 "done when": the README's commands for checking a real roster, run as written (npx xueli →
// the built CLI) on a generated roster and photo folder, without --at, give no window.closed (2.1):
// the batch file is written, the roster is checked against it, the annotated workbook is saved.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { four, photoFolder, put, readBook, registrarBook, scratch, xueli } from "./fixtures.js";

/** The shell lines of the README's fenced block after "Checking a real roster", comments cut. */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const at = readme.indexOf("Checking a real roster");
  expect(at).toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))?.[1] ?? "";
  return block
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l !== "")
    .map((l) => l.split(/\s+/));
}

let dir = "";
beforeAll(() => {
  dir = scratch();
});

describe("14 README: checking a real roster, as written (2.1)", () => {
  it("14 the README's commands run on a generated 名册.xlsx and 照片 folder give no window.closed, and exit 0", () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(commands.every((c) => c[0] === "npx" && c[1] === "xueli")).toBe(true);
    expect(commands.some((c) => c.includes("--at"))).toBe(false);
    // The files the commands name, made up: the roster, and a photo for each student.
    const check = commands.find((c) => c[2] === "check") as string[];
    const roster = check[3] as string;
    put(dir, roster, registrarBook({ rows: four() }));
    const photos = check[check.indexOf("--photos") + 1] as string;
    photoFolder(
      dir,
      photos,
      four().map((s) => s.学号),
    );
    for (const c of commands) {
      const args = c.slice(2);
      const r = xueli(args, { cwd: dir });
      expect(r.code, c.join(" ")).toBe(0);
      expect(`${r.stdout}${r.stderr}`, c.join(" ")).not.toContain("window.closed");
      if (args[0] === "check") {
        expect(r.stdout).toContain("只检查数据（不检查系统开放时间；用 --at 指定时刻）");
        expect(r.stdout).toContain("读取 10 行；检查学生 4 名；检查照片 4 张");
      }
    }
    const output = check[check.indexOf("--output") + 1] as string;
    expect(existsSync(join(dir, output))).toBe(true);
    expect(readBook(readFileSync(join(dir, output))).wb.SheetNames).toEqual(["名册", "汇总", "照片"]);
    // The quick start's example too: judged at its own instant, inside the window.
    const example = xueli(["check", "--example"]);
    expect(example.code).toBe(1);
    expect(example.stdout).not.toContain("window.closed");
  });
});
