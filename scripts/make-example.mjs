// Generates the bundled example of `xueli check --example`: examples/roster.csv (20 made-up
// students, UTF-8 with BOM as Excel reads it), examples/photos/ (one synthetic JPEG per student
// who has uploaded a photo, plus one stray file) and examples/roster-template.csv (the headers).
//
// No real person's data: names are invented, ID numbers are built here with a valid GB 11643-1999
// check character (except where a row is broken on purpose), photos are drawn by
// scripts/photo-fixtures.mjs. Deterministic: running it twice writes the same bytes.
//
//   node scripts/make-example.mjs [OUT_DIR]     (default: examples/)
//
// Broken rows on purpose (the codes `xueli check --example` must show, pinned by
// test/cli/example-report.json): a wrong ID check character, an origin missing its prefecture, a
// photo not uploaded, a failed defense registered as graduation, a photo of the wrong size, a
// completion without its written explanation, an origin not reviewed, a renamed ethnic group
// (warning), a change of name without the police certificate, and a photo matching no student.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { makePhoto } from "./photo-fixtures.mjs";
import { csvCell, rosterHeaders as headers, residentId, withWrongCheck } from "./roster-fixtures.mjs";

const out = process.argv[2];
const root = out ? pathToFileURL(`${out.replace(/\/+$/, "")}/`) : new URL("../examples/", import.meta.url);
const photos = new URL("photos/", root);

// name, sex, ethnicity, level, unit, major, supervisor, admission year, origin, region code, birth
const people = [
  [
    "林思远",
    "男",
    "汉族",
    "博士",
    "计算技术研究所",
    "计算机系统结构",
    "张立群",
    2017,
    "北京市海淀区",
    "110108",
    "19930412",
  ],
  [
    "周雨桐",
    "女",
    "汉族",
    "硕士",
    "物理研究所",
    "凝聚态物理",
    "刘卫东",
    2019,
    "河北省石家庄市正定县",
    "130123",
    "19970203",
  ],
  [
    "陈子墨",
    "男",
    "回族",
    "博士",
    "化学研究所",
    "物理化学",
    "黄志成",
    2017,
    "宁夏回族自治区银川市兴庆区",
    "640104",
    "19920915",
  ],
  [
    "赵一鸣",
    "男",
    "满族",
    "硕士",
    "数学与系统科学研究院",
    "应用数学",
    "杨文博",
    2019,
    "辽宁省沈阳市和平区",
    "210102",
    "19961120",
  ],
  [
    "孙若溪",
    "女",
    "汉族",
    "博士",
    "生态环境研究中心",
    "环境科学",
    "朱建国",
    2016,
    "湖北省洪山区",
    "420111",
    "19910707",
  ],
  [
    "吴浩然",
    "男",
    "汉族",
    "硕士",
    "计算技术研究所",
    "计算机应用技术",
    "张立群",
    2019,
    "河南省济源市",
    "419001",
    "19970530",
  ],
  [
    "郑可欣",
    "女",
    "汉族",
    "博士",
    "物理研究所",
    "光学",
    "马晓光",
    2017,
    "上海市浦东新区",
    "310115",
    "19930128",
  ],
  [
    "王嘉禾",
    "男",
    "蒙古族",
    "硕士",
    "化学研究所",
    "高分子化学与物理",
    "黄志成",
    2019,
    "内蒙古自治区呼和浩特市新城区",
    "150102",
    "19961009",
  ],
  [
    "冯书瑶",
    "女",
    "汉族",
    "博士",
    "数学与系统科学研究院",
    "基础数学",
    "杨文博",
    2017,
    "四川省成都市武侯区",
    "510107",
    "19920622",
  ],
  [
    "何明轩",
    "男",
    "汉族",
    "硕士",
    "生态环境研究中心",
    "环境工程",
    "朱建国",
    2019,
    "广东省广州市天河区",
    "440106",
    "19970314",
  ],
  [
    "许清妍",
    "女",
    "壮族",
    "博士",
    "计算技术研究所",
    "计算机软件与理论",
    "孙明哲",
    2017,
    "广西壮族自治区南宁市青秀区",
    "450103",
    "19930817",
  ],
  [
    "韩知远",
    "男",
    "汉族",
    "硕士",
    "物理研究所",
    "理论物理",
    "马晓光",
    2019,
    "浙江省杭州市西湖区",
    "330106",
    "19960725",
  ],
  [
    "曹安琪",
    "女",
    "汉族",
    "博士",
    "化学研究所",
    "有机化学",
    "周启明",
    2016,
    "江苏省南京市玄武区",
    "320102",
    "19910219",
  ],
  [
    "邓逸飞",
    "男",
    "汉族",
    "硕士",
    "数学与系统科学研究院",
    "运筹学与控制论",
    "杨文博",
    2019,
    "山东省济南市历下区",
    "370102",
    "19970108",
  ],
  [
    "谢雨萌",
    "女",
    "汉族",
    "博士",
    "生态环境研究中心",
    "生态学",
    "朱建国",
    2017,
    "湖南省长沙市岳麓区",
    "430104",
    "19921203",
  ],
  [
    "罗景行",
    "男",
    "土家族",
    "硕士",
    "计算技术研究所",
    "计算机应用技术",
    "孙明哲",
    2019,
    "湖北省恩施土家族苗族自治州恩施市",
    "422801",
    "19960411",
  ],
  [
    "高沐阳",
    "男",
    "毛难族",
    "博士",
    "物理研究所",
    "等离子体物理",
    "马晓光",
    2017,
    "贵州省黔南布依族苗族自治州都匀市",
    "522701",
    "19930306",
  ],
  [
    "梁晓棠",
    "女",
    "汉族",
    "硕士",
    "化学研究所",
    "分析化学",
    "周启明",
    2019,
    "福建省厦门市思明区",
    "350203",
    "19970927",
  ],
  [
    "宋一诺",
    "女",
    "汉族",
    "博士",
    "数学与系统科学研究院",
    "计算数学",
    "杨文博",
    2017,
    "陕西省西安市雁塔区",
    "610113",
    "19930514",
  ],
  [
    "唐锦程",
    "男",
    "汉族",
    "硕士",
    "生态环境研究中心",
    "环境科学",
    "朱建国",
    2019,
    "重庆市渝中区",
    "500103",
    "19961102",
  ],
];

const rows = people.map((p, i) => {
  const [name, sex, ethnicity, level, unit, major, supervisor, year, origin, region, birth] = p;
  const n = i + 1;
  const studentNumber = `${year}1800${String(n).padStart(7, "0")}`;
  const r = {
    学号: studentNumber,
    姓名: name,
    性别: sex,
    民族: ethnicity,
    证件类型: "居民身份证",
    证件号码: residentId(region, birth, 20 + n * 7, sex === "男"),
    培养层次: level,
    培养单位: unit,
    专业: major,
    导师: supervisor,
    入学年度: String(year),
    批次: "ucas-2022-3",
    生源地: origin,
    生源地是否复核: "是",
    照片是否上传: "是",
    照片文件名: `${studentNumber}.jpg`,
    毕业结论: "毕业",
    课程学分是否修满: "是",
    必修环节是否完成: "是",
    论文是否完成: "是",
    答辩结果: "通过",
    答辩日期: `2022-05-${String(9 + n).padStart(2, "0")}`,
    最长修读年限内: "是",
    是否获得学位证书: "是",
    书面说明: "",
    毕业注册申请书: "",
  };
  return r;
});

// The broken rows (1-based student positions; the spreadsheet row is one more).
const at = (n) => rows[n - 1];
at(3).证件号码 = withWrongCheck(at(3).证件号码); // id.checksum (3.1)
// Student 5 (孙若溪): "湖北省洪山区" lacks the prefecture → origin.levels (3.3)
at(7).照片是否上传 = "否"; // photo.missing (2.1.1.1), and no file in examples/photos/
at(7).照片文件名 = "";
at(9).答辩结果 = "未通过"; // graduation with a failed defense → conclusion.ineligible (1.1, 1.2)
// Student 11 (许清妍): her photo file is 400 × 533 → photo.dimensions (5.3.3)
Object.assign(at(13), { 答辩结果: "未通过", 毕业结论: "结业", 书面说明: "否" }); // completion.explanation-missing (2.1.2)
Object.assign(at(14), { 答辩结果: "未通过", 毕业结论: "结业", 书面说明: "是" }); // a valid completion (1.2)
at(15).生源地是否复核 = "否"; // origin.not-reviewed (3.3.4)
// Student 17 (高沐阳): "毛难族" is the old name of 毛南族 → ethnicity.renamed (warning)
Object.assign(at(18), { 曾用名: "梁小棠", 改名日期: "2020-03-16", 改名材料: "本人申请" }); // name-change.evidence (3.1.1)
Object.assign(at(19), { 是否获得学位证书: "否", 毕业注册申请书: "是" }); // graduating without the degree: form kept (3.2)

const csv = (lines) => `\uFEFF${lines.map((l) => l.map(csvCell).join(",")).join("\r\n")}\r\n`;

mkdirSync(root, { recursive: true });
writeFileSync(
  new URL("roster.csv", root),
  csv([headers, ...rows.map((r) => headers.map((h) => r[h] ?? ""))]),
);
writeFileSync(new URL("roster-template.csv", root), csv([headers]));

// [decision] Quality 62 (the rule warns below 60), brought up to 20 K (the rule's 18 K–40 K, 5.3.3) by a comment segment of
// spaces: valid photos whose padding compresses, so the 20 of them weigh ~10 K each in the packed
// tarball instead of ~20 K (issue 13.6: the package at most 600 KB packed).
const lean = { quality: 62, padTo: 20 * 1024 };
rmSync(photos, { recursive: true, force: true });
mkdirSync(photos, { recursive: true });
rows.forEach((r, i) => {
  if (r.照片是否上传 !== "是") return;
  const size = i + 1 === 11 ? { width: 400, height: 533 } : {};
  writeFileSync(new URL(`${r.学号}.jpg`, photos), makePhoto({ seed: 100 + i, ...lean, ...size }));
});
// A stray file: its name is no student's number → photo.orphan (5.3.3)
writeFileSync(new URL("201918000000099.jpg", photos), makePhoto({ seed: 99, ...lean }));

process.stdout.write(
  `examples/: roster.csv (${rows.length} students), ${readdirSync(photos).length} photos\n`,
);
