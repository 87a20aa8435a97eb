import { expect } from '@esm-bundle/chai';
import { LOCALES, catalogs, toLocale } from '@vitrine/core';

describe('message catalogs', () => {
  it('have every key, non-empty, in every locale', () => {
    const keys = Object.keys(catalogs.en).sort();
    for (const locale of LOCALES) {
      const catalog = catalogs[locale] as Record<string, string>;
      expect(Object.keys(catalog).sort(), locale).to.deep.equal(keys);
      for (const key of keys) expect(catalog[key]?.trim(), `${locale} ${key}`).to.not.equal('');
    }
  });

  it('map language tags to shipped locales', () => {
    expect(toLocale('zh')).to.equal('zh-CN');
    expect(toLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(toLocale('ZH-cn')).to.equal('zh-CN');
    expect(toLocale('en-GB')).to.equal('en');
    expect(toLocale('fr')).to.equal('en');
    expect(toLocale(null)).to.equal('en');
  });
});
