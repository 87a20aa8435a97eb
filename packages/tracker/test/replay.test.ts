import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { ReplayData } from '@vitrine/schema';
import { until } from '@vitrine/testing';
import { LitElement, css, html } from 'lit';
// Types only: rrweb's recorder must not be loaded before the replay source asks for it.
import type { eventWithTime } from 'rrweb';
import { isPrivate } from '../src/privacy.js';
import { decodeReplay } from '@vitrine/schema/replay';
import type { RecorderOptions } from '../src/sources/replay-recorder.js';
import { createReplay, replay } from '../src/sources/replay.js';
import type { ResolvedOptions, SourceContext } from '../src/types.js';

// The default buffer (250) can be full of test-runner modules before rrweb is fetched.
performance.setResourceTimingBufferSize(10_000);

const OPTIONS: ResolvedOptions = {
  consent: 'granted',
  respectGpc: true,
  sampleSessions: 1,
  sampleReplay: 1,
  moves: false,
  vitals: false,
  debug: false,
  idleMs: 1_800_000,
  flushMs: 5000,
  maxEvents: 5000,
  maxAgeMs: 604_800_000,
  dbName: 'unused',
};

const CARD = '4242 4242 4242 4242';
const PASSWORD = 'hunter2-Secret!';
const TYPED = 'Bob typed this';
const SECRETS = [
  CARD,
  PASSWORD,
  'ALICE-PRIVATE',
  'CAROL-PRIVATE',
  'DAVE-PRIVATE',
  'EVE-PRIVATE',
  'FRANK-PRIVATE',
];
/** rgb() of the colours the adopted stylesheets set. */
const TOMATO = 'rgb(255, 99, 71)';
const TEAL = 'rgb(0, 128, 128)';

/** A fake tracker: keeps every `replay` event's data. */
function fakeContext(options: Partial<ResolvedOptions> = {}) {
  const chunks: ReplayData[] = [];
  const context: SourceContext = {
    emit: (type, data) => {
      if (type === 'replay') chunks.push(data as ReplayData);
    },
    options: { ...OPTIONS, ...options },
    isPrivate,
  };
  return { context, chunks };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rrwebFetched = () =>
  performance.getEntriesByType('resource').some((entry) => /\/@rrweb\/record\//.test(entry.name));

/** Loaded when a test needs it, never at the top: the first test checks rrweb is not fetched early. */
async function startRecorder(context: SourceContext, options?: RecorderOptions) {
  const m = await import('../src/sources/replay-recorder.js');
  return m.startRecorder(context, options);
}

/**
 * Like a Lit component without Lit: an open shadow root styled by a constructable stylesheet in
 * `adoptedStyleSheets`, set up when connected. A `private` attribute adds a `[data-vt-private]`
 * part inside the shadow root, with a slot named `secret`.
 */
const cardSheet = new CSSStyleSheet();
cardSheet.replaceSync(`:host { display: block; }
  .box { width: 120px; height: 40px; background-color: tomato; color: white; }`);
class DemoCard extends HTMLElement {
  connectedCallback(): void {
    // Not in a replay: rrweb's Replayer creates elements with the host page's `document`, where
    // this test defined the tag, so the replay would otherwise run this code instead of showing
    // only what was recorded.
    if (this.shadowRoot || this.ownerDocument !== document) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [cardSheet];
    root.innerHTML = `<div class="box" part="box">Card</div>${
      this.hasAttribute('private')
        ? '<div class="secret" data-vt-private>ALICE-PRIVATE<slot name="secret"></slot></div>'
        : ''
    }`;
  }
}
if (!customElements.get('vt-demo-card')) customElements.define('vt-demo-card', DemoCard);

/** A real Lit component (Lit adopts `static styles` as constructable stylesheets in Chromium). */
class DemoLit extends LitElement {
  static override styles = css`
    .box {
      width: 80px;
      height: 30px;
      background-color: teal;
    }
  `;
  override connectedCallback(): void {
    // Not in a replay (see DemoCard).
    if (this.ownerDocument === document) super.connectedCallback();
  }
  override render() {
    return html`<div class="box">Lit</div>`;
  }
}
if (!customElements.get('vt-demo-lit')) customElements.define('vt-demo-lit', DemoLit);

/** Every chunk's raw payload and the decoded events, with their JSON text. */
async function decoded(chunks: ReplayData[]) {
  const events = (await decodeReplay(chunks)) as eventWithTime[];
  return { events, text: JSON.stringify(events), raw: chunks.map((c) => c.payload).join('\n') };
}

/** The chunk numbers `chunks` should have: consecutive from the first (they count per tab). */
const consecutive = (chunks: ReplayData[]) => chunks.map((_, i) => (chunks[0]?.chunk ?? 0) + i);

let page: HTMLElement | undefined;
function mount(markup: string): HTMLElement {
  page = document.createElement('div');
  // Test markup written by the test author.
  page.innerHTML = markup;
  document.body.append(page);
  return page;
}

describe('replay', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    page?.remove();
    page = undefined;
  });

  it('fetches rrweb only when a sampled-in session starts recording', async () => {
    expect(rrwebFetched(), 'rrweb before any source started').to.equal(false);
    // Sampled out, by the injected decision and by `sampleReplay: 0`: nothing is fetched.
    createReplay({ sampled: () => false })(fakeContext().context)();
    const off = fakeContext({ sampleReplay: 0 });
    replay(off.context)();
    await wait(200);
    expect(rrwebFetched(), 'rrweb for a sampled-out session').to.equal(false);
    expect(off.chunks).to.deep.equal([]);

    const { context, chunks } = fakeContext();
    const stop = replay(context);
    await until(() => rrwebFetched(), 5000, 'rrweb to be fetched');
    await wait(300);
    stop();
    await until(() => chunks.length > 0, 3000, 'the last chunk on stop');
    const { events } = await decoded(chunks);
    expect(events.map((e) => e.type)).to.include.members([4, 2]); // Meta, FullSnapshot
    expect(chunks[0]).to.include({ chunk: 0, encoding: 'rrweb/gzip+base64' });
  });

  it('emits everything at once, as JSON, when the page is left', async () => {
    mount(`<p id="ticker">0</p>`);
    const { context, chunks } = fakeContext();
    const stop = replay(context);
    await until(() => rrwebFetched(), 5000, 'rrweb to be fetched');
    await wait(200);
    // Hidden first (a gzip chunk starts compressing), then left before it is done.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    const ticker = page?.querySelector('#ticker');
    if (ticker) ticker.textContent = '1';
    await Promise.resolve(); // the mutation observer's callback
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    // Synchronously: the tracker writes its last batch right after.
    expect(chunks.length).to.be.at.least(1);
    expect(chunks.every((c) => c.encoding === 'rrweb/json')).to.equal(true);
    const emitted = chunks.length;
    stop();
    delete (document as { visibilityState?: unknown }).visibilityState;
    await wait(100);
    expect(chunks.length, 'the compressed copy is not emitted as well').to.equal(emitted);
    const { events } = await decoded(chunks);
    expect(events.map((e) => e.type)).to.include.members([4, 2]);
    expect(JSON.stringify(events)).to.include('"textContent":"1"');
    // The page URL loses its secrets (here the test runner's session id).
    const meta = events.find((e) => e.type === 4);
    expect(meta?.type === 4 && meta.data.href)
      .to.be.a('string')
      .and.not.include('session');
  });

  for (const gzip of [true, false]) {
    it(`never records typed text, card numbers, passwords or private content (${gzip ? 'gzip' : 'json'})`, async () => {
      mount(`
        <label>Name <input id="name" type="text"></label>
        <label>Card <input id="card" autocomplete="cc-number" inputmode="numeric"></label>
        <label>Password <input id="password" type="password"></label>
        <vt-demo-card id="shadowed" private><b slot="secret">FRANK-PRIVATE</b></vt-demo-card>
        <vt-demo-card id="host" data-vt-private></vt-demo-card>
        <p id="later"></p>`);
      const { context, chunks } = fakeContext();
      const recorder = await startRecorder(context, { gzip, flushMs: 100 });

      for (const [id, text] of [
        ['name', TYPED],
        ['card', CARD],
        ['password', PASSWORD],
      ] as const) {
        page?.querySelector<HTMLInputElement>(`#${id}`)?.focus();
        await sendKeys({ type: text });
        await sendKeys({ press: 'Tab' });
      }
      expect(page?.querySelector<HTMLInputElement>('#card')?.value).to.equal(CARD);
      expect(page?.querySelector<HTMLInputElement>('#password')?.value).to.equal(PASSWORD);

      // Content appearing after the first snapshot: in the shadow root of a private host (which
      // rrweb's blockSelector misses), in a private part of a shadow root, and a private element.
      const host = page?.querySelector('#host')?.shadowRoot;
      host?.append(Object.assign(document.createElement('span'), { textContent: 'CAROL-PRIVATE' }));
      const part = page?.querySelector('#shadowed')?.shadowRoot?.querySelector('.secret');
      part?.append(document.createTextNode(' EVE-PRIVATE'));
      page
        ?.querySelector('#later')
        ?.append(Object.assign(document.createElement('b'), { textContent: 'DAVE-PRIVATE' }));
      page?.querySelector('#later')?.setAttribute('data-vt-private', '');
      await wait(150);
      await recorder.stop();

      const { events, text, raw } = await decoded(chunks);
      for (const secret of [...SECRETS, TYPED]) {
        expect(text, `decoded events hold "${secret}"`).not.to.include(secret);
        expect(raw, `payloads hold "${secret}"`).not.to.include(secret);
      }
      // Not vacuous: the typed name was recorded, masked.
      const inputs = events.filter((e) => e.type === 3 && e.data.source === 5);
      expect(JSON.stringify(inputs)).to.include('*'.repeat(TYPED.length));
      // The card and password fields are empty boxes of their size.
      expect(text).to.match(/"tagName":"input","attributes":\{"rr_width":"\d+(\.\d+)?px","rr_height"/);
      expect(text).to.include('"Card"');
    });
  }

  for (const useVirtualDom of [true, false]) {
    it(`replays our components' shadow roots styled by their adopted stylesheets (useVirtualDom: ${useVirtualDom})`, async () => {
      mount(`<vt-demo-card private></vt-demo-card>`);
      const { context, chunks } = fakeContext();
      const recorder = await startRecorder(context, { flushMs: 100 });
      await wait(50);
      // Added while recording: the mutation path (Lit adopts its styles in `connectedCallback`).
      const lit = document.createElement('vt-demo-lit') as DemoLit;
      page?.append(lit);
      await lit.updateComplete;
      await wait(150);
      await recorder.stop();

      const { events } = await decoded(chunks);
      const { Replayer } = await import('rrweb');
      const root = document.createElement('div');
      page?.append(root);
      const replayer = new Replayer(events, { root, mouseTail: false, showWarning: false, useVirtualDom });
      const first = events[0]?.timestamp ?? 0;
      const last = events.at(-1)?.timestamp ?? 0;
      // `pause(offset)` applies the events strictly before `first + offset`.
      replayer.pause(last - first + 1);
      const doc = replayer.iframe.contentDocument;
      const view = doc?.defaultView;
      const card = () => doc?.querySelector('vt-demo-card')?.shadowRoot;
      const litBox = () => doc?.querySelector('vt-demo-lit')?.shadowRoot?.querySelector('.box');
      // (Checked by tag: chai's message for a failed cross-window `instanceOf` never finishes.)
      await until(() => !!card()?.querySelector('.box') && !!litBox(), 2000, 'the replayed components');
      const cardBox = card()?.querySelector('.box');
      const litShown = litBox();
      if (!view || !cardBox || !litShown) throw new Error('the replay lost a component');
      expect(view.getComputedStyle(cardBox).backgroundColor).to.equal(TOMATO);
      expect(view.getComputedStyle(cardBox).width).to.equal('120px');
      expect(view.getComputedStyle(litShown).backgroundColor).to.equal(TEAL);
      // The private part is an empty box of its size.
      const secret = card()?.querySelector('.secret');
      expect(secret?.textContent).to.equal('');
      expect(secret?.getBoundingClientRect().height).to.be.above(0);
      replayer.destroy();
    });
  }

  it('takes a full snapshot periodically and numbers chunks in order', async () => {
    mount(`<p id="ticker">0</p>`);
    const { context, chunks } = fakeContext();
    const recorder = await startRecorder(context, { checkoutEveryNms: 100, flushMs: 80 });
    for (let i = 1; i <= 8; i++) {
      await wait(60);
      const ticker = page?.querySelector('#ticker');
      if (ticker) ticker.textContent = String(i);
    }
    await recorder.stop();
    const { events } = await decoded(chunks);
    expect(events.filter((e) => e.type === 2).length).to.be.at.least(2);
    expect(chunks.length).to.be.at.least(2);
    expect(chunks.map((c) => c.chunk)).to.deep.equal(consecutive(chunks));
  });

  for (const gzip of [true, false]) {
    it(`splits a chunk too large for the wire and decodes it back (${gzip ? 'gzip' : 'json'})`, async () => {
      // Random text does not compress: ~300 KB of it makes a full snapshot over 90,000 chars.
      const words = Array.from({ length: 30_000 }, () => Math.random().toString(36).slice(2, 12));
      const big = mount(`<div id="big"></div>`);
      big.querySelector('#big')?.append(words.join(' '));
      const { context, chunks } = fakeContext();
      const recorder = await startRecorder(context, { gzip });
      await recorder.stop();
      expect(chunks.length).to.be.at.least(3);
      for (const chunk of chunks) {
        expect(chunk.payload.length).to.be.within(1, 90_000);
        expect(chunk.encoding).to.equal(gzip ? 'rrweb/gzip+base64' : 'rrweb/json');
      }
      expect(chunks.map((c) => c.chunk)).to.deep.equal(consecutive(chunks));
      // In any order, with a duplicate (a retried send), the events come back whole.
      const shuffled = [...chunks].reverse().concat(chunks[1] ?? []);
      const { events, text } = await decoded(shuffled);
      expect(events.filter((e) => e.type === 2)).to.have.length(1);
      expect(text).to.include(words[0]).and.to.include(words.at(-1));
    });
  }
});
