import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { better, combinable, evaluate, prepare, priceCart, type Candidate } from '../src/price-cart.js';
import type { CartLine, Promotion } from '../src/types.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const cats = ['a', 'b', 'c'];
const line = fc.record({
  p: fc.integer({ min: 1, max: 20000 }),
  q: fc.integer({ min: 1, max: 4 }),
  c: fc.constantFrom(...cats),
});
const combines = fc.record({ product: fc.boolean(), order: fc.boolean(), shipping: fc.boolean() });
const promo = fc.record({
  kind: fc.constantFrom(
    'percent_off',
    'amount_off',
    'tiered',
    'flash_sale',
    'free_shipping',
    'buy_x_get_y',
    'bundle',
  ),
  cls: fc.constantFrom('product', 'order', 'shipping'),
  n: fc.integer({ min: 1, max: 60 }),
  amount: fc.integer({ min: 1, max: 30000 }),
  cat: fc.option(fc.constantFrom(...cats)),
  combinesWith: combines,
  exclusive: fc.boolean(),
});

/** Every valid combination of the candidates, the best by the engine's own ordering. */
function bruteForce(cs: Candidate[], subtotal: number, shipping: number, sub: number[]) {
  let best: Candidate[] = [];
  let bestVal = 0;
  for (let m = 1; m < 2 ** cs.length; m++) {
    const set = cs.filter((_, i) => m & (1 << i));
    if (set.some((a) => set.some((b) => a !== b && !combinable(a, b)))) continue;
    const v = evaluate(set, subtotal, shipping, sub);
    if (better(v, set, bestVal, best)) [best, bestVal] = [set, v];
  }
  return { best, bestVal };
}

describe('best combination', () => {
  it('is never beaten by any other valid combination (brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.array(promo, { maxLength: 8 }),
        fc.integer({ min: 0, max: 2000 }),
        (ls, ps, ship) => {
          const lines: CartLine[] = ls.map((l, i) => ({
            variantId: `v${i}`,
            productId: `p${i}`,
            quantity: l.q,
            price: cny(l.p),
            category: [l.c],
          }));
          const promotions = ps.map((p, i): Promotion => {
            const base = {
              id: `p${i}`,
              title: `P${i}`,
              combinesWith: p.combinesWith,
              exclusive: p.exclusive,
              ...(p.cat ? { eligibility: { categories: [p.cat] } } : {}),
            };
            if (p.kind === 'free_shipping') return { ...base, kind: 'free_shipping', class: 'shipping' };
            if (p.kind === 'flash_sale')
              return { ...base, kind: 'flash_sale', class: 'product', price: cny(p.amount % 10000) };
            if (p.kind === 'buy_x_get_y')
              return {
                ...base,
                kind: 'buy_x_get_y',
                buy: 1 + (p.n % 3),
                get: 1,
                percent: 1 + ((p.n * 7) % 100),
              };
            if (p.kind === 'bundle')
              return {
                ...base,
                kind: 'bundle',
                items: [
                  { productId: `p${p.n % 5}` },
                  { productId: `p${(p.n + 1) % 5}`, quantity: 1 + (p.n % 2) },
                ],
                ...(p.n % 2 ? { price: cny(p.amount % 15000) } : { percent: 1 + (p.n % 50) }),
              };
            if (p.kind === 'tiered')
              return {
                ...base,
                kind: 'tiered',
                class: p.cls === 'shipping' ? 'order' : p.cls,
                tiers: [
                  { spend: cny(p.amount), save: cny(p.n * 50) },
                  { spend: cny(p.amount * 2), save: cny(p.n * 150) },
                ],
              };
            if (p.kind === 'percent_off') return { ...base, kind: 'percent_off', class: p.cls, percent: p.n };
            return { ...base, kind: 'amount_off', class: p.cls, amount: cny(p.amount) };
          });
          const input = { lines, promotions, context: { now: 0, shipping: cny(ship) } };
          const prep = prepare(input);
          const subtotal = prep.sub.reduce((a, b) => a + b, 0);
          const { best, bestVal } = bruteForce(prep.candidates, subtotal, prep.shipping, prep.sub);
          const r = priceCart(input);
          assert.equal(r.discounts.amount + r.shippingDiscount.amount, bestVal);
          assert.deepEqual(
            r.applied.map((a) => a.id),
            best.map((c) => c.p.id).sort(),
          );
          assert.equal(
            r.lines.reduce((a, l) => a + l.discount.amount, 0),
            r.discounts.amount,
          );
          assert.ok(r.lines.every((l) => l.total.amount >= 0));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('hostile input', () => {
  const kinds = [
    'percent_off',
    'amount_off',
    'tiered',
    'flash_sale',
    'group_buy',
    'free_shipping',
    'buy_x_get_y',
    'bundle',
  ];
  it('never throws on malformed promotions, lines or context, and rejects bad promotions as invalid', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.anything(),
            fc
              .record({ id: fc.string(), kind: fc.constantFrom(...kinds) }, { requiredKeys: ['id', 'kind'] })
              .chain((base) =>
                fc
                  .dictionary(
                    fc.constantFrom(
                      'code',
                      'tiers',
                      'amount',
                      'price',
                      'percent',
                      'items',
                      'buy',
                      'get',
                      'eligibility',
                      'class',
                      'minSpend',
                      'startsAt',
                    ),
                    fc.anything(),
                  )
                  .map((extra) => ({ ...extra, ...base })),
              ),
          ),
          { maxLength: 6 },
        ),
        fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 3 })),
        fc.anything(),
        (promotions, lines, context) => {
          const r = priceCart({ lines, promotions, context } as never);
          assert.equal(r.total.amount, r.subtotal.amount - r.discounts.amount + r.shipping.amount);
          assert.ok(Number.isSafeInteger(r.total.amount) && r.total.amount >= 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names a promotion whose fields are the wrong shape as invalid', () => {
    const r = priceCart({
      lines: [{ variantId: 'v', productId: 'p', quantity: 1, price: cny(1000) }],
      promotions: [
        { id: 'no-tiers', title: 't', kind: 'tiered' } as never,
        { id: 'no-amount', title: 't', kind: 'amount_off' } as never,
        { id: 'ok', title: 't', kind: 'percent_off', percent: 10 },
      ],
      context: { now: 0 },
    });
    assert.deepEqual(
      r.rejected.map((x) => `${x.id}:${x.reason}`),
      ['no-tiers:invalid', 'no-amount:invalid'],
    );
    assert.equal(r.total.amount, 900);
  });
});
