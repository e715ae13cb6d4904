import type { Finding, FindingCode, FindingParams } from "../../src/index.js";

/**
 * The params of the first finding of `code`, typed by that code; throws (failing the test) when
 * there is none. For assertions on one param of a typed finding.
 */
export function paramsOf<C extends FindingCode>(findings: readonly Finding[], code: C): FindingParams[C] {
  const f = findings.find((x) => x.code === code);
  if (f === undefined) {
    throw new Error(`no ${code} finding among ${JSON.stringify(findings.map((x) => x.code))}`);
  }
  return f.params as FindingParams[C];
}

/** One param of any finding, untyped: for tables of `[code, param]` over mixed findings. */
export function param(f: Finding | undefined, key: string): unknown {
  return f === undefined ? undefined : (f.params as Record<string, unknown>)[key];
}
