import { expect } from '@esm-bundle/chai';
import { captureConsole } from '@vitrine/testing';

// The built file a shop loads with one <script type="module">: `npm test` builds before the
// browser tests run. Imported by URL so this page runs exactly the shipped bytes.
const BUNDLE = '/packages/all/dist/vitrine.js';

describe('@vitrine/all (the built bundle)', () => {
  it('defines every tag and works without any other script, Lit included', async () => {
    const mod = (await import(/* @vite-ignore */ BUNDLE)) as { formatMoney: unknown; getCartStore: unknown };
    for (const tag of ['vt-price', 'vt-add-to-cart', 'vt-cart-count']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(mod.formatMoney).to.be.a('function');
    expect(mod.getCartStore).to.be.a('function');
    const host = document.createElement('div');
    host.lang = 'zh-CN';
    host.innerHTML = '<vt-price amount="129900" currency="CNY" compare-at="159900"></vt-price>';
    document.body.append(host);
    const price = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await price.updateComplete;
    expect(price.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '现价 ¥1,299.00 原价 ¥1,599.00',
    );
    host.remove();
  });

  it('is safe to load twice', async () => {
    await import(/* @vite-ignore */ `${BUNDLE}?second-copy`);
    expect(customElements.get('vt-price')).to.be.a('function');
  });

  it('is a production build: dev-only hints are gone and private members are mangled', async () => {
    const code = await (await fetch(BUNDLE)).text();
    expect(code).to.not.contain('did you mean');
    expect(code).to.not.match(/\._check\b|\._withRaw\b|\._feedback\b/);
    const log = captureConsole('error');
    try {
      const host = document.createElement('div');
      host.innerHTML = '<vt-price amount="19.99" currency="USD"></vt-price>';
      document.body.append(host);
      await (host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(log.calls).to.have.length(1);
      expect(log.calls[0]).to.contain('attribute "amount" is invalid');
      host.remove();
    } finally {
      log.restore();
    }
  });
});
