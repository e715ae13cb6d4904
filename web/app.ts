/**
 * The page: inputs, progress, the report (summary, rows with findings, photos) and its files. It
 * holds no rule: the worker (web/worker.ts, inlined in the page as text and started from a Blob
 * URL) runs the package's check and sends findings already rendered in the chosen language. Every
 * text from the input is shown with `textContent`, never as markup.
 */
import type { Locale } from "../src/index.js";
import type {
  BatchChoice,
  BytesMessage,
  CheckRequest,
  FromWorker,
  ToWorker,
  ViewFinding,
  ViewReport,
} from "./protocol.js";
import { type PageText, pageText } from "./text.js";

/** Rows of the findings table, and photo cards, shown at first and added by "show more". */
const FINDINGS_PAGE = 300;
const PHOTOS_PAGE = 60;
/** Photos read at the same time, and sent to the worker in batches of at most this many. */
const READ_LANES = 128;
const BATCH = 64;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

interface Photos {
  dir: string;
  files: File[];
  /** Files in subfolders, not checked. */
  skipped: number;
}

const state = {
  locale: "zh-CN" as Locale,
  roster: undefined as File | undefined,
  photos: undefined as Photos | undefined,
  batchFile: undefined as File | undefined,
  /** The batch chosen: a preset's id, or "file" (a batch file); "" for the first preset. */
  batch: "",
  presets: [] as { id: string; school: string; year: number; sequence: number }[],
  run: 0,
  /** The run whose photos are being read (0: none). */
  reading: 0,
  /** When the run began (`performance.now()`): the page says how long it took (`data-ms`). */
  started: 0,
  busy: false,
  report: undefined as ViewReport | undefined,
  /** The run the report is of (its files are asked of the worker by it). */
  reportRun: 0,
  severity: "" as "" | "error" | "warning",
  code: "",
  findingsShown: FINDINGS_PAGE,
  photosShown: PHOTOS_PAGE,
  urls: new Map<File, string>(),
};

let t: PageText = pageText("zh-CN");

// ---- the worker -------------------------------------------------------------------------------

interface Engine {
  post(m: ToWorker, transfer?: Transferable[]): void;
  /** Stops a run in progress (a real worker only); false when it cannot be stopped. */
  stop(): boolean;
}

let engine: Engine | undefined;

function workerSource(): string {
  return $("worker-source").textContent ?? "";
}

/** The worker from a Blob URL; where a browser refuses one, the same code in the page, through a MessagePort. */
function startEngine(): Engine {
  const url = URL.createObjectURL(new Blob([workerSource()], { type: "text/javascript" }));
  try {
    const w = new Worker(url);
    w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      onMessage({ type: "failed", run: state.run, message: e.message || "worker" });
    };
    w.postMessage({ type: "hello" } satisfies ToWorker);
    return {
      post: (m, transfer) => w.postMessage(m, transfer ?? []),
      stop: () => {
        w.terminate();
        return true;
      },
    };
  } catch {
    const channel = new MessageChannel();
    (globalThis as { __xueliPort?: MessagePort }).__xueliPort = channel.port2;
    channel.port1.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => channel.port1.postMessage({ type: "hello" } satisfies ToWorker);
    document.body.append(script);
    note(t.workerFallback);
    return { post: (m, transfer) => channel.port1.postMessage(m, transfer ?? []), stop: () => false };
  }
}

function onMessage(m: FromWorker): void {
  if (m.type === "ready") {
    state.presets = m.presets;
    fillBatches();
    return;
  }
  if (m.type === "violation") {
    console.error(`Content-Security-Policy refused in the worker: ${m.directive} ${m.blocked}`);
    return;
  }
  if (m.run !== state.run) return; // an older run's answer
  if (m.type !== "progress" && m.type !== "need") state.reading = 0;
  switch (m.type) {
    case "need":
      readPhotos(m.run, m.indices, m.cap);
      break;
    case "progress":
      progress(m.phase, m.done, m.total);
      break;
    case "result":
      state.busy = false;
      state.report = m.report;
      state.reportRun = m.run;
      state.findingsShown = FINDINGS_PAGE;
      state.photosShown = PHOTOS_PAGE;
      renderReport();
      document.body.dataset.ms = String(Math.round(performance.now() - state.started));
      setState("done");
      break;
    case "problem":
      state.busy = false;
      showProblem(m.what === "roster" ? t.rosterProblem : t.batchProblem, m.messages);
      setState("problem");
      break;
    case "file":
      download(m.kind, m.bytes);
      progress(undefined);
      break;
    case "failed":
      state.busy = false;
      showProblem(t.failed(m.message), []);
      setState("failed");
      break;
  }
}

// ---- inputs -----------------------------------------------------------------------------------

function setState(s: "idle" | "running" | "done" | "problem" | "failed"): void {
  document.body.dataset.state = s;
}

function note(text: string): void {
  $("notice").textContent = text;
  $("notice").hidden = text === "";
}

function fillBatches(): void {
  const select = $<HTMLSelectElement>("batch");
  const chosen = state.batch;
  select.replaceChildren(
    ...state.presets.map((p) =>
      el("option", { value: p.id }, `${p.id} — ${t.presetLabel(p.school, p.year, p.sequence)}`),
    ),
    el("option", { value: "file" }, t.batchFileChoose),
  );
  // The user's choice; else the first preset (before the worker has said which there are: none).
  const known = [...select.options].some((o) => o.value === chosen);
  select.value = known ? chosen : (state.presets[0]?.id ?? "");
  $("batch-file-row").hidden = select.value !== "file";
}

function applyText(): void {
  document.documentElement.lang = t.lang;
  document.title = t.title;
  for (const node of document.querySelectorAll<HTMLElement>("[data-t]")) {
    const key = node.dataset.t as keyof PageText;
    const v = t[key];
    if (typeof v === "string") node.textContent = v;
  }
  $<HTMLInputElement>("admission-year").placeholder = t.admissionYearHint;
  fillBatches();
  showChosen();
  if (state.report !== undefined) renderReport();
  else if (document.body.dataset.state === "idle") status(t.waiting);
}

function showChosen(): void {
  const r = state.roster;
  $("roster-name").textContent = r === undefined ? "" : t.rosterChosen(r.name, Math.ceil(r.size / 1024));
  const p = state.photos;
  $("photos-name").textContent =
    p === undefined
      ? ""
      : `${t.photosChosen(p.files.length, p.dir)}${p.skipped > 0 ? `；${t.photosSkipped(p.skipped)}` : ""}`;
}

/** The folder picker's files: the folder's own (its subfolders are not checked, as in the CLI), sorted by name. */
function photosOf(list: FileList, folder: boolean): Photos {
  const all = [...list];
  let dir = "";
  let files = all;
  if (folder) {
    const rel = (f: File) => f.webkitRelativePath || f.name;
    dir = rel(all[0] as File).split("/")[0] ?? "";
    files = all.filter((f) => rel(f).split("/").length <= 2);
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { dir, files, skipped: all.length - files.length };
}

function setPhotos(p: Photos | undefined): void {
  for (const url of state.urls.values()) URL.revokeObjectURL(url);
  state.urls.clear();
  state.photos = p;
  showChosen();
  check();
}

// ---- the run ----------------------------------------------------------------------------------

/** Checks again with what the page now has (a newer run supersedes a running one). */
function check(): void {
  startRun().catch((e: unknown) => {
    state.busy = false;
    showProblem(t.failed(e instanceof Error ? e.message : String(e)), []);
    setState("failed");
  });
}

async function startRun(): Promise<void> {
  hideProblem();
  const roster = state.roster;
  if (roster === undefined) {
    status(t.waiting);
    return;
  }
  state.run += 1;
  state.reading = 0;
  state.started = performance.now();
  const id = state.run;
  if (state.busy && engine?.stop()) engine = startEngine();
  engine ??= startEngine();
  state.busy = true;
  setState("running");
  progress("roster");
  let batch: BatchChoice;
  const select = $<HTMLSelectElement>("batch");
  if (select.value === "file") {
    const f = state.batchFile;
    if (f === undefined) {
      state.busy = false;
      showProblem(t.batchProblem, [t.batchFile]);
      setState("problem");
      return;
    }
    batch = { fileName: f.name, text: await f.text() };
  } else batch = { preset: select.value || (state.presets[0]?.id ?? "ucas-2022-3") };
  let bytes: ArrayBuffer;
  try {
    bytes = await roster.arrayBuffer();
  } catch {
    state.busy = false;
    showProblem(t.rosterProblem, [roster.name]);
    setState("problem");
    return;
  }
  if (id !== state.run) return;
  const year = $<HTMLInputElement>("admission-year").value.trim();
  const req: CheckRequest = {
    type: "check",
    run: id,
    locale: state.locale,
    roster: { name: roster.name, bytes },
    batch,
    namedBy: $<HTMLSelectElement>("named-by").value === "id-number" ? "id-number" : "student-number",
    background: $<HTMLInputElement>("background").checked,
  };
  if (/^\d{4}$/.test(year)) req.admissionYear = Number(year);
  if (state.photos !== undefined)
    req.photos = { dir: state.photos.dir, names: state.photos.files.map((f) => f.name) };
  engine.post(req, [bytes]);
}

/** At most `cap` bytes of a file, and its size: read as a stream (its size is asked only when it is longer). */
async function readCapped(file: File, cap: number): Promise<{ bytes: ArrayBuffer; size: number }> {
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    got += value.length;
    if (got > cap) {
      await reader.cancel();
      break;
    }
  }
  const size = got > cap ? file.size : got;
  const length = Math.min(got, cap);
  if (chunks.length === 1 && length === got) {
    const only = chunks[0] as Uint8Array;
    if (only.byteOffset === 0 && only.byteLength === only.buffer.byteLength)
      return { bytes: only.buffer as ArrayBuffer, size };
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    if (at >= length) break;
    const part = c.subarray(0, length - at);
    out.set(part, at);
    at += part.length;
  }
  return { bytes: out.buffer, size };
}

/**
 * Reads the photos the worker needs, `READ_LANES` at a time, and sends their bytes in batches
 * (transferred, not copied). Stops when a newer run begins or this one ends.
 */
function readPhotos(run: number, indices: readonly number[], cap: number): void {
  const files = state.photos?.files ?? [];
  state.reading = run;
  let next = 0;
  let batch: BytesMessage["items"] = [];
  let sent = performance.now();
  const flush = () => {
    if (batch.length === 0 || state.reading !== run) return;
    const items = batch;
    batch = [];
    sent = performance.now();
    engine?.post(
      { type: "bytes", run, items },
      items.flatMap((i) => (i.bytes === null ? [] : [i.bytes])),
    );
  };
  const lane = async (): Promise<void> => {
    for (let k = next++; k < indices.length && state.reading === run; k = next++) {
      const index = indices[k] as number;
      const file = files[index];
      let item: BytesMessage["items"][number] = { index, bytes: null, size: 0 };
      if (file !== undefined) {
        try {
          item = { index, ...(await readCapped(file, cap)) };
        } catch {
          // Unreadable (gone, no permission): the worker says so (photo.unreadable).
        }
      }
      batch.push(item);
      if (batch.length >= BATCH || performance.now() - sent > 50) flush();
    }
  };
  Promise.all(Array.from({ length: Math.min(READ_LANES, indices.length) }, lane)).then(flush, flush);
}

function status(text: string): void {
  $("status-text").textContent = text;
}

function progress(
  phase: "roster" | "photos" | "rows" | "export" | undefined,
  done?: number,
  total?: number,
): void {
  const bar = $<HTMLProgressElement>("progress");
  if (phase === undefined) {
    bar.hidden = true;
    status("");
    return;
  }
  bar.hidden = false;
  if (phase === "photos" && done !== undefined && total !== undefined && total > 0) {
    bar.max = total;
    bar.value = done;
    status(t.progressPhotos(done, total));
    return;
  }
  bar.removeAttribute("value");
  status(phase === "roster" ? t.progressRoster : phase === "rows" ? t.progressRows : t.progressExport);
}

function showProblem(title: string, messages: readonly string[]): void {
  progress(undefined);
  $("results").hidden = true;
  state.report = undefined;
  $("problem-title").textContent = title;
  $("problem-list").replaceChildren(...messages.map((m) => el("li", {}, m)));
  $("problem").hidden = false;
}

function hideProblem(): void {
  $("problem").hidden = true;
}

// ---- the report -------------------------------------------------------------------------------

function badge(sev: "error" | "warning"): HTMLElement {
  return el("span", { class: `sev ${sev}` }, t.severityWord(sev));
}

function renderReport(): void {
  const r = state.report;
  if (r === undefined) return;
  progress(undefined);
  $("results").hidden = false;
  renderSummary(r);
  renderFilters(r);
  renderFindings(r);
  renderPhotos(r);
}

function renderSummary(r: ViewReport): void {
  const s = r.summary;
  const box = $("summary-body");
  box.dataset.lines = String(s.linesRead);
  box.dataset.students = String(s.students);
  box.dataset.photos = String(s.photos);
  box.dataset.errors = String(s.errors);
  box.dataset.warnings = String(s.warnings);
  const lines: string[] = [t.batchLine(r.batch.id, r.batch.file)];
  if (r.sheet !== undefined && r.sheet.count > 1)
    lines.push(t.sheetRead(r.sheet.name, r.sheet.index, r.sheet.count));
  if (r.footer.count > 0) lines.push(t.footerSkipped(r.footer.count, r.footer.rows));
  if (r.skipped.length > 0) lines.push(t.skippedColumns(r.skipped.map((k) => k.header)));
  lines.push(...r.notes);
  const byCode =
    s.byCode.length === 0
      ? el("p", {}, t.noFindings)
      : el(
          "table",
          { class: "bycode" },
          el("caption", {}, t.byCodeHeading),
          el(
            "thead",
            {},
            el("tr", {}, el("th", {}, t.code), el("th", {}, t.titleWord), el("th", {}, t.count)),
          ),
          el(
            "tbody",
            {},
            ...s.byCode.map((c) => {
              const link = el("button", { type: "button", class: "link", "data-code": c.code }, c.code);
              link.onclick = () => {
                state.code = c.code;
                state.findingsShown = FINDINGS_PAGE;
                renderFilters(r);
                renderFindings(r);
                $("findings").scrollIntoView({ behavior: "smooth" });
              };
              return el(
                "tr",
                {},
                el("td", {}, link),
                el("td", {}, c.title),
                el("td", { class: "num" }, String(c.count)),
              );
            }),
          ),
        );
  box.replaceChildren(
    el("p", { id: "summary-read", class: "big" }, t.read(s.linesRead, s.students, s.photos)),
    el(
      "p",
      { id: "summary-totals", class: `big ${s.errors > 0 ? "bad" : "good"}` },
      t.totals(s.errors, s.warnings),
    ),
    ...lines.map((l) => el("p", { class: "note" }, l)),
    byCode,
  );
}

function renderFilters(r: ViewReport): void {
  const sev = $<HTMLSelectElement>("filter-severity");
  sev.replaceChildren(
    el("option", { value: "" }, t.all),
    el("option", { value: "error" }, t.severityWord("error")),
    el("option", { value: "warning" }, t.severityWord("warning")),
  );
  sev.value = state.severity;
  const code = $<HTMLSelectElement>("filter-code");
  const codes = new Set<string>();
  for (const row of r.rows) for (const f of row.findings) codes.add(f.code);
  if (state.code !== "" && !codes.has(state.code)) state.code = "";
  code.replaceChildren(
    el("option", { value: "" }, t.all),
    ...[...codes].sort().map((c) => el("option", { value: c }, c)),
  );
  code.value = state.code;
}

function findingCells(f: ViewFinding): HTMLElement[] {
  return [
    el("td", {}, badge(f.severity)),
    el("td", { class: "code" }, f.code),
    el("td", { class: "num" }, f.clause),
    el("td", {}, f.field),
    el("td", { class: "message" }, f.message),
    el("td", { class: "suggestion" }, f.suggestion ?? ""),
  ];
}

function renderFindings(r: ViewReport): void {
  const keep = (f: ViewFinding) =>
    (state.severity === "" || f.severity === state.severity) && (state.code === "" || f.code === state.code);
  const entries: { row: ViewReport["rows"][number]; f: ViewFinding }[] = [];
  for (const row of r.rows) for (const f of row.findings) if (keep(f)) entries.push({ row, f });
  const shown = entries.slice(0, state.findingsShown);
  $("findings-body").replaceChildren(
    ...shown.map(({ row, f }) =>
      el(
        "tr",
        { "data-row": String(row.row), "data-code": f.code },
        el("td", { class: "num" }, String(row.row)),
        el("td", { class: "nowrap" }, row.studentNumber ?? ""),
        el("td", { class: "nowrap" }, row.name ?? ""),
        ...findingCells(f),
      ),
    ),
  );
  $("findings-count").textContent = `${t.shown(shown.length, entries.length)}${
    r.clean > 0 && state.severity === "" && state.code === "" ? `　${t.cleanRows(r.clean)}` : ""
  }`;
  $("findings-more").hidden = shown.length >= entries.length;
}

function urlOf(file: File): string {
  let url = state.urls.get(file);
  if (url === undefined) {
    url = URL.createObjectURL(file);
    state.urls.set(file, url);
  }
  return url;
}

function renderPhotos(r: ViewReport): void {
  const section = $("photos");
  const p = r.photos;
  if (p === undefined || state.photos === undefined) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  $("photos-title").textContent = t.photosReport(p.dir);
  $("photos-folder").replaceChildren(
    ...p.findings
      .filter((f) => f.field === "")
      .map((f) => el("li", {}, badge(f.severity), ` ${f.code}: ${f.message}`)),
  );
  // Photos with findings first, then the others, each in the folder's order.
  const files = [
    ...p.files.filter((f) => f.findings.length > 0),
    ...p.files.filter((f) => f.findings.length === 0),
  ];
  const shown = files.slice(0, state.photosShown);
  const chosen = state.photos.files;
  $("photos-grid").replaceChildren(
    ...shown.map((ph) => {
      const file = chosen[ph.index];
      const img =
        file === undefined
          ? el("div", { class: "noimg" })
          : el("img", { src: urlOf(file), alt: ph.fileName, decoding: "async" });
      const who = ph.row === null ? t.photoOrphan : t.photoRow(ph.row, ph.studentNumber ?? "");
      return el(
        "figure",
        { class: ph.findings.length > 0 ? "photo has-findings" : "photo", "data-file": ph.fileName },
        img,
        el(
          "figcaption",
          {},
          el("strong", {}, ph.fileName),
          el("span", { class: "who" }, who),
          ph.findings.length === 0
            ? el("span", { class: "ok" }, t.photoOk)
            : el(
                "ul",
                {},
                ...ph.findings.map((f) =>
                  el(
                    "li",
                    {},
                    badge(f.severity),
                    ` ${f.message}`,
                    ...(f.suggestion === undefined ? [] : [el("em", {}, ` → ${f.suggestion}`)]),
                  ),
                ),
              ),
        ),
      );
    }),
  );
  $("photos-more").hidden = shown.length >= files.length;
}

// ---- the report's files -----------------------------------------------------------------------

function download(kind: "xlsx" | "csv", bytes: ArrayBuffer): void {
  const mime =
    kind === "xlsx"
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : "text/csv;charset=utf-8";
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const stem = (state.roster?.name ?? "roster").replace(/\.[^.]*$/, "");
  const a = el("a", { href: url, download: t.reportName(stem, kind) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---- wiring -----------------------------------------------------------------------------------

function wire(): void {
  const roster = $<HTMLInputElement>("roster");
  roster.onchange = () => {
    const f = roster.files?.[0];
    if (f === undefined) return;
    state.roster = f;
    showChosen();
    check();
  };
  const drop = $("drop");
  // A file dropped anywhere else must not make the browser open it instead of the page.
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (e) => e.preventDefault());
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer?.files[0];
    if (f === undefined) return;
    state.roster = f;
    showChosen();
    check();
  });
  const folder = $<HTMLInputElement>("photo-folder");
  folder.onchange = () => {
    if (folder.files !== null && folder.files.length > 0) setPhotos(photosOf(folder.files, true));
  };
  const several = $<HTMLInputElement>("photo-files");
  several.onchange = () => {
    if (several.files !== null && several.files.length > 0) setPhotos(photosOf(several.files, false));
  };
  const batch = $<HTMLSelectElement>("batch");
  batch.onchange = () => {
    state.batch = batch.value;
    $("batch-file-row").hidden = batch.value !== "file";
    if (batch.value !== "file" || state.batchFile !== undefined) check();
  };
  const batchFile = $<HTMLInputElement>("batch-file");
  batchFile.onchange = () => {
    state.batchFile = batchFile.files?.[0];
    check();
  };
  for (const id of ["named-by", "admission-year", "background"]) $(id).onchange = () => check();
  $("run").onclick = () => check();
  const lang = $<HTMLSelectElement>("lang");
  lang.onchange = () => {
    state.locale = lang.value === "en" ? "en" : "zh-CN";
    t = pageText(state.locale);
    applyText();
    // The findings' messages come from the library in the run's language: check again.
    if (state.roster !== undefined) check();
  };
  $("filter-severity").onchange = (e) => {
    const v = (e.target as HTMLSelectElement).value;
    state.severity = v === "error" || v === "warning" ? v : "";
    state.findingsShown = FINDINGS_PAGE;
    if (state.report !== undefined) renderFindings(state.report);
  };
  $("filter-code").onchange = (e) => {
    state.code = (e.target as HTMLSelectElement).value;
    state.findingsShown = FINDINGS_PAGE;
    if (state.report !== undefined) renderFindings(state.report);
  };
  $("findings-more").onclick = () => {
    state.findingsShown += FINDINGS_PAGE;
    if (state.report !== undefined) renderFindings(state.report);
  };
  $("photos-more").onclick = () => {
    state.photosShown += PHOTOS_PAGE;
    if (state.report !== undefined) renderPhotos(state.report);
  };
  for (const kind of ["xlsx", "csv"] as const) {
    $(`export-${kind}`).onclick = () => {
      if (state.report === undefined || engine === undefined) return;
      engine.post({ type: "export", run: state.reportRun, kind });
    };
  }
}

wire();
applyText();
setState("idle");
engine = startEngine();
