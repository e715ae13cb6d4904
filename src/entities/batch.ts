import * as z from "zod/mini";
import { toInstant } from "../core/time.js";
import { type Finding, finding, type LocaleOptions, type Result } from "../findings/index.js";
import { instantSchema, isoDateSchema } from "./formats.js";
import { PARSE, zodFindings } from "./zod-findings.js";

/**
 * A registration batch (批次): its window `[opensAt, closesAt)` as instants with their offset, and
 * the dates preset for it in Beijing time.
 */
export const BatchSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    school: z.string().check(z.minLength(1)),
    schoolCode: z.string().check(z.regex(/^\d{5}$/)),
    year: z.int().check(z.minimum(2000), z.maximum(2100)),
    sequence: z.int().check(z.minimum(1)),
    opensAt: instantSchema,
    closesAt: instantSchema,
    graduationDate: isoDateSchema,
    registrationDate: isoDateSchema,
    timeZone: z.literal("Asia/Shanghai"),
  })
  .check(
    z.refine((b) => (toInstant(b.opensAt)?.getTime() ?? 0) < (toInstant(b.closesAt)?.getTime() ?? 0), {
      params: { reason: "order" },
      path: ["closesAt"],
    }),
  );

/** A registration batch (批次, 2.1) as `BatchSchema` parses it: its id, school, window and dates. */
export type Batch = z.output<typeof BatchSchema>;

/**
 * The batch of the notice: UCAS (14430), 2022, third batch. Units act from 2022-05-18 08:00 to
 * 2022-06-10 24:00 Beijing time (2.1); "24:00" closes the window at 2022-06-11T00:00+08:00,
 * exclusive [decision]. Graduation date 2022-06-26, e-registration date 2022-06-10 (2.1.3).
 */
export const ucas2022Batch3: Batch = Object.freeze({
  id: "ucas-2022-3",
  school: "中国科学院大学",
  schoolCode: "14430",
  year: 2022,
  sequence: 3,
  opensAt: "2022-05-18T08:00:00+08:00",
  closesAt: "2022-06-11T00:00:00+08:00",
  graduationDate: "2022-06-26",
  registrationDate: "2022-06-10",
  timeZone: "Asia/Shanghai",
} as const);

/** Presets by id, for the CLI's `--batch`. */
export const batches: Readonly<Record<string, Batch>> = Object.freeze({
  [ucas2022Batch3.id]: ucas2022Batch3,
});

/**
 * Validates another batch. Never throws on bad data: the findings say what is wrong.
 * @example
 * defineBatch({ ...ucas2022Batch3, id: "ucas-2023-1", sequence: 1 }).ok //=> true
 */
export function defineBatch(input: unknown, options?: LocaleOptions): Result<Batch> {
  let parsed: ReturnType<typeof BatchSchema.safeParse>;
  let findings: Finding[];
  try {
    parsed = BatchSchema.safeParse(input, PARSE);
    if (parsed.success) return { ok: true, value: parsed.data, findings: [] };
    // zod makes its issues' messages when `error` is first read: inside the guard too.
    findings = zodFindings(parsed.error, options);
  } catch {
    // zod's length checks read `input.length` even of a non-string, and a JSON object such as
    // {"length":{"valueOf":1,"toString":1}} cannot become a number; a revoked Proxy cannot even
    // be described: unreadable, a finding.
    return {
      ok: false,
      findings: [finding("schema.invalid", [], { expected: "Batch", reason: "unreadable" }, options)],
    };
  }
  if (findings.length === 0) findings.push(finding("schema.invalid", [], { expected: "Batch" }, options));
  return { ok: false, findings };
}
