import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DEFAULT_LIMITS, parseBatch, type IngestLimits, type Refusal } from './ingest.js';
import { insightsRoutes, type InsightsOptions } from './insights.js';
import type { EventStore } from './store.js';

/** Settings of {@link createCollector}. */
export interface CollectorOptions {
  store: EventStore;
  /**
   * Origins whose pages may send (`https://shop.example`), or `'*'` for any. Default: any. A
   * request with an `Origin` header outside the list is refused with 403.
   */
  allowOrigins?: readonly string[] | '*';
  /** Site keys accepted (`x-vitrine-site` header or `?site=`); default any well-formed key. */
  sites?: readonly string[];
  /** Per client (by connection address, never stored): a burst and a sustained rate. */
  rateLimit?: { burst: number; perSecond: number };
  limits?: Partial<IngestLimits>;
  /**
   * A header a trusted proxy in front of the collector sets to the client's country (ISO 3166-1
   * alpha-2, e.g. `cf-ipcountry`); stored as the events' `country`. Off by default.
   */
  countryHeader?: string;
  /**
   * Serve the analyst's pages too (`/insights`, replay player, `/replays/<id>/events`; see
   * `insightsRoutes`). Off by default: they show what shoppers did, so put them behind your own
   * access control when the collector is reachable from outside.
   */
  insights?: Omit<InsightsOptions, 'store'>;
  /** Where problems are logged. Default `console`. */
  log?: Pick<Console, 'warn' | 'error'>;
  /** The clock, for tests. */
  now?: () => number;
}

/** A running collector's request handler, with the node server when it listens. */
export interface Collector {
  /** Handles `POST /collect`, `OPTIONS /collect`, `GET /replays/<session>` and `GET /health`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Listens on `host` (default 127.0.0.1) and `port` (0: any free one); resolves with the URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
  readonly server: Server | null;
}

/** Site when the request names none. */
export const DEFAULT_SITE = 'default';
const SITE = /^[A-Za-z0-9_.:-]{1,64}$/;
const SESSION = /^[A-Za-z0-9_.:-]{1,64}$/;
const DEFAULT_RATE = { burst: 120, perSecond: 40 };

/** Token buckets per client address, refilled continuously; idle buckets are forgotten. */
function rateLimiter({ burst, perSecond }: { burst: number; perSecond: number }, now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();
  return (client: string): number => {
    const t = now();
    if (t - sweptAt > 60_000) {
      for (const [key, bucket] of buckets) if (t - bucket.at > 60_000) buckets.delete(key);
      sweptAt = t;
    }
    const bucket = buckets.get(client) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    // Seconds until one token is back.
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  };
}

/** Reads the body up to `limit` bytes; null when it is larger (the rest is drained, unread). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      ok(null);
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      bytes += chunk.length;
      if (bytes > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => ok(over ? null : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/**
 * The Vitrine collector's HTTP side. `POST /collect` takes a `vitrine.event/1` batch (JSON or
 * gzip JSON; `text/plain` too, as the tracker's page-hide send is a CORS "simple" request) and
 * answers:
 *
 * - **200** `{accepted, duplicates}` once the new events are durably stored (never before);
 *   events already stored (same id) count as duplicates and are not stored again.
 * - **400 / 413 / 415 / 422** `{error, problems?}`: malformed, too large, not accepted, or breaking
 *   the schema (with JSON pointers), or dated in the future — see `parseBatch`. Nothing of the
 *   batch is stored; the tracker isolates and drops the events at fault.
 * - **403** an origin outside `allowOrigins`, or a site outside `sites`.
 * - **429** over the client's rate, with `retry-after`.
 * - **503** the store failed: nothing was acknowledged, the tracker retries.
 *
 * `GET /replays/<sessionId>?site=…` answers the session's replay chunks in order, for playback.
 * Client addresses are used for rate limiting in memory only and never stored.
 */
export function createCollector(options: CollectorOptions): Collector {
  const { store } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const limited = rateLimiter(options.rateLimit ?? DEFAULT_RATE, now);
  const allow = options.allowOrigins ?? '*';
  const warned = new Set<string>();
  let server: Server | null = null;

  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log.warn(`vitrine collector: ${message}`);
  };

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (res.headersSent) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(text);
  }

  /** CORS headers for `origin`, or null when it may not send. */
  function cors(req: IncomingMessage): Record<string, string> | null {
    const origin = req.headers.origin;
    if (!origin) return {};
    if (allow !== '*' && !allow.includes(origin)) return null;
    return { 'access-control-allow-origin': allow === '*' ? '*' : origin, vary: 'origin' };
  }

  async function collect(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    headers: Record<string, string>,
  ) {
    const wait = limited(req.socket.remoteAddress ?? '?');
    if (wait) {
      req.resume();
      send(
        res,
        429,
        { error: `too many requests; retry in ${wait} s` },
        { ...headers, 'retry-after': String(wait) },
      );
      return;
    }
    const site = String(req.headers['x-vitrine-site'] ?? url.searchParams.get('site') ?? DEFAULT_SITE);
    if (!SITE.test(site)) {
      req.resume();
      send(res, 400, { error: 'the site key must be 1-64 characters of A-Z a-z 0-9 _ - . :' }, headers);
      return;
    }
    if (options.sites && !options.sites.includes(site)) {
      req.resume();
      send(res, 403, { error: `unknown site ${site}` }, headers);
      return;
    }
    const body = await readBody(req, limits.maxBodyBytes);
    const refusal = (r: Refusal) =>
      send(res, r.status, { error: r.error, ...(r.problems ? { problems: r.problems } : {}) }, headers);
    if (!body) {
      refusal({ status: 413, error: `the body is larger than ${limits.maxBodyBytes} bytes` });
      return;
    }
    const receivedAt = now();
    const parsed = parseBatch(
      body,
      {
        contentType: req.headers['content-type'],
        contentEncoding: req.headers['content-encoding'],
      },
      limits,
      receivedAt,
    );
    if (!parsed.ok) {
      refusal(parsed);
      return;
    }
    const header = options.countryHeader ? req.headers[options.countryHeader.toLowerCase()] : undefined;
    const country = typeof header === 'string' && /^[A-Za-z]{2}$/.test(header) ? header.toUpperCase() : null;
    try {
      const result = await store.insert(parsed.batch.events, { site, country, receivedAt });
      send(res, 200, { accepted: result.inserted, duplicates: result.duplicates }, headers);
    } catch (error) {
      warnOnce(`store ${(error as Error).name}`, `storing events failed: ${(error as Error).message}`);
      send(
        res,
        503,
        { error: 'the events could not be stored; retry later' },
        { ...headers, 'retry-after': '5' },
      );
    }
  }

  async function replays(res: ServerResponse, url: URL, sessionId: string, headers: Record<string, string>) {
    const site = url.searchParams.get('site') ?? DEFAULT_SITE;
    if (!SESSION.test(sessionId) || !SITE.test(site)) {
      send(res, 400, { error: 'bad session or site' }, headers);
      return;
    }
    const chunks = await store.replay(site, sessionId);
    send(res, chunks.length ? 200 : 404, { site, sessionId, chunks }, headers);
  }

  const insights = options.insights ? insightsRoutes({ ...options.insights, store }) : null;

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://collector');
    if (
      insights &&
      (url.pathname.startsWith('/insights') || /^\/replays\/[^/]+\/events$/.test(url.pathname))
    ) {
      insights(req, res).then(
        (answered) => {
          if (!answered) send(res, 404, { error: 'not found' });
        },
        (error: unknown) => {
          warnOnce(`insights ${(error as Error).name}`, `an insights page failed: ${String(error)}`);
          send(res, 500, { error: 'internal error' });
        },
      );
      return true;
    }
    const replay = /^\/replays\/([^/]+)$/.exec(url.pathname);
    if (url.pathname !== '/collect' && url.pathname !== '/health' && !replay) return false;
    const headers = cors(req);
    const run = async () => {
      if (!headers) {
        req.resume();
        send(res, 403, { error: `origin ${req.headers.origin} may not send here` });
      } else if (url.pathname === '/health') {
        send(res, 200, { ok: true, store: store.kind }, headers);
      } else if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...headers,
          'access-control-allow-methods': 'POST, GET',
          'access-control-allow-headers': 'content-type, content-encoding, x-vitrine-site',
          'access-control-max-age': '86400',
        });
        res.end();
      } else if (replay && req.method === 'GET') {
        await replays(res, url, decodeURIComponent(replay[1]!), headers);
      } else if (url.pathname === '/collect' && req.method === 'POST') {
        await collect(req, res, url, headers);
      } else {
        req.resume();
        send(
          res,
          405,
          { error: `${req.method} is not allowed here` },
          { ...headers, allow: replay ? 'GET' : 'POST' },
        );
      }
    };
    run().catch((error: unknown) => {
      // Never crash on a request: answer 500 and log it once per kind.
      warnOnce(`request ${(error as Error).name}`, `a request failed: ${String(error)}`);
      send(res, 500, { error: 'internal error' });
    });
    return true;
  }

  return {
    handle,
    get server() {
      return server;
    },
    listen(port = 0, host = '127.0.0.1') {
      server = createServer((req, res) => {
        if (!handle(req, res)) send(res, 404, { error: 'not found' });
      });
      // Malformed HTTP (garbage on the socket): answer 400 and move on.
      server.on('clientError', (_error, socket) => {
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
        else socket.destroy();
      });
      const s = server;
      return new Promise((ok, fail) => {
        s.once('error', fail);
        s.listen(port, host, () => {
          const address = s.address() as { port: number };
          ok(`http://${host}:${address.port}`);
        });
      });
    },
    async close() {
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((ok) => s.close(() => ok()));
        server = null;
      }
      await store.close();
    },
  };
}
