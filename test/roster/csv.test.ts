// The CSV reader of rosters (src/roster/csv.ts): quoting as Excel writes it, line ends, chunks,
// the bounds of a record (issue 12, item 5) and stray quotes (issue 12, item 6), on the reader
// itself. The same reader behind `readRoster` and the CLI's stream: test/roster/read.test.ts and
// test/cli/roster-formats.test.ts show it through them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvEvent, CsvReader, type CsvReaderOptions } from "../../src/roster/csv.js";

const HEADER = ["学号", "姓名", "性别"];
const known = new Set([...HEADER, "证件号码", "民族"]);
const score = (cells: readonly string[]) => new Set(cells.filter((c) => known.has(c.trim()))).size;

/** Reads `text` in the given chunk sizes (all at once by default); `width`: the header's cells. */
function read(
  text: string,
  options: Partial<CsvReaderOptions> & { width?: number } = {},
  chunks: number[] = [],
): { events: CsvEvent[]; lines: number; delimiter: string | undefined } {
  const events: CsvEvent[] = [];
  const width = options.width;
  const reader = new CsvReader(
    {
      maxRecordLength: 1024,
      maxCells: 64,
      score,
      runaway: (cells, delimiters) =>
        width === undefined ? undefined : cells.length !== width || delimiters >= width - 1,
      ...options,
    },
    (e) => events.push(e),
  );
  let at = 0;
  for (const n of chunks) {
    reader.push(text.slice(at, at + n));
    at += n;
  }
  reader.push(text.slice(at));
  reader.end();
  return { events, lines: reader.linesRead, delimiter: reader.delimiter };
}

const records = (events: CsvEvent[]) =>
  events.filter((e) => e.kind === "record").map((e) => [e.row, (e as { cells: string[] }).cells]);

describe("CSV records as Excel writes them", () => {
  it("reads quoted cells with delimiters, doubled quotes and line breaks; a multi-line cell is one row", () => {
    const text = '学号,姓名,性别\r\n1,"甲,乙","说""好"""\r\n2,"第一行\r\n第二行",男\r\n';
    const r = read(text, { width: 3 });
    expect(records(r.events)).toEqual([
      [1, ["学号", "姓名", "性别"]],
      [2, ["1", "甲,乙", '说"好"']],
      [3, ["2", "第一行\r\n第二行", "男"]],
    ]);
    expect(r.events.some((e) => e.kind === "stray-quote")).toBe(false);
    expect(r.lines).toBe(4);
  });

  it("reads LF, CRLF and lone CR line ends, keeps an empty line as a row, counts a last line without an end", () => {
    const r = read("a,b\n1,2\r\n\r3,4");
    expect(records(r.events)).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [3, [""]],
      [4, ["3", "4"]],
    ]);
    expect(r.lines).toBe(4);
  });

  it('keeps a quote inside an unquoted cell and the text after a closing quote ("ab"c → abc)', () => {
    expect(records(read('a,b\nx"y,"ab"c\n').events)).toEqual([
      [1, ["a", "b"]],
      [2, ['x"y', "abc"]],
    ]);
  });

  it("gives the same records whatever the chunks (a CRLF, a doubled quote or a character split between reads)", () => {
    const text = '学号,姓名,性别\r\n1,"甲,""乙""",男\r\n2,"多\r\n行",女\r\n3,丙,"男"\r\n';
    const whole = read(text, { width: 3 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 20 }), (sizes) => {
        expect(read(text, { width: 3 }, sizes)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("reads back any table written with RFC 4180 quoting", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "甲", ",", '"', "\n", "\r\n", " ", "\t"),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const quote = (c: string) => (/[",\r\n]/.test(c) || c === "" ? `"${c.replaceAll('"', '""')}"` : c);
          const text = `${[HEADER, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
          // Any cell here may hold delimiters and line breaks: none is taken for a stray quote.
          const options = { delimiter: ",", runaway: () => false };
          expect(records(read(text, options).events).map(([, c]) => c)).toEqual([HEADER, ...rows]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the delimiter, told from the first lines", () => {
  it("takes a tab when tab-split cells name the columns, even after a title row and with commas in cells", () => {
    const r = read("2022年名册，第三批\n学号\t姓名\t性别\n1\t甲,乙\t男\n");
    expect(r.delimiter).toBe("\t");
    expect(records(r.events)[2]).toEqual([3, ["1", "甲,乙", "男"]]);
  });

  it("takes a semicolon the same way, and a comma by default", () => {
    expect(read("学号;姓名;性别\n1;甲;男\n").delimiter).toBe(";");
    expect(read("x,y\n1,2\n").delimiter).toBe(",");
    expect(read("x\ty\n1\t2\n").delimiter).toBe("\t");
  });
});

describe("bounds of a record (issue 12, item 5)", () => {
  it("skips a record longer than maxRecordLength without keeping it, reports its length, and reads on", () => {
    const long = `9,${"x".repeat(5000)},男`;
    const r = read(`学号,姓名,性别\n1,甲,男\n${long}\n2,乙,女\n`, { width: 3 }, [100, 100, 100]);
    expect(r.events.filter((e) => e.kind === "bad")).toEqual([
      { kind: "bad", row: 3, line: 3, reason: "too-long", expected: 1024, received: long.length },
    ]);
    expect(records(r.events).map(([row]) => row)).toEqual([1, 2, 4]);
    expect(r.lines).toBe(4);
  });

  it("skips a record with more than maxCells cells, counting them all", () => {
    const wide = Array.from({ length: 200 }, () => "a").join(",");
    const r = read(`学号,姓名,性别\n${wide}\n1,甲,男\n`, { width: 3 });
    expect(r.events.filter((e) => e.kind === "bad")).toEqual([
      { kind: "bad", row: 2, line: 2, reason: "too-many-cells", expected: 64, received: 200 },
    ]);
    expect(records(r.events).map(([row]) => row)).toEqual([1, 3]);
  });

  it("counts a record cut at the end of the input as well", () => {
    const r = read(`学号,姓名,性别\n${"y".repeat(3000)}`, { width: 3 }, [50]);
    expect(r.events.at(-1)).toEqual({
      kind: "bad",
      row: 2,
      line: 2,
      reason: "too-long",
      expected: 1024,
      received: 3000,
    });
    expect(r.lines).toBe(2);
  });
});

describe("stray quotes (issue 12, item 6)", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1},名${i + 1},男`);

  it("one quote before a cell of row 4 no longer swallows the rest: every line is its row, the quote a character", () => {
    const lines = ["学号,姓名,性别", ...rows(20)];
    lines[3] = '3,"名3,男';
    const r = read(`${lines.join("\n")}\n`, { width: 3 });
    expect(records(r.events).map(([row]) => row)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(records(r.events)[3]).toEqual([4, ["3", '"名3', "男"]]);
    // The input ended inside the quotes: the cell would have run to the last line.
    expect(r.events.filter((e) => e.kind === "stray-quote")).toEqual([
      { kind: "stray-quote", row: 4, line: 4, lastLine: 21 },
    ]);
    expect(r.lines).toBe(21);
  });

  it("two stray quotes rows apart: the lines between are rows again, and each quote is named with the lines it swallowed", () => {
    const lines = ["学号,姓名,性别", ...rows(30)];
    lines[3] = '3,"名3,男';
    lines[20] = '20,名20",男';
    lines[25] = '25,"名25,男';
    const r = read(`${lines.join("\r\n")}\r\n`, { width: 3 });
    expect(records(r.events).map(([row]) => row)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(records(r.events)[20]).toEqual([21, ["20", '名20"', "男"]]);
    expect(r.events.filter((e) => e.kind === "stray-quote")).toEqual([
      // The first quote closed at line 21 (名20"): lines 4–21 had become one record of too many cells.
      { kind: "stray-quote", row: 4, line: 4, lastLine: 21 },
      { kind: "stray-quote", row: 26, line: 26, lastLine: 31 },
    ]);
  });

  it("two stray quotes in the same column: the merged record fits the header, but its cell holds a row's delimiters", () => {
    const lines = ["学号,姓名,性别", ...rows(6)];
    lines[2] = '2,"名2,男';
    lines[5] = '5,名5",男';
    const r = read(`${lines.join("\n")}\n`, { width: 3 });
    expect(records(r.events).map(([row]) => row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.events.filter((e) => e.kind === "stray-quote")).toEqual([
      { kind: "stray-quote", row: 3, line: 3, lastLine: 6 },
    ]);
  });

  it("a runaway quote past maxRecordLength is found at once, and where it would have closed is found later", () => {
    const lines = ["学号,姓名,性别", ...rows(400)];
    lines[4] = '4,"名4,男';
    lines[300] = '300,名300",男';
    const r = read(`${lines.join("\n")}\n`, { width: 3 }, Array(60).fill(97));
    expect(records(r.events).map(([row]) => row)).toEqual(Array.from({ length: 401 }, (_, i) => i + 1));
    expect(r.events.filter((e) => e.kind === "stray-quote")).toEqual([
      { kind: "stray-quote", row: 5, line: 5, lastLine: 301 },
    ]);
    expect(r.events.some((e) => e.kind === "bad")).toBe(false);
  });

  it("before the header is known, a quote that swallowed the header line is a stray one too", () => {
    const r = read('"2022年名册\n学号,姓名,性别\n1,甲,男\n2,乙,"女"\n');
    expect(records(r.events)).toEqual([
      [1, ['"2022年名册']],
      [2, ["学号", "姓名", "性别"]],
      [3, ["1", "甲", "男"]],
      [4, ["2", "乙", "女"]],
    ]);
    expect(r.events.filter((e) => e.kind === "stray-quote")).toEqual([
      { kind: "stray-quote", row: 1, line: 1, lastLine: 4 },
    ]);
  });

  it("a multi-line cell that fits the header is kept whole: no stray quote", () => {
    const r = read('学号,姓名,性别\n1,"甲\n乙",男\n2,丙,女\n', { width: 3 });
    expect(records(r.events)).toEqual([
      [1, HEADER],
      [2, ["1", "甲\n乙", "男"]],
      [3, ["2", "丙", "女"]],
    ]);
    expect(r.events.filter((e) => e.kind === "stray-quote")).toEqual([]);
  });

  it("ends on lines full of quotes (each recovery reads at least one more quote as a character)", () => {
    const line = `1,${'"a,'.repeat(40)}\n`;
    const r = read(`学号,姓名,性别\n${line.repeat(50)}`, { width: 3 });
    expect(records(r.events).length + r.events.filter((e) => e.kind === "bad").length).toBe(51);
    expect(r.lines).toBe(51);
  });
});
