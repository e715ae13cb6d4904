/**
 * The page's worker: the one check of the package, run on what the page was given. It reads the
 * roster with `readRoster` (the CLI's reader and column mapping), checks each photo's bytes with
 * `checkPhoto` (and `checkPhotoBackground` when asked), then runs `checkRoster` — the CLI's run
 * orchestration (`RosterCheck`) with `matchPhotos` on the folder's names — and writes the report's
 * files with `writeReportXlsx` and `reportCsv`, the code of `xueli check --output`. Nothing here
 * reaches the network: the page's Content-Security-Policy (inherited by this worker) forbids it.
 *
 * It runs in a Web Worker (from a Blob URL), or, where a browser refuses one, in the page itself
 * through a `MessagePort` (`__xueliPort`): then it yields to the event loop between photos.
 */
import { config } from "zod";
import {
  type Batch,
  batches,
  checkPhoto,
  checkPhotoBackground,
  defineBatch,
  type Finding,
  finding,
  type Locale,
  photoReadCap,
  rules,
} from "../src/index.js";
import {
  checkRoster,
  fieldOf,
  type Report,
  type ReportColumn,
  type Roster,
  readRoster,
  reportCsv,
  rosterFormatOfName,
  suggestionOf,
  writeReportXlsx,
} from "../src/roster/index.js";
import type {
  BytesMessage,
  CheckRequest,
  ExportRequest,
  FromWorker,
  ToWorker,
  ViewFinding,
  ViewReport,
} from "./protocol.js";
import { pageText } from "./text.js";

// [decision] No code generation in the page: zod's fast path compiles parsers with `new Function`,
// which the page's CSP forbids (and reports as a violation even when the probe's error is caught).
config({ jitless: true });

interface Port {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const fallbackPort = (globalThis as { __xueliPort?: Port }).__xueliPort;
const port: Port = fallbackPort ?? (globalThis as unknown as Port);
/** In the page itself (no worker): yield to the event loop every few milliseconds. */
const inPage = fallbackPort !== undefined;

const post = (m: FromWorker, transfer?: Transferable[]) =>
  transfer === undefined ? port.postMessage(m) : port.postMessage(m, transfer);

/** The last run's report and roster, for its files. */
let last:
  | { run: number; report: Report; roster: Roster; locale: Locale; columns: ReportColumn[] }
  | undefined;

/** What `matchPhotos` ignores (dotfiles, Thumbs.db …): never read. */
function isJunk(name: string): boolean {
  return (
    name === "" ||
    name.startsWith(".") ||
    ["thumbs.db", "desktop.ini", "ehthumbs.db"].includes(name.toLowerCase())
  );
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The batch of the run, or the messages that say why the batch file cannot be used. */
function batchOf(req: CheckRequest): { batch: Batch; file?: string } | { messages: string[] } {
  const t = pageText(req.locale);
  const choice = req.batch;
  if ("preset" in choice) {
    const b = Object.hasOwn(batches, choice.preset) ? batches[choice.preset] : undefined;
    return b === undefined ? { messages: [t.batchUnknown(choice.preset)] } : { batch: b };
  }
  let data: unknown;
  try {
    data = JSON.parse(choice.text.replace(/^\uFEFF/, ""));
  } catch {
    return { messages: [t.batchNotJson(choice.fileName)] };
  }
  const r = defineBatch(data, { locale: req.locale });
  if (r.ok && r.value !== undefined) return { batch: r.value, file: choice.fileName };
  return { messages: r.findings.map((f) => f.message) };
}

/** The photos of the running check, whose bytes the page sends in `bytes` messages. */
interface Collecting {
  run: number;
  req: CheckRequest & { photos: NonNullable<CheckRequest["photos"]> };
  total: number;
  done: number;
  shown: number;
  out: Map<string, Finding[]>;
  /** `true` when every photo was checked, `false` when a newer run took over. */
  finish: (complete: boolean) => void;
}

let collecting: Collecting | undefined;

/**
 * Asks the page for the photos' bytes (every file but dotfiles, Thumbs.db …, at most
 * `photoReadCap` bytes each: what `checkPhotoFolder` reads) and resolves with each file's own
 * findings once all have come (`undefined` when a newer run took over).
 */
function collectPhotos(req: Collecting["req"]): Promise<Map<string, Finding[]> | undefined> {
  collecting?.finish(false);
  const indices = req.photos.names.flatMap((n, i) => (isJunk(n) ? [] : [i]));
  const out = new Map<string, Finding[]>();
  return new Promise((resolve) => {
    const c: Collecting = {
      run: req.run,
      req,
      total: indices.length,
      done: 0,
      shown: 0,
      out,
      finish: (complete) => {
        if (collecting === c) collecting = undefined;
        resolve(complete ? out : undefined);
      },
    };
    collecting = c;
    post({ type: "progress", run: req.run, phase: "photos", done: 0, total: c.total });
    if (c.total === 0) c.finish(true);
    else post({ type: "need", run: req.run, indices, cap: photoReadCap({}) });
  });
}

/**
 * One photo's own findings, as `checkPhotoFolder` makes them: `checkPhoto` on its first bytes with
 * the file's real size for the size rule; the background (with `background`) judged only when the
 * whole file was read. A file the browser could not read is `photo.unreadable` (`read-failed`).
 */
async function photoFindings(req: CheckRequest, bytes: Uint8Array | null, size: number): Promise<Finding[]> {
  const { locale } = req;
  if (bytes === null) return [finding("photo.unreadable", [], { reason: "read-failed" }, { locale })];
  const r = checkPhoto(bytes, { locale, totalBytes: size });
  if (!req.background || r.value === undefined || bytes.length < size) return r.findings;
  const bg = await checkPhotoBackground(bytes, { locale });
  return [...r.findings, ...bg.findings];
}

async function onBytes(m: BytesMessage): Promise<void> {
  const c = collecting;
  if (c === undefined || c.run !== m.run) return;
  for (const item of m.items) {
    const name = c.req.photos.names[item.index];
    if (name === undefined || c.out.has(name)) continue;
    const bytes = item.bytes === null ? null : new Uint8Array(item.bytes);
    const size = Math.max(item.size, bytes?.length ?? 0);
    const findings = await photoFindings(c.req, bytes, size);
    if (collecting !== c) return;
    c.out.set(name, findings);
    c.done += 1;
  }
  const now = performance.now();
  if (now - c.shown > 100 || c.done >= c.total) {
    c.shown = now;
    post({ type: "progress", run: c.run, phase: "photos", done: c.done, total: c.total });
  }
  if (c.done >= c.total) c.finish(true);
}

function view(f: Finding, columns: readonly ReportColumn[], locale: Locale): ViewFinding {
  const v: ViewFinding = {
    code: f.code,
    severity: f.severity === "error" ? "error" : "warning",
    clause: f.clause,
    message: f.message,
    field: fieldOf(f, columns, locale),
  };
  const s = suggestionOf(f, locale);
  if (s !== undefined) v.suggestion = s;
  return v;
}

const ruleOf = new Map(rules.map((r) => [r.code as string, r]));

/** The report as the page shows it. */
function viewOf(
  report: Report,
  req: CheckRequest,
  columns: readonly ReportColumn[],
  batchFile?: string,
): ViewReport {
  const { locale } = req;
  const s = report.summary;
  const rows = report.students.filter((r) => r.findings.length > 0);
  const out: ViewReport = {
    batch: {
      id: report.batch.id,
      school: report.batch.school,
      year: report.batch.year,
      sequence: report.batch.sequence,
      ...(batchFile === undefined ? {} : { file: batchFile }),
    },
    summary: {
      linesRead: s.linesRead,
      students: s.students,
      photos: s.photos,
      errors: s.errors,
      warnings: s.warnings,
      byCode: Object.entries(s.byCode).map(([code, count]) => {
        const rule = ruleOf.get(code);
        return {
          code,
          severity: rule?.severity === "warning" ? "warning" : "error",
          title: rule?.title[locale] ?? code,
          count: count ?? 0,
        };
      }),
    },
    footer: { count: s.footer.count, rows: [...s.footer.rows] },
    skipped: s.skipped.map((k) => ({ header: k.header, codes: [...k.codes] })),
    notes: [],
    rows: rows.map((r) => ({
      row: r.row,
      studentNumber: r.studentNumber,
      name: r.name,
      findings: r.findings.map((f) => view(f, columns, locale)),
    })),
    clean: report.students.length - rows.length,
  };
  if (s.sheet !== undefined) out.sheet = { ...s.sheet };
  if (report.photos !== undefined && req.photos !== undefined) {
    const at = new Map(req.photos.names.map((name, i) => [name, i]));
    out.photos = {
      dir: report.photos.dir,
      files: report.photos.fileList.map((p) => ({
        index: at.get(p.fileName) ?? -1,
        fileName: p.fileName,
        row: p.row,
        studentNumber: p.studentNumber,
        findings: p.findings.map((f) => view(f, columns, locale)),
      })),
      findings: report.photos.findings.map((f) => view(f, columns, locale)),
    };
  }
  return out;
}

async function check(req: CheckRequest): Promise<void> {
  const { locale, run } = req;
  last = undefined;
  const b = batchOf(req);
  if ("messages" in b) {
    post({ type: "problem", run, what: "batch", messages: b.messages });
    return;
  }
  post({ type: "progress", run, phase: "roster" });
  // The photos are read by the page while the roster is read here.
  const collected = req.photos === undefined ? undefined : collectPhotos({ ...req, photos: req.photos });
  if (inPage) await turn();
  const format = rosterFormatOfName(req.roster.name);
  const r = await readRoster(new Uint8Array(req.roster.bytes), {
    locale,
    partial: true,
    copy: true,
    ...(format === undefined ? {} : { format }),
  });
  if (!r.ok || r.value === undefined) {
    collecting?.finish(false);
    const errors = r.findings.filter((f) => f.severity === "error");
    post({
      type: "problem",
      run,
      what: "roster",
      messages: (errors.length > 0 ? errors : r.findings).map((f) => f.message),
    });
    return;
  }
  const roster = r.value;
  const photos = req.photos;
  const fileFindings = photos === undefined ? undefined : await collected;
  if (photos !== undefined && fileFindings === undefined) return; // a newer run took over
  post({ type: "progress", run, phase: "rows" });
  if (inPage) await turn();
  const options: Parameters<typeof checkRoster>[1] = { batch: b.batch, locale };
  if (photos !== undefined && fileFindings !== undefined) {
    options.photos = {
      dir: photos.dir,
      fileNames: photos.names,
      namedBy: req.namedBy,
      files: fileFindings,
      ...(req.admissionYear === undefined ? {} : { admissionYear: req.admissionYear }),
    };
  }
  const report = checkRoster(roster, options);
  const columns = roster.columns.recognised.map((c) => ({ column: c.column, key: c.key, header: c.header }));
  last = { run, report, roster, locale, columns };
  const v = viewOf(report, req, columns, b.file);
  // Notes about lines that are no row (a stray quote on a footer line): shown once, as the CLI does.
  v.notes = roster.findings.filter((f) => f.severity !== "error").map((f) => f.message);
  post({ type: "result", run, report: v });
}

function exportFile(req: ExportRequest): void {
  if (last === undefined || last.run !== req.run) {
    post({ type: "failed", run: req.run, message: "no report to export" });
    return;
  }
  post({ type: "progress", run: req.run, phase: "export" });
  const { report, roster, locale, columns } = last;
  const bytes =
    req.kind === "xlsx"
      ? writeReportXlsx(report, roster, { locale, warnings: true })
      : new TextEncoder().encode(reportCsv(report, { locale, columns }));
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  post({ type: "file", run: req.run, kind: req.kind, bytes: buffer }, [buffer]);
}

// What the CSP refuses in a worker is said on no console the page can see: tell the page, which
// says it on its console (and the browser tests, which fail on any console error, see it).
if (!inPage) {
  globalThis.addEventListener("securitypolicyviolation", (e) => {
    const v = e as SecurityPolicyViolationEvent;
    post({ type: "violation", directive: v.effectiveDirective, blocked: v.blockedURI });
  });
}

port.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  const run = m.type === "hello" ? 0 : m.run;
  Promise.resolve()
    .then(async () => {
      if (m.type === "hello") {
        post({
          type: "ready",
          presets: Object.values(batches).map((b) => ({
            id: b.id,
            school: b.school,
            year: b.year,
            sequence: b.sequence,
          })),
        });
      } else if (m.type === "check") await check(m);
      else if (m.type === "bytes") await onBytes(m);
      else exportFile(m);
    })
    .catch((err: unknown) => {
      post({ type: "failed", run, message: err instanceof Error ? err.message : String(err) });
    });
};
