import type { Role } from "../../core/vocabulary.js";
import type {
  Duplicate,
  EvidenceParams,
  SchemaExpectation,
  SchemaParams,
  UnreadableReason,
} from "../params.js";
import type { LocaleTable } from "../text.js";
import { idTexts } from "./id.js";

/**
 * Where a duplicate occurs: spreadsheet rows when known, else entries numbered from 1 (`indices`
 * are 0-based); the count and "…" when there are more than those named.
 */
const where = (p: Duplicate): string => {
  const list = (p.rows ?? p.indices.map((i) => i + 1)).join(", ");
  return p.count > p.indices.length ? `${p.count} times: rows ${list}, …` : `rows ${list}`;
};
/** A size bound: in K (of 1024 bytes) when it is a whole number of K, else as a plain number. */
const enK = (bytes: number): string => (bytes % 1024 === 0 ? `${bytes / 1024} K` : String(bytes));
/** A value received, as a message shows it: a string as it is, anything else as JSON. */
const shown = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));
const roles = (v: Role | readonly Role[]): string => (typeof v === "string" ? v : v.join(" or "));
// What a value should be, for schema.invalid.
const EN_EXPECTED: Record<SchemaExpectation, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "yes or no",
  object: "an object",
  array: "a list",
  date: "a date YYYY-MM-DD",
  instant: "an ISO 8601 time with an offset, e.g. 2022-06-01T10:00:00+08:00",
  Student: "a student record",
  Batch: "a batch",
  Registration: "a registration",
  RegistrationForm: "a registration form",
  OriginFacts: "the facts of an origin",
  Origin: "an origin",
};
const EN_TYPE: Record<string, string> = {
  undefined: "nothing (missing)",
  null: "null",
  string: "text",
  number: "a number",
  boolean: "yes/no",
};
/** What schema.invalid says it received: the type's name for a wrong type, else the value. */
const enReceived = (p: SchemaParams): string | undefined => {
  const r = p.received;
  if (r === undefined) return undefined;
  // A value left out: the schema names its type, "undefined", whatever it expected.
  if (r === "undefined") return EN_TYPE.undefined;
  if (typeof r === "string" && Object.hasOwn(EN_TYPE, r) && p.values === undefined)
    return p.value === undefined ? EN_TYPE[r] : `${EN_TYPE[r]}, ${JSON.stringify(p.value)}`;
  return shown(r);
};

// Fields of a student record (api.md's Student) and of a batch, for schema.invalid: which field.
const EN_STUDENT_FIELD: Record<string, string> = {
  studentNumber: "student number",
  name: "name",
  sex: "sex",
  ethnicity: "ethnic group",
  id: "identity document",
  "id.type": "ID type",
  "id.number": "ID number",
  degreeLevel: "degree level",
  trainingUnit: "training unit",
  major: "major",
  supervisor: "supervisor",
  admissionYear: "admission year",
  batchId: "batch",
  origin: "origin",
  "origin.value": "origin",
  "origin.reviewed": "origin reviewed",
  photo: "photo",
  "photo.uploaded": "photo uploaded",
  "photo.fileName": "photo file name",
  study: "study",
  "study.creditsComplete": "credits complete",
  "study.requiredSegmentsComplete": "required segments complete",
  "study.thesisComplete": "thesis complete",
  "study.defense": "defense result",
  "study.defenseDate": "defense date",
  "study.withinMaxStudyPeriod": "within the maximum study period",
  "study.degreeCertificateExpected": "degree certificate expected",
  changes: "changes",
  "changes.name": "change of name",
  "changes.name.former": "former name",
  "changes.name.changedOn": "date of the change of name",
  "changes.name.evidence": "evidence of the change of name",
  "changes.ethnicity": "change of ethnic group",
  "changes.ethnicity.former": "former ethnic group",
  "changes.ethnicity.beforeAdmission": "ethnic group changed before admission",
  "changes.ethnicity.evidence": "evidence of the change of ethnic group",
  "changes.programOrUnit": "change of major or training unit",
  "changes.programOrUnit.approvedOn": "approval date of the change of major or unit",
  "changes.earlyGraduation": "early graduation",
  "changes.earlyGraduation.approved": "early graduation approved",
  documents: "documents",
  "documents.writtenExplanation": "written explanation",
  "documents.registrationApplicationForm": "registration application form",
  conclusion: "conclusion",
};
const EN_BATCH_KEYS = new Set([
  "id",
  "school",
  "schoolCode",
  "year",
  "sequence",
  "opensAt",
  "closesAt",
  "graduationDate",
  "registrationDate",
  "timeZone",
]);
/**
 * The field a schema.invalid path names: a student's field, a batch's (`The batch's closesAt`),
 * under a registration's `student` or `batch`. [decision] A path of one batch key is a batch's
 * (the two records share only `id`: a student's is an object, a batch's is text).
 */
const enField = (path: Readonly<(string | number)[]>, p: SchemaParams): string => {
  const keys = path.filter((k): k is string => typeof k === "string");
  const index = path.find((k): k is number => typeof k === "number");
  const item = index === undefined ? "" : ` (item ${index + 1})`;
  const [head, ...rest] = keys;
  const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  if (head === undefined) return p.expected === "Batch" ? "The batch" : "The record";
  if (head === "batch" && rest.length === 1 && EN_BATCH_KEYS.has(rest[0] as string))
    return `The batch's ${rest[0]}`;
  if (head === "student" && Object.hasOwn(EN_STUDENT_FIELD, rest.join(".")))
    return `The student's ${EN_STUDENT_FIELD[rest.join(".")]}${item}`;
  if (head === "event" && rest.join(".") === "conclusion") return "The conclusion";
  const key = keys.join(".");
  if (keys.length === 1 && EN_BATCH_KEYS.has(key) && (key !== "id" || p.expected !== "object"))
    return `The batch's ${key}`;
  if (Object.hasOwn(EN_STUDENT_FIELD, key)) return `${cap(EN_STUDENT_FIELD[key] as string)}${item}`;
  return `The field ${path.join(".")}`;
};

// Documents proving a change of name (3.1.1) or of ethnic group (3.1.2).
const EN_EVIDENCE: Record<string, string> = {
  "unit-endorsed-application": "the student's application, endorsed and stamped by the training unit",
  application: "the student's own application, without the training unit's opinion and seal",
  "police-certificate": "the police station's certificate of the change of name",
  "household-card-scan": "a colour scan of both sides of the household register card",
  "household-page-scan": "a colour scan of both sides of the household register page",
  "police-ethnicity-certificate": "the police station's certificate of the change of ethnic group",
  "id-card-scan": "a colour scan of both sides of the ID card",
};
const enDoc = (k: unknown): string =>
  typeof k === "string" && Object.hasOwn(EN_EVIDENCE, k) ? (EN_EVIDENCE[k] as string) : String(k);

/**
 * "missing A; B or C (provided: D)" from the groups missing and the documents given; a bare
 * application given where the unit-endorsed one is missing is said first (3.1.1).
 */
const enEvidence = (what: string, p: EvidenceParams): string => {
  const bare =
    p.received.includes("application") && p.missing.some((g) => g.includes("unit-endorsed-application"));
  const others = bare ? p.missing.filter((g) => !g.includes("unit-endorsed-application")) : p.missing;
  const parts = bare
    ? ["the student's application was given, but without the training unit's opinion and seal"]
    : [];
  if (others.length > 0) parts.push(`missing ${others.map((g) => g.map(enDoc).join(" or ")).join("; ")}`);
  const given = p.received.map(enDoc).join("; ");
  return `Evidence for the change of ${what} is incomplete: ${parts.join("; ")} (provided: ${given === "" ? "nothing" : given})`;
};
// Types of education, the 6th digit of a certificate number (2.2).
const EN_EDUCATION: Record<string, string> = {
  "1": "regular higher education",
  "5": "adult higher education",
  "6": "higher education self-study examinations",
  "7": "online education",
};
const enEducation = (d: string): string => (Object.hasOwn(EN_EDUCATION, d) ? (EN_EDUCATION[d] as string) : d);
/** " (suggestion: X)" when a suggestion is given. */
const enSuggestion = (s: string | undefined): string => (s === undefined ? "" : ` (suggestion: ${s})`);

// The defense results as a sentence reads them (1.1, 1.2).
const EN_DEFENSE: Record<string, string> = {
  passed: "was passed",
  failed: "was not passed",
  pending: "has not taken place yet",
};

/** English. */
export const en: LocaleTable = {
  ...idTexts.en,
  "name.empty": { title: "The name is empty" },
  "name.characters": {
    title: "The name contains characters that are not allowed",
    message: (p) =>
      p.reason === "too-long"
        ? `The name is too long: at most ${String(p.max)} characters, received ${String(p.length)}`
        : undefined,
  },
  "name.whitespace": { title: "The name contains extra spaces" },
  "name.missing-dot": {
    title: "The parts of a minority name are separated by the dot ·, not by a space",
    message: (p) =>
      `The name ${p.received} has a space between its parts: the name must match the ID card, where the parts of a minority name are separated by · (suggestion: ${p.suggestion})`,
  },
  "ethnicity.unknown": { title: "The ethnic group is not in the GB/T 3304 table" },
  "ethnicity.empty": { title: "The ethnic group is empty (only passport holders may leave it out)" },
  "ethnicity.renamed": { title: "The ethnic group has been renamed: use its current name" },
  "certificate.format": {
    title: "The certificate number has the wrong format (18 digits expected)",
    message: (p) => {
      if (p.reason === "pre-2002")
        return `The certificate number has 17 digits, the format of before 2002: 18 digits expected (received ${p.received})`;
      if (p.reason === "serial") return `The certificate number's serial cannot be ${p.received}`;
      if (p.reason === "education-type") {
        return `The certificate number's 6th digit (type of education) must be one of ${(p.expected ?? []).join(", ")} (received ${p.received})`;
      }
      if (p.reason === "not-a-string") return `The certificate number must be text (received ${p.received})`;
      return `The certificate number has the wrong format: 18 digits expected (received ${p.received})`;
    },
  },
  "certificate.school": { title: "The certificate number's school code does not match" },
  "certificate.education-type": {
    title:
      "The certificate number's type of education does not match (1, regular higher education, for graduates)",
    message: (p) =>
      `The certificate number's 6th digit (type of education) must be ${p.expected} (${enEducation(p.expected)}); received ${p.received} (${enEducation(p.received)})`,
  },
  "certificate.year": { title: "The certificate number's year does not match the graduation year" },
  "certificate.level": { title: "The certificate number's level does not match the student's" },
  "certificate.duplicate": {
    title: "The certificate number is used twice in this batch",
    message: (p) => `The certificate number ${p.received} is used more than once in this batch (${where(p)})`,
  },
  "schema.invalid": {
    title: "A field is missing or has the wrong type",
    message: (p, { path }) => {
      if (p.reason === "unreadable") return "The record cannot be read (reading a field failed)";
      if (p.reason === "order")
        return "The batch's closing time (closesAt) must come after its opening time (opensAt)";
      const parts: string[] = [];
      const text = p.expected === "string";
      if (p.values !== undefined) parts.push(`expected one of ${p.values.map(shown).join(", ")}`);
      else if (p.expected !== undefined && !(text && (p.minimum ?? p.maximum) !== undefined)) {
        parts.push(`expected ${EN_EXPECTED[p.expected] ?? p.expected}`);
      }
      if (p.minimum !== undefined)
        parts.push(text ? `at least ${p.minimum} characters` : `at least ${p.minimum}`);
      if (p.maximum !== undefined)
        parts.push(text ? `at most ${p.maximum} characters` : `at most ${p.maximum}`);
      const received = enReceived(p);
      if (received !== undefined) parts.push(`received ${received}`);
      const field = enField(path, p);
      return parts.length === 0
        ? `${field} is missing or has the wrong type`
        : `${field} is missing or has the wrong type (${parts.join("; ")})`;
    },
  },
  "origin.empty": { title: "The origin is empty" },
  "origin.format": { title: "The origin is not written in an accepted form" },
  "origin.levels": { title: "The origin must name province, prefecture and county" },
  "origin.unknown": { title: "The origin is not a current administrative division" },
  "origin.mismatch": { title: "The county is not in the named prefecture" },
  "origin.not-in-force": {
    title: "The origin names a division of another edition (renamed, created or abolished)",
    message: (p) => {
      const asOf = p.asOf === undefined ? "in force" : `as of ${p.asOf}`;
      const head = `The origin ${p.received} is not among the divisions ${asOf}: `;
      const tail = enSuggestion(p.suggestion);
      if ("renamed" in p) {
        const r = p.renamed;
        return p.asOf !== undefined && p.asOf < r.date
          ? `${head}${r.to} took that name on ${r.date} (it was ${r.from} until then)${tail}`
          : `${head}${r.from} was renamed ${r.to} on ${r.date}${tail}`;
      }
      if ("created" in p) return `${head}${p.created.name} was created on ${p.created.date}${tail}`;
      if ("abolished" in p) {
        const a = p.abolished;
        return `${head}${a.name} was abolished on ${a.date}${a.successor === undefined ? "" : ` (merged into ${a.successor})`}${tail}`;
      }
      return undefined;
    },
  },
  "origin.statistical-only": {
    title: "The origin is a unit of the statistical list, not of GB/T 2260",
    message: (p) =>
      `The origin ${p.received} is a unit of the statistical division list (${p.code}), not of GB/T 2260 as published by the Ministry of Civil Affairs: accepted, but the dispatch system may refuse it`,
  },
  "origin.not-reviewed": { title: "The origin has not been reviewed; review it before staging" },
  "origin.locked": {
    title: "The registration is staged or submitted: the origin can no longer change",
    message: (p) =>
      p.stagedAt === undefined
        ? undefined
        : `The registration was staged on ${p.stagedAt}: its origin stays locked, even after unstaging`,
  },
  "origin.review-first": { title: "The origin is reviewed: unit staff must withdraw the review first" },
  "origin.reviewer": {
    title: "Only unit staff may review the origin, and only a valid one",
    message: (p) =>
      `Only unit staff may review the origin (${p.event} is for ${roles(p.expected)}, not ${p.received})`,
  },
  "origin.undetermined": { title: "The facts given do not determine the origin" },
  "origin.local-policy": {
    title: "The household moved into the school's collective: local policy decides the origin",
  },
  "transition.illegal": {
    title: "This event is not allowed in the current state",
    message: (p) => {
      if (!("event" in p))
        return `This event is not allowed in the current state (received ${shown(p.received)})`;
      if (typeof p.expected === "boolean") {
        return p.expected
          ? `The origin is not reviewed: ${p.event} is not possible`
          : `The origin is already reviewed: ${p.event} is not possible`;
      }
      return `A ${p.received} registration cannot ${p.event} (only a ${p.expected} one can)`;
    },
  },
  "transition.role": {
    title: "This role may not perform this event",
    message: (p) => `${p.event} is for ${roles(p.expected)}, not ${p.received}`,
  },
  "transition.out-of-order": {
    title: "The event is dated before the last one recorded",
    message: (p) =>
      `${p.event} is dated before the last event recorded (last ${p.expected}; received ${p.received})`,
  },
  "window.closed": {
    title: "Outside the registration window",
    message: (p) => `Outside the registration window [${p.opensAt}, ${p.closesAt}) (received ${p.received})`,
  },
  "photo.missing": { title: "No graduation-stage electronic photo has been uploaded" },
  "study.incomplete": {
    title: "Credits, required segments or thesis incomplete: the student cannot be registered",
  },
  "conclusion.ineligible": {
    title: "The conclusion does not fit the defense result or the study period",
    message: (p) =>
      p.reason === "study-period"
        ? "The maximum study period is exceeded: the student cannot be registered in this batch"
        : `The defense ${Object.hasOwn(EN_DEFENSE, String(p.received)) ? EN_DEFENSE[String(p.received)] : `is ${String(p.received)}`}: ${p.expected === "passed" ? "graduation" : "completion"} needs a ${String(p.expected)} defense${p.suggestion === undefined ? "" : `; register ${String(p.suggestion)} instead`}`,
  },
  "batch.mismatch": { title: "The student is not due in this batch and must not be staged" },
  "student-number.characters": {
    title: "The student number contains invisible or control characters",
    message: (p) =>
      `The student number contains invisible or control characters (${p.characters.join(", ")}): delete them and type it again (received ${p.received})`,
  },
  "completion.explanation-missing": { title: "A completion registration needs a written explanation" },
  "name-change.evidence": {
    title: "Evidence for the change of name is incomplete",
    message: (p) => enEvidence("name", p),
  },
  "ethnicity-change.evidence": {
    title: "Evidence for the change of ethnic group is incomplete",
    message: (p) => enEvidence("ethnic group", p),
  },
  "ethnicity-change.before-admission": {
    title: "An ethnic group changed before admission is handled by the admissions office",
  },
  "program-change.too-late": {
    title: "The change of major or training unit was not approved 6 months before the defense",
    message: (p) =>
      p.defenseDate === null
        ? `The change of major or training unit was approved on ${p.approvedOn}, but there is no defense date to show it was 6 months before`
        : `The change of major or training unit was approved on ${p.approvedOn}, less than 6 months before the defense on ${p.defenseDate} (the earliest defense date would be ${p.earliestDefenseDate})`,
  },
  "early-graduation.not-approved": { title: "Early graduation has not been approved" },
  "application-form.missing": {
    title: "Graduating without both certificates needs a registration application form",
  },
  "registration.tampered": {
    title: "The registration does not match its own history (tampered with or corrupted)",
    message: (p) => {
      switch (p.reason) {
        case "step":
          return `The registration does not match its own history: the step ${p.event} cannot have happened (expected ${p.expected.from} → ${p.expected.to ?? "(none)"} by ${roles(p.expected.actor)}; recorded ${p.received.from} → ${p.received.to} by ${p.received.actor})`;
        case "window":
          return `The registration does not match its own history: ${p.event} is recorded at ${p.received}, outside the window [${p.opensAt}, ${p.closesAt})`;
        case "order":
          return `The registration does not match its own history: ${p.event} is recorded at ${p.received}, before the step before it (${p.expected})`;
        case "precondition":
          return `The registration does not match its own history: ${p.event} could not have happened then (${en[p.code].title})`;
        case "batch":
          return `The registration's batch ${p.id} differs from that batch's settings (${p.fields.join(", ")} changed)`;
        default:
          return undefined;
      }
    },
  },
  "batch.duplicate-id": {
    title: "The ID number appears twice in this batch",
    message: (p) => `The ID number ${p.received} appears more than once in this batch (${where(p)})`,
  },
  "batch.duplicate-student-number": {
    title: "The student number appears twice in this batch",
    message: (p) => `The student number ${p.received} appears more than once in this batch (${where(p)})`,
  },
  "batch.duplicate-name": {
    title: "Students share a name: write the student number on the back of the paper photo",
    message: (p) =>
      `Students share the name ${p.received} (${where(p)}): write the student number on the back of the paper photo`,
  },
  "form.seal": { title: "The form needs the institute's official seal, not a department's" },
  "form.signature": { title: "The form is not signed by the unit's reviewer" },
  "form.upload-window": {
    title: "The form must be uploaded inside the registration window",
    message: (p) =>
      `The form must be uploaded inside the registration window [${String(p.opensAt)}, ${String(p.closesAt)}) (received ${String(p.received)})`,
  },
  "form.head-count": { title: "The form's head count differs from the submitted registrations" },
  "photo.unreadable": {
    title: "The photo cannot be read",
    message: (p) => {
      const reasons: Record<UnreadableReason, string> = {
        empty: "the file is empty",
        "unknown-format": "its bytes are no image format",
        truncated: "the file is cut off inside its header",
        "no-end-marker": "the file is cut off (no end-of-image marker)",
        "marker-expected": "the JPEG structure is corrupt",
        "segment-length": "the JPEG structure is corrupt",
        "end-before-frame": "the JPEG ends before its image header",
        "no-frame": "the JPEG has no image header (SOF)",
        "bad-frame": "the JPEG image header (SOF) is corrupt",
        "bad-quantization-table": "a JPEG quantization table is corrupt",
        "no-quantization-table": "the JPEG has no quantization table",
        "unsupported-frame":
          "the JPEG uses lossless, hierarchical or arithmetic coding, which common decoders cannot open",
        "unexpected-marker": "the JPEG holds a marker that does not belong there",
        "bad-huffman-table": "a JPEG Huffman table is corrupt",
        "no-huffman-table": "the JPEG lacks a Huffman table it needs",
        "bad-scan": "the JPEG scan header (SOS) is corrupt",
        "decode-failed": "its pixels do not decode",
        "not-bytes": "no bytes were given",
        "link-outside-folder": "it is a link to a file outside the folder",
        "broken-link": "it is a broken link",
        "not-a-file": "it is not a regular file",
        ENOENT: "the file does not exist",
        EACCES: "permission denied",
        EPERM: "permission denied",
        EISDIR: "it is a folder",
        ENOTDIR: "it is not a folder",
        ELOOP: "its links form a loop",
        EMFILE: "too many files are open",
        "read-failed": "the file system reported an error",
      };
      const why = Object.hasOwn(reasons, p.reason) ? reasons[p.reason] : String(p.reason);
      return `The photo cannot be read: ${why}`;
    },
  },
  "photo.format": { title: "The photo is not a JPEG" },
  "photo.dimensions": {
    title: "The photo must be 480 × 640 pixels",
    message: (p) => {
      const want = `${p.expected.width} × ${p.expected.height}`;
      const received = `${p.received.width}×${p.received.height}`;
      if (p.hint === "rotated") return `The photo must be ${want} pixels (received ${received}: rotated?)`;
      if (p.hint === "orientation") {
        return `The photo must be ${want} pixels (its EXIF orientation ${String(p.orientation)} shows it as ${p.expected.height} × ${p.expected.width}: rotate the pixels and drop the tag)`;
      }
      return `The photo must be ${want} pixels (received ${received})`;
    },
  },
  "photo.dpi": {
    title: "The photo's density must be at least 300 dpi",
    message: (p) =>
      p.received === null
        ? `The photo records no density (JFIF or EXIF); it must be at least ${p.expected} dpi`
        : `The photo's density must be at least ${p.expected} dpi (received ${p.received} dpi)`,
  },
  "photo.color-depth": {
    title: "The photo must be 24-bit true colour",
    message: (p) =>
      `The photo must be 24-bit true colour (${p.expected.components} channels × ${p.expected.bitsPerSample} bits; received ${p.received.components} × ${p.received.bitsPerSample} bits, ${p.colorModel})`,
  },
  "photo.file-size": {
    title: "The photo must be between 18 K and 40 K bytes",
    // The bounds in K (of 1024 bytes) when they are whole K, as the default 18 K and 40 K are.
    message: (p) =>
      `The photo must be between ${enK(p.min)} and ${enK(p.max)} bytes (expected ${p.min}–${p.max} bytes; received ${p.received} bytes)`,
  },
  "photo.file-size-units": {
    title: "The photo's size passes or fails depending on whether 1 K is 1024 or 1000 bytes",
    message: (p) => {
      const low = p.received < p.kib.min;
      const k = (low ? p.kib.min : p.kib.max) / 1024;
      return low
        ? `The photo is ${p.received} bytes: under ${k} K counting 1 K as 1024 bytes, but at least ${k} K counting 1 K as 1000 bytes; a stricter uploader may refuse it`
        : `The photo is ${p.received} bytes: within ${k} K counting 1 K as 1024 bytes, but over ${k} K counting 1 K as 1000 bytes; a stricter uploader may refuse it`;
    },
  },
  "photo.trailer": {
    title: "The photo has extra data after its end-of-image marker",
    message: (p) =>
      `The photo has ${p.bytes} bytes of extra data after its end-of-image marker (FF D9), as phone cameras write; a stricter uploader may refuse it`,
  },
  "photo.file-name": {
    title: "The photo must be named by ID number or student number and nothing else",
    message: (p) => {
      const parts: string[] = [];
      if (p.expected.length > 0) parts.push(`expected ${p.expected.join(" or ")}`);
      parts.push(`received ${p.received}`);
      if (p.suggestion !== undefined) parts.push(`suggestion ${p.suggestion}`);
      return `The photo must be named by ID number or student number and nothing else (${parts.join("; ")})`;
    },
  },
  "photo.quality": {
    title: "The photo's JPEG quality is below 60",
    message: (p) =>
      `The photo's JPEG quality is below ${p.expected} (expected ≥ ${p.expected}; received ${p.received})`,
  },
  "photo.edited": {
    title: "The photo appears to have been edited or beautified",
    message: (p) =>
      `The photo appears to have been edited or beautified (its EXIF names ${p.editor}: "${p.received}")`,
  },
  "photo.background": {
    title: "The photo's background is not a uniform light blue",
    message: (p) => {
      const mean = `RGB (${p.received.join(", ")})`;
      const ref = `(${p.expected.join(", ")})`;
      return p.reason === "uniformity"
        ? `The photo's background is not uniform (colour varies by ${p.deviation}, its edges differ by ${p.spread})`
        : `The photo's background is not light blue (border mean ${mean}, reference ${ref}, distance ${p.distance})`;
    },
  },
  "photo.orphan": { title: "The photo's file name matches no student" },
  "photo.duplicate": { title: "One student has more than one photo file" },
  "photo.admission-year": {
    title: "Photos named by ID number need the admission year chosen",
    message: (p) =>
      "namedBy" in p
        ? undefined
        : `The admission year differs from the one chosen for the upload (expected ${p.expected}; received ${p.received})`,
  },
  "roster.unreadable-row": {
    title: "This roster row cannot be read",
    message: (p) => {
      if (p.reason === "ragged")
        return `This roster row cannot be read: its cells do not match the header (${String(p.expected)} columns in the header, ${String(p.received)} in the row)`;
      if (p.reason === "encoding")
        return "This roster row cannot be read: it is in another encoding than the rest of the file (GB18030 inside UTF-8?)";
      if (p.reason === "oversized")
        return `This roster row cannot be read: a cell is too long (at most ${String(p.expected)} characters, received ${String(p.received)})`;
      if (p.reason === "too-long")
        return `This roster row cannot be read: the row is too long (at most ${String(p.expected)} characters, received ${String(p.received)}); it was skipped`;
      if (p.reason === "too-many-cells")
        return `This roster row cannot be read: it has too many cells (at most ${String(p.expected)}, received ${String(p.received)}); it was skipped`;
      if (p.line === undefined)
        return "This roster entry cannot be read: it is not a student record (expected an object)";
      return `This roster row cannot be read: a CSV syntax error near line ${p.line}, such as an unclosed quote`;
    },
  },
  "roster.stray-quote": {
    title: "A cell's quote is never closed: the lines after it were read as one row",
    message: (p) =>
      `A cell on line ${p.line} opens a quote that is never closed: file lines ${p.lines === 1 ? p.line : `${p.line}–${p.lastLine}`} (${p.lines} line${p.lines === 1 ? "" : "s"}) were read as one row; the quote was taken as a character and each line read again as its own row. Remove the stray quote`,
  },
  "roster.id-as-number": {
    title: "The ID number was stored as a number: the digits past the 15th are lost",
    message: (p) =>
      `The ID number was stored as a number by Excel (received ${p.received}): Excel keeps 15 significant digits, so the digits past the 15th are already lost and cannot be recovered from this file. Format the ID number column as Text, then type these ID numbers again (or export them again from the status system)`,
  },
  "roster.unreadable": {
    title: "The roster file cannot be read",
    message: (p) => {
      const what = EN_ROSTER_FORMAT[p.format] ?? "file";
      if (p.reason === "binary")
        return "The roster file cannot be read: it is neither text nor an Excel workbook (wrong file type or extension?)";
      if (p.reason === "encrypted")
        return `The roster file cannot be read: the ${what} is protected by a password; remove the password and save it again`;
      if (p.reason === "json")
        return `The roster file cannot be read: a JSON syntax error${p.line === undefined ? "" : ` on line ${p.line}`}`;
      if (p.reason === "json-shape")
        return 'The roster file cannot be read: a JSON roster is an array of students, or { "students": [...] }';
      return `The roster file cannot be read: the ${what} is damaged or incomplete`;
    },
  },
  "roster.too-large": {
    title: "The roster file is too large and was not checked",
    message: (p) => {
      if (p.limit === "maxRows")
        return `The roster has more than ${p.expected} rows${p.received === undefined ? "" : ` (${p.received})`} and was not checked; split it into several files`;
      if (p.limit === "maxInflatedBytes")
        return `The workbook inflates to more than ${enBytes(p.expected)}${p.received === undefined ? "" : ` (at least ${enBytes(p.received)})`} and was not checked`;
      if (p.limit === "maxXlsBytes")
        return `The Excel 97-2003 workbook (.xls) is larger than ${enBytes(p.expected)}${p.received === undefined ? "" : ` (${enBytes(p.received)})`} and was not checked; save it as .xlsx or CSV`;
      if (p.limit === "zipEntries")
        return `The workbook has too many parts (${p.received === undefined ? "" : `${p.received}, `}at most ${p.expected}) and was not checked`;
      return `The roster file is larger than ${enBytes(p.expected)}${p.received === undefined ? "" : ` (${enBytes(p.received)})`} and was not checked`;
    },
  },
  "roster.no-header": {
    title: "No header row was found in the roster",
    message: (p) =>
      `No header row in the roster's first ${p.searched} rows (a header names the columns: 学号, 姓名, 证件号码 …)`,
  },
  "roster.columns-missing": {
    title: "The roster lacks required columns",
    message: (p) =>
      `The roster lacks required columns: ${p.missing.map((m) => `${m.header} (${m.key})`).join(", ")} (${p.row > 0 ? `header on row ${p.row}, ` : ""}${p.sheet === undefined ? "" : `sheet "${p.sheet}", `}see docs/roster.md)`,
  },
  "roster.empty": {
    title: "The roster has no students",
    message: (p) =>
      p.header === undefined
        ? "The roster is empty: no header, no students"
        : `The roster has no students: no data rows after the header (row ${p.header})`,
  },
  "roster.sheet-missing": {
    title: "The workbook has no such sheet",
    message: (p) =>
      `The workbook has no ${typeof p.received === "number" ? `sheet number ${p.received}` : `sheet named "${p.received}"`} (${p.count} sheet${p.count === 1 ? "" : "s"}: ${p.sheets.map((n) => `"${n.slice(0, 40)}"`).join(", ")}${p.count > p.sheets.length ? ", …" : ""})`,
  },
};

// Roster files in messages.
const EN_ROSTER_FORMAT: Record<string, string> = {
  csv: "CSV file",
  tsv: "text file",
  xlsx: "Excel workbook (.xlsx)",
  xls: "Excel 97-2003 workbook (.xls)",
  json: "JSON file",
};

/** A size in bytes: MiB from 1 MiB up. */
function enBytes(n: number): string {
  const mib = n / (1024 * 1024);
  if (mib < 1) return `${n} bytes`;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
