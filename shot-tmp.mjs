import puppeteer from 'puppeteer-core';
const base = 'http://127.0.0.1:4199';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.setViewport({ width: 1200, height: 1800 });
const logs = [];
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
for (const [name, url] of [['p1', '/product.html?id=p0001'], ['p4', '/product.html?id=p0004'], ['p5zh', '/product.html?id=p0005&lang=zh-CN']]) {
  await page.goto(base + url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 800));
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
// add bundle to cart on p5 (zh)
const added = await page.evaluate(async () => {
  const b = document.querySelector('vt-bundle');
  if (!b) return 'no bundle';
  b.shadowRoot.querySelector('[part="add"]').click();
  await new Promise((r) => setTimeout(r, 800));
  return b.shadowRoot.querySelector('[part="message"]').textContent;
});
console.log('bundle add:', added);
await page.goto(base + '/cart.html?lang=zh-CN', { waitUntil: 'networkidle0' });
await new Promise((r) => setTimeout(r, 800));
await page.screenshot({ path: '/tmp/shots/cart.png', fullPage: true });
const offersText = await page.evaluate(() => document.querySelector('vt-offers')?.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 600));
console.log('offers:', offersText);
console.log(logs.join('\n'));
await browser.close();
