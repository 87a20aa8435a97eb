import { expect } from '@esm-bundle/chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { fixture, until } from '@vitrine/testing';
import { WIRE_SCHEMA, type VitalData, type WireEvent } from '@vitrine/schema';
import { isPrivate } from '../src/privacy.js';
import { vitals } from '../src/sources/vitals.js';
import type { ResolvedOptions, SourceContext } from '../src/types.js';

const OPTIONS: ResolvedOptions = {
  consent: 'granted',
  respectGpc: true,
  sampleSessions: 1,
  sampleReplay: 0,
  moves: false,
  vitals: true,
  debug: false,
  idleMs: 1_800_000,
  flushMs: 5000,
  maxEvents: 5000,
  maxAgeMs: 604_800_000,
  dbName: 'unused',
};

function start() {
  const vitalsSeen: VitalData[] = [];
  const context: SourceContext = {
    emit: (type, data) => {
      if (type === 'vital') vitalsSeen.push(data as VitalData);
    },
    options: OPTIONS,
    isPrivate,
  };
  const stop = vitals(context);
  const named = (name: VitalData['name']) => vitalsSeen.filter((v) => v.name === name);
  return { vitalsSeen, named, stop };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const centre = (el: Element): [number, number] => {
  const box = el.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};

/** Pretends the tab was hidden (the real `visibilityState` is read-only), which web-vitals listens for. */
function hide(): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * A stand-in component: its hero image (the largest paint) and its slow "add" button are inside
 * its shadow root, where Event Timing and LCP entries cannot name them.
 */
class TestHero extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `
      <style>:host { display: block; } img { display: block; width: 480px; height: 320px; }</style>
      <h1>Summer sale</h1>
      <button part="add">Add to cart</button>
      <img part="image" alt="A linen shirt">`;
  }
}
if (!customElements.get('vt-test-hero')) customElements.define('vt-test-hero', TestHero);

/** A real PNG, served from a blob URL. */
async function pictureUrl(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 480;
  canvas.height = 320;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#c84';
  g.fillRect(0, 0, 480, 320);
  g.fillStyle = '#fff';
  g.fillRect(40, 40, 200, 120);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return URL.createObjectURL(blob);
}

const webVitalsFetched = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('web-vitals'));

after(async () => {
  Reflect.deleteProperty(document, 'visibilityState');
  await resetMouse();
});

describe('vitals', () => {
  it('loads web-vitals only when started, and sends LCP, INP, CLS, FCP and TTFB once each with their attribution', async () => {
    const root = await fixture(`
      <div>
        <div id="slot"></div>
        <vt-test-hero product-id="p0001"></vt-test-hero>
      </div>`);
    const hero = root.querySelector('vt-test-hero')!.shadowRoot!;
    const img = hero.querySelector('img')!;
    img.src = await pictureUrl();
    await img.decode();
    await frame();
    await frame();
    // A layout shift of the page's content, well before any input.
    root.querySelector('#slot')!.setAttribute('style', 'height: 120px');
    await frame();
    await frame();

    expect(webVitalsFetched(), 'web-vitals loaded before the source started').to.equal(false);
    const { vitalsSeen, named, stop } = start();
    try {
      await until(() => named('FCP').length > 0 && named('TTFB').length > 0, 5000, 'FCP and TTFB');
      expect(webVitalsFetched(), 'web-vitals loaded by the source').to.equal(true);

      // A real, slow interaction: the click handler keeps the main thread busy for 80 ms.
      const button = hero.querySelector('button')!;
      button.addEventListener('click', () => {
        const end = performance.now() + 80;
        while (performance.now() < end) {
          // Busy: what makes an interaction slow.
        }
      });
      // The event timing entry comes after the next paint; web-vitals then reads it when idle.
      const measured = new Promise<void>((resolve) => {
        const po = new PerformanceObserver((list) => {
          if (!list.getEntries().some((e) => (e as PerformanceEventTiming).interactionId)) return;
          po.disconnect();
          resolve();
        });
        po.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      });
      await sendMouse({ type: 'click', position: centre(button) });
      await measured;
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
      // The click also finalises LCP (reported when idle).
      await until(() => named('LCP').length > 0, 3000, 'LCP after the first input');

      hide();
      await until(() => named('INP').length > 0 && named('CLS').length > 0, 3000, 'INP and CLS at page hide');
      // Hidden again and closed: nothing is sent twice.
      document.dispatchEvent(new Event('visibilitychange'));
      dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await wait(50);

      expect(vitalsSeen.map((v) => v.name).sort()).to.deep.equal(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
      for (const v of vitalsSeen) {
        expect(['good', 'needs-improvement', 'poor'], v.name).to.include(v.rating);
        expect(v.value, v.name).to.be.at.least(0);
        expect(v.navigationType, v.name).to.be.a('string');
        // JSON-safe: nothing but strings, numbers and booleans.
        for (const value of Object.values(v.attribution ?? {}))
          expect(['string', 'number', 'boolean'], `${v.name} attribution`).to.include(typeof value);
      }

      // Elements are named by their heatmap keys, inside the component's shadow root.
      const [lcp] = named('LCP');
      expect(lcp!.attribution).to.include({
        target: 'vt-test-hero[product=p0001]>part(image)',
        url: img.src,
      });
      for (const part of [
        'timeToFirstByte',
        'resourceLoadDelay',
        'resourceLoadDuration',
        'elementRenderDelay',
      ])
        expect(lcp!.attribution, part).to.have.property(part).that.is.a('number');

      const [inp] = named('INP');
      expect(inp!.value).to.be.at.least(80);
      expect(inp!.attribution).to.include({
        interactionType: 'pointer',
        interactionTarget: 'vt-test-hero[product=p0001]>part(add)',
      });
      for (const phase of ['inputDelay', 'processingDuration', 'presentationDelay'])
        expect(inp!.attribution, phase).to.have.property(phase).that.is.a('number');
      expect(inp!.attribution!['processingDuration']).to.be.at.least(75);

      const [cls] = named('CLS');
      expect(cls!.value).to.be.greaterThan(0);
      // Layout Instability names no node inside a shadow root: the first shifted node outside one.
      expect(cls!.attribution).to.have.property('largestShiftTarget').that.matches(/^.+$/);
      expect(cls!.attribution).to.have.property('largestShiftValue').that.is.a('number');

      const [fcp] = named('FCP');
      expect(fcp!.attribution).to.have.property('firstByteToFCP').that.is.a('number');

      // Every vital is a valid wire event.
      const key = `vitals-${Date.now().toString(36)}`;
      const wire = vitalsSeen.map(
        (data, seq) =>
          ({
            schema: WIRE_SCHEMA,
            id: `test-${key}-${seq}`,
            ts: Date.now(),
            sessionId: 's1',
            visitorId: 'v1',
            seq,
            page: { url: location.href, path: location.pathname },
            type: 'vital',
            data,
          }) as WireEvent,
      );
      const res = await fetch(`/__test__/collect/${key}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ schema: WIRE_SCHEMA, sentAt: Date.now(), events: wire }),
      });
      expect(res.status, await res.clone().text()).to.equal(200);

      // A tracker started again on the same page does not send them again.
      const again = start();
      await wait(100);
      again.stop();
      expect(again.vitalsSeen).to.deep.equal([]);
    } finally {
      stop();
    }
  });
});
