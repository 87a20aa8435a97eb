import type { Promotion } from '@vitrine/pricing';
import type { Catalog, Product } from './catalog-types.js';

const HOUR = 3_600_000;

/**
 * Which demo products carry which offer: the first in-stock product at or after each catalog
 * position, each product used once (the same products in both locales).
 */
const DEMO_POSITIONS = {
  /** Flash sale running now (ends within three hours). */
  flashLive: [0, 1],
  /** Flash sale starting in two hours. */
  flashNext: [2],
  /** Group buy (拼团). */
  group: [3],
  /** Anchor of a "bought together" set with two products of its category. */
  bundle: [0, 4],
} as const;

/** The products that carry each demo offer (see the positions above). */
export function demoOffers(catalog: Catalog): Record<keyof typeof DEMO_POSITIONS, Product[]> {
  const used = new Set<string>();
  const pick = (from: number): Product[] => {
    const p = catalog.products.slice(from).find((x) => x.availability !== 'out_of_stock' && !used.has(x.id));
    if (!p) return [];
    used.add(p.id);
    return [p];
  };
  const out = {} as Record<keyof typeof DEMO_POSITIONS, Product[]>;
  for (const [key, positions] of Object.entries(DEMO_POSITIONS))
    out[key as keyof typeof DEMO_POSITIONS] = positions.flatMap(pick);
  return out;
}

const whole = (amount: number, currency: string) => {
  // Sale prices end in whole units (¥79, $24.00), like real price tags.
  const unit = currency === 'JPY' ? 1 : 100;
  return Math.max(unit, Math.round(amount / unit) * unit);
};
const cheapest = (p: Product) => Math.min(...p.variants.map((v) => v.price.amount));

/** Products of the same category as `anchor` that a bundle can pair it with. */
export function bundlePartners(catalog: Catalog, anchor: Product): Product[] {
  const key = anchor.category.join('/');
  return catalog.products
    .filter((p) => p.id !== anchor.id && p.category.join('/') === key && p.availability !== 'out_of_stock')
    .slice(0, 2);
}

/**
 * The demo shop's promotions in the `@vitrine/pricing` format: the catalog's coupons, an
 * automatic spend-tier offer (满减), flash sales timed around `now` (so the demo always has a live
 * and an upcoming one), a group buy, bundles and a buy-two-get-one. Deterministic for a given
 * catalog and `now`.
 */
export function shopPromotions(catalog: Catalog, now: number): Promotion[] {
  const { currency, products } = catalog;
  const zh = catalog.locale === 'zh-CN';
  const money = (amount: number) => ({ amount, currency });
  const promotions: Promotion[] = [];
  const tiers = catalog.coupons.filter((c) => c.kind === 'threshold');
  if (tiers.length)
    promotions.push({
      id: 'spend-tiers',
      title: zh ? tiers.map((c) => c.title).join('，') : 'Spend more, save more',
      kind: 'tiered',
      tiers: tiers.map((c) => ({ spend: c.minSpend, save: money(c.value) })),
      combinesWith: { product: true, shipping: true },
    });
  for (const c of catalog.coupons) {
    if (c.kind === 'threshold') continue;
    const base = {
      id: c.code.toLowerCase(),
      title: c.title,
      code: c.code,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      ...(c.minSpend.amount > 0 && { minSpend: c.minSpend }),
      ...(c.newCustomersOnly && { eligibility: { newCustomersOnly: true } }),
    };
    if (c.kind === 'percent')
      promotions.push({
        ...base,
        kind: 'percent_off',
        percent: c.value,
        combinesWith: { product: true, shipping: true },
      });
    else promotions.push({ ...base, kind: 'free_shipping', combinesWith: { product: true, order: true } });
  }
  const hour = Math.floor(now / HOUR) * HOUR;
  const demo = demoOffers(catalog);
  const flash = (p: Product, startsAt: number) => {
    promotions.push({
      id: `flash-${p.id}`,
      title: zh ? `限时秒杀：${p.title}` : `Flash sale: ${p.title}`,
      kind: 'flash_sale',
      price: money(whole(cheapest(p) * 0.7, currency)),
      eligibility: { products: [p.id] },
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * HOUR).toISOString(),
      combinesWith: { order: true, shipping: true },
    });
  };
  for (const p of demo.flashLive) flash(p, hour);
  for (const p of demo.flashNext) flash(p, hour + 2 * HOUR);
  for (const p of demo.group)
    promotions.push({
      id: `group-${p.id}`,
      title: zh ? `3人团：${p.title}` : `Group of 3: ${p.title}`,
      kind: 'group_buy',
      price: money(whole(cheapest(p) * 0.6, currency)),
      minGroupSize: 3,
      eligibility: { products: [p.id] },
      startsAt: new Date(hour - 24 * HOUR).toISOString(),
      endsAt: new Date(hour + 48 * HOUR).toISOString(),
      combinesWith: { order: true, shipping: true },
    });
  for (const anchor of demo.bundle) {
    const set = [anchor, ...bundlePartners(catalog, anchor)];
    if (set.length < 2) continue;
    promotions.push({
      id: `bundle-${anchor.id}`,
      title: zh ? '组合购 85 折' : 'Better together: 15% off the set',
      kind: 'bundle',
      items: set.map((p) => ({ productId: p.id })),
      percent: 15,
      combinesWith: { order: true, shipping: true },
    });
  }
  // Buy 2 get 1 on a category without a bundle, so the demo shows each offer on its own.
  const bundled = new Set(demo.bundle.map((p) => p.category.at(-1)));
  const cat = products.map((p) => p.category.at(-1)).find((c) => c && !bundled.has(c));
  if (cat)
    promotions.push({
      id: 'buy2get1',
      title: zh ? `${cat}：买二送一` : `${cat}: buy 2, get 1 free`,
      kind: 'buy_x_get_y',
      buy: 2,
      get: 1,
      eligibility: { categories: [cat] },
      combinesWith: { order: true, shipping: true },
    });
  return promotions;
}
