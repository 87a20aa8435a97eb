import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countReporter } from './scripts/count-reporter.mjs';
import { testCollector } from './scripts/test-collector.mjs';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import { access, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/**
 * Real HTTP failures for data-source tests: `/__test__/status/<key>?code=<code>` answers that status;
 * `/__test__/flaky/<key>` answers 503 on the first request per key and then the JSON body given
 * in `?body=` (URL-encoded), so a retry can be observed; `/__test__/hits/<key>` tells how many
 * requests a key has had. `/__test__/record/<key>` keeps a request's content type and body (answers
 * 201 `{id}`), and `/__test__/recorded/<key>` returns them, so a test can read what a form posted.
 */
const hits = new Map();
const recorded = new Map();
async function testEndpoints(ctx, next) {
  const m = /^\/__test__\/(status|flaky|hits|record|recorded)\/([\w-]+)$/.exec(ctx.path);
  if (!m) return next();
  const [, kind, key] = m;
  if (kind === 'record') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    recorded.set(key, { type: ctx.get('content-type'), body: Buffer.concat(chunks).toString('utf8') });
    ctx.status = 201;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ id: `${key}-1` });
    return undefined;
  }
  if (kind === 'recorded') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(recorded.get(key) ?? null);
    return undefined;
  }
  if (kind === 'hits') {
    ctx.body = JSON.stringify({ hits: hits.get(key) ?? 0 });
    ctx.type = 'application/json';
    return undefined;
  }
  hits.set(key, (hits.get(key) ?? 0) + 1);
  if (kind === 'status') {
    ctx.status = Number(ctx.query.code ?? 500);
    ctx.body = `status ${ctx.status}`;
    return undefined;
  }
  if (hits.get(key) === 1) {
    ctx.status = 503;
    ctx.body = 'try again';
    return undefined;
  }
  ctx.type = 'application/json';
  ctx.body = ctx.query.body ?? '{}';
  return undefined;
}

/**
 * The real demo shop server (examples/shop, its DuckDB in a temporary folder) behind `/shop/…`, so
 * checkout tests place real orders: `/shop/api/orders` is the shop's `/api/orders`. Started on the
 * first request. `/__test__/shop/down` makes the proxy drop every `/shop/api/orders` request (the
 * shop is unreachable) until `/__test__/shop/up`.
 */
let shop = null;
let shopDown = false;
function startDemoShop() {
  shop ??= new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'examples/shop/server/main.ts', '--port', '0'],
      {
        env: { ...process.env, VT_SHOP_DATA: mkdtempSync(join(tmpdir(), 'vt-wtr-shop-')) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    process.once('exit', () => child.kill());
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve(url);
    });
    child.once('exit', (code) =>
      reject(new Error(`the demo shop exited with ${code} before listening: ${out}`)),
    );
  });
  return shop;
}
async function demoShop(ctx, next) {
  if (ctx.path === '/__test__/shop/down' || ctx.path === '/__test__/shop/up') {
    shopDown = ctx.path.endsWith('down');
    ctx.body = 'ok';
    return undefined;
  }
  if (!ctx.path.startsWith('/shop/')) return next();
  if (shopDown && ctx.path.startsWith('/shop/api/orders')) {
    ctx.req.socket.destroy();
    return undefined;
  }
  const base = await startDemoShop();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = { ...ctx.headers };
  delete headers.host;
  delete headers['content-length'];
  const res = await fetch(new URL(ctx.url.slice('/shop/'.length), base), {
    method: ctx.method,
    headers,
    ...(chunks.length && { body: Buffer.concat(chunks) }),
    redirect: 'manual',
  });
  ctx.status = res.status;
  for (const name of ['content-type', 'location', 'date'])
    if (res.headers.get(name)) ctx.set(name, res.headers.get(name));
  ctx.body = Buffer.from(await res.arrayBuffer());
  return undefined;
}

/**
 * A module worker started from TypeScript sources the way bundlers want it,
 * `new Worker(new URL('./search-worker.js', import.meta.url))`, asks for a `.js` file that only
 * exists as `.ts`; esbuild's plugin rewrites such paths in imports but not in URLs. Served the
 * `.ts` (which the plugin then compiles), as the build serves the compiled `.js`.
 */
async function tsWorkerScripts(ctx, next) {
  if (/^\/packages\/[\w-]+\/src\/.+\.js$/.test(ctx.path)) {
    const ts = `${ctx.path.slice(1, -3)}.ts`;
    const exists = (path) =>
      access(path).then(
        () => true,
        () => false,
      );
    if (!(await exists(ctx.path.slice(1))) && (await exists(ts)))
      ctx.url = ctx.url.replace(/\.js(?=\?|$)/, '.ts');
  }
  return next();
}

/**
 * The real search server of @vitrine/search (its engine and `createSearchHandler`) over the
 * shared test catalog `catalog()`, for remote-source tests. Built with esbuild on first request.
 * `/__search__/<key>/search?…` and `/__search__/<key>/search/suggest?…` answer the protocol;
 * `/__search__/<key>/count` tells `{ requests, aborted, queries }` for that key (aborted: the
 * client went away before the answer). Keys starting with `fail` answer 500 with a protocol
 * error body; keys starting with `held` hold every answer until `/__search__/<key>/release`.
 * `/__search__/catalog/<n>.json` serves `syntheticCatalog(n)` (worker tests fetch it).
 */
let searchKit = null;
const searchStats = new Map();
const searchHeld = new Map();
const searchCatalogs = new Map();
function loadSearchKit() {
  searchKit ??= (async () => {
    const out = await build({
      stdin: {
        contents: [
          "export { createSearchIndex } from './packages/search/src/engine/index.ts';",
          "export { createSearchHandler } from './packages/search/src/server/search-handler.ts';",
          "export { catalog, syntheticCatalog } from './packages/search/test/fixtures/catalog.ts';",
        ].join('\n'),
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      conditions: ['source'],
      write: false,
      logLevel: 'silent',
      // Bundled CommonJS code may call require() for Node built-ins.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'vt-wtr-search-')), 'search-kit.mjs');
    await writeFile(file, out.outputFiles[0].text);
    const kit = await import(pathToFileURL(file).href);
    const index = kit.createSearchIndex(kit.catalog());
    await index.ready;
    return { kit, handler: kit.createSearchHandler(index, { path: '/search' }) };
  })();
  searchKit.catch(() => (searchKit = null));
  return searchKit;
}
async function searchApi(ctx, next) {
  const m = /^\/__search__\/([\w-]+)(\/.*)?$/.exec(ctx.path);
  if (!m) return next();
  const [, key, rest = ''] = m;
  const { kit, handler } = await loadSearchKit();
  if (key === 'catalog') {
    const n = Number(/^\/(\d+)\.json$/.exec(rest)?.[1] ?? 0);
    if (!searchCatalogs.has(n)) searchCatalogs.set(n, JSON.stringify(kit.syntheticCatalog(n)));
    ctx.type = 'application/json';
    ctx.body = searchCatalogs.get(n);
    return undefined;
  }
  const stats = searchStats.get(key) ?? { requests: 0, aborted: 0, queries: [] };
  searchStats.set(key, stats);
  if (rest === '/count') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(stats);
    return undefined;
  }
  if (rest === '/release') {
    for (const release of searchHeld.get(key) ?? []) release();
    searchHeld.delete(key);
    ctx.body = 'released';
    return undefined;
  }
  stats.requests++;
  stats.queries.push(`${rest}?${ctx.querystring}`);
  const { res } = ctx;
  let gone = false;
  res.once('close', () => {
    if (res.writableFinished) return;
    gone = true;
    stats.aborted++;
  });
  if (key.startsWith('held'))
    await new Promise((release) => searchHeld.set(key, [...(searchHeld.get(key) ?? []), release]));
  if (gone) {
    // Nobody to answer; a status keeps the runner from listing it as a 404.
    ctx.status = 204;
    ctx.respond = false;
    return undefined;
  }
  if (key.startsWith('fail')) {
    ctx.status = 500;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ v: 1, error: { message: 'the index is being rebuilt' } });
    return undefined;
  }
  ctx.respond = false;
  ctx.req.url = `${rest}${ctx.querystring ? `?${ctx.querystring}` : ''}`;
  await new Promise((done) => {
    res.once('close', done);
    handler(ctx.req, res);
  });
  return undefined;
}

/**
 * Serves CommonJS-only test dependencies (the fake clock of countdown tests) as one ES module each,
 * bundled by esbuild on first request, so tests import them by their package name.
 */
function cjsToEsm(names) {
  const built = new Map();
  return {
    name: 'cjs-to-esm',
    resolveImport({ source }) {
      return names.includes(source) ? `/__cjs__/${source}.js` : undefined;
    },
    async serve(ctx) {
      const name = /^\/__cjs__\/(.+)\.js$/.exec(ctx.path)?.[1];
      if (!name || !names.includes(name)) return undefined;
      if (!built.has(name)) {
        const out = await build({
          stdin: { contents: `import m from '${name}'; export default m;`, resolveDir: process.cwd() },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'silent',
          // Node built-ins it requires only under Node.
          external: ['timers', 'timers/promises', 'perf_hooks', 'util'],
        });
        built.set(name, out.outputFiles[0].text);
      }
      return { body: built.get(name), type: 'js' };
    },
  };
}

/**
 * Node built-ins that a browser bundle only imports on Node (FlexSearch's worker support does
 * `import("worker_threads")` behind a Node check; its package.json maps it to `false` for
 * browsers, which bundlers honour but the dev server does not): served as an empty module.
 */
function nodeOnlyImports(names) {
  return {
    name: 'node-only-imports',
    resolveImport: ({ source }) => (names.includes(source) ? `/__node-only__/${source}.js` : undefined),
    serve: (context) =>
      context.path.startsWith('/__node-only__/') ? { body: 'export default {};', type: 'js' } : undefined,
  };
}

/** Browser tests: every `packages/* /test/**\/*.test.ts` except Node-only `*.node.test.ts`, in Debian's Chromium. */
export default {
  rootDir: '.',
  files: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', '!**/*.node.test.ts'],
  // `source` resolves @vitrine/* to their TypeScript sources (see each package's `exports`).
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  middleware: [testEndpoints, testCollector, demoShop, tsWorkerScripts, searchApi],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    cjsToEsm(['@sinonjs/fake-timers']),
    nodeOnlyImports(['worker_threads']),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
      // Each test file in its own browser context: with two files at once, the second page of a
      // shared context is a background tab that gets no animation frames and plays no media.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
