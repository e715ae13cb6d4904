import { type Finding, finding, type LocaleOptions } from "../../findings/index.js";
import type { PhotoFacts } from "../facts.js";

/** Bytes after the end-of-image marker that pass silently as padding. */
export const TRAILER_PADDING = 64;

/**
 * Data after the end-of-image marker (5.3.3, [decision]): phone cameras append their own (Samsung,
 * Huawei and Xiaomi metadata, motion-photo video) after FF D9. The image itself is whole and is
 * checked normally; more than 64 bytes there gives a **warning**, since a stricter uploader may
 * refuse the file. Up to 64 bytes is padding, passed silently.
 *
 * @example
 * const [f] = trailerRule({ facts: { trailer: 2048 } }, defaultPhotoLimits);
 * [f?.code, f?.severity, f?.clause] //=> ["photo.trailer", "warning", "5.3.3"]
 * f?.params //=> { bytes: 2048 }
 */
export function trailerRule(
  input: { facts: Pick<PhotoFacts, "trailer"> },
  _limits?: unknown,
  options?: LocaleOptions,
): Finding<"photo.trailer">[] {
  const bytes = input.facts.trailer ?? 0;
  return bytes > TRAILER_PADDING ? [finding("photo.trailer", [], { bytes }, options)] : [];
}
