// `vitrine report replays`: the recorded sessions listed (DuckDB and ClickHouse), and one written
// as a self-contained HTML file that plays offline in Chromium with rrweb's own Replayer.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import {
  openClickHouseStore,
  openDuckDBStore,
  replayHtml,
  replaysCsv,
  replaysReport,
  type EventStore,
} from '@vitrine/collector';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { clickhouseBinary, startClickHouse, type ClickHouseServer } from './clickhouse-server.js';

const T0 = Date.UTC(2026, 10, 3, 10);
const HOSTILE = '</script><img src=x onerror="window.pwned=1">';
let serial = 0;

function wire(session: string, type: string, data: unknown, ts: number, path = '/'): WireEvent {
  serial++;
  return {
    schema: WIRE_SCHEMA,
    id: `rp-${process.pid}-${serial}`,
    ts,
    sessionId: session,
    visitorId: `v-${session}`,
    seq: serial,
    page: { url: `https://shop.example${path}`, path },
    device: { class: session.endsWith('m') ? 'mobile' : 'desktop', viewportWidth: 1280, viewportHeight: 800 },
    type,
    data,
  } as WireEvent;
}

/** A small rrweb recording in rrweb's own format: meta, a full snapshot, one text mutation. */
function recording(ts: number): unknown[][] {
  const snapshot = {
    type: 0,
    id: 1,
    childNodes: [
      {
        type: 2,
        tagName: 'html',
        attributes: {},
        id: 2,
        childNodes: [
          {
            type: 2,
            tagName: 'body',
            attributes: {},
            id: 3,
            childNodes: [
              {
                type: 2,
                tagName: 'h1',
                attributes: {},
                id: 4,
                childNodes: [{ type: 3, textContent: 'Canvas tote', id: 5 }],
              },
              {
                type: 2,
                tagName: 'p',
                attributes: {},
                id: 6,
                childNodes: [{ type: 3, textContent: HOSTILE, id: 7 }],
              },
            ],
          },
        ],
      },
    ],
  };
  return [
    [
      { type: 4, data: { href: 'https://shop.example/', width: 800, height: 600 }, timestamp: ts },
      { type: 2, data: { node: snapshot, initialOffset: { left: 0, top: 0 } }, timestamp: ts + 5 },
    ],
    [
      {
        type: 3,
        data: {
          source: 0,
          texts: [{ id: 5, value: 'Canvas tote (added)' }],
          attributes: [],
          removes: [],
          adds: [],
        },
        timestamp: ts + 400,
      },
    ],
  ];
}

function sessionEvents(session: string, start: number, pages: string[], recorded: boolean): WireEvent[] {
  const out = pages.map((path, i) =>
    wire(session, 'pageview', { navigationType: 'navigate' }, start + i * 1000, path),
  );
  out.push(
    wire(
      session,
      'click',
      { elementKey: 'main>h1', offsetX: 0.5, offsetY: 0.5, pageX: 10, pageY: 10 },
      start + 500,
    ),
  );
  if (recorded)
    recording(start).forEach((chunk, i) =>
      out.push(
        wire(
          session,
          'replay',
          { chunk: i, encoding: 'rrweb/json', payload: JSON.stringify(chunk) },
          start + i,
        ),
      ),
    );
  return out;
}

const clickhouse = clickhouseBinary();
let server: ClickHouseServer | null = null;
const dir = mkdtempSync(join(tmpdir(), 'vt-replays-'));
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const BACKENDS: { name: string; skip: string | false; open: () => Promise<EventStore> }[] = [
  { name: 'DuckDB', skip: false, open: () => openDuckDBStore(':memory:') },
  {
    name: 'ClickHouse',
    skip: clickhouse ? false : 'clickhouse-server is not installed',
    open: async () => {
      server ??= await startClickHouse(clickhouse!);
      return openClickHouseStore({ url: server.url, database: `vt_replays_${process.pid}` });
    },
  },
];

for (const backend of BACKENDS)
  describe(`vitrine report replays (${backend.name})`, { skip: backend.skip, timeout: 120_000 }, () => {
    it('lists recorded sessions only, newest first, with their pages, clicks and entry page', async () => {
      const store = await backend.open();
      try {
        await store.insert(
          [
            ...sessionEvents('rec-a', T0, ['/', '/product.html', '/cart.html'], true),
            ...sessionEvents('rec-bm', T0 + 60_000, ['/search.html'], true),
            ...sessionEvents('plain', T0 + 120_000, ['/'], false),
          ],
          { site: 'shop', receivedAt: Date.now() },
        );
        const report = await replaysReport(store, { range: { site: 'shop' } });
        assert.deepEqual(
          report.sessions.map((s) => [s.sessionId, s.device, s.chunks, s.pageviews, s.clicks, s.entry]),
          [
            ['rec-bm', 'mobile', 2, 1, 1, '/search.html'],
            ['rec-a', 'desktop', 2, 3, 1, '/'],
          ],
        );
        assert.equal(report.sessions[1]!.ended - report.sessions[1]!.started, 2000);
        const csv = replaysCsv(report);
        assert.match(csv.split('\n')[0]!, /^# shop, all time: 4 events read/);
        assert.match(csv, /^shop,rec-a,v-rec-a,desktop,2026-11-03T10:00:00\.000Z,2,2,3,1,0,\/$/m);
      } finally {
        await store.close();
      }
    });
  });

describe('a recording as a self-contained HTML player', { timeout: 120_000 }, () => {
  it('plays offline in Chromium with rrweb’s Replayer; recorded text stays text', async () => {
    const store = await openDuckDBStore(':memory:');
    await store.insert(sessionEvents('rec-a', T0, ['/'], true), { site: 'shop', receivedAt: Date.now() });
    await assert.rejects(replayHtml(store, 'shop', 'nobody'), /no playable recording/);
    const file = join(dir, 'replay.html');
    writeFileSync(file, await replayHtml(store, 'shop', 'rec-a'));
    await store.close();
    const browser = await puppeteer.launch({
      executablePath: findChrome(),
      headless: true,
      args: CHROME_ARGS,
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(
        () => {
          const frame = document.querySelector<HTMLIFrameElement>('#player iframe');
          return frame?.contentDocument?.querySelector('h1')?.textContent === 'Canvas tote (added)';
        },
        { timeout: 20_000 },
      );
      const text = await page.evaluate(
        () =>
          document.querySelector<HTMLIFrameElement>('#player iframe')!.contentDocument!.querySelector('p')!
            .textContent,
      );
      assert.equal(text, HOSTILE);
      assert.equal(await page.evaluate(() => (window as { pwned?: number }).pwned), undefined);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
