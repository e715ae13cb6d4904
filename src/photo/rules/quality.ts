import { type Finding, finding, type LocaleOptions } from "../../findings/index.js";
import type { PhotoFacts } from "../facts.js";
import type { ResolvedPhotoLimits } from "../options.js";

/**
 * JPEG quality (教毕指〔2017〕99号, under 5.3.3): a **warning** below `limits.minQuality` (60), the
 * quality being estimated from the quantization tables (see `PhotoFacts.quality`).
 *
 * @example
 * const [f] = qualityRule({ facts: { quality: 40 } }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.quality", "warning", "5.3.3"]
 * f?.params //=> { expected: 60, received: 40 }
 */
export function qualityRule(
  input: { facts: Pick<PhotoFacts, "quality"> },
  limits: Pick<ResolvedPhotoLimits, "minQuality">,
  options?: LocaleOptions,
): Finding<"photo.quality">[] {
  const q = input.facts.quality;
  if (q === undefined || q >= limits.minQuality) return [];
  return [finding("photo.quality", [], { expected: limits.minQuality, received: q }, options)];
}
