import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeVerdict, priceCart, type CartLine, type CodeVerdict, type Promotion } from '@vitrine/pricing';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const NOW = Date.parse('2026-11-28T12:00:00Z');
const promotions: Promotion[] = [
  {
    id: 'welcome',
    title: 'Welcome',
    code: 'WELCOME',
    kind: 'amount_off',
    amount: cny(1000),
    minSpend: cny(20000),
  },
  {
    id: 'old',
    title: 'Old',
    code: 'OLD5',
    kind: 'amount_off',
    amount: cny(500),
    endsAt: '2020-01-01T00:00:00Z',
  },
  {
    id: 'new',
    title: 'New',
    code: 'NEW15',
    kind: 'percent_off',
    percent: 15,
    eligibility: { newCustomersOnly: true },
  },
];
const tea: CartLine = { variantId: 't', productId: 't', quantity: 1, price: cny(15500) };

/** The cart priced with `code` added, as an element does before saving the code. */
const withCode = (code: string, lines: CartLine[], newCustomer?: boolean) =>
  codeVerdict(
    code,
    promotions,
    priceCart({
      lines,
      promotions,
      context: { now: NOW, codes: [code.trim()], ...(newCustomer !== undefined && { newCustomer }) },
    }),
  );

test('a code that applies says how much it saves, whatever its case and spaces', () => {
  assert.deepEqual(withCode('  welcome ', [{ ...tea, quantity: 2 }]), {
    kind: 'applied',
    promotionId: 'welcome',
    amount: cny(1000),
  });
});

test('a code short of its minimum spend is kept for later, with the engine reason', () => {
  const v = withCode('WELCOME', [tea]);
  assert.equal(v.kind, 'later');
  assert.equal(v.kind === 'later' && v.reason, 'min_spend');
  assert.match(v.message.en, /^Spend .+ more to use this offer\.$/);
  assert.match(v.message['zh-CN'], /^再买.+即可使用该优惠。$/);
});

/** The refusal, or a failed assertion. */
function refused(v: CodeVerdict) {
  assert.equal(v.kind, 'refused', JSON.stringify(v));
  return v as Extract<CodeVerdict, { kind: 'refused' }>;
}

test('unknown, ended and not-for-you codes are refused with the reason a shopper can act on', () => {
  const unknown = refused(withCode('WELCOM', [tea]));
  assert.deepEqual(
    [unknown.kind, unknown.reason, unknown.message.en],
    ['refused', 'unknown_code', 'This code is not valid.'],
  );
  const ended = refused(withCode('OLD5', [tea]));
  assert.deepEqual([ended.kind, ended.reason], ['refused', 'expired']);
  assert.equal(ended.message['zh-CN'], '该优惠已结束。');
  const returning = refused(withCode('NEW15', [tea], false));
  assert.deepEqual([returning.kind, returning.reason], ['refused', 'not_eligible']);
  assert.equal(withCode('NEW15', [tea], true).kind, 'applied');
});
