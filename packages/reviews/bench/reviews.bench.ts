// Benchmark, not a test: <vt-reviews> with 5,000 reviews in Chromium — first render and twelve
// filter / sort switches — watching the main thread's long tasks (PerformanceObserver
// `longtask`, tasks over 50 ms). Baseline, measured in the same page: rendering all 5,000 reviews
// as plain DOM at once, which is what a list without paging does.
import { createServer } from 'node:http';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';

const bundle = await build({
  entryPoints: ['packages/reviews/src/components/reviews/reviews.ts'],
  bundle: true,
  format: 'esm',
  conditions: ['source'],
  write: false,
  minify: true,
  logLevel: 'silent',
});
const page = `<!doctype html><html lang="en"><body><div id="app" style="inline-size:48rem"></div>
<script>
// tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page one.
window.__name = (f) => f;
</script>
<script type="module">
const tags = ['true to size', 'soft fabric', '面料舒适', 'runs small', 'good value', '尺码标准', 'quality issue', 'fast delivery'];
window.reviews = Array.from({ length: 5000 }, (_, i) => ({
  id: 'r' + i, rating: 1 + (i * 7) % 5, title: 'Review ' + i,
  body: ('Body of review ' + i + ' ').repeat(1 + (i % 12)),
  author: 'Shopper ' + i, date: new Date(Date.UTC(2026, 0, 1) + i * 3600e3).toISOString(),
  verified: i % 3 === 0, helpful: (i * 13) % 97, tags: [tags[i % 8], tags[(i * 3) % 8]],
  variant: { Colour: ['Red', 'Navy', 'Sand'][i % 3] },
  ...(i % 9 === 0 ? { media: [{ type: 'image', url: '/x.svg', alt: 'Photo ' + i }] } : {}),
}));
window.longTasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });
</script>
<script type="module" src="/reviews.js"></script></body></html>`;
const server = createServer((req, res) => {
  if (req.url === '/reviews.js')
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0]!.text);
  else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  else
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
const tab = await browser.newPage();
await tab.goto(url, { waitUntil: 'networkidle0' });

type Win = Window & { reviews: unknown[]; longTasks: [number, number][] };
const result = await tab.evaluate(async () => {
  const w = window as unknown as Win;
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  await customElements.whenDefined('vt-reviews');
  await frame();
  // Long tasks are delivered late: pick them by start time once they are all in.
  const settle = () => new Promise((ok) => setTimeout(ok, 300));
  const inWindow = (from: number, to: number) =>
    w.longTasks.filter(([start]) => start >= from && start < to).map(([, d]) => d);
  const start = performance.now();
  const el = document.createElement('vt-reviews') as HTMLElement & {
    reviews: unknown;
    updateComplete: Promise<unknown>;
  };
  let t0 = performance.now();
  el.reviews = w.reviews;
  document.getElementById('app')!.append(el);
  while (el.getAttribute('status') !== 'ready') await frame();
  await el.updateComplete;
  await frame();
  const first = performance.now() - t0;
  const firstEnd = performance.now();
  const root = el.shadowRoot!;
  const steps: (() => void)[] = [
    () => root.querySelectorAll<HTMLButtonElement>('[part~="bar"]')[4]!.click(),
    () => root.querySelectorAll<HTMLButtonElement>('[part~="bar"]')[0]!.click(),
    () => root.querySelectorAll<HTMLButtonElement>('[part~="tag"]')[1]!.click(),
    () => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click(),
    () => root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!.click(),
    ...(['newest', 'lowest', 'highest', 'media', 'helpful'] as const).map((v) => () => {
      const s = root.querySelector('select')!;
      s.value = v;
      s.dispatchEvent(new Event('change'));
    }),
    () => root.querySelector<HTMLButtonElement>('button.link')?.click(),
    () => root.querySelector<HTMLButtonElement>('[part="more"]')?.click(),
  ];
  const switches: number[] = [];
  for (const step of steps) {
    t0 = performance.now();
    step();
    await el.updateComplete;
    await frame();
    switches.push(performance.now() - t0);
  }
  const end = performance.now();
  // Baseline: every review as DOM at once, no paging (what the element avoids).
  t0 = performance.now();
  const ul = document.createElement('ul');
  for (const r of w.reviews as { title: string; body: string; author: string }[]) {
    const li = document.createElement('li');
    const h = document.createElement('h3');
    h.textContent = r.title;
    const p = document.createElement('p');
    p.textContent = r.body;
    const a = document.createElement('p');
    a.textContent = r.author;
    li.append(h, p, a);
    ul.append(li);
  }
  document.body.append(ul);
  await frame();
  const baseline = performance.now() - t0;
  await settle();
  return {
    first,
    switches,
    baseline,
    during: inWindow(start, end),
    duringFirst: inWindow(start, firstEnd),
    baselineTasks: inWindow(end, performance.now()),
  };
});
await browser.close();
server.close();

const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const sorted = [...result.switches].sort((a, b) => a - b);
console.log(`<vt-reviews>, 5,000 reviews, Chromium headless on this machine`);
console.log(
  `first render ${result.first.toFixed(1)} ms; ${result.switches.length} filter/sort switches: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${max(result.switches).toFixed(1)} ms`,
);
console.log(
  `long tasks (> 50 ms) while rendering and switching: ${result.during.length}` +
    (result.during.length
      ? ` (longest ${max(result.during).toFixed(0)} ms; ${result.duringFirst.length} of them in the first render)`
      : ''),
);
const { baselineTasks } = result;
console.log(
  `baseline (all 5,000 as plain DOM at once) ${result.baseline.toFixed(1)} ms, longest task ${max(baselineTasks).toFixed(0)} ms: ` +
    `a switch is ${(result.baseline / max(result.switches)).toFixed(0)}x faster than the baseline`,
);
if (result.during.length) process.exitCode = 1;
