// Shared plumbing of the page benchmarks (packages/*/bench/*.bench.ts): bundle the code as a shop
// would (esbuild, code splitting), tell the files loaded on every page from the lazy chunks, gzip
// each file once, and serve the files on 127.0.0.1. Figures and pages stay in each benchmark.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Bundles `entryPoints` into `outdir` (ESM, splitting, minified, `source` condition, metafile) and
 * reads every output back gzipped at level 9.
 */
export async function bundleForBench({ entryPoints, outdir, plugins = [] }) {
  const result = await build({
    entryPoints,
    absWorkingDir: ROOT,
    conditions: ['source'],
    format: 'esm',
    bundle: true,
    splitting: true,
    minify: true,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    plugins,
    logLevel: 'warning',
  });
  const { outputs } = result.metafile;
  const outs = Object.keys(outputs).filter((o) => o.endsWith('.js'));
  const urlOf = (out) => '/js/' + relative(outdir, resolve(ROOT, out)).split('\\').join('/');
  const staticClosure = (from) => {
    const seen = new Set();
    const visit = (o) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of outputs[o].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(from);
    return seen;
  };
  const entryOf = (test) => outs.find((o) => test(outputs[o].entryPoint ?? ''));
  const files = new Map();
  const gzipBytes = new Map();
  for (const out of outs) {
    const body = await readFile(resolve(ROOT, out));
    const gzip = gzipSync(body, { level: 9 });
    gzipBytes.set(out, gzip.length);
    files.set(urlOf(out), { type: 'text/javascript', body, gzip });
  }
  const gz = (list) => [...list].reduce((sum, o) => sum + gzipBytes.get(o), 0);
  return { outputs, outs, urlOf, staticClosure, entryOf, files, gz };
}

/**
 * Serves `files` (path → body, type and optional gzip body) on 127.0.0.1 at a free port; `route`
 * may answer a request first (return true when it did). Gzip when the client accepts it.
 */
export async function serveFiles(files, { headers = {}, route } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (route?.(req, res, url)) return;
    const file = files.get(url.pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res
      .writeHead(200, {
        'content-type': file.type,
        'cache-control': 'no-store',
        ...headers,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      })
      .end(gzip ? file.gzip : file.body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
