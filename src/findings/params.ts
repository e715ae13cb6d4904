import type {
  ColorModel,
  Conclusion,
  DefenseResult,
  EducationType,
  EventType,
  Evidence,
  IdType,
  PhotoFormat,
  PhotoNaming,
  Rgb,
  Role,
  Sex,
  State,
} from "../core/vocabulary.js";

/**
 * The params of every finding code: raw data only (numbers, the received value, members of the
 * domain's vocabularies), never display text. The locale tables turn them into words; a stored
 * finding can be rendered again in any locale with `formatFinding`.
 *
 * This interface is the list of codes: `FindingCode` is its keys, the catalogue and both locale
 * tables are typed against it, so a code added here without its catalogue entry or its zh-CN or
 * en text does not compile (and neither does a catalogue entry without params here).
 *
 * What each code means — its severity, the clause of the notice it encodes and the notice's own
 * sentence — is in the catalogue: `explain(code)`, `rules`, and docs/rules.md generated from them.
 * @example
 * const f = validateIdNumber("110108199805121681").findings[0];
 * f?.code === "id.checksum" && f.params //=> { expected: "X", received: "1" }
 * explain("id.checksum").clause //=> "3.1"
 */
export interface FindingParams {
  // ---- Identity documents (3.1; GB 11643-1999) ---------------------------------------------------
  "id.format": {
    /** The number as given (cut to 40 characters), or the type name of a value that is not a string. */
    received: string;
    /** The declared document type whose shape was expected, when one was declared. */
    type?: IdType;
  };
  "id.checksum": { expected: string; received: string };
  "id.birth-date": {
    /** The birth date as written in the number, `YYYY-MM-DD`. */
    received: string;
    reason: BirthDateProblem;
    /** The minimum age, for `too-young`. */
    minAge?: number;
  };
  "id.region": { received: string };
  "id.legacy": { received: string; suggestion: string };
  "id.sex-mismatch": { expected: Sex; received: Sex };
  // ---- Name (3.1) -------------------------------------------------------------------------------
  "name.empty": Empty;
  "name.characters":
    | {
        /** The refused characters (invisible ones as `U+XXXX`), or the name when the whole is wrong. */
        received: string;
        reason?: NameProblem;
      }
    | { reason: "too-long"; length: number; max: number };
  "name.whitespace": { received: string; suggestion: string };
  /** A space between the parts of a minority name where the ID card has the dot (阿依古丽 买买提 → 阿依古丽·买买提). */
  "name.missing-dot": { received: string; suggestion: string };
  // ---- Ethnic group (3.1; GB/T 3304-1991) -------------------------------------------------------
  "ethnicity.unknown": { received: string };
  /** No ethnic group given, for a student who needs one (all but passport holders, 3.1 [decision]). */
  "ethnicity.empty": Empty;
  "ethnicity.renamed": { received: string; suggestion: string; code: string };
  // ---- Certificate number (2.2) -----------------------------------------------------------------
  "certificate.format": {
    received: string;
    /** `pre-2002`: 17 digits; `serial`: serial 000000; `education-type`: the 6th digit is none of 1, 5, 6, 7. */
    reason?: "pre-2002" | "serial" | "education-type" | "not-a-string";
    /** The education-type digits a number may have, for `education-type`. */
    expected?: readonly string[];
  };
  "certificate.school": { expected: string; received: string };
  /** The 6th digit (办学类型) differs from the batch's: graduate certificates are `1` (普通高等教育). */
  "certificate.education-type": { expected: EducationType; received: EducationType };
  "certificate.year": { received: number; expected?: number };
  /** `expected`: the level code the student's level needs, or every level code when the number's is unknown. */
  "certificate.level": { expected: string | readonly string[]; received: string };
  "certificate.duplicate": Duplicate;
  // ---- The record's shape -------------------------------------------------------------------------
  "schema.invalid": SchemaParams;
  // ---- Origin (3.3; GB/T 2260) ------------------------------------------------------------------
  /** `suggestion`: the origin a permit holder's permit points to (香港特别行政区 for an H permit). */
  "origin.empty": { suggestion?: string };
  "origin.format": OriginParams;
  "origin.levels": OriginParams;
  "origin.unknown": OriginParams;
  "origin.mismatch": OriginParams;
  "origin.not-in-force": OriginChangeParams;
  "origin.statistical-only": {
    received: string;
    /** The statistical code of the unit (232761 加格达奇区). */
    code: string;
  };
  "origin.not-reviewed": Empty;
  "origin.locked": {
    event: EventType;
    state: State;
    /** When the registration was first staged, for a draft that was staged and unstaged since (3.3.4). */
    stagedAt?: string;
  };
  "origin.review-first": Empty;
  "origin.reviewer": { event: EventType; expected: Role | readonly Role[]; received: Role };
  "origin.undetermined":
    | { missing: readonly string[] }
    | { rule: "collective-local-policy"; received: string };
  "origin.local-policy": Empty;
  // ---- The registration process (1, 2, 3) -------------------------------------------------------
  "transition.illegal":
    | {
        /** The event sent; `expected` the one state it may start from, `received` the registration's. */
        event: EventType;
        expected: State;
        received: State;
      }
    | {
        /** An event type the machine does not know; `state` the registration's. */
        state: State;
        received: unknown;
      }
    | {
        /** An origin event in the wrong review state: `expected` the `reviewed` flag it needs. */
        event: EventType;
        expected: boolean;
        received: boolean;
      };
  "transition.role": { event: EventType; expected: Role | readonly Role[]; received: Role };
  "window.closed": { received: string; opensAt: string; closesAt: string };
  "transition.out-of-order": {
    event: EventType;
    /** The instant of the event, as given. */
    received: string;
    /** The instant of the last event recorded, which it may not precede. */
    expected: string;
  };
  "photo.missing": Empty | { expected: string; namedBy: PhotoNaming };
  "study.incomplete": { expected: true; received: unknown };
  "conclusion.ineligible":
    | { reason: "study-period" }
    | { reason: "defense"; expected: DefenseResult; received: unknown; suggestion?: Conclusion };
  "batch.mismatch": { expected: string; received: string };
  "student-number.characters": {
    /** The student number as given (cut to 200 characters), the refused characters shown as `U+XXXX`. */
    received: string;
    /** The refused characters as `U+XXXX`, each once, in order of appearance. */
    characters: readonly string[];
  };
  "completion.explanation-missing": Empty;
  "name-change.evidence": EvidenceParams;
  "ethnicity-change.evidence": EvidenceParams;
  "ethnicity-change.before-admission": Empty;
  "program-change.too-late": { approvedOn: string; defenseDate: string | null; earliestDefenseDate: string };
  "early-graduation.not-approved": { expected: true; received: unknown };
  "application-form.missing": Empty;
  "registration.tampered": TamperParams;
  // ---- Batches and the registration form (3.1, 4.1, 4.2) ----------------------------------------
  "batch.duplicate-id": Duplicate;
  "batch.duplicate-student-number": Duplicate;
  "batch.duplicate-name": Duplicate;
  "form.seal": { expected: "institute"; received: unknown };
  "form.signature": { received: unknown };
  "form.upload-window": { received: unknown; opensAt: unknown; closesAt: unknown };
  "form.head-count": { expected: number; received: unknown };
  // ---- Photos (5) -------------------------------------------------------------------------------
  "photo.unreadable": {
    reason: UnreadableReason;
    /** The file or folder path, for file-system reasons. */
    received?: string;
    /** Byte offset of the corruption, for JPEG structure reasons. */
    offset?: number;
  };
  "photo.format": { expected: "jpeg"; received: PhotoFormat; width?: number; height?: number };
  "photo.dimensions": {
    expected: Dimensions;
    received: Dimensions;
    /** `rotated`: 640 × 480; `orientation`: 480 × 640 with an EXIF orientation that shows it as 640 × 480. */
    hint?: "rotated" | "orientation";
    orientation?: number;
  };
  "photo.dpi": {
    /** The lowest density accepted, in dpi. */
    expected: number;
    /** The density found, in dpi; `null` when the file records none. */
    received: number | null;
    source: "jfif" | "exif" | "jfif+exif" | null;
  };
  "photo.color-depth": {
    expected: ColorDepth;
    received: ColorDepth;
    colorModel: ColorModel;
  };
  "photo.file-size": {
    /** The file's size in bytes. */
    received: number;
    /** The smallest and largest sizes accepted, in bytes. */
    min: number;
    max: number;
  };
  "photo.file-size-units": {
    /** The file's size in bytes. */
    received: number;
    /** The bounds in bytes reading K as 1024 bytes ([decision], what `photo.file-size` enforces). */
    kib: { min: number; max: number };
    /** The same bounds reading K as 1000 bytes, as many tools count: the size lies between the two readings. */
    kb: { min: number; max: number };
  };
  "photo.trailer": {
    /** Bytes after the end-of-image marker (FF D9), where phone cameras append their own data. */
    bytes: number;
  };
  "photo.file-name": {
    received: string;
    reason: "extension" | "stem" | "student";
    /** The names the file may have: `<ID number>.jpg` and `<student number>.jpg`; empty without a student. */
    expected: readonly string[];
    suggestion?: string;
  };
  "photo.quality": { expected: number; received: number };
  "photo.edited": { received: string; editor: string };
  "photo.background": {
    reason: "colour" | "uniformity";
    expected: Rgb;
    received: Rgb;
    distance: number;
    deviation: number;
    spread: number;
  };
  "photo.orphan": { received: string; namedBy: PhotoNaming; suggestion?: string; studentNumber?: string };
  "photo.duplicate": { received: readonly string[] };
  "photo.admission-year": { namedBy: "id-number" } | { expected: number; received: number };
  // ---- Rosters (3.1) ----------------------------------------------------------------------------
  "roster.unreadable-row": {
    reason: RowProblem;
    /**
     * `ragged`: the header's cell count; `oversized`: the longest cell accepted; `too-long`: the
     * longest record accepted (characters); `too-many-cells`: the most cells accepted.
     */
    expected?: number;
    /** `ragged`, `too-many-cells`: the row's cell count; `oversized`, `too-long`: its length. */
    received?: number;
    /** `unparseable`: the file line where the parser stopped. */
    line?: number;
  };
  /** A quote opened a CSV cell and ran over line breaks: the file lines it had swallowed. */
  "roster.stray-quote": { line: number; lastLine: number; lines: number };
  /**
   * An ID number that a spreadsheet stored as a number (a number cell, or `1.10108E+17` in a CSV):
   * `received` as it came (the number's digits, or the text). Digits past the 15th are lost.
   */
  "roster.id-as-number": { received: string };
  "roster.unreadable": {
    reason: RosterProblem;
    format: RosterFormat;
    /** `json`: the line of the syntax error, when known. */
    line?: number;
  };
  "roster.too-large": {
    /** The bound passed (the option of `readRoster`'s `limits` that sets it). */
    limit: RosterLimitName;
    /** The bound. */
    expected: number;
    /** How much there was (at least), when known. */
    received?: number;
  };
  "roster.no-header": { searched: number };
  "roster.columns-missing": {
    /** Each required column missing: its key (api.md) and the status system's header. */
    missing: readonly { key: string; header: string }[];
    /** The header row read. */
    row: number;
    /** The sheet read, for a workbook. */
    sheet?: string;
  };
  "roster.empty": {
    /** The header row, when one was found. */
    header?: number;
  };
  "roster.sheet-missing": {
    /** The sheet asked for: a name, or a 1-based index. */
    received: string | number;
    /** The workbook's sheets (the first 20). */
    sheets: readonly string[];
    /** How many sheets the workbook has. */
    count: number;
  };
}

/** Every stable finding code, as a union: a `switch` over it is checked by the compiler. */
export type FindingCode = keyof FindingParams;

/** The params of a code that has nothing to say beyond its title. */
// biome-ignore lint/complexity/noBannedTypes: an empty object is exactly the shape of these params
export type Empty = {};

/** Why the birth date of an ID number is refused (3.1). */
export type BirthDateProblem = "nonexistent" | "too-early" | "future" | "too-young";

/** Why a name's characters are refused (3.1). */
export type NameProblem = "mixed-script" | "dot" | "separator";

/** Params of the origin's form findings: what was typed (cut to 200 characters) and the one complete name that fits. */
export interface OriginParams {
  received: string;
  suggestion?: string;
}

/**
 * Params of `origin.not-in-force` (3.3 [decision]): a full form of another edition of the divisions.
 * `received` what was typed, `asOf` the day whose divisions apply (absent: the newest edition),
 * `suggestion` the form in force then, and what changed — a rename, a creation or an abolition — with
 * its date (`YYYY-MM-DD`, in force from that day on), the units' own names and codes.
 */
export type OriginChangeParams = {
  received: string;
  asOf?: string;
  suggestion?: string;
} & (
  | { renamed: { from: string; to: string; date: string; fromCode: string; toCode: string } }
  | { created: { name: string; code: string; date: string } }
  | { abolished: { name: string; code: string; date: string; successor?: string } }
);

/** Params of the evidence findings (3.1.1, 3.1.2): the groups needed (one document of each), those missing, those given. */
export interface EvidenceParams {
  /** The groups of documents needed: one document of each group (a group lists the kinds that can stand for each other). */
  expected: readonly (readonly Evidence[])[];
  /** The groups of which no document was given. */
  missing: readonly (readonly Evidence[])[];
  /** The documents given. */
  received: readonly Evidence[];
}

/**
 * Params of the duplicate findings: the shared value, how often and where it occurs. `indices` are
 * 0-based positions in the input (the registrations of `checkBatch`), `rows` spreadsheet rows when
 * known; both name the first few occurrences only, `count` all of them.
 */
export interface Duplicate {
  received: string;
  /** How many entries share it. */
  count: number;
  /** The first few of them (at most 5, `DUPLICATES_NAMED`), 0-based. */
  indices: readonly number[];
  /** Their spreadsheet rows, when the entries come from a roster. */
  rows?: readonly number[];
}

/**
 * Params of `registration.tampered` (2), by what a replay of the history found:
 * - `step`: an entry the machine would not have written (wrong from, to or actor);
 * - `window`: an event dated outside the batch's window (2.1);
 * - `order`: an event dated before the one recorded before it;
 * - `precondition`: an event whose guard would have refused it then (`code`: that guard's finding),
 *   such as a second review or the review of an invalid origin (3.3.3);
 * - `state`, `conclusion`, `certificate-number`, `origin`: a stored field that the history does
 *   not lead to;
 * - `batch`: the registration's batch differs from the batch of the same id it claims (a widened
 *   window, another date).
 */
export type TamperParams =
  | {
      reason: "step";
      event: EventType;
      expected: { from: State; to: State | null; actor: Role | readonly Role[] };
      received: { from: State; to: State; actor: Role };
    }
  | { reason: "window"; event: EventType; received: string; opensAt: string; closesAt: string }
  | { reason: "order"; event: EventType; received: string; expected: string }
  | { reason: "precondition"; event: EventType; code: FindingCode }
  | { reason: "state"; expected: State; received: State }
  | {
      reason: "conclusion";
      expected: Conclusion | readonly Conclusion[] | null;
      received: Conclusion | null;
    }
  | { reason: "certificate-number"; expected: string | null; received: string | null }
  | {
      reason: "origin";
      expected: { value: string; reviewed: boolean };
      received: { value: string; reviewed: boolean };
    }
  | { reason: "batch"; id: string; fields: readonly string[] };

/** Why a registration is refused as tampered with (2). */
export type TamperReason = TamperParams["reason"];

/** A photo's size in pixels (`photo.dimensions`, 5.3.3: 480 × 640). */
export interface Dimensions {
  width: number;
  height: number;
}

/** A photo's colour depth (`photo.color-depth`, 5.3.3: 24-bit colour is 3 components of 8 bits). */
export interface ColorDepth {
  /** Colour components: 1 grayscale, 3 colour, 4 CMYK or YCCK. */
  components: number;
  bitsPerSample: number;
}

/** Why a photo could not be read. */
export type UnreadableReason =
  // The bytes
  | "empty"
  | "not-bytes"
  | "unknown-format"
  | "decode-failed"
  // The JPEG structure (see src/photo/jpeg.ts)
  | "truncated"
  | "marker-expected"
  | "segment-length"
  | "end-before-frame"
  | "no-frame"
  | "bad-frame"
  | "bad-quantization-table"
  | "no-quantization-table"
  | "no-end-marker"
  | "unsupported-frame"
  | "unexpected-marker"
  | "bad-huffman-table"
  | "no-huffman-table"
  | "bad-scan"
  // The file system
  | "link-outside-folder"
  | "broken-link"
  | "not-a-file"
  | "ENOENT"
  | "EACCES"
  | "EPERM"
  | "EISDIR"
  | "ENOTDIR"
  | "ELOOP"
  | "EMFILE"
  | "read-failed";

/**
 * What a value should have been, for `schema.invalid`: a JSON type, a format (`date`:
 * `YYYY-MM-DD`; `instant`: ISO 8601 with an offset), or a named shape of this library.
 */
export type SchemaExpectation =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "object"
  | "array"
  | "date"
  | "instant"
  | "Student"
  | "Batch"
  | "Registration"
  | "RegistrationForm"
  | "OriginFacts"
  | "Origin";

/** Params of `schema.invalid`; every field is optional, the finding's path says where. */
export interface SchemaParams {
  /** zod's issue code when a schema found it (`invalid_type`, `too_small` …). */
  issue?: string;
  expected?: SchemaExpectation;
  /** The values the field may take, when it takes one of a list. */
  values?: readonly (string | number | boolean)[];
  /**
   * What was there: a value's type name (`"undefined"`, `"number"`, `"null"`) for a wrong type, or
   * the value itself for a wrong value.
   */
  received?: unknown;
  /**
   * For a wrong type, the value itself when it is text, a number or a yes/no (text cut to 200
   * characters): `received: "string", value: "二〇一九"` for a year written in words.
   */
  value?: string | number | boolean;
  /** Bounds of a number, or of a string's length: the lower one. */
  minimum?: number;
  /** The upper bound of a number, or of a string's length. */
  maximum?: number;
  /**
   * `unreadable`: the record could not be read at all (a getter that throws, a hostile proxy);
   * `order`: the window closes before it opens.
   */
  reason?: "unreadable" | "order";
}

/**
 * Why a roster row could not be read: `ragged` (more or fewer cells than the header), `unparseable`
 * (a JSON element that is not an object), `encoding` (bytes in another encoding than the file's),
 * `oversized` (a cell longer than any field), `too-long` (a CSV record longer than any row),
 * `too-many-cells` (more cells than a sheet can have).
 */
export type RowProblem = "ragged" | "unparseable" | "encoding" | "oversized" | "too-long" | "too-many-cells";

/**
 * Why a roster file could not be read at all: `binary` (neither text nor a workbook), `corrupt` (a
 * workbook or zip that cannot be opened), `encrypted` (a workbook with an opening password),
 * `json` (a JSON syntax error), `json-shape` (JSON that is not an array of students).
 */
export type RosterProblem = "binary" | "corrupt" | "encrypted" | "json" | "json-shape";

/** The file formats of a roster. */
export type RosterFormat = "csv" | "tsv" | "xlsx" | "xls" | "json";

/** The bounds of reading a roster, by their option's name (`RosterLimits`); `zipEntries` is fixed. */
export type RosterLimitName = "maxFileBytes" | "maxInflatedBytes" | "maxXlsBytes" | "maxRows" | "zipEntries";
