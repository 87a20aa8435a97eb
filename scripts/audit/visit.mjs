// A shopper's visit of a page, scripted, with the renderer's main-thread time read from Chrome's
// Performance domain at the end (TaskDuration: every task; ScriptDuration: the JavaScript part;
// both in thread time).
// Used to compare the product page with and without the tracker in the same browser and run.

const VISIT_TIMEOUT_MS = 30_000;

/**
 * Opens `url` in a new tab of `browser`, waits for the shop to draw the page, scrolls to the end
 * and back as a reader does, waits for the network to settle (lazy chunks, the tracker's sends),
 * then returns the tab's main-thread time in milliseconds.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @returns {Promise<{ taskMs: number, scriptMs: number }>}
 */
export async function scriptedVisit(browser, url) {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    // Thread time, not wall time: a task preempted by other work on the machine counts only what
    // it ran, so the on/off comparison holds on a busy 2-core machine.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: VISIT_TIMEOUT_MS });
    await page.waitForSelector('main[aria-busy="false"]', { timeout: VISIT_TIMEOUT_MS });
    await page.evaluate(async () => {
      const pause = () => new Promise((ok) => setTimeout(ok, 50));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await pause();
      }
      scrollTo(0, 0);
      await pause();
    });
    await page.waitForNetworkIdle({ idleTime: 500, timeout: VISIT_TIMEOUT_MS });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const read = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return { taskMs: read('TaskDuration'), scriptMs: read('ScriptDuration') };
  } finally {
    await page.close().catch(() => {});
  }
}

/** The median of a list of numbers (NaN for an empty list). */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
