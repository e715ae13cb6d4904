// Timing helpers: hand-rolled loops, warm-up, runs of ours and the peer interleaved (so a noisy
// moment hits both alike), median of the runs quoted for both, best kept for the record.

/** Anything a measured loop returns goes here, so the JIT cannot drop the work. */
export let sink = 0;
export function consume(v) {
  sink = (sink + (v ? 1 : 0)) | 0;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Times `fn(inputs)` (a whole pass over the inputs, sync or async) for each side, interleaved:
 * `warmup` untimed passes each, then `runs` timed passes each. Returns per side
 * `{ medianMs, bestMs, opsPerSec }` where ops/s is from the median.
 */
export async function compare(sides, { count, warmup = 2, runs = 5 } = {}) {
  const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [k, fn] of Object.entries(sides)) {
      const t0 = now();
      const r = fn();
      if (r && typeof r.then === "function") await r;
      const ms = now() - t0;
      if (i >= warmup) times[k].push(ms);
    }
  }
  const out = {};
  for (const [k, ts] of Object.entries(times)) {
    ts.sort((a, b) => a - b);
    const medianMs = ts[Math.floor(ts.length / 2)];
    out[k] = { medianMs, bestMs: ts[0], runsMs: ts, opsPerSec: (count * 1000) / medianMs };
  }
  return out;
}

export function round(x, digits = 3) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const p = 10 ** Math.max(0, digits - Math.ceil(Math.log10(Math.abs(x) + 1e-12)));
  return Math.round(x * p) / p;
}

export function fmt(x) {
  if (x === null || x === undefined) return "—";
  if (Math.abs(x) >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (Math.abs(x) >= 1e4) return `${(x / 1e3).toFixed(1)} k`;
  if (Math.abs(x) >= 100) return x.toFixed(0);
  return String(round(x, 3));
}
