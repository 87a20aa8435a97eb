import { html, type TemplateResult } from 'lit';
import type { Highlight } from './types.js';

/**
 * `text` with the `ranges` wrapped in `<mark part="mark">`, built from Lit templates so a title
 * is always text, never markup (titles come from shops, sometimes from their shoppers). Ranges
 * out of bounds, overlapping or out of order are clamped or skipped rather than trusted.
 */
export function highlight(
  text: string,
  ranges: readonly Highlight[] | undefined,
): (string | TemplateResult)[] {
  if (!Array.isArray(ranges) || ranges.length === 0) return [text];
  const sorted = ranges
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .sort((a, b) => a[0] - b[0]);
  const out: (string | TemplateResult)[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.min(rawEnd, text.length);
    if (end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
