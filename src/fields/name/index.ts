import { clip, foldFullWidth, RECEIVED_MAX } from "../../core/strings.js";
import {
  type Finding,
  type FindingParams,
  finding,
  type LocaleOptions,
  type Result,
} from "../../findings/index.js";

/** A name as it is to be registered (姓名, 3.1). */
export interface NameFacts {
  /**
   * NFC, full-width folded, separator dots unified to `·` (U+00B7), extra spaces removed; a space
   * between the parts of a minority name becomes the dot (`name.missing-dot`), never nothing.
   */
  normalized: string;
}

/** The one middle dot of registered minority names (U+00B7), e.g. `阿依古丽·买买提`. */
export const MIDDLE_DOT = "·";

// Look-alikes of the middle dot typed by input methods and fonts: all become U+00B7.
const DOTS = new Set([
  0x00b7, // · middle dot
  0x0387, // · Greek ano teleia
  0x2022, // • bullet
  0x2027, // ‧ hyphenation point
  0x2219, // ∙ bullet operator
  0x22c5, // ⋅ dot operator
  0x2e31, // ⸱ word separator middle dot
  0x30fb, // ・ katakana middle dot
  0xff65, // ･ half-width katakana middle dot
  0x318d, // ㆍ Hangul araea (Korean IMEs type it as a dot)
  0x16eb, // ᛫ runic single punctuation
]);
// Full stops that mean the separator dot when they stand in a Han name ("．" folds to ".").
const STOPS_IN_HAN = new Set([0x002e, 0x3002, 0xff61]);
// Apostrophes and hyphens of Latin names, folded to ASCII.
const APOSTROPHES = new Set([0x0027, 0x2018, 0x2019, 0x02bc, 0x00b4, 0x0060]);
const HYPHENS = new Set([0x002d, 0x2010, 0x2011, 0x2012, 0x2013]);
// Spaces of any width (the ideographic space is already folded by foldFullWidth).
const isSpace = (c: number) =>
  c === 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

const isHan = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0x20000 && c <= 0x323af) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x2f800 && c <= 0x2fa1f) ||
  c === 0x3007; // 〇, used in some names

const isLatin = (c: number) =>
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x1e00 && c <= 0x1eff) ||
  (c >= 0x300 && c <= 0x36f); // combining accents left after NFC

/**
 * **[decision]** The longest name accepted, in characters (code points, the separator dot and the
 * spaces between Latin words included). Neither the notice nor CHSI publishes a limit; these are
 * generous bounds well beyond real names (the longest transliterated minority names on ID cards
 * are about 20 Han characters; long Latin names with several given names stay under 100), so that
 * only pasted text or garbage is refused: `name.characters` with `params.reason: "too-long"`.
 */
export const NAME_MAX_LENGTH = { han: 50, latin: 100 } as const;

/**
 * **[decision]** The longest input read as a name, in UTF-16 code units: four times the longest
 * Latin name, room for any spaces and combining marks a real name can carry. A longer input is
 * `name.characters` (`reason: "too-long"`) before any string work: Unicode normalization is
 * quadratic on a run of combining marks (`"a" + "\u0301\u0316".repeat(100000)` took 10 s).
 */
export const NAME_INPUT_MAX = 4 * NAME_MAX_LENGTH.latin;

/**
 * **[decision, 3.1]** Han names of at most this many characters may carry a space as layout
 * (`张　三`, `欧阳 娜娜`: rosters pad two-character names to align them): the space is removed with
 * the `name.whitespace` warning. In a longer Han name, or one that already has a dot, a space
 * between two parts is the missing separator dot of a minority name (`阿依古丽 买买提`): the name
 * must match the ID card, so it is the error `name.missing-dot`, suggestion `阿依古丽·买买提`.
 */
export const HAN_PADDED_MAX = 4;

/** How a refused character is shown in params: itself, or `U+XXXX` when it is invisible. */
function show(c: number): string {
  const invisible =
    c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff;
  return invisible ? `U+${c.toString(16).toUpperCase().padStart(4, "0")}` : String.fromCodePoint(c);
}

/**
 * A name the checks of `validateName` leave as it is, without a finding: 1 to 50 characters, each
 * a CJK unified ideograph of the BMP or the dot U+00B7, the dot neither first, last nor doubled.
 */
function isPlainHan(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > NAME_MAX_LENGTH.han) return false;
  let dot = true; // before the first character: a dot there is refused
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) dot = false;
    else if (c === 0xb7 && !dot) dot = true;
    else return false;
  }
  return !dot;
}

/** Code points of a string, counted without building anything. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Validates a name (姓名, 3.1): a Han name, a minority name with the separator dot (look-alikes
 * such as `・ • ． ‧ ･` become `·`), or the Latin name of a foreign student (letters, spaces,
 * hyphen, apostrophe, dot). Digits, control and zero-width characters, other symbols, a dot at
 * either end or doubled, and Han mixed with Latin letters give `name.characters`; an empty name
 * gives `name.empty`; a name longer than `NAME_MAX_LENGTH` (50 characters for a Han name, 100 for a
 * Latin one) gives `name.characters` with `params.reason: "too-long"` (an input longer than
 * `NAME_INPUT_MAX` is refused so before any normalization). A space between two parts of a
 * minority name (a Han name of more than `HAN_PADDED_MAX` characters, or one with a dot) is the
 * error `name.missing-dot`, the dot in `normalized` and in the suggestion; leading, trailing,
 * doubled spaces, spaces around a dot and the layout space of a short Han name (`张 三`) give the
 * `name.whitespace` warning and are removed from `normalized`.
 * @example
 * validateName("阿依古丽・买买提").value //=> { normalized: "阿依古丽·买买提" }
 * const f = validateName("阿依古丽 买买提").findings[0];
 * [f?.code, f?.severity, f?.clause] //=> ["name.missing-dot", "error", "3.1"]
 * f?.params //=> { received: "阿依古丽 买买提", suggestion: "阿依古丽·买买提" }
 * validateName(" 张三 ").findings[0]?.code //=> "name.whitespace"
 * validateName("张三2").findings[0]?.code //=> "name.characters"
 */
export function validateName(input: string, options?: LocaleOptions): Result<NameFacts> {
  if (input === undefined || input === null) {
    return { ok: false, findings: [finding("name.empty", [], {}, options)] };
  }
  if (typeof input !== "string") {
    return { ok: false, findings: [finding("name.characters", [], { received: typeof input }, options)] };
  }
  if (input.length > NAME_INPUT_MAX) {
    // Far longer than any name: refused before normalizing it (NFC is quadratic on combining marks).
    let han = false;
    for (let i = 0; i < NAME_INPUT_MAX && !han; i++) han = isHan(input.codePointAt(i) as number);
    const max = han ? NAME_MAX_LENGTH.han : NAME_MAX_LENGTH.latin;
    const params = { reason: "too-long" as const, length: codePoints(input), max };
    return { ok: false, findings: [finding("name.characters", [], params, options)] };
  }
  // The common case first: a Han name of CJK unified ideographs (U+4E00–U+9FFF, U+3400–U+4DBF),
  // maybe with the separator dot (U+00B7) between parts, at most 50 long. NFC and folding leave
  // those characters as they are, and the checks below find nothing to say: the name is its own
  // normal form.
  if (isPlainHan(input)) return { ok: true, value: { normalized: input }, findings: [] };
  const s = foldFullWidth(input.normalize("NFC"));

  // First pass: classify code points; a name is Han-script when it holds any Han character.
  const cps: number[] = [];
  let han = false;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    cps.push(c);
    if (isHan(c)) han = true;
  }

  const bad = new Set<string>();
  let reason: "mixed-script" | undefined;
  // Parts separated by spaces; each part a string of letters and separators.
  let out = "";
  // The same, with the dot where spaces stand between two Han parts (a minority name's separator).
  let dotted = "";
  let gaps = 0; // runs of spaces between two Han letters
  let hanLetters = 0;
  let last = 0; // the last kept code point
  let spaces = 0; // spaces seen since the last kept character
  let extraSpace = false;
  for (const c0 of cps) {
    let c = c0;
    if (isSpace(c)) {
      spaces++;
      continue;
    }
    if (DOTS.has(c) || (han && STOPS_IN_HAN.has(c))) c = 0xb7;
    else if (APOSTROPHES.has(c)) c = 0x27;
    else if (HYPHENS.has(c)) c = 0x2d;

    const ok = han ? isHan(c) || c === 0xb7 : isLatin(c) || c === 0x27 || c === 0x2d || c === 0x2e;
    if (!ok) {
      bad.add(show(c0));
      if (han && isLatin(c)) reason = "mixed-script";
      spaces = 0;
      continue;
    }
    if (spaces > 0) {
      // Han names have no spaces at all (nor around the dot); Latin names one between words.
      if (han && out !== "" && last !== 0xb7 && c !== 0xb7) {
        gaps++;
        dotted += MIDDLE_DOT;
      } else if (han || out === "" || spaces > 1) extraSpace = true;
      if (!han && out !== "") {
        out += " ";
        dotted += " ";
      }
      spaces = 0;
    }
    const ch = String.fromCodePoint(c);
    out += ch;
    dotted += ch;
    last = c;
    if (han && c !== 0xb7) hanLetters++;
  }
  if (spaces > 0 && out !== "") extraSpace = true;

  if (out === "" && bad.size === 0) return { ok: false, findings: [finding("name.empty", [], {}, options)] };

  // A space between two Han parts: a minority name's missing dot, or the layout of a short Han name.
  const missingDot = gaps > 0 && bad.size === 0 && (hanLetters > HAN_PADDED_MAX || out.includes(MIDDLE_DOT));
  if (gaps > 0 && !missingDot) extraSpace = true;
  if (missingDot) out = dotted;

  const findings: Finding[] = [];
  if (bad.size > 0) {
    const params: FindingParams["name.characters"] = { received: clip([...bad].join(" "), RECEIVED_MAX) };
    if (reason !== undefined) params.reason = reason;
    findings.push(finding("name.characters", [], params, options));
  } else if (han && (out.startsWith(MIDDLE_DOT) || out.endsWith(MIDDLE_DOT) || out.includes("··"))) {
    // The dot separates the parts of a minority name: never first, last or doubled.
    findings.push(
      finding("name.characters", [], { received: clip(out, RECEIVED_MAX), reason: "dot" }, options),
    );
  } else if (!han && !isLatin(out.codePointAt(0) ?? 0)) {
    // A Latin name starts with a letter: not with a hyphen, an apostrophe or a dot (nor is it
    // made of those alone).
    findings.push(
      finding("name.characters", [], { received: clip(out, RECEIVED_MAX), reason: "separator" }, options),
    );
  } else {
    const max = han ? NAME_MAX_LENGTH.han : NAME_MAX_LENGTH.latin;
    let length = 0;
    for (const _ of out) length++;
    if (length > max) {
      findings.push(finding("name.characters", [], { reason: "too-long", length, max }, options));
    }
  }
  if (missingDot) {
    findings.push(
      finding(
        "name.missing-dot",
        [],
        { received: clip(input, RECEIVED_MAX), suggestion: clip(out, RECEIVED_MAX) },
        options,
      ),
    );
  } else if (extraSpace)
    findings.push(
      finding(
        "name.whitespace",
        [],
        { received: clip(input, RECEIVED_MAX), suggestion: clip(out, RECEIVED_MAX) },
        options,
      ),
    );

  const value: NameFacts = { normalized: out };
  return findings.some((f) => f.severity === "error")
    ? { ok: false, value, findings }
    : { ok: true, value, findings };
}
