// validateIdNumber vs id-validator 1.3 (isValid, GB2260 table, a fresh instance per pass: it
// caches every answer) and idcard 4.2 (verify). 100,000 distinct numbers, 10% wrong check char.
import { createRequire } from "node:module";
import { makeIdNumbers } from "../data.mjs";
import { compare, consume } from "../lib.mjs";

const require = createRequire(import.meta.url);
const IDValidator = require("id-validator");
const GB2260 = require("id-validator/GB2260.min.js");
const idcard = require("idcard");

export async function run(lib) {
  const N = 100_000;
  const ids = makeIdNumbers(N, 0.1, 7);
  const { validateIdNumber } = lib;
  // Same verdicts first: a benchmark of validators that disagree measures nothing.
  const v = new IDValidator(GB2260);
  let agree = 0;
  let oursValid = 0;
  for (const id of ids) {
    const a = validateIdNumber(id).ok;
    if (a) oursValid++;
    if (a === v.isValid(id) && a === idcard.verify(id)) agree++;
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
  const t = await compare(sides, { count: N, warmup: 2, runs: 7 });
  const faster = t["id-validator"].opsPerSec >= t.idcard.opsPerSec ? "id-validator" : "idcard";
  const unit = "IDs/s (median of 7 passes over 100,000 numbers); ratio = ours / peer, higher is better";
  const notes = `verdicts agree on ${agree}/${N}; ours accepts ${oursValid}; bare checksum loop ${Math.round(
    t["bare checksum loop"].opsPerSec,
  )} IDs/s; id-validator without its GB2260 table (no region check) ${Math.round(
    t["id-validator, no table"].opsPerSec,
  )} IDs/s`;
  const row = (peer, name, extra = {}) => ({
    name,
    ours: t.ours.opsPerSec,
    peer: t[peer].opsPerSec,
    peerName:
      peer === "id-validator" ? "id-validator@1.3 isValid (GB2260, fresh instance)" : "idcard@4.2 verify",
    ratio: t.ours.opsPerSec / t[peer].opsPerSec,
    unit,
    notes,
    ...extra,
  });
  const other = faster === "id-validator" ? "idcard" : "id-validator";
  return [
    row(faster, "validateIdNumber vs faster peer", {
      goal: ">= 3x the faster peer",
      met: t.ours.opsPerSec >= 3 * t[faster].opsPerSec,
    }),
    row(other, "validateIdNumber vs other peer"),
  ];
}
