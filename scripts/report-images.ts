// Makes the report images in docs/images/ from the demo shop: starts the shop (needs `npm run
// build`), lets a few scripted shoppers allow analytics and browse in Chromium (home → product →
// add to cart → cart → checkout, some leaving earlier), then writes the collector's heatmap,
// funnel and paths reports and screenshots of /insights (vitals, the demo's home-page experiment
// with add_to_cart as its conversion, and a recorded session in the replay player).
//
//   node --conditions=source --import tsx scripts/report-images.ts
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { funnelReport, funnelSvg, heatmapReport, pathsReport, pathsSvg } from '@vitrine/collector';
import { startShop } from '../examples/shop/server/shop-server.js';
import { generateCatalog } from '../examples/shop/src/catalog.js';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const OUT = 'docs/images';
const SHOPPERS = 12;

const dataDir = await mkdtemp(join(tmpdir(), 'vt-report-images-'));
const shop = await startShop({ port: 0, dataDir });
let browser: Browser | undefined;
try {
  mkdirSync(OUT, { recursive: true });
  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  const simple = generateCatalog('en').products.filter(
    (p) => p.options.length === 0 && p.availability === 'in_stock',
  );
  for (let i = 0; i < SHOPPERS; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const go = (path: string) => page.goto(new URL(path, shop.url).href, { waitUntil: 'networkidle0' });
    await go('/');
    await page.click('.consent button.primary');
    await go(i % 3 === 0 ? '/search.html' : '/');
    if (i % 3 === 0) await go('/');
    // Each shopper clicks a card near the top (most often the first ones), then maybe buys.
    const cards = await page.$$('.card a');
    const card = cards[i % 4 === 3 ? 5 : i % 3]!;
    await card.click();
    await page.waitForNavigation({ waitUntil: 'networkidle0' }).catch(() => undefined);
    if (i % 4 !== 1) {
      const product = simple[i % simple.length]!;
      await go(`/product.html?id=${product.id}`);
      const button = await page.waitForSelector('vt-add-to-cart >>> button[aria-disabled="false"]');
      await button!.click();
      await new Promise((ok) => setTimeout(ok, 300));
      await go('/cart.html');
      if (i % 2 === 0) await go('/checkout.html');
    }
    // Leaving sends what is queued; the next shopper's pages wait for nothing of it.
    await go('/search.html');
    await new Promise((ok) => setTimeout(ok, 600));
    await context.close();
  }
  // Let the last page-hide sends arrive.
  await new Promise((ok) => setTimeout(ok, 1500));
  const range = { site: 'demo-shop' };
  const funnel = await funnelReport(shop.events, {
    steps: ['view_item', 'add_to_cart', 'begin_checkout'],
    range,
  });
  await writeFile(join(OUT, 'report-funnel.svg'), funnelSvg(funnel));
  const paths = await pathsReport(shop.events, { depth: 4, range });
  await writeFile(join(OUT, 'report-paths.svg'), pathsSvg(paths));
  const heat = await heatmapReport(shop.events, {
    page: shop.url,
    path: '/',
    kind: 'click',
    device: 'desktop',
    out: join(OUT, 'report-heatmap.png'),
    range,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(new URL('/insights', shop.url).href, { waitUntil: 'networkidle0' });
  const shoot = async (heading: string, file: string) => {
    const h = await page.$(heading);
    const section = await h!.evaluateHandle((el) => el.parentElement!);
    await section.asElement()!.screenshot({ path: join(OUT, file) });
  };
  await shoot('#h-vitals', 'report-vitals.png');
  await page.goto(new URL('/insights?conversion=add_to_cart', shop.url).href, { waitUntil: 'networkidle0' });
  await shoot('#h-experiments', 'report-experiments.png');
  // The first recorded session in rrweb's player, a second into the replay.
  const link = await page.$eval(
    '#h-replays ~ table a, #h-replays + * a',
    (a) => (a as HTMLAnchorElement).href,
  );
  await page.goto(link, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => !!document.querySelector('#player iframe'), { timeout: 20_000 });
  await new Promise((ok) => setTimeout(ok, 1500));
  await page.evaluate(() =>
    (window as unknown as { vtReplayer?: { pause(t?: number): void } }).vtReplayer?.pause(1500),
  );
  await page.screenshot({ path: join(OUT, 'report-replay.png') });
  console.log(
    `wrote ${OUT}/report-funnel.svg, report-paths.svg, report-heatmap.png (${heat.placed} clicks placed), report-vitals.png, report-experiments.png, report-replay.png`,
  );
} finally {
  await browser?.close();
  await shop.close();
  await rm(dataDir, { recursive: true, force: true });
}
