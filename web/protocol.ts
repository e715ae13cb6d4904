/**
 * The messages between the page (web/app.ts) and the worker that checks (web/worker.ts). The worker
 * holds the library (the core, the roster reader, SheetJS); the page holds none of it and only shows
 * what the worker sends: findings already rendered in the chosen language.
 */
import type { Locale } from "../src/index.js";

/** The batch of a run: a preset by id, or a batch file's text (checked with `defineBatch`). */
export type BatchChoice = { preset: string } | { fileName: string; text: string };

/** One run of the check, as the page asks for it. */
export interface CheckRequest {
  type: "check";
  /** The run's number: answers of an older run are dropped. */
  run: number;
  locale: Locale;
  roster: { name: string; bytes: ArrayBuffer };
  batch: BatchChoice;
  /**
   * The photo folder: its name as shown, and its files' names (direct children only, sorted by
   * name). The worker answers with the files it needs read (`need`); their bytes follow in `bytes`
   * messages. [decision] The page reads the files and transfers their bytes: handing 10,000 `File`
   * objects to a worker, or asking each its `size`, costs Chromium seconds of the page's thread
   * (each file's metadata is fetched, one at a time); a file read as a stream needs neither.
   */
  photos?: { dir: string; names: string[] };
  namedBy: "student-number" | "id-number";
  admissionYear?: number;
  /** Also check each photo's background (4.2.2). */
  background: boolean;
}

/** The report's files, as `xueli check --output` writes them. */
export interface ExportRequest {
  type: "export";
  run: number;
  kind: "xlsx" | "csv";
}

/** Some of the photos' bytes, read by the page: at most `need.cap` bytes each (`null`: unreadable), and the file's size. */
export interface BytesMessage {
  type: "bytes";
  run: number;
  items: { index: number; bytes: ArrayBuffer | null; size: number }[];
}

export type ToWorker = { type: "hello" } | CheckRequest | ExportRequest | BytesMessage;

/** A finding as the page shows it (message, clause and suggestion already in the run's language). */
export interface ViewFinding {
  code: string;
  severity: "error" | "warning";
  clause: string;
  message: string;
  suggestion?: string;
  /** The field, as the roster's own header names it (or a photo's file name). */
  field: string;
}

/** A roster row that has findings. */
export interface ViewRow {
  row: number;
  studentNumber: string | null;
  name: string | null;
  findings: ViewFinding[];
}

/** A photo file, and what was found about it (its student's row when its name matches one). */
export interface ViewPhoto {
  /** Its position in the request's `photos.names`. */
  index: number;
  fileName: string;
  row: number | null;
  studentNumber: string | null;
  findings: ViewFinding[];
}

/** What a run found, ready to show. */
export interface ViewReport {
  batch: { id: string; school: string; year: number; sequence: number; file?: string };
  /** Lines read, students checked, photos checked, as the CLI's summary says them. */
  summary: {
    linesRead: number;
    students: number;
    photos: number;
    errors: number;
    warnings: number;
    byCode: { code: string; severity: "error" | "warning"; title: string; count: number }[];
  };
  /** A workbook's sheet read (1-based), of `count`. */
  sheet?: { name: string; index: number; count: number };
  /** Footer lines skipped (制表人, 合计 …): how many, the first rows. */
  footer: { count: number; rows: number[] };
  /** Columns the roster lacks, and the rules skipped for want of them. */
  skipped: { header: string; codes: string[] }[];
  /** Findings about lines that are no row (a stray quote on a footer line), already in words. */
  notes: string[];
  rows: ViewRow[];
  /** Rows checked without findings. */
  clean: number;
  photos?: { dir: string; files: ViewPhoto[]; findings: ViewFinding[] };
}

export type FromWorker =
  | { type: "ready"; presets: { id: string; school: string; year: number; sequence: number }[] }
  | {
      type: "progress";
      run: number;
      phase: "roster" | "photos" | "rows" | "export";
      done?: number;
      total?: number;
    }
  /** The photos to read (positions in `photos.names`; not dotfiles, Thumbs.db …), each up to `cap` bytes. */
  | { type: "need"; run: number; indices: number[]; cap: number }
  | { type: "result"; run: number; report: ViewReport }
  /** The roster or the batch file cannot be used: what is wrong, in the run's language. */
  | { type: "problem"; run: number; what: "roster" | "batch"; messages: string[] }
  | { type: "file"; run: number; kind: "xlsx" | "csv"; bytes: ArrayBuffer }
  /** A bug, not the input. */
  | { type: "failed"; run: number; message: string }
  /** Something the page's Content-Security-Policy refused in the worker (a request, code from a string). */
  | { type: "violation"; directive: string; blocked: string };
