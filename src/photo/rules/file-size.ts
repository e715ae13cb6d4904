import { type Finding, finding, type LocaleOptions } from "../../findings/index.js";
import type { PhotoFacts } from "../facts.js";
import type { ResolvedPhotoLimits } from "../options.js";

/** Size bounds in bytes. */
export interface SizeBounds {
  min: number;
  max: number;
}

/** A bound written as a whole number of K: it reads as n × 1024 or n × 1000 bytes. */
function wholeK(bytes: number): boolean {
  return Number.isFinite(bytes) && bytes > 0 && bytes % 1024 === 0;
}

/**
 * The size bounds in both readings of "K": `kib` the limits themselves (K = 1024 bytes,
 * [decision]), `kb` the same number of K of 1000 bytes, as tools that count K as 1000 show them. A
 * bound that is not a whole number of K (`limits.maxBytes: 20_000`) is taken as exact: both
 * readings are that number of bytes, and it has no band.
 *
 * @example
 * sizeReadings(defaultPhotoLimits) //=> { kib: { min: 18432, max: 40960 }, kb: { min: 18000, max: 40000 } }
 */
export function sizeReadings(limits: Pick<ResolvedPhotoLimits, "minBytes" | "maxBytes">): {
  kib: SizeBounds;
  kb: SizeBounds;
} {
  const { minBytes: min, maxBytes: max } = limits;
  return {
    kib: { min, max },
    kb: { min: wholeK(min) ? (min / 1024) * 1000 : min, max: wholeK(max) ? (max / 1024) * 1000 : max },
  };
}

/**
 * File size (5.3.3): 18 K–40 K, K = 1024 bytes [decision], that is 18 432–40 960 bytes inclusive
 * (`limits.minBytes`, `limits.maxBytes`). Registrars read sizes in tools that count K as 1000, so
 * where the two readings disagree the file gets a **warning** naming both (`photo.file-size-units`),
 * not an error: 18 000–18 431 bytes (under 18 K of 1024, at least 18 K of 1000) and 40 001–40 960
 * bytes (within 40 K of 1024, over 40 K of 1000). Outside those bands, `photo.file-size` as before.
 * The bands follow the limits when a limit is a whole number of K (see {@link sizeReadings}).
 *
 * @example
 * const [f] = fileSizeRule({ facts: { bytes: 18_200 } }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.file-size-units", "warning", "5.3.3"]
 * f?.params //=> { received: 18200, kib: { min: 18432, max: 40960 }, kb: { min: 18000, max: 40000 } }
 * const [g] = fileSizeRule({ facts: { bytes: 17_999 } }, defaultPhotoLimits);
 * [g?.code, g?.severity] //=> ["photo.file-size", "error"]
 * g?.params //=> { received: 17999, min: 18432, max: 40960 }
 */
export function fileSizeRule(
  input: { facts: Pick<PhotoFacts, "bytes"> },
  limits: Pick<ResolvedPhotoLimits, "minBytes" | "maxBytes">,
  options?: LocaleOptions,
): Finding<"photo.file-size" | "photo.file-size-units">[] {
  const received = input.facts.bytes;
  const { kib, kb } = sizeReadings(limits);
  if (received < Math.min(kb.min, kib.min) || received > kib.max) {
    return [finding("photo.file-size", [], { received, min: kib.min, max: kib.max }, options)];
  }
  if (received < kib.min || received > kb.max) {
    return [finding("photo.file-size-units", [], { received, kib, kb }, options)];
  }
  return [];
}
