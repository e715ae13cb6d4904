/**
 * The one result shape of every validator, generic over the finding type so that the core knows
 * nothing of codes, catalogues or locales (those sit in `src/findings/`, one layer up).
 */

export type Severity = "error" | "warning";

/** Where in the input: `[]` for the whole input, `["id", "number"]` for a nested field. */
export type Path = (string | number)[];

/** What the core needs of a finding: its severity and where it is. */
export interface Located {
  severity: Severity;
  path: Path;
}

/**
 * `ok` is true exactly when no finding is an error. A value may come with errors (the input as far
 * as it could be read), and warnings may come with `ok: true`.
 */
export type ResultOf<T, F> = { ok: true; value: T; findings: F[] } | { ok: false; value?: T; findings: F[] };

/** True when at least one finding is an error. */
export function hasErrors(findings: readonly { severity: Severity }[]): boolean {
  for (const f of findings) if (f.severity === "error") return true;
  return false;
}

/** Wraps a value and its findings into a result, deciding `ok` from the severities. */
export function toResult<T, F extends { severity: Severity }>(
  value: T | undefined,
  findings: F[],
): ResultOf<T, F> {
  if (!hasErrors(findings) && value !== undefined) return { ok: true, value, findings };
  return value === undefined ? { ok: false, findings } : { ok: false, value, findings };
}

/** Prefixes every finding's path, for nesting one validator's result inside another's. */
export function prefixFindings<F extends Located>(findings: readonly F[], prefix: Path): F[] {
  if (prefix.length === 0) return findings.slice();
  return findings.map((f) => ({ ...f, path: [...prefix, ...f.path] }));
}
