// writeXlsx (src/roster/write.ts), read back with SheetJS: values, fills, notes, several sheets,
// column widths and the frozen header row — what the annotated report (issue 14) will need.
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { XueliError } from "../../src/index.js";
import { writeXlsx } from "../../src/roster/index.js";

interface ReadCell {
  t: string;
  v: unknown;
  s?: { fgColor?: { rgb?: string }; patternType?: string };
  c?: { a?: string; t: string }[];
}

function readBack(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: "array", cellStyles: true });
  const cell = (sheet: string, ref: string) => wb.Sheets[sheet]?.[ref] as ReadCell | undefined;
  return { wb, cell };
}

/** The text of one part of the zip. */
function part(bytes: Uint8Array, path: string): string {
  const zip = XLSX.CFB.read(bytes, { type: "array" }) as {
    FullPaths: string[];
    FileIndex: { content: Uint8Array }[];
  };
  const at = zip.FullPaths.findIndex((p) => p.endsWith(`/${path}`));
  return at < 0 ? "" : new TextDecoder().decode(zip.FileIndex[at]?.content);
}

describe("writeXlsx", () => {
  const book = {
    sheets: [
      {
        name: "名册",
        freezeHeader: true,
        columnWidths: [18, 10, 0, 30],
        rows: [
          ["学号", "姓名", "入学年度", "问题"],
          [
            "201918000001001",
            { value: "测试甲一", fill: "FFC7CE", note: "姓名含有不允许的字符（3.1）" },
            2019,
            true,
          ],
          ["201918000001002", { value: null, fill: "#ffeb9c", note: "缺少姓名" }, undefined, false],
          ['=HYPERLINK("x")', 'a\u0000b\u001fc<&>"', Number.NaN, ""],
        ],
      },
      {
        name: "汇总",
        rows: [
          ["代码", "数量"],
          ["name.characters", 1],
        ],
      },
      { name: "a/b:c?", rows: [["x"]] },
      { name: "汇总", rows: [["y"]] },
    ],
  };
  const bytes = writeXlsx(book);
  const { wb, cell } = readBack(bytes);

  it("writes several sheets, names made safe and unique", () => {
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(wb.SheetNames).toEqual(["名册", "汇总", "a_b_c_", "汇总 (2)"]);
    expect(cell("汇总", "B2")).toMatchObject({ t: "n", v: 1 });
  });

  it("writes text, numbers and yes/no as such; a formula-looking text stays text; XML-forbidden characters are dropped", () => {
    expect(cell("名册", "A2")).toMatchObject({ t: "s", v: "201918000001001" });
    expect(cell("名册", "C2")).toMatchObject({ t: "n", v: 2019 });
    expect(cell("名册", "D2")).toMatchObject({ t: "b", v: true });
    expect(cell("名册", "D3")).toMatchObject({ t: "b", v: false });
    expect(cell("名册", "A4")).toMatchObject({ t: "s", v: '=HYPERLINK("x")' });
    expect(cell("名册", "B4")).toMatchObject({ t: "s", v: 'abc<&>"' });
    // Not a number, an empty string, nothing: no cell.
    expect(cell("名册", "C4")).toBeUndefined();
    expect(cell("名册", "D4")).toBeUndefined();
    expect(cell("名册", "C3")).toBeUndefined();
  });

  it("fills a cell's background and gives it a note (with the VML drawing Excel needs to show it)", () => {
    expect(cell("名册", "B2")?.s).toMatchObject({ patternType: "solid", fgColor: { rgb: "FFC7CE" } });
    expect(cell("名册", "B2")?.c?.map((c) => [c.a, c.t])).toEqual([["xueli", "姓名含有不允许的字符（3.1）"]]);
    // An empty cell with a fill and a note keeps both.
    expect(cell("名册", "B3")?.s).toMatchObject({ fgColor: { rgb: "FFEB9C" } });
    expect(cell("名册", "B3")?.c?.[0]?.t).toBe("缺少姓名");
    expect(cell("名册", "A2")?.s?.fgColor).toBeUndefined();
    expect(part(bytes, "xl/drawings/vmlDrawing1.vml")).toContain('<x:ClientData ObjectType="Note">');
    expect(part(bytes, "xl/worksheets/sheet1.xml")).toContain('<legacyDrawing r:id="rId2"/>');
  });

  it("sets column widths and freezes the header row", () => {
    expect(wb.Sheets.名册?.["!cols"]?.map((c) => c?.width)).toEqual([18, 10, undefined, 30]);
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(part(bytes, "xl/worksheets/sheet2.xml")).not.toContain("<pane");
  });

  it("refuses a fill that is not a colour, or a book without sheets (programmer errors)", () => {
    expect(() => writeXlsx({ sheets: [{ name: "x", rows: [[{ value: 1, fill: "red" }]] }] })).toThrow(
      XueliError,
    );
    expect(() => writeXlsx({ sheets: [] })).toThrow(XueliError);
  });

  it("writes 10,000 rows of 20 columns, read back whole", () => {
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) =>
        c === 3 && r % 100 === 0 ? { value: `r${r}`, fill: "FFC7CE", note: `n${r}` } : `${r}-${c}`,
      ),
    );
    const big = writeXlsx({ sheets: [{ name: "名册", rows }] });
    const back = XLSX.read(big, { type: "array", dense: true });
    const data = back.Sheets.名册?.["!data"] as { v: unknown; c?: { t: string }[] }[][];
    expect(data).toHaveLength(10_000);
    expect(data[9999]?.[19]?.v).toBe("9999-19");
    expect(data[9900]?.[3]?.c?.[0]?.t).toBe("n9900");
  });
});
