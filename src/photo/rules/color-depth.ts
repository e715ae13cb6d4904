import { type Finding, finding, type LocaleOptions } from "../../findings/index.js";
import type { PhotoFacts } from "../facts.js";

/**
 * 24-bit true colour (5.3.3): three components of eight bits in the frame header. Grayscale (1
 * component), CMYK/YCCK (4) and 12-bit samples are refused; an RGB JPEG (3 × 8) passes.
 *
 * @example
 * const [f] = colorDepthRule({ facts: { components: 1, bitsPerSample: 8, colorModel: "grayscale" } }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.color-depth", "error", "5.3.3"]
 * f?.params
 * //=> { expected: { components: 3, bitsPerSample: 8 }, received: { components: 1, bitsPerSample: 8 },
 * //     colorModel: "grayscale" }
 */
export function colorDepthRule(
  input: { facts: Pick<PhotoFacts, "components" | "bitsPerSample" | "colorModel"> },
  _limits?: unknown,
  options?: LocaleOptions,
): Finding<"photo.color-depth">[] {
  const { components, bitsPerSample, colorModel } = input.facts;
  if (components === 3 && bitsPerSample === 8) return [];
  return [
    finding(
      "photo.color-depth",
      [],
      {
        expected: { components: 3, bitsPerSample: 8 },
        received: { components, bitsPerSample },
        colorModel,
      },
      options,
    ),
  ];
}
