import { isRecord } from "../../core/records.js";
import { prefixFindings } from "../../core/result.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
} from "../../findings/index.js";
import { type Origin, type OriginOptions, originDay, validateOrigin } from "./validate.js";

/**
 * What decides a graduate's origin (3.3.5). Origins are written as `validateOrigin` accepts them
 * (three levels, 3.3). Every field is optional; the rules say which ones they need.
 */
export interface OriginFacts {
  /** 高考前常住户籍所在地: the household registration before the college entrance exam. */
  gaokaoHousehold?: string;
  /** 由本科起连续攻读: studied without a break from the bachelor's on. */
  continuousFromBachelor?: boolean;
  /** 本专科生生源地: the origin determined at the bachelor's level. */
  bachelorOrigin?: string;
  /** 入学前有过工作经历: worked before the master's or doctorate. */
  priorWork?: {
    /** 已在工作单位所在地落户: the household was registered where the workplace is. */
    settledAtWorkplace: boolean;
    /** 落户地: that household registration. */
    workplaceHousehold?: string;
    /** 读研时户口已经迁入学校集体户: the household was then moved into the school's collective. */
    movedToSchoolCollective?: boolean;
  };
  /**
   * 就业: employed at graduation. Only read where the household went into the school's collective
   * from a Beijing workplace (the Beijing example of 3.3.5).
   */
  employed?: boolean;
}

/** The rule that gave the origin. */
export type OriginRule = "gaokao" | "bachelor-continuous" | "workplace" | "collective-local-policy";

/** The origin `determineOrigin` arrives at, with the rule and the fact it used. */
export interface OriginDetermination {
  rule: OriginRule;
  /** Under `collective-local-policy`: which branch of the Beijing example applied. */
  policy?: "beijing-employed" | "beijing-not-employed";
  /** The fact the origin was taken from, e.g. `["priorWork", "workplaceHousehold"]`. */
  from: (string | number)[];
  origin: Origin;
}

/**
 * Determines the origin from the facts of 3.3.5, in this order:
 * 1. worked before, household registered at the workplace and **moved into the school's collective**
 *    → local policy decides (`origin.local-policy` warning, rule `collective-local-policy`). Beijing's
 *    policy is known: employed → the Beijing workplace household; not employed → back to the
 *    bachelor's origin (二分回本科生时生源地). Elsewhere, or employment unknown → `origin.undetermined`;
 * 2. worked before, household at the workplace, not moved to the school → the workplace (`workplace`);
 * 3. continuous study from the bachelor's → the bachelor's origin (`bachelor-continuous`), which is
 *    the gaokao household where no bachelor's origin is given (the bachelor's rule is that one);
 * 4. otherwise the household before the gaokao (`gaokao`).
 *
 * The origin used is validated (`origin.*` findings at the fact's path), against the divisions in
 * force on `options.asOf` (the newest edition without it). Missing facts give
 * `origin.undetermined` with `params.missing`. The facts are read once, at the start: a getter that
 * throws or a revoked Proxy gives `schema.invalid` (`reason: "unreadable"`). Never throws on data.
 *
 * @example
 * determineOrigin({ gaokaoHousehold: "河北省石家庄市正定县" })
 * //=> { ok: true, value: { rule: "gaokao", from: ["gaokaoHousehold"], origin: { code: "130123",
 * //     province: "河北省", prefecture: "石家庄市", county: "正定县", normalized: "河北省石家庄市正定县" } },
 * //     findings: [] }
 * const r = determineOrigin({
 *   bachelorOrigin: "河北省石家庄市正定县",
 *   priorWork: { settledAtWorkplace: true, workplaceHousehold: "北京市海淀区", movedToSchoolCollective: true },
 *   employed: false,
 * });
 * r.value?.origin.normalized //=> "河北省石家庄市正定县"
 * r.findings.map((f) => f.code) //=> ["origin.local-policy"]
 */
export function determineOrigin(facts: OriginFacts, options?: OriginOptions): Result<OriginDetermination> {
  originDay(options?.asOf); // a wrong asOf is the caller's error, thrown before any fact is read
  const read = readFacts(facts);
  if (read === "not-a-record") {
    return { ok: false, findings: [finding("schema.invalid", [], { expected: "OriginFacts" }, options)] };
  }
  if (read === "unreadable") {
    const params = { expected: "OriginFacts" as const, reason: "unreadable" as const };
    return { ok: false, findings: [finding("schema.invalid", [], params, options)] };
  }
  const f = read;
  const shape = checkShape(f, options);
  if (shape.length > 0) return { ok: false, findings: shape };

  const undetermined = (
    params: FindingParams["origin.undetermined"],
    extra: Finding[] = [],
  ): Result<OriginDetermination> => ({
    ok: false,
    findings: [...extra, finding("origin.undetermined", [], params, options)],
  });
  const take = (
    rule: OriginRule,
    from: (string | number)[],
    value: unknown,
    extra: Finding[] = [],
    policy?: OriginDetermination["policy"],
  ): Result<OriginDetermination> => {
    const r = validateOrigin(value, options);
    if (!r.ok) return { ok: false, findings: [...extra, ...prefixFindings(r.findings, from)] };
    const d: OriginDetermination = { rule, from, origin: r.value };
    if (policy !== undefined) d.policy = policy;
    return { ok: true, value: d, findings: extra };
  };

  const work = isRecord(f.priorWork) ? f.priorWork : undefined;
  if (work?.settledAtWorkplace === true) {
    if (work.movedToSchoolCollective === true) {
      const warning = finding("origin.local-policy", ["priorWork", "movedToSchoolCollective"], {}, options);
      const workplace = validateOrigin(work.workplaceHousehold, options);
      if (!workplace.ok) {
        return {
          ok: false,
          findings: [warning, ...prefixFindings(workplace.findings, ["priorWork", "workplaceHousehold"])],
        };
      }
      if (workplace.value.province !== "北京市") {
        // Only Beijing's policy is in the notice; another place's is for that place to say.
        return undetermined({ rule: "collective-local-policy", received: workplace.value.normalized }, [
          warning,
        ]);
      }
      if (f.employed === true) {
        return take(
          "collective-local-policy",
          ["priorWork", "workplaceHousehold"],
          work.workplaceHousehold,
          [warning],
          "beijing-employed",
        );
      }
      if (f.employed === false) {
        if (f.bachelorOrigin === undefined) return undetermined({ missing: ["bachelorOrigin"] }, [warning]);
        return take(
          "collective-local-policy",
          ["bachelorOrigin"],
          f.bachelorOrigin,
          [warning],
          "beijing-not-employed",
        );
      }
      return undetermined({ missing: ["employed"] }, [warning]);
    }
    if (work.workplaceHousehold === undefined)
      return undetermined({ missing: ["priorWork.workplaceHousehold"] });
    return take("workplace", ["priorWork", "workplaceHousehold"], work.workplaceHousehold);
  }
  if (f.continuousFromBachelor === true) {
    if (f.bachelorOrigin !== undefined)
      return take("bachelor-continuous", ["bachelorOrigin"], f.bachelorOrigin);
    if (f.gaokaoHousehold !== undefined) {
      return take("bachelor-continuous", ["gaokaoHousehold"], f.gaokaoHousehold);
    }
    return undetermined({ missing: ["bachelorOrigin"] });
  }
  if (f.gaokaoHousehold !== undefined) return take("gaokao", ["gaokaoHousehold"], f.gaokaoHousehold);
  return undetermined({ missing: ["gaokaoHousehold"] });
}

const FACT_KEYS = [
  "gaokaoHousehold",
  "continuousFromBachelor",
  "bachelorOrigin",
  "priorWork",
  "employed",
] as const;
const WORK_KEYS = ["settledAtWorkplace", "workplaceHousehold", "movedToSchoolCollective"] as const;

/**
 * The facts read once, into a plain object: each property read a single time (a getter runs once),
 * so what the rules see cannot change under them. A getter that throws, or a revoked Proxy, makes
 * the facts unreadable.
 */
function readFacts(facts: unknown): Record<string, unknown> | "not-a-record" | "unreadable" {
  try {
    if (!isRecord(facts)) return "not-a-record";
    const out: Record<string, unknown> = {};
    for (const k of FACT_KEYS) {
      const v = facts[k];
      if (v !== undefined) out[k] = v;
    }
    const work = out.priorWork;
    if (isRecord(work)) {
      const copy: Record<string, unknown> = {};
      for (const k of WORK_KEYS) {
        const v = work[k];
        if (v !== undefined) copy[k] = v;
      }
      out.priorWork = copy;
    }
    return out;
  } catch {
    return "unreadable";
  }
}

/** Booleans must be booleans: `"false"` is not read as true or false but refused. */
function checkShape(f: Record<string, unknown>, options?: LocaleOptions): Finding[] {
  const out: Finding[] = [];
  const bool = (v: unknown, path: (string | number)[]) => {
    if (v !== undefined && typeof v !== "boolean") {
      out.push(finding("schema.invalid", path, { expected: "boolean", received: typeof v }, options));
    }
  };
  bool(f.continuousFromBachelor, ["continuousFromBachelor"]);
  bool(f.employed, ["employed"]);
  if (f.priorWork !== undefined) {
    if (!isRecord(f.priorWork)) {
      out.push(finding("schema.invalid", ["priorWork"], { expected: "object" }, options));
    } else {
      if (typeof f.priorWork.settledAtWorkplace !== "boolean") {
        out.push(
          finding(
            "schema.invalid",
            ["priorWork", "settledAtWorkplace"],
            { expected: "boolean", received: typeof f.priorWork.settledAtWorkplace },
            options,
          ),
        );
      }
      bool(f.priorWork.movedToSchoolCollective, ["priorWork", "movedToSchoolCollective"]);
    }
  }
  return out;
}
