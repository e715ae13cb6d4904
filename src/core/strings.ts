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
