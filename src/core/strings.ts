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
