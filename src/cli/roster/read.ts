import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { type Finding, finding, type Locale } from "../../index.js";
import {
  createRosterStream,
  type ReadRosterOptions,
  type Roster,
  type RosterEvent,
  type RosterFormat,
  type RosterLimits,
  readRoster,
  rosterEvents,
  rosterFormatOfName,
} from "../../roster/index.js";
import { errnoOf, InputError, UsageError } from "../errors.js";
import type { CliText } from "../messages.js";

/**
 * A roster that cannot be read as a whole (no header, a required column missing, no students, a
 * bound passed, an unreadable file): its findings are printed, localized, and the CLI exits 2.
 */
export class RosterError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(findings.map((f) => f.message).join("\n"));
    this.name = "RosterError";
  }
}

/** What the CLI learns about the roster besides its rows. */
export interface RosterInfo {
  format: RosterFormat;
  /** A workbook's sheets, and the one read. */
  sheets: string[];
  sheet?: { name: string; index: number };
  /** Lines (rows, elements) read, known after a full pass. */
  linesRead: number;
}

/** A roster opened for reading in passes: each call of `events()` reads it again from the start. */
export interface RosterSource {
  info: RosterInfo;
  /** The roster read whole (a workbook, JSON, stdin, or any roster with `copy`). */
  roster?: Roster;
  /** The roster's events in order; a `fatal` event ends them. Sets `info.linesRead` at the end. */
  events(): AsyncGenerator<RosterEvent>;
}

/** Where the roster comes from: a file, or stdin (`-`). */
export type RosterInput = { path: string } | { stdin: NodeJS.ReadableStream };

export interface OpenOptions {
  /** `--input-format`: the format, whatever the file's name says. */
  format?: RosterFormat | undefined;
  /** `--sheet`: a sheet's name or 1-based position. */
  sheet?: string | number | undefined;
  limits: RosterLimits;
  locale: Locale;
  t: CliText;
  /** Read a roster that lacks some required columns (the CLI's default; `--strict-columns` refuses it). */
  partial?: boolean;
  /** Keep its cells for an annotated copy (`--output FILE.xlsx`): a CSV is then read whole too. */
  copy?: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];
const isWorkbook = (b: Uint8Array) => [ZIP, CFB].some((sig) => sig.every((x, i) => b[i] === x));

/** Chunks of the bytes read by a stream, 64 KiB at a time. */
const CHUNK = 64 * 1024;

/** A file that cannot be read, said in the locale's words (never Node's `ENOENT: no such file …`). */
function unreadable(file: string, e: unknown, t: CliText): Error {
  if (e instanceof UsageError || e instanceof InputError) return e;
  return new InputError(t.unreadable(file, t.fileProblem(errnoOf(e))));
}

/**
 * Opens the roster. A text roster (CSV, tab-separated, in any encoding) is streamed on each pass,
 * in memory that does not grow with the file (its bytes come again from the file, or from memory
 * for stdin); a workbook or JSON is read whole with `readRoster`, bounded by `limits`, and kept for
 * the passes. A roster that cannot be read as a whole → `RosterError` (exit 2); a file that cannot
 * be opened → `UsageError` (exit 2).
 */
export async function openRoster(input: RosterInput, o: OpenOptions): Promise<RosterSource> {
  const { t } = o;
  if ("stdin" in input) {
    const bytes = await readStdin(input.stdin, o);
    const streamed =
      o.format === "csv" || o.format === "tsv" || (o.format === undefined && looksLikeText(bytes));
    if (streamed && o.copy !== true) return streamSource(o, o.format ?? "csv", () => chunksOf(bytes));
    return wholeSource(await read(bytes, o));
  }
  const file = input.path;
  const format = o.format ?? rosterFormatOfName(file);
  if (format === undefined) throw new UsageError(t.unsupported(file));
  const opened = await stat(file).catch((e: unknown) => {
    throw unreadable(file, e, t);
  });
  if (!opened.isFile()) throw new InputError(t.unreadable(file, t.notAFile));
  let head = new Uint8Array(0);
  try {
    const fh = await open(file, "r");
    try {
      const { bytesRead, buffer } = await fh.read(new Uint8Array(8), 0, 8, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw unreadable(file, e, t);
  }
  if ((format === "csv" || format === "tsv") && !isWorkbook(head) && o.copy !== true) {
    return streamSource(o, format, async function* () {
      // Read once per pass: a file rewritten in between (an export still being saved) would pair
      // the first pass's keys with other rows, so each pass starts by checking it is unchanged.
      const now = await stat(file).catch(() => undefined);
      if (!now || now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) {
        throw new InputError(t.unreadable(file, t.changedWhileRead));
      }
      try {
        for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) yield chunk as Uint8Array;
      } catch (e) {
        throw unreadable(file, e, t);
      }
    });
  }
  if (opened.size > o.limits.maxFileBytes) throw tooLarge(o, opened.size);
  const bytes = await readFile(file).catch((e: unknown) => {
    throw unreadable(file, e, t);
  });
  return wholeSource(await read(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), o));
}

function tooLarge(o: OpenOptions, received: number): RosterError {
  const params = { limit: "maxFileBytes" as const, expected: o.limits.maxFileBytes, received };
  return new RosterError([finding("roster.too-large", [], params, { locale: o.locale })]);
}

/** stdin, whole, up to `maxFileBytes` (it cannot be read twice). */
async function readStdin(stdin: NodeJS.ReadableStream, o: OpenOptions): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stdin) {
      const c = typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
      total += c.length;
      if (total > o.limits.maxFileBytes) {
        if ("destroy" in stdin && typeof stdin.destroy === "function") stdin.destroy();
        throw tooLarge(o, total);
      }
      chunks.push(c);
    }
  } catch (e) {
    if (e instanceof RosterError) throw e;
    throw unreadable("-", e, o.t);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Text that is neither a workbook nor JSON nor markup: streamed as CSV. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (isWorkbook(bytes)) return false;
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return !/^[[{<]/.test(head);
}

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

async function read(bytes: Uint8Array, o: OpenOptions): Promise<Roster> {
  const options: ReadRosterOptions = {
    locale: o.locale,
    limits: o.limits,
    partial: o.partial === true,
    copy: o.copy === true,
  };
  if (o.format !== undefined) options.format = o.format;
  if (o.sheet !== undefined) options.sheet = o.sheet;
  const r = await readRoster(bytes, options);
  const errors = r.findings.filter((f) => f.severity === "error");
  if (!r.ok || r.value === undefined) throw new RosterError(errors.length > 0 ? errors : r.findings);
  return r.value;
}

/** A roster read whole: its rows are kept and given again on each pass. */
function wholeSource(roster: Roster): RosterSource {
  const info: RosterInfo = { format: roster.format, sheets: roster.sheets, linesRead: roster.linesRead };
  if (roster.sheet !== undefined) info.sheet = roster.sheet;
  return {
    info,
    roster,
    async *events() {
      yield* rosterEvents(roster);
    },
  };
}

/** A text roster streamed on each pass from `chunks()`. */
function streamSource(
  o: OpenOptions,
  format: "csv" | "tsv" | RosterFormat,
  chunks: () => AsyncGenerator<Uint8Array>,
): RosterSource {
  const info: RosterInfo = { format: format === "tsv" ? "tsv" : "csv", sheets: [], linesRead: 0 };
  return {
    info,
    async *events() {
      const stream = createRosterStream({
        locale: o.locale,
        limits: o.limits,
        partial: o.partial === true,
        ...(format === "tsv" ? { format: "tsv" as const } : {}),
      });
      for await (const chunk of chunks()) {
        yield* stream.push(chunk);
        if (stream.stopped) return;
      }
      yield* stream.end();
      info.linesRead = stream.linesRead;
      if (stream.delimiter === "\t") info.format = "tsv";
    },
  };
}
