import type { CheckoutConfig, DeliveryOption } from '@vitrine/checkout/order';
import type { Catalog } from './catalog-types.js';
import { shopPromotions } from './promotions.js';

/** Where the English (USD) shop delivers, the default first. */
const EN_COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU'];

/**
 * The demo shop's checkout configuration for one catalog: its promotions (timed around `now`,
 * like `/api/promotions`), its delivery options and the countries it ships to. Every amount is
 * in the catalog's own currency (USD for `en`, CNY for `zh-CN`), so `priceOrder` agrees with the
 * catalog's prices. Deterministic for a given catalog and `now`.
 */
export function checkoutConfig(catalog: Catalog, now: number): CheckoutConfig {
  const money = (amount: number) => ({ amount, currency: catalog.currency });
  const delivery: DeliveryOption[] =
    catalog.locale === 'zh-CN'
      ? [
          {
            id: 'standard',
            title: { en: 'Standard delivery', 'zh-CN': '标准快递' },
            price: money(1000),
            freeOver: money(9900),
            days: [2, 4],
            countries: ['CN'],
          },
          {
            id: 'express',
            title: { en: 'SF Express next day', 'zh-CN': '顺丰次日达' },
            price: money(2300),
            days: [1, 1],
            countries: ['CN'],
          },
        ]
      : [
          {
            id: 'standard',
            title: { en: 'Standard (3–5 days)', 'zh-CN': '标准配送（3–5天）' },
            price: money(599),
            freeOver: money(5000),
            days: [3, 5],
            countries: ['US'],
          },
          {
            id: 'express',
            title: { en: 'Express (1–2 days)', 'zh-CN': '加急配送（1–2天）' },
            price: money(1499),
            days: [1, 2],
            countries: ['US'],
          },
          {
            id: 'international',
            title: { en: 'International (7–14 days)', 'zh-CN': '国际配送（7–14天）' },
            price: money(1999),
            days: [7, 14],
            countries: EN_COUNTRIES.filter((c) => c !== 'US'),
          },
        ];
  return {
    promotions: shopPromotions(catalog, now),
    delivery,
    countries: catalog.locale === 'zh-CN' ? ['CN'] : [...EN_COUNTRIES],
  };
}
