import type { Review } from '@vitrine/core';
import type { ReviewQuery } from '@vitrine/schema';

/** The query a list starts with: every review, most helpful first. */
export const DEFAULT_QUERY: ReviewQuery = { stars: [], withMedia: false, verified: false, sort: 'helpful' };

/** Whole-star bucket of a rating: 4.5 counts as 4 (the bar of the stars it has earned in full). */
export const starOf = (rating: number): number => Math.min(5, Math.max(1, Math.floor(rating)));

/** Stars histogram (index 0 = 1 star) and the tags most mentioned, most first. */
export function facets(reviews: readonly Review[]): {
  histogram: number[];
  tags: { tag: string; count: number }[];
  variants: string[];
} {
  const histogram = [0, 0, 0, 0, 0];
  const tags = new Map<string, number>();
  const variants = new Set<string>();
  for (const r of reviews) {
    histogram[starOf(r.rating) - 1]! += 1;
    for (const t of new Set(r.tags ?? [])) tags.set(t, (tags.get(t) ?? 0) + 1);
    if (r.variant && Object.keys(r.variant).length) variants.add(variantKey(r.variant));
  }
  return {
    histogram,
    tags: [...tags]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1)),
    variants: [...variants].sort(),
  };
}

/** A stable text for a variant's options: `Colour: Red / Size: M`. */
export function variantKey(variant: Record<string, string>): string {
  return Object.entries(variant)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' / ');
}

const hasMedia = (r: Review) => (r.media?.length ?? 0) > 0;
/** The sort key of a review (bigger first), computed once per review, not per comparison. */
const KEYS: Record<ReviewQuery['sort'], (r: Review, time: number) => number> = {
  helpful: (r) => (r.helpful ?? 0) - (r.notHelpful ?? 0),
  newest: (_, time) => time,
  highest: (r) => r.rating,
  lowest: (r) => -r.rating,
  media: (r) => Number(hasMedia(r)),
};

/**
 * The reviews matching `query`, sorted; ties fall back to newest first, then id, so the order is
 * stable. Keys are computed once per review (dates parsed once), so 5,000 reviews take a few
 * milliseconds.
 */
export function applyQuery(reviews: readonly Review[], query: ReviewQuery): Review[] {
  const stars = new Set(query.stars);
  const variant = query.variant ? variantKey(query.variant) : '';
  const key = KEYS[query.sort] ?? KEYS.helpful;
  const rows: { r: Review; k: number; t: number }[] = [];
  for (const r of reviews)
    if (
      (stars.size === 0 || stars.has(starOf(r.rating))) &&
      (!query.tag || (r.tags ?? []).includes(query.tag)) &&
      (!query.withMedia || hasMedia(r)) &&
      (!query.verified || r.verified === true) &&
      (!variant || (r.variant !== undefined && variantKey(r.variant) === variant))
    ) {
      const t = Date.parse(r.date) || 0;
      rows.push({ r, k: key(r, t), t });
    }
  rows.sort((a, b) => b.k - a.k || b.t - a.t || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  return rows.map((x) => x.r);
}
