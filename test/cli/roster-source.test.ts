// The CLI's roster source (src/cli/roster/read.ts), in process: a CSV file streamed on each pass in
// row order, bad rows in place, a file changed between two passes refused; a workbook read whole.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliText } from "../../src/cli/messages.js";
import { openRoster, RosterError } from "../../src/cli/roster/read.js";
import { defaultRosterLimits, type RosterEvent, writeXlsx } from "../../src/roster/index.js";
import { goodRow, headers, scratch, toCsv } from "./helpers.js";

const options = { limits: { ...defaultRosterLimits }, locale: "en" as const, t: cliText("en") };

function label(e: RosterEvent): string {
  if (e.kind === "row") return `${e.row.kind} ${e.row.row}`;
  if (e.kind === "header") return `header ${e.header.row}`;
  if (e.kind === "footer") return `footer ${e.footer.row}`;
  if (e.kind === "note") return `note ${e.row} ${e.finding.code}`;
  return `fatal ${e.finding.code}`;
}

describe("the CLI's roster source", () => {
  it("streams a CSV roster in row order, bad rows in place, and refuses one changed between passes", async () => {
    const file = join(scratch(), "r.csv");
    const [head, a, b, c] = toCsv([goodRow(1), goodRow(2), goodRow(3)]).split("\r\n");
    writeFileSync(file, `title\n${head}\n${a}\n${(b as string).slice(0, 30)}\n${c}\n合计：2人\n`);
    const source = await openRoster({ path: file }, options);
    const seen: string[] = [];
    for await (const e of source.events()) seen.push(label(e));
    expect(seen).toEqual(["header 2", "student 3", "unreadable 4", "student 5", "footer 6"]);
    expect(source.info).toEqual({ format: "csv", sheets: [], linesRead: 6 });
    writeFileSync(file, toCsv([goodRow(1)]));
    await expect(source.events().next()).rejects.toThrow("it changed while being checked");
  });

  it("reads a workbook whole once and gives its rows again on each pass", async () => {
    const file = join(scratch(), "r.xlsx");
    const row = headers.map((h) => goodRow(1)[h]);
    writeFileSync(file, writeXlsx({ sheets: [{ name: "名册", rows: [[...headers], row] }] }));
    const source = await openRoster({ path: file }, options);
    expect(source.info).toMatchObject({
      format: "xlsx",
      sheets: ["名册"],
      sheet: { name: "名册", index: 1 },
    });
    for (let pass = 0; pass < 2; pass++) {
      const seen: string[] = [];
      for await (const e of source.events()) seen.push(label(e));
      expect(seen).toEqual(["header 1", "student 2"]);
    }
  });

  it("refuses a workbook that cannot be read as a whole with its finding (RosterError: exit 2)", async () => {
    const file = join(scratch(), "empty.xlsx");
    writeFileSync(
      file,
      writeXlsx({ sheets: [{ name: "名册", rows: [["学号", "姓名", "性别", "证件号码"]] }] }),
    );
    const e = await openRoster({ path: file }, options).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RosterError);
    expect((e as RosterError).findings.map((f) => f.code)).toEqual(["roster.columns-missing"]);
  });
});
