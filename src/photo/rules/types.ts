import type { Finding, LocaleOptions } from "../../findings/index.js";
import type { PhotoRuleInput } from "../facts.js";
import type { ResolvedPhotoLimits } from "../options.js";

export type { PhotoRuleInput, ResolvedPhotoLimits };

/**
 * One header rule of a photo: from what its header says and the limits, its findings (none when
 * the photo passes). Pure and synchronous; `checkPhoto` runs the rules of `photoRules` in order.
 * A rule declares in its parameter type the facts it reads.
 */
export type PhotoRule = (
  input: PhotoRuleInput,
  limits: ResolvedPhotoLimits,
  options?: LocaleOptions,
) => Finding[];
