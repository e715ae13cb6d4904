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
import { type Command, oneOf, parseCommand } from "./args.js";
import {
  badRowReport,
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
import { capFinding, jsonWriter, Sink, styleFor, textWriter } from "./report.js";
import { rosterItems } from "./roster/map.js";
import { openRoster } from "./roster/read.js";

/** Where the CLI writes, and the environment it reads (`NO_COLOR`): the process's, or a test's. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
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

  const source = await openRoster(rosterPath, t);
  const o = { batch, locale };

  // Pass 1: only what the checks across rows need — a fingerprint of each duplicate key and, with
  // --photos, what the folder check needs of each student. Nothing is written yet: a missing
  // column or an unreadable file is still exit 2 with nothing on stdout.
  const duplicates = new DuplicateIndex({ locale });
  const listed: PhotoFolderStudent[] = [];
  /** Position in `listed` of each entry that has a folder student. */
  const listedAt = new Map<number, number>();
  let entry = 0;
  for await (const item of rosterItems(source, t)) {
    if (item.kind === "student") {
      duplicates.add({ student: item.student.input });
      if (photosDir !== undefined) {
        const fs = folderStudent(item.student);
        if (fs !== undefined) {
          listedAt.set(entry, listed.length);
          listed.push(fs);
        }
      }
    }
    entry += 1;
  }
  // Pass 1b, only when fingerprints repeat: the real keys of those rows, grouped.
  if (duplicates.seal()) {
    entry = 0;
    for await (const item of rosterItems(source, t)) {
      if (item.kind === "student")
        duplicates.confirm(entry, { student: item.student.input }, item.student.row);
      entry += 1;
    }
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

  // Pass 2: each row checked and written at once; only the counts are kept.
  const sink = new Sink(io.stdout);
  const writer =
    format === "json"
      ? jsonWriter(sink)
      : textWriter(sink, { roster: rosterShown }, locale, styleFor(io.stdout, io.env));
  const tally = new Tally();
  await writer.begin(batch, window);
  if (window) tally.add(window.findings, false);
  entry = 0;
  for await (const item of rosterItems(source, t)) {
    let report: StudentReport;
    if (item.kind === "bad") report = badRowReport(item.bad, locale);
    else {
      const s = item.student;
      report = withFindings(checkStudent(s, o), duplicateFindings(duplicates, s.input));
      const at = listedAt.get(entry);
      const extra = at === undefined ? undefined : photoFindings.get(at);
      if (extra) report = { ...report, findings: [...report.findings, ...extra] };
    }
    report.findings = report.findings.map(capFinding);
    tally.add(report.findings, true);
    await writer.student(report);
    entry += 1;
  }
  if (photos) tally.add(photos.findings, false);
  const summary = tally.summary();
  await writer.end(summary, photos);
  return summary.errors > 0 ? 1 : 0;
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
