import { expect } from '@esm-bundle/chai';
import { LOCALES, catalogs, msg, setMessages, toLocale, type MessageKey } from '@vitrine/core';

describe('message catalogs', () => {
  it('have every key, non-empty, in every locale, with an `other` form for plurals', () => {
    const keys = Object.keys(catalogs.en).sort();
    for (const locale of LOCALES) {
      const catalog = catalogs[locale];
      expect(Object.keys(catalog).sort(), locale).to.deep.equal(keys);
      for (const key of keys as MessageKey[]) {
        const message = catalog[key];
        const forms = typeof message === 'string' ? [message] : Object.values(message);
        if (typeof message !== 'string') expect(message.other, `${locale} ${key}.other`).to.be.a('string');
        for (const form of forms) expect(form.trim(), `${locale} ${key}`).to.not.equal('');
      }
    }
  });

  it('use the same placeholders in every locale', () => {
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join(',');
    for (const key of Object.keys(catalogs.en) as MessageKey[]) {
      expect(placeholders(catalogs['zh-CN'][key]), key).to.equal(placeholders(catalogs.en[key]));
    }
  });

  it('pick plural forms through Intl.PluralRules and format numbers', () => {
    expect(msg('en', 'cart.count', { count: 0 })).to.equal('Cart, empty');
    expect(msg('en', 'cart.count', { count: 1 })).to.equal('Cart, 1 item');
    expect(msg('en', 'cart.count', { count: 1200 })).to.equal('Cart, 1,200 items');
    expect(msg('zh-CN', 'cart.count', { count: 3 })).to.equal('购物车，3 件商品');
  });

  it('let a shop override any string, plural forms included', () => {
    setMessages('en', { 'cart.count': { one: 'Bag ({count})', other: 'Bag ({count})' } });
    try {
      expect(msg('en', 'cart.count', { count: 2 })).to.equal('Bag (2)');
    } finally {
      setMessages('en', { 'cart.count': catalogs.en['cart.count'] });
    }
  });

  it('map language tags to shipped locales', () => {
    expect(toLocale('zh')).to.equal('zh-CN');
    expect(toLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(toLocale('ZH-cn')).to.equal('zh-CN');
    expect(toLocale('zh-TW')).to.equal('zh-CN');
    expect(toLocale('en-GB')).to.equal('en');
    expect(toLocale('fr')).to.equal('en');
    expect(toLocale(null)).to.equal('en');
  });
});
