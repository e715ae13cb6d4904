import { rec } from "../core/records.js";
import { foldFullWidth } from "../core/strings.js";
import { idTypes } from "../entities/student.js";
import { normalizeIdNumber, validateIdNumber } from "../fields/id/index.js";
import { validateName } from "../fields/name/index.js";

// The keys duplicates are compared by (3.1, 4.2.3): shared by `checkBatch` and the CLI's streaming
// duplicate check, so both find the same duplicates.

/** The ID number as compared for duplicates: normalized, a legacy 15-digit one upgraded to 18 digits. */
export function idKey(id: unknown): string | undefined {
  const r = rec(id);
  const n = r?.number;
  if (typeof n !== "string") return undefined;
  const type = (idTypes as readonly unknown[]).includes(r?.type)
    ? (r?.type as (typeof idTypes)[number])
    : undefined;
  const v = validateIdNumber(n, type === undefined ? {} : { type });
  const key = v.value?.normalized ?? normalizeIdNumber(n);
  return key === "" ? undefined : key;
}

export function nameKey(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  const key = validateName(name).value?.normalized ?? foldFullWidth(name).trim();
  return key === "" ? undefined : key;
}

export function textKey(s: unknown): string | undefined {
  if (typeof s !== "string") return undefined;
  const key = foldFullWidth(s).trim();
  return key === "" ? undefined : key;
}
