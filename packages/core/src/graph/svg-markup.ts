// The two primitives every part of the SVG writer prints with: text escaped for XML (state
// names come from untrusted definitions, and some characters XML 1.0 cannot hold at all) and
// coordinates rounded to a tenth, which keeps documents small and byte-for-byte deterministic.

/**
 * XML-escapes text. Characters XML 1.0 cannot contain are shown, not dropped: control
 * characters as their Control Pictures symbol (U+0001 as ␁), anything else as U+FFFD.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (char) => {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x20 ? String.fromCodePoint(0x2400 + code) : '\uFFFD';
    })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate or length as an attribute value, rounded to a tenth of a unit. */
export const px = (value: number): string => (Math.round(value * 10) / 10).toString();
