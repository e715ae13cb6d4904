import { writeFile } from "node:fs/promises";
import { batches, defineBatch, type Locale } from "../index.js";
import { displayWidth, padDisplay } from "../roster/index.js";
import { begin, type Io } from "./commands.js";
import { errnoOf, InputError, UsageError } from "./errors.js";
import type { CliText } from "./messages.js";
import { safeText } from "./report.js";

/** This year in Beijing (the batch's time zone), whatever the host's. */
export function thisYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
}

/**
 * The batch file `xueli batch init` writes: this year's first batch of UCAS, its window and dates
 * placeholders in the form of the 2022 third batch, and a note (`$comment`, which `defineBatch`
 * ignores) saying how to fill it in. Valid as it is (`defineBatch`), so a forgotten edit is a
 * batch with wrong dates, never a crash.
 */
export function batchTemplate(year: number, t: CliText): Record<string, unknown> {
  return {
    $comment: t.batchNote(year),
    id: `ucas-${year}-1`,
    school: "中国科学院大学",
    schoolCode: "14430",
    year,
    sequence: 1,
    opensAt: `${year}-05-18T08:00:00+08:00`,
    closesAt: `${year}-06-11T00:00:00+08:00`,
    graduationDate: `${year}-06-26`,
    registrationDate: `${year}-06-10`,
    timeZone: "Asia/Shanghai",
  };
}

/** `xueli batch init [--out FILE]` and `xueli batch list` (issue 14.2). */
export async function batchCommand(argv: string[], io: Io, peeked: Locale): Promise<number> {
  const { values, positionals, t, help, format } = begin("batch", argv, io, peeked);
  if (help) return 0;
  const [sub, ...more] = positionals;
  if (sub === undefined) throw new UsageError(t.batchUsage);
  if (more.length > 0) throw new UsageError(t.unknownCommand(`batch ${positionals.join(" ")}`));
  if (sub === "list") return list(io, format, t);
  if (sub !== "init") throw new UsageError(t.unknownCommand(`batch ${sub}`));
  const year = thisYear();
  const template = batchTemplate(year, t);
  // The template is a batch as it stands: checked before it is written.
  if (!defineBatch(template).ok) throw new Error("batch template does not pass defineBatch");
  const text = `${JSON.stringify(template, null, 2)}\n`;
  const out = values.out ?? `${year}-1.json`;
  if (out === "-") {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeFile(out, text, { flag: "wx" });
  } catch (e) {
    if (errnoOf(e) === "EEXIST") throw new InputError(t.batchExists(out));
    throw new InputError(t.cannotWrite(out, t.fileProblem(errnoOf(e))));
  }
  io.stdout.write(`${safeText(t.batchWritten(out))}\n`);
  return 0;
}

function list(io: Io, format: "text" | "json", t: CliText): number {
  const presets = Object.values(batches);
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(presets, null, 2)}\n`);
    return 0;
  }
  const rows: string[][] = [
    [...t.batchListHeading],
    ...presets.map((b) => [
      b.id,
      `${b.school} ${b.schoolCode}`,
      `${b.year}-${b.sequence}`,
      `${b.opensAt} – ${b.closesAt}`,
      b.registrationDate,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? "")))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : padDisplay(c, widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
