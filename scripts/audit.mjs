// `npm run audit`: the quality gates of issue #11, printed, and failing on regression.
//   1. Lighthouse 12 (mobile preset) on the demo shop's home, product and checkout pages, tracker
//      on (consent given), against the targets 95/100/100/100, with the failing audits listed.
//   2. axe on every story (`scripts/stories.mjs`, as `npm run test:stories`).
//   3. Size budgets (`scripts/size.mjs`) and the ceilings that measured + 10 % would be.
//   4. Tracker overhead on the product page: with and without the tracker in the same run.
//   5. The gate: compared with docs/audit.json (written by `--record`), exit 1 when a score is under
//      its target and under the baseline, when the tracker's main-thread overhead ratio grows by
//      more than 25 %, when more stories fail than in the baseline, or when an entry point is over
//      its ceiling.
// Options: --record (write docs/audit.json from this run), --runs N (tracker-overhead runs per
// variant, default 5), --lighthouse-runs N (runs per page, median kept, default 3),
// --no-stories-build (reuse storybook-static, as after `npm test`), --skip-stories,
// --baseline FILE (instead of docs/audit.json).
// See docs/adr/0008-quality-gates.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import puppeteer from 'puppeteer-core';
import { checkSizes, checkStories } from './audit/checks.mjs';
import {
  CATEGORIES,
  TARGETS,
  erroredAudits,
  failingAudits,
  runLighthouse,
  summarize,
} from './audit/lighthouse.mjs';
import { fixed, printTable } from './audit/table.mjs';
import { startTrackerSwitch } from './audit/tracker-switch.mjs';
import { median, scriptedVisit } from './audit/visit.mjs';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const BASELINE_FILE = (() => {
  const i = process.argv.indexOf('--baseline');
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : 'docs/audit.json';
})();
const CONSENT_KEY = 'vt-demo-consent'; // examples/shop/src/client/main.ts
/** A Lighthouse performance score moves by a few points between identical runs: not a regression. */
const PERFORMANCE_NOISE = 3;
/** The tracker's overhead ratio may grow this much over the baseline before the gate fails. */
const OVERHEAD_GROWTH = 1.25;
/**
 * The ratios that fail the gate. The main-thread ratio is read in thread time and moves by a few
 * per cent between runs; Lighthouse's TBT ratio divides two small, wall-time figures and moved from
 * 1.9 to 3.2 between runs of the same code on a busy machine: printed, not gated, until CI's
 * quiet runs show it steady.
 */
const GATED_RATIOS = ['mainThreadRatio'];
const WATCHDOG_MS = 25 * 60_000;

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const count = (name, fallback) => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) {
    console.error(`audit: ${name} takes a whole number ≥ 1`);
    process.exit(2);
  }
  return n;
};
const record = flag('--record');
const overheadRuns = count('--runs', 5);
const lighthouseRuns = count('--lighthouse-runs', 3);

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const step = (text) => console.log(`\n[${seconds()} s] ${text}`);

// Everything started here is stopped in reverse order, on success, failure, signal or watchdog.
const cleanups = [];
async function cleanUp() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch((error) => console.error('audit: cleanup:', error));
}
let exiting = false;
async function exit(code) {
  if (exiting) return;
  exiting = true;
  await cleanUp();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void exit(130));
setTimeout(() => {
  console.error(`audit: still running after ${WATCHDOG_MS / 60_000} min: stopping.`);
  void exit(1);
}, WATCHDOG_MS).unref();

/** The demo shop in a child process (see audit/shop.mjs); resolves once it listens. */
async function startShopProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit/shop.mjs'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((ok) => child.once('exit', ok));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the demo shop did not start in 60 s')), 60_000);
    child.once('exit', (code) => fail(new Error(`the demo shop exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        ok(/** @type {{ url: string }} */ (JSON.parse(line)).url);
      } catch {
        fail(new Error(`the demo shop printed "${line}" instead of its URL`));
      }
    });
  });
  return url;
}

async function launchBrowser() {
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS,
    protocolTimeout: 120_000,
  });
  cleanups.push(async () => {
    const proc = browser.process();
    await Promise.race([browser.close(), new Promise((ok) => setTimeout(ok, 10_000))]).catch(() => {});
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  return browser;
}

/** Records the shopper's analytics choice for `origin` in the browser's default profile. */
async function setConsent(browser, origin, choice) {
  const page = await browser.newPage();
  try {
    await page.goto(new URL('/favicon.svg', origin).href, { timeout: 30_000 });
    await page.evaluate((key, value) => localStorage.setItem(key, value), CONSENT_KEY, choice);
  } finally {
    await page.close();
  }
}

/**
 * Puts a product into the cart, as a shopper does on its page, so the checkout page shows a form
 * and not "your cart is empty". Returns the product id, or null (with a warning) when it failed.
 */
async function fillCart(browser, origin) {
  const page = await browser.newPage();
  try {
    await page.goto(origin, { timeout: 30_000 });
    const id = await page.evaluate(async () => {
      const catalog = await (await fetch('/api/catalog?lang=en')).json();
      return catalog.products.find((p) => p.options.length === 0 && p.availability === 'in_stock')?.id;
    });
    if (!id) throw new Error('no in-stock product without options in the catalog');
    await page.goto(new URL(`/product.html?id=${id}`, origin).href, { waitUntil: 'load', timeout: 30_000 });
    const button = await page.waitForSelector('vt-add-to-cart >>> button[aria-disabled="false"]', {
      timeout: 30_000,
    });
    await button.click();
    await page.waitForFunction(
      () =>
        !/empty|空/.test(
          document
            .querySelector('vt-cart-count')
            ?.shadowRoot?.querySelector('[part="base"]')
            ?.getAttribute('aria-label') ?? 'empty',
        ),
      { timeout: 30_000 },
    );
    return id;
  } catch (error) {
    console.warn(`audit: could not fill the cart (${error.message}); checkout is audited as it shows`);
    return null;
  } finally {
    await page.close();
  }
}

/** Runs Lighthouse `runs` times and keeps the run with the median performance score. */
async function medianLighthouse(url, port, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runLighthouse(url, port));
  if (runs > 1) {
    const scores = results.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
    console.log(`performance per run: ${scores.join(', ')}`);
  }
  results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return results[Math.floor(results.length / 2)];
}

const ratio = (on, off) => (off > 0 ? on / off : on === 0 ? 1 : Number.NaN);

function readBaseline() {
  if (!existsSync(BASELINE_FILE)) return null;
  try {
    return JSON.parse(readFileSync(BASELINE_FILE, 'utf8'));
  } catch (error) {
    console.error(`audit: ${BASELINE_FILE} is not valid JSON (${error.message}); ignoring it`);
    return null;
  }
}

async function main() {
  const baseline = readBaseline();
  const results = {
    lighthouse: /** @type {Record<string, ReturnType<typeof summarize>>} */ ({}),
    overhead: null,
    stories: null,
    size: null,
  };

  // 3 first: it takes a second and needs nothing running.
  step('Size budgets (scripts/size.mjs on packages/*/dist as built)');
  const size = await checkSizes();
  printTable(
    'Size (min+gzip) against ceilings; "suggested" = measured + 10 %, rounded up to 0.1 KB',
    ['entry point', 'measured', 'ceiling', '+10 %', 'suggested', ''],
    size.rows.map((r) => [
      r.name,
      `${fixed(r.gzipKB, 2)} KB`,
      Number.isFinite(r.limitKB) ? `${r.limitKB} KB` : '—',
      `${fixed(r.gzipKB * 1.1, 2)} KB`,
      r.loose ? `${r.suggestedKB} KB` : '',
      !r.ok ? 'OVER' : r.loose ? 'loose' : 'tight',
    ]),
  );
  for (const p of size.problems) console.log(`size: ${p}`);
  const loose = size.rows.filter((r) => r.loose);
  console.log(`${loose.length} of ${size.rows.length} ceilings are looser than measured + 10 %.`);
  results.size = size;

  // 2, before Chromium is busy with Lighthouse (both need the two cores).
  if (flag('--skip-stories')) step('axe on every story: skipped (--skip-stories)');
  else {
    const build = !flag('--no-stories-build');
    step(`axe on every story (scripts/stories.mjs${build ? ', with a Storybook build' : ' --no-build'})`);
    const stories = await checkStories({ build });
    for (const line of stories.failures) console.log(line);
    if (stories.errors) console.log(stories.errors);
    console.log(stories.result);
    results.stories = stories;
  }

  step('Starting the demo shop and Chromium');
  const shopUrl = await startShopProcess();
  const browser = await launchBrowser();
  const port = Number(new URL(browser.wsEndpoint()).port);
  const chromium = await browser.version();
  // Lighthouse's simulated throttling scales the CPU time it observes: other work on the machine
  // lowers performance scores and blurs the on/off comparison. Say so next to the figures.
  const [load] = loadavg();
  if (load > availableParallelism())
    console.log(
      `WARNING: load average ${load.toFixed(1)} on ${availableParallelism()} cores — other work is running; ` +
        'performance figures will be low and noisy.',
    );
  console.log(`shop ${shopUrl}, ${chromium}, Lighthouse 12.2.3 (mobile preset, simulated throttling)`);
  await setConsent(browser, shopUrl, 'granted');
  const cartProduct = await fillCart(browser, shopUrl);
  if (cartProduct) console.log(`consent granted; ${cartProduct} is in the cart for the checkout page`);

  // 1
  const pages = {
    home: '/',
    product: '/product.html?id=p0001',
    checkout: '/checkout.html',
  };
  const reports = {};
  for (const [name, path] of Object.entries(pages)) {
    step(`Lighthouse: ${name} (${path})${lighthouseRuns > 1 ? `, median of ${lighthouseRuns}` : ''}`);
    const lhr = await medianLighthouse(new URL(path, shopUrl).href, port, lighthouseRuns);
    reports[name] = lhr;
    results.lighthouse[name] = summarize(lhr);
    const s = results.lighthouse[name];
    console.log(
      CATEGORIES.map((c) => `${c} ${s[c]}`).join(', ') +
        `; LCP ${s.lcpMs} ms, TBT ${s.tbtMs} ms, CLS ${s.cls}`,
    );
  }

  // 4
  step(`Tracker overhead on the product page: ${overheadRuns} runs per variant, interleaved`);
  const on = await startTrackerSwitch(shopUrl, { tracker: true });
  cleanups.push(on.close);
  const off = await startTrackerSwitch(shopUrl, { tracker: false });
  cleanups.push(off.close);
  await setConsent(browser, on.url, 'granted');
  await setConsent(browser, off.url, 'denied');
  const product = pages.product;
  const samples = { on: { tbt: [], task: [], script: [] }, off: { tbt: [], task: [], script: [] } };
  for (let i = 0; i < overheadRuns; i++) {
    // Alternate which variant goes first so that a warming cache or a busy moment favours neither.
    const order = i % 2 ? ['off', 'on'] : ['on', 'off'];
    for (const variant of order) {
      const origin = variant === 'on' ? on.url : off.url;
      const url = new URL(product, origin).href;
      const visit = await scriptedVisit(browser, url);
      samples[variant].task.push(visit.taskMs);
      samples[variant].script.push(visit.scriptMs);
      const lhr = await runLighthouse(url, port);
      samples[variant].tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN);
    }
    const last = (variant, key) => fixed(samples[variant][key].at(-1));
    console.log(
      `run ${i + 1}/${overheadRuns}: main thread ${last('on', 'task')} / ${last('off', 'task')} ms, ` +
        `TBT ${last('on', 'tbt')} / ${last('off', 'tbt')} ms (on / off)`,
    );
  }
  const m = (variant, key) => median(samples[variant][key]);
  const overhead = {
    runs: overheadRuns,
    taskMs: { on: m('on', 'task'), off: m('off', 'task') },
    scriptMs: { on: m('on', 'script'), off: m('off', 'script') },
    tbtMs: { on: m('on', 'tbt'), off: m('off', 'tbt') },
  };
  overhead.mainThreadRatio = ratio(overhead.taskMs.on, overhead.taskMs.off);
  overhead.scriptRatio = ratio(overhead.scriptMs.on, overhead.scriptMs.off);
  overhead.tbtRatio = ratio(overhead.tbtMs.on, overhead.tbtMs.off);
  results.overhead = overhead;

  // Chromium and the shop are no longer needed: stop them before printing.
  await cleanUp();

  // --- Tables -------------------------------------------------------------------------------
  printTable(
    'Lighthouse 12.2.3, mobile preset, tracker on (targets: performance ≥ 95, others 100)',
    ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'TBT', 'CLS'],
    Object.entries(results.lighthouse).map(([name, s]) => [
      name,
      ...CATEGORIES.map((c) => `${s[c]}${s[c] < TARGETS[c] ? ' ✘' : ''}`),
      `${s.lcpMs} ms`,
      `${s.tbtMs} ms`,
      fixed(s.cls, 3),
    ]),
  );

  for (const [name, lhr] of Object.entries(reports)) {
    const s = results.lighthouse[name];
    const errored = erroredAudits(lhr);
    if (errored.length)
      console.log(
        `\n${name}: Lighthouse could not run ${errored.length} audits in this Chromium (${errored.some((a) => a.weighted) ? 'SCORES AFFECTED' : 'diagnostics only, scores unaffected'}): ` +
          `${errored.map((a) => a.id).join(', ')} — ${errored[0].error}`,
      );
    for (const category of CATEGORIES) {
      if (s[category] >= TARGETS[category]) continue;
      console.log(`\n${name} · ${category} ${s[category]} < ${TARGETS[category]}: what costs points`);
      for (const a of failingAudits(lhr, category)) {
        console.log(`  ✘ ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        for (const item of a.items) console.log(`      ${item}`);
      }
    }
  }

  printTable(
    `Tracker overhead, product page, median of ${overheadRuns} runs (off = consent denied and no tracker bundle)`,
    ['measure', 'tracker on', 'tracker off', 'added', 'ratio on/off'],
    [
      ['main-thread time (CDP TaskDuration)', 'taskMs', 'mainThreadRatio'],
      ['script time (CDP ScriptDuration)', 'scriptMs', 'scriptRatio'],
      ['total blocking time (Lighthouse TBT)', 'tbtMs', 'tbtRatio'],
    ].map(([label, key, r]) => [
      label,
      `${fixed(overhead[key].on)} ms`,
      `${fixed(overhead[key].off)} ms`,
      `${fixed(overhead[key].on - overhead[key].off)} ms`,
      fixed(overhead[r], 2),
    ]),
  );

  // --- Gate ----------------------------------------------------------------------------------
  const gates = [];
  const gate = (check, value, target, base, verdict) => gates.push([check, value, target, base, verdict]);
  for (const [name, s] of Object.entries(results.lighthouse)) {
    for (const c of CATEGORIES) {
      const base = baseline?.lighthouse?.[name]?.[c];
      const underTarget = s[c] < TARGETS[c];
      const noise = c === 'performance' ? PERFORMANCE_NOISE : 0;
      const regressed = underTarget && typeof base === 'number' && s[c] < base - noise;
      gate(
        `${name} ${c}`,
        String(s[c]),
        `${c === 'performance' ? '≥ ' : ''}${TARGETS[c]}`,
        base ?? '—',
        regressed ? 'FAIL' : underTarget ? 'under target' : 'ok',
      );
    }
  }
  for (const [key, label] of [
    ['mainThreadRatio', 'tracker main-thread ratio'],
    ['tbtRatio', 'tracker TBT ratio (info)'],
  ]) {
    const base = baseline?.overhead?.[key];
    const now = overhead[key];
    const limit = typeof base === 'number' ? base * OVERHEAD_GROWTH : Number.NaN;
    const over = Number.isFinite(limit) && Number.isFinite(now) && now > limit;
    gate(
      label,
      fixed(now, 2),
      Number.isFinite(limit) ? `≤ ${fixed(limit, 2)}` : '—',
      typeof base === 'number' ? fixed(base, 2) : '—',
      over ? (GATED_RATIOS.includes(key) ? 'FAIL' : 'over (not gated)') : 'ok',
    );
  }
  if (results.stories) {
    const base = baseline?.stories?.failed;
    const regressed = !results.stories.ok && !(typeof base === 'number' && results.stories.failed <= base);
    gate(
      'stories failing (axe, errors)',
      String(results.stories.failed),
      '0',
      base ?? '—',
      regressed ? 'FAIL' : results.stories.ok ? 'ok' : 'not worse',
    );
  }
  gate(
    'entry points over ceiling',
    String(size.rows.filter((r) => !r.ok).length + (size.rows.length ? 0 : 1)),
    '0',
    '—',
    size.ok ? 'ok' : 'FAIL',
  );
  printTable(
    `Summary (baseline: ${baseline ? `${BASELINE_FILE}, ${baseline.recordedAt}` : 'none — run with --record'})`,
    ['gate', 'now', 'target', 'baseline', 'verdict'],
    gates,
  );
  const failed = gates.filter((g) => g[4] === 'FAIL');

  if (record) {
    const out = {
      $comment:
        'Baseline of `npm run audit` (scripts/audit.mjs --record). The audit fails when a score is under its target and under this figure, or the tracker’s main-thread overhead ratio grows more than 25 % over it (the TBT ratio is printed, not gated).',
      recordedAt: new Date().toISOString(),
      chromium,
      lighthouse: results.lighthouse,
      overhead: {
        runs: overhead.runs,
        mainThreadRatio: Number(overhead.mainThreadRatio.toFixed(3)),
        scriptRatio: Number(overhead.scriptRatio.toFixed(3)),
        tbtRatio: Number.isFinite(overhead.tbtRatio) ? Number(overhead.tbtRatio.toFixed(3)) : null,
        taskMs: { on: Math.round(overhead.taskMs.on), off: Math.round(overhead.taskMs.off) },
        scriptMs: { on: Math.round(overhead.scriptMs.on), off: Math.round(overhead.scriptMs.off) },
        tbtMs: { on: Math.round(overhead.tbtMs.on), off: Math.round(overhead.tbtMs.off) },
      },
      stories: results.stories ? { passed: results.stories.passed, failed: results.stories.failed } : null,
      size: Object.fromEntries(
        size.rows.map((r) => [
          r.name,
          { gzipKB: r.gzipKB, ceilingKB: r.limitKB, suggestedKB: r.suggestedKB },
        ]),
      ),
    };
    writeFileSync(BASELINE_FILE, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nRecorded this run as the baseline in ${BASELINE_FILE}.`);
  }
  if (failed.length) console.log(`\nRegressions: ${failed.map((g) => g[0]).join(', ')}`);
  console.log(`\nThe audit took ${seconds()} s.`);
  console.log(`audit: ${gates.length - failed.length} passed, ${failed.length} failed`);
  return record ? 0 : failed.length ? 1 : 0;
}

try {
  const code = await main();
  await exit(code);
} catch (error) {
  console.error('audit:', error);
  await exit(1);
}
