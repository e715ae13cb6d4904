import type { Severity } from "../core/result.js";
import type { FindingCode, FindingParams } from "./params.js";

/**
 * The rule catalogue: every finding code with its severity, the rules-digest clause it rests on,
 * the national standard where one applies, and the notice's own sentence where the notice says it.
 * Titles and messages live in the locale tables (`./locales/`), keyed by the same codes; params
 * shapes in `./params.ts`.
 */
export interface CatalogueEntry {
  readonly severity: Severity;
  /** Clause of `rules-digest.md`, e.g. `"5.3.3"`. */
  readonly clause: string;
  /** National standard or format the rule applies, where the notice relies on one. */
  readonly standard?: string;
  /** The notice's own Chinese sentence (or the digest's decision) behind the rule. */
  readonly notice?: string;
}

const N_FIELDS = "毕业生学历注册的各项信息要求务必准确无误，请各单位仔细核对。";
const N_PHOTO_FORMAT =
  "电子照片格式要求：宽×高为480*640，分辨率最小为300 dpi（像素/英寸），24位真彩，大小18K-40K；照片务必用身份证号或者学号命名（如使用上传证件号命名的照片必须选择入学年度），JPEG格式，照片命名不得出现姓名等其他信息。";
const N_ORIGIN =
  "毕业生“生源地”信息填写要求为：填写省市区（县）三级信息，直辖市填写“xx市xx区”，省和自治区填写“xx省xx市xx区（县）”，否则数据导入北京市教委派遣系统会报错“生源地信息不合法”，无法打印报到证。";
const N_LOCK =
  "请各单位务必在提交毕业注册之前修改维护学生“生源地”信息并完成复核，一旦学生的毕业注册信息已暂存或提交到，其生源地将无法修改。";
const N_FORM =
  "系统所生成电子注册登记表，人数经系统自动生成，需经研究所相关审核人签字，并加盖所在单位公章后（需为研究所公章，非部门用印），务必在系统开放时间内将扫描文档进行上传。";

export const catalogue = {
  // Identity documents (3.1; GB 11643-1999 and the permits' national formats)
  "id.format": { severity: "error", clause: "3.1", standard: "GB 11643-1999", notice: N_FIELDS },
  "id.checksum": { severity: "error", clause: "3.1", standard: "GB 11643-1999", notice: N_FIELDS },
  "id.birth-date": { severity: "error", clause: "3.1", standard: "GB 11643-1999", notice: N_FIELDS },
  "id.region": { severity: "error", clause: "3.1", standard: "GB/T 2260", notice: N_FIELDS },
  "id.legacy": { severity: "warning", clause: "3.1", standard: "GB 11643-1999", notice: N_FIELDS },
  "id.sex-mismatch": { severity: "error", clause: "3.1", standard: "GB 11643-1999", notice: N_FIELDS },
  // Name (3.1)
  "name.empty": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "name.characters": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "name.whitespace": { severity: "warning", clause: "3.1", notice: N_FIELDS },
  "name.missing-dot": { severity: "error", clause: "3.1", notice: N_FIELDS },
  // Ethnicity (3.1; GB/T 3304-1991)
  "ethnicity.unknown": { severity: "error", clause: "3.1", standard: "GB/T 3304-1991", notice: N_FIELDS },
  "ethnicity.renamed": { severity: "warning", clause: "3.1", standard: "GB/T 3304-1991", notice: N_FIELDS },
  "ethnicity.empty": { severity: "error", clause: "3.1", standard: "GB/T 3304-1991", notice: N_FIELDS },
  // Certificate number (2.2; national 学历证书编号 format)
  "certificate.format": {
    severity: "error",
    standard: "学历证书编号",
    clause: "2.2",
    notice: "学生处根据各单位提交的学历注册数据，审核汇总后，确定学历证书编号。",
  },
  "certificate.school": {
    severity: "error",
    standard: "学历证书编号",
    clause: "2.2",
    notice: "采集图像信息时，所在学校务必选择：中国科学院大学，代码14430。",
  },
  "certificate.education-type": {
    severity: "error",
    standard: "学历证书编号",
    clause: "2.2",
    notice: "学生处根据各单位提交的学历注册数据，审核汇总后，确定学历证书编号。",
  },
  "certificate.year": {
    severity: "error",
    standard: "学历证书编号",
    clause: "2.1.3",
    notice: "2022年第三批次的毕业日期统一预设置为“2022年6月26日”。",
  },
  "certificate.level": {
    severity: "error",
    standard: "学历证书编号",
    clause: "2.2",
    notice: "学生处根据各单位提交的学历注册数据，审核汇总后，确定学历证书编号。",
  },
  "certificate.duplicate": {
    severity: "error",
    standard: "学历证书编号",
    clause: "2.2",
    notice: "学生处根据各单位提交的学历注册数据，审核汇总后，确定学历证书编号。",
  },
  // Student record as a whole (3.1)
  "schema.invalid": { severity: "error", clause: "3.1", notice: N_FIELDS },
  // Origin (3.3)
  "origin.empty": { severity: "error", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.format": { severity: "error", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.levels": { severity: "error", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.unknown": { severity: "error", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.mismatch": { severity: "error", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.not-in-force": { severity: "error", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.statistical-only": { severity: "warning", clause: "3.3", standard: "GB/T 2260", notice: N_ORIGIN },
  "origin.not-reviewed": { severity: "error", clause: "3.3.4", notice: N_LOCK },
  "origin.locked": { severity: "error", clause: "3.3.4", notice: N_LOCK },
  "origin.review-first": {
    severity: "error",
    clause: "3.3.2",
    notice: "生源地已经复核：教育干部先取消复核……学生或教育干部即可重新修改维护。",
  },
  "origin.reviewer": {
    severity: "error",
    clause: "3.3.3",
    notice: "更正后，请教育干部重新复核生源地。",
  },
  "origin.undetermined": {
    severity: "error",
    clause: "3.3.5",
    notice: "一般而言,生源地是指高考前常住户籍所在地。",
  },
  "origin.local-policy": {
    severity: "warning",
    clause: "3.3.5",
    notice: "若读研时户口已经迁入学校集体户，则需要以落户地的政策为准。",
  },
  // The registration process (1, 2, 3)
  "transition.illegal": {
    severity: "error",
    clause: "2",
    notice: "注：提交页面是最终操作页面，提交后将不可逆操作。",
  },
  "transition.role": {
    severity: "error",
    clause: "2",
    notice: "各研究所提交毕业数据后，学生处方能看到研究所报送的毕业注册学生信息。",
  },
  "transition.out-of-order": {
    severity: "error",
    clause: "2",
    notice: "注：提交页面是最终操作页面，提交后将不可逆操作。",
  },
  "window.closed": {
    severity: "error",
    clause: "2.1",
    notice: "请各单位于2022年5月18日8:00至2022年6月10日24:00期间，登录教育业务管理平台。",
  },
  "photo.missing": {
    severity: "error",
    clause: "2.1.1.1",
    notice: "未在学籍系统上传毕业阶段照片的学生不能“暂存”、也无法提交毕业注册。",
  },
  "study.incomplete": {
    severity: "error",
    clause: "1.1",
    notice: "请在提交毕业注册学生前，务必确认全体毕业学生均已修满要求课程和必修环节的学分，且论文答辩通过。",
  },
  "conclusion.ineligible": {
    severity: "error",
    clause: "1.2",
    notice: "毕业/学位论文未能通过答辩准予结业，获得学校颁发的结业证书的学生。",
  },
  "batch.mismatch": {
    severity: "error",
    clause: "2.1.1.2",
    notice:
      "切记，请不要将不在当前批次进行学历注册的学生，在此处进行暂存操作，否则影响日后毕业电子注册工作。",
  },
  "student-number.characters": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "completion.explanation-missing": {
    severity: "error",
    clause: "2.1.2",
    notice: "注册为结业的学生，应提交书面说明。",
  },
  "name-change.evidence": {
    severity: "error",
    clause: "3.1.1",
    notice:
      "学生在学期间更改姓名，需提供培养单位签署意见盖章的学生本人申请材料，并附下述材料之一：派出所出具的改名证明；户口卡正反面彩色扫描件。",
  },
  "ethnicity-change.evidence": {
    severity: "error",
    clause: "3.1.2",
    notice:
      "入学后更改民族的，须提供学生户籍所在地公安派出所出具的民族变更证明或户口页的正反面彩色扫描件，以及身份证的正反面彩色扫描件。",
  },
  "ethnicity-change.before-admission": {
    severity: "error",
    clause: "3.1.2",
    notice: "入学前更改民族的，请联系招生部门进行变更。",
  },
  "program-change.too-late": {
    severity: "error",
    clause: "3.1.3",
    notice: "调整学生攻读专业、变更培养单位的，应在答辩前6个月完成学籍变动申请及审批。",
  },
  "early-graduation.not-approved": {
    severity: "error",
    clause: "3.1.5",
    notice: "凡提前毕业学生，需向国科大提交学籍变动申请，办理相关的提前毕业手续。",
  },
  "application-form.missing": {
    severity: "error",
    clause: "3.2",
    notice:
      "对此次通过论文答辩，不能同时取得毕业证、学位证并拟申报毕业注册的学生，应让其填写毕业注册申请书（研究所留存）。",
  },
  "registration.tampered": {
    severity: "error",
    clause: "2",
    notice: "注：提交页面是最终操作页面，提交后将不可逆操作。",
  },
  // Batches and the registration form (3.1, 4.1, 4.2)
  "batch.duplicate-id": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "batch.duplicate-student-number": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "batch.duplicate-name": {
    severity: "warning",
    clause: "4.2.3",
    notice: "照片背后务必用“圆珠笔”或“铅笔”写清毕业生姓名……如有重名，请注明学号。",
  },
  "form.seal": { severity: "error", clause: "4.1", notice: N_FORM },
  "form.signature": { severity: "error", clause: "4.1", notice: N_FORM },
  "form.upload-window": { severity: "error", clause: "4.1", notice: N_FORM },
  "form.head-count": { severity: "error", clause: "4.1", notice: N_FORM },
  // Photos (5)
  "photo.unreadable": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.format": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.dimensions": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.dpi": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.color-depth": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.file-size": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.file-size-units": { severity: "warning", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.trailer": { severity: "warning", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.file-name": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.quality": {
    severity: "warning",
    clause: "5.3.3",
    standard: "教毕指〔2017〕99号",
    notice: N_PHOTO_FORMAT,
  },
  "photo.edited": {
    severity: "warning",
    clause: "5.2.2",
    notice: "请务必拍摄普通照片，不接受“精拍”和“PS”过的照片。",
  },
  "photo.background": {
    severity: "error",
    clause: "4.2.2",
    standard: "教毕指〔2017〕99号",
    notice: "照片必须为2寸正面免冠蓝底彩色照片，与学信网毕业注册照片为同版照片。",
  },
  "photo.orphan": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.duplicate": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  "photo.admission-year": { severity: "error", clause: "5.3.3", notice: N_PHOTO_FORMAT },
  // Rosters (3.1)
  "roster.unreadable-row": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "roster.stray-quote": { severity: "warning", clause: "3.1", notice: N_FIELDS },
  "roster.id-as-number": { severity: "error", clause: "3.1", standard: "GB 11643-1999", notice: N_FIELDS },
  "roster.unreadable": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "roster.too-large": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "roster.no-header": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "roster.columns-missing": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "roster.empty": { severity: "error", clause: "3.1", notice: N_FIELDS },
  "roster.sheet-missing": { severity: "error", clause: "3.1", notice: N_FIELDS },
} as const satisfies Catalogue;

/**
 * The catalogue's type: one entry for every code of `FindingParams`, no more, no fewer. A code
 * added to `FindingParams` without an entry here, or an entry without params, does not compile.
 */
export type Catalogue = CatalogueOf<FindingParams>;

/** A catalogue for a params map: one entry per code of `P` (the type tests add a code to `P`). */
export type CatalogueOf<P> = { readonly [C in keyof P]: CatalogueEntry };

/** All codes, in catalogue order. */
export const findingCodes = Object.keys(catalogue) as FindingCode[];
