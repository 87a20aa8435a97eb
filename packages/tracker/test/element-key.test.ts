import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { fixture } from '@vitrine/testing';
import { deviceInfo } from '../src/device.js';
import { describeTarget, elementKeyOf } from '../src/element-key.js';
import { isPrivate, scrubUrl } from '../src/privacy.js';

/** A stand-in for a Vitrine component: an open shadow root with parts, as the real ones have. */
class TestTile extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
  connectedCallback(): void {
    this.render();
  }
  /** Replaces the whole shadow tree, as a re-render with new elements would. */
  render(): void {
    this.shadowRoot!.innerHTML = `
      <div part="media"><span>picture</span></div>
      <button part="add"><span class="icon-x9">+</span> Add to cart</button>
      <ul>
        <li><button part="thumbnail active">1</button></li>
        <li><button part="thumbnail">2</button></li>
        <li><button part="thumbnail">3</button></li>
      </ul>
      <p>Plain <b>text</b></p>
      <button data-vt-key="coupon:SAVE10">Apply</button>
      <ol><li part="result" data-product-id="p3"><a href="#p3">Three</a></li></ol>
      <vt-test-amount></vt-test-amount>
      <div data-vt-private><button part="secret">Secret</button><slot name="private"></slot></div>
      <slot></slot>`;
  }
}
class TestAmount extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<span part="amount">9.99</span>`;
  }
}
class ThirdParty extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<div><button>ok</button></div>`;
  }
}
for (const [tag, ctor] of [
  ['vt-test-tile', TestTile],
  ['vt-test-amount', TestAmount],
  ['x-third-party', ThirdParty],
] as const)
  if (!customElements.get(tag)) customElements.define(tag, ctor);

const inTile = (tile: Element, selector: string): Element => tile.shadowRoot!.querySelector(selector)!;
const key = (el: Element, snap = false): string | undefined => elementKeyOf(el, { snap })?.elementKey;

describe('elementKeyOf', () => {
  it('keys an element in a component by the component, its product and the part', async () => {
    const tile = await fixture(`<vt-test-tile product-id="p0001" sku="p0001-red"></vt-test-tile>`);
    const add = elementKeyOf(inTile(tile, '[part=add]'))!;
    expect(add.elementKey).to.equal('vt-test-tile[product=p0001][sku=p0001-red]>part(add)');
    expect(add).to.include({ component: 'vt-test-tile', productId: 'p0001', sku: 'p0001-red' });
    expect(key(inTile(tile, 'li:nth-child(3) button'))).to.equal(
      'vt-test-tile[product=p0001][sku=p0001-red]>part(thumbnail)[2]',
    );
    expect(key(tile)).to.equal('vt-test-tile[product=p0001][sku=p0001-red]');
  });

  it('uses data-vt-key, inner identities, nested components and short paths', async () => {
    const tile = await fixture(`<vt-test-tile promotion-id="spring"></vt-test-tile>`);
    expect(key(inTile(tile, '[data-vt-key]'))).to.equal('vt-test-tile[promotion=spring]>key(coupon:SAVE10)');
    const result = elementKeyOf(inTile(tile, '[part=result] a'), { snap: true })!;
    expect(result.elementKey).to.equal('vt-test-tile[promotion=spring]>part(result)[product=p3]>a');
    expect(result.productId).to.equal('p3');
    expect(key(inTile(tile, 'p b'))).to.equal('vt-test-tile[promotion=spring]>p>b');
    const amount = inTile(tile, 'vt-test-amount').shadowRoot!.querySelector('span')!;
    expect(elementKeyOf(amount)).to.include({
      elementKey: 'vt-test-tile[promotion=spring]>vt-test-amount>part(amount)',
      component: 'vt-test-amount',
    });
  });

  it('snaps to what is clickable: the icon in a button is the button', async () => {
    const tile = await fixture(`<vt-test-tile product-id="p0001"></vt-test-tile>`);
    const icon = inTile(tile, '[part=add] span');
    expect(key(icon)).to.equal('vt-test-tile[product=p0001]>part(add)>span');
    expect(key(icon, true)).to.equal('vt-test-tile[product=p0001]>part(add)');
    // The target of an event is found inside the shadow root, not at the retargeted host.
    let described: ReturnType<typeof describeTarget> = null;
    document.addEventListener('click', (e) => (described = describeTarget(e)), { once: true });
    (icon as HTMLElement).click();
    expect(described!.elementKey).to.equal('vt-test-tile[product=p0001]>part(add)');
    expect(described!.element).to.equal(inTile(tile, '[part=add]'));
  });

  it('gives the same key after a re-render and at another viewport width', async () => {
    const tile = await fixture<TestTile>(`<vt-test-tile product-id="p0001"></vt-test-tile>`);
    const before = key(inTile(tile, 'li:nth-child(2) button'));
    tile.render();
    await setViewport({ width: 400, height: 700 });
    try {
      expect(key(inTile(tile, 'li:nth-child(2) button'))).to.equal(before);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keys the page outside components by a selector from the nearest id, crossing shadow roots', async () => {
    const page = await fixture(`<main>
      <div id="buy"><button>One</button><button>Two</button></div>
      <section><p>a</p><p>b <em>c</em></p></section>
      <x-third-party id="widget"></x-third-party>
      <vt-test-amount id="mini"></vt-test-amount>
      <div id=":r1:"><button>generated id</button></div>
    </main>`);
    const $ = (s: string) => page.querySelector(s)!;
    expect(key($('#buy button:nth-child(2)'))).to.equal('#buy>button:nth-of-type(2)');
    expect(key($('em'))).to.match(/^body>.*main>section>p:nth-of-type\(2\)>em$/);
    expect(key($('x-third-party').shadowRoot!.querySelector('button')!)).to.equal('#widget >>> div>button');
    expect(key($('vt-test-amount').shadowRoot!.querySelector('span')!)).to.equal(
      'vt-test-amount#mini>part(amount)',
    );
    expect(key($('[id=":r1:"] button'))).to.not.include(':r1:');
  });

  it('never names text, classes or other attributes, and stays within 512 characters', async () => {
    // Sixty levels, each the second of two divs: far more than 512 characters of path.
    const deep = `${'<div></div><div title="secret title" class="c1">'.repeat(60)}<span>Hello shopper</span>${'</div>'.repeat(60)}`;
    const page = await fixture(`<section>${deep}</section>`);
    const k = key(page.querySelector('span')!)!;
    expect(k.length).to.be.within(400, 512);
    expect(k).to.match(/div:nth-of-type\(2\)>span$/);
    for (const leak of ['Hello', 'secret', 'c1']) expect(k).to.not.include(leak);
    const tile = await fixture(`<vt-test-tile product-id="p 1]&lt;x&gt;"></vt-test-tile>`);
    expect(key(tile)).to.equal('vt-test-tile[product=p_1__x_]');
  });

  it('describes nothing private: password and card fields, and [data-vt-private] inside a shadow root', async () => {
    const page = await fixture(`<form>
      <input type="password" name="pw" /><input name="cardnumber" autocomplete="cc-number" />
      <vt-test-tile product-id="p0001"><em slot="private">slotted</em></vt-test-tile>
    </form>`);
    const tile = page.querySelector('vt-test-tile')!;
    for (const el of [
      page.querySelector('[type=password]')!,
      page.querySelector('[name=cardnumber]')!,
      inTile(tile, '[part=secret]'),
      page.querySelector('em')!,
    ]) {
      expect(isPrivate(el), el.outerHTML).to.equal(true);
      expect(elementKeyOf(el), el.outerHTML).to.equal(null);
    }
  });
});

describe('isPrivate', () => {
  it('knows card and password fields by type, autocomplete, name and id', async () => {
    const form = await fixture(`<form>
      <input id="a" autocomplete="billing cc-number" /><select id="b" autocomplete="cc-exp-month"></select>
      <input id="cvc" /><input id="d" name="card_cvv" /><input id="e" autocomplete="current-password" type="text" />
      <input id="ok1" name="email" autocomplete="email" /><textarea id="ok2" name="notes"></textarea>
      <button id="ok3" type="button">Card</button>
    </form>`);
    for (const id of ['a', 'b', 'cvc', 'd', 'e'])
      expect(isPrivate(form.querySelector(`#${id}`)!), id).to.equal(true);
    for (const id of ['ok1', 'ok2', 'ok3'])
      expect(isPrivate(form.querySelector(`#${id}`)!), id).to.equal(false);
  });

  it('looks up through shadow roots and slots, and covers text nodes', async () => {
    const outer = await fixture(`<div data-vt-private><x-third-party></x-third-party></div>`);
    const inner = outer.querySelector('x-third-party')!.shadowRoot!.querySelector('button')!;
    expect(isPrivate(inner)).to.equal(true);
    expect(isPrivate(inner.firstChild!)).to.equal(true);
    const tile = await fixture(`<vt-test-tile><b>shown</b></vt-test-tile>`);
    expect(isPrivate(tile.querySelector('b')!)).to.equal(false);
  });
});

describe('scrubUrl', () => {
  it('removes secrets and personal data from the query and fragment, and keeps the rest', () => {
    const url = scrubUrl(
      'https://shop.test/p?utm_source=mail&utm_content=a%40b.com&q=shoes&access_token=abc&apiKey=k&session_id=1&code=42&ref=x%40y.org&t=eyJhbGciOi.eyJzdWIi.sig#access_token=zzz&state=1',
    );
    const parsed = new URL(url);
    expect([...parsed.searchParams.keys()]).to.deep.equal(['utm_source', 'utm_content', 'q']);
    expect(parsed.hash).to.equal('');
    expect(scrubUrl('https://user:pw@shop.test/a')).to.equal('https://shop.test/a');
    expect(scrubUrl('https://shop.test/a?keyword=boots#/cart')).to.equal(
      'https://shop.test/a?keyword=boots#/cart',
    );
    expect(scrubUrl('not a url?token=1')).to.equal('not a url');
  });
});

describe('deviceInfo', () => {
  it('classes the layout by viewport width, in whole CSS pixels', async () => {
    try {
      for (const [width, expected] of [
        [400, 'mobile'],
        [800, 'tablet'],
        [1200, 'desktop'],
      ] as const) {
        await setViewport({ width, height: 700 });
        const device = deviceInfo();
        expect(device).to.include({ class: expected, viewportWidth: width, viewportHeight: 700 });
        expect(device.dpr).to.be.greaterThan(0);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
