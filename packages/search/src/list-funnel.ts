import { CATEGORY_KEYS, type Product } from '@vitrine/core';
import type { FunnelDetail, Ga4Item } from '@vitrine/schema';

/** The list a product was shown in: `search-suggestions`, `search-results`… */
export interface ListRef {
  id: string;
  name: string;
}

/**
 * One GA4 item for `product` at zero-based `index` of `list`. The id is the SKU when there is one,
 * as in cart events, so list, cart and purchase events join on the same id.
 */
export function listItem(product: Product, index: number, list: ListRef): Ga4Item {
  const item: Ga4Item = {
    item_id: product.sku ?? product.id,
    item_name: product.title,
    index,
    item_list_id: list.id,
    item_list_name: list.name,
    price: product.price.amount,
  };
  if (product.brand) item.item_brand = product.brand;
  product.category.slice(0, CATEGORY_KEYS.length).forEach((name, i) => {
    item[CATEGORY_KEYS[i]!] = name;
  });
  return item;
}

/**
 * `view_item_list` or `select_item` for `products` shown from zero-based `start` of `list`, with
 * the query that produced them as `search_term` (so search conversion can be computed), or
 * `null` when there is nothing to report. GA4 caps `items` at 200.
 */
export function listFunnel(
  name: 'view_item_list' | 'select_item',
  products: readonly Product[],
  start: number,
  list: ListRef,
  query: string,
): FunnelDetail | null {
  const first = products[0];
  if (!first) return null;
  const items = products.slice(0, 200).map((p, i) => listItem(p, start + i, list));
  const params: FunnelDetail['params'] & Record<string, unknown> = {
    items,
    currency: first.price.currency,
    item_list_id: list.id,
    item_list_name: list.name,
  };
  if (query) params.search_term = query;
  return { name, params } as FunnelDetail;
}

/** GA4 `search` for a submitted query. */
export function searchFunnel(query: string): FunnelDetail {
  return { name: 'search', params: { search_term: query } };
}
