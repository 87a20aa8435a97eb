// `npm run test:stories` (a step of `npm test`): builds Storybook, then opens every story in
// Chromium in English/light and 简体中文/dark and fails on an uncaught page error, a story that
// renders nothing, or any axe-core WCAG 2.2 A/AA or best-practice violation. Prints
// `stories: N passed, N failed` and, when VT_COUNTS_FILE is set, writes the counts there.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const out = resolve('storybook-static');
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(
    join('node_modules', '.bin', 'storybook'),
    ['build', '-o', out, '--quiet', '--disable-telemetry'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) {
    console.error('stories: storybook build failed');
    process.exit(1);
  }
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.glb': 'model/gltf-binary',
};
const server = createServer((req, res) => {
  const path = normalize(join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!path.startsWith(out + sep) || !existsSync(path) || statSync(path).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const stories = Object.values(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).entries).filter(
  (e) => e.type === 'story' && (!only || e.id.includes(only)),
);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
const modes = [
  { locale: 'en', theme: 'light' },
  { locale: 'zh-CN', theme: 'dark' },
];
let passed = 0;
let failed = 0;
const page = await browser.newPage();
// Error-state stories log on purpose; only uncaught errors fail a story.
page.on('console', () => {});
for (const story of stories) {
  for (const { locale, theme } of modes) {
    const errors = [];
    const onError = (e) => errors.push(String(e));
    page.on('pageerror', onError);
    const url = `${base}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale};theme:${theme}`;
    let problem = '';
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      await page
        .waitForFunction(
          () => {
            const root = document.querySelector('#storybook-root');
            const vt = root && [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('vt-'));
            return vt?.length && vt.every((el) => el.getAttribute('status') !== 'loading');
          },
          // Loading stories hold that state on purpose: after this, they are checked as they are.
          { timeout: 3_000 },
        )
        .catch(() => {});
      // Let play functions and their first renders finish.
      await new Promise((ok) => setTimeout(ok, 150));
      if (!(await page.$eval('#storybook-root', (r) => r.innerHTML.trim().length > 0)))
        problem = 'rendered nothing';
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      // Storybook's a11y addon runs axe on the same page after each render: wait for it.
      const violations = await page.evaluate(async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            const r = await window.axe.run(document.querySelector('#storybook-root'), {
              runOnly: {
                type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
              },
              rules: {
                region: { enabled: false },
                'page-has-heading-one': { enabled: false },
                'landmark-one-main': { enabled: false },
              },
            });
            return r.violations.flatMap((v) =>
              v.nodes.map((n) => `${v.id}: ${v.help} at ${JSON.stringify(n.target)}`),
            );
          } catch (error) {
            if (attempt > 50 || !/already running/.test(String(error))) throw error;
            await new Promise((ok) => setTimeout(ok, 100));
          }
        }
      });
      if (violations.length) problem = `axe: ${violations.join('; ')}`;
    } catch (error) {
      problem = String(error);
    }
    page.off('pageerror', onError);
    if (errors.length) problem = `uncaught: ${errors.join('; ')}`;
    if (problem) {
      failed++;
      console.log(`✘ ${story.title} › ${story.name} [${locale}, ${theme}]: ${problem}`);
    } else passed++;
  }
}
await browser.close();
server.close();
console.log(
  `stories: ${passed} passed, ${failed} failed (${stories.length} stories × ${modes.length} modes)`,
);
if (process.env.VT_COUNTS_FILE) writeFileSync(process.env.VT_COUNTS_FILE, JSON.stringify({ passed, failed }));
process.exit(failed ? 1 : 0);
