/** Fonts that cover Latin and Simplified Chinese labels on common desktops and phones. */
const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Characters that are not allowed in XML 1.0 text, even escaped. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point here.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an XML text node or attribute value and drops characters XML cannot hold. */
function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** FNV-1a, 32 bit: a small stable hash so an id always gets the same colour. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** HSL (degrees, percent, percent) to `#rrggbb`, so the SVG does not depend on CSS colour syntax. */
function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** Rounds to one decimal so coordinates stay short. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Shortens a label to roughly fit `maxUnits`, counting a CJK or other wide character as one unit and
 * anything else as about half. Works on code points so surrogate pairs are never split.
 */
function fitLabel(label: string, maxUnits: number): string {
  const chars = Array.from(label.replace(/\s+/g, ' ').trim());
  let units = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    units += (char.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.55;
    if (units > maxUnits)
      return `${chars
        .slice(0, Math.max(1, i - 1))
        .join('')
        .trimEnd()}…`;
  }
  return chars.join('');
}

/** A positive integer size, or the fallback when the value is missing or unusable. */
function size(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.round(value) : fallback;
}

/** A rounded rectangle. */
function rect(x: number, y: number, width: number, height: number, radius: number, fill: string): string {
  return (
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" ` +
    `rx="${num(radius)}" fill="${fill}"/>`
  );
}

/** Product silhouettes: a box, a shopping bag and a bottle, centred on (cx, cy) with size s. */
function shape(kind: number, cx: number, cy: number, s: number, fill: string, accent: string): string {
  if (kind === 1) {
    const top = cy - s * 0.3;
    const handle =
      `M${num(cx - s * 0.18)} ${num(top)}V${num(top - s * 0.08)}` +
      `a${num(s * 0.18)} ${num(s * 0.18)} 0 0 1 ${num(s * 0.36)} 0V${num(top)}`;
    return (
      `<path d="${handle}" fill="none" stroke="${accent}" stroke-width="${num(s * 0.05)}"/>` +
      rect(cx - s * 0.4, top, s * 0.8, s * 0.75, s * 0.05, fill)
    );
  }
  if (kind === 2) {
    return (
      rect(cx - s * 0.1, cy - s * 0.5, s * 0.2, s * 0.2, s * 0.03, accent) +
      rect(cx - s * 0.25, cy - s * 0.32, s * 0.5, s * 0.8, s * 0.12, fill)
    );
  }
  return (
    rect(cx - s * 0.45, cy - s * 0.25, s * 0.9, s * 0.7, s * 0.04, fill) +
    rect(cx - s * 0.5, cy - s * 0.4, s, s * 0.2, s * 0.04, accent)
  );
}

/**
 * Builds a small standalone SVG image placeholder for a demo product picture: a background colour
 * derived from `id`, a simple product silhouette chosen by `id` and `index`, and `label` as text.
 * The label is XML-escaped, so any string (including markup-looking text) is safe to pass.
 *
 * @param options.id Stable id (e.g. a product id); picks the colour.
 * @param options.label Text shown on the image and used as its `<title>`.
 * @param options.index Picture number of the product (1-based in the shop); varies tint and shape.
 * @param options.width Width in pixels, 800 by default.
 * @param options.height Height in pixels, 800 by default.
 * @returns An SVG document starting with `<svg`, suitable for `image/svg+xml` responses.
 */
export function placeholderSvg(options: {
  id: string;
  label: string;
  index: number;
  width?: number;
  height?: number;
}): string {
  const width = size(options.width, 800);
  const height = size(options.height, 800);
  const index = Number.isFinite(options.index) ? Math.trunc(options.index) : 0;
  const h = hash(options.id);
  const hue = (h + index * 23) % 360;
  const background = hslToHex(hue, 45, 90);
  const fill = hslToHex(hue, 35, 58);
  const accent = hslToHex(hue, 40, 40);
  const ink = hslToHex(hue, 30, 22);
  const short = Math.min(width, height);
  const fontSize = Math.max(10, Math.round(short * 0.045));
  const label = escapeXml(fitLabel(options.label, (width * 0.85) / fontSize));
  const kind = ((((h >>> 9) + index) % 3) + 3) % 3;

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeXml(options.label)}</title>` +
    `<rect width="${width}" height="${height}" fill="${background}"/>` +
    shape(kind, width / 2, height * 0.42, short * 0.42, fill, accent) +
    `<text x="${num(width / 2)}" y="${num(height * 0.86)}" text-anchor="middle" ` +
    `font-family="${FONT_FAMILY}" font-size="${fontSize}" fill="${ink}">${label}</text>` +
    `</svg>\n`
  );
}
