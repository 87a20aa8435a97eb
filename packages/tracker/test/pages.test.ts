import { expect } from '@esm-bundle/chai';
import { fixture, until } from '@vitrine/testing';
import { WIRE_SCHEMA, type WireDataMap, type WireEvent, type WireEventType } from '@vitrine/schema';
import { isPrivate } from '../src/privacy.js';
import { pages } from '../src/sources/pages.js';
import { scroll } from '../src/sources/scroll.js';
import type { ResolvedOptions, Source, SourceContext } from '../src/types.js';

const OPTIONS: ResolvedOptions = {
  consent: 'granted',
  respectGpc: true,
  sampleSessions: 1,
  sampleReplay: 0,
  moves: false,
  vitals: false,
  debug: false,
  idleMs: 1_800_000,
  flushMs: 5000,
  maxEvents: 5000,
  maxAgeMs: 604_800_000,
  dbName: 'unused',
};

/** What a source emitted, with the URL the page showed at that moment (as the envelope would). */
type Recorded = { [T in WireEventType]: { type: T; data: WireDataMap[T]; url: string } }[WireEventType];

const START = location.pathname + location.search;
const stops: (() => void)[] = [];

/** Starts `sources` on one context that records what they emit. */
function start(...sources: Source[]) {
  const events: Recorded[] = [];
  const context: SourceContext = {
    emit: (type, data) => void events.push({ type, data, url: location.href } as Recorded),
    options: OPTIONS,
    isPrivate,
  };
  const running = sources.map((source) => source(context));
  const stop = () => {
    for (const s of running.splice(0)) s();
  };
  stops.push(stop);
  const names = () =>
    events.map((e) =>
      e.type === 'pageview'
        ? `pageview:${e.data.navigationType}`
        : e.type === 'custom'
          ? e.data.name
          : e.type,
    );
  const views = () => events.flatMap((e) => (e.type === 'pageview' ? [e] : []));
  const leaves = () =>
    events.flatMap((e) => (e.type === 'custom' && e.data.name === 'page_leave' ? [e] : []));
  return { events, names, views, leaves, stop };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pretends the tab was hidden (the real `visibilityState` is read-only): what web-vitals and we listen to. */
function hide(): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}
function show(): void {
  Reflect.deleteProperty(document, 'visibilityState');
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Posts `events` in envelopes to the test collector, which checks them against wire.schema.json. */
async function expectValid(events: readonly Recorded[]): Promise<void> {
  const key = `pages-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const wire = events.map(
    ({ url, ...e }, seq) =>
      ({
        schema: WIRE_SCHEMA,
        id: `test-${key}-${seq}`,
        ts: Date.now(),
        sessionId: 's1',
        visitorId: 'v1',
        seq,
        page: { url, path: new URL(url).pathname },
        ...e,
      }) as WireEvent,
  );
  const res = await fetch(`/__test__/collect/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ schema: WIRE_SCHEMA, sentAt: Date.now(), events: wire }),
  });
  expect(res.status, await res.clone().text()).to.equal(200);
}

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  Reflect.deleteProperty(document, 'visibilityState');
  history.replaceState(null, '', START);
});

describe('pages', () => {
  it('emits a page view on start with the navigation type of the document', () => {
    const { events } = start(pages);
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({ type: 'pageview', data: { navigationType: entry.type } });
  });

  it('turns a pushState to another path into a page leave (visible ms, depth, path) and an spa page view', async () => {
    await fixture(`<div style="height: 3000px">A long page</div>`);
    const { events, names, leaves, views } = start(scroll, pages);
    await wait(60);
    history.pushState({}, '', '/spa/products?utm_source=newsletter&utm_medium=email');
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave', 'scroll', 'pageview:spa']);
    const [leave] = leaves();
    // Sent while the URL still names the page that was left.
    expect(new URL(leave!.url).pathname + new URL(leave!.url).search).to.equal(START);
    const props = leave!.data.props!;
    expect(props['path']).to.equal(new URL(START, location.href).pathname);
    expect(Number.isInteger(props['ms'])).to.equal(true);
    expect(props['ms']).to.be.within(50, 5000);
    expect(props['max_depth']).to.be.greaterThan(0).and.lessThan(1);
    // The new page view's URL keeps the UTM parameters (the tracker's envelope carries it).
    expect(views()[1]!.url).to.include('utm_source=newsletter');
    await expectValid(events);
  });

  it('counts replaceState to a new query, but not a state-only replaceState or pushState to the same URL', () => {
    const { names } = start(pages);
    history.replaceState({ scrollY: 10 }, '');
    history.replaceState({ scrollY: 20 }, '', location.href);
    history.pushState({ modal: true }, '', location.pathname + location.search);
    expect(names()).to.deep.equal(['pageview:navigate']);
    history.replaceState({}, '', '/spa/search?q=shoes');
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave', 'pageview:spa']);
  });

  it('follows the back button (popstate) to the earlier route', async () => {
    const { names, views, leaves } = start(pages);
    history.pushState({}, '', '/spa/a');
    history.pushState({}, '', '/spa/b');
    history.back();
    await until(() => views().length === 4, 2000, 'the popstate page view');
    expect(names()).to.deep.equal([
      'pageview:navigate',
      'page_leave',
      'pageview:spa',
      'page_leave',
      'pageview:spa',
      'page_leave',
      'pageview:spa',
    ]);
    expect(new URL(views()[3]!.url).pathname).to.equal('/spa/a');
    expect(leaves()[2]!.data.props!['path']).to.equal('/spa/b');
  });

  it('does not count a change of the hash alone, but does count a hash-router route', async () => {
    const { names } = start(pages);
    history.pushState({}, '', '#reviews');
    location.hash = 'details';
    await wait(30);
    expect(names()).to.deep.equal(['pageview:navigate']);
    location.hash = '/cart';
    await until(() => names().length === 3, 2000, 'the hash route page view');
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave', 'pageview:spa']);
  });

  it('emits the page leave once when the page is hidden, then again only after the next route', () => {
    const { names, leaves } = start(pages);
    hide();
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    show();
    hide();
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave']);
    expect(Number.isInteger(leaves()[0]!.data.props!['ms'])).to.equal(true);
    show();
    history.pushState({}, '', '/spa/after');
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave', 'pageview:spa']);
  });

  it('does not count hidden time as time on page', async () => {
    const { leaves } = start(pages);
    hide();
    // A route change while hidden starts a page view that has not been seen yet.
    history.pushState({}, '', '/spa/background');
    await wait(120);
    show();
    const shown = performance.now();
    await wait(40);
    const visible = performance.now() - shown;
    history.pushState({}, '', '/spa/next');
    const ms = leaves()[1]!.data.props!['ms'] as number;
    expect(ms).to.be.at.least(39);
    expect(Math.abs(ms - visible)).to.be.lessThan(5);
  });

  it('starts a new page view when the page comes back from the back/forward cache', () => {
    const { names } = start(pages);
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave', 'pageview:back_forward']);
  });

  it('restores the history methods when stopped, and then records nothing', () => {
    const push = history.pushState;
    const replace = history.replaceState;
    const { names, stop } = start(pages);
    expect(history.pushState).to.not.equal(push);
    stop();
    expect(history.pushState).to.equal(push);
    expect(history.replaceState).to.equal(replace);
    expect(Object.keys(history)).to.deep.equal([]);
    // Stopping ends the page view.
    expect(names()).to.deep.equal(['pageview:navigate', 'page_leave']);
    history.pushState({}, '', '/spa/after-stop');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(names()).to.have.length(2);
  });

  it('leaves a later wrapper of pushState in place when stopped, without recording through it', () => {
    const push = history.pushState;
    const { names, stop } = start(pages);
    const ours = history.pushState;
    const router = function (this: History, ...args: Parameters<History['pushState']>) {
      ours.apply(this, args);
    };
    history.pushState = router;
    try {
      stop();
      expect(history.pushState).to.equal(router);
      history.pushState({}, '', '/spa/router');
      expect(location.pathname).to.equal('/spa/router');
      expect(names()).to.deep.equal(['pageview:navigate', 'page_leave']);
    } finally {
      Reflect.deleteProperty(history, 'pushState');
      expect(history.pushState).to.equal(push);
    }
  });
});
