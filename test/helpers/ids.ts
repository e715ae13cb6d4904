/**
 * Generated identity numbers for tests: never a real person's. `makeResidentId` builds an 18-digit
 * GB 11643-1999 number with a correct check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The GB 11643-1999 check character of a 17-digit body. */
export function checkChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error(`not a 17-digit body: ${body17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

export interface ResidentIdSpec {
  /** 6-digit address code; default "110105" (北京市朝阳区). */
  region?: string;
  /** YYYYMMDD; default "19950101". */
  birth?: string;
  /** 0-999; default 12 (or 13 for male). Its last digit's parity is adjusted to `sex`. */
  seq?: number;
  sex?: "male" | "female";
}

/**
 * A valid 18-digit resident ID number (check character included) for tests.
 * @example makeResidentId({ birth: "19990101", sex: "female" }) //=> "110105199901010123"-like
 */
export function makeResidentId(spec: ResidentIdSpec = {}): string {
  const region = spec.region ?? "110105";
  const birth = spec.birth ?? "19950101";
  if (!/^\d{6}$/.test(region)) throw new Error(`region must be 6 digits: ${region}`);
  if (!/^\d{8}$/.test(birth)) throw new Error(`birth must be YYYYMMDD: ${birth}`);
  let seq = spec.seq ?? 12;
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new Error(`seq must be 0-999: ${seq}`);
  if (spec.sex !== undefined) {
    const odd = seq % 2 === 1;
    if (spec.sex === "male" && !odd) seq = seq === 999 ? 997 : seq + 1;
    if (spec.sex === "female" && odd) seq -= 1;
  }
  const body = `${region}${birth}${String(seq).padStart(3, "0")}`;
  return body + checkChar(body);
}

/** The legacy 15-digit form (YYMMDD, no check) of a 19xx birth: what `makeResidentId` upgrades from. */
export function makeLegacyId(spec: Omit<ResidentIdSpec, "birth"> & { birth?: string } = {}): string {
  const full = makeResidentId({ ...spec, birth: spec.birth ?? "19700101" });
  if (!full.slice(6, 8).startsWith("19")) throw new Error("legacy numbers have 19xx birth years");
  return full.slice(0, 6) + full.slice(8, 17);
}
