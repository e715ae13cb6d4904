import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPhotos, PROGRESS_THRESHOLD } from "../../src/cli/photos.js";
import { styleFor } from "../../src/cli/report.js";
import { scratch } from "./helpers.js";

// The pieces of the shell that a child process cannot show: a TTY's colour and progress line.
// (Roster reading is tested on the package's reader: test/roster/.)

describe("colour (a TTY only, NO_COLOR honoured)", () => {
  it("colours a TTY, not a pipe, and not when NO_COLOR is set", () => {
    expect(styleFor({ isTTY: true }, {}).red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(styleFor({ isTTY: false }, {}).red("x")).toBe("x");
    expect(styleFor({}, {}).bold("x")).toBe("x");
    expect(styleFor({ isTTY: true }, { NO_COLOR: "1" }).red("x")).toBe("x");
    // no-color.org: an empty NO_COLOR does not count.
    expect(styleFor({ isTTY: true }, { NO_COLOR: "" }).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});

describe("progress line while many photos are checked", () => {
  function sink(isTTY: boolean) {
    const writes: string[] = [];
    return { writes, stream: { isTTY, write: (s: string) => writes.push(s) > 0 } as never };
  }
  const dir = join(scratch(), "photos");
  mkdirSync(dir);
  for (let i = 0; i <= PROGRESS_THRESHOLD; i++)
    writeFileSync(join(dir, `${String(i).padStart(6, "0")}.jpg`), "x");

  it("shows a line on a TTY when more than the threshold are checked, then erases it", async () => {
    const { writes, stream } = sink(true);
    const r = await checkPhotos(dir, "photos", [], {
      namedBy: "student-number",
      admissionYear: undefined,
      locale: "en",
      stderr: stream,
    });
    expect(r.files.length).toBe(PROGRESS_THRESHOLD + 1);
    expect(writes[0]).toBe(`\rChecking ${PROGRESS_THRESHOLD + 1} photos… 0s`);
    expect(writes.at(-1)).toBe("\r\u001b[2K");
    // Every file matches no student of an empty roster.
    expect(new Set(r.findings.map((f) => f.code))).toContain("photo.orphan");
  });

  it("writes nothing to stderr that is not a TTY", async () => {
    const { writes, stream } = sink(false);
    await checkPhotos(dir, "photos", [], {
      namedBy: "student-number",
      admissionYear: undefined,
      locale: "zh-CN",
      stderr: stream,
    });
    expect(writes).toEqual([]);
  });
});
