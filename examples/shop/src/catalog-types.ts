/**
 * Shape of the demo shop's generated catalog. It follows the product model planned for
 * `@vitrine/core` (issue: contracts and core): money as integer minor units plus an ISO currency,
 * category as a path, variants keyed by option values, media with alt text.
 */

export type ShopLocale = 'en' | 'zh-CN';

export interface Money {
  /** Integer minor units (1999 = 19.99). */
  amount: number;
  /** ISO 4217: USD for the English shop, CNY for the Chinese one. */
  currency: string;
}

export type Availability = 'in_stock' | 'out_of_stock' | 'preorder' | 'limited';

export interface Media {
  /** Pictures first; every third product then has the demo video and the demo 3D model. */
  type: 'image' | 'video' | 'model';
  /**
   * Root-relative URL: a local SVG placeholder `/img/<productId>-<n>.svg` for pictures; the
   * generated demo clip `/media/clip.webm` and model `/media/bag.glb` (scripts/make-demo-*.mjs).
   */
  url: string;
  alt: string;
  width?: number;
  height?: number;
  /** Still shown before a video plays or a model loads. */
  poster?: string;
  /** WebVTT captions of a video, English and Chinese. */
  captions?: { src: string; lang: string; label: string }[];
}

export interface ProductOption {
  /** Option name in the catalog's language, e.g. "Colour" / "颜色". */
  name: string;
  values: string[];
}

export interface Variant {
  id: string;
  sku: string;
  /** Option name → value, e.g. `{ Colour: 'Navy', Size: 'M' }`. */
  options: Record<string, string>;
  price: Money;
  compareAt?: Money;
  availability: Availability;
  /** Index into the product's `media` of this variant's first picture. */
  mediaIndex: number;
}

export interface Product {
  id: string;
  sku: string;
  /** Root-relative product page URL. */
  url: string;
  title: string;
  brand: string;
  /** Category path from the top, e.g. ["Apparel", "T-shirts"]. */
  category: string[];
  description: string;
  price: Money;
  compareAt?: Money;
  availability: Availability;
  options: ProductOption[];
  variants: Variant[];
  media: Media[];
  rating: { average: number; count: number };
  /** ISO date the product was added; drives "newest" sorting. */
  createdAt: string;
  tags: string[];
}

export interface Review {
  id: string;
  productId: string;
  /** 1–5. */
  rating: number;
  title: string;
  body: string;
  author: string;
  /** ISO date. */
  date: string;
  verified: boolean;
  /** Short tags shoppers picked, e.g. "True to size" / "面料舒适". */
  tags: string[];
  /** Option values of the variant bought, when known. */
  variant?: Record<string, string>;
  helpful: number;
  reply?: { body: string; date: string };
}

export interface Coupon {
  code: string;
  title: string;
  /** `threshold`: save `value` when spending at least `minSpend` (满减); `percent`: `value`% off; `shipping`: free shipping. */
  kind: 'threshold' | 'percent' | 'shipping';
  value: number;
  minSpend: Money;
  newCustomersOnly: boolean;
  /** ISO dates. */
  startsAt: string;
  endsAt: string;
}

export interface Category {
  id: string;
  /** Path of names from the top. */
  path: string[];
  productCount: number;
}

export interface Catalog {
  locale: ShopLocale;
  currency: string;
  products: Product[];
  reviews: Review[];
  coupons: Coupon[];
  categories: Category[];
  brands: string[];
  /** Popular search terms for suggestions. */
  popularSearches: string[];
}
