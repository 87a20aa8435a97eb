import { expect } from '@esm-bundle/chai';
import { captureConsole, expectAccessible, fixture, nextEvent } from '@vitrine/testing';
import '@vitrine/core/price';
import { VtPrice, defineElement, setMessages, type VtErrorDetail } from '@vitrine/core';

/** What a shopper (and a screen reader) reads from the element. */
function spoken(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<vt-price>', () => {
  it('is accessible in both languages, on sale and not', async () => {
    const en = await fixture('<vt-price amount="1999" currency="USD" compare-at="2999"></vt-price>');
    await expectAccessible(en);
    const zh = await fixture('<vt-price amount="1999" currency="CNY"></vt-price>', { lang: 'zh-CN' });
    await expectAccessible(zh);
  });

  it('formats minor units in English', async () => {
    const el = await fixture('<vt-price amount="1999" currency="USD"></vt-price>');
    expect(spoken(el)).to.equal('$19.99');
    expect(el.shadowRoot!.querySelector('data')!.value).to.equal('19.99');
  });

  it('formats for zh-CN from the nearest [lang] ancestor', async () => {
    const el = await fixture('<vt-price amount="129900" currency="CNY"></vt-price>', { lang: 'zh-CN' });
    expect(spoken(el)).to.equal('¥1,299.00');
  });

  it('respects currencies without minor units', async () => {
    const el = await fixture('<vt-price amount="1999" currency="JPY"></vt-price>');
    expect(spoken(el)).to.equal('¥1,999');
  });

  it('announces the former price with a translated label when on sale', async () => {
    const en = await fixture('<vt-price amount="1999" currency="USD" compare-at="2999"></vt-price>');
    expect(spoken(en)).to.equal('Now $19.99 Was $29.99');
    expect(en.shadowRoot!.querySelector('[part="compare-at"]')!.tagName).to.equal('S');
    const zh = await fixture('<vt-price amount="1999" currency="CNY" compare-at="2999"></vt-price>', {
      lang: 'zh-CN',
    });
    expect(spoken(zh)).to.equal('现价 ¥19.99 原价 ¥29.99');
  });

  it('hides a compare-at price that is not higher', async () => {
    const el = await fixture('<vt-price amount="1999" currency="USD" compare-at="1999"></vt-price>');
    expect(el.shadowRoot!.querySelector('[part="compare-at"]')).to.equal(null);
  });

  it('updates when a property changes', async () => {
    const el = await fixture<VtPrice>('<vt-price amount="100" currency="USD"></vt-price>');
    el.amount = 250;
    await el.updateComplete;
    expect(spoken(el)).to.equal('$2.50');
  });

  it('shows a translated error state, logs one precise message and dispatches vt-error', async () => {
    const log = captureConsole('error');
    try {
      const container = document.createElement('div');
      container.lang = 'zh-CN';
      container.innerHTML = '<vt-price currency="CNY" amount="19.99"></vt-price>';
      const el = container.firstElementChild as VtPrice;
      const error = nextEvent<CustomEvent<VtErrorDetail>>(container, 'vt-error');
      document.body.append(container);
      const { detail } = await error;
      await el.updateComplete;
      expect(spoken(el)).to.equal('价格暂不可用');
      expect(detail.tag).to.equal('vt-price');
      expect(detail.attribute).to.equal('amount');
      expect(log.calls).to.have.length(1);
      expect(log.calls[0]).to.contain('<vt-price>: attribute "amount" is invalid');
      expect(log.calls[0]).to.contain('got "19.99"');
      // Re-rendering the same problem does not log again.
      el.requestUpdate();
      await el.updateComplete;
      expect(log.calls).to.have.length(1);
      container.remove();
    } finally {
      log.restore();
    }
  });

  it('reports a missing amount and a malformed currency', async () => {
    const log = captureConsole('error');
    try {
      const missing = await fixture('<vt-price currency="USD"></vt-price>');
      expect(spoken(missing)).to.equal('Price unavailable');
      const bad = await fixture('<vt-price amount="100" currency="dollars"></vt-price>');
      expect(spoken(bad)).to.equal('Price unavailable');
      expect(log.calls[0]).to.contain('attribute "amount" is missing');
      expect(log.calls[1]).to.contain('attribute "currency" is invalid');
    } finally {
      log.restore();
    }
  });

  it('recovers from the error state when given valid input', async () => {
    const log = captureConsole('error');
    try {
      const el = await fixture<VtPrice>('<vt-price currency="USD" amount="abc"></vt-price>');
      el.amount = 500;
      await el.updateComplete;
      expect(spoken(el)).to.equal('$5.00');
    } finally {
      log.restore();
    }
  });

  it('lets a shop override strings', async () => {
    setMessages('en', { 'price.was': 'RRP' });
    try {
      const el = await fixture('<vt-price amount="1999" currency="USD" compare-at="2999"></vt-price>');
      expect(spoken(el)).to.contain('RRP $29.99');
    } finally {
      setMessages('en', { 'price.was': 'Was' });
    }
  });

  it('does not throw when the tag is defined twice', () => {
    class Other extends HTMLElement {}
    expect(defineElement('vt-price', Other)).to.equal(false);
    expect(customElements.get('vt-price')).to.equal(VtPrice);
  });
});
