import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject, type Insertion } from './inject.js';

const here = dirname(fileURLToPath(import.meta.url));
const exampleRoot = resolve(here, '..');
const repoRoot = resolve(exampleRoot, '..', '..');

/** The npm package whose page we enhance; installed, never copied into the repository. */
export const TEMPLATE_PACKAGE = 'startbootstrap-shop-item';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface TemplateInfo {
  name: string;
  version: string;
  license: string;
  /** Folder of the built page (`dist/`) in node_modules. */
  dist: string;
}

/** Finds the installed template through Node's resolution, as any dependency would be found. */
export function findTemplate(): TemplateInfo {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve(`${TEMPLATE_PACKAGE}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name: string; version: string; license: string };
  return { name: pkg.name, version: pkg.version, license: pkg.license, dist: join(dirname(pkgFile), 'dist') };
}

export interface DropinServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface DropinServer {
  server: Server;
  /** `http://127.0.0.1:<port>/`: the enhanced page; add `?plain=1` for the template as published. */
  url: string;
  template: TemplateInfo;
  /** What was added to the page, in order. */
  insertions: Insertion[];
  close(): Promise<void>;
}

/** Bundles the adapter (and the JSON it imports) into one small module, in memory. */
async function buildAdapter(): Promise<string> {
  const result = await build({
    entryPoints: [join(exampleRoot, 'src', 'adapter.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(body);
}

/** The file `path` names under `dir`, or `null` when it is missing or outside `dir` (`/..%2f`). */
function fileUnder(dir: string, path: string): string | null {
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves the Start Bootstrap "Shop Item" page from node_modules with the Vitrine tags and script
 * added (read and transformed once, at start, kept in memory), the page as published at
 * `?plain=1`, the template's own css/js/assets, the all-in-one bundle from `packages/all/dist`
 * (run `npm run build` first) and the adapter. Listens on 127.0.0.1 only.
 */
export async function startDropin(options: DropinServerOptions = {}): Promise<DropinServer> {
  const host = options.host ?? '127.0.0.1';
  const template = findTemplate();
  const plain = readFileSync(join(template.dist, 'index.html'), 'utf8');
  const enhanced = inject(plain);
  const adapter = await buildAdapter();
  const bundleDir = join(repoRoot, 'packages', 'all', 'dist');
  const folders: [prefix: string, dir: string][] = [
    ['/vitrine/', bundleDir],
    ['/dropin/media/', join(exampleRoot, 'media')],
    ['/', template.dist],
  ];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://dropin.local');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (path === '/' || path === '/index.html') {
      send(res, 200, TYPES['.html']!, url.searchParams.has('plain') ? plain : enhanced.html);
      return;
    }
    if (path === '/dropin/adapter.js') {
      send(res, 200, TYPES['.js']!, adapter);
      return;
    }
    for (const [prefix, dir] of folders) {
      if (!path.startsWith(prefix)) continue;
      const file = fileUnder(dir, path.slice(prefix.length));
      if (file) {
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        return;
      }
      if (prefix === '/vitrine/' && !existsSync(bundleDir)) {
        send(res, 404, 'text/plain; charset=utf-8', 'Vitrine is not built: run "npm run build" first.');
        return;
      }
      break;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${host}:${port}/`,
    template,
    insertions: enhanced.insertions,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Browsers keep connections open; a test or Ctrl+C should not wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
