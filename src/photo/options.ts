/**
 * The boundary of the photo checks: untrusted arguments are read here once, defensively, and only
 * plain snapshots go further. Bad data (bytes that are not bytes, a student record that throws)
 * becomes findings; a bad options object (a limit that is not a number, a getter that throws, a
 * revoked Proxy) is a programmer error, a `XueliError` — never a raw `TypeError`.
 */
import { XueliError } from "../core/error.js";
import { type Locale, resolveLocale } from "../findings/index.js";

/** Bounds of 5.3.3, overridable. */
export interface PhotoLimits {
  /** Smallest file in bytes; default 18 × 1024 = 18 432 ([decision] K = 1024). */
  minBytes?: number;
  /** Largest file in bytes; default 40 × 1024 = 40 960. */
  maxBytes?: number;
  /** Lowest density in dpi; default 300. */
  minDpi?: number;
  /** Lowest estimated JPEG quality before `photo.quality`; default 60 (教毕指〔2017〕99号). */
  minQuality?: number;
}

/** The limits with every bound set: what the rules read. */
export type ResolvedPhotoLimits = Readonly<Required<PhotoLimits>>;

/**
 * The limits of 5.3.3 and CHSI's spec: 18–40 K bytes (of 1024), at least 300 dpi, JPEG quality at least 60.
 * @example
 * defaultPhotoLimits //=> { minBytes: 18432, maxBytes: 40960, minDpi: 300, minQuality: 60 }
 */
export const defaultPhotoLimits = {
  minBytes: 18 * 1024,
  maxBytes: 40 * 1024,
  minDpi: 300,
  minQuality: 60,
} as const satisfies ResolvedPhotoLimits;

const LIMIT_KEYS = ["minBytes", "maxBytes", "minDpi", "minQuality"] as const;

/** The shortest read that shows a photo's header whatever its size limit: 64 KiB. */
export const READ_FLOOR = 64 * 1024;
/** The longest read a file helper makes, whatever `maxBytes` says: 64 MiB. */
export const READ_CEILING = 64 * 1024 * 1024;

/**
 * A value's type for a message or a finding, without calling anything on it.
 * @example
 * typeOf([1]) //=> "array"
 * typeOf(null) //=> "null"
 */
export function typeOf(v: unknown): string {
  if (v === null) return "null";
  try {
    if (Array.isArray(v)) return "array";
  } catch {
    // Array.isArray throws on a revoked Proxy: an object all the same.
  }
  return typeof v;
}

/** Why reading an argument failed, for a XueliError message (without trusting the thrown value). */
function why(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : typeof e;
  } catch {
    return "an exception";
  }
}

/**
 * Reads `keys` of an options argument once, into a plain object (`undefined` gives `{}`). Anything
 * else that is not an object, or an object whose getters or Proxy traps throw, is a programmer error.
 * @example
 * readOptions({ locale: "en", other: 1 }, ["locale", "limits"], "checkPhoto") //=> { locale: "en" }
 * readOptions(42, ["locale"], "checkPhoto") //=> throws XueliError("option.invalid")
 */
export function readOptions<K extends string>(
  options: unknown,
  keys: readonly K[],
  what: string,
): Partial<Record<K, unknown>> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object") {
    throw new XueliError("option.invalid", `${what} options must be an object, got ${typeOf(options)}`);
  }
  const out: Partial<Record<K, unknown>> = {};
  try {
    for (const k of keys) {
      const v = (options as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = v;
    }
  } catch (e) {
    throw new XueliError("option.invalid", `${what} options could not be read (${why(e)})`);
  }
  return out;
}

/**
 * The locale option, checked (XueliError `locale.unknown` for one that does not exist).
 * @example
 * localeOf(undefined) //=> "zh-CN"
 */
export function localeOf(locale: unknown): Locale {
  return resolveLocale({ locale: locale as Locale });
}

/**
 * The limits with defaults filled in. Each bound must be a number ≥ 0 (`Infinity` for none): a
 * string, `NaN` or a negative number is a programmer error.
 * @example
 * resolvePhotoLimits({ maxBytes: 50_000 }) //=> { minBytes: 18432, maxBytes: 50000, minDpi: 300, minQuality: 60 }
 */
export function resolvePhotoLimits(limits: unknown): ResolvedPhotoLimits {
  if (limits === undefined) return defaultPhotoLimits;
  const given = readOptions(limits, LIMIT_KEYS, "limits");
  const out = { ...defaultPhotoLimits } as Required<PhotoLimits>;
  for (const k of LIMIT_KEYS) {
    const v = given[k];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v >= 0)) {
      const shown = typeof v === "number" ? String(v) : typeOf(v);
      throw new XueliError("option.invalid", `limits.${k} must be a number ≥ 0, got ${shown}`);
    }
    out[k] = v;
  }
  return out;
}

/**
 * How many bytes of a photo file to read so that its checks see what they need: `maxBytes + 1`
 * (one more than the limit tells an oversized file), but at least 64 KiB, so that the header of a
 * file somewhat over the limit still reads (its size is then reported, not a cut-off header), and
 * at most 64 MiB whatever the limit. For readers of files: `checkPhotoFile`, `checkPhotoFolder`, or
 * a browser tool reading `file.slice(0, photoReadCap())`. Throws `XueliError` for bad limits.
 *
 * @example
 * photoReadCap() //=> 65536
 * photoReadCap({ maxBytes: 100_000 }) //=> 100001
 */
export function photoReadCap(limits?: PhotoLimits): number {
  const { maxBytes } = resolvePhotoLimits(limits);
  return Math.min(Math.max(maxBytes + 1, READ_FLOOR), READ_CEILING);
}

// The intrinsic getters, called on the value itself: they read internal slots, so a Proxy, a
// subclass overriding `length` or a look-alike object cannot fool them or make them run user code.
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const getter = (proto: object, key: PropertyKey) =>
  Object.getOwnPropertyDescriptor(proto, key)?.get as (this: unknown) => unknown;
const TA_TAG = getter(typedArrayProto, Symbol.toStringTag);
const TA_BUFFER = getter(typedArrayProto, "buffer");
const TA_OFFSET = getter(typedArrayProto, "byteOffset");
const TA_LENGTH = getter(typedArrayProto, "byteLength");
const AB_LENGTH = getter(ArrayBuffer.prototype, "byteLength");

/**
 * The bytes of a `Uint8Array` (a `Buffer` too) or an `ArrayBuffer`, as a plain `Uint8Array` view of
 * the same memory; `undefined` for anything else (a Proxy, an array of numbers, a string, another
 * typed array). Never runs the value's own code.
 * @example
 * bytesOf(Buffer.from([0xff, 0xd8])) //=> Uint8Array.of(255, 216)
 * bytesOf(new Proxy(new Uint8Array(2), {})) //=> undefined
 */
export function bytesOf(input: unknown): Uint8Array | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  if (TA_TAG.call(input) === "Uint8Array") {
    // Always a fresh plain view: the value itself (a Buffer, a subclass, an instance with its own
    // `length` or `subarray`) may run code of its own; the view runs none.
    const length = TA_LENGTH.call(input) as number;
    // A detached buffer has length 0 and cannot be viewed again: no bytes.
    if (length === 0) return new Uint8Array(0);
    return new Uint8Array(TA_BUFFER.call(input) as ArrayBuffer, TA_OFFSET.call(input) as number, length);
  }
  let length: number;
  try {
    // Throws for anything without an ArrayBuffer's internal slot (a SharedArrayBuffer, a Proxy).
    length = AB_LENGTH.call(input) as number;
  } catch {
    return undefined;
  }
  return length === 0 ? new Uint8Array(0) : new Uint8Array(input as ArrayBuffer, 0, length);
}
