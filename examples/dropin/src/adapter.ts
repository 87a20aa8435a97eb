import type { MediaItem, Product, Review } from '@vitrine/core';
import extras from './extras.json';
import { readPageCards, readPageProduct, readQuantity } from './read-page.js';

/**
 * The drop-in adapter: reads the product the Start Bootstrap page already shows and hands it to
 * the Vitrine tags the server inserted. Runs BEFORE the all-in-one bundle defines the tags, so
 * the properties it sets are there when each element first renders (Lit keeps properties set on
 * a not-yet-upgraded element).
 *
 * From the page: title, SKU, price, former price, description, quantity field, and the related
 * product cards (name, price) for the search box. From `extras.json` (the template has none):
 * photos, reviews, brand and category.
 */

export interface EnhanceOptions {
  /** ISO 4217 currency of the prices the page shows ("$" alone does not say which). */
  currency: string;
}

interface Extras {
  brand: string;
  category: string[];
  media: MediaItem[];
  reviews: Review[];
}

/** A slug for ids made from names: "Fancy Product" → "fancy-product". */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Sets a property on one element, which may not be upgraded yet. */
function setProperty(root: ParentNode, selector: string, name: string, value: unknown): void {
  const element = root.querySelector(selector);
  if (element) Reflect.set(element, name, value);
}

/**
 * Wires the page's Vitrine tags to the page's own product. Does nothing (one console warning)
 * when the page does not show a product the way the template does, so a changed page degrades to
 * the template alone instead of breaking.
 */
export function enhance(root: Document, options: EnhanceOptions): Product | undefined {
  const { brand, category, media, reviews } = extras as Extras;
  const page = readPageProduct(root, options.currency);
  if (!page) {
    console.warn(
      'vitrine drop-in: no product title and price found on the page; the Vitrine tags stay empty',
    );
    return undefined;
  }
  const id = page.sku ?? slug(page.title);
  const product: Product = {
    id,
    title: page.title,
    brand,
    category,
    url: location.pathname,
    price: page.price,
    availability: 'in_stock',
    options: [],
    variants: [
      {
        id,
        options: {},
        price: page.price,
        availability: 'in_stock',
        ...(page.sku ? { sku: page.sku } : {}),
        ...(page.compareAt ? { compareAt: page.compareAt } : {}),
      },
    ],
    media,
    ...(page.sku ? { sku: page.sku } : {}),
    ...(page.compareAt ? { compareAt: page.compareAt } : {}),
    ...(page.description ? { description: page.description } : {}),
    ...(reviews.length
      ? {
          rating: {
            average: Math.round((reviews.reduce((sum, r) => sum + r.rating, 0) / reviews.length) * 10) / 10,
            count: reviews.length,
          },
        }
      : {}),
  };

  const price = root.querySelector('vt-price');
  if (price) {
    price.setAttribute('amount', String(page.price.amount));
    price.setAttribute('currency', page.price.currency);
    if (page.compareAt) price.setAttribute('compare-at', String(page.compareAt.amount));
  }
  setProperty(root, 'vt-gallery', 'product', product);
  setProperty(root, 'vt-add-to-cart', 'product', product);
  const reviewList = root.querySelector('vt-reviews');
  if (reviewList) {
    reviewList.setAttribute('product-id', id);
    reviewList.setAttribute('product-name', page.title);
    Reflect.set(
      reviewList,
      'reviews',
      reviews.map((r) => ({ ...r, productId: id })),
    );
  }

  // The template's own quantity field sets how many our button adds.
  const quantity = root.querySelector<HTMLInputElement>('#inputQuantity');
  const syncQuantity = () => setProperty(root, 'vt-add-to-cart', 'quantity', readQuantity(quantity) ?? 1);
  syncQuantity();
  quantity?.addEventListener('input', syncQuantity);

  // The search box searches this product and the related cards, all read from the page.
  const related: Product[] = readPageCards(root, options.currency).map((card) => ({
    id: slug(card.title),
    title: card.title,
    brand,
    category,
    price: card.price,
    availability: 'in_stock',
    options: [],
    variants: [
      {
        id: slug(card.title),
        options: {},
        price: card.price,
        availability: 'in_stock',
        ...(card.compareAt ? { compareAt: card.compareAt } : {}),
      },
    ],
    media: [],
    ...(card.compareAt ? { compareAt: card.compareAt } : {}),
  }));
  setProperty(root, 'vt-search', 'products', [product, ...related]);
  return product;
}
