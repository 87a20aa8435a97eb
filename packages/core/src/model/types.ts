import type { Money } from '../money/format-money.js';

export type { Money };

/**
 * The product, review, offer and cart model every Vitrine element agrees on. Amounts are always
 * integer minor units plus an ISO 4217 currency. Validators live in `./validate-*.ts`; readers
 * that also accept schema.org JSON-LD in `../data/`.
 */

/** Stock states, mapped from schema.org `ItemAvailability` by the JSON-LD reader. */
export const AVAILABILITY = [
  'in_stock',
  'out_of_stock',
  'preorder',
  'backorder',
  'limited',
  'discontinued',
] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const MEDIA_TYPES = ['image', 'video', 'model'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export interface CaptionTrack {
  /** Absolute or root-relative URL of a WebVTT file. */
  src: string;
  /** BCP 47 language of the captions. */
  lang: string;
  label: string;
}

/** One picture, video or 3D model of a product. `alt` is required for every type. */
export interface MediaItem {
  type: MediaType;
  /** Absolute (http/https) or root-relative URL. */
  url: string;
  alt: string;
  /** Intrinsic size in CSS pixels, used to reserve space. */
  width?: number;
  height?: number;
  /** Still image for a video or model until it loads. */
  poster?: string;
  /** MIME type, e.g. `video/mp4`, `model/gltf-binary`. */
  mimeType?: string;
  /** USDZ source for iOS Quick Look (models only). */
  iosUrl?: string;
  /** Caption tracks (videos only). */
  captions?: CaptionTrack[];
  /** Further sources for responsive images: URL → width in pixels (`srcset`). */
  srcset?: { url: string; width: number }[];
}

export interface ProductOption {
  /** Option name in the shop's language, e.g. "Colour" / "颜色". */
  name: string;
  values: string[];
}

export interface Variant {
  id: string;
  sku?: string;
  gtin?: string;
  /** Option name → value; every name must be one of the product's `options`. */
  options: Record<string, string>;
  price: Money;
  compareAt?: Money;
  availability: Availability;
  /** Indexes into the product's `media` showing this variant, first one first. */
  media?: number[];
}

export interface Rating {
  /** 0–5, one decimal is plenty. */
  average: number;
  count: number;
}

export interface Product {
  id: string;
  sku?: string;
  gtin?: string;
  /** Product page URL, absolute or root-relative. */
  url?: string;
  title: string;
  brand?: string;
  /** Category path from the top, e.g. ["Apparel", "T-shirts"]; may be empty. */
  category: string[];
  /** Plain text; never rendered as HTML. */
  description?: string;
  /** The lowest variant price when there are variants. */
  price: Money;
  compareAt?: Money;
  availability: Availability;
  options: ProductOption[];
  /** At least one. A product without options has one variant with empty `options`. */
  variants: Variant[];
  media: MediaItem[];
  rating?: Rating;
  /** ISO 8601 date the product went on sale (schema.org `releaseDate`); sorts "newest first". */
  releaseDate?: string;
}

export interface ReviewReply {
  body: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  date?: string;
}

export interface Review {
  id: string;
  productId?: string;
  /** 1–5, halves allowed. */
  rating: number;
  title?: string;
  /** Plain text with line breaks; never rendered as HTML. */
  body: string;
  author: string;
  /** ISO 8601 date or date-time. */
  date: string;
  verified?: boolean;
  tags?: string[];
  /** Option values of the variant bought. */
  variant?: Record<string, string>;
  media?: MediaItem[];
  reply?: ReviewReply;
  helpful?: number;
  notHelpful?: number;
  /** BCP 47 language of the text, when known. */
  lang?: string;
}

/** A promotion as shoppers see it (the pricing rules themselves live in `@vitrine/pricing`). */
export interface Offer {
  id: string;
  title: string;
  description?: string;
  /** Coupon code to enter, when the offer needs one. */
  code?: string;
  /** ISO 8601 date-times bounding the offer. */
  startsAt?: string;
  endsAt?: string;
  /** Short label such as "-20%" or "满199减20". */
  badge?: string;
}

export interface CartLine {
  /** Lines are keyed by variant: adding the same variant again adds to its quantity. */
  variantId: string;
  productId: string;
  /** Whole number ≥ 1. */
  quantity: number;
  title: string;
  /** Unit price when added. */
  price: Money;
  compareAt?: Money;
  sku?: string;
  url?: string;
  /** Image URL for the line. */
  image?: string;
  options?: Record<string, string>;
  brand?: string;
  category?: string[];
}

export interface Cart {
  /** ISO 4217; every line uses it. */
  currency: string;
  lines: CartLine[];
  /** Entered coupon codes. */
  codes: string[];
  /** Milliseconds since the epoch of the last change. */
  updatedAt: number;
}

/** One thing wrong with an input, with the path to it: `media[2].url`. */
export interface Problem {
  path: string;
  message: string;
}

/** What every validator and reader returns: the usable value (or null) and every problem found. */
export interface Result<T> {
  value: T | null;
  problems: Problem[];
}
