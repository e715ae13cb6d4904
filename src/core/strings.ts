/**
 * Folds full-width ASCII (Ｕ+FF01..FF5E) to half-width and the ideographic space to a space.
 * Chinese spreadsheets often carry full-width digits and letters: they are normalized, not refused.
 */
export function foldFullWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

/**
 * **[decision]** The longest value a validator copies from its input into `params.received`, in
 * characters: enough for any real field (a full origin is under 40, a name under 100) and for a
 * person to see what was typed, while a pasted page or a 100,000-character cell is not carried
 * whole into every finding, report and log. Longer input is cut with `clip`.
 */
export const RECEIVED_MAX = 200;

/**
 * `s` cut to at most `max` characters (code points, so a supplementary-plane character is never
 * split), the last one an ellipsis `…` when anything was cut. Shorter strings come back as they are.
 * @example
 * clip("北京市海淀区", 4) //=> "北京市…"
 * clip("北京市", 4) //=> "北京市"
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s; // UTF-16 length bounds the code-point count
  let n = 0;
  let i = 0;
  let cut = 0;
  for (const ch of s) {
    if (n === max - 1) cut = i;
    n++;
    if (n > max) return `${s.slice(0, cut)}…`;
    i += ch.length;
  }
  return s;
}

/**
 * True for a character that must not reach a terminal or a report as it is: C0 controls but tab
 * (ESC, BEL, CR, LF …), DEL, C1 controls (CSI …), the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, U+061C, U+200E–U+200F) that reorder what is shown, the zero-width
 * characters (U+200B–U+200D, U+2060–U+2064, U+FEFF), and the line and paragraph separators.
 * @example
 * isControlChar(0x1b) //=> true
 * isControlChar(0x202e) //=> true
 * isControlChar(0x09) //=> false
 */
export function isControlChar(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x061c ||
    c === 0xfeff
  );
}

/** Any character of `isControlChar`, for a fast first look (kept equal to it by a test). */
export const CONTROL_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is its purpose.
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]/;
