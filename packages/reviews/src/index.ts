export { VtReviews } from './components/reviews/reviews.component.js';
export { VtReviewForm } from './components/review-form/review-form.component.js';
export { applyQuery, facets, starOf, variantKey, DEFAULT_QUERY } from './components/reviews/review-query.js';
export {
  jsonLdScript,
  productReviewsJsonLd,
  reviewSummary,
  type JsonLdAggregateRating,
  type JsonLdRating,
  type JsonLdReview,
  type ProductReviewsJsonLd,
  type ReviewSummary,
  type ReviewsJsonLdOptions,
  type ReviewsJsonLdProduct,
  type StarHistogram,
} from './jsonld/reviews-jsonld.js';
export { readVotes, saveVote } from './components/reviews/review-votes.js';
