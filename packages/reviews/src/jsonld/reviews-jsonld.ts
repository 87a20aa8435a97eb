import type { Rating, Review } from '@vitrine/core';
import { reviewSummary, usableRating } from './summary.js';

export { reviewSummary, type ReviewSummary, type StarHistogram } from './summary.js';

/**
 * schema.org JSON-LD for a product's reviews, shaped for Google's product snippet and review
 * snippet rich results:
 * https://developers.google.com/search/docs/appearance/structured-data/product-snippet
 * https://developers.google.com/search/docs/appearance/structured-data/review-snippet
 * Opt-in: nothing here touches the page; the shop decides whether to print the script.
 */

/** Google's scale bounds, stated explicitly on every rating so no reader has to assume them. */
const BEST = 5;
const WORST = 1;
/** Google: an author name of 100 characters or more makes the page ineligible (review snippet). */
const AUTHOR_MAX = 100;
const DEFAULT_MAX_REVIEWS = 10;

/** The product fields the JSON-LD needs. A core `Product` fits (add `image` from its media). */
export interface ReviewsJsonLdProduct {
  id: string;
  /** Becomes `name`, which Google requires. */
  title: string;
  /** Product page URL: absolute http(s) or root-relative; anything else is left out. */
  url?: string;
  /** Main image URL: absolute http(s) or root-relative; anything else is left out. */
  image?: string;
  brand?: string;
  sku?: string;
  gtin?: string;
  description?: string;
}

/** Options of {@link productReviewsJsonLd}. */
export interface ReviewsJsonLdOptions {
  /** Most reviews to list (the first eligible ones, in the order given). Default 10; 0 lists none. */
  maxReviews?: number;
  /**
   * The shop's true totals when `reviews` is only a page of them. Used for `aggregateRating` when
   * `count` is a whole number ≥ 0 and `average` is within 1–5; otherwise ignored. A count of 0
   * means "no ratings", so `aggregateRating` is left out.
   */
  aggregate?: Pick<Rating, 'average' | 'count'>;
}

/** A schema.org Rating on the 1–5 scale. */
export interface JsonLdRating {
  '@type': 'Rating';
  ratingValue: number;
  bestRating: typeof BEST;
  worstRating: typeof WORST;
}

/** A schema.org AggregateRating on the 1–5 scale. */
export interface JsonLdAggregateRating {
  '@type': 'AggregateRating';
  ratingValue: number;
  reviewCount: number;
  bestRating: typeof BEST;
  worstRating: typeof WORST;
}

/** A schema.org Review nested in its Product (so without `itemReviewed`, as Google asks). */
export interface JsonLdReview {
  '@type': 'Review';
  reviewRating: JsonLdRating;
  author: { '@type': 'Person'; name: string };
  /** YYYY-MM-DD. */
  datePublished?: string;
  /** The review's title. */
  name?: string;
  reviewBody?: string;
  inLanguage?: string;
}

/** What {@link productReviewsJsonLd} returns: a plain, JSON-serialisable object. */
export interface ProductReviewsJsonLd {
  '@context': 'https://schema.org';
  '@type': 'Product';
  name: string;
  image?: string;
  url?: string;
  brand?: { '@type': 'Brand'; name: string };
  sku?: string;
  gtin?: string;
  description?: string;
  aggregateRating?: JsonLdAggregateRating;
  review?: JsonLdReview[];
}

/** A trimmed non-empty string, or undefined for anything else. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** An absolute http(s) or root-relative URL, or undefined (`javascript:`, `data:`, `//host`…). */
function webUrl(value: unknown): string | undefined {
  const url = text(value);
  if (url === undefined) return undefined;
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? undefined : url;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * The calendar date as written (YYYY-MM-DD), or undefined. A date-time keeps its own local date:
 * `2024-05-01T23:30:00-05:00` was the 1st where the reviewer was, though it is the 2nd in UTC.
 */
function calendarDate(value: unknown): string | undefined {
  const iso = text(value);
  const m = iso === undefined ? null : DATE.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${y}-${mo}-${d}`;
}

/** Characters as a reader counts them (code points, so an emoji is one). */
function length(value: string): number {
  return Array.from(value).length;
}

/** One review as JSON-LD, or null when Google would reject it (no rating, no usable author). */
function reviewJsonLd(review: Review): JsonLdReview | null {
  if (typeof review !== 'object' || review === null) return null;
  const rating = usableRating(review.rating);
  const author = text(review.author);
  // Anonymous reviews still count in aggregateRating; they are only left out of the list,
  // because Google requires author.name on every Review and rejects names of 100+ characters.
  if (rating === null || author === undefined || length(author) >= AUTHOR_MAX) return null;
  const out: JsonLdReview = {
    '@type': 'Review',
    reviewRating: { '@type': 'Rating', ratingValue: rating, bestRating: BEST, worstRating: WORST },
    author: { '@type': 'Person', name: author },
  };
  const date = calendarDate(review.date);
  if (date) out.datePublished = date;
  const title = text(review.title);
  if (title) out.name = title;
  const body = text(review.body);
  if (body) out.reviewBody = body;
  const lang = text(review.lang);
  if (lang) out.inLanguage = lang;
  return out;
}

/** The shop's totals when they are usable, else undefined (the computed summary is used). */
function override(aggregate: unknown): { average: number; count: number } | undefined {
  if (typeof aggregate !== 'object' || aggregate === null) return undefined;
  const { average, count } = aggregate as Partial<Rating>;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
  if (count === 0) return { average: 0, count: 0 };
  if (typeof average !== 'number' || !Number.isFinite(average) || average < WORST || average > BEST) {
    return undefined;
  }
  return { average: Math.round(average * 10) / 10, count };
}

function maxOf(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return DEFAULT_MAX_REVIEWS;
  return Math.max(0, Math.floor(value));
}

/**
 * Builds schema.org `Product` JSON-LD with `aggregateRating` and up to `maxReviews` nested
 * `review`s, following Google's product snippet and review snippet rules:
 *
 * - `name` (required) is the product title; image, url, brand (as a `Brand`), sku, gtin and
 *   description are added when given (URLs only when http(s) or root-relative).
 * - `aggregateRating` has `ratingValue` (the mean, one decimal), `reviewCount`, `bestRating` 5
 *   and `worstRating` 1. It is left out when there are no ratings: Google rejects a count of 0.
 *   Pass `options.aggregate` when `reviews` is only a page of the product's reviews.
 * - Each `review` has `reviewRating` (1–5, within best/worst) and `author` (a `Person` with a
 *   name under 100 characters), both required by Google, plus `datePublished` (YYYY-MM-DD),
 *   `name` (the title), `reviewBody` and `inLanguage` when known. Nested reviews carry no
 *   `itemReviewed`: Google takes the enclosing Product. Reviews without a usable rating or an
 *   author name are skipped; anonymous ones still count in the aggregate.
 *
 * Google also requires one of `review`, `aggregateRating` or `offers` on a Product: with no
 * reviews at all the result has neither, so merge your `offers` into it (or skip printing it).
 * Print it with {@link jsonLdScript}, never with plain `JSON.stringify`. Pure; never throws.
 */
export function productReviewsJsonLd(
  product: ReviewsJsonLdProduct,
  reviews: readonly Review[],
  options: ReviewsJsonLdOptions = {},
): ProductReviewsJsonLd {
  const p: Partial<ReviewsJsonLdProduct> = typeof product === 'object' && product !== null ? product : {};
  const list = Array.isArray(reviews) ? reviews : [];
  const out: ProductReviewsJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: text(p.title) ?? '',
  };
  const image = webUrl(p.image);
  if (image) out.image = image;
  const url = webUrl(p.url);
  if (url) out.url = url;
  const brand = text(p.brand);
  if (brand) out.brand = { '@type': 'Brand', name: brand };
  const sku = text(p.sku);
  if (sku) out.sku = sku;
  const gtin = text(p.gtin);
  if (gtin) out.gtin = gtin;
  const description = text(p.description);
  if (description) out.description = description;

  const totals = override((options as ReviewsJsonLdOptions | null)?.aggregate) ?? reviewSummary(list);
  if (totals.count > 0) {
    out.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: totals.average,
      reviewCount: totals.count,
      bestRating: BEST,
      worstRating: WORST,
    };
  }

  const max = maxOf((options as ReviewsJsonLdOptions | null)?.maxReviews);
  const items: JsonLdReview[] = [];
  for (const review of list) {
    if (items.length >= max) break;
    const item = reviewJsonLd(review);
    if (item) items.push(item);
  }
  if (items.length > 0) out.review = items;
  return out;
}

/** Characters that could end or confuse the script element, or a JS parser, as \uXXXX. */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * The text to put inside `<script type="application/ld+json">`: `JSON.stringify(data)` with `<`,
 * `>`, `&`, U+2028 and U+2029 written as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`.
 *
 * Why: a script element's content is raw text that ends at the first `</script` whatever the
 * JSON quoting says, and `<!--` followed by `<script` can make the real end tag be ignored (the
 * HTML "script data double escaped" states,
 * https://html.spec.whatwg.org/multipage/parsing.html#script-data-state). A review saying
 * `</script><script>…` would otherwise run as code on the shop's page. With no `<` left, the
 * tokenizer can never leave the script data state early. `&` and `>` are escaped too so the text
 * is also safe in XHTML and in attributes; U+2028/U+2029 are line terminators for pre-ES2019
 * JavaScript, which breaks tools that inline the JSON as a JS literal. Every escape is valid JSON
 * (the characters only occur inside strings), so `JSON.parse` returns the same data. Throws what
 * `JSON.stringify` throws (a cycle, a BigInt).
 */
export function jsonLdScript(data: object): string {
  const json = JSON.stringify(data) ?? 'null';
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
