import { createWriteStream } from "node:fs";
import { readFile, realpath, stat, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Batch, batches, defineBatch, type Locale, XueliError } from "../index.js";
import {
  defaultRosterLimits,
  RosterCheck,
  type RosterEvent,
  type RosterFormat,
  type RosterLimits,
  rosterFormats,
  type StudentReport,
  writeReportXlsx,
} from "../roster/index.js";
import { oneOf } from "./args.js";
import { begin, type Io } from "./commands.js";
import { errnoOf, InputError, UsageError } from "./errors.js";
import { type CliText, cliText } from "./messages.js";
import { checkPhotos, type NamedBy } from "./photos.js";
import { csvWriter, jsonWriter, type ReportWriter, Sink, safeText, styleFor, textWriter } from "./report.js";
import { openRoster, RosterError, type RosterInput, type RosterSource } from "./roster/read.js";

/** The bundled example, beside `dist/` in the package (and in the packed tarball). */
const exampleDir = new URL("../examples/", import.meta.url);
/** The instant the example is judged at: inside the 2022 third batch's window, so output is stable. */
export const EXAMPLE_AT = "2022-06-01T10:00:00+08:00";

/** The batch of a run: a preset by id, or a batch file (`xueli batch init`), checked by `defineBatch`. */
export async function resolveBatch(
  value: string | undefined,
  locale: Locale,
): Promise<{ batch: Batch; file?: string }> {
  const t = cliText(locale);
  const id = value ?? "ucas-2022-3";
  if (Object.hasOwn(batches, id)) return { batch: batches[id] as Batch };
  if (!id.toLowerCase().endsWith(".json")) {
    throw new UsageError(t.badValue("--batch", id, [...Object.keys(batches), "<批次.json>"].join(" | ")));
  }
  let text: string;
  try {
    text = await readFile(id, "utf8");
  } catch (e) {
    throw new InputError(t.unreadable(id, t.fileProblem(errnoOf(e))));
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    // Never the parser's own message: it quotes the file (control characters and all) in English.
    throw new InputError(t.batchNotJson(id));
  }
  // A list or a single value is no batch: said of the batch file, not as a record's wrong type.
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new InputError(t.batchNotObject(id));
  const r = defineBatch(data, { locale });
  if (r.ok && r.value !== undefined) return { batch: r.value, file: id };
  // The findings speak of the batch (schema.invalid names the batch's fields).
  throw new InputError(
    t.badBatchFile(id),
    r.findings.map((f) => `  ${f.message}`),
  );
}

/** `--input-format`, `--sheet`, `--max-rows`, `--max-size`: how the roster is read. */
function readingOptions(
  values: { sheet?: string; "input-format"?: string; "max-rows"?: string; "max-size"?: string },
  t: CliText,
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

/** The kind of report file `--output` names, by its extension. */
function outputKind(file: string, t: CliText): "xlsx" | "csv" {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".csv") return "csv";
  throw new UsageError(t.outputType(file));
}

/**
 * The roster is never written: an `--output` that is the roster — the same real path, or the same
 * file by device and inode (a hard link, another name on a case-insensitive disk) — is refused.
 */
async function refuseRosterAsOutput(output: string, roster: string | undefined, t: CliText): Promise<void> {
  if (roster === undefined) return;
  const [o, r] = await Promise.all([
    stat(output).catch(() => undefined),
    stat(roster).catch(() => undefined),
  ]);
  const same =
    (o !== undefined && r !== undefined && o.dev === r.dev && o.ino === r.ino) ||
    (await realpath(roster).catch(() => resolve(roster))) ===
      (await realpath(output).catch(() => resolve(output)));
  if (same) throw new UsageError(t.outputIsRoster(output));
}

/** Rows between two progress lines of a long roster; the first line comes after as many. */
export const ROSTER_PROGRESS_EVERY = 5000;

/**
 * A line on stderr while a long roster is read, pass by pass — only on a terminal — erased at the
 * end of each pass. Rows are counted, not seconds: short rosters show nothing.
 */
export class RosterProgress {
  private drawn = false;
  private rows = 0;
  constructor(
    private readonly stderr: Io["stderr"],
    private readonly t: CliText,
    private total: number | undefined = undefined,
  ) {}

  /** One row of pass `pass`. */
  row(pass: number): void {
    this.rows += 1;
    if (this.stderr.isTTY !== true || this.rows % ROSTER_PROGRESS_EVERY !== 0) return;
    this.stderr.write(`\r${this.t.rosterProgress(pass, this.rows, this.total)}`);
    this.drawn = true;
  }

  /** The end of a pass: the line erased; later passes know the total. */
  end(): void {
    if (this.drawn) this.stderr.write("\r\u001b[2K");
    this.drawn = false;
    this.total = this.rows;
    this.rows = 0;
  }
}

/** Reads the roster once, each event to `each`; a roster-level problem ends it (exit 2). */
async function pass(
  source: RosterSource,
  n: number,
  progress: RosterProgress,
  each: (e: RosterEvent) => void | Promise<void>,
): Promise<void> {
  for await (const e of source.events()) {
    if (e.kind === "fatal") throw new RosterError([e.finding]);
    if (e.kind === "row") progress.row(n);
    await each(e);
  }
  progress.end();
}

/**
 * `xueli check`: exit 0 without errors, 1 with errors; bad usage and unreadable input exit 2. The
 * run is the package's (`RosterCheck`): pass 1 gathers what the checks across rows need, pass 1b
 * (when keys repeat) confirms duplicates, the photo folder is checked, pass 2 checks each row and
 * writes its report at once — stdout as text, JSON or CSV, and with `--output` a CSV file as well,
 * or an annotated workbook (the rows kept for it: the roster is then read whole, within its caps).
 */
export async function checkCommand(argv: string[], io: Io, peeked: Locale): Promise<number> {
  const { values, positionals, locale, t, help, format } = begin("check", argv, io, peeked, [
    "text",
    "json",
    "csv",
  ] as const);
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
  if (!example && positionals.length === 0) throw new UsageError(t.rosterMissing);
  if (positionals.length > 1) throw new UsageError(t.tooManyRosters(positionals));
  const reading = readingOptions(values, t);
  const output = values.output;
  const kind = output === undefined ? undefined : outputKind(output, t);
  const quiet = values.quiet === true;
  // [decision] Without --at the data alone are checked: the window (2.1) is a fact about the
  // moment of the run, checked once when an instant is given, never a finding of every row.
  const at = values.at ?? (example ? EXAMPLE_AT : undefined);
  const { batch, file: batchFile } = await resolveBatch(values.batch, locale);

  const rosterPath = example ? fileURLToPath(new URL("roster.csv", exampleDir)) : (positionals[0] as string);
  const rosterShown = example ? "--example" : rosterPath;
  const stdin = !example && rosterPath === "-";
  const input: RosterInput = stdin ? { stdin: io.stdin ?? process.stdin } : { path: rosterPath };
  let photosDir: string | undefined = values.photos;
  let photosShown = photosDir;
  if (example && photosDir === undefined) {
    photosDir = fileURLToPath(new URL("photos/", exampleDir));
    photosShown = "examples/photos";
  }
  if (photosDir !== undefined) {
    const s = await stat(photosDir).catch(() => undefined);
    if (!s?.isDirectory()) throw new InputError(t.notAFolder(photosDir));
  }
  if (output !== undefined) await refuseRosterAsOutput(output, stdin ? undefined : rosterPath, t);

  let run: RosterCheck;
  try {
    run = new RosterCheck({
      batch,
      locale,
      ...(at === undefined ? {} : { at }),
      photos: photosDir !== undefined,
    });
  } catch (e) {
    if (e instanceof XueliError && e.code === "context.at") {
      throw new UsageError(t.badValue("--at", at ?? "", "ISO 8601 +08:00, 2026-06-01T10:00:00+08:00"));
    }
    throw e;
  }
  const source = await openRoster(input, {
    ...reading,
    locale,
    t,
    partial: values["strict-columns"] !== true,
    copy: kind === "xlsx",
  });
  const progress = new RosterProgress(io.stderr, t);

  // Pass 1: what the checks across rows need, and what reading found about the roster. Nothing is
  // written yet: a roster that cannot be read as a whole is still exit 2 with an empty stdout.
  await pass(source, 1, progress, (e) => run.add(e));
  // The sheet read and the footer lines: the text report's summary says them; beside a JSON or CSV
  // report they go to stderr. Notes about lines that are no row go to stderr in any case.
  if (!quiet) writeRosterNotes(io, source, run, t, format === "text");
  let passes = 2;
  if (run.seal()) {
    passes = 3;
    await pass(source, 2, progress, (e) => run.confirm(e));
  }
  if (photosDir !== undefined) {
    const photos = await checkPhotos(photosDir, photosShown ?? photosDir, run.photoStudents(), {
      namedBy,
      admissionYear,
      background: values.background === true,
      locale,
      stderr: io.stderr,
    });
    run.setPhotos(photos);
  }

  // Pass 2: each row checked and written at once; only the counts are kept (and, for the
  // workbook, the rows' reports).
  const columns = (run.columns?.recognised ?? []).map((c) => ({
    column: c.column,
    key: c.key,
    header: c.header,
  }));
  const sink = new Sink(io.stdout);
  const writers: ReportWriter[] = [
    format === "json"
      ? jsonWriter(sink)
      : format === "csv"
        ? csvWriter(sink, { locale, columns, quiet })
        : textWriter(sink, { locale, style: styleFor(io.stdout, io.env), quiet }),
  ];
  let file: NodeJS.WritableStream | undefined;
  if (kind === "csv" && output !== undefined) {
    file = await openOutput(output, t);
    writers.push(csvWriter(new Sink(file), { locale, columns, quiet }));
  }
  const kept: StudentReport[] | undefined = kind === "xlsx" ? [] : undefined;
  const head = { batch, roster: rosterShown, ...(batchFile === undefined ? {} : { batchFile }) };
  for (const w of writers) await w.begin(run.window === undefined ? head : { ...head, window: run.window });
  await pass(source, passes, progress, async (e) => {
    const s = run.check(e);
    if (s === undefined) return;
    for (const w of writers) await w.student(s);
    kept?.push(s);
  });
  const info = { linesRead: source.info.linesRead, sheets: source.info.sheets };
  const { summary, photos } = run.finish(
    source.info.sheet === undefined ? info : { ...info, sheet: source.info.sheet },
  );
  for (const w of writers) await w.end(summary, photos);
  if (file !== undefined) await closeOutput(file, output as string, t);
  if (kind === "xlsx" && output !== undefined && kept !== undefined && source.roster !== undefined) {
    const report = {
      batch,
      ...(run.window === undefined ? {} : { window: run.window }),
      students: kept,
      ...(photos === undefined ? {} : { photos }),
      summary,
    };
    const bytes = writeReportXlsx(report, source.roster, { locale, warnings: !quiet });
    await writeFile(output, bytes).catch((e: unknown) => {
      throw new InputError(t.cannotWrite(output, t.fileProblem(errnoOf(e))));
    });
  }
  if (output !== undefined && !quiet) io.stderr.write(`xueli: ${safeText(t.outputWritten(output))}\n`);
  return summary.errors > 0 ? 1 : 0;
}

/** The CSV report file, opened for writing (its errors said in the locale's words). */
async function openOutput(output: string, t: CliText): Promise<NodeJS.WritableStream> {
  const stream = createWriteStream(output);
  await new Promise<void>((ok, fail) => {
    stream.once("open", () => ok());
    stream.once("error", (e) => fail(new InputError(t.cannotWrite(output, t.fileProblem(errnoOf(e))))));
  });
  return stream;
}

async function closeOutput(stream: NodeJS.WritableStream, output: string, t: CliText): Promise<void> {
  await new Promise<void>((ok, fail) => {
    stream.once("error", (e) => fail(new InputError(t.cannotWrite(output, t.fileProblem(errnoOf(e))))));
    stream.end(() => ok());
  });
}

/**
 * On stderr, once: the sheet read (of several) and the footer lines skipped — unless the report's
 * own summary says them (`inSummary`, the text report) — and notes about lines that are no row.
 */
function writeRosterNotes(
  io: Io,
  source: RosterSource,
  run: RosterCheck,
  t: CliText,
  inSummary: boolean,
): void {
  const lines: string[] = [];
  const { sheet, sheets } = source.info;
  if (!inSummary && sheet !== undefined && sheets.length > 1)
    lines.push(t.sheetRead(sheet.name, sheet.index, sheets.length));
  const footer = run.footerLines;
  if (!inSummary && footer.count > 0) lines.push(t.footerSkipped(footer.count, footer.rows));
  // A note about a row that is not a data row (a footer line …) has no report of its own.
  for (const f of run.rosterNotes) lines.push(f.message);
  for (const line of lines) io.stderr.write(`xueli: ${safeText(line)}\n`);
}
