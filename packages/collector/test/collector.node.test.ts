// The collector as a tracker (or a hostile client) meets it: a real HTTP server on 127.0.0.1
// with a real DuckDB file, and a real child process killed with SIGKILL for the crash test.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import { createCollector, openDuckDBStore, type Collector, type EventStore } from '@vitrine/collector';
import { exited, serveCli } from './serve-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-collector-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let serial = 0;
/** A valid event; `n` makes its id. */
function event(n: number, extra: Partial<WireEvent> = {}): WireEvent {
  return {
    schema: WIRE_SCHEMA,
    id: `test-${process.pid}-${n}`,
    ts: Date.now() - 1000,
    sessionId: 'session-1',
    visitorId: 'visitor-1',
    seq: n,
    page: { url: 'https://shop.example/p/1', path: '/p/1' },
    device: { class: 'desktop', viewportWidth: 1280, viewportHeight: 800 },
    type: 'custom',
    data: { name: 'test_event', props: { n } },
    ...extra,
  } as WireEvent;
}
const batch = (events: WireEvent[]) => JSON.stringify({ schema: WIRE_SCHEMA, sentAt: Date.now(), events });
const fresh = (count: number) => Array.from({ length: count }, () => event(++serial));

async function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{
  status: number;
  body: {
    accepted?: number;
    duplicates?: number;
    error?: string;
    problems?: { path: string; message: string }[];
  };
  headers: Headers;
}> {
  const data = typeof body === 'string' ? body : new Uint8Array(body);
  const response = await fetch(`${url}/collect`, { method: 'POST', body: data, headers });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

const count = async (store: EventStore, where = 'true') =>
  (await store.query<{ n: number }>(`SELECT count(*) AS n FROM events WHERE ${where}`))[0]!.n;

describe('collector over HTTP with DuckDB', () => {
  let store: EventStore;
  let collector: Collector;
  let url: string;
  const warnings: string[] = [];

  before(async () => {
    store = await openDuckDBStore(join(dir, 'http.duckdb'));
    collector = createCollector({
      store,
      allowOrigins: ['https://shop.example'],
      rateLimit: { burst: 1000, perSecond: 1000 },
      limits: { maxBodyBytes: 64 * 1024 },
      countryHeader: 'x-test-country',
      log: { warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) },
    });
    url = await collector.listen();
  });
  after(() => collector.close());

  it('stores a valid batch, plain or gzip, and says how many it accepted', async () => {
    const plain = fresh(3);
    const r1 = await post(url, batch(plain));
    assert.equal(r1.status, 200);
    assert.deepEqual(r1.body, { accepted: 3, duplicates: 0 });
    const zipped = fresh(4);
    const r2 = await post(url, gzipSync(batch(zipped)), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'x-vitrine-site': 'shop-a',
    });
    assert.deepEqual(r2.body, { accepted: 4, duplicates: 0 });
    const ids = [...plain, ...zipped].map((e) => `'${e.id}'`).join(',');
    assert.equal(await count(store, `id IN (${ids})`), 7);
    assert.equal(await count(store, `site = 'shop-a' AND id IN (${ids})`), 4);
  });

  it('accepts the page-hide send: text/plain with the site in the query', async () => {
    const events = fresh(2);
    const response = await fetch(`${url}/collect?site=shop-b`, {
      method: 'POST',
      body: batch(events),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    assert.equal(response.status, 200);
    assert.equal(await count(store, `site = 'shop-b' AND id = '${events[0]!.id}'`), 1);
  });

  it('stores each event id once, however often it is sent', async () => {
    const events = fresh(5);
    assert.deepEqual((await post(url, batch(events))).body, { accepted: 5, duplicates: 0 });
    // A retry of the whole batch, one of part of it plus new ones, and an id twice in one batch.
    assert.deepEqual((await post(url, batch(events))).body, { accepted: 0, duplicates: 5 });
    const more = fresh(2);
    assert.deepEqual((await post(url, batch([...events.slice(0, 2), ...more, more[0]!]))).body, {
      accepted: 2,
      duplicates: 3,
    });
    // Concurrent resends (one group commit): still once.
    const racing = fresh(3);
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(url, batch(racing))));
    assert.equal(
      answers.reduce((sum, a) => sum + a.body.accepted!, 0),
      3,
    );
    const ids = [...events, ...more, ...racing].map((e) => `'${e.id}'`).join(',');
    assert.equal(await count(store, `id IN (${ids})`), 10);
  });

  it('refuses malformed, unknown-schema, invalid and future-dated batches with the reason, storing none of it', async () => {
    const before = await count(store);
    const malformed = await post(url, '{"schema": "vitrine.event/1", "events": [');
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.error!, /not JSON/);

    const unknown = await post(
      url,
      JSON.stringify({ schema: 'vitrine.event/2', sentAt: Date.now(), events: fresh(1) }),
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error!, /unknown schema "vitrine\.event\/2"/);

    const bad = {
      ...event(++serial),
      type: 'click',
      data: { elementKey: 'x', offsetX: 2, offsetY: 0.5, pageX: 1, pageY: 1 },
    };
    const invalid = await post(url, batch([...fresh(1), bad as WireEvent]));
    assert.equal(invalid.status, 422);
    assert.ok(
      invalid.body.problems!.some((p) => p.path === '/events/1/data/offsetX'),
      JSON.stringify(invalid.body.problems),
    );

    const future = await post(url, batch([event(++serial, { ts: Date.now() + 3 * 86_400_000 })]));
    assert.equal(future.status, 422);
    assert.equal(future.body.problems![0]!.path, '/events/0/ts');

    const notGzip = await post(url, 'plain text', {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    assert.equal(notGzip.status, 400);
    const brotli = await post(url, batch(fresh(1)), {
      'content-type': 'application/json',
      'content-encoding': 'br',
    });
    assert.equal(brotli.status, 415);
    assert.equal(await count(store), before, 'nothing of a refused batch is stored');
  });

  it('refuses oversized bodies, also ones that only inflate past the limit', async () => {
    const big = batch([
      event(++serial, { type: 'custom', data: { name: 'big', props: { s: 'x'.repeat(400) } } } as never),
    ]);
    const huge = Buffer.alloc(70 * 1024, ' ');
    const oversized = await post(url, Buffer.concat([Buffer.from(big.slice(0, -1)), huge, Buffer.from('}')]));
    assert.equal(oversized.status, 413);
    assert.match(oversized.body.error!, /larger than 65536 bytes/);
    // 8 MiB of spaces gzip to a few KB: the decompressed size is capped too.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from(big.slice(0, -1)), Buffer.alloc(9 * 1024 * 1024, ' '), Buffer.from('}')]),
    );
    assert.ok(bomb.length < 64 * 1024);
    const inflated = await post(url, bomb, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    assert.equal(inflated.status, 413);
    assert.match(inflated.body.error!, /inflates beyond/);
  });

  it('answers CORS for allowed origins and refuses others', async () => {
    const preflight = await fetch(`${url}/collect`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(preflight.headers.get('access-control-allow-headers')!, /content-encoding/);
    const allowed = await post(url, batch(fresh(1)), {
      'content-type': 'application/json',
      origin: 'https://shop.example',
    });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    const events = fresh(1);
    const refused = await post(url, batch(events), {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    assert.equal(refused.status, 403);
    assert.equal(await count(store, `id = '${events[0]!.id}'`), 0);
  });

  it('stores a country from a trusted proxy header, and never the address', async () => {
    const events = fresh(1);
    await post(url, batch(events), { 'content-type': 'application/json', 'x-test-country': 'de' });
    const [row] = await store.query<Record<string, unknown>>(
      `SELECT * FROM events WHERE id = '${events[0]!.id}'`,
    );
    assert.equal(row!['country'], 'DE');
    assert.ok(!JSON.stringify(row).includes('127.0.0.1'), 'no address in the row');
  });

  it('serves replay chunks back in order, each once', async () => {
    const session = `replay-${process.pid}`;
    const chunk = (n: number) =>
      event(++serial, {
        sessionId: session,
        type: 'replay',
        data: { chunk: n, encoding: 'rrweb/json', payload: `[${n}]` },
      } as never);
    const [c0, c1, c2] = [chunk(0), chunk(1), chunk(2)];
    await post(url, batch([c2!, c0!]));
    await post(url, batch([c1!, c0!]));
    const response = await fetch(`${url}/replays/${session}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { chunks: { chunk: number; payload: string }[] };
    assert.deepEqual(
      body.chunks.map((c) => [c.chunk, c.payload]),
      [
        [0, '[0]'],
        [1, '[1]'],
        [2, '[2]'],
      ],
    );
    assert.equal((await fetch(`${url}/replays/no-such-session`)).status, 404);
  });

  it('keeps answering after garbage on the socket and requests cut off mid-body', async () => {
    await new Promise<void>((ok) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        socket.write('\x00\x01 not http at all\r\n\r\n');
      });
      socket.on('data', () => socket.destroy());
      socket.on('close', () => ok());
      socket.on('error', () => ok());
    });
    await new Promise<void>((ok) => {
      const req = request(`${url}/collect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '5000' },
      });
      req.on('error', () => ok());
      req.write('{"schema":"vitrine.event/1","events":[');
      setTimeout(() => {
        req.destroy();
        ok();
      }, 50);
    });
    const r = await post(url, batch(fresh(1)));
    assert.equal(r.status, 200);
  });
});

describe('collector rate limits', () => {
  it('answers 429 with retry-after past the burst, per client', async () => {
    const store = await openDuckDBStore(':memory:');
    const collector = createCollector({ store, rateLimit: { burst: 3, perSecond: 0.5 } });
    const url = await collector.listen();
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const r = await post(url, batch(fresh(1)));
        statuses.push(r.status);
        retryAfter ??= r.headers.get('retry-after');
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.ok(Number(retryAfter) >= 1, `retry-after ${retryAfter}`);
      assert.equal(await count(store), 3);
    } finally {
      await collector.close();
    }
  });
});

describe('collector crash and restart', () => {
  it('loses no acknowledged event when killed with SIGKILL mid-stream', async () => {
    const db = join(dir, 'crash.duckdb');
    const first = await serveCli(db);
    const acknowledged: string[] = [];
    let sending = true;
    // Four clients send small batches as fast as they can; the process is killed meanwhile.
    const clients = [0, 1, 2, 3].map(async () => {
      while (sending) {
        const events = fresh(20);
        try {
          const r = await post(first.url, batch(events));
          if (r.status === 200) acknowledged.push(...events.map((e) => e.id));
        } catch {
          return; // the connection died with the process: not acknowledged
        }
      }
    });
    while (acknowledged.length < 400) await new Promise((ok) => setTimeout(ok, 5));
    first.child.kill('SIGKILL');
    sending = false;
    await Promise.all(clients);
    await exited(first.child);

    const second = await serveCli(db);
    try {
      // Read through a second store on the same file only after the server is stopped.
      second.child.kill('SIGTERM');
      await exited(second.child);
      const store = await openDuckDBStore(db);
      try {
        const stored = new Set(
          (await store.query<{ id: string }>('SELECT id FROM events')).map((row) => row.id),
        );
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.equal(lost.length, 0, `${lost.length} of ${acknowledged.length} acknowledged events lost`);
      } finally {
        await store.close();
      }
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
