import { divisionsData } from "./divisions.data.js";

/**
 * The division table behind the origin rules (3.3), parsed lazily from the generated
 * `divisions.data.ts` at the first call (not at import: `sideEffects: false` stays honest and an
 * import costs nothing), then kept for the life of the module.
 */

/** A level of the table: 0 province, 1 prefecture (or a placeholder), 2 county. */
export type Level = 0 | 1 | 2;

/** One division of the table. */
export interface Division {
  readonly id: number;
  readonly level: Level;
  /** Six-digit GB/T 2260 code. */
  readonly code: string;
  readonly name: string;
  /** The name without its level suffix (密云区 → 密云), used for short and renamed forms. */
  readonly stem: string;
  /** Id of the parent division, -1 for a province. */
  readonly parent: number;
  /** A placeholder middle level (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划). */
  readonly placeholder: boolean;
}

/** A complete origin: what a correct full form names. */
export interface OriginUnit {
  /** GB/T 2260 code of the most specific division named. */
  readonly code: string;
  readonly province: string;
  readonly prefecture?: string;
  readonly county?: string;
  /** The full form: the names of the parts, placeholders left out. */
  readonly normalized: string;
  /** Division ids of the parts, in order (province, prefecture?, county?). */
  readonly parts: readonly number[];
}

/** A dictionary entry: a string that names a division, exactly or by its stem. */
export interface TokenRef {
  readonly id: number;
  readonly stem: boolean;
}

/** What a string of the dictionary names, and whether it is only a placeholder or only a stem. */
export interface TokenEntry {
  readonly refs: readonly TokenRef[];
  readonly placeholder: boolean;
  readonly stem: boolean;
}

export interface Table {
  readonly divisions: readonly Division[];
  readonly units: readonly OriginUnit[];
  /** Full form → unit: the fast path of `validateOrigin`. */
  readonly full: ReadonlyMap<string, OriginUnit>;
  /** Six-digit code → unit, for an origin written as its code (110108). */
  readonly codes: ReadonlyMap<string, OriginUnit>;
  /** Name or stem → the divisions it may name. */
  readonly tokens: ReadonlyMap<string, TokenEntry>;
  /** Stem → divisions with that stem (for renamed units: 密云县 → 密云区). */
  readonly stems: ReadonlyMap<string, readonly number[]>;
  /** Division id → the units it is part of. */
  readonly unitsOf: readonly (readonly OriginUnit[])[];
  readonly maxTokenLength: number;
}

/** Placeholder middle levels of the source: never part of a written origin. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "市辖区",
  "县",
  "省直辖县级行政区划",
  "自治区直辖县级行政区划",
]);

// Ethnic groups as they appear in the names of autonomous units (自治区/州/县/旗). Multi-character
// names may appear without 族 (伊犁哈萨克自治州, 博尔塔拉蒙古自治州); one-character names always with it.
const ETHNIC = [
  "蒙古",
  "回",
  "藏",
  "维吾尔",
  "苗",
  "彝",
  "壮",
  "布依",
  "朝鲜",
  "满",
  "侗",
  "瑶",
  "白",
  "土家",
  "哈尼",
  "哈萨克",
  "傣",
  "黎",
  "傈僳",
  "佤",
  "畲",
  "高山",
  "拉祜",
  "水",
  "东乡",
  "纳西",
  "景颇",
  "柯尔克孜",
  "土",
  "达斡尔",
  "仫佬",
  "羌",
  "布朗",
  "撒拉",
  "毛南",
  "仡佬",
  "锡伯",
  "阿昌",
  "普米",
  "塔吉克",
  "怒",
  "乌孜别克",
  "俄罗斯",
  "鄂温克",
  "德昂",
  "保安",
  "裕固",
  "京",
  "塔塔尔",
  "独龙",
  "鄂伦春",
  "赫哲",
  "门巴",
  "珞巴",
  "基诺",
].sort((a, b) => b.length - a.length);

/** Strips trailing ethnic names (彝族, 哈萨克 …) from what precedes 自治州/县/旗. */
function stripEthnic(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC) {
      if (out.endsWith(`${e}族`) && out.length > e.length + 1) {
        out = out.slice(0, -(e.length + 1));
        changed = true;
        break;
      }
      if (e.length > 1 && out.endsWith(e) && out.length > e.length) {
        out = out.slice(0, -e.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

// The only 林区 and 特区 of GB/T 2260: any other name ending in 林区 or 特区 is a 区 (万柏林区).
const FOREST_OR_SPECIAL: ReadonlySet<string> = new Set(["神农架林区", "六枝特区"]);

/**
 * The stem of a division name: without its level suffix, ethnic names of autonomous units
 * removed (石柱土家族自治县 → 石柱, 内蒙古自治区 → 内蒙古, 万柏林区 → 万柏林, 神农架林区 → 神农架).
 * Returns the name itself when nothing of at least two characters would remain.
 */
export function stemOf(name: string): string {
  let s = name;
  const auto = /(自治区|自治州|自治县|自治旗|特别行政区)$/.exec(s);
  if (auto) {
    s = s.slice(0, -auto[0].length);
    const stripped = stripEthnic(s);
    s = stripped.length >= 2 ? stripped : s.replace(/族$/, "");
  } else if (FOREST_OR_SPECIAL.has(s)) {
    s = s.slice(0, -2);
  } else if (/新区$/.test(s) && s.length >= 4) {
    s = s.slice(0, -2);
  } else if (/(地区)$/.test(s)) {
    s = s.slice(0, -2);
  } else if (/[省市区县旗盟州]$/.test(s)) {
    s = s.slice(0, -1);
  }
  return s.length >= 2 ? s : name;
}

let cached: Table | undefined;

/** The parsed table, built on the first call. */
export function getTable(): Table {
  cached ??= buildTable(divisionsData);
  return cached;
}

/** Parses the generated data (exported for tests). */
export function buildTable(data: readonly string[]): Table {
  const divisions: Division[] = [];
  const units: OriginUnit[] = [];
  const add = (level: Level, code: string, name: string, parent: number): Division => {
    const d: Division = {
      id: divisions.length,
      level,
      code,
      name,
      stem: stemOf(name),
      parent,
      placeholder: level === 1 && PLACEHOLDERS.has(name),
    };
    divisions.push(d);
    return d;
  };
  for (const line of data) {
    const [head = "", ...prefs] = line.split("|");
    const p = add(0, `${head.slice(0, 2)}0000`, head.slice(2), -1);
    if (prefs.length === 0) {
      units.push({ code: p.code, province: p.name, normalized: p.name, parts: [p.id] });
    }
    for (const pref of prefs) {
      const [fhead = "", list] = pref.split(":");
      const f = add(1, `${p.code.slice(0, 2)}${fhead.slice(0, 2)}00`, fhead.slice(2), p.id);
      if (list === undefined) {
        // A prefecture-level city without counties (东莞, 中山, 儋州, 嘉峪关): complete with two names.
        units.push({
          code: f.code,
          province: p.name,
          prefecture: f.name,
          normalized: p.name + f.name,
          parts: [p.id, f.id],
        });
        continue;
      }
      for (const item of list.split(",")) {
        const c = add(2, `${f.code.slice(0, 4)}${item.slice(0, 2)}`, item.slice(2), f.id);
        if (f.placeholder) {
          // Municipalities' districts and counties, and county-level units under a province or an
          // autonomous region (济源, 仙桃, 琼海, 石河子 …): the placeholder is never written.
          units.push({
            code: c.code,
            province: p.name,
            county: c.name,
            normalized: p.name + c.name,
            parts: [p.id, c.id],
          });
        } else {
          units.push({
            code: c.code,
            province: p.name,
            prefecture: f.name,
            county: c.name,
            normalized: p.name + f.name + c.name,
            parts: [p.id, f.id, c.id],
          });
        }
      }
    }
  }

  const full = new Map<string, OriginUnit>();
  const codes = new Map<string, OriginUnit>();
  for (const u of units) {
    codes.set(u.code, u);
    if (full.has(u.normalized)) throw new Error(`Duplicate origin in the division table: ${u.normalized}`);
    full.set(u.normalized, u);
  }

  const refsOf = new Map<string, TokenRef[]>();
  const stems = new Map<string, number[]>();
  const push = <V>(m: Map<string, V[]>, k: string, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  let maxTokenLength = 0;
  for (const d of divisions) {
    push(refsOf, d.name, { id: d.id, stem: false });
    maxTokenLength = Math.max(maxTokenLength, d.name.length);
    if (d.placeholder) continue;
    if (d.stem !== d.name) push(refsOf, d.stem, { id: d.id, stem: true });
    push(stems, d.stem, d.id);
  }

  const tokens = new Map<string, TokenEntry>();
  for (const [k, refs] of refsOf) {
    tokens.set(k, {
      refs,
      placeholder: refs.every((r) => divisions[r.id]?.placeholder),
      stem: refs.every((r) => r.stem),
    });
  }

  const unitsOf: OriginUnit[][] = divisions.map(() => []);
  for (const u of units) for (const id of u.parts) unitsOf[id]?.push(u);

  return { divisions, units, full, codes, tokens, stems, unitsOf, maxTokenLength };
}
