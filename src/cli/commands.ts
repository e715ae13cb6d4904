import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  type Batch,
  batches,
  checkWindow,
  DuplicateIndex,
  defineBatch,
  explain,
  type Finding,
  isFindingCode,
  type Locale,
  rules,
} from "../index.js";
import type { PhotoFolderStudent } from "../node/index.js";
import {
  defaultRosterLimits,
  type RosterFormat,
  type RosterLimits,
  type RosterRow,
  rosterFormats,
} from "../roster/index.js";
import { type Command, oneOf, parseCommand } from "./args.js";
import {
  checkStudent,
  duplicateFindings,
  type PhotosReport,
  type StudentReport,
  Tally,
  type WindowReport,
  withFindings,
} from "./check.js";
import { UsageError } from "./errors.js";
import { cliText } from "./messages.js";
import { checkPhotos, folderStudent, type NamedBy } from "./photos.js";
import { capFinding, jsonWriter, Sink, safeText, styleFor, textWriter } from "./report.js";
import { openRoster, RosterError, type RosterInput, type RosterSource } from "./roster/read.js";

/** Where the CLI reads (stdin, for `-`) and writes, and the environment it reads (`NO_COLOR`). */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
}

/** The bundled example, beside `dist/` in the package (and in the packed tarball). */
const exampleDir = new URL("../examples/", import.meta.url);
/** The instant the example is judged at: inside the 2022 third batch's window, so output is stable. */
export const EXAMPLE_AT = "2022-06-01T10:00:00+08:00";

async function resolveBatch(value: string | undefined, locale: Locale): Promise<Batch> {
  const t = cliText(locale);
  const id = value ?? "ucas-2022-3";
  if (Object.hasOwn(batches, id)) return batches[id] as Batch;
  if (id.toLowerCase().endsWith(".json")) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(id, "utf8"));
    } catch (e) {
      throw new UsageError(t.unreadable(id, e instanceof Error ? e.message : String(e)));
    }
    const r = defineBatch(data, { locale });
    if (r.ok) return r.value;
    const why = r.findings.map((f) => `${f.path.join(".")}: ${f.message}`).join("; ");
    throw new UsageError(`${t.badBatchFile(id)} (${why})`);
  }
  throw new UsageError(t.badValue("--batch", id, [...Object.keys(batches), "<batch.json>"].join(" | ")));
}

function localeOf(v: string | undefined, fallback: Locale): Locale {
  // peekLocale already chose the language of messages; this makes a bad value an error.
  return oneOf("--lang", v, ["zh-CN", "en"] as const, fallback, cliText(fallback));
}

/**
 * What every command does first: parse its options (unknown ones are usage errors, exit 2), settle
 * the language, print the usage for `--help`, read `--format`.
 */
function begin<C extends Command>(command: C, argv: string[], io: Io, peeked: Locale) {
  const { values, positionals } = parseCommand(command, argv, cliText(peeked));
  const v = values as typeof values & { lang?: string; help?: boolean; format?: string };
  const locale = localeOf(v.lang, peeked);
  const t = cliText(locale);
  if (v.help) io.stdout.write(`${t.usage}\n`);
  const format = v.help ? "text" : oneOf("--format", v.format, ["text", "json"] as const, "text", t);
  return { values, positionals, locale, t, help: v.help === true, format };
}

/** `xueli check`: exit 0 without errors, 1 with errors; usage and unreadable input throw (exit 2). */
export async function checkCommand(argv: string[], io: Io, peeked: Locale): Promise<number> {
  const { values, positionals, locale, t, help, format } = begin("check", argv, io, peeked);
  if (help) return 0;
  const namedBy = oneOf<NamedBy>(
    "--named-by",
    values["named-by"],
    ["id-number", "student-number"] as const,
    "student-number",
    t,
  );
  let admissionYear: number | undefined;
  if (values["admission-year"] !== undefined) {
    const y = values["admission-year"];
    if (!/^\d{4}$/.test(y)) throw new UsageError(t.badValue("--admission-year", y, "YYYY"));
    admissionYear = Number(y);
  }
  const example = values.example === true;
  if (example && positionals.length > 0) throw new UsageError(t.rosterAndExample);
  if (!example && positionals.length !== 1) throw new UsageError(t.rosterMissing);
  const reading = readingOptions(values, t);
  // [decision] Without --at the data alone are checked: the window (2.1) is a fact about the
  // moment of the run, checked once when an instant is given, never a finding of every row.
  const at = values.at ?? (example ? EXAMPLE_AT : undefined);
  const batch = await resolveBatch(values.batch, locale);
  let window: WindowReport | undefined;
  if (at !== undefined) {
    let r: ReturnType<typeof checkWindow>;
    try {
      r = checkWindow(batch, at, { locale });
    } catch {
      throw new UsageError(t.badValue("--at", at, "ISO 8601 with an offset, e.g. 2022-06-01T10:00:00+08:00"));
    }
    window = { at, findings: r.findings };
  }

  const rosterPath = example ? fileURLToPath(new URL("roster.csv", exampleDir)) : (positionals[0] as string);
  const rosterShown = example ? "--example" : rosterPath;
  let input: RosterInput = { path: rosterPath };
  if (!example && rosterPath === "-") input = { stdin: io.stdin ?? process.stdin };
  let photosDir: string | undefined = values.photos;
  let photosShown = photosDir;
  if (example && photosDir === undefined) {
    photosDir = fileURLToPath(new URL("photos/", exampleDir));
    photosShown = "examples/photos";
  }
  if (photosDir !== undefined) {
    const s = await stat(photosDir).catch(() => undefined);
    if (!s?.isDirectory()) throw new UsageError(t.notAFolder(photosDir));
  }

  const source = await openRoster(input, { ...reading, locale, t });
  const o = { batch, locale };

  // Pass 1: only what the checks across rows need — a fingerprint of each duplicate key and, with
  // --photos, what the folder check needs of each student — and what reading found about rows
  // (a stray quote) or the roster (footer lines). Nothing is written yet: a roster that cannot be
  // read as a whole (no header, a missing column, no students …) is still exit 2, stdout empty.
  const duplicates = new DuplicateIndex({ locale });
  const listed: PhotoFolderStudent[] = [];
  /** Position in `listed` of each entry that has a folder student. */
  const listedAt = new Map<number, number>();
  const pass1 = await firstPass(source, (entry, row) => {
    if (row.kind !== "student") return;
    duplicates.add({ student: row.input });
    if (photosDir !== undefined) {
      const fs = folderStudent(row);
      if (fs !== undefined) {
        listedAt.set(entry, listed.length);
        listed.push(fs);
      }
    }
  });
  writeRosterNotes(io, source, pass1, t);
  // Pass 1b, only when fingerprints repeat: the real keys of those rows, grouped.
  if (duplicates.seal()) {
    await eachRow(source, (entry, row) => {
      if (row.kind === "student") duplicates.confirm(entry, { student: row.input }, row.row);
    });
  }
  let photos: PhotosReport | undefined;
  let photoFindings = new Map<number, Finding[]>();
  if (photosDir !== undefined) {
    const r = await checkPhotos(photosDir, photosShown ?? photosDir, listed, {
      namedBy,
      admissionYear,
      locale,
      stderr: io.stderr,
    });
    photos = { ...r.photos, findings: r.photos.findings.map(capFinding) };
    photoFindings = r.byStudent;
    listed.length = 0;
  }

  const sink = new Sink(io.stdout);
  const writer =
    format === "json"
      ? jsonWriter(sink)
      : textWriter(sink, { roster: rosterShown }, locale, styleFor(io.stdout, io.env));
  const tally = new Tally();
  await writer.begin(batch, window);
  if (window) tally.add(window.findings, false);
  // Pass 2: each row checked and written at once; only the counts are kept.
  await eachRow(source, async (entry, row) => {
    // What reading found about the row (a stray quote) comes first.
    const notes = [...(pass1.notes.get(row.row) ?? []), ...(row.findings ?? [])];
    let report: StudentReport;
    if (row.kind === "unreadable")
      report = { row: row.row, studentNumber: null, name: null, findings: notes };
    else {
      report = withFindings(checkStudent(row, o), duplicateFindings(duplicates, row.input));
      if (notes.length > 0) report = { ...report, findings: [...notes, ...report.findings] };
      const at = listedAt.get(entry);
      const extra = at === undefined ? undefined : photoFindings.get(at);
      if (extra) report = { ...report, findings: [...report.findings, ...extra] };
    }
    report.findings = report.findings.map(capFinding);
    tally.add(report.findings, true);
    await writer.student(report);
  });
  if (photos) tally.add(photos.findings, false);
  const summary = tally.summary();
  await writer.end(summary, photos);
  return summary.errors > 0 ? 1 : 0;
}

/** `--input-format`, `--sheet`, `--max-rows`, `--max-size`: how the roster is read. */
function readingOptions(
  values: { sheet?: string; "input-format"?: string; "max-rows"?: string; "max-size"?: string },
  t: ReturnType<typeof cliText>,
): { format?: RosterFormat; sheet?: string | number; limits: RosterLimits } {
  const out: { format?: RosterFormat; sheet?: string | number; limits: RosterLimits } = {
    limits: { ...defaultRosterLimits },
  };
  const f = values["input-format"];
  if (f !== undefined) out.format = oneOf("--input-format", f, rosterFormats, "csv", t);
  // [decision] --sheet 2 is the second sheet; a workbook with fewer sheets is searched for one
  // named "2" (readRoster tries the position first, then the name).
  const sheet = values.sheet;
  if (sheet !== undefined) out.sheet = /^[1-9]\d{0,4}$/.test(sheet) ? Number(sheet) : sheet;
  const positive = (name: string, v: string | undefined, max: number): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^[1-9]\d*$/.test(v) || Number(v) > max) throw new UsageError(t.badValue(name, v, `1–${max}`));
    return Number(v);
  };
  const rows = positive("--max-rows", values["max-rows"], 10_000_000);
  if (rows !== undefined) out.limits.maxRows = rows;
  const mib = positive("--max-size", values["max-size"], 4096);
  if (mib !== undefined) {
    out.limits.maxFileBytes = mib * 1024 * 1024;
    out.limits.maxInflatedBytes = mib * 1024 * 1024;
    out.limits.maxXlsBytes = mib * 1024 * 1024;
  }
  return out;
}

/** What pass 1 learns besides the rows: findings about rows (by row), footer lines. */
interface FirstPass {
  notes: Map<number, Finding[]>;
  footer: number[];
  /** Findings about lines that are not rows (a stray quote on a footer line). */
  orphans: Finding[];
}

/** Most findings about rows kept between the passes, footer lines named: bounds for hostile files. */
const MAX_NOTES = 10_000;
const MAX_FOOTER = 100;

/** Reads the roster once: each row to `onRow` (with its position), the rest kept. */
async function firstPass(
  source: RosterSource,
  onRow: (entry: number, row: RosterRow) => void,
): Promise<FirstPass> {
  const out: FirstPass = { notes: new Map(), footer: [], orphans: [] };
  let entry = 0;
  let noted = 0;
  for await (const e of source.events()) {
    if (e.kind === "fatal") throw new RosterError([e.finding]);
    if (e.kind === "row") onRow(entry++, e.row);
    else if (e.kind === "footer") {
      if (out.footer.length < MAX_FOOTER) out.footer.push(e.footer.row);
    } else if (e.kind === "note" && noted < MAX_NOTES) {
      noted += 1;
      if (e.row === 0) out.orphans.push(e.finding);
      else out.notes.set(e.row, [...(out.notes.get(e.row) ?? []), e.finding]);
    }
  }
  return out;
}

/** Reads the roster again: each row to `onRow`, in order, with its position. */
async function eachRow(
  source: RosterSource,
  onRow: (entry: number, row: RosterRow) => void | Promise<void>,
): Promise<void> {
  let entry = 0;
  for await (const e of source.events()) {
    if (e.kind === "fatal") throw new RosterError([e.finding]);
    if (e.kind === "row") await onRow(entry++, e.row);
  }
}

/** On stderr, once: the sheet read (of several), the footer lines skipped, notes about other lines. */
function writeRosterNotes(
  io: Io,
  source: RosterSource,
  pass1: FirstPass,
  t: ReturnType<typeof cliText>,
): void {
  const lines: string[] = [];
  const { sheet, sheets } = source.info;
  if (sheet !== undefined && sheets.length > 1)
    lines.push(t.sheetRead(sheet.name, sheet.index, sheets.length));
  if (pass1.footer.length > 0) lines.push(t.footerSkipped(pass1.footer));
  // A note about a row that is not a data row (a footer line …) has no report of its own.
  for (const f of pass1.orphans) lines.push(f.message);
  for (const line of lines) io.stderr.write(`xueli: ${safeText(line)}\n`);
}

/** `xueli rules`: the catalogue, one line per code (or the `rules` array as JSON). */
export function rulesCommand(argv: string[], io: Io, peeked: Locale): number {
  const { positionals, locale, t, help, format } = begin("rules", argv, io, peeked);
  if (help) return 0;
  if (positionals.length > 0) throw new UsageError(t.unknownCommand(`rules ${positionals.join(" ")}`));
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const st = styleFor(io.stdout, io.env);
  const width = Math.max(...rules.map((r) => r.code.length));
  const lines = rules.map((r) => {
    const sev =
      r.severity === "error" ? st.red(t.severityWord("error")) : st.yellow(t.severityWord("warning"));
    return `${r.code.padEnd(width)}  ${sev}  ${r.clause.padEnd(7)}  ${r.title[locale]}`;
  });
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** `xueli explain CODE`: one rule with its clause, both titles and the notice's own sentence. */
export function explainCommand(argv: string[], io: Io, peeked: Locale): number {
  const { positionals, locale, t, help, format } = begin("explain", argv, io, peeked);
  if (help) return 0;
  const code = positionals[0];
  if (code === undefined) throw new UsageError(t.codeMissing);
  if (positionals.length > 1) throw new UsageError(t.unknownCode(positionals.join(" ")));
  if (!isFindingCode(code)) throw new UsageError(t.unknownCode(code));
  const rule = explain(code, { locale });
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(rule, null, 2)}\n`);
    return 0;
  }
  const st = styleFor(io.stdout, io.env);
  const sev =
    rule.severity === "error" ? st.red(t.severityWord("error")) : st.yellow(t.severityWord("warning"));
  const lines = [
    `${st.bold(rule.code)}  ${sev}  ${t.clause} ${rule.clause}`,
    `  ${rule.title["zh-CN"]}`,
    `  ${rule.title.en}`,
  ];
  if (rule.standard !== undefined) lines.push(`  ${t.standard}: ${rule.standard}`);
  if (rule.notice !== undefined) lines.push(`  ${t.notice}: ${rule.notice}`);
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
