import type { Locale } from '@vitrine/core';
import type { Promotion } from '@vitrine/pricing';
import type { FunnelDetail, Ga4Item } from '@vitrine/schema';

/** A promotion's title in `locale` (`title` is a string or `{en, 'zh-CN'}`); its id when it has none. */
export function promotionTitle(p: Promotion, locale: Locale): string {
  const t: unknown = p.title;
  if (typeof t === 'string' && t) return t;
  const o = (typeof t === 'object' && t ? t : {}) as Partial<Record<Locale, unknown>>;
  const text = o[locale] || o.en || o['zh-CN'];
  return typeof text === 'string' ? text : p.id;
}

/**
 * The GA4 `view_promotion` / `select_promotion` detail for a promotion. `promotion_name` is the
 * English title, so reports do not split by the shopper's language; `currency` is required by the
 * wire schema once items carry prices.
 */
export function promotionFunnel(
  name: 'view_promotion' | 'select_promotion',
  promotion: Promotion,
  items: Ga4Item[],
  currency?: string,
  creativeSlot?: string,
): FunnelDetail {
  return {
    name,
    params: {
      promotion_id: promotion.id,
      promotion_name: promotionTitle(promotion, 'en'),
      ...(currency && { currency }),
      ...(creativeSlot && { creative_slot: creativeSlot }),
      items,
    },
  };
}
