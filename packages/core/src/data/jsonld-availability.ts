import type { Availability } from '../model/types.js';
import { schemaTerm, textOf } from './jsonld.js';

/** schema.org `ItemAvailability` terms (lowercase) → Vitrine's availability. */
const ITEM_AVAILABILITY: Record<string, Availability> = {
  instock: 'in_stock',
  onlineonly: 'in_stock',
  instoreonly: 'in_stock',
  limitedavailability: 'limited',
  outofstock: 'out_of_stock',
  soldout: 'out_of_stock',
  preorder: 'preorder',
  presale: 'preorder',
  backorder: 'backorder',
  madetoorder: 'backorder',
  discontinued: 'discontinued',
};

/**
 * Maps a schema.org availability — `https://schema.org/InStock`, `http://schema.org/InStock`,
 * `schema:InStock` or just `InStock` — to Vitrine's. Undefined when missing; `null` when present
 * but not a schema.org `ItemAvailability`.
 */
export function availabilityFromJsonLd(value: unknown): Availability | undefined | null {
  if (value === undefined || value === null) return undefined;
  const text = textOf(value);
  if (text === undefined) return null;
  const term = schemaTerm(text)
    .replace(/^.*[/#]/, '')
    .toLowerCase();
  return ITEM_AVAILABILITY[term] ?? null;
}
