import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { priceCart, type CartLine } from '@vitrine/pricing';
import { generateCatalog } from '../src/catalog.js';
import type { Catalog, Product } from '../src/catalog-types.js';
import { bundlePartners, demoOffers, shopPromotions } from '../src/promotions.js';

const NOW = Date.parse('2026-11-28T10:20:00Z');
const line = (p: Product, quantity = 1): CartLine => {
  const v = p.variants.reduce((a, b) => (b.price.amount < a.price.amount ? b : a));
  return { variantId: v.id, productId: p.id, quantity, price: v.price, category: p.category, brand: p.brand };
};

for (const locale of ['en', 'zh-CN'] as const) {
  const catalog: Catalog = generateCatalog(locale);
  const promotions = shopPromotions(catalog, NOW);
  const p = catalog.products;
  const demo = demoOffers(catalog);

  describe(`demo promotions (${locale})`, () => {
    test('put every offer on an in-stock product', () => {
      for (const list of Object.values(demo))
        for (const x of list) assert.notEqual(x.availability, 'out_of_stock');
      assert.deepEqual(
        Object.values(demo).map((l) => l.length),
        [2, 1, 1, 2],
      );
    });

    test('are deterministic and never misconfigured for the engine', () => {
      assert.deepEqual(shopPromotions(catalog, NOW), promotions);
      const lines = p.slice(0, 8).map((x) => line(x, 3));
      const r = priceCart({ lines, promotions, context: { now: NOW, codes: ['WINTER10', 'FREESHIP'] } });
      assert.deepEqual(
        r.rejected.filter((x) => x.reason === 'invalid' || x.reason === 'currency_mismatch'),
        [],
      );
      assert.ok(r.applied.length >= 2, `expected several offers to apply, got ${JSON.stringify(r.applied)}`);
    });

    test('the live flash sale prices its product at 70% in whole units, and the next one has not started', () => {
      const live = demo.flashLive[0]!;
      const r = priceCart({ lines: [line(live)], promotions, context: { now: NOW } });
      const flash = r.applied.find((a) => a.id === `flash-${live.id}`);
      assert.ok(flash, 'the live flash sale applies');
      assert.equal(r.total.amount % 100, 0);
      const next = demo.flashNext[0]!;
      const r2 = priceCart({ lines: [line(next)], promotions, context: { now: NOW } });
      assert.equal(r2.rejected.find((x) => x.id === `flash-${next.id}`)?.reason, 'not_started');
    });

    test('the bundle saves 15% when all its products are in the cart, and nothing without one', () => {
      const anchor = demo.bundle[1]!;
      const set = [anchor, ...bundlePartners(catalog, anchor)];
      assert.equal(set.length, 3);
      const all = priceCart({ lines: set.map((x) => line(x)), promotions, context: { now: NOW } });
      const bundle = all.applied.find((a) => a.id === `bundle-${anchor.id}`);
      assert.ok(bundle);
      const sum = set.reduce((a, x) => a + line(x).price.amount, 0);
      assert.ok(
        Math.abs(bundle.amount.amount - sum * 0.15) <= 100,
        `${bundle.amount.amount} vs 15% of ${sum}`,
      );
      const part = priceCart({
        lines: set.slice(0, 2).map((x) => line(x)),
        promotions,
        context: { now: NOW },
      });
      assert.equal(part.rejected.find((x) => x.id === `bundle-${anchor.id}`)?.reason, 'bundle_incomplete');
    });

    test('the group buy needs three members', () => {
      const g = demo.group[0]!;
      const id = `group-${g.id}`;
      const alone = priceCart({ lines: [line(g)], promotions, context: { now: NOW } });
      assert.equal(alone.rejected.find((x) => x.id === id)?.reason, 'group_size');
      const full = priceCart({ lines: [line(g)], promotions, context: { now: NOW, groupSize: { [id]: 3 } } });
      assert.ok(full.applied.some((a) => a.id === id));
    });

    test('spending past a tier shows the next one', () => {
      const r = priceCart({ lines: [line(p[10]!)], promotions, context: { now: NOW } });
      assert.ok(r.nextTier, 'a next tier is offered');
      assert.equal(r.nextTier.promotionId, 'spend-tiers');
    });
  });
}
