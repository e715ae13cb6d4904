import type { EventType, Role, State } from "../../core/vocabulary.js";
import type {
  Duplicate,
  EvidenceParams,
  SchemaExpectation,
  SchemaParams,
  UnreadableReason,
} from "../params.js";
import type { LocaleTable } from "../text.js";
import { idTexts } from "./id.js";

// Names of the machine's events, states and roles in messages (2).
const ZH_EVENT: Record<EventType, string> = {
  stage: "暂存",
  unstage: "取消暂存",
  submit: "提交",
  certify: "确定学历证书编号",
  "edit-origin": "修改生源地",
  "review-origin": "复核生源地",
  "withdraw-origin-review": "取消生源地复核",
};
const ZH_STATE: Record<State, string> = {
  draft: "未暂存",
  staged: "已暂存",
  submitted: "已提交",
  certified: "已注册",
};
const ZH_ROLE: Record<Role, string> = {
  student: "学生",
  "unit-staff": "培养单位教育干部",
  "student-office": "学生处",
};
const ZH_CONCLUSION: Record<string, string> = { graduation: "毕业", completion: "结业" };
const ZH_DEFENSE: Record<string, string> = { passed: "通过", failed: "未通过", pending: "尚未答辩" };
// Documents proving a change of name (3.1.1) or of ethnic group (3.1.2), in the notice's words.
const ZH_EVIDENCE: Record<string, string> = {
  "unit-endorsed-application": "培养单位签署意见盖章的本人申请",
  application: "本人申请（无培养单位签署意见盖章）",
  "police-certificate": "派出所改名证明",
  "household-card-scan": "户口卡正反面彩色扫描件",
  "household-page-scan": "户口页正反面彩色扫描件",
  "police-ethnicity-certificate": "派出所民族变更证明",
  "id-card-scan": "身份证正反面彩色扫描件",
};
// What a value should be, for schema.invalid.
const ZH_EXPECTED: Record<SchemaExpectation, string> = {
  string: "文本",
  number: "数字",
  integer: "整数",
  boolean: "是或否",
  object: "对象",
  array: "列表",
  date: "日期（YYYY-MM-DD）",
  instant: "带时区的时间（ISO 8601，如 2022-06-01T10:00:00+08:00）",
  Student: "学生记录",
  Batch: "批次",
  Registration: "注册记录",
  RegistrationForm: "电子注册情况登记表",
  OriginFacts: "生源地的事实",
  Origin: "生源地",
};
// Type names of received values, for schema.invalid.
const ZH_TYPE: Record<string, string> = {
  undefined: "空（缺失）",
  null: "空",
  string: "文本",
  number: "数字",
  boolean: "是或否",
  object: "对象",
  array: "列表",
  bigint: "大整数",
  function: "函数",
  symbol: "符号",
};
const zhName = (table: Record<string, string>, v: unknown): string =>
  typeof v === "string" && Object.hasOwn(table, v) ? (table[v] as string) : String(v);
const zhRoles = (v: Role | readonly Role[]): string =>
  typeof v === "string" ? zhName(ZH_ROLE, v) : v.map((r) => zhName(ZH_ROLE, r)).join("或");
/**
 * "缺少 A；B或C（已提供：D）" from the groups missing and the documents given; a bare application
 * given where the unit-endorsed one is missing is said first (3.1.1).
 */
const zhEvidence = (what: string, p: EvidenceParams): string => {
  const bare =
    p.received.includes("application") && p.missing.some((g) => g.includes("unit-endorsed-application"));
  const others = bare ? p.missing.filter((g) => !g.includes("unit-endorsed-application")) : p.missing;
  const parts = bare ? ["提供了本人申请，但缺少培养单位签署意见盖章"] : [];
  if (others.length > 0)
    parts.push(`缺少${others.map((g) => g.map((k) => zhName(ZH_EVIDENCE, k)).join("或")).join("；")}`);
  const given = p.received.map((k) => zhName(ZH_EVIDENCE, k)).join("、");
  return `${what}的证明材料不全：${parts.join("；")}（已提供：${given === "" ? "无" : given}）`;
};
// Types of education (办学类型), the 6th digit of a certificate number (2.2).
const ZH_EDUCATION: Record<string, string> = {
  "1": "普通高等教育",
  "5": "成人高等教育",
  "6": "高等教育自学考试",
  "7": "网络教育",
};
/** "（建议 X）" when a suggestion is given. */
const zhSuggestion = (s: string | undefined): string => (s === undefined ? "" : `（建议 ${s}）`);
/** A state or a conclusion (or a list of them, or none) in Chinese; undefined for anything else. */
const zhEnum = (v: unknown): string | undefined => {
  if (v === null) return "无";
  if (Array.isArray(v)) {
    const parts = v.map(zhEnum);
    return parts.every((x) => x !== undefined) ? parts.join("或") : undefined;
  }
  if (typeof v !== "string") return undefined;
  if (Object.hasOwn(ZH_STATE, v)) return ZH_STATE[v as State];
  return Object.hasOwn(ZH_CONCLUSION, v) ? ZH_CONCLUSION[v] : undefined;
};
/**
 * Where a duplicate occurs: spreadsheet rows when known (第 2、4 行), else entries numbered from 1
 * (第 1、3 条; `indices` are 0-based); "等" and the count when there are more than those named.
 */
const where = (p: Duplicate): string => {
  const list =
    p.rows !== undefined ? `第 ${p.rows.join("、")} 行` : `第 ${p.indices.map((i) => i + 1).join("、")} 条`;
  return p.count > p.indices.length ? `共 ${p.count} 处，${list}等` : list;
};
/** A size bound: in K (of 1024 bytes) when it is a whole number of K, else in bytes. */
const zhK = (bytes: number): string => (bytes % 1024 === 0 ? `${bytes / 1024}K` : `${bytes} 字节`);
/** A value received, as a message shows it: a string as it is, anything else as JSON. */
const shown = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));
/** What schema.invalid says it received: the type's name for a wrong type, else the value. */
const zhReceived = (p: SchemaParams): string | undefined => {
  const r = p.received;
  if (r === undefined) return undefined;
  // A value left out: the schema names its type, "undefined", whatever it expected.
  if (r === "undefined") return ZH_TYPE.undefined;
  if (p.issue === "invalid_type" || p.expected !== undefined) {
    if (typeof r === "string" && Object.hasOwn(ZH_TYPE, r) && p.values === undefined)
      return p.value === undefined ? zhName(ZH_TYPE, r) : `${zhName(ZH_TYPE, r)}“${shown(p.value)}”`;
  }
  return shown(r);
};

// Fields of a student record (api.md's Student) and of a batch, for schema.invalid: which field.
const ZH_STUDENT_FIELD: Record<string, string> = {
  studentNumber: "学号",
  name: "姓名",
  sex: "性别",
  ethnicity: "民族",
  id: "证件",
  "id.type": "证件类型",
  "id.number": "证件号码",
  degreeLevel: "培养层次",
  trainingUnit: "培养单位",
  major: "专业",
  supervisor: "导师",
  admissionYear: "入学年度",
  batchId: "批次",
  origin: "生源地",
  "origin.value": "生源地",
  "origin.reviewed": "生源地是否复核",
  photo: "照片",
  "photo.uploaded": "照片是否上传",
  "photo.fileName": "照片文件名",
  study: "学业情况",
  "study.creditsComplete": "课程学分是否修满",
  "study.requiredSegmentsComplete": "必修环节是否完成",
  "study.thesisComplete": "论文是否完成",
  "study.defense": "答辩结果",
  "study.defenseDate": "答辩日期",
  "study.withinMaxStudyPeriod": "是否在最长修读年限内",
  "study.degreeCertificateExpected": "是否获得学位证书",
  changes: "学籍变动",
  "changes.name": "改名",
  "changes.name.former": "曾用名",
  "changes.name.changedOn": "改名日期",
  "changes.name.evidence": "改名材料",
  "changes.ethnicity": "民族变更",
  "changes.ethnicity.former": "原民族",
  "changes.ethnicity.beforeAdmission": "民族变更在入学前",
  "changes.ethnicity.evidence": "民族变更材料",
  "changes.programOrUnit": "专业或培养单位变更",
  "changes.programOrUnit.approvedOn": "专业或培养单位变更批准日期",
  "changes.earlyGraduation": "提前毕业",
  "changes.earlyGraduation.approved": "提前毕业已审批",
  documents: "材料",
  "documents.writtenExplanation": "书面说明",
  "documents.registrationApplicationForm": "毕业注册申请书",
  conclusion: "毕业结论",
};
const ZH_BATCH_FIELD: Record<string, string> = {
  id: "编号（id）",
  school: "学校（school）",
  schoolCode: "学校代码（schoolCode）",
  year: "年份（year）",
  sequence: "批次序号（sequence）",
  opensAt: "开放时间（opensAt）",
  closesAt: "截止时间（closesAt）",
  graduationDate: "毕业日期（graduationDate）",
  registrationDate: "电子注册日期（registrationDate）",
  timeZone: "时区（timeZone）",
};
/**
 * The field a schema.invalid path names, in Chinese: a student's field (学号, 证件号码 …), a
 * batch's (批次的截止时间（closesAt）), under a registration's `student` or `batch`. [decision] A
 * path of one batch key is a batch's (the two records share only `id`: a student's is an object,
 * a batch's is text); anything else is named by its path.
 */
const zhField = (path: Readonly<(string | number)[]>, p: SchemaParams): string => {
  const keys = path.filter((k): k is string => typeof k === "string");
  const index = path.find((k): k is number => typeof k === "number");
  const item = index === undefined ? "" : `（第 ${index + 1} 项）`;
  const [head, ...rest] = keys;
  if (head === undefined) return p.expected === "Batch" ? "批次" : "记录";
  if (head === "batch" && rest.length > 0 && Object.hasOwn(ZH_BATCH_FIELD, rest.join(".")))
    return `批次的${ZH_BATCH_FIELD[rest.join(".")]}${item}`;
  if (head === "student" && rest.length > 0 && Object.hasOwn(ZH_STUDENT_FIELD, rest.join(".")))
    return `${ZH_STUDENT_FIELD[rest.join(".")]}${item}`;
  if (head === "event" && rest.join(".") === "conclusion") return "毕业结论";
  const key = keys.join(".");
  const batchKey = Object.hasOwn(ZH_BATCH_FIELD, key) && (key !== "id" || p.expected !== "object");
  if (batchKey && keys.length === 1) return `批次的${ZH_BATCH_FIELD[key]}`;
  if (Object.hasOwn(ZH_STUDENT_FIELD, key)) return `${ZH_STUDENT_FIELD[key]}${item}`;
  return `字段 ${path.join(".")} `;
};
// Values of the vocabularies, as a roster writes them (schema.invalid: "应为 男、女 之一").
const ZH_VALUE: Record<string, string> = {
  male: "男",
  female: "女",
  doctor: "博士",
  master: "硕士",
  passed: "通过",
  failed: "未通过",
  pending: "待答辩",
  resident: "居民身份证",
  "resident-15": "15位居民身份证",
  "hk-macao-permit": "港澳居民来往内地通行证",
  "taiwan-permit": "台湾居民来往大陆通行证",
  passport: "护照",
  ...ZH_CONCLUSION,
  ...ZH_EVIDENCE,
};
const zhValue = (v: unknown): string =>
  typeof v === "string" && Object.hasOwn(ZH_VALUE, v) ? (ZH_VALUE[v] as string) : shown(v);

/** 简体中文（默认）。 */
export const zhCN: LocaleTable = {
  ...idTexts["zh-CN"],
  "name.empty": { title: "姓名为空" },
  "name.characters": {
    title: "姓名含有不允许的字符",
    message: (p) =>
      p.reason === "too-long"
        ? `姓名过长：最多 ${String(p.max)} 个字符，收到 ${String(p.length)} 个`
        : undefined,
  },
  "name.whitespace": { title: "姓名含有多余的空格" },
  "name.missing-dot": {
    title: "少数民族姓名各部分之间应以“·”分隔，不能用空格",
    message: (p) =>
      `姓名“${p.received}”的各部分之间是空格：姓名须与身份证一致，少数民族姓名各部分以“·”分隔（建议 ${p.suggestion}）`,
  },
  "ethnicity.unknown": { title: "民族不在 GB/T 3304 民族代码表中" },
  "ethnicity.empty": { title: "民族为空（只有持护照的外籍学生可以不填）" },
  "ethnicity.renamed": { title: "民族名称已更改，请使用现名" },
  "certificate.format": {
    title: "学历证书编号格式不正确（应为18位数字）",
    message: (p) => {
      if (p.reason === "pre-2002")
        return `学历证书编号为17位，是2002年以前的旧格式，应为18位数字（收到 ${p.received}）`;
      if (p.reason === "serial") return `学历证书编号的流水号不能为 ${p.received}`;
      if (p.reason === "education-type") {
        return `学历证书编号第6位（办学类型）应为 ${(p.expected ?? []).join("、")} 之一（收到 ${p.received}）`;
      }
      if (p.reason === "not-a-string") return `学历证书编号应为文本（收到 ${zhName(ZH_TYPE, p.received)}）`;
      return `学历证书编号格式不正确：应为18位数字（收到 ${p.received}）`;
    },
  },
  "certificate.school": { title: "学历证书编号中的学校代码不符" },
  "certificate.education-type": {
    title: "学历证书编号中的办学类型不符（研究生学历证书应为 1 普通高等教育）",
    message: (p) =>
      `学历证书编号第6位（办学类型）应为 ${p.expected}（${zhName(ZH_EDUCATION, p.expected)}），收到 ${p.received}（${zhName(ZH_EDUCATION, p.received)}）`,
  },
  "certificate.year": { title: "学历证书编号中的年份与毕业年份不符" },
  "certificate.level": { title: "学历证书编号中的培养层次不符" },
  "certificate.duplicate": {
    title: "学历证书编号在本批次中重复",
    message: (p) => `学历证书编号 ${p.received} 在本批次中重复（${where(p)}）`,
  },
  "schema.invalid": {
    title: "字段缺失或类型不正确",
    message: (p, { path }) => {
      if (p.reason === "unreadable") return "记录无法读取（读取字段时出错）";
      if (p.reason === "order") return "批次的截止时间（closesAt）须晚于开放时间（opensAt）";
      const parts: string[] = [];
      const text = p.expected === "string";
      if (p.values !== undefined) parts.push(`应为 ${p.values.map(zhValue).join("、")} 之一`);
      else if (p.expected !== undefined && !(text && (p.minimum ?? p.maximum) !== undefined)) {
        parts.push(`应为${zhName(ZH_EXPECTED, p.expected)}`);
      }
      if (p.minimum !== undefined) parts.push(text ? `至少 ${p.minimum} 个字符` : `至少为 ${p.minimum}`);
      if (p.maximum !== undefined) parts.push(text ? `至多 ${p.maximum} 个字符` : `至多为 ${p.maximum}`);
      const received = zhReceived(p);
      if (received !== undefined) parts.push(`收到 ${received}`);
      const field = zhField(path, p);
      return parts.length === 0
        ? `${field}缺失或类型不正确`
        : `${field}缺失或类型不正确（${parts.join("；")}）`;
    },
  },
  "origin.empty": { title: "生源地为空" },
  "origin.format": { title: "生源地写法不合法" },
  "origin.levels": { title: "生源地须填写省市区（县）三级信息" },
  "origin.unknown": { title: "生源地不在现行行政区划中" },
  "origin.mismatch": { title: "生源地的区（县）不属于所填的市" },
  "origin.not-in-force": {
    title: "生源地不是所用版本行政区划中的名称（已更名、新设或撤销）",
    message: (p) => {
      const asOf = p.asOf === undefined ? "现行行政区划" : `${p.asOf} 的行政区划`;
      const head = `生源地“${p.received}”不在${asOf}中：`;
      const tail = zhSuggestion(p.suggestion);
      if ("renamed" in p) {
        const r = p.renamed;
        return p.asOf !== undefined && p.asOf < r.date
          ? `${head}${r.to}于 ${r.date} 由${r.from}更名而来，当时尚未更名${tail}`
          : `${head}${r.from}已于 ${r.date} 更名为${r.to}${tail}`;
      }
      if ("created" in p) return `${head}${p.created.name}于 ${p.created.date} 设立，当时尚未设立${tail}`;
      if ("abolished" in p) {
        const a = p.abolished;
        return `${head}${a.name}已于 ${a.date} 撤销${a.successor === undefined ? "" : `，并入${a.successor}`}${tail}`;
      }
      return undefined;
    },
  },
  "origin.statistical-only": {
    title: "生源地是统计用区划中的单位，不在民政部 GB/T 2260 行政区划中",
    message: (p) =>
      `生源地“${p.received}”是统计用区划代码中的单位（${p.code}），不在民政部 GB/T 2260 行政区划中：已接受，但派遣系统可能不认可`,
  },
  "origin.not-reviewed": { title: "生源地尚未复核，暂存前须完成复核" },
  "origin.locked": {
    title: "毕业注册信息已暂存或提交，生源地不能再修改",
    message: (p) =>
      p.stagedAt === undefined
        ? undefined
        : `毕业注册信息已于 ${p.stagedAt} 暂存，即使已取消暂存，生源地也不能再修改`,
  },
  "origin.review-first": { title: "生源地已复核，须由教育干部先取消复核再修改" },
  "origin.reviewer": {
    title: "只有教育干部可以复核生源地，且生源地须合法",
    message: (p) =>
      `“${zhName(ZH_EVENT, p.event)}”须由${zhRoles(p.expected)}操作，不能由${zhName(ZH_ROLE, p.received)}操作`,
  },
  "origin.undetermined": { title: "依据所给事实无法确定生源地" },
  "origin.local-policy": { title: "户口已迁入学校集体户，生源地以落户地政策为准" },
  "transition.illegal": {
    title: "当前状态下不能进行此操作",
    message: (p) => {
      if (!("event" in p)) return `当前状态下不能进行此操作（收到 ${shown(p.received)}）`;
      if (typeof p.expected === "boolean") {
        return p.expected
          ? `生源地尚未复核，不能进行“${zhName(ZH_EVENT, p.event)}”操作`
          : `生源地已复核，不能进行“${zhName(ZH_EVENT, p.event)}”操作`;
      }
      return `${zhName(ZH_STATE, p.received)}的注册不能进行“${zhName(ZH_EVENT, p.event)}”操作（须为${zhName(ZH_STATE, p.expected)}）`;
    },
  },
  "transition.role": {
    title: "当前角色无权进行此操作",
    message: (p) =>
      `“${zhName(ZH_EVENT, p.event)}”须由${zhRoles(p.expected)}操作，不能由${zhName(ZH_ROLE, p.received)}操作`,
  },
  "transition.out-of-order": {
    title: "操作时间早于注册记录中的上一步",
    message: (p) =>
      `“${zhName(ZH_EVENT, p.event)}”的操作时间早于注册记录中的上一步（上一步 ${p.expected}；本次 ${p.received}）`,
  },
  "window.closed": {
    title: "不在学历注册系统开放时间内",
    message: (p) =>
      `不在学历注册系统开放时间内（开放时间 ${p.opensAt} 至 ${p.closesAt}，不含结束时刻；收到 ${p.received}）`,
  },
  "photo.missing": { title: "未上传毕业阶段电子照片" },
  "study.incomplete": { title: "未修满课程和必修环节学分或论文未完成，不能注册" },
  "conclusion.ineligible": {
    title: "毕业结论与答辩结果或修读年限不符",
    message: (p) =>
      p.reason === "study-period"
        ? "已超过最长修读年限，不能在本批次注册"
        : `答辩结果为“${zhName(ZH_DEFENSE, p.received)}”，不能注册为${p.expected === "passed" ? "毕业" : "结业"}${p.suggestion === undefined ? "" : `，应注册为${zhName(ZH_CONCLUSION, p.suggestion)}`}`,
  },
  "batch.mismatch": { title: "学生不在当前批次，不得暂存" },
  "student-number.characters": {
    title: "学号含有不可见字符或控制字符",
    message: (p) =>
      `学号含有不可见字符或控制字符（${p.characters.join("、")}），请删除后重新填写（收到 ${p.received}）`,
  },
  "completion.explanation-missing": { title: "结业注册缺少书面说明" },
  "name-change.evidence": { title: "更改姓名的证明材料不全", message: (p) => zhEvidence("更改姓名", p) },
  "ethnicity-change.evidence": { title: "更改民族的证明材料不全", message: (p) => zhEvidence("更改民族", p) },
  "ethnicity-change.before-admission": { title: "入学前更改民族的，请联系招生部门变更" },
  "program-change.too-late": {
    title: "调整专业或变更培养单位未在答辩前6个月完成审批",
    message: (p) =>
      p.defenseDate === null
        ? `调整专业或变更培养单位于 ${p.approvedOn} 审批，但没有答辩日期，无法确认是否在答辩前6个月完成`
        : `调整专业或变更培养单位于 ${p.approvedOn} 审批，距答辩（${p.defenseDate}）不足6个月（最早可于 ${p.earliestDefenseDate} 答辩）`,
  },
  "early-graduation.not-approved": { title: "提前毕业未办理学籍变动手续" },
  "application-form.missing": { title: "不能同时取得毕业证、学位证的毕业注册学生缺少毕业注册申请书" },
  "registration.tampered": {
    title: "注册记录与其操作历史不符（已被篡改或损坏）",
    message: (p) => {
      const who = (a: Role | readonly Role[]) => zhRoles(a);
      switch (p.reason) {
        case "step":
          return `注册记录与其操作历史不符：“${zhName(ZH_EVENT, p.event)}”这一步不可能发生（应为 ${zhName(ZH_STATE, p.expected.from)}→${p.expected.to === null ? "（不可能）" : zhName(ZH_STATE, p.expected.to)}，由${who(p.expected.actor)}操作；记录为 ${zhName(ZH_STATE, p.received.from)}→${zhName(ZH_STATE, p.received.to)}，由${zhName(ZH_ROLE, p.received.actor)}操作）`;
        case "window":
          return `注册记录与其操作历史不符：“${zhName(ZH_EVENT, p.event)}”记录于 ${p.received}，不在系统开放时间内（${p.opensAt} 至 ${p.closesAt}）`;
        case "order":
          return `注册记录与其操作历史不符：“${zhName(ZH_EVENT, p.event)}”记录于 ${p.received}，早于上一步（${p.expected}）`;
        case "precondition":
          return `注册记录与其操作历史不符：“${zhName(ZH_EVENT, p.event)}”在当时不能进行（${zhCN[p.code].title}）`;
        case "batch":
          return `注册记录中的批次 ${p.id} 与该批次的设置不符（${p.fields.join("、")} 被改动）`;
        default: {
          // A state or a conclusion named in Chinese; other values (an origin, a number) the generic way.
          const expected = zhEnum(p.expected);
          const received = zhEnum(p.received);
          return expected === undefined || received === undefined
            ? undefined
            : `注册记录与其操作历史不符（已被篡改或损坏；应为 ${expected}；收到 ${received}）`;
        }
      }
    },
  },
  "batch.duplicate-id": {
    title: "证件号码在本批次中重复",
    message: (p) => `证件号码 ${p.received} 在本批次中重复（${where(p)}）`,
  },
  "batch.duplicate-student-number": {
    title: "学号在本批次中重复",
    message: (p) => `学号 ${p.received} 在本批次中重复（${where(p)}）`,
  },
  "batch.duplicate-name": {
    title: "本批次有重名学生，纸质照片背面须注明学号",
    message: (p) => `本批次有重名学生“${p.received}”（${where(p)}），纸质照片背面须注明学号`,
  },
  "form.seal": {
    title: "登记表须加盖研究所公章（非部门用印）",
    message: (p) => {
      const seals: Record<string, string> = { institute: "研究所公章", department: "部门用印" };
      if (p.received === null || p.received === undefined) return "登记表须加盖研究所公章（未盖章）";
      return `登记表须加盖研究所公章（非部门用印；收到 ${zhName(seals, p.received)}）`;
    },
  },
  "form.signature": { title: "登记表缺少审核人签字" },
  "form.upload-window": {
    title: "登记表须在系统开放时间内上传",
    message: (p) =>
      `登记表须在系统开放时间内上传（${String(p.opensAt)} 至 ${String(p.closesAt)}；收到 ${String(p.received)}）`,
  },
  "form.head-count": { title: "登记表人数与已提交的注册人数不符" },
  "photo.unreadable": {
    title: "照片文件无法读取",
    message: (p) => {
      const reasons: Record<UnreadableReason, string> = {
        empty: "文件为空",
        "unknown-format": "文件内容不是任何图片格式",
        truncated: "文件在文件头处被截断",
        "no-end-marker": "文件不完整（缺少图像结束标记）",
        "marker-expected": "JPEG 结构已损坏",
        "segment-length": "JPEG 结构已损坏",
        "end-before-frame": "JPEG 在图像头之前就已结束",
        "no-frame": "JPEG 缺少图像头（SOF）",
        "bad-frame": "JPEG 图像头（SOF）已损坏",
        "bad-quantization-table": "JPEG 量化表已损坏",
        "no-quantization-table": "JPEG 缺少量化表",
        "unsupported-frame": "JPEG 使用了无损、分层或算术编码，一般的解码器无法打开",
        "unexpected-marker": "JPEG 含有不应出现的标记",
        "bad-huffman-table": "JPEG 哈夫曼表已损坏",
        "no-huffman-table": "JPEG 缺少所需的哈夫曼表",
        "bad-scan": "JPEG 扫描头（SOS）已损坏",
        "decode-failed": "像素无法解码",
        "not-bytes": "未提供文件内容",
        "link-outside-folder": "这是指向文件夹之外文件的链接",
        "broken-link": "这是一个失效的链接",
        "not-a-file": "这不是普通文件",
        ENOENT: "文件不存在",
        EACCES: "没有读取权限",
        EPERM: "没有读取权限",
        EISDIR: "这是一个文件夹",
        ENOTDIR: "这不是文件夹",
        ELOOP: "链接形成了循环",
        EMFILE: "同时打开的文件过多",
        "read-failed": "读取失败",
      };
      const why = zhName(reasons, p.reason);
      return `照片文件无法读取：${why}`;
    },
  },
  "photo.format": { title: "照片不是 JPEG 格式" },
  "photo.dimensions": {
    title: "照片尺寸须为 480×640 像素",
    message: (p) => {
      const want = `${p.expected.width}×${p.expected.height}`;
      const received = `${p.received.width}×${p.received.height}`;
      if (p.hint === "rotated") return `照片尺寸须为 ${want} 像素（收到 ${received}，是否旋转了？）`;
      if (p.hint === "orientation") {
        return `照片尺寸须为 ${want} 像素（EXIF 方向标记 ${String(p.orientation)} 会使其显示为 ${p.expected.height}×${p.expected.width}，请旋转像素并去掉该标记）`;
      }
      return `照片尺寸须为 ${want} 像素（收到 ${received}）`;
    },
  },
  "photo.dpi": {
    title: "照片分辨率须至少 300 dpi",
    message: (p) =>
      p.received === null
        ? `照片未记录分辨率（JFIF 或 EXIF），须至少 ${p.expected} dpi`
        : `照片分辨率须至少 ${p.expected} dpi（收到 ${p.received} dpi）`,
  },
  "photo.color-depth": {
    title: "照片须为 24 位真彩色",
    message: (p) => {
      const models: Record<string, string> = {
        grayscale: "灰度",
        rgb: "RGB",
        ycbcr: "YCbCr",
        cmyk: "CMYK",
        ycck: "YCCK",
        unknown: "未知色彩模式",
      };
      return `照片须为 24 位真彩色（${p.expected.components} 个通道 × ${p.expected.bitsPerSample} 位；收到 ${p.received.components} 个通道 × ${p.received.bitsPerSample} 位，${zhName(models, p.colorModel)}）`;
    },
  },
  "photo.file-size": {
    title: "照片大小须在 18K–40K 之间",
    // The bounds in K (of 1024 bytes) when they are whole K, as the default 18K and 40K are.
    message: (p) =>
      `照片大小须在 ${zhK(p.min)}–${zhK(p.max)} 之间（应为 ${p.min}–${p.max} 字节；收到 ${p.received} 字节）`,
  },
  "photo.file-size-units": {
    title: "照片大小按 1K=1024 字节与按 1K=1000 字节计算结论不同",
    message: (p) => {
      const low = p.received < p.kib.min;
      const k = (low ? p.kib.min : p.kib.max) / 1024;
      return low
        ? `照片大小 ${p.received} 字节：按 1K=1024 字节计不足 ${k}K，按 1K=1000 字节计已达 ${k}K；较严格的上传系统可能拒收`
        : `照片大小 ${p.received} 字节：按 1K=1024 字节计未超过 ${k}K，按 1K=1000 字节计已超过 ${k}K；较严格的上传系统可能拒收`;
    },
  },
  "photo.trailer": {
    title: "照片文件在图像结束标记之后还有附加数据",
    message: (p) =>
      `照片文件在图像结束标记（FF D9）之后还有 ${p.bytes} 字节附加数据（常由手机相机写入），较严格的上传系统可能拒收`,
  },
  "photo.file-name": {
    title: "照片须以身份证号或学号命名，不得含有姓名等其他信息",
    message: (p) => {
      const parts: string[] = [];
      if (p.expected.length > 0) parts.push(`应为 ${p.expected.join(" 或 ")}`);
      parts.push(`收到 ${p.received}`);
      if (p.suggestion !== undefined) parts.push(`建议 ${p.suggestion}`);
      return `照片须以身份证号或学号命名，不得含有姓名等其他信息（${parts.join("；")}）`;
    },
  },
  "photo.quality": {
    title: "照片 JPEG 压缩质量低于 60",
    message: (p) => `照片 JPEG 压缩质量低于 ${p.expected}（应为 ≥ ${p.expected}；收到 ${p.received}）`,
  },
  "photo.edited": {
    title: "照片疑似经过 PS 或美颜处理",
    message: (p) => `照片疑似经过 PS 或美颜处理（EXIF 记载的软件为 ${p.editor}：“${p.received}”）`,
  },
  "photo.background": {
    title: "照片背景不是均匀的浅蓝色",
    message: (p) => {
      const mean = `RGB(${p.received.join(", ")})`;
      const ref = `(${p.expected.join(", ")})`;
      return p.reason === "uniformity"
        ? `照片背景不均匀（颜色标准差 ${p.deviation}，各边相差 ${p.spread}）`
        : `照片背景不是浅蓝色（边缘平均颜色 ${mean}，参考色 ${ref}，色差 ${p.distance}）`;
    },
  },
  "photo.orphan": { title: "照片文件名与任何学生都不匹配" },
  "photo.duplicate": { title: "同一学生有多个照片文件" },
  "photo.admission-year": {
    title: "以证件号命名的照片上传时须选择入学年度",
    message: (p) =>
      "namedBy" in p
        ? undefined
        : `入学年度与上传时选择的入学年度不符（应为 ${p.expected}；收到 ${p.received}）`,
  },
  "roster.unreadable-row": {
    title: "名册中的这一行无法读取",
    message: (p) => {
      if (p.reason === "ragged")
        return `名册中的这一行无法读取：列数与表头不符（表头 ${String(p.expected)} 列，本行 ${String(p.received)} 列）`;
      if (p.reason === "encoding")
        return "名册中的这一行无法读取：编码与文件其余部分不同（如 GB18030 混入 UTF-8）";
      if (p.reason === "oversized")
        return `名册中的这一行无法读取：有单元格过长（最多 ${String(p.expected)} 个字符，收到 ${String(p.received)} 个）`;
      if (p.reason === "too-long")
        return `名册中的这一行无法读取：这一行过长（最多 ${String(p.expected)} 个字符，收到 ${String(p.received)} 个），已跳过`;
      if (p.reason === "too-many-cells")
        return `名册中的这一行无法读取：单元格过多（最多 ${String(p.expected)} 个，收到 ${String(p.received)} 个），已跳过`;
      if (p.line === undefined) return "名册中的这一项无法读取：不是一条学生记录（应为对象）";
      return `名册中的这一行无法读取：CSV 格式错误（第 ${p.line} 行附近），如引号未闭合`;
    },
  },
  "roster.stray-quote": {
    title: "单元格的引号未闭合，其后的行曾被并成一行",
    message: (p) =>
      `第 ${p.line} 行有单元格以引号开头却没有闭合：文件第 ${p.line}–${p.lastLine} 行（共 ${p.lines} 行）曾被读成一行；已把这个引号当作普通字符，逐行重新读取。请删去多余的引号`,
  },
  "roster.id-as-number": {
    title: "证件号码被存成了数字，第 15 位以后的数字已经丢失",
    message: (p) =>
      `证件号码被 Excel 存成了数字（收到 ${p.received}）：Excel 的数字只保留 15 位有效数字，第 15 位以后的数字已经丢失，无法从这个文件恢复。请把“证件号码”列的单元格格式设置为“文本”，再重新输入（或从学籍系统重新导出）这些证件号码`,
  },
  "roster.unreadable": {
    title: "名册文件无法读取",
    message: (p) => {
      const what = ZH_ROSTER_FORMAT[p.format] ?? "文件";
      if (p.reason === "binary")
        return "名册文件无法读取：既不是文本文件，也不是 Excel 工作簿（文件类型或扩展名有误？）";
      if (p.reason === "encrypted") return `名册文件无法读取：${what}设有打开密码，请取消密码后重新保存`;
      if (p.reason === "json")
        return `名册文件无法读取：JSON 格式错误${p.line === undefined ? "" : `（第 ${p.line} 行）`}`;
      if (p.reason === "json-shape")
        return '名册文件无法读取：JSON 名册应为学生数组，或 { "students": [...] }';
      return `名册文件无法读取：${what}已损坏或不完整`;
    },
  },
  "roster.too-large": {
    title: "名册文件过大，未检查",
    message: (p) => {
      if (p.limit === "maxRows")
        return `名册超过 ${p.expected} 行的上限${p.received === undefined ? "" : `（共 ${p.received} 行）`}，未检查；请分成几个文件`;
      if (p.limit === "maxInflatedBytes")
        return `工作簿解压后超过 ${zhBytes(p.expected)} 的上限${p.received === undefined ? "" : `（至少 ${zhBytes(p.received)}）`}，未检查`;
      if (p.limit === "maxXlsBytes")
        return `Excel 97-2003 工作簿（.xls）超过 ${zhBytes(p.expected)} 的上限${p.received === undefined ? "" : `（${zhBytes(p.received)}）`}，未检查；请另存为 .xlsx 或 CSV`;
      if (p.limit === "zipEntries")
        return `工作簿的部件过多（${p.received === undefined ? "" : `${p.received} 个，`}上限 ${p.expected} 个），未检查`;
      return `名册文件超过 ${zhBytes(p.expected)} 的上限${p.received === undefined ? "" : `（${zhBytes(p.received)}）`}，未检查`;
    },
  },
  "roster.no-header": {
    title: "名册中没有找到表头行",
    message: (p) => `名册前 ${p.searched} 行中没有表头行（表头应列出学号、姓名、证件号码等列名）`,
  },
  "roster.columns-missing": {
    title: "名册缺少必需的列",
    message: (p) =>
      `名册缺少必需的列：${p.missing.map((m) => m.header).join("、")}（${p.row > 0 ? `表头在第 ${p.row} 行，` : ""}${p.sheet === undefined ? "" : `工作表“${p.sheet}”，`}列名见 docs/roster.md）`,
  },
  "roster.empty": {
    title: "名册中没有学生",
    message: (p) =>
      p.header === undefined
        ? "名册是空的：没有表头，也没有学生"
        : `名册中没有学生：表头（第 ${p.header} 行）之后没有数据行`,
  },
  "roster.sheet-missing": {
    title: "工作簿中没有指定的工作表",
    message: (p) =>
      `工作簿中没有${typeof p.received === "number" ? `第 ${p.received} 个工作表` : `名为“${p.received}”的工作表`}（共 ${p.count} 个：${p.sheets.map((n) => `“${n.slice(0, 40)}”`).join("、")}${p.count > p.sheets.length ? "……" : ""}）`,
  },
};

// Roster files in messages.
const ZH_ROSTER_FORMAT: Record<string, string> = {
  csv: "CSV 文件",
  tsv: "文本文件",
  xlsx: "Excel 工作簿（.xlsx）",
  xls: "Excel 97-2003 工作簿（.xls）",
  json: "JSON 文件",
};

/** A size in bytes as a registrar reads it: MiB from 1 MiB up. */
function zhBytes(n: number): string {
  const mib = n / (1024 * 1024);
  if (mib < 1) return `${n} 字节`;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
