import { type Finding, finding, type LocaleOptions } from "../../findings/index.js";
import type { PhotoFacts } from "../facts.js";
import type { ResolvedPhotoLimits } from "../options.js";

/**
 * Density (5.3.3): at least `limits.minDpi` (300) dots per inch, as read from JFIF or EXIF (see
 * `PhotoFacts.dpi`). A photo that records no density at all is refused with `received: null`.
 *
 * @example
 * const [f] = densityRule({ facts: { dpi: 72, dpiSource: "jfif" } }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.dpi", "error", "5.3.3"]
 * f?.params //=> { expected: 300, received: 72, source: "jfif" }
 */
export function densityRule(
  input: { facts: Pick<PhotoFacts, "dpi" | "dpiSource"> },
  limits: Pick<ResolvedPhotoLimits, "minDpi">,
  options?: LocaleOptions,
): Finding<"photo.dpi">[] {
  const { dpi, dpiSource } = input.facts;
  if (dpi !== undefined && dpi >= limits.minDpi) return [];
  return [
    finding(
      "photo.dpi",
      [],
      {
        expected: limits.minDpi,
        received: dpi ?? null,
        source: dpi === undefined ? null : (dpiSource ?? null),
      },
      options,
    ),
  ];
}
