// Reports against counts computed here, independently, from the very events the test stores
// (a real DuckDB store; a fixed pseudo-random shop traffic).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import {
  experimentsReport,
  funnelCsv,
  funnelReport,
  funnelSvg,
  openClickHouseStore,
  openDuckDBStore,
  pathsReport,
  pathsSvg,
  vitalsReport,
  VITAL_THRESHOLDS,
  type EventStore,
} from '@vitrine/collector';
import { clickhouseBinary, startClickHouse, type ClickHouseServer } from './clickhouse-server.js';

/**
 * Every report runs on DuckDB and on ClickHouse (a real local clickhouse-server, see
 * ./clickhouse-server.ts): the same events, the same independently computed expectations.
 */
const clickhouse = clickhouseBinary();
let server: ClickHouseServer | null = null;
let databases = 0;
const BACKENDS: { name: string; skip: string | false; open: () => Promise<EventStore> }[] = [
  { name: 'DuckDB', skip: false, open: () => openDuckDBStore(':memory:') },
  {
    name: 'ClickHouse',
    skip: clickhouse ? false : 'clickhouse-server is not installed',
    open: async () => {
      server ??= await startClickHouse(clickhouse!);
      return openClickHouseStore({ url: server.url, database: `vt_reports_${process.pid}_${++databases}` });
    },
  },
];
after(() => server?.stop());

/** mulberry32: the same traffic on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

interface Session {
  id: string;
  device: 'desktop' | 'mobile';
  variant: 'a' | 'b';
  /** Step names in the order they happened. */
  names: string[];
  start: number;
}

let serial = 0;
function funnelEvent(s: Session, name: string, ts: number): WireEvent {
  return {
    schema: WIRE_SCHEMA,
    id: `r-${++serial}-${s.id}`,
    ts,
    sessionId: s.id,
    visitorId: `v-${s.id}`,
    seq: serial,
    page: { url: `https://shop.example/p/${name}`, path: `/p/${name}` },
    device: { class: s.device, viewportWidth: s.device === 'mobile' ? 390 : 1280, viewportHeight: 800 },
    experiments: { checkout_button: s.variant },
    type: 'funnel',
    data: {
      name,
      params: {
        currency: 'USD',
        value: 1999,
        items: [{ item_id: 'p1', item_name: 'Shirt', price: 1999, quantity: 1 }],
      },
    },
  } as WireEvent;
}

/** How far `names` gets through STEPS in order (the definition, written out plainly). */
function reached(names: readonly string[]): number {
  let step = 0;
  for (const name of names) if (step < STEPS.length && name === STEPS[step]) step++;
  return step;
}

for (const backend of BACKENDS)
  describe(`reports (${backend.name})`, { skip: backend.skip }, () => {
    let store: EventStore;
    const sessions: Session[] = [];

    before(async () => {
      store = await backend.open();
      const random = seeded(42);
      for (let i = 0; i < 600; i++) {
        const s: Session = {
          id: `s${i}`,
          device: random() < 0.4 ? 'mobile' : 'desktop',
          variant: random() < 0.5 ? 'a' : 'b',
          names: [],
          start: T0 + Math.floor(random() * 10) * DAY + Math.floor(random() * 3600_000),
        };
        // Walk the funnel with drop-offs; variant b converts better; some sessions do things out
        // of order (a purchase before viewing, a repeated add_to_cart), which must not count ahead.
        const keep = [0.8, s.variant === 'b' ? 0.7 : 0.5, 0.6];
        let step = 0;
        s.names.push(STEPS[0]!);
        while (step < 3 && random() < keep[step]!) s.names.push(STEPS[++step]!);
        if (random() < 0.1) s.names.unshift('purchase');
        if (random() < 0.1) s.names.push('add_to_cart');
        sessions.push(s);
      }
      const events = sessions.flatMap((s) =>
        s.names.map((name, k) => funnelEvent(s, name, s.start + k * 60_000)),
      );
      for (let i = 0; i < events.length; i += 500)
        await store.insert(events.slice(i, i + 500), { site: 'shop', receivedAt: Date.now() });
      // Another site's traffic must not leak into the shop's report.
      await store.insert([funnelEvent({ ...sessions[0]!, id: 'other' }, 'view_item', T0)], {
        site: 'other',
        receivedAt: Date.now(),
      });
    });
    after(() => store.close());

    const expected = (list: Session[]) =>
      STEPS.map((_, k) => list.filter((s) => reached(s.names) > k).length);

    it('funnel: per-step sessions, conversion and drop-off match the events, overall and per device and variant', async () => {
      const report = await funnelReport(store, { steps: STEPS, range: { site: 'shop' } });
      const all = report.groups.find((g) => g.by === 'all')!;
      const want = expected(sessions);
      assert.deepEqual(
        all.steps.map((s) => s.sessions),
        want,
      );
      assert.equal(all.steps[3]!.conversion, want[3]! / want[0]!);
      assert.equal(all.steps[2]!.dropOff, want[1]! - want[2]!);
      for (const device of ['desktop', 'mobile'] as const) {
        const group = report.groups.find((g) => g.by === 'device' && g.group === device)!;
        assert.deepEqual(
          group.steps.map((s) => s.sessions),
          expected(sessions.filter((s) => s.device === device)),
          device,
        );
      }
      for (const variant of ['a', 'b'] as const) {
        const group = report.groups.find(
          (g) => g.by === 'experiment' && g.group === `checkout_button=${variant}`,
        )!;
        assert.deepEqual(
          group.steps.map((s) => s.sessions),
          expected(sessions.filter((s) => s.variant === variant)),
          variant,
        );
      }
      assert.equal(report.coverage.site, 'shop');
      assert.ok(report.coverage.events > 0);
    });

    it('funnel: --from/--to keep only the events in the window, and the output says which', async () => {
      const range = { site: 'shop', from: T0 + 3 * DAY, to: T0 + 6 * DAY };
      const report = await funnelReport(store, { steps: STEPS, range });
      const inWindow = sessions.filter(
        (s) => s.start >= range.from && s.start + s.names.length * 60_000 < range.to,
      );
      assert.deepEqual(
        report.groups[0]!.steps.map((s) => s.sessions),
        expected(inWindow),
      );
      const csv = funnelCsv(report);
      assert.match(
        csv.split('\n')[0]!,
        /^# shop, 2026-11-04T00:00:00\.000Z to 2026-11-07T00:00:00\.000Z: \d+ events read/,
      );
      assert.match(csv, /^all,all,purchase,\d+,/m);
      const svg = funnelSvg(report);
      assert.match(svg, /^<svg /);
      assert.ok(svg.includes('2026-11-04T00:00:00.000Z'), 'the chart names its data range');
      assert.ok(svg.includes(`${report.groups[0]!.steps[0]!.sessions} (100.0%)`));
    });

    it('funnel: refuses names that are not event names (no SQL from the command line)', async () => {
      await assert.rejects(
        funnelReport(store, { steps: ['view_item', "x'; DROP TABLE events; --"] }),
        /not an event name/,
      );
      await assert.rejects(funnelReport(store, { steps: ['view_item'] }), /2 to 10 steps/);
    });
  });

/** An event of `type` with `data` for visitor/session `who` at `ts` on `path`. */
function wire(
  type: string,
  data: unknown,
  who: { session: string; visitor: string; device?: string },
  ts: number,
  path = '/',
): WireEvent {
  return {
    schema: WIRE_SCHEMA,
    id: `w-${++serial}`,
    ts,
    sessionId: who.session,
    visitorId: who.visitor,
    seq: serial,
    page: { url: `https://shop.example${path}`, path },
    device: { class: who.device ?? 'desktop', viewportWidth: 1280, viewportHeight: 800 },
    type,
    data,
  } as WireEvent;
}

/** DuckDB's quantile_cont: linear interpolation at (n − 1)·q of the sorted values. */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}

for (const backend of BACKENDS)
  describe(`reports: paths, vitals, experiments (${backend.name})`, { skip: backend.skip }, () => {
    let store: EventStore;
    const random = seeded(7);
    const PAGES = ['/', '/search.html', '/product.html', '/cart.html', '/checkout.html'];
    const journeys: string[][] = [];
    const vitals: {
      path: string;
      device: string;
      name: keyof typeof VITAL_THRESHOLDS;
      value: number;
      element: string;
    }[] = [];
    const exposures: { experiment: string; visitor: string; variant: string; converted: boolean }[] = [];

    before(async () => {
      store = await backend.open();
      const events: WireEvent[] = [];
      for (let i = 0; i < 400; i++) {
        const who = { session: `p${i}`, visitor: `pv${i}`, device: random() < 0.5 ? 'mobile' : 'desktop' };
        let t = T0 + i * 1000;
        const journey: string[] = [];
        const length = 1 + Math.floor(random() * 6);
        for (let k = 0; k < length; k++) {
          // Mostly forward through the shop, sometimes a reload (the same page twice).
          const page =
            k === 0
              ? PAGES[Math.floor(random() * 2)]!
              : random() < 0.15
                ? journey.at(-1)!
                : PAGES[Math.floor(random() * PAGES.length)]!;
          journey.push(page);
          events.push(wire('pageview', { navigationType: 'navigate' }, who, (t += 5000), page));
          for (const name of ['LCP', 'INP', 'CLS'] as const) {
            const value = name === 'CLS' ? Math.round(random() * 40) / 100 : Math.round(random() * 6000);
            const element = random() < 0.5 ? 'vt-gallery[product=p1]>part(image)[0]' : 'body>main>h1';
            vitals.push({ path: page, device: who.device, name, value, element });
            events.push(
              wire(
                'vital',
                { name, value, rating: 'good', attribution: { target: element } },
                who,
                t + 1,
                page,
              ),
            );
          }
        }
        journeys.push(journey);
      }
      // Experiments: "balanced" splits evenly, "skewed" 70/30 (a sample-ratio mismatch).
      for (let v = 0; v < 600; v++) {
        const who = { session: `e${v}`, visitor: `ev${v}` };
        for (const experiment of ['balanced', 'skewed']) {
          const variant =
            experiment === 'balanced'
              ? v % 2
                ? 'treatment'
                : 'control'
              : random() < 0.7
                ? 'control'
                : 'treatment';
          const converted = random() < (variant === 'treatment' ? 0.3 : 0.2);
          exposures.push({ experiment, visitor: who.visitor, variant, converted });
          events.push(wire('exposure', { experimentId: experiment, variantId: variant }, who, T0 + v * 10));
          // A purchase before the exposure does not count as a conversion.
          if (!converted && random() < 0.2)
            events.push(
              wire(
                'funnel',
                {
                  name: 'purchase',
                  params: {
                    currency: 'USD',
                    value: 1,
                    items: [{ item_id: 'p', item_name: 'P', price: 1, quantity: 1 }],
                  },
                },
                who,
                T0 + v * 10 - 5,
              ),
            );
        }
        const byVisitor = exposures.filter((e) => e.visitor === who.visitor);
        // One purchase after both exposures when either experiment's draw converted.
        if (byVisitor.some((e) => e.converted)) {
          for (const e of byVisitor) e.converted = true;
          events.push(
            wire(
              'funnel',
              {
                name: 'purchase',
                params: {
                  currency: 'USD',
                  value: 1,
                  items: [{ item_id: 'p', item_name: 'P', price: 1, quantity: 1 }],
                },
              },
              who,
              T0 + v * 10 + 5,
            ),
          );
        }
      }
      for (let i = 0; i < events.length; i += 500)
        await store.insert(events.slice(i, i + 500), { site: 'shop', receivedAt: Date.now() });
    });
    after(() => store.close());

    const collapse = (pages: string[]) => pages.filter((p, i) => i === 0 || pages[i - 1] !== p);
    const tally = (seqs: string[][]) => {
      const m = new Map<string, number>();
      for (const seq of seqs) m.set(seq.join(' > '), (m.get(seq.join(' > ')) ?? 0) + 1);
      return m;
    };

    it('paths: the most common page sequences and their links match the sessions', async () => {
      const report = await pathsReport(store, { depth: 3, top: 10 });
      const want = tally(journeys.map((j) => collapse(j).slice(0, 3)));
      assert.equal(report.sessions, journeys.length);
      for (const row of report.paths)
        assert.equal(row.sessions, want.get(row.pages.join(' > ')), row.pages.join(' > '));
      const listed = new Set(report.paths.map((r) => r.pages.join(' > ')));
      const lowest = Math.min(...report.paths.map((r) => r.sessions));
      for (const [seq, n] of want)
        if (!listed.has(seq)) assert.ok(n <= lowest, `${seq} (${n}) should be listed`);
      const firstLinks = report.links.filter((l) => l.step === 0).reduce((sum, l) => sum + l.sessions, 0);
      assert.equal(firstLinks, journeys.filter((j) => collapse(j).length >= 2).length);
      assert.match(pathsSvg(report), /Paths from the entry page \(400 sessions\)/);
    });

    it('paths: from a start page and to an end page', async () => {
      const from = await pathsReport(store, { from: '/search.html', depth: 2, top: 50 });
      const fromWant = tally(
        journeys
          .map(collapse)
          .filter((j) => j.includes('/search.html'))
          .map((j) => j.slice(j.indexOf('/search.html'), j.indexOf('/search.html') + 2)),
      );
      assert.equal(
        from.sessions,
        [...fromWant.values()].reduce((a, b) => a + b, 0),
      );
      for (const row of from.paths) assert.equal(row.sessions, fromWant.get(row.pages.join(' > ')));
      const to = await pathsReport(store, { to: '/checkout.html', depth: 3, top: 50 });
      const toWant = tally(
        journeys
          .map(collapse)
          .filter((j) => j.includes('/checkout.html'))
          .map((j) => j.slice(Math.max(0, j.indexOf('/checkout.html') - 2), j.indexOf('/checkout.html') + 1)),
      );
      for (const row of to.paths) assert.equal(row.sessions, toWant.get(row.pages.join(' > ')));
      assert.ok(to.paths.every((r) => r.pages.at(-1) === '/checkout.html'));
    });

    it('vitals: p75 and rating shares per page and device, and the elements behind poor values', async () => {
      const report = await vitalsReport(store);
      assert.ok(report.rows.length > 10);
      for (const row of report.rows) {
        const values = vitals.filter(
          (v) => v.path === row.path && v.device === row.device && v.name === row.metric,
        );
        assert.equal(row.samples, values.length);
        assert.ok(
          Math.abs(
            row.p75 -
              quantile(
                values.map((v) => v.value),
                0.75,
              ),
          ) < 1e-9,
          `${row.metric} ${row.path}`,
        );
        const [good, poor] = VITAL_THRESHOLDS[row.metric];
        assert.equal(row.good, values.filter((v) => v.value <= good).length / values.length);
        assert.equal(row.poor, values.filter((v) => v.value > poor).length / values.length);
        const poorEls = values.filter((v) => v.value > poor);
        if (poorEls.length) {
          const top = row.poorElements[0]!;
          assert.equal(
            top.count,
            Math.max(
              ...['vt-gallery[product=p1]>part(image)[0]', 'body>main>h1'].map(
                (e) => poorEls.filter((v) => v.element === e).length,
              ),
            ),
          );
        }
      }
    });

    it('experiments: exposures, conversions after exposure, lift with an interval, and a sample-ratio mismatch', async () => {
      const report = await experimentsReport(store);
      for (const experiment of ['balanced', 'skewed']) {
        const result = report.experiments.find((e) => e.experiment === experiment)!;
        assert.equal(result.control, 'control');
        for (const variant of result.variants) {
          const list = exposures.filter((e) => e.experiment === experiment && e.variant === variant.variant);
          assert.equal(variant.visitors, list.length, `${experiment} ${variant.variant}`);
          assert.equal(variant.converted, list.filter((e) => e.converted).length);
        }
        const treatment = result.variants.find((v) => v.variant === 'treatment')!;
        const control = result.variants.find((v) => v.variant === 'control')!;
        assert.ok(Math.abs(treatment.lift!.absolute - (treatment.rate - control.rate)) < 1e-12);
        assert.ok(
          treatment.lift!.low < treatment.lift!.absolute && treatment.lift!.absolute < treatment.lift!.high,
        );
      }
      assert.equal(report.experiments.find((e) => e.experiment === 'balanced')!.srm.mismatch, false);
      assert.equal(report.experiments.find((e) => e.experiment === 'skewed')!.srm.mismatch, true);
    });
  });

describe('vitrine report (command line)', () => {
  it('writes the funnel as SVG and CSV from a database file, naming the data range', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'vt-report-cli-'));
    try {
      const db = join(dir, 'events.duckdb');
      const store = await openDuckDBStore(db);
      const who = (n: number): Session => ({
        id: `cli${n}`,
        device: 'desktop',
        variant: 'a',
        names: [],
        start: T0,
      });
      const events = [0, 1, 2].flatMap((n) =>
        STEPS.slice(0, n + 2).map((name, k) => funnelEvent(who(n), name, T0 + n * 1000 + k)),
      );
      await store.insert(events, { site: 'cli-shop', receivedAt: Date.now() });
      await store.close();
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          ['--conditions=source', '--import', 'tsx', 'packages/collector/src/cli.ts', 'report', ...args],
          { encoding: 'utf8' },
        );
      const svg = join(dir, 'funnel.svg');
      const r1 = run('funnel', '--db', db, '--steps', STEPS.join(','), '--out', svg, '--since', '2026-11-01');
      assert.equal(r1.status, 0, r1.stderr);
      assert.match(r1.stdout, /view_item\s+3\s+100\.0%/);
      assert.match(r1.stdout, /purchase\s+1\s+33\.3%/);
      assert.match(readFileSync(svg, 'utf8'), /all sites, 2026-11-01T00:00:00\.000Z to …: 9 events read/);
      const csv = join(dir, 'funnel.csv');
      assert.equal(run('funnel', '--db', db, '--steps', STEPS.join(','), '--out', csv).status, 0);
      assert.match(readFileSync(csv, 'utf8'), /^all,all,add_to_cart,3,1\.0000,1\.0000,0$/m);
      const bad = run('funnel', '--db', db, '--steps', STEPS.join(','), '--since', 'yesterday-ish');
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /--since yesterday-ish is not a date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vitrine export, retention and forget (command line)', () => {
  it('exports Parquet and NDJSON an analyst can read, deletes old events and one visitor’s events', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'vt-export-cli-'));
    try {
      const db = join(dir, 'events.duckdb');
      const store = await openDuckDBStore(db);
      const now = Date.now();
      const old = wire('custom', { name: 'old' }, { session: 's-old', visitor: 'keep-me' }, now - 100 * DAY);
      const recent = [1, 2, 3].map((n) =>
        wire(
          'custom',
          { name: 'recent', props: { n } },
          { session: 's-new', visitor: 'keep-me' },
          now - n * 1000,
        ),
      );
      const mine = [1, 2].map((n) =>
        wire(
          'custom',
          { name: 'mine', props: { n } },
          { session: 's-me', visitor: 'forget-me' },
          now - n * 1000,
        ),
      );
      await store.insert([old, ...recent, ...mine], { site: 'shop', receivedAt: now });
      await store.close();
      const vitrine = (...args: string[]) =>
        spawnSync(
          process.execPath,
          ['--conditions=source', '--import', 'tsx', 'packages/collector/src/cli.ts', ...args],
          {
            encoding: 'utf8',
          },
        );

      const ndjson = join(dir, 'events.ndjson');
      const e1 = vitrine('export', '--db', db, '--format', 'ndjson', '--out', ndjson);
      assert.equal(e1.status, 0, e1.stderr);
      const lines = readFileSync(ndjson, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(lines.length, 6);
      assert.deepEqual(
        new Set(lines.map((l) => l['id'])),
        new Set([old, ...recent, ...mine].map((e) => e.id)),
      );
      assert.equal(lines[0]!['type'], 'custom');

      const parquet = join(dir, 'recent.parquet');
      const e2 = vitrine(
        'export',
        '--db',
        db,
        '--format',
        'parquet',
        '--out',
        parquet,
        '--since',
        new Date(now - DAY).toISOString(),
      );
      assert.equal(e2.status, 0, e2.stderr);
      const reader = await openDuckDBStore(':memory:');
      try {
        const rows = await reader.query<{ id: string }>(
          `SELECT id FROM read_parquet('${parquet}') ORDER BY ts`,
        );
        assert.deepEqual(new Set(rows.map((r) => r.id)), new Set([...recent, ...mine].map((e) => e.id)));
      } finally {
        await reader.close();
      }

      const r = vitrine('retention', '--db', db, '--days', '30');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^1 events older than 30 days deleted/);
      const f = vitrine('forget', '--db', db, '--visitor', 'forget-me');
      assert.match(f.stdout, /^2 events of visitor forget-me deleted/);
      const after = await openDuckDBStore(db);
      try {
        const left = await after.query<{ id: string }>('SELECT id FROM events');
        assert.deepEqual(new Set(left.map((l) => l.id)), new Set(recent.map((e) => e.id)));
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
