// Lighthouse for `npm run audit`: one run on a page of a browser the audit launched, and the parts
// of its report a developer needs: the four category scores, LCP/TBT/CLS, and for a category under
// its target the audits that cost points with the elements and files they name.
import lighthouse from 'lighthouse';

/** The targets (#11): performance ≥ 95, the other three 100. */
export const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
export const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);

const RUN_TIMEOUT_MS = 120_000;

/**
 * Runs Lighthouse (default config: the mobile preset with simulated throttling) on `url` in the
 * Chromium listening on `port`. Storage is kept, so the consent given in that browser holds.
 * @param {string} url
 * @param {number} port
 * @returns {Promise<import('lighthouse').Result>}
 */
export async function runLighthouse(url, port) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`Lighthouse did not finish ${url} in 120 s`)), RUN_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([
      lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        // Lighthouse clears the origin's storage by default: that would take the consent away.
        disableStorageReset: true,
        onlyCategories: [...CATEGORIES],
      }),
      timeout,
    ]);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Scores (0–100) and the three Core Web Vitals Lighthouse measures in a lab run.
 * @param {import('lighthouse').Result} lhr
 */
export function summarize(lhr) {
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(metric('largest-contentful-paint')),
    tbtMs: Math.round(metric('total-blocking-time')),
    cls: Number(metric('cumulative-layout-shift').toFixed(3)),
  };
}

/** What an item of an audit's table points at: an element's selector, a file's URL, a source. */
function itemLabel(item) {
  const parts = [];
  const node = item.node ?? (item.type === 'node' ? item : undefined);
  if (node?.selector) parts.push(node.selector);
  else if (node?.snippet) parts.push(node.snippet.slice(0, 120));
  const url = typeof item.url === 'string' ? item.url : item.source?.url;
  if (url) parts.push(url.replace(/^https?:\/\/127\.0\.0\.1:\d+/, ''));
  if (item.source?.line !== undefined && url) parts[parts.length - 1] += `:${item.source.line + 1}`;
  if (typeof item.wastedBytes === 'number') parts.push(`${Math.round(item.wastedBytes / 1024)} KiB wasted`);
  if (typeof item.duration === 'number') parts.push(`${Math.round(item.duration)} ms`);
  if (typeof item.total === 'number') parts.push(`${Math.round(item.total)} ms CPU`);
  if (typeof item.groupLabel === 'string') parts.unshift(item.groupLabel);
  if (typeof item.description === 'string' && !parts.length) parts.push(item.description);
  return parts.join(' — ');
}

function items(audit, limit) {
  // A "list" holds tables (the LCP element's audit); the others are one table.
  const tables = audit.details?.type === 'list' ? (audit.details.items ?? []) : [audit.details ?? {}];
  const out = [];
  for (const item of tables.flatMap((t) => t.items ?? [])) {
    // Accessibility tables nest their elements one level down.
    if (item.subItems?.items && !item.url && !item.node) {
      for (const sub of item.subItems.items) out.push(itemLabel(sub));
    } else out.push(itemLabel(item));
  }
  const shown = out.filter(Boolean).slice(0, limit);
  if (out.length > limit) shown.push(`… and ${out.length - limit} more`);
  return shown;
}

/**
 * Audits Lighthouse could not run (with their first error): Lighthouse 12.2.3 reads some trace
 * events of newer Chromium releases wrongly, which costs diagnostics but not scores.
 * @param {import('lighthouse').Result} lhr
 */
export function erroredAudits(lhr) {
  const weighted = new Set(
    Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
  );
  return Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map((a) => ({ id: a.id, error: a.errorMessage ?? '', weighted: weighted.has(a.id) }));
}

/**
 * The audits that cost a category points, worst first, each with up to `limit` offending items.
 * For performance: the metrics under 0.9 and the diagnostics that fail with estimated savings.
 * @param {import('lighthouse').Result} lhr
 * @param {string} categoryId
 */
export function failingAudits(lhr, categoryId, limit = 5) {
  const category = lhr.categories[categoryId];
  if (!category) return [];
  const out = [];
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (
      !audit ||
      audit.score === null ||
      ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)
    )
      continue;
    const failing =
      categoryId === 'performance' ? audit.score < 0.9 && ref.group !== 'hidden' : audit.score < 1;
    if (!failing) continue;
    const savingsMs = audit.details?.overallSavingsMs ?? 0;
    out.push({
      id: audit.id,
      title: audit.title,
      displayValue: audit.displayValue ?? '',
      weight: ref.weight,
      score: audit.score,
      savingsMs,
      items: items(audit, limit),
    });
  }
  // Weighted audits (the metrics, or every failing a11y/SEO check) first, then the biggest savings.
  out.sort((a, b) => b.weight - a.weight || b.savingsMs - a.savingsMs || a.score - b.score);
  if (categoryId === 'performance') {
    // What the slow metrics were made of: the LCP element, the scripts' CPU time, the long tasks.
    for (const id of ['largest-contentful-paint-element', 'bootup-time', 'long-tasks']) {
      const audit = lhr.audits[id];
      if (!audit?.details || out.some((a) => a.id === id)) continue;
      const found = items(audit, 3);
      if (found.length)
        out.push({ id, title: audit.title, displayValue: audit.displayValue ?? '', items: found });
    }
  }
  return out;
}
