import {
  type DivisionEdition,
  divisionChanges,
  divisionEditions,
  divisionsData,
  statisticalUnits,
} from "./divisions.data.js";

/**
 * The division tables behind the origin rules (3.3), dated: the generated `divisions.data.ts`
 * holds the newest edition and the changes since the oldest one, and the table in force on a day
 * is the newest one with every change dated after that day undone (3.3 [decision]: divisions are
 * those in force on the batch's registration date). Each table is built lazily at the first call
 * that needs it (not at import: `sideEffects: false` stays honest and an import costs nothing),
 * then kept for the life of the module, cached by how many changes it undoes (at most one per
 * change, six today).
 */

export type { DivisionEdition };
export { divisionEditions };

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
  /**
   * A unit of the statistical list that GB/T 2260 does not have (加格达奇区 …): accepted with the
   * warning `origin.statistical-only` [decision].
   */
  readonly statistical?: true;
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

/** A unit as a dated change names it: its six-digit code and its own name (米林县). */
export interface UnitRef {
  readonly code: string;
  readonly name: string;
}

/** A dated change of the division table (the generator's `events.tsv`). */
export interface DivisionChange {
  /** `YYYY-MM-DD`: the day of the notice that made it; in force from that day on. */
  readonly date: string;
  readonly kind: "created" | "renamed" | "abolished";
  /** The unit before (renamed, abolished). */
  readonly from?: UnitRef;
  /** The unit after (created, renamed), or an abolished unit's successor. */
  readonly to?: UnitRef;
}

function unitRef(s: string): UnitRef | undefined {
  return s === "" ? undefined : { code: s.slice(0, 6), name: s.slice(6) };
}

let changesCache: readonly DivisionChange[] | undefined;

/**
 * The dated changes since the oldest edition, oldest first.
 * @example
 * divisionChangeList()[1]
 * //=> { date: "2023-04-03", kind: "renamed", from: { code: "540422", name: "米林县" }, to: { code: "540481", name: "米林市" } }
 */
export function divisionChangeList(): readonly DivisionChange[] {
  changesCache ??= divisionChanges.map((line) => {
    const [date = "", kind = "", from = "", to = ""] = line.split("|");
    const c: { -readonly [K in keyof DivisionChange]: DivisionChange[K] } = {
      date,
      kind: kind as DivisionChange["kind"],
    };
    const f = unitRef(from);
    const t = unitRef(to);
    if (f !== undefined) c.from = f;
    if (t !== undefined) c.to = t;
    return c;
  });
  return changesCache;
}

/** Six-digit code → name, in code order: the raw form of a table. */
type Codes = Map<string, string>;

/**
 * Parses the compact strings of `divisions.data.ts` into codes and names.
 * @example
 * parseCompact(["11北京市|01市辖区:01东城区"])
 * //=> new Map([["110000", "北京市"], ["110100", "市辖区"], ["110101", "东城区"]])
 */
export function parseCompact(data: readonly string[]): Codes {
  const codes: Codes = new Map();
  for (const line of data) {
    const [head = "", ...prefs] = line.split("|");
    const p = head.slice(0, 2);
    codes.set(`${p}0000`, head.slice(2));
    for (const pref of prefs) {
      const [fhead = "", list] = pref.split(":");
      const f = `${p}${fhead.slice(0, 2)}`;
      codes.set(`${f}00`, fhead.slice(2));
      if (list === undefined) continue;
      for (const item of list.split(",")) codes.set(`${f}${item.slice(0, 2)}`, item.slice(2));
    }
  }
  return codes;
}

/** Undoes one change on a table (newest first), as the generator checked it can be. */
function undo(codes: Codes, c: DivisionChange): void {
  if (c.to !== undefined && c.kind !== "abolished") codes.delete(c.to.code);
  if (c.from !== undefined) codes.set(c.from.code, c.from.name);
}

let newestCodes: Codes | undefined;
let statistical: ReadonlySet<string> | undefined;

function newest(): Codes {
  if (newestCodes === undefined) {
    newestCodes = parseCompact(divisionsData);
    const extra = new Set<string>();
    for (const u of statisticalUnits) {
      newestCodes.set(u.slice(0, 6), u.slice(6));
      extra.add(u.slice(0, 6));
    }
    statistical = extra;
  }
  return newestCodes;
}

/** The codes of a table with the last `undone` changes undone. */
function codesUndoing(undone: number): Codes {
  const codes = new Map(newest());
  const changes = divisionChangeList();
  for (let i = changes.length - 1; i >= changes.length - undone; i--) {
    const c = changes[i];
    if (c !== undefined) undo(codes, c);
  }
  return codes;
}

/**
 * How many changes are dated after `day` (`YYYY-MM-DD`): those the table in force then undoes.
 * @example
 * changesAfter("2022-06-10") //=> 5
 * changesAfter("2024-12-27") //=> 0
 */
export function changesAfter(day: string): number {
  let n = 0;
  for (const c of divisionChangeList()) if (c.date > day) n++;
  return n;
}

const tables = new Map<number, Table>();
let lastDay: string | undefined;
let lastUndone = 0;

/**
 * The table in force on `day` (`YYYY-MM-DD`, a Beijing calendar day): the newest edition with every
 * change dated after it undone. Without a day, the newest edition. A day before the oldest
 * edition's `inForceFrom` gets the oldest edition (the data know nothing older). Built at the first
 * call for its number of undone changes, then cached.
 * @example
 * tableAsOf("2022-06-10").full.has("西藏自治区林芝市米林县") //=> true
 * tableAsOf().full.has("西藏自治区林芝市米林县") //=> false
 * // 米林县 became 米林市 on 2023-04-03.
 */
export function tableAsOf(day?: string): Table {
  // The last day asked and its count (a roster asks the same day for every row): the list of
  // changes is only counted again for another day.
  let undone: number;
  if (day === undefined) undone = 0;
  else if (day === lastDay) undone = lastUndone;
  else {
    undone = changesAfter(day);
    lastDay = day;
    lastUndone = undone;
  }
  let t = tables.get(undone);
  if (t === undefined) {
    newest();
    t = tableFromCodes(codesUndoing(undone), statistical ?? new Set());
    tables.set(undone, t);
  }
  return t;
}

/** The newest table, built on the first call. */
export function getTable(): Table {
  return tableAsOf();
}

/**
 * Parses compact data (the format of `divisions.data.ts`) into a table (exported for tests).
 * @example
 * buildTable(["11北京市|01市辖区:08海淀区"]).full.get("北京市海淀区")?.code //=> "110108"
 */
export function buildTable(data: readonly string[]): Table {
  return tableFromCodes(parseCompact(data), new Set());
}

// Stems of the names seen, shared by the tables of every date (they differ by a few units).
const stemCache = new Map<string, string>();
function cachedStem(name: string): string {
  let stem = stemCache.get(name);
  if (stem === undefined) {
    stem = stemOf(name);
    stemCache.set(name, stem);
  }
  return stem;
}

const isProvince = (code: string) => code.endsWith("0000");
const isPrefecture = (code: string) => !isProvince(code) && code.endsWith("00");

/**
 * Builds a table from its codes; `statisticalCodes` are flagged on their units.
 * @example
 * tableFromCodes(parseCompact(["11北京市|01市辖区:08海淀区"]), new Set()).full.get("北京市海淀区")?.code //=> "110108"
 */
export function tableFromCodes(input: Codes, statisticalCodes: ReadonlySet<string>): Table {
  // Code order: a province before its prefectures, a prefecture before its counties.
  const codes = [...input.keys()].sort();
  const divisions: Division[] = [];
  const units: OriginUnit[] = [];
  const byCode = new Map<string, Division>();
  const hasChildren = new Set<string>();
  const add = (level: Level, code: string, parent: number): Division => {
    const name = input.get(code) as string;
    const d: Division = {
      id: divisions.length,
      level,
      code,
      name,
      stem: cachedStem(name),
      parent,
      placeholder: level === 1 && PLACEHOLDERS.has(name),
    };
    divisions.push(d);
    byCode.set(code, d);
    return d;
  };
  for (const code of codes) {
    if (isProvince(code)) add(0, code, -1);
    else if (isPrefecture(code)) {
      const p = byCode.get(`${code.slice(0, 2)}0000`);
      if (p === undefined) continue; // not in a well-formed table (the generator checks it)
      hasChildren.add(p.code);
      add(1, code, p.id);
    } else {
      const f = byCode.get(`${code.slice(0, 4)}00`);
      if (f === undefined) continue;
      hasChildren.add(f.code);
      add(2, code, f.id);
    }
  }
  for (const d of divisions) {
    if (d.level === 0) {
      // 香港, 澳门, 台湾: complete with the name alone.
      if (!hasChildren.has(d.code))
        units.push({ code: d.code, province: d.name, normalized: d.name, parts: [d.id] });
      continue;
    }
    const p = divisions[d.level === 1 ? d.parent : (divisions[d.parent]?.parent ?? -1)] as Division;
    if (d.level === 1) {
      // A prefecture-level city without counties (东莞, 中山, 儋州, 嘉峪关): complete with two names.
      if (!hasChildren.has(d.code)) {
        units.push({
          code: d.code,
          province: p.name,
          prefecture: d.name,
          normalized: p.name + d.name,
          parts: [p.id, d.id],
        });
      }
      continue;
    }
    const f = divisions[d.parent] as Division;
    const unit: { -readonly [K in keyof OriginUnit]: OriginUnit[K] } = f.placeholder
      ? // Municipalities' districts and counties, and county-level units under a province or an
        // autonomous region (济源, 仙桃, 琼海, 石河子 …): the placeholder is never written.
        { code: d.code, province: p.name, county: d.name, normalized: p.name + d.name, parts: [p.id, d.id] }
      : {
          code: d.code,
          province: p.name,
          prefecture: f.name,
          county: d.name,
          normalized: p.name + f.name + d.name,
          parts: [p.id, f.id, d.id],
        };
    if (statisticalCodes.has(d.code)) unit.statistical = true;
    units.push(unit);
  }

  const full = new Map<string, OriginUnit>();
  const byUnitCode = new Map<string, OriginUnit>();
  for (const u of units) {
    byUnitCode.set(u.code, u);
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

  return { divisions, units, full, codes: byUnitCode, tokens, stems, unitsOf, maxTokenLength };
}

// ---------------------------------------------------------------------------------------------
// What changed: the full forms on either side of each dated change.

/** A full form that one side of a dated change names. */
export interface ChangeSide {
  readonly change: DivisionChange;
  /** `before`: the form is what the unit was written as until the change; `after`: from it on. */
  readonly side: "before" | "after";
  /** The full form on the other side, when the unit has one there (a rename, an abolished unit's successor). */
  readonly other?: string;
}

/** The written origin of a code in a table of codes: the names of its levels, placeholders left out. */
function fullForm(codes: Codes, code: string): string | undefined {
  const province = codes.get(`${code.slice(0, 2)}0000`);
  if (province === undefined) return undefined;
  if (isProvince(code)) return province;
  const pref = codes.get(`${code.slice(0, 4)}00`);
  if (pref === undefined) return undefined;
  const prefix = province + (PLACEHOLDERS.has(pref) ? "" : pref);
  if (isPrefecture(code)) return prefix;
  const name = codes.get(code);
  return name === undefined ? undefined : prefix + name;
}

let sidesCache: ReadonlyMap<string, readonly ChangeSide[]> | undefined;

/**
 * Full form → the dated changes it is a side of, built once from the changes (walking back from
 * the newest table): `西藏自治区林芝市米林县` → before the rename of 2023-04-03, `…米林市` → after
 * it, `新疆维吾尔自治区白杨市` → after its creation on 2023-01-20.
 * @example
 * changeSides().get("西藏自治区林芝市米林县")?.[0]?.side //=> "before"
 */
export function changeSides(): ReadonlyMap<string, readonly ChangeSide[]> {
  if (sidesCache !== undefined) return sidesCache;
  const out = new Map<string, ChangeSide[]>();
  const add = (form: string | undefined, side: ChangeSide) => {
    if (form === undefined) return;
    const list = out.get(form);
    if (list) list.push(side);
    else out.set(form, [side]);
  };
  const codes = new Map(newest());
  const changes = divisionChangeList();
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i] as DivisionChange;
    const after = c.to !== undefined ? fullForm(codes, c.to.code) : undefined;
    undo(codes, c);
    const before = c.from !== undefined ? fullForm(codes, c.from.code) : undefined;
    if (c.kind === "abolished") {
      // `to` is the successor, in force on both sides.
      add(
        before,
        after === undefined ? { change: c, side: "before" } : { change: c, side: "before", other: after },
      );
    } else {
      add(
        after,
        before === undefined ? { change: c, side: "after" } : { change: c, side: "after", other: before },
      );
      add(
        before,
        after === undefined ? { change: c, side: "before" } : { change: c, side: "before", other: after },
      );
    }
  }
  sidesCache = out;
  return out;
}
