import type { Role } from "../../core/vocabulary.js";
import type {
  Duplicate,
  EvidenceParams,
  SchemaExpectation,
  SchemaParams,
  UnreadableReason,
} from "../params.js";
import type { LocaleTable } from "../text.js";

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
const EN_TYPE: Record<string, string> = { undefined: "nothing (missing)", null: "null" };
/** What schema.invalid says it received: the type's name for a wrong type, else the value. */
const enReceived = (p: SchemaParams): string | undefined => {
  const r = p.received;
  if (r === undefined) return undefined;
  if (typeof r === "string" && Object.hasOwn(EN_TYPE, r) && p.values === undefined) return EN_TYPE[r];
  return shown(r);
};

// Documents proving a change of name (3.1.1) or of ethnic group (3.1.2).
const EN_EVIDENCE: Record<string, string> = {
  "unit-endorsed-application": "the student's application, endorsed and stamped by the training unit",
  "police-certificate": "the police station's certificate of the change of name",
  "household-card-scan": "a colour scan of both sides of the household register card",
  "household-page-scan": "a colour scan of both sides of the household register page",
  "police-ethnicity-certificate": "the police station's certificate of the change of ethnic group",
  "id-card-scan": "a colour scan of both sides of the ID card",
};
const enDoc = (k: unknown): string =>
  typeof k === "string" && Object.hasOwn(EN_EVIDENCE, k) ? (EN_EVIDENCE[k] as string) : String(k);

/** "missing A; B or C (provided: D)" from the groups missing and the documents given. */
const enEvidence = (what: string, p: EvidenceParams): string => {
  const missing = p.missing.map((g) => g.map(enDoc).join(" or ")).join("; ");
  const given = p.received.map(enDoc).join("; ");
  return `Evidence for the change of ${what} is incomplete: missing ${missing} (provided: ${given === "" ? "nothing" : given})`;
};

// The defense results as a sentence reads them (1.1, 1.2).
const EN_DEFENSE: Record<string, string> = {
  passed: "was passed",
  failed: "was not passed",
  pending: "has not taken place yet",
};

/** English. */
export const en: LocaleTable = {
  "id.format": {
    title: "The identity document number has the wrong format",
    message: (p) => {
      const shapes: Record<string, string> = {
        resident: "18 characters: 17 digits and a check digit or X, or a legacy 15-digit number",
        "resident-15": "15 digits, or its upgraded 18-character form",
        "hk-macao-permit": "H or M and 8 digits (old cards add a 2-digit renewal count)",
        "taiwan-permit": "8 digits",
        passport: "5 to 17 letters or digits",
      };
      const want = p.type === undefined ? undefined : shapes[p.type];
      return `The identity document number has the wrong format (${want ? `expected ${want}; ` : ""}received ${p.received})`;
    },
  },
  "id.checksum": { title: "The ID number's check character is wrong" },
  "id.birth-date": {
    title: "The birth date in the ID number is not valid",
    message: (p) => {
      const d = p.received;
      if (p.reason === "nonexistent") return `The birth date ${d} in the ID number does not exist`;
      if (p.reason === "future") return `The birth date ${d} in the ID number lies in the future`;
      if (p.reason === "too-young") {
        return `The birth date ${d} in the ID number makes the holder younger than ${String(p.minAge)}`;
      }
      return `The birth date ${d} in the ID number is before 1900`;
    },
  },
  "id.region": { title: "The ID number's region code is not valid" },
  "id.legacy": { title: "Legacy 15-digit ID number, upgraded to 18 digits" },
  "id.sex-mismatch": {
    title: "The sex does not match the ID number",
    message: (p) =>
      `The sex does not match the ID number (its 17th digit says ${p.expected}, the record says ${p.received})`,
  },
  "name.empty": { title: "The name is empty" },
  "name.characters": {
    title: "The name contains characters that are not allowed",
    message: (p) =>
      p.reason === "too-long"
        ? `The name is too long: at most ${String(p.max)} characters, received ${String(p.length)}`
        : undefined,
  },
  "name.whitespace": { title: "The name contains extra spaces" },
  "ethnicity.unknown": { title: "The ethnic group is not in the GB/T 3304 table" },
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
  "certificate.year": { title: "The certificate number's year does not match the graduation year" },
  "certificate.level": { title: "The certificate number's level does not match the student's" },
  "certificate.duplicate": {
    title: "The certificate number is used twice in this batch",
    message: (p) => `The certificate number ${p.received} is used more than once in this batch (${where(p)})`,
  },
  "schema.invalid": {
    title: "A student field is missing or has the wrong type",
    message: (p) => {
      if (p.reason === "unreadable") return "The record cannot be read (reading a field failed)";
      if (p.reason === "order") return "The batch's window must close after it opens";
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
      return parts.length === 0
        ? undefined
        : `A student field is missing or has the wrong type (${parts.join("; ")})`;
    },
  },
  "origin.empty": { title: "The origin is empty" },
  "origin.format": { title: "The origin is not written in an accepted form" },
  "origin.levels": { title: "The origin must name province, prefecture and county" },
  "origin.unknown": { title: "The origin is not a current administrative division" },
  "origin.mismatch": { title: "The county is not in the named prefecture" },
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
      return `This roster row cannot be read: a CSV syntax error${p.line === undefined ? "" : ` near line ${p.line}`}, such as an unclosed quote`;
    },
  },
};
