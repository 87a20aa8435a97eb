// Benchmark, not a test: the collector against the collector issue's targets, on this machine.
//
// 1. Ingest: gzip batches of 500 events POSTed by 8 concurrent clients to `vitrine serve` (its own
//    process, DuckDB file, schema validation and de-duplication on), sustained over 1,000,000
//    events; target ≥ 20,000 events/s. Baseline, same run: the same events written straight into
//    a DuckDB store in the bench process (no HTTP, no JSON, no validation). ClickHouse's figure
//    beside it: the same batches through `vitrine serve --clickhouse` to a local clickhouse-server.
// 2. Funnel over 10,000,000 events in DuckDB: target ≤ 5 s. Baseline, same run: one
//    `GROUP BY name` count over the same rows (the cheapest full scan).
// 3. Heatmap PNG over 1,000,000 clicks (the heatmap test's fixture page, desktop): target ≤ 10 s
//    including the page load and the full-page screenshot. Baseline, same run: the same report
//    over no clicks (page load, keying, screenshot, drawing only).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import { funnelReport, heatmapReport, openDuckDBStore } from '@vitrine/collector';
import { clickhouseBinary, startClickHouse } from '../test/clickhouse-server.js';
import { serveCli } from '../test/serve-cli.js';

const INGEST_EVENTS = 1_000_000;
const BATCH = 500;
const CLIENTS = 8;
const INGEST_TARGET = 20_000;
const FUNNEL_EVENTS = 10_000_000;
const FUNNEL_TARGET_MS = 5000;
const HEATMAP_CLICKS = 1_000_000;
const HEATMAP_TARGET_MS = 10_000;
const STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];

const dir = mkdtempSync(join(tmpdir(), 'vt-collector-bench-'));
const ms = (x: number) => `${x.toFixed(0)} ms`;

function event(n: number, now: number): WireEvent {
  const kind = n % 4;
  const base = {
    schema: WIRE_SCHEMA,
    id: `bench-${n.toString(36).padStart(8, '0')}-${now.toString(36)}`,
    ts: now - (INGEST_EVENTS - n),
    sessionId: `s${Math.floor(n / 20)}`,
    visitorId: `v${Math.floor(n / 60)}`,
    seq: n % 20,
    page: {
      url: `https://shop.example/products/p${n % 300}?utm_source=mail`,
      path: `/products/p${n % 300}`,
      title: 'Canvas tote',
    },
    device: {
      class: n % 3 ? 'desktop' : 'mobile',
      viewportWidth: n % 3 ? 1280 : 390,
      viewportHeight: 800,
      dpr: 2,
    },
    experiments: { hero: n % 2 ? 'a' : 'b' },
  };
  if (kind === 0)
    return {
      ...base,
      type: 'click',
      data: {
        elementKey: `vt-gallery[product=p${n % 300}]>part(thumbnail)[${n % 5}]`,
        component: 'vt-gallery',
        productId: `p${n % 300}`,
        offsetX: 0.25,
        offsetY: 0.5,
        pageX: 400,
        pageY: 900,
      },
    } as WireEvent;
  if (kind === 1) return { ...base, type: 'pageview', data: { navigationType: 'navigate' } } as WireEvent;
  if (kind === 2)
    return {
      ...base,
      type: 'funnel',
      data: {
        name: 'add_to_cart',
        params: {
          currency: 'USD',
          value: 1999,
          items: [{ item_id: `p${n % 300}`, item_name: 'Canvas tote', price: 1999, quantity: 1 }],
        },
      },
    } as WireEvent;
  return {
    ...base,
    type: 'visibility',
    data: { elementKey: 'vt-offers[product=p1]', component: 'vt-offers', visibleMs: 1200 },
  } as WireEvent;
}

/** POSTs `bodies` from CLIENTS concurrent clients to `vitrine serve …args`; the wall time and answers. */
async function ingest(
  bodies: Buffer[],
  ...args: string[]
): Promise<{ ms: number; accepted: number; refused: number }> {
  const { child, url } = await serveCli(join(dir, 'ingest.duckdb'), ...args);
  let next = 0;
  let accepted = 0;
  let refused = 0;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const r = await fetch(`${url}/collect`, {
            method: 'POST',
            body: new Uint8Array(body),
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          });
          const answer = (await r.json()) as { accepted?: number };
          if (r.ok) accepted += answer.accepted ?? 0;
          else refused++;
        }
      }),
    );
    return { ms: performance.now() - t0, accepted, refused };
  } finally {
    child.kill('SIGTERM');
  }
}

try {
  // 1. Ingest.
  const now = Date.now();
  // Batches are made one at a time (a million event objects at once would not fit the heap).
  const batch = (i: number) => Array.from({ length: BATCH }, (_, k) => event(i + k, now));
  const bodies: Buffer[] = [];
  for (let i = 0; i < INGEST_EVENTS; i += BATCH)
    bodies.push(gzipSync(JSON.stringify({ schema: WIRE_SCHEMA, sentAt: now, events: batch(i) })));
  const duck = await ingest(bodies, '--rate', '100000');
  const httpMs = duck.ms;
  const accepted = duck.accepted;
  const refused = duck.refused;

  const direct = await openDuckDBStore(join(dir, 'direct.duckdb'));
  const t1 = performance.now();
  for (let i = 0; i < INGEST_EVENTS; i += BATCH)
    await direct.insert(batch(i), { site: 'bench', receivedAt: now });
  const directMs = performance.now() - t1;
  await direct.close();
  const rate = (accepted / httpMs) * 1000;
  const directRate = (INGEST_EVENTS / directMs) * 1000;
  console.log(
    `Ingest: ${INGEST_EVENTS} events in gzip batches of ${BATCH}, ${CLIENTS} concurrent clients → vitrine serve (DuckDB, validation + dedup)`,
  );
  console.log(
    `  HTTP ingest                ${ms(httpMs)}  ${rate.toFixed(0)} events/s  (accepted ${accepted}, refused batches ${refused})`,
  );
  console.log(
    `  baseline: store.insert     ${ms(directMs)}  ${directRate.toFixed(0)} events/s  (same events, no HTTP/JSON/validation)`,
  );
  console.log(`  HTTP ingest / baseline     ${(rate / directRate).toFixed(2)}x`);
  console.log(
    `  target ≥ ${INGEST_TARGET} events/s: ${rate >= INGEST_TARGET ? 'met' : 'NOT met'} (${(rate / INGEST_TARGET).toFixed(2)}x of it)`,
  );
  const binary = clickhouseBinary();
  if (binary) {
    const server = await startClickHouse(binary);
    try {
      const ch = await ingest(bodies, '--rate', '100000', '--clickhouse', server.url, '--database', 'bench');
      const chRate = (ch.accepted / ch.ms) * 1000;
      console.log(
        `  ClickHouse ${'(local 18.16)'.padEnd(15)} ${ms(ch.ms)}  ${chRate.toFixed(0)} events/s  (same batches through vitrine serve --clickhouse; accepted ${ch.accepted}, refused ${ch.refused})`,
      );
      console.log(`  ClickHouse / DuckDB HTTP   ${(chRate / rate).toFixed(2)}x`);
    } finally {
      await server.stop();
    }
  } else
    console.log(
      '  ClickHouse: not measured (clickhouse-server is not installed: apt-get install clickhouse-server)',
    );

  // 2. Funnel over 10M events, generated inside DuckDB.
  const big = await openDuckDBStore(join(dir, 'funnel.duckdb'));
  const tg = performance.now();
  await big.query(`INSERT INTO events
    SELECT 'f' || i, 'bench', 'funnel', 1767225600000 + i * 10, 's' || (i // 8), 'v' || (i // 24), i % 8,
      'https://shop.example/p', '/p', NULL, CASE WHEN i % 3 = 0 THEN 'mobile' ELSE 'desktop' END, 1280, 800,
      CASE WHEN (i // 8) % 2 = 0 THEN '{"hero":"a"}' ELSE '{"hero":"b"}' END,
      ['view_item','view_item','add_to_cart','view_item','begin_checkout','add_to_cart','purchase','view_item'][(i % 8) + 1],
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1999, '{}', NULL, 1767225600000
    FROM range(${FUNNEL_EVENTS}) t(i)`);
  console.log(
    `\nFunnel over ${FUNNEL_EVENTS.toLocaleString('en')} funnel events in DuckDB (generated in ${ms(performance.now() - tg)})`,
  );
  const runs: number[] = [];
  let sessions = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const report = await funnelReport(big, { steps: STEPS });
    runs.push(performance.now() - t);
    sessions = report.groups[0]!.steps[0]!.sessions;
  }
  const floor: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    await big.query(`SELECT name, count(*) FROM events GROUP BY name`);
    floor.push(performance.now() - t);
  }
  await big.close();
  const best = Math.min(...runs);
  const floorBest = Math.min(...floor);
  console.log(
    `  funnelReport (4 steps, by device and variant)  best of 3: ${ms(best)}  (${sessions} sessions at step 1)`,
  );
  console.log(`  baseline: GROUP BY name count                   best of 3: ${ms(floorBest)}`);
  console.log(`  funnel / baseline                               ${(best / floorBest).toFixed(2)}x`);
  console.log(`  target ≤ ${FUNNEL_TARGET_MS} ms: ${best <= FUNNEL_TARGET_MS ? 'met' : 'NOT met'}`);

  // 3. Heatmap over 1M clicks, generated inside DuckDB on the fixture page's keys.
  const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'heatmap');
  const files: Record<string, [string, Buffer]> = {
    '/shop/product.html': ['text/html; charset=utf-8', readFileSync(join(fixture, 'product.html'))],
    '/shop/components.js': ['text/javascript', readFileSync(join(fixture, 'components.js'))],
  };
  const pageServer = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
    res.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((ok) => pageServer.listen(0, '127.0.0.1', ok));
  const page = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/shop/product.html`;
  try {
    const clicks = await openDuckDBStore(join(dir, 'heatmap.duckdb'));
    const empty = await openDuckDBStore(join(dir, 'empty.duckdb'));
    const th = performance.now();
    // Mostly the buy button, then the quantity field, a retired banner (drawn by page position).
    await clicks.query(`INSERT INTO events
      SELECT 'h' || i, 'bench', 'click', 1767225600000 + i, 's' || (i // 5), 'v' || (i // 15), i % 5,
        'https://shop.example/shop/product.html', '/shop/product.html', NULL, 'desktop', 1280, 800, NULL,
        NULL, NULL,
        ['vt-fixture-offer[product=p1]>part(buy)', 'vt-fixture-offer[product=p1]>part(buy)',
         'vt-fixture-offer[product=p1]>part(qty)', 'vt-spring-banner[promotion=spring]>part(cta)'][(i % 4) + 1],
        'vt-fixture-offer', 'p1', (i % 97) / 97.0, (i % 89) / 89.0, 200 + i % 600, 300 + i % 900, NULL, '{}', NULL,
        1767225600000
      FROM range(${HEATMAP_CLICKS}) t(i)`);
    console.log(
      `\nHeatmap PNG over ${HEATMAP_CLICKS.toLocaleString('en')} clicks (desktop, fixture page; generated in ${ms(performance.now() - th)})`,
    );
    const report = async (store: typeof clicks) => {
      const t = performance.now();
      const result = await heatmapReport(store, {
        page,
        kind: 'click',
        device: 'desktop',
        out: join(dir, `heatmap-${Date.now()}.png`),
      });
      return { ms: performance.now() - t, points: result.placed + result.unplaced };
    };
    const heat: number[] = [];
    const base: number[] = [];
    let points = 0;
    for (let run = 0; run < 2; run++) {
      const r = await report(clicks);
      heat.push(r.ms);
      points = r.points;
      base.push((await report(empty)).ms);
    }
    await clicks.close();
    await empty.close();
    const heatBest = Math.min(...heat);
    const baseBest = Math.min(...base);
    console.log(
      `  heatmapReport → PNG                         best of 2: ${ms(heatBest)}  (${points} clicks drawn)`,
    );
    console.log(`  baseline: same report over no clicks        best of 2: ${ms(baseBest)}`);
    console.log(`  heatmap / baseline                          ${(heatBest / baseBest).toFixed(2)}x`);
    console.log(`  target ≤ ${HEATMAP_TARGET_MS} ms: ${heatBest <= HEATMAP_TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    pageServer.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
