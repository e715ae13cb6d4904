import { toInstant } from "../core/time.js";
import type { Conclusion } from "../entities/student.js";
import { type Finding, type LocaleOptions, type Result, resolveLocale, toResult } from "../findings/index.js";
import { type GuardInput, guards } from "./guards.js";
import { dedupe } from "./machine.js";
import { parseRegistration } from "./parse.js";
import { transitionTable } from "./table.js";
import type { Registration } from "./types.js";

/**
 * Everything that is wrong with one registration, whatever the clock says: its shape and history
 * (`parseRegistration`), and for a `draft` or `staged` one every guard of `submit` except the
 * window (2.1.2: "before submitting confirm every student…"). A draft is checked with the
 * conclusion its defense points to (failed → completion, else graduation) [decision]. `submitted`
 * and `certified` registrations passed those guards when submitted and are frozen since (2.1.2).
 * @example
 * checkRegistration(createRegistration(studentWithoutPhoto, ucas2022Batch3)).findings[0]?.code
 * //=> "photo.missing"
 */
export function checkRegistration(input: unknown, options?: LocaleOptions): Result<Registration> {
  const opts: LocaleOptions = { locale: resolveLocale(options) };
  const parsed = parseRegistration(input, opts);
  const reg = parsed.value;
  if (reg === undefined) return parsed;
  const findings: Finding[] = [...parsed.findings];
  if (reg.state === "draft" || reg.state === "staged") {
    const conclusion: Conclusion =
      reg.conclusion ?? (reg.student.study.defense === "failed" ? "completion" : "graduation");
    const at = toInstant(reg.batch.opensAt) ?? new Date(0);
    const guardInput: GuardInput = {
      registration: reg,
      event: { type: "submit" },
      at,
      atText: reg.batch.opensAt,
      actor: "unit-staff",
      conclusion,
      options: opts,
    };
    for (const name of transitionTable.submit.guards) {
      if (name !== "windowOpen") findings.push(...guards[name](guardInput));
    }
  }
  return toResult(reg, dedupe(findings));
}
