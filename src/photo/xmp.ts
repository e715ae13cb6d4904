/**
 * The creator tool of an XMP packet (`xmp:CreatorTool`), which Photoshop, Lightroom and many apps
 * write even when they leave EXIF Software alone (5.2.2). Read only when an XMP APP1 segment exists.
 */
const CREATOR_TOOL = /CreatorTool\s*(?:=\s*["']([^"'<]{1,200})["']|>\s*([^<]{1,200})<)/;

/** `xmp:CreatorTool` of the packet in `b[start, end)`, or `undefined`. */
export function readXmpCreatorTool(b: Uint8Array, start: number, end: number): string | undefined {
  if (start < 0 || end > b.length || end <= start) return undefined;
  const text = new TextDecoder("utf-8").decode(b.subarray(start, end));
  const m = CREATOR_TOOL.exec(text);
  const v = (m?.[1] ?? m?.[2])?.trim();
  return v === undefined || v === "" ? undefined : v;
}
