import { expect } from '@esm-bundle/chai';
import FakeTimers from '@sinonjs/fake-timers';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { fixture, until } from '@vitrine/testing';
import { WIRE_SCHEMA, type WireDataMap, type WireEvent, type WireEventType } from '@vitrine/schema';
import { deviceInfo } from '../src/device.js';
import { isPrivate } from '../src/privacy.js';
import { clicks } from '../src/sources/clicks.js';
import { moves } from '../src/sources/moves.js';
import { currentMaxDepth, scroll } from '../src/sources/scroll.js';
import { visibility } from '../src/sources/visibility.js';
import type { ResolvedOptions, Source, SourceContext } from '../src/types.js';

/** A stand-in for a Vitrine component: a product tile with parts in an open shadow root. */
class TestTile extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `
      <style>:host { display: block; } button { display: block; width: 50%; height: 40px; }</style>
      <button part="add">Add to cart</button>
      <p>Only text here</p>
      <div data-vt-private><button part="secret">Secret</button></div>`;
  }
}
if (!customElements.get('vt-test-tile')) customElements.define('vt-test-tile', TestTile);

const OPTIONS: ResolvedOptions = {
  consent: 'granted',
  respectGpc: true,
  sampleSessions: 1,
  sampleReplay: 0,
  moves: true,
  vitals: false,
  debug: false,
  idleMs: 1_800_000,
  flushMs: 5000,
  maxEvents: 5000,
  maxAgeMs: 604_800_000,
  dbName: 'unused',
};

type Recorded = { [T in WireEventType]: { type: T; data: WireDataMap[T] } }[WireEventType];
const stops: (() => void)[] = [];

/** Starts `source` with a context that records what it emits. */
function start(source: Source) {
  const events: Recorded[] = [];
  const context: SourceContext = {
    emit: (type, data) => void events.push({ type, data } as Recorded),
    options: OPTIONS,
    isPrivate,
  };
  let stop = source(context);
  stops.push(() => stop());
  const of = <T extends WireEventType>(type: T) =>
    events.filter((e) => e.type === type).map((e) => e.data as WireDataMap[T]);
  return {
    events,
    of,
    stop: () => {
      stop();
      stop = () => undefined;
    },
  };
}

const centre = (el: Element): [number, number] => {
  const box = el.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};
const click = (el: Element) => sendMouse({ type: 'click', position: centre(el) });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

let batches = 0;
/** Posts `events` in envelopes to the test collector, which checks them against wire.schema.json. */
async function expectValid(events: readonly Recorded[]): Promise<void> {
  expect(events.length, 'events to check').to.be.greaterThan(0);
  const key = `heatmap-${Date.now().toString(36)}-${++batches}`;
  const wire = events.map(
    (e, seq) =>
      ({
        schema: WIRE_SCHEMA,
        id: `test-${key}-${seq}`,
        ts: Date.now(),
        sessionId: 's1',
        visitorId: 'v1',
        seq,
        page: { url: location.href, path: location.pathname },
        device: deviceInfo(),
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

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await resetMouse();
  scrollTo(0, 0);
});

describe('clicks', () => {
  it('keys a click in a shadow root by component and product, with the same fractions at 1200 and 400 px', async () => {
    const tile = await fixture(`<vt-test-tile product-id="p0001" sku="p0001-m"></vt-test-tile>`);
    const add = tile.shadowRoot!.querySelector('[part=add]')!;
    const { events, of } = start(clicks);
    const widths = [1200, 400];
    try {
      for (const width of widths) {
        await setViewport({ width, height: 700 });
        await click(add);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
    const got = of('click');
    expect(got).to.have.length(2);
    const [wide, narrow] = got;
    for (const c of got) {
      expect(c).to.include({
        elementKey: 'vt-test-tile[product=p0001][sku=p0001-m]>part(add)',
        component: 'vt-test-tile',
        productId: 'p0001',
        sku: 'p0001-m',
      });
      expect(c.offsetX).to.be.closeTo(0.5, 0.05);
      expect(c.offsetY).to.be.closeTo(0.5, 0.05);
      expect(Number.isInteger(c.pageX) && Number.isInteger(c.pageY)).to.equal(true);
      expect(c.rage).to.equal(undefined);
      expect(c.dead).to.equal(undefined);
    }
    // The button is half the tile wide: its centre moved with the viewport, the fractions did not.
    expect(wide!.pageX - narrow!.pageX).to.be.closeTo(200, 10);
    expect(deviceInfo().class).to.equal('tablet');
    await expectValid(events);
  });

  it('sends nothing about password, card or [data-vt-private] fields, nor what is typed', async () => {
    const page = await fixture(`<form>
      <input id="name" /><input id="pw" type="password" /><input id="card" autocomplete="cc-number" />
      <vt-test-tile product-id="p0001"></vt-test-tile>
    </form>`);
    const tile = page.querySelector('vt-test-tile')!;
    const { events, of } = start(clicks);
    const movesRecorder = start(moves);
    for (const el of [
      page.querySelector('#pw')!,
      page.querySelector('#card')!,
      tile.shadowRoot!.querySelector('[part=secret]')!,
    ]) {
      await sendMouse({ type: 'move', position: centre(el) });
      await wait(120);
      await click(el);
      await sendKeys({ type: '4242 4242 hunter2' });
    }
    await wait(120);
    movesRecorder.stop();
    expect(events, 'no click on a private field').to.deep.equal([]);
    expect(movesRecorder.events, 'no point over a private field').to.deep.equal([]);
    await click(page.querySelector('#name')!);
    await sendKeys({ type: 'Alice Typed' });
    await wait(50);
    expect(of('click').map((c) => c.elementKey)).to.deep.equal(['#name']);
    expect(JSON.stringify(events)).to.not.match(/Alice|4242|hunter2|secret/i);
  });

  it('marks the third and later of fast clicks on one spot as rage clicks', async () => {
    const page = await fixture(`<button id="b" style="width: 200px; height: 60px">Hurry</button>`);
    const { events, of } = start(clicks);
    for (let i = 0; i < 4; i++) await click(page);
    expect(of('click').map((c) => c.rage === true)).to.deep.equal([false, false, true, true]);
    await wait(1100);
    await click(page);
    expect(of('click').at(-1)!.rage).to.equal(undefined);
    await expectValid(events);
  });

  it('reports a click on plain text as dead when nothing happens for a second', async () => {
    const tile = await fixture(`<vt-test-tile product-id="p0001"></vt-test-tile>`);
    const text = tile.shadowRoot!.querySelector('p')!;
    const { events, of } = start(clicks);
    const clicked = performance.now();
    await click(text);
    await wait(300);
    expect(of('click'), 'held for a second').to.have.length(0);
    await until(() => of('click').length === 1, 2000, 'the dead click');
    expect(performance.now() - clicked).to.be.at.least(950);
    expect(of('click')[0]).to.include({ elementKey: 'vt-test-tile[product=p0001]>p', dead: true });
    await expectValid(events);
  });

  it('does not call a click dead when the page responds', async () => {
    const page = await fixture(`<div>
      <button id="more" type="button">More</button><div id="panel" style="height: 40px">Open panel</div><ul></ul>
    </div>`);
    const list = page.querySelector('ul')!;
    const add = () => list.append(document.createElement('li'));
    page.querySelector('#more')!.addEventListener('click', add);
    // Not made to be clicked, but a script answers: the DOM change decides.
    page.querySelector('#panel')!.addEventListener('click', () => setTimeout(add, 200));
    const { of } = start(clicks);
    await click(page.querySelector('#more')!);
    expect(of('click'), 'a button is emitted at once').to.have.length(1);
    await click(page.querySelector('#panel')!);
    await until(() => of('click').length === 2, 900, 'the live click');
    await wait(1100);
    expect(of('click').map((c) => c.dead)).to.deep.equal([undefined, undefined]);
    expect(of('click').map((c) => c.elementKey)).to.deep.equal(['#more', '#panel']);
  });

  it('counts a click on a label once, not again for the click it forwards to its checkbox', async () => {
    const page = await fixture(`<div><label id="gift"><input type="checkbox" /> Gift wrap</label></div>`);
    const { events, of } = start(clicks);
    await click(page.querySelector('label')!);
    await wait(50);
    expect(page.querySelector('input')!.checked).to.equal(true);
    expect(of('click').map((c) => c.elementKey)).to.deep.equal(['#gift']);
    await expectValid(events);
  });
});

describe('scroll', () => {
  it('reports the deepest point seen once per hide, and on stop only if deeper', async () => {
    await fixture(`<div style="height: 4000px">tall</div>`);
    const { events, of, stop } = start(scroll);
    await frame();
    await frame();
    const height = document.documentElement.scrollHeight;
    expect(currentMaxDepth()).to.be.closeTo(innerHeight / height, 0.01);
    scrollTo(0, 1500);
    await until(() => currentMaxDepth() > 0.4, 2000, 'the scroll to be measured');
    scrollTo(0, 0);
    await frame();
    await frame();
    expect(currentMaxDepth()).to.be.closeTo((1500 + innerHeight) / height, 0.01);
    dispatchEvent(new PageTransitionEvent('pagehide'));
    stop();
    const got = of('scroll');
    expect(got).to.have.length(1);
    expect(got[0]!.maxDepth).to.be.closeTo((1500 + innerHeight) / height, 0.01);
    expect(got[0]!.pageHeight).to.equal(height);
    await expectValid(events);
  });
});

describe('moves', () => {
  it('samples real pointer movement at most every 100 ms, keyed like clicks', async () => {
    const tile = await fixture(`<vt-test-tile product-id="p0001"></vt-test-tile>`);
    const add = tile.shadowRoot!.querySelector('[part=add]')!;
    const { events, of, stop } = start(moves);
    const [x, y] = centre(add);
    const began = performance.now();
    for (let i = 0; i < 16; i++) await sendMouse({ type: 'move', position: [x - 8 + i, y] });
    const elapsed = performance.now() - began;
    stop();
    const batches = of('move');
    expect(batches).to.have.length(1);
    const points = batches[0]!.points;
    expect(points.length).to.be.within(1, Math.ceil(elapsed / 100) + 1);
    for (const p of points) {
      expect(p.elementKey).to.equal('vt-test-tile[product=p0001]>part(add)');
      expect(p.offsetX).to.be.within(0.3, 0.7);
      expect(Number.isInteger(p.t) && p.t >= 0).to.equal(true);
    }
    for (let i = 1; i < points.length; i++) expect(points[i]!.t - points[i - 1]!.t).to.be.at.least(100);
    await expectValid(events);
  });

  it('sends 50 points per move event and the rest on hide', async () => {
    const page = await fixture(`<div style="width: 300px; height: 100px"></div>`);
    const [x, y] = centre(page);
    const clock = FakeTimers.install({ toFake: ['performance'] });
    try {
      const { of } = start(moves);
      const move = (dx: number) =>
        page.dispatchEvent(
          new PointerEvent('pointermove', {
            pointerType: 'mouse',
            clientX: x + dx,
            clientY: y,
            bubbles: true,
            composed: true,
          }),
        );
      for (let i = 0; i < 130; i++) {
        move(i % 100);
        move(i % 100); // within the same 100 ms: dropped
        clock.tick(100);
      }
      expect(of('move').map((m) => m.points.length)).to.deep.equal([50, 50]);
      dispatchEvent(new PageTransitionEvent('pagehide'));
      const batches = of('move');
      expect(batches.map((m) => m.points.length)).to.deep.equal([50, 50, 30]);
      expect(batches[2]!.points.at(-1)!.t).to.equal(12_900);
    } finally {
      clock.uninstall();
    }
  });
});

describe('visibility', () => {
  it('counts how long each component was at least half in view, including ones added later', async () => {
    const page = await fixture(`<div>
      <div style="height: 1500px"></div>
      <vt-test-tile product-id="p0009" style="height: 200px"></vt-test-tile>
      <div style="height: 1500px"></div>
    </div>`);
    const { events, of, stop } = start(visibility);
    await wait(300);
    const tile = page.querySelector('vt-test-tile')!;
    tile.scrollIntoView({ block: 'center' });
    const shown = performance.now();
    const late = document.createElement('vt-test-tile');
    late.setAttribute('promotion-id', 'spring');
    tile.after(late);
    await wait(700);
    stop();
    const elapsed = performance.now() - shown;
    const got = of('visibility');
    const first = got.find((v) => v.elementKey === 'vt-test-tile[product=p0009]')!;
    expect(first.component).to.equal('vt-test-tile');
    expect(first.visibleMs).to.be.within(450, elapsed + 20);
    const added = got.find((v) => v.elementKey === 'vt-test-tile[promotion=spring]')!;
    expect(added.visibleMs).to.be.within(100, elapsed - 200);
    expect(got).to.have.length(2);
    await expectValid(events);
  });
});
