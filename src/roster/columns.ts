/**
 * The roster's columns: the headers of the status system's export (学籍系统导出) or api.md's English
 * field names (dotted for nested fields), the kind of value each holds, and whether the roster must
 * have it. docs/roster.md documents this table; keep the two together. The one column mapping of
 * the package: `readRoster` and the CLI's streamed CSV reader both use it.
 */

import { evidenceKinds } from "../core/vocabulary.js";

/** How a cell's text becomes the value `validateStudent` reads. */
export type ValueKind =
  | "string"
  | "boolean"
  | "sex"
  | "idType"
  | "degreeLevel"
  | "conclusion"
  | "defense"
  | "year"
  | "date"
  | "evidence"
  | "ethnicity";

/** One column of the roster: the field it fills, its headers, how its cells are read. */
export interface Column {
  /** api.md's field path, dotted (`id.number`); `conclusion` is the stage event's, not a Student field. */
  key: string;
  /** Chinese headers, the first being the status system's (and the template's). */
  zh: readonly string[];
  /** How its cells are read (`cellValue`): `是` / `否` for a boolean, `女` for a sex … */
  kind: ValueKind;
  /** A roster without this column is `roster.columns-missing` (or, with partial columns, only the rules it allows run). */
  required: boolean;
}

/** Every column the checks read, in the template's order (docs/roster.md, "Columns"). */
export const columns: readonly Column[] = [
  { key: "studentNumber", zh: ["学号"], kind: "string", required: true },
  { key: "name", zh: ["姓名"], kind: "string", required: true },
  { key: "sex", zh: ["性别"], kind: "sex", required: true },
  { key: "ethnicity", zh: ["民族"], kind: "ethnicity", required: true },
  { key: "id.type", zh: ["证件类型"], kind: "idType", required: false },
  { key: "id.number", zh: ["证件号码", "身份证号", "身份证号码"], kind: "string", required: true },
  { key: "degreeLevel", zh: ["培养层次", "学历层次"], kind: "degreeLevel", required: true },
  { key: "trainingUnit", zh: ["培养单位"], kind: "string", required: true },
  { key: "major", zh: ["专业", "专业名称"], kind: "string", required: false },
  { key: "supervisor", zh: ["导师", "导师姓名"], kind: "string", required: false },
  { key: "admissionYear", zh: ["入学年度", "入学年份"], kind: "year", required: true },
  { key: "batchId", zh: ["批次"], kind: "string", required: false },
  { key: "origin.value", zh: ["生源地"], kind: "string", required: true },
  { key: "origin.reviewed", zh: ["生源地是否复核", "生源地复核"], kind: "boolean", required: true },
  { key: "photo.uploaded", zh: ["照片是否上传", "照片已上传"], kind: "boolean", required: true },
  { key: "photo.fileName", zh: ["照片文件名"], kind: "string", required: false },
  { key: "conclusion", zh: ["毕业结论"], kind: "conclusion", required: false },
  { key: "study.creditsComplete", zh: ["课程学分是否修满"], kind: "boolean", required: true },
  { key: "study.requiredSegmentsComplete", zh: ["必修环节是否完成"], kind: "boolean", required: true },
  { key: "study.thesisComplete", zh: ["论文是否完成"], kind: "boolean", required: true },
  { key: "study.defense", zh: ["答辩结果"], kind: "defense", required: true },
  { key: "study.defenseDate", zh: ["答辩日期"], kind: "date", required: false },
  {
    key: "study.withinMaxStudyPeriod",
    zh: ["最长修读年限内", "是否在最长修读年限内"],
    kind: "boolean",
    required: false,
  },
  {
    key: "study.degreeCertificateExpected",
    zh: ["是否获得学位证书", "同时获得学位证书"],
    kind: "boolean",
    required: false,
  },
  { key: "changes.name.former", zh: ["曾用名"], kind: "string", required: false },
  { key: "changes.name.changedOn", zh: ["改名日期"], kind: "date", required: false },
  { key: "changes.name.evidence", zh: ["改名材料"], kind: "evidence", required: false },
  { key: "changes.ethnicity.former", zh: ["原民族"], kind: "ethnicity", required: false },
  {
    key: "changes.ethnicity.beforeAdmission",
    zh: ["民族变更在入学前", "是否入学前变更民族"],
    kind: "boolean",
    required: false,
  },
  { key: "changes.ethnicity.evidence", zh: ["民族变更材料"], kind: "evidence", required: false },
  {
    key: "changes.programOrUnit.approvedOn",
    zh: ["专业或培养单位变更批准日期", "学籍变动批准日期"],
    kind: "date",
    required: false,
  },
  { key: "changes.earlyGraduation.approved", zh: ["提前毕业已审批"], kind: "boolean", required: false },
  {
    key: "documents.writtenExplanation",
    zh: ["书面说明", "是否提交书面说明"],
    kind: "boolean",
    required: false,
  },
  {
    key: "documents.registrationApplicationForm",
    zh: ["毕业注册申请书", "是否提交毕业注册申请书"],
    kind: "boolean",
    required: false,
  },
];

/**
 * A header as written, folded for lookup: no spaces, no `*` marks, no BOM, lower case for English.
 * @example
 * foldHeader("\uFEFF 证件号码 *") //=> "证件号码"
 * foldHeader("ID.Number") //=> "id.number"
 */
export function foldHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, "")
    .replace(/[\s\u3000*＊]/g, "")
    .toLowerCase();
}

const byHeader: ReadonlyMap<string, Column> = (() => {
  const m = new Map<string, Column>();
  for (const c of columns) {
    m.set(foldHeader(c.key), c);
    for (const z of c.zh) m.set(foldHeader(z), c);
  }
  return m;
})();

/**
 * The column a header names, or `undefined` for a column the checks do not read (序号, 备注 …:
 * ignored). Spaces, `*` marks and a BOM are ignored; English keys match in any case.
 * @example
 * columnFor(" 证件号码* ")?.key //=> "id.number"
 * columnFor("ID.Number")?.key //=> "id.number"
 * columnFor("备注") //=> undefined
 */
export function columnFor(header: string): Column | undefined {
  return byHeader.get(foldHeader(header));
}

// ---- Values -------------------------------------------------------------------------------------

const TRUE = new Set(["是", "y", "yes", "true", "1", "√", "✓", "有", "通过"]);
const FALSE = new Set(["否", "n", "no", "false", "0", "×", "✗", "无"]);

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : isoDay(v);
  if (typeof v === "string") {
    // (The ideographic space is a space here too; `trim` removes it at either end, and the
    // replacement is only needed inside a cell, which few hold.)
    const t = (v.indexOf("\u3000") === -1 ? v : v.replace(/\u3000/g, " ")).trim();
    return t === "" ? undefined : t;
  }
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return undefined;
}

function bool(v: unknown): unknown {
  if (typeof v === "boolean") return v;
  // The status system's own two answers, before any string work.
  if (v === "是") return true;
  if (v === "否") return false;
  const t = text(v)?.toLowerCase();
  if (t === undefined) return undefined;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  // The status system's states: 已复核 / 未复核, 已上传 / 未上传, 已完成 / 未完成 …
  if (t.startsWith("已")) return true;
  if (t.startsWith("未") || t.startsWith("不")) return false;
  return t; // left as text: validateStudent reports schema.invalid at the field's path
}

function lookup(table: Record<string, string>, v: unknown): unknown {
  const t = text(v);
  if (t === undefined) return undefined;
  return Object.hasOwn(table, t)
    ? table[t]
    : Object.hasOwn(table, t.toLowerCase())
      ? table[t.toLowerCase()]
      : t;
}

const SEX: Record<string, string> = {
  男: "male",
  女: "female",
  male: "male",
  female: "female",
  m: "male",
  f: "female",
  "1": "male",
  "2": "female",
};
const ID_TYPE: Record<string, string> = {
  居民身份证: "resident",
  身份证: "resident",
  港澳台居民居住证: "resident",
  "15位居民身份证": "resident-15",
  港澳居民来往内地通行证: "hk-macao-permit",
  港澳通行证: "hk-macao-permit",
  台湾居民来往大陆通行证: "taiwan-permit",
  台胞证: "taiwan-permit",
  护照: "passport",
  resident: "resident",
  "resident-15": "resident-15",
  "hk-macao-permit": "hk-macao-permit",
  "taiwan-permit": "taiwan-permit",
  passport: "passport",
};
const DEGREE: Record<string, string> = {
  博士: "doctor",
  博士研究生: "doctor",
  博士生: "doctor",
  硕士: "master",
  硕士研究生: "master",
  硕士生: "master",
  doctor: "doctor",
  master: "master",
};
const CONCLUSION: Record<string, string> = {
  毕业: "graduation",
  结业: "completion",
  graduation: "graduation",
  completion: "completion",
};
const DEFENSE: Record<string, string> = {
  通过: "passed",
  答辩通过: "passed",
  未通过: "failed",
  不通过: "failed",
  答辩未通过: "failed",
  待答辩: "pending",
  未答辩: "pending",
  passed: "passed",
  failed: "failed",
  pending: "pending",
};
const EVIDENCE: Record<string, string> = {
  派出所证明: "police-certificate",
  派出所改名证明: "police-certificate",
  改名证明: "police-certificate",
  户口卡: "household-card-scan",
  户口卡扫描件: "household-card-scan",
  户口页: "household-page-scan",
  户口页扫描件: "household-page-scan",
  民族变更证明: "police-ethnicity-certificate",
  派出所民族变更证明: "police-ethnicity-certificate",
  身份证: "id-card-scan",
  身份证扫描件: "id-card-scan",
};

/** A seal named in an application's wording — and not denied (未盖章 …). */
const SEALED = /盖章|签章|公章|用印|盖印/;
const NOT_SEALED = /[未无没不]有?(?:签署意见)?(?:盖章|签章|公章|用印|盖印)/;

/**
 * One item of an evidence list. [decision] (3.1.1) An application counts as the unit-endorsed one
 * only when its wording names the unit's seal — 培养单位签署意见盖章的申请, 培养单位盖章的本人申请,
 * 本人申请（培养单位签署意见盖章）…; a bare 本人申请 or 申请 (or one that says 未盖章) is the
 * student's own application (`application`), which does not satisfy 3.1.1.
 */
function evidenceItem(item: string): unknown {
  const t = item.replace(/\s/g, "");
  if (Object.hasOwn(EVIDENCE, t)) return EVIDENCE[t];
  if ((evidenceKinds as readonly string[]).includes(t)) return t;
  if (t.includes("申请")) {
    return SEALED.test(t) && !NOT_SEALED.test(t) ? "unit-endorsed-application" : "application";
  }
  return t;
}

/** Splits an evidence list at `;` `、` `,` `/` `|` or spaces outside brackets (（…、…） stays one item). */
function evidenceItems(t: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of t) {
    if (ch === "（" || ch === "(") depth += 1;
    else if ((ch === "）" || ch === ")") && depth > 0) depth -= 1;
    if (depth === 0 && /[;；,，、/|\s]/.test(ch)) {
      if (current !== "") items.push(current);
      current = "";
    } else current += ch;
  }
  if (current !== "") items.push(current);
  return items;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * The calendar day of a date cell: spreadsheets' dates reach the mapping as midnight UTC of the day
 * the cell shows (`readRoster` builds them from the cell's serial number, never from the host's
 * time zone), so the UTC fields are that day.
 */
function isoDay(v: Date): string {
  return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
}

function date(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : isoDay(v);
  const t = text(v);
  if (t === undefined) return undefined;
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return t;
}

function year(v: unknown): unknown {
  if (typeof v === "number") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getUTCFullYear();
  const t = text(v);
  if (t === undefined) return undefined;
  const m = /^(\d{4})(?:\s*(?:年|级|年级))?$/.exec(t);
  return m ? Number(m[1]) : t;
}

function evidence(v: unknown): unknown {
  const t = text(v);
  if (t === undefined) return undefined;
  return evidenceItems(t).map(evidenceItem);
}

/**
 * The value `validateStudent` reads for a cell of kind `kind`; `undefined` for an empty cell. A
 * value the tables do not know is handed on as written, so that the library (not the reader)
 * reports it at the field's path.
 * @example
 * cellValue("boolean", "已复核") //=> true
 * cellValue("sex", "女") //=> "female"
 * cellValue("date", "2022年5月20日") //=> "2022-05-20"
 * cellValue("boolean", "也许") //=> "也许"
 */
export function cellValue(kind: ValueKind, v: unknown): unknown {
  if (typeof v === "string") {
    // A roster repeats the same few texts in these columns (是/否, 男/女, 硕士, 通过, dates): the
    // value of each text is remembered, per kind. Only these kinds: their values are primitives
    // (an evidence list is an array the caller may change).
    const memo = MEMO[kind];
    if (memo !== undefined) {
      const hit = memo.get(v);
      if (hit !== undefined) return hit === EMPTY ? undefined : hit;
      const out = readCell(kind, v);
      if (memo.size < MEMO_MAX) memo.set(v, out === undefined ? EMPTY : out);
      return out;
    }
  }
  return readCell(kind, v);
}

/** The remembered value of an empty cell (`undefined` means "not remembered" in the maps). */
const EMPTY = Symbol("empty");
/** [decision] Texts remembered per kind: a bound, so that a hostile roster cannot grow the maps. */
const MEMO_MAX = 2048;
const MEMO: Partial<Record<ValueKind, Map<string, unknown>>> = {
  boolean: new Map(),
  sex: new Map(),
  idType: new Map(),
  degreeLevel: new Map(),
  conclusion: new Map(),
  defense: new Map(),
  year: new Map(),
  date: new Map(),
};

function readCell(kind: ValueKind, v: unknown): unknown {
  switch (kind) {
    case "string":
      // An 18-digit ID number stored as a number in Excel has lost its last digits: hand the number
      // on, so the record is refused as "expected text" rather than for a misleading checksum.
      if (typeof v === "number" && !Number.isSafeInteger(v)) return v;
      return text(v);
    case "ethnicity":
      return typeof v === "number" ? v : text(v);
    case "boolean":
      return bool(v);
    case "sex":
      return lookup(SEX, v);
    case "idType":
      return lookup(ID_TYPE, v);
    case "degreeLevel":
      return lookup(DEGREE, v);
    case "conclusion":
      return lookup(CONCLUSION, v);
    case "defense":
      return lookup(DEFENSE, v);
    case "year":
      return year(v);
    case "date":
      return date(v);
    case "evidence":
      return evidence(v);
  }
}
