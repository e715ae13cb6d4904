import type { z } from "zod";
import { type Finding, finding } from "../core/result.js";
import type { LocaleOptions } from "../findings/locales/index.js";

/** zod issues become `schema.invalid` findings at their paths, with zod's own issue code kept. */
export function zodFindings(error: z.ZodError, options?: LocaleOptions): Finding[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const params: Record<string, unknown> = { issue: issue.code, detail: issue.message };
    if ("expected" in issue && issue.expected !== undefined) params.expected = issue.expected;
    if ("values" in issue && Array.isArray(issue.values)) params.expected = issue.values;
    return finding("schema.invalid", path, params, options);
  });
}
