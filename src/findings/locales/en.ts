import type { LocaleTable } from "./types.js";

/** Rows of a batch are numbered from 1 in messages; `indices` are 0-based. */
const rows = (v: unknown): string => (Array.isArray(v) ? v.map((i) => Number(i) + 1).join(", ") : "");

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

/**
 * "missing A; B or C (provided: D)" from `params.missing` (groups, one document of each needed)
 * and `params.received`; undefined (the generic form) when the params are not of that shape.
 */
const enEvidence = (what: string, p: Record<string, unknown>): string | undefined => {
  if (!Array.isArray(p.missing) || !Array.isArray(p.received)) return undefined;
  const missing = p.missing.map((g) => (Array.isArray(g) ? g.map(enDoc).join(" or ") : String(g))).join("; ");
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
      const want = typeof p.type === "string" ? shapes[p.type] : undefined;
      return `The identity document number has the wrong format (${want ? `expected ${want}; ` : ""}received ${String(p.received)})`;
    },
  },
  "id.checksum": { title: "The ID number's check character is wrong" },
  "id.birth-date": {
    title: "The birth date in the ID number is not valid",
    message: (p) => {
      const d = String(p.received);
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
      `The sex does not match the ID number (its 17th digit says ${String(p.expected)}, the record says ${String(p.received)})`,
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
  "certificate.format": { title: "The certificate number has the wrong format (18 digits expected)" },
  "certificate.school": { title: "The certificate number's school code does not match" },
  "certificate.year": { title: "The certificate number's year does not match the graduation year" },
  "certificate.level": { title: "The certificate number's level does not match the student's" },
  "certificate.duplicate": {
    title: "The certificate number is used twice in this batch",
    message: (p) =>
      `The certificate number ${String(p.received)} is used more than once in this batch (rows ${rows(p.indices)})`,
  },
  "schema.invalid": { title: "A student field is missing or has the wrong type" },
  "origin.empty": { title: "The origin is empty" },
  "origin.format": { title: "The origin is not written in an accepted form" },
  "origin.levels": { title: "The origin must name province, prefecture and county" },
  "origin.unknown": { title: "The origin is not a current administrative division" },
  "origin.mismatch": { title: "The county is not in the named prefecture" },
  "origin.not-reviewed": { title: "The origin has not been reviewed; review it before staging" },
  "origin.locked": { title: "The registration is staged or submitted: the origin can no longer change" },
  "origin.review-first": { title: "The origin is reviewed: unit staff must withdraw the review first" },
  "origin.reviewer": { title: "Only unit staff may review the origin, and only a valid one" },
  "origin.undetermined": { title: "The facts given do not determine the origin" },
  "origin.local-policy": {
    title: "The household moved into the school's collective: local policy decides the origin",
  },
  "transition.illegal": {
    title: "This event is not allowed in the current state",
    message: (p) =>
      typeof p.received === "string" &&
      ["draft", "staged", "submitted", "certified"].includes(p.received) &&
      p.event !== undefined
        ? `A ${p.received} registration cannot ${String(p.event)} (only a ${String(p.expected)} one can)`
        : `This event is not allowed in the current state (${p.event === undefined ? "" : `event ${String(p.event)}; `}received ${String(p.received)})`,
  },
  "transition.role": {
    title: "This role may not perform this event",
    message: (p) =>
      `${String(p.event)} is for ${Array.isArray(p.expected) ? p.expected.join(" or ") : String(p.expected)}, not ${String(p.received)}`,
  },
  "window.closed": {
    title: "Outside the registration window",
    message: (p) =>
      `Outside the registration window [${String(p.opensAt)}, ${String(p.closesAt)}) (received ${String(p.received)})`,
  },
  "photo.missing": { title: "No graduation-stage electronic photo has been uploaded" },
  "study.incomplete": {
    title: "Credits, required segments or thesis incomplete: the student cannot be registered",
  },
  "conclusion.ineligible": {
    title: "The conclusion does not fit the defense result or the study period",
    message: (p) =>
      p.expected === true
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
        ? `The change of major or training unit was approved on ${String(p.approvedOn)}, but there is no defense date to show it was 6 months before`
        : `The change of major or training unit was approved on ${String(p.approvedOn)}, less than 6 months before the defense on ${String(p.defenseDate)} (the earliest defense date would be ${String(p.earliestDefenseDate)})`,
  },
  "early-graduation.not-approved": { title: "Early graduation has not been approved" },
  "application-form.missing": {
    title: "Graduating without both certificates needs a registration application form",
  },
  "registration.tampered": {
    title: "The registration does not match its own history (tampered with or corrupted)",
  },
  "batch.duplicate-id": {
    title: "The ID number appears twice in this batch",
    message: (p) =>
      `The ID number ${String(p.received)} appears more than once in this batch (rows ${rows(p.indices)})`,
  },
  "batch.duplicate-student-number": {
    title: "The student number appears twice in this batch",
    message: (p) =>
      `The student number ${String(p.received)} appears more than once in this batch (rows ${rows(p.indices)})`,
  },
  "batch.duplicate-name": {
    title: "Students share a name: write the student number on the back of the paper photo",
    message: (p) =>
      `Students share the name ${String(p.received)} (rows ${rows(p.indices)}): write the student number on the back of the paper photo`,
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
      const reasons: Record<string, string> = {
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
      const why = reasons[String(p.reason)] ?? String(p.reason ?? "");
      return why === "" ? "The photo cannot be read" : `The photo cannot be read: ${why}`;
    },
  },
  "photo.format": { title: "The photo is not a JPEG" },
  "photo.dimensions": {
    title: "The photo must be 480 × 640 pixels",
    message: (p) => {
      const received = String(p.received);
      if (p.hint === "rotated") return `The photo must be 480 × 640 pixels (received ${received}: rotated?)`;
      if (p.hint === "orientation") {
        return `The photo must be 480 × 640 pixels (its EXIF orientation ${String(p.orientation)} shows it as 640 × 480: rotate the pixels and drop the tag)`;
      }
      return `The photo must be 480 × 640 pixels (received ${received})`;
    },
  },
  "photo.dpi": {
    title: "The photo's density must be at least 300 dpi",
    message: (p) =>
      p.received === null || p.received === undefined
        ? `The photo records no density (JFIF or EXIF); it must be at least ${String(p.expected).replace("≥ ", "")} dpi`
        : `The photo's density must be at least ${String(p.expected).replace("≥ ", "")} dpi (received ${String(p.received)} dpi)`,
  },
  "photo.color-depth": { title: "The photo must be 24-bit true colour" },
  "photo.file-size": { title: "The photo must be between 18 K and 40 K bytes" },
  "photo.file-name": {
    title: "The photo must be named by ID number or student number and nothing else",
  },
  "photo.quality": { title: "The photo's JPEG quality is below 60" },
  "photo.edited": {
    title: "The photo appears to have been edited or beautified",
    message: (p) =>
      `The photo appears to have been edited or beautified (its EXIF names ${String(p.editor)}: "${String(p.received)}")`,
  },
  "photo.background": {
    title: "The photo's background is not a uniform light blue",
    message: (p) => {
      const mean = Array.isArray(p.received) ? `RGB (${p.received.join(", ")})` : String(p.received);
      const ref = Array.isArray(p.expected) ? `(${p.expected.join(", ")})` : String(p.expected);
      return p.reason === "uniformity"
        ? `The photo's background is not uniform (colour varies by ${String(p.deviation)}, its edges differ by ${String(p.spread)})`
        : `The photo's background is not light blue (border mean ${mean}, reference ${ref}, distance ${String(p.distance)})`;
    },
  },
  "photo.orphan": { title: "The photo's file name matches no student" },
  "photo.duplicate": { title: "One student has more than one photo file" },
  "photo.admission-year": { title: "Photos named by ID number need the admission year chosen" },
};
