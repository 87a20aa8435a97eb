import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Nothing from other origins; product pictures are data: URLs. Vitrine needs no 'unsafe-eval'.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

export interface ExampleServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  close(): Promise<void>;
}

export interface ExampleOptions {
  /** 0 picks a free port. */
  port?: number;
  /**
   * Bundle `@vitrine/*` from their TypeScript sources (the `source` export condition, the
   * default here: no build step needed in this repository) or, when false, from the built
   * `dist/` files an application gets from npm (run `npm run build` first).
   */
  source?: boolean;
}

/** Bundles `src/main.tsx` with esbuild, in memory, the way an application's bundler would. */
async function bundle(source: boolean): Promise<Map<string, Uint8Array>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/main.tsx'],
    outdir: 'build',
    bundle: true,
    // Vitrine loads optional weight (the cart store, the search engine) with import(): keep it
    // in separate chunks, fetched on first use.
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    conditions: source ? ['source'] : [],
    define: { 'process.env.NODE_ENV': '"development"' },
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  return new Map(
    result.outputFiles.map((f) => [`/build/${f.path.slice(join(ROOT, 'build').length + 1)}`, f.contents]),
  );
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-cache',
    'content-security-policy': CSP,
  });
  res.end(body);
}

/** Serves the React example: `public/` and the bundle under `/build/`. */
export async function startReactExample(options: ExampleOptions = {}): Promise<ExampleServer> {
  const files = await bundle(options.source ?? true);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const built = files.get(path);
    if (built) return send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', built);
    const file = path === '/' ? 'index.html' : path.slice(1);
    const type = TYPES[extname(file)];
    if (!type || file.includes('..')) return send(res, 404, 'text/plain', 'not found');
    readFile(join(ROOT, 'public', file)).then(
      (body) => send(res, 200, type, body),
      () => send(res, 404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
