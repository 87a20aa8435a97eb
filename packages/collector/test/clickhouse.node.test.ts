// The ClickHouse store against a real local clickhouse-server (Debian's 18.16 in CI): ingest over
// HTTP with dedup, replays, data rights, export, the heatmap and insights queries. The funnel,
// paths, vitals and experiments reports run on it in reports.node.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import {
  createCollector,
  openClickHouseStore,
  openDuckDBStore,
  type Collector,
  type EventStore,
} from '@vitrine/collector';
import {
  heatCells,
  movePointCount,
  scrollReach,
  topKeys,
  topProducts,
  type Box,
  type HeatFilter,
} from '../src/reports/heatmap-sql.js';
import { clickhouseBinary, startClickHouse, type ClickHouseServer } from './clickhouse-server.js';

const binary = clickhouseBinary();
const dir = mkdtempSync(join(tmpdir(), 'vt-clickhouse-test-'));
const T0 = Date.UTC(2026, 10, 2);
let serial = 0;

function wire(type: string, data: unknown, extra: Partial<WireEvent> = {}): WireEvent {
  serial++;
  return {
    schema: WIRE_SCHEMA,
    id: `ch-${process.pid}-${serial}`,
    ts: T0 + serial * 1000,
    sessionId: `s${serial % 7}`,
    visitorId: `v${serial % 7}`,
    seq: serial,
    page: { url: 'https://shop.example/product.html', path: '/product.html' },
    device: { class: 'desktop', viewportWidth: 1280, viewportHeight: 800 },
    type,
    data,
    ...extra,
  } as WireEvent;
}

describe(
  'ClickHouse store',
  { skip: binary ? false : 'clickhouse-server is not installed', timeout: 120_000 },
  () => {
    let server: ClickHouseServer;
    let store: EventStore;
    let collector: Collector;
    let url: string;

    before(async () => {
      server = await startClickHouse(binary!);
      store = await openClickHouseStore({ url: server.url, database: `vt_store_${process.pid}` });
      collector = createCollector({ store, allowOrigins: ['https://shop.example'] });
      url = await collector.listen(0, '127.0.0.1');
    });
    after(async () => {
      await collector?.close();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const count = async (where = '1 = 1') =>
      (await store.query<{ n: number }>(`SELECT count() AS n FROM events WHERE ${where}`))[0]!.n;
    const post = async (events: WireEvent[]) => {
      const response = await fetch(`${url}/collect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ schema: WIRE_SCHEMA, sentAt: Date.now(), events }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { accepted: number; duplicates: number },
      };
    };

    it('acknowledges a batch once stored, and stores resent and concurrently resent ids once', async () => {
      const events = Array.from({ length: 50 }, () =>
        wire('custom', { name: 'tap', props: {} }, { ts: Date.now() - 5000 }),
      );
      const first = await post(events);
      assert.equal(first.status, 200);
      assert.deepEqual(first.body, { accepted: 50, duplicates: 0 });
      assert.equal(await count(`id LIKE 'ch-${process.pid}-%' AND type = 'custom'`), 50);
      const again = await post(events);
      assert.deepEqual(again.body, { accepted: 0, duplicates: 50 });
      const more = Array.from({ length: 20 }, () =>
        wire('custom', { name: 'tap', props: {} }, { ts: Date.now() - 5000 }),
      );
      const answers = await Promise.all([post(more), post(more), post([...more, ...events])]);
      assert.equal(
        answers.reduce((sum, a) => sum + a.body.accepted, 0),
        20,
      );
      assert.equal(await count(`type = 'custom'`), 70);
    });

    it('serves replay chunks back in order, each once', async () => {
      const chunk = (n: number) =>
        wire(
          'replay',
          { chunk: n, encoding: 'rrweb/json', payload: JSON.stringify([{ n }]) },
          { sessionId: 'rec-1', ts: Date.now() - 1000 + n },
        );
      const chunks = [chunk(1), chunk(0), chunk(2)];
      assert.equal((await post(chunks)).status, 200);
      assert.deepEqual((await post([chunks[0]!])).body, { accepted: 0, duplicates: 1 });
      const back = await store.replay('default', 'rec-1');
      assert.deepEqual(
        back.map((c) => [c.chunk, c.payload]),
        [0, 1, 2].map((n) => [n, JSON.stringify([{ n }])]),
      );
    });

    it('exports NDJSON, refuses Parquet with a reason, deletes old events and a visitor’s events', async () => {
      const file = join(dir, 'events.ndjson');
      const n = await store.exportTo(file, 'ndjson');
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      assert.equal(lines.length, n);
      assert.equal(n, await count());
      assert.ok(JSON.parse(lines[0]!).id);
      await assert.rejects(store.exportTo(join(dir, 'x.parquet'), 'parquet'), /ndjson/);

      await store.insert(
        [wire('custom', { name: 'old', props: {} }, { ts: T0 - 90 * 86_400_000, visitorId: 'old-visitor' })],
        { site: 'default', receivedAt: Date.now() },
      );
      const before = await count();
      assert.equal(await store.deleteBefore(T0 - 30 * 86_400_000), 1);
      assert.equal(await count(), before - 1);
      const mine = await count(`visitor_id = 'v3'`);
      assert.ok(mine > 0);
      assert.equal(await store.deleteVisitor('v3'), mine);
      assert.equal(await count(`visitor_id = 'v3'`), 0);
    });

    it('answers the heatmap queries as DuckDB does for the same clicks, scrolls and pointer samples', async () => {
      const duck = await openDuckDBStore(':memory:');
      const keys = ['main>h1', 'vt-add-to-cart[product=p1]>part(button)', 'gone>part(cta)', "it's>quoted"];
      const events: WireEvent[] = [];
      for (let i = 0; i < 400; i++) {
        const key = keys[i % keys.length]!;
        events.push(
          wire('click', {
            elementKey: key,
            offsetX: (i % 10) / 10,
            offsetY: (i % 7) / 7,
            pageX: 100 + (i % 50),
            pageY: 900 + (i % 30),
            ...(key.includes('product') ? { component: 'vt-add-to-cart', productId: `p${i % 3}` } : {}),
          }),
        );
        if (i % 5 === 0) events.push(wire('scroll', { maxDepth: (i % 100) / 100, pageHeight: 3000 }));
      }
      const origin = { site: 'heat', receivedAt: Date.now() };
      await store.insert(events, origin);
      await duck.insert(events, origin);
      const boxes: Box[] = [
        ['main>h1', 10, 20, 300, 40],
        ['vt-add-to-cart[product=p1]>part(button)', 400, 600, 120, 44],
        ["it's>quoted", 0, 1200, 50, 50],
      ];
      const f: HeatFilter = {
        type: 'click',
        path: '/product.html',
        device: 'desktop',
        range: { site: 'heat' },
      };
      const sortCells = (cells: Awaited<ReturnType<typeof heatCells>>) =>
        cells
          .map((c) => ({
            placed: c.placed,
            total: Number(c.total),
            cells: c.x.map((x, i) => `${x},${c.y[i]},${c.n[i]}`).sort(),
          }))
          .sort((a, b) => Number(a.placed) - Number(b.placed));
      assert.deepEqual(
        sortCells(await heatCells(store, f, boxes)),
        sortCells(await heatCells(duck, f, boxes)),
      );
      assert.deepEqual(await topKeys(store, f, 10), await topKeys(duck, f, 10));
      assert.deepEqual(await topProducts(store, f, 10), await topProducts(duck, f, 10));
      const scroll = { ...f, type: 'scroll' as const };
      const byBand = (rows: { bands: number; n: number }[]) => [...rows].sort((a, b) => a.bands - b.bands);
      assert.deepEqual(byBand(await scrollReach(store, scroll)), byBand(await scrollReach(duck, scroll)));
      // Pointer samples: keys with quotes and a backslash, offsets in every JSON number form.
      const moveKeys = ['main>h1', 'a[title="say \\"hi\\""]', 'x\\y', "it's>quoted"];
      const moves = Array.from({ length: 60 }, (_, i) =>
        wire('move', {
          points: Array.from({ length: 1 + (i % 5) }, (_, k) => ({
            elementKey: moveKeys[(i + k) % moveKeys.length]!,
            offsetX: k === 0 ? 1 : (i % 10) / 10 + 1e-7,
            offsetY: ((i + k) % 7) / 7,
            t: i * 100 + k,
          })),
        }),
      );
      await store.insert(moves, origin);
      await duck.insert(moves, origin);
      const move = { ...f, type: 'move' as const };
      const moveBoxes: Box[] = [
        ...boxes,
        ['a[title="say \\"hi\\""]', 50, 50, 100, 20],
        ['x\\y', 300, 300, 10, 10],
      ];
      assert.equal(await movePointCount(store, move), await movePointCount(duck, move));
      assert.deepEqual(
        sortCells(await heatCells(store, move, moveBoxes)),
        sortCells(await heatCells(duck, move, moveBoxes)),
      );
      assert.deepEqual(await topKeys(store, move, 10), await topKeys(duck, move, 10));
      await duck.close();
    });

    it('vitrine report and export take --clickhouse', () => {
      const cli = (...args: string[]) =>
        spawnSync(
          process.execPath,
          ['--conditions=source', '--import', 'tsx', 'packages/collector/src/cli.ts', ...args],
          { encoding: 'utf8' },
        );
      const target = ['--clickhouse', server.url, '--database', `vt_store_${process.pid}`];
      const csv = join(dir, 'paths.csv');
      const run = cli('report', 'paths', ...target, '--site', 'heat', '--out', csv);
      assert.equal(run.status, 0, run.stderr);
      assert.match(readFileSync(csv, 'utf8'), /^# heat, all time: \d+ events read/);
      const parquet = cli('export', '--format', 'parquet', '--out', join(dir, 'e.parquet'), ...target);
      assert.equal(parquet.status, 1);
      assert.match(parquet.stderr, /use --format ndjson/);
    });

    it('renders the insights page from ClickHouse', async () => {
      const withInsights = createCollector({ store, insights: { site: 'heat' } });
      const http = createServer((req, res) => {
        if (!withInsights.handle(req, res)) res.writeHead(404).end();
      });
      await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
      try {
        const { port } = http.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/insights`);
        assert.equal(response.status, 200);
        const page = await response.text();
        assert.match(page, /\/product\.html/);
      } finally {
        await new Promise<void>((ok) => http.close(() => ok()));
      }
    });
  },
);
