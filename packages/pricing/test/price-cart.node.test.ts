import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { priceCart, verifyOrder, type CartLine, type PricingContext, type Promotion } from '../src/index.js';

const NOW = Date.parse('2026-11-11T00:00:00Z');
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const A: CartLine = {
  variantId: 'a',
  productId: 'tee',
  quantity: 2,
  price: cny(10000),
  category: ['tops'],
  brand: 'acme',
};
const B: CartLine = {
  variantId: 'b',
  productId: 'mug',
  quantity: 1,
  price: cny(3333),
  category: ['home'],
  brand: 'bolt',
};
const ctx: PricingContext = { now: NOW, shipping: cny(1000) };
const t = 'promo';
const P = {
  order10: { id: 'order10', title: t, kind: 'percent_off', percent: 10 },
  ship: { id: 'ship', title: t, kind: 'free_shipping' },
  flashA: {
    id: 'flashA',
    title: t,
    kind: 'flash_sale',
    price: cny(8000),
    eligibility: { products: ['tee'] },
  },
  home50: {
    id: 'home50',
    title: t,
    kind: 'percent_off',
    class: 'product',
    percent: 50,
    eligibility: { categories: ['home'] },
  },
} satisfies Record<string, Promotion>;

interface Row {
  name: string;
  promotions: Promotion[];
  lines?: CartLine[];
  context?: Partial<PricingContext>;
  total: number;
  discounts?: number;
  applied?: string[];
  rejected?: Record<string, string>;
  lineDiscounts?: number[];
  check?: (r: ReturnType<typeof priceCart>) => void;
}

const rows: Row[] = [
  { name: 'no promotions', promotions: [], total: 24333, discounts: 0 },
  { name: '10% off order floors odd cents', promotions: [P.order10], total: 22000, discounts: 2333 },
  {
    name: 'fixed amount off order',
    promotions: [{ id: 'x', title: t, kind: 'amount_off', amount: cny(5000) }],
    total: 19333,
  },
  { name: 'free shipping', promotions: [P.ship], total: 23333, applied: ['ship'] },
  {
    name: 'spend tiers: highest reached tier and next tier',
    promotions: [
      {
        id: 'tier',
        title: t,
        kind: 'tiered',
        tiers: [
          { spend: cny(20000), save: cny(2000) },
          { spend: cny(30000), save: cny(5000) },
        ],
      },
    ],
    total: 22333,
    check: (r) => assert.deepEqual([r.nextTier?.spendMore.amount, r.nextTier?.save.amount], [6667, 5000]),
  },
  {
    name: 'spend tier not reached is rejected with min_spend',
    promotions: [{ id: 'tier', title: t, kind: 'tiered', tiers: [{ spend: cny(30000), save: cny(3000) }] }],
    total: 24333,
    rejected: { tier: 'min_spend' },
    check: (r) => assert.equal(r.nextTier?.spendMore.amount, 6667),
  },
  {
    name: 'min spend exactly met',
    promotions: [{ id: 'm', title: t, kind: 'amount_off', amount: cny(1000), minSpend: cny(23333) }],
    total: 23333,
  },
  {
    name: 'min spend missed by one cent',
    promotions: [{ id: 'm', title: t, kind: 'amount_off', amount: cny(1000), minSpend: cny(23334) }],
    total: 24333,
    rejected: { m: 'min_spend' },
  },
  {
    name: 'coupon without its code',
    promotions: [{ ...P.order10, code: 'SAVE10' }],
    total: 24333,
    rejected: { order10: 'code_missing' },
  },
  {
    name: 'coupon code is case-insensitive',
    promotions: [{ ...P.order10, code: 'SAVE10' }],
    context: { codes: ['save10'] },
    total: 22000,
  },
  {
    name: 'unknown code',
    promotions: [],
    context: { codes: ['nope'] },
    total: 24333,
    rejected: { nope: 'unknown_code' },
  },
  {
    name: 'expired at endsAt (end is exclusive)',
    promotions: [{ ...P.order10, endsAt: NOW }],
    total: 24333,
    rejected: { order10: 'expired' },
  },
  {
    name: 'not yet valid',
    promotions: [{ ...P.order10, startsAt: new Date(NOW + 1).toISOString() }],
    total: 24333,
    rejected: { order10: 'not_started' },
  },
  { name: 'flash sale starting exactly now', promotions: [{ ...P.flashA, startsAt: NOW }], total: 20333 },
  { name: 'flash sale 1 ms before its end', promotions: [{ ...P.flashA, endsAt: NOW + 1 }], total: 20333 },
  {
    name: 'flash sale at its end',
    promotions: [{ ...P.flashA, endsAt: NOW }],
    total: 24333,
    rejected: { flashA: 'expired' },
  },
  {
    name: 'usage limit reached',
    promotions: [{ ...P.order10, usageLimit: 1 }],
    context: { usage: { order10: 1 } },
    total: 24333,
    rejected: { order10: 'usage_limit' },
  },
  {
    name: 'new-customer coupon, returning shopper',
    promotions: [{ ...P.order10, eligibility: { newCustomersOnly: true } }],
    total: 24333,
    rejected: { order10: 'not_eligible' },
  },
  {
    name: 'new-customer coupon, new shopper',
    promotions: [{ ...P.order10, eligibility: { newCustomersOnly: true } }],
    context: { newCustomer: true },
    total: 22000,
  },
  { name: 'category-only product discount', promotions: [P.home50], total: 22667, lineDiscounts: [0, 1666] },
  {
    name: 'brand with no matching items',
    promotions: [{ ...P.home50, eligibility: { brands: ['zzz'] } }],
    total: 24333,
    rejected: { home50: 'no_matching_items' },
  },
  {
    name: 'group buy below group size',
    promotions: [
      {
        id: 'g',
        title: t,
        kind: 'group_buy',
        price: cny(2500),
        minGroupSize: 3,
        eligibility: { products: ['mug'] },
      },
    ],
    context: { groupSize: { g: 2 } },
    total: 24333,
    rejected: { g: 'group_size' },
  },
  {
    name: 'group buy at group size',
    promotions: [
      {
        id: 'g',
        title: t,
        kind: 'group_buy',
        price: cny(2500),
        minGroupSize: 3,
        eligibility: { products: ['mug'] },
      },
    ],
    context: { groupSize: { g: 3 } },
    total: 23500,
  },
  {
    name: 'exclusive loses to a better stack',
    promotions: [
      { ...P.order10, exclusive: true },
      { ...P.flashA, combinesWith: { shipping: true } },
      { ...P.ship, combinesWith: { product: true } },
    ],
    total: 19333,
    applied: ['flashA', 'ship'],
    rejected: { order10: 'not_combinable' },
  },
  {
    name: 'exclusive wins when bigger',
    promotions: [
      {
        id: 'ex',
        title: t,
        kind: 'amount_off',
        amount: cny(6000),
        exclusive: true,
        combinesWith: { product: true, shipping: true },
      },
      { ...P.flashA, combinesWith: { shipping: true, order: true } },
      { ...P.ship, combinesWith: { product: true, order: true } },
    ],
    total: 18333,
    applied: ['ex'],
  },
  {
    name: 'combination needs both sides to allow it',
    promotions: [P.order10, { ...P.ship, combinesWith: { order: true } }],
    total: 22000,
    rejected: { ship: 'not_combinable' },
  },
  {
    name: 'order + shipping when both allow',
    promotions: [
      { ...P.order10, combinesWith: { shipping: true } },
      { ...P.ship, combinesWith: { order: true } },
    ],
    total: 21000,
  },
  {
    name: 'order percent applies after product discounts',
    promotions: [
      { ...P.flashA, combinesWith: { order: true } },
      { ...P.order10, combinesWith: { product: true } },
    ],
    total: 18400,
    discounts: 5933,
  },
  {
    name: 'one product discount per line even when both combine',
    promotions: [
      { ...P.flashA, combinesWith: { product: true } },
      {
        id: 'tops30',
        title: t,
        kind: 'percent_off',
        class: 'product',
        percent: 30,
        eligibility: { categories: ['tops'] },
        combinesWith: { product: true },
      },
    ],
    total: 18333,
    rejected: { flashA: 'not_combinable' },
  },
  {
    name: 'product discounts on different lines stack',
    promotions: [
      { ...P.flashA, combinesWith: { product: true } },
      { ...P.home50, combinesWith: { product: true } },
    ],
    total: 18667,
    lineDiscounts: [4000, 1666],
  },
  {
    name: 'tie: lexicographic ids',
    promotions: [
      { id: 'b', title: t, kind: 'amount_off', amount: cny(1000) },
      { id: 'a', title: t, kind: 'amount_off', amount: cny(1000) },
    ],
    total: 23333,
    applied: ['a'],
    rejected: { b: 'not_combinable' },
  },
  {
    name: 'tie: fewer promotions',
    promotions: [
      { id: 'y1', title: t, kind: 'amount_off', amount: cny(1000), combinesWith: { order: true } },
      { id: 'x', title: t, kind: 'amount_off', amount: cny(2000), combinesWith: { order: true } },
      { id: 'y2', title: t, kind: 'amount_off', amount: cny(1000), combinesWith: { order: true } },
    ],
    total: 20333,
    applied: ['x', 'y1', 'y2'],
  },
  {
    name: 'tie between a single and a pair picks the single',
    promotions: [
      { id: 'y1', title: t, kind: 'amount_off', amount: cny(1000), combinesWith: { order: true } },
      { id: 'x', title: t, kind: 'amount_off', amount: cny(2000) },
      { id: 'y2', title: t, kind: 'amount_off', amount: cny(1000), combinesWith: { order: true } },
    ],
    total: 22333,
    applied: ['x'],
  },
  {
    name: 'largest remainder allocation of odd cents',
    lines: [
      { ...B, variantId: '1' },
      { ...B, variantId: '2' },
      { ...B, variantId: '3', price: cny(3334) },
    ],
    promotions: [P.order10],
    total: 10000 - 1000 + 1000,
    lineDiscounts: [333, 333, 334],
  },
  {
    name: 'equal remainders go to the earlier line',
    lines: [
      { ...B, variantId: '1', price: cny(1000) },
      { ...B, variantId: '2', price: cny(1000) },
      { ...B, variantId: '3', price: cny(1000) },
    ],
    promotions: [{ id: 'x', title: t, kind: 'amount_off', amount: cny(100) }],
    total: 3900,
    lineDiscounts: [34, 33, 33],
  },
  {
    name: 'JPY zero-decimal percent and tier message',
    lines: [{ ...A, quantity: 3, price: { amount: 1999, currency: 'JPY' } }],
    context: { shipping: undefined },
    promotions: [
      { ...P.order10, percent: 15, combinesWith: { order: true } },
      {
        id: 'tier',
        title: t,
        kind: 'tiered',
        tiers: [{ spend: { amount: 10000, currency: 'JPY' }, save: { amount: 1000, currency: 'JPY' } }],
      },
    ],
    total: 5098,
    check: (r) => {
      assert.equal(r.total.currency, 'JPY');
      assert.equal(r.nextTier?.spendMore.amount, 4003);
      assert.match(r.nextTier!.message.en, /4,003/);
      assert.doesNotMatch(r.nextTier!.message.en, /4,003\.\d/);
    },
  },
  {
    name: '满减: add ¥45.00 to save ¥30.00',
    lines: [{ ...B, price: cny(25500) }],
    promotions: [
      {
        id: 'mj',
        title: t,
        kind: 'tiered',
        tiers: [
          { spend: cny(20000), save: cny(2000) },
          { spend: cny(30000), save: cny(3000) },
        ],
      },
    ],
    total: 25500 - 2000 + 1000,
    check: (r) => {
      assert.match(r.nextTier!.message.en, /^Add .*45\.00 to save .*30\.00\.$/);
      assert.equal(r.nextTier!.message['zh-CN'], '再买¥45.00可减¥30.00。');
    },
  },
  {
    name: 'promotion in another currency',
    promotions: [{ id: 'usd', title: t, kind: 'amount_off', amount: { amount: 100, currency: 'USD' } }],
    total: 24333,
    rejected: { usd: 'currency_mismatch' },
  },
  {
    name: 'bad lines never throw: negative, fractional, other currency',
    lines: [
      A,
      { ...B, quantity: -1 },
      { ...B, price: cny(1.5) },
      { ...B, price: { amount: 1, currency: 'USD' } },
    ],
    promotions: [],
    total: 21000,
    check: (r) => {
      assert.equal(r.problems.length, 3);
      assert.match(r.problems[0]!, /lines\[1\] \(b\): quantity -1 is not a non-negative integer/);
    },
  },
  {
    name: 'order discount capped at the cart',
    promotions: [{ id: 'x', title: t, kind: 'amount_off', amount: cny(999999) }],
    total: 1000,
    discounts: 23333,
  },
  {
    name: 'shipping discount capped at shipping',
    promotions: [{ id: 's', title: t, kind: 'amount_off', class: 'shipping', amount: cny(5000) }],
    total: 23333,
  },
  {
    name: 'flash price above unit price',
    promotions: [{ ...P.flashA, price: cny(20000) }],
    total: 24333,
    rejected: { flashA: 'no_matching_items' },
  },
  {
    name: 'invalid percent',
    promotions: [{ ...P.order10, percent: 150 }],
    total: 24333,
    rejected: { order10: 'invalid' },
  },
  {
    name: 'product-class spend tier',
    promotions: [
      {
        id: 'pt',
        title: t,
        kind: 'tiered',
        class: 'product',
        tiers: [{ spend: cny(15000), save: cny(1500) }],
        eligibility: { categories: ['tops'] },
      },
    ],
    total: 22833,
    lineDiscounts: [1500, 0],
  },
  {
    name: 'order discount limited to a category goes to its lines',
    promotions: [{ ...P.order10, eligibility: { categories: ['tops'] } }],
    total: 22333,
    lineDiscounts: [2000, 0],
  },
  {
    name: 'coupon overlapping a flash sale: bigger one wins',
    promotions: [
      {
        id: 'c20',
        title: t,
        code: 'C20',
        kind: 'percent_off',
        class: 'product',
        percent: 20,
        combinesWith: { product: true },
      },
      { ...P.flashA, combinesWith: { product: true } },
    ],
    context: { codes: ['c20'] },
    total: 19667,
    applied: ['c20'],
  },
  {
    name: 'buy one get one free: the cheapest unit is free',
    promotions: [
      { id: 'bogo', title: t, kind: 'buy_x_get_y', buy: 1, get: 1, eligibility: { categories: ['tops'] } },
    ],
    total: 14333,
    lineDiscounts: [10000, 0],
  },
  {
    name: 'buy two get one short of units says how many more',
    promotions: [
      { id: 'b2g1', title: t, kind: 'buy_x_get_y', buy: 2, get: 1, eligibility: { products: ['tee'] } },
    ],
    total: 24333,
    rejected: { b2g1: 'buy_more' },
    check: (r) => assert.match(r.rejected[0]!.message.en, /Add 1 more qualifying items/),
  },
  {
    name: 'buy two tees, get the mug at half price',
    promotions: [
      {
        id: 'gift',
        title: t,
        kind: 'buy_x_get_y',
        buy: 2,
        get: 1,
        percent: 50,
        getEligibility: { products: ['mug'] },
      },
    ],
    total: 22667,
    lineDiscounts: [0, 1666],
  },
  {
    name: 'buy three get one: the cheapest variant is the free one',
    lines: [
      { ...A, variantId: 'red', quantity: 3 },
      { ...A, variantId: 'blue', quantity: 1, price: cny(7999) },
    ],
    promotions: [{ id: 'b3g1', title: t, kind: 'buy_x_get_y', buy: 3, get: 1 }],
    total: 30000 + 1000,
    lineDiscounts: [0, 7999],
  },
  {
    name: 'buy one get one capped at two applications',
    lines: [{ ...B, quantity: 6 }],
    promotions: [{ id: 'bogo', title: t, kind: 'buy_x_get_y', buy: 1, get: 1, maxApplications: 2 }],
    total: 4 * 3333 + 1000,
  },
  {
    name: 'bundle at a set price, split over its units by largest remainder',
    promotions: [
      {
        id: 'set',
        title: t,
        kind: 'bundle',
        items: [{ productId: 'tee' }, { productId: 'mug' }],
        price: cny(11000),
      },
    ],
    total: 22000,
    lineDiscounts: [1750, 583],
  },
  {
    name: 'bundle at a percentage off the set',
    promotions: [
      {
        id: 'set',
        title: t,
        kind: 'bundle',
        items: [{ productId: 'tee' }, { productId: 'mug' }],
        percent: 10,
      },
    ],
    total: 23000,
  },
  {
    name: 'bundle with two units of one product',
    promotions: [
      { id: 'pair', title: t, kind: 'bundle', items: [{ productId: 'tee', quantity: 2 }], price: cny(15000) },
    ],
    total: 19333,
    lineDiscounts: [5000, 0],
  },
  {
    name: 'incomplete bundle',
    promotions: [
      {
        id: 'set',
        title: t,
        kind: 'bundle',
        items: [{ productId: 'tee' }, { productId: 'cap' }],
        price: cny(100),
      },
    ],
    total: 24333,
    rejected: { set: 'bundle_incomplete' },
  },
  {
    name: 'bundle overlapping a product coupon: they share a line, the bigger saving wins',
    promotions: [
      {
        id: 'set',
        title: t,
        kind: 'bundle',
        items: [{ productId: 'tee' }, { productId: 'mug' }],
        price: cny(11000),
        combinesWith: { product: true },
      },
      {
        id: 'tops20',
        title: t,
        code: 'TOPS20',
        kind: 'percent_off',
        class: 'product',
        percent: 20,
        eligibility: { categories: ['tops'] },
        combinesWith: { product: true },
      },
    ],
    context: { codes: ['tops20'] },
    total: 20333,
    applied: ['tops20'],
    rejected: { set: 'not_combinable' },
  },
  {
    name: 'bundle combined with an order coupon, which counts the bundle price',
    promotions: [
      {
        id: 'set',
        title: t,
        kind: 'bundle',
        items: [{ productId: 'tee' }, { productId: 'mug' }],
        price: cny(11000),
        combinesWith: { order: true },
      },
      { ...P.order10, combinesWith: { product: true } },
    ],
    total: 19900,
    applied: ['order10', 'set'],
  },
  {
    name: 'bundle with both a price and a percentage is misconfigured',
    promotions: [
      { id: 'set', title: t, kind: 'bundle', items: [{ productId: 'tee' }], price: cny(1), percent: 5 },
    ],
    total: 24333,
    rejected: { set: 'invalid' },
  },
  {
    name: 'buy X get Y in yen',
    lines: [{ variantId: 'j', productId: 'j', quantity: 3, price: { amount: 1999, currency: 'JPY' } }],
    context: { shipping: undefined },
    promotions: [{ id: 'half', title: t, kind: 'buy_x_get_y', buy: 2, get: 1, percent: 50 }],
    total: 3 * 1999 - 999,
    check: (r) => assert.equal(r.applied[0]!.reason.en, 'Saves ¥999; part of the best combination.'),
  },
  {
    name: 'repeat-purchase coupon for a returning customer',
    promotions: [{ ...P.order10, code: 'AGAIN', eligibility: { returningCustomersOnly: true } }],
    context: { codes: ['again'], newCustomer: false },
    total: 22000,
  },
  {
    name: 'repeat-purchase coupon refused when the shopper is new or unknown',
    promotions: [{ ...P.order10, code: 'AGAIN', eligibility: { returningCustomersOnly: true } }],
    context: { codes: ['again'] },
    total: 24333,
    rejected: { order10: 'not_eligible' },
  },
  {
    name: 'invalid now',
    promotions: [{ ...P.order10, startsAt: NOW }],
    context: { now: 'not a date' },
    total: 24333,
    rejected: { order10: 'not_started' },
    check: (r) => assert.equal(r.problems.length, 1),
  },
];

describe('priceCart scenarios', () => {
  for (const row of rows)
    it(row.name, () => {
      const r = priceCart({
        lines: row.lines ?? [A, B],
        promotions: row.promotions,
        context: { ...ctx, ...row.context },
      });
      assert.equal(r.total.amount, row.total);
      assert.equal(r.total.amount, r.subtotal.amount - r.discounts.amount + r.shipping.amount);
      assert.equal(
        r.lines.reduce((a, l) => a + l.discount.amount, 0),
        r.discounts.amount,
      );
      if (row.discounts !== undefined) assert.equal(r.discounts.amount, row.discounts);
      if (row.applied)
        assert.deepEqual(
          r.applied.map((a) => a.id),
          row.applied,
        );
      for (const [id, reason] of Object.entries(row.rejected ?? {}))
        assert.equal(r.rejected.find((x) => x.id === id)?.reason, reason);
      if (row.lineDiscounts)
        assert.deepEqual(
          r.lines.map((l) => l.discount.amount),
          row.lineDiscounts,
        );
      for (const x of r.rejected) assert.ok(x.message.en && x.message['zh-CN']);
      assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
      row.check?.(r);
    });
});

describe('verifyOrder', () => {
  const input = { lines: [A, B], promotions: [P.order10], context: ctx };
  it('accepts the honest total', () => {
    const v = verifyOrder({ ...input, claimed: { total: cny(22000), discounts: cny(2333) } });
    assert.deepEqual([v.ok, v.problems], [true, []]);
  });
  it('detects a tampered client total', () => {
    const v = verifyOrder({ ...input, claimed: { total: cny(12000) } });
    assert.equal(v.ok, false);
    assert.equal(v.expected.total.amount, 22000);
    assert.match(v.problems[0]!, /claimed total 12000 CNY ≠ expected 22000 CNY/);
  });
});
