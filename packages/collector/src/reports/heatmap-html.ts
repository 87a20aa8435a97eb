// The heatmap report as one self-contained HTML file: no script, no outside request, and every
// piece of data (keys, components and products come from shoppers' browsers) escaped as text.
import { escapeXml } from './output.js';
import { coverageLine, type Coverage } from './range.js';
import type { HeatmapElement, HeatmapProduct, ScrollBand } from './heatmap.js';

/** What {@link heatmapHtml} shows. */
export interface HeatmapHtmlInput {
  title: string;
  /** Lines under the title: what was drawn, from which page, how many points were placed. */
  summary: string[];
  coverage: Coverage;
  /** The page screenshot and the transparent overlay, PNG data URLs of the same size. */
  screenshot: string;
  overlay: string;
  width: number;
  height: number;
  /** Label of the count column: `clicks`, `samples`. */
  unit: string;
  top: readonly HeatmapElement[];
  products: readonly HeatmapProduct[];
  bands: readonly ScrollBand[];
}

const e = escapeXml;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const cell = (value: string | number | null, numeric = false) =>
  `<td${numeric ? ' class="n"' : ''}>${value === null ? '<span class="none">—</span>' : e(String(value))}</td>`;

function table(caption: string, head: string[], rows: string[][]): string {
  if (!rows.length) return `<section><h2>${e(caption)}</h2><p class="none">None in this range.</p></section>`;
  return `<section><h2>${e(caption)}</h2><table>
<thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n')}
</tbody></table></section>`;
}

/**
 * The report page: title, the data range it covers, the screenshot with the heatmap over it (a
 * checkbox hides the overlay, in CSS alone), the most clicked elements and products — or, for
 * scroll, the share of sessions reaching each band. A Content-Security-Policy allowing no script
 * and only `data:` images backs up the escaping.
 */
export function heatmapHtml(input: HeatmapHtmlInput): string {
  const covers = coverageLine(input.coverage);
  const sections: string[] = [];
  if (input.bands.length) {
    sections.push(
      table(
        'Scroll reach',
        ['band', 'sessions that saw it', 'share'],
        input.bands.map((b) => [
          cell(`${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`),
          cell(b.sessions, true),
          cell(pct(b.share), true),
        ]),
      ),
    );
  } else {
    sections.push(
      table(
        `Most ${input.unit === 'clicks' ? 'clicked' : 'hovered'} elements`,
        ['element key', 'component', 'product', input.unit, 'share', 'on the page'],
        input.top.map((t) => [
          `<td><code>${e(t.key)}</code></td>`,
          cell(t.component),
          cell(t.productId),
          cell(t.count, true),
          cell(pct(t.share), true),
          cell(t.resolved ? 'yes' : 'no (by page position)'),
        ]),
      ),
    );
    if (input.unit === 'clicks')
      sections.push(
        table(
          'Products',
          ['product', 'clicks', 'sessions', 'share'],
          input.products.map((p) => [
            cell(p.productId),
            cell(p.count, true),
            cell(p.sessions, true),
            cell(pct(p.share), true),
          ]),
        ),
      );
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(input.title)}</title>
<style>
  body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, sans-serif; color: #1d2125; background: #f6f7f8; }
  h1 { margin: 0 0 4px; font-size: 20px; }
  h2 { margin: 28px 0 8px; font-size: 16px; }
  p { margin: 2px 0; }
  .coverage { font-weight: 600; }
  .none { color: #6b7178; }
  .legend { display: inline-block; width: 160px; height: 10px; vertical-align: middle; margin: 0 6px;
    background: linear-gradient(to right, rgba(0, 0, 255, 0.2), #0ff, #0f0, #ff0, #f00); }
  .map { position: relative; margin: 0; width: ${input.width}px; max-width: none; overflow: hidden;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); background: #fff; }
  .scroller { overflow-x: auto; padding-bottom: 8px; }
  .map img { display: block; width: ${input.width}px; height: ${input.height}px; }
  .map .overlay { position: absolute; left: 0; top: 0; }
  body:has(#show:not(:checked)) .overlay { display: none; }
  table { border-collapse: collapse; background: #fff; }
  th, td { padding: 4px 10px; border-bottom: 1px solid #e1e4e7; text-align: left; vertical-align: top; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  code { font: 12px/1.4 ui-monospace, monospace; word-break: break-all; }
</style>
</head>
<body>
<header>
<h1>${e(input.title)}</h1>
<p class="coverage">Data: ${e(covers)}</p>
${input.summary.map((line) => `<p>${e(line)}</p>`).join('\n')}
<p>Cold <span class="legend"></span> hot</p>
</header>
<p><input type="checkbox" id="show" checked><label for="show"> Show the heatmap</label></p>
<div class="scroller">
<figure class="map">
<img src="${e(input.screenshot)}" alt="The page as laid out for this report">
<img class="overlay" src="${e(input.overlay)}" alt="">
</figure>
</div>
${sections.join('\n')}
<footer><p class="none">${e(covers)}</p></footer>
</body>
</html>
`;
}
