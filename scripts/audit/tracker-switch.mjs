// Two doors to the same demo shop for the tracker-overhead measure: a pass-through one (tracker on)
// and one that answers the tracker's bundle with an empty module (tracker off). Each listens on its
// own port, so each is its own origin with its own consent record: the shop's page glue imports
// the tracker bundle on every page and only skips creating the tracker when consent is "denied",
// so "off" needs both the denial and the empty bundle for the page to carry no tracker code at all.
// Both variants go through a door of the same code, so the extra hop costs both the same.
import { Agent, createServer, request } from 'node:http';

const TRACKER_ENTRY = '/vitrine/tracker/index.js';
// main.ts only reads `createTracker`, and never calls it once consent is denied.
const STUB =
  'export function createTracker() {\n  throw new Error("audit: the tracker is switched off");\n}\n';

/**
 * Starts a door on 127.0.0.1 in front of `shopUrl`.
 * @param {string} shopUrl
 * @param {{ tracker: boolean }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startTrackerSwitch(shopUrl, { tracker }) {
  const target = new URL(shopUrl);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!tracker && path === TRACKER_ENTRY) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(STUB);
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
        agent.destroy();
      }),
  };
}
