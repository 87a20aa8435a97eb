import { coverageLine, type Coverage } from './range.js';
import type { FunnelReport } from './funnel.js';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would make a spreadsheet run it as a formula: prefix a quote (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV document: a `# coverage` comment line, the header, then the rows. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  covers: Coverage,
): string {
  return [
    `# ${coverageLine(covers)}`,
    header.map(field).join(','),
    ...rows.map((row) => row.map(field).join(',')),
  ]
    .join('\n')
    .concat('\n');
}

/** Text for SVG/HTML: `& < > " '` escaped, so data from shoppers' browsers is never markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The funnel as CSV: one row per group and step. */
export function funnelCsv(report: FunnelReport): string {
  return toCsv(
    ['by', 'group', 'step', 'sessions', 'conversion', 'from_previous', 'drop_off'],
    report.groups.flatMap((g) =>
      g.steps.map((s) => [
        g.by,
        g.group,
        s.step,
        s.sessions,
        s.conversion.toFixed(4),
        s.fromPrevious.toFixed(4),
        s.dropOff,
      ]),
    ),
    report.coverage,
  );
}

/**
 * The funnel as an SVG bar chart: one bar per step for all sessions, its count and conversion,
 * the drop-off between steps, then one small row of conversions per device and variant, and the
 * data range as a caption.
 */
export function funnelSvg(report: FunnelReport): string {
  const all = report.groups.find((g) => g.by === 'all')!;
  const others = report.groups.filter((g) => g.by !== 'all');
  const width = 760;
  const barMax = 440;
  const rowH = 46;
  const top = 56;
  const max = Math.max(1, ...all.steps.map((s) => s.sessions));
  const parts: string[] = [];
  parts.push(
    `<text x="24" y="32" font-size="18" font-weight="600">Funnel: ${escapeXml(report.steps.join(' → '))}</text>`,
  );
  all.steps.forEach((s, i) => {
    const y = top + i * rowH;
    const w = Math.max(2, (s.sessions / max) * barMax);
    parts.push(
      `<text x="24" y="${y + 22}" font-size="13">${escapeXml(s.step)}</text>`,
      `<rect x="180" y="${y + 6}" width="${w.toFixed(1)}" height="24" rx="3" fill="#1f6f5c"/>`,
      `<text x="${(186 + w).toFixed(1)}" y="${y + 23}" font-size="13">${s.sessions} (${pct(s.conversion)})</text>`,
    );
    if (i > 0)
      parts.push(
        `<text x="180" y="${y + 44}" font-size="11" fill="#b3261e">−${s.dropOff} (${pct(1 - s.fromPrevious)} dropped from the step before)</text>`,
      );
  });
  let y = top + all.steps.length * rowH + 24;
  if (others.length) {
    parts.push(
      `<text x="24" y="${y}" font-size="14" font-weight="600">Conversion to ${escapeXml(report.steps.at(-1)!)} by group</text>`,
    );
    y += 8;
    for (const g of others) {
      y += 22;
      const first = g.steps[0]!.sessions;
      const last = g.steps.at(-1)!;
      parts.push(
        `<text x="24" y="${y}" font-size="12">${escapeXml(`${g.by}: ${g.group}`)}</text>`,
        `<rect x="300" y="${y - 12}" width="${(last.conversion * 300).toFixed(1)}" height="14" fill="#7fb8a8"/>`,
        `<text x="${(306 + last.conversion * 300).toFixed(1)}" y="${y}" font-size="12">${pct(last.conversion)} of ${first}</text>`,
      );
    }
  }
  y += 36;
  parts.push(
    `<text x="24" y="${y}" font-size="11" fill="#575c61">${escapeXml(coverageLine(report.coverage))}</text>`,
  );
  const height = y + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}
