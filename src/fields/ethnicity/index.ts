import { clip, foldFullWidth, RECEIVED_MAX } from "../../core/strings.js";
import { finding, type LocaleOptions, type Result } from "../../findings/index.js";
import { type EthnicGroup, ethnicGroupsData } from "./groups.data.js";

export type { EthnicGroup } from "./groups.data.js";

/** A GB/T 3304-1991 code: `01`..`56`, plus `97` 其他 and `98` 外国血统中国籍人士. */
export type EthnicityCode = (typeof ethnicGroupsData)[number]["code"];
/** A current full name of the table, e.g. `汉族`, `其他`. */
export type EthnicityName = (typeof ethnicGroupsData)[number]["name"];

/** What a valid ethnic group is registered as (民族, 3.1). */
export interface EthnicityFacts {
  code: EthnicityCode;
  name: EthnicityName;
}

/** The table of GB/T 3304-1991, generated from `scripts/data/gb3304-1991.tsv`. */
export const ethnicGroups: readonly EthnicGroup[] = ethnicGroupsData;

type Row = (typeof ethnicGroupsData)[number];
const byCode = new Map<string, Row>();
const byName = new Map<string, Row>();
const byFormer = new Map<string, Row>();
for (const g of ethnicGroupsData) {
  byCode.set(g.code, g);
  byName.set(g.name, g);
  // The name without 族 (汉, 蒙古, 土 …) is how many rosters write it.
  if (g.name.endsWith("族") && g.name.length > 1) byName.set(g.name.slice(0, -1), g);
  if ("former" in g) {
    byFormer.set(g.former, g);
    byFormer.set(g.former.slice(0, -1), g);
  }
}
// [decision] 其它 is a common variant spelling of 其他 and means the same code 97.
const other = byCode.get("97");
if (other !== undefined) byName.set("其它", other);

const facts = (g: Row): EthnicityFacts => ({ code: g.code, name: g.name });

/**
 * **[decision]** The longest input read as an ethnic group, in UTF-16 code units: the longest
 * name has 5 characters (柯尔克孜族, 乌孜别克族), so a longer value is `ethnicity.unknown` before any
 * string work (folding, spaces, lookup).
 */
export const ETHNICITY_INPUT_MAX = 100;

/**
 * Validates an ethnic group (民族, 3.1) against GB/T 3304-1991: a code (`"01"`, `"1"` or `1`), the
 * full name (`汉族`) or the name without 族 (`汉`). The former names 崩龙族 and 毛难族 give the
 * `ethnicity.renamed` warning and the current group (德昂族, 毛南族); nothing (an empty or blank
 * string, `null`, `undefined`) gives `ethnicity.empty`; anything else gives `ethnicity.unknown`.
 * (`validateStudent` lets a passport holder leave it empty, 3.1 [decision].)
 * @example
 * validateEthnicity("汉").value //=> { code: "01", name: "汉族" }
 * validateEthnicity(46).value //=> { code: "46", name: "德昂族" }
 * validateEthnicity("崩龙族").findings[0]?.code //=> "ethnicity.renamed"
 * validateEthnicity(" ").findings[0]?.code //=> "ethnicity.empty"
 */
export function validateEthnicity(input: string | number, options?: LocaleOptions): Result<EthnicityFacts> {
  if (input === undefined || input === null) {
    return { ok: false, findings: [finding("ethnicity.empty", [], {}, options)] };
  }
  if (typeof input === "string") {
    // The common case first: a name of the table as it is (汉族, 汉). Such a key has no space, no
    // full-width form and is no code, so the folding below would give it back unchanged.
    const g = byName.get(input);
    if (g !== undefined) return { ok: true, value: facts(g), findings: [] };
  }
  let key: string | undefined;
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 0 && input < 100) key = String(input).padStart(2, "0");
  } else if (typeof input === "string" && input.length <= ETHNICITY_INPUT_MAX) {
    key = foldFullWidth(input).replace(/\s+/gu, "");
    if (key === "") return { ok: false, findings: [finding("ethnicity.empty", [], {}, options)] };
    if (/^\d{1,2}$/.test(key)) key = key.padStart(2, "0");
  }
  if (key !== undefined) {
    const g = byCode.get(key) ?? byName.get(key);
    if (g !== undefined) return { ok: true, value: facts(g), findings: [] };
    const renamed = byFormer.get(key);
    if (renamed !== undefined) {
      return {
        ok: true,
        value: facts(renamed),
        findings: [
          finding(
            "ethnicity.renamed",
            [],
            { received: String(input), suggestion: renamed.name, code: renamed.code },
            options,
          ),
        ],
      };
    }
  }
  // What was typed, cut at RECEIVED_MAX: a pasted page is not carried whole into the finding.
  const received =
    typeof input === "string" || typeof input === "number" ? clip(String(input), RECEIVED_MAX) : typeof input;
  return { ok: false, findings: [finding("ethnicity.unknown", [], { received }, options)] };
}
