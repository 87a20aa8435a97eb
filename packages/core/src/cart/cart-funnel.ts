import type { CartLine } from '../model/types.js';
import type { CartFunnelDetail, CartFunnelEventName, FunnelItem } from './cart-events.js';

/** GA4's five category levels, top first. */
export const CATEGORY_KEYS = [
  'item_category',
  'item_category2',
  'item_category3',
  'item_category4',
  'item_category5',
] as const;

/** A line and how many of it a change added or removed. */
export interface LineDelta {
  line: CartLine;
  quantity: number;
}

/** One GA4 `items` entry for `quantity` of `line`; the price stays in minor units. */
export function toFunnelItem(line: CartLine, quantity: number): FunnelItem {
  const item: FunnelItem = {
    item_id: line.sku ?? line.productId,
    item_name: line.title,
    price: line.price.amount,
    quantity,
  };
  if (line.brand) item.item_brand = line.brand;
  (line.category ?? []).slice(0, CATEGORY_KEYS.length).forEach((name, i) => {
    const key = CATEGORY_KEYS[i];
    if (key) item[key] = name;
  });
  const variant = Object.values(line.options ?? {}).join(' / ');
  if (variant) item.item_variant = variant;
  return item;
}

/** The `add_to_cart` / `remove_from_cart` detail for `deltas`, or `null` when nothing moved. */
export function toFunnelDetail(
  name: CartFunnelEventName,
  currency: string,
  deltas: LineDelta[],
): CartFunnelDetail | null {
  const moved = deltas.filter((d) => d.quantity > 0);
  if (moved.length === 0) return null;
  return {
    name,
    params: {
      currency,
      value: moved.reduce((sum, d) => sum + d.line.price.amount * d.quantity, 0),
      items: moved.map((d) => toFunnelItem(d.line, d.quantity)),
    },
  };
}
