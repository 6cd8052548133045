// Boxes are sized before anything is drawn, in Node, where no font can be measured. The SVG
// asks for Arial-compatible fonts (Helvetica, Arial, Liberation Sans), so widths come from
// Arial's published advance widths (per 1000 units of the em) for printable ASCII; anything
// else is estimated as average (most scripts) or full width (CJK, emoji). A small safety
// margin covers a fallback font that runs a little wider.

/** Arial advance widths for code points 32..126, per 1000 em. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Bold Arial runs about this much wider than regular on mixed text. */
const BOLD_FACTOR = 1.09;
/** Headroom for a fallback font (DejaVu Sans runs up to ~8% wider than Arial). */
const SAFETY = 1.06;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Estimated width in pixels of `text` set in an Arial-like font at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) units += ASCII_WIDTHS[code - 32] ?? 556;
    else if (code < 32 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) units += 0;
    else if (isWide(code)) units += 1000;
    else units += 600;
  }
  return (units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1) * SAFETY;
}
