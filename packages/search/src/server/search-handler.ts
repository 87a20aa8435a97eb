import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalSource } from '../source/local-source.js';
import { PROTOCOL_VERSION, SUGGEST_PATH, type WireError } from '../source/protocol.js';
import type { SearchIndex, SourceHit } from '../types.js';
import { parseSearchRequest, parseSuggestRequest, type ParsedRequest } from './parse-request.js';
import { trimProduct } from './trim-product.js';

export interface SearchHandlerOptions {
  /** Path of the search endpoint; suggestions answer at `<path>/suggest`. Default `/search`. */
  path?: string;
  /** Seconds browsers and CDNs may reuse an answer (`Cache-Control: public, max-age`). Default 60. */
  maxAge?: number;
  /**
   * Origins whose pages may read answers (CORS): `'*'` (default: the catalog is public) or a
   * list, in which case the request's origin is echoed when listed.
   */
  allowOrigin?: '*' | readonly string[];
  /** Where failures of the engine are logged. Default `console`. */
  log?: Pick<Console, 'error'>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = 'application/json; charset=utf-8';

function trimHits(hits: SourceHit[]): SourceHit[] {
  return hits.map((hit) => ({ ...hit, product: trimProduct(hit.product) }));
}

/**
 * A `node:http` request handler answering the remote search protocol (PROTOCOL.md) from `index`:
 * `GET <path>?q=…` and `GET <path>/suggest?q=…`. Answers are JSON with CORS and cache headers and
 * a weak ETag (304 on `If-None-Match`); bad parameters get 400 with the reason, other paths 404,
 * other methods 405, and a failing engine 500 (logged). It never throws.
 */
export function createSearchHandler(index: SearchIndex, options: SearchHandlerOptions = {}): Handler {
  const { path = '/search', maxAge = 60, allowOrigin = '*', log = console } = options;
  const base = path.replace(/\/$/, '') || '/';
  const suggestPath = `${base === '/' ? '' : base}${SUGGEST_PATH}`;
  const source = createLocalSource(index);

  const send = (req: IncomingMessage, res: ServerResponse, status: number, payload: object): void => {
    const body = JSON.stringify({ v: PROTOCOL_VERSION, ...payload });
    const ok = status === 200;
    const etag = ok ? `W/"${createHash('sha1').update(body).digest('base64url')}"` : undefined;
    res.setHeader('content-type', JSON_TYPE);
    res.setHeader('x-content-type-options', 'nosniff');
    // Refusals are cheap to recompute and a fixed server must not keep serving them.
    res.setHeader('cache-control', ok ? `public, max-age=${maxAge}` : 'no-store');
    if (etag) {
      res.setHeader('etag', etag);
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304).end();
        return;
      }
    }
    res.writeHead(status, { 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    param?: string,
  ) => {
    const error: WireError['error'] = param === undefined ? { message } : { message, param };
    send(req, res, status, { error });
  };
  const refused = <T>(
    parsed: ParsedRequest<T>,
    req: IncomingMessage,
    res: ServerResponse,
  ): parsed is Extract<ParsedRequest<T>, { ok: false }> => {
    if (parsed.ok) return false;
    refuse(req, res, 400, parsed.message, parsed.param);
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (allowOrigin === '*') res.setHeader('access-control-allow-origin', '*');
    else {
      res.setHeader('vary', 'origin');
      if (origin && allowOrigin.includes(origin)) res.setHeader('access-control-allow-origin', origin);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '86400',
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD, OPTIONS');
      refuse(req, res, 405, `${String(req.method).slice(0, 20)} is not allowed; use GET`);
      return;
    }
    let url: URL;
    try {
      // Prefixed, not resolved: a path like `//host/x` must stay a path.
      url = new URL(`http://localhost${(req.url ?? '/').startsWith('/') ? req.url : `/${req.url}`}`);
    } catch {
      refuse(req, res, 400, 'the request URL is malformed');
      return;
    }
    const pathname = url.pathname.replace(/\/$/, '') || '/';
    if (pathname === base) {
      const parsed = parseSearchRequest(url.searchParams);
      if (refused(parsed, req, res)) return;
      const { query, options: searchOptions } = parsed.value;
      const response = await source.search(query, searchOptions);
      send(req, res, 200, { ...response, hits: trimHits(response.hits) });
      return;
    }
    if (pathname === suggestPath) {
      const parsed = parseSuggestRequest(url.searchParams);
      if (refused(parsed, req, res)) return;
      const response = await source.suggest(parsed.value.query, { limit: parsed.value.limit });
      send(req, res, 200, { ...response, hits: trimHits(response.hits) });
      return;
    }
    refuse(req, res, 404, `nothing here; search at ${base} and ${suggestPath}`);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('@vitrine/search server: the search failed', error);
      if (res.headersSent) res.destroy();
      else refuse(req, res, 500, 'the search failed on the server');
    });
  };
}
