// validateStudent (every rule of a record) vs a bare StudentSchema.safeParse (the shape only) on
// the same 10,000 complete records. The goal is about cost: our time at most 3x the bare parse.
import { makeStudents, tableOriginForms } from "../data.mjs";
import { compare, consume } from "../lib.mjs";

export async function run(lib) {
  const N = 10_000;
  const { validateStudent, StudentSchema } = lib;
  if (typeof validateStudent !== "function") throw new Error("validateStudent is not exported yet");
  const students = makeStudents(N, 11, { origins: originFormsOf(lib) });
  let ok = 0;
  const codes = {};
  for (const s of students) {
    const r = validateStudent(s);
    if (r.ok) ok++;
    for (const f of r.findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  }
  const t = await compare(
    {
      ours: () => {
        for (let i = 0; i < N; i++) consume(validateStudent(students[i]).ok);
      },
      bare: () => {
        for (let i = 0; i < N; i++) consume(StudentSchema.safeParse(students[i]).success);
      },
    },
    { count: N, warmup: 2, runs: 5 },
  );
  const ratio = t.bare.opsPerSec / t.ours.opsPerSec; // = our time / bare time
  return [
    {
      name: "validateStudent vs bare StudentSchema.safeParse",
      ours: t.ours.opsPerSec,
      peer: t.bare.opsPerSec,
      peerName: "zod 4 StudentSchema.safeParse (shape only)",
      ratio,
      unit: "records/s (median of 5 passes over 10,000 records); ratio = our time / bare-parse time, LOWER is better",
      goal: "ratio <= 3",
      met: ratio <= 3,
      notes: `${ok}/${N} records ok; findings ${JSON.stringify(codes)}`,
    },
  ];
}

/**
 * Every full form of the library's division table, as `validateOrigin` normalizes it (the forms a
 * clean roster holds); undefined before the table or the validator exist.
 */
export function originFormsOf(lib) {
  const candidates = tableOriginForms();
  if (!candidates || typeof lib.validateOrigin !== "function") return undefined;
  const forms = new Set();
  for (const c of candidates) {
    const r = lib.validateOrigin(c);
    if (r.ok) forms.add(r.value.normalized);
  }
  return forms.size > 0 ? [...forms] : undefined;
}
