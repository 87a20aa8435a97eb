import { expect } from '@esm-bundle/chai';
import { formatMoney, minorDigits, moneyProblem } from '@vitrine/core';

describe('formatMoney', () => {
  it('divides by the currency’s minor units', () => {
    expect(minorDigits('USD')).to.equal(2);
    expect(minorDigits('JPY')).to.equal(0);
    expect(minorDigits('KWD')).to.equal(3);
    expect(formatMoney({ amount: 1234567, currency: 'KWD' }, 'en')).to.equal('KWD\u00a01,234.567');
  });

  it('formats the same amount per locale', () => {
    expect(formatMoney({ amount: 1999, currency: 'CNY' }, 'en')).to.equal('CN¥19.99');
    expect(formatMoney({ amount: 1999, currency: 'CNY' }, 'zh-CN')).to.equal('¥19.99');
    expect(formatMoney({ amount: -500, currency: 'USD' }, 'en')).to.equal('-$5.00');
  });

  it('rejects fractional amounts and bad currency codes with a sentence, never silently', () => {
    expect(moneyProblem({ amount: 19.99, currency: 'USD' })).to.contain('integer number of minor units');
    expect(moneyProblem({ amount: 1, currency: 'usd' })).to.contain('ISO 4217');
    expect(moneyProblem({ amount: 1, currency: 'USD' })).to.equal(null);
    expect(() => formatMoney({ amount: Number.NaN, currency: 'USD' }, 'en')).to.throw(RangeError);
  });
});
