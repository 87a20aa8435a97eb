import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

// The demo shop loads nothing from other origins: scripts, styles and images are all local.
export const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Content types of the files and answers the shop serves, by extension. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
};

/** Answers with the shop's CSP and no caching. */
export function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const zip = compressible(res.req, type) && Buffer.byteLength(body) > 1024;
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-cache',
    'content-security-policy': CSP,
    vary: 'accept-encoding',
    ...(zip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(zip ? gzipSync(body) : body);
}

/** Whether to gzip an answer of `type` to `req`: text the client accepts gzipped. */
export function compressible(req: IncomingMessage | undefined, type: string): boolean {
  return (
    /\bgzip\b/.test(String(req?.headers['accept-encoding'] ?? '')) &&
    /^(text\/|application\/json|image\/svg\+xml|model\/gltf\+json)/.test(type)
  );
}

/** Answers `value` as JSON (see {@link send}). */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, TYPES['.json']!, JSON.stringify(value));
}
