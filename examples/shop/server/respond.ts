import type { ServerResponse } from 'node:http';

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
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-cache',
    'content-security-policy': CSP,
  });
  res.end(body);
}

/** Answers `value` as JSON (see {@link send}). */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, TYPES['.json']!, JSON.stringify(value));
}
