import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cliText } from "../../src/cli/messages.js";
import { checkPhotos, PROGRESS_THRESHOLD } from "../../src/cli/photos.js";
import { styleFor } from "../../src/cli/report.js";
import { cellValue, columnFor } from "../../src/cli/roster/columns.js";
import { decodeCsv, openRoster, parseCsv } from "../../src/cli/roster/read.js";
import { scratch } from "./helpers.js";

// The pieces of the shell that a child process cannot show: a TTY's colour and progress line.

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
    const { photos: r } = await checkPhotos(dir, "photos", [], {
      namedBy: "student-number",
      admissionYear: undefined,
      locale: "en",
      stderr: stream,
    });
    expect(r.files).toBe(PROGRESS_THRESHOLD + 1);
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

describe("roster reading", () => {
  it("detects GB18030 and UTF-8 with or without BOM", () => {
    expect(decodeCsv(iconv.encode("学号,姓名\n", "gb18030"))).toEqual({
      text: "学号,姓名\n",
      encoding: "gb18030",
    });
    expect(decodeCsv(new TextEncoder().encode("\uFEFF学号\n"))).toEqual({
      text: "学号\n",
      encoding: "utf-8",
    });
    expect(decodeCsv(new TextEncoder().encode("学号\n")).encoding).toBe("utf-8");
  });

  it("reports an unclosed quote at the row where it starts, keeping the rows before", () => {
    const t = cliText("en");
    const r = parseCsv('a,b\n1,2\n"multi\nline",3\n4,"open\n5,6\n', "x.csv", t);
    expect(r.records.map((x) => x.row)).toEqual([2, 3]);
    expect(r.bad).toEqual([expect.objectContaining({ row: 4, reason: "unparseable" })]);
  });

  it("streams a CSV roster in row order, bad rows in place, and refuses one changed between passes", async () => {
    const t = cliText("en");
    const file = join(scratch(), "r.csv");
    writeFileSync(file, 'title\n学号,姓名,性别\n1,甲,男\n"open,x\n2,乙,女\n');
    const source = await openRoster(file, t);
    const seen: string[] = [];
    for await (const e of source.entries()) {
      seen.push(
        e.kind === "record"
          ? `record ${e.record.row}`
          : e.kind === "bad"
            ? `bad ${e.bad.row}`
            : `header ${e.row}`,
      );
    }
    expect(seen).toEqual(["header 2", "record 3", "bad 4"]);
    writeFileSync(file, "学号,姓名,性别\n1,甲,男\n3,丙,男\n");
    await expect(source.entries().next()).rejects.toThrow("it changed while being checked");
  });

  it("reads tab-separated text and counts empty lines as rows", () => {
    const r = parseCsv("a\tb\n1\t2\n\n3\t4\n", "x.tsv", cliText("zh-CN"));
    expect(r.records.map((x) => x.row)).toEqual([2, 4]);
    expect(r.bad).toEqual([]);
  });

  it("maps the status system's headers and values, leaving unknown values for validateStudent", () => {
    expect(columnFor(" 证件号码* ")?.key).toBe("id.number");
    expect(columnFor("ID.Number")?.key).toBe("id.number");
    expect(columnFor("备注")).toBeUndefined();
    expect(cellValue("boolean", "已复核")).toBe(true);
    expect(cellValue("boolean", "未上传")).toBe(false);
    expect(cellValue("boolean", "也许")).toBe("也许");
    expect(cellValue("boolean", "  ")).toBeUndefined();
    expect(cellValue("sex", "女")).toBe("female");
    expect(cellValue("idType", "港澳居民来往内地通行证")).toBe("hk-macao-permit");
    expect(cellValue("idType", "台湾居民来往大陆通行证")).toBe("taiwan-permit");
    expect(cellValue("degreeLevel", "博士研究生")).toBe("doctor");
    expect(cellValue("conclusion", "结业")).toBe("completion");
    expect(cellValue("defense", "待答辩")).toBe("pending");
    expect(cellValue("year", "2019级")).toBe(2019);
    expect(cellValue("date", "2022/5/9")).toBe("2022-05-09");
    expect(cellValue("date", "2022年5月20日")).toBe("2022-05-20");
    expect(cellValue("date", new Date("2022-05-20T00:00:00Z"))).toBe("2022-05-20");
    expect(cellValue("evidence", "本人申请、派出所证明")).toEqual([
      "unit-endorsed-application",
      "police-certificate",
    ]);
    // A formula-looking cell is text, never evaluated.
    expect(cellValue("string", "=1+1")).toBe("=1+1");
  });
});
