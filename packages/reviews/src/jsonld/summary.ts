import type { Review } from '@vitrine/core';

/** Star counts: index 0 holds the 1-star reviews, index 4 the 5-star ones. */
export type StarHistogram = [number, number, number, number, number];

/** What {@link reviewSummary} returns. */
export interface ReviewSummary {
  /** Mean rating rounded half-up to one decimal (4.25 → 4.3); 0 when there are no ratings. */
  average: number;
  /** Number of reviews with a usable rating. */
  count: number;
  /** Reviews per whole star; a half-star rating counts in the bucket below (4.5 → 4 stars). */
  histogram: StarHistogram;
}

/**
 * A rating on Vitrine's 1–5 scale in steps of 0.5, or null when it is unusable. Core's validator
 * already guarantees this; the check is repeated because callers may hand over unvalidated data.
 */
export function usableRating(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 5) return null;
  // The same rounding as core's checkReviewRating, so both agree on off-step input like 4.3.
  return Math.round(value * 2) / 2;
}

/**
 * Summarises ratings for a stars bar: the average, the count and a 1–5 star histogram. Reviews
 * without a usable rating (missing, not a number, outside 1–5) are skipped; anonymous reviews
 * count. The average is rounded half-up to one decimal (4.25 → 4.3, 4.249 → 4.2), computed from
 * whole numbers (ratings are halves, so `sum × 2` is whole) so a tie is exactly a tie. A half-star rating
 * goes to the bucket of the whole star below it (`Math.floor`, 4.5 → 4 stars), as most shops show
 * it. Pure; never throws.
 */
export function reviewSummary(reviews: readonly Review[]): ReviewSummary {
  const histogram: StarHistogram = [0, 0, 0, 0, 0];
  let halves = 0;
  let count = 0;
  for (const review of Array.isArray(reviews) ? reviews : []) {
    const rating = usableRating((review as Partial<Review> | null)?.rating);
    if (rating === null) continue;
    halves += rating * 2;
    count += 1;
    histogram[Math.floor(rating) - 1]! += 1;
  }
  // mean × 10 = (halves / 2 / count) × 10 = halves × 5 / count; an exact .5 rounds up.
  const average = count === 0 ? 0 : Math.round((halves * 5) / count) / 10;
  return { average, count, histogram };
}
