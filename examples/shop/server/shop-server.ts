import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createCollector, heatmapReport, openDuckDBStore, type EventStore } from '@vitrine/collector';
import { createSearchIndex } from '@vitrine/search/engine';
import { createSearchHandler } from '@vitrine/search/server';
import { generateCatalog } from '../src/catalog.js';
import type { Catalog, ShopLocale } from '../src/catalog-types.js';
import { placeholderSvg } from '../src/placeholder-svg.js';
import { shopPromotions } from '../src/promotions.js';
import { openOrderStore } from './order-store.js';
import { orderRoutes } from './orders.js';
import { compressible, CSP, send, sendJson, TYPES } from './respond.js';

const here = dirname(fileURLToPath(import.meta.url));
const shopRoot = resolve(here, '..');
const repoRoot = resolve(shopRoot, '..', '..');

/** Folders served as static files, by URL prefix. */
const STATIC: Record<string, string> = {
  '/vitrine/tracker/': join(repoRoot, 'packages', 'tracker', 'dist'),
  '/vitrine/': join(repoRoot, 'packages', 'all', 'dist'),
  '/': join(shopRoot, 'public'),
};

export interface ShopServerOptions {
  port?: number;
  host?: string;
  /**
   * Folder of the order database (`shop.duckdb`), created when missing. Default: `$VT_SHOP_DATA`,
   * else `examples/shop/.data`.
   */
  dataDir?: string;
}

export interface ShopServer {
  server: Server;
  url: string;
  /** The embedded collector's store: what the tracker sent from the shop's pages. */
  events: EventStore;
  close(): Promise<void>;
}

function toLocale(value: string | null): ShopLocale {
  return value?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Reviews posted by `<vt-review-form>` since the server started (a real shop would moderate them). */
export const receivedReviews: { at: string; bytes: number; type: string }[] = [];

/** Accepts a posted review (multipart, at most 30 MB) with 201 and an id; kept in memory only. */
function receiveReview(req: IncomingMessage, res: ServerResponse): void {
  let bytes = 0;
  let tooBig = false;
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > 30 * 1024 * 1024 && !tooBig) {
      tooBig = true;
      sendJson(res, 413, { error: 'the review is larger than 30 MB' });
      req.destroy();
    }
  });
  req.on('end', () => {
    if (tooBig) return;
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) {
      sendJson(res, 415, { error: 'post the review as multipart/form-data' });
      return;
    }
    receivedReviews.push({ at: new Date().toISOString(), bytes, type });
    sendJson(res, 201, { id: `review-${receivedReviews.length}` });
  });
}

/** Bundles the shop's page glue (examples/shop/src/client) into one module, in memory. */
async function buildClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(shopRoot, 'src', 'client', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    // The page loads the built all-in-one bundle itself; the glue imports it by URL.
    external: ['/vitrine/*'],
  });
  return result.outputFiles[0]!.text;
}

/**
 * The demo shop: static pages from `examples/shop/public`, the all-in-one Vitrine bundle from
 * `packages/all/dist` (run `npm run build` first), a generated catalog as JSON, SVG placeholder
 * images and the checkout endpoints (see `orderRoutes`), whose orders are kept in DuckDB under
 * `dataDir`. Listens on 127.0.0.1 only.
 */
export async function startShop(options: ShopServerOptions = {}): Promise<ShopServer> {
  const host = options.host ?? '127.0.0.1';
  const catalogs: Record<ShopLocale, Catalog> = {
    en: generateCatalog('en'),
    'zh-CN': generateCatalog('zh-CN'),
  };
  const byId = new Map(catalogs.en.products.map((p, i) => [p.id, i]));
  // Search: each catalog indexed once at start. The pages load the prebuilt index (pinyin
  // included, so no browser ever fetches the pinyin dictionary); /api/search answers the same
  // engine over the remote protocol, for shops that search server-side.
  const searchIndexes = Object.fromEntries(
    await Promise.all(
      (['en', 'zh-CN'] as const).map(async (lang) => {
        const index = createSearchIndex(catalogs[lang].products, {
          popularity: Object.fromEntries(catalogs[lang].products.map((p) => [p.id, p.rating?.count ?? 0])),
        });
        await index.ready;
        const json = Buffer.from(JSON.stringify(index.toJSON()));
        return [
          lang,
          {
            json,
            gzip: gzipSync(json),
            remote: createSearchHandler(index, { path: `/api/search/${lang}` }),
          },
        ] as const;
      }),
    ),
  ) as Record<
    ShopLocale,
    { json: Buffer; gzip: Buffer; remote: (req: IncomingMessage, res: ServerResponse) => void }
  >;
  const client = await buildClient();
  const dataDir = options.dataDir ?? process.env['VT_SHOP_DATA'] ?? join(shopRoot, '.data');
  const store = await openOrderStore(dataDir);
  const checkout = orderRoutes({ catalogs, store });
  // The reference collector, embedded: the tracker on every page posts to /collect, and
  // /insights shows the reports (a demo on 127.0.0.1; a real shop puts them behind a login).
  const events = await openDuckDBStore(join(dataDir, 'events.duckdb'));
  let shopUrl = '';
  const collector = createCollector({
    store: events,
    insights: {
      site: 'demo-shop',
      // A heatmap is drawn over the shop's own page, opened in headless Chromium at the device width.
      heatmap: async ({ path, device, range }) => {
        const out = join(dataDir, `heatmap-${device}-${Date.now()}.html`);
        try {
          await heatmapReport(events, {
            page: new URL(path, shopUrl).href,
            path,
            kind: 'click',
            device,
            out,
            range,
          });
          return readFileSync(out, 'utf8');
        } finally {
          rmSync(out, { force: true });
        }
      },
    },
  });

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://shop.local');
    const path = decodeURIComponent(url.pathname);
    if (collector.handle(req, res)) return;
    if (req.method === 'POST' && path === '/api/reviews') {
      receiveReview(req, res);
      return;
    }
    if (checkout(req, res, url, path)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (path === '/build/shop.js') {
      send(res, 200, TYPES['.js']!, client);
      return;
    }
    if (path === '/api/search-index') {
      const index = searchIndexes[toLocale(url.searchParams.get('lang'))];
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'public, max-age=300',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(gzip ? index.gzip : index.json);
      return;
    }
    const searchApi = /^\/api\/search\/(en|zh-CN)(?:\/suggest)?$/.exec(path);
    if (searchApi) {
      searchIndexes[searchApi[1] as ShopLocale].remote(req, res);
      return;
    }
    if (path === '/api/catalog') {
      const { reviews: _reviews, ...rest } = catalogs[toLocale(url.searchParams.get('lang'))];
      sendJson(res, 200, rest);
      return;
    }
    if (path === '/api/promotions') {
      // Flash sales are timed around the server's clock; the `Date` header lets the page sync to it.
      sendJson(res, 200, shopPromotions(catalogs[toLocale(url.searchParams.get('lang'))], Date.now()));
      return;
    }
    const productMatch = /^\/api\/products\/([\w-]+)$/.exec(path);
    if (productMatch) {
      const catalog = catalogs[toLocale(url.searchParams.get('lang'))];
      const index = byId.get(productMatch[1]!);
      if (index === undefined) {
        sendJson(res, 404, { error: `no product with id "${productMatch[1]}"` });
        return;
      }
      const product = catalog.products[index]!;
      sendJson(res, 200, { product, reviews: catalog.reviews.filter((r) => r.productId === product.id) });
      return;
    }
    const imageMatch = /^\/img\/([\w]+)-(\d+)\.svg$/.exec(path);
    if (imageMatch) {
      const index = byId.get(imageMatch[1]!);
      if (index === undefined) {
        send(res, 404, 'text/plain; charset=utf-8', 'No such image');
        return;
      }
      const product = catalogs.en.products[index]!;
      const svg = placeholderSvg({ id: product.id, label: product.brand, index: Number(imageMatch[2]) });
      res.writeHead(200, { 'content-type': TYPES['.svg']!, 'cache-control': 'public, max-age=3600' });
      res.end(svg);
      return;
    }
    if (path === '/product.html') {
      // The first picture is the page's largest paint: start fetching it with the HTML, before
      // any script runs (the gallery then renders the same URL from the cache).
      const index = byId.get(url.searchParams.get('id') ?? '');
      const first = index === undefined ? undefined : catalogs.en.products[index]!.media[0];
      const page = readFileSync(join(shopRoot, 'public', 'product.html'), 'utf8');
      const preload = first
        ? `<head>\n    <link rel="preload" as="image" href="${encodeURI(first.url)}" fetchpriority="high" />`
        : '<head>';
      send(res, 200, TYPES['.html']!, page.replace('<head>', preload));
      return;
    }
    serveStatic(path, req, res);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      console.error(`shop: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4173, host, () => ok());
  }).catch(async (error: unknown) => {
    await store.close();
    await events.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  shopUrl = `http://${host}:${port}/`;
  return {
    server,
    url: `http://${host}:${port}/`,
    events,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
      await collector.close();
    },
  };
}

/** The byte range asked for by a `Range: bytes=a-b` header (videos seek with it), if valid. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!m || (!m[1] && !m[2])) return null;
  const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
  const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  return start <= end && start < size ? { start, end } : null;
}

function serveStatic(path: string, req: IncomingMessage, res: ServerResponse): void {
  for (const [prefix, dir] of Object.entries(STATIC)) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, path.slice(prefix.length)));
    // Never serve outside the folder (`/..%2f..` and friends).
    if (file !== dir && !file.startsWith(dir + sep)) break;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      if (prefix === '/vitrine/') {
        send(
          res,
          404,
          'text/plain; charset=utf-8',
          'Vitrine is not built: run "npm run build" (npm start does).',
        );
        return;
      }
      continue;
    }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
      'accept-ranges': 'bytes',
    };
    const size = statSync(file).size;
    const range = req.headers.range === undefined ? null : byteRange(req.headers.range, size);
    if (req.headers.range !== undefined && !range) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
      res.end();
      return;
    }
    if (range) {
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${size}`,
        'content-length': range.end - range.start + 1,
      });
      createReadStream(file, range).pipe(res);
      return;
    }
    // Text goes gzipped to clients that accept it (the bundles and catalog shrink about 4×).
    if (compressible(req, headers['content-type'])) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': size });
    createReadStream(file).pipe(res);
    return;
  }
  send(
    res,
    404,
    'text/html; charset=utf-8',
    '<!doctype html><title>Not found</title><p>Not found. <a href="/">Home</a>',
  );
}
