/**
 * The closed vocabularies of the domain: the values that entities, findings and rules share. They
 * sit in the core so that every layer above can name them (a finding's params, a schema's enum, a
 * locale's words) without importing the layer that uses them most.
 */

/** Identity document kinds (证件类型, 3.1). */
export const idTypes = ["resident", "resident-15", "hk-macao-permit", "taiwan-permit", "passport"] as const;
/** An identity document kind: `"resident"`, `"resident-15"`, `"hk-macao-permit"`, `"taiwan-permit"` or `"passport"`. */
export type IdType = (typeof idTypes)[number];

/** 性别 as the ID number's sequence digit tells it (odd male, even female). */
export const sexes = ["male", "female"] as const;
/** 性别: `"male"` or `"female"`. */
export type Sex = (typeof sexes)[number];

/** 培养层次: doctor (博士, level 01) or master (硕士, level 02). */
export const degreeLevels = ["doctor", "master"] as const;
/** 培养层次: `"doctor"` (博士) or `"master"` (硕士). */
export type DegreeLevel = (typeof degreeLevels)[number];

/**
 * Type of education (办学类型), the 6th digit of a certificate number (2.2): 1 普通高等教育,
 * 5 成人, 6 自考, 7 网络.
 */
export const educationTypes = ["1", "5", "6", "7"] as const;
/** 办学类型, the 6th digit of a certificate number (2.2): `"1"` 普通高等教育, `"5"` 成人, `"6"` 自考, `"7"` 网络. */
export type EducationType = (typeof educationTypes)[number];

/** 毕业结论: graduation (毕业, 1.1) or completion (结业, 1.2). */
export const conclusions = ["graduation", "completion"] as const;
/** 毕业结论: `"graduation"` (毕业, 1.1) or `"completion"` (结业, 1.2). */
export type Conclusion = (typeof conclusions)[number];

/** The defense (答辩) result (1.1, 1.2). */
export const defenseResults = ["passed", "failed", "pending"] as const;
/** The defense (答辩) result (1.1, 1.2): `"passed"`, `"failed"` or `"pending"`. */
export type DefenseResult = (typeof defenseResults)[number];

/**
 * Documents that prove a change of name (3.1.1) or of ethnic group (3.1.2). `application` is the
 * student's own application (本人申请) without the training unit's opinion and seal: it is kept as
 * given, but only `unit-endorsed-application` (本人申请，培养单位签署意见盖章) satisfies 3.1.1.
 */
export const evidenceKinds = [
  "unit-endorsed-application",
  "application",
  "police-certificate",
  "household-card-scan",
  "household-page-scan",
  "police-ethnicity-certificate",
  "id-card-scan",
] as const;
/** A document that proves a change of name (3.1.1) or of ethnic group (3.1.2): one of `evidenceKinds`. */
export type Evidence = (typeof evidenceKinds)[number];

/** States of a registration in the SEP process (2): draft → staged → submitted → certified. */
export const states = ["draft", "staged", "submitted", "certified"] as const;
/** A registration's state (2): `"draft"`, `"staged"`, `"submitted"` or `"certified"`. */
export type State = (typeof states)[number];

/** Who acts: the student, the training unit's education staff (教育干部), the student office (学生处). */
export const roles = ["student", "unit-staff", "student-office"] as const;
/** Who acts: `"student"`, `"unit-staff"` (教育干部) or `"student-office"` (学生处). */
export type Role = (typeof roles)[number];

/**
 * Every event of the registration machine, in process order: the registration's own (2.1.1.2,
 * 2.1.2, 2.2) and the origin's (3.3.1–3.3.3).
 */
export const eventTypes = [
  "stage",
  "unstage",
  "submit",
  "certify",
  "edit-origin",
  "review-origin",
  "withdraw-origin-review",
] as const;
/** An event of the registration machine: one of `eventTypes`. */
export type EventType = (typeof eventTypes)[number];

/** How photo files are named for a batch upload (5.3.3). */
export const photoNamings = ["id-number", "student-number"] as const;
/** How photo files are named (5.3.3): by `"id-number"` (证件号码) or by `"student-number"` (学号). */
export type PhotoNaming = (typeof photoNamings)[number];

/** The photo format of 5.3.3, and what else the check can name (from the magic bytes alone). */
export type PhotoFormat =
  | "jpeg"
  | "png"
  | "gif"
  | "webp"
  | "heif"
  | "avif"
  | "bmp"
  | "tiff"
  | "jp2"
  | "jxl"
  | "psd"
  | "pdf";

/** Colour model of a JPEG, from its component count, component ids and Adobe APP14 transform. */
export type ColorModel = "grayscale" | "ycbcr" | "rgb" | "cmyk" | "ycck" | "unknown";

/** An RGB triple, each channel 0–255. */
export type Rgb = readonly [number, number, number];
