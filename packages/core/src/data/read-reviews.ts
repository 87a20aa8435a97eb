import type { Result, Review } from '../model/types.js';
import { checkReview } from '../model/validate-review.js';
import { Problems, at, describe, guard, isRecord } from '../model/validate-shared.js';
import { JsonLdDocuments, hasType, isJsonLd, itemPath, listOf, textOf } from './jsonld.js';
import { reviewFromJsonLd } from './jsonld-review.js';
import { PRODUCT_TYPES, chooseProduct } from './jsonld-select.js';

/** Drops reviews whose id was already seen (the same review listed twice), reporting them. */
function unique(found: { review: Review; path: string }[], problems: Problems): Review[] {
  const seen = new Map<string, string>();
  const out: Review[] = [];
  for (const { review, path } of found) {
    const first = seen.get(review.id);
    if (first !== undefined) {
      problems.add(path, `repeats the review at ${first || 'the top'} (id "${review.id}"); it was ignored`);
      continue;
    }
    seen.set(review.id, path);
    out.push(review);
  }
  return out;
}

function fromJsonLd(input: unknown, problems: Problems): Review[] {
  const docs = new JsonLdDocuments(input, problems);
  const found: { review: Review; path: string }[] = [];
  const hasProduct = docs.nodes.some((f) => hasType(f.node, ...PRODUCT_TYPES));
  const standalone = docs.nodes.filter((f) => hasType(f.node, 'Review'));
  if (!hasProduct && standalone.length === 0) {
    problems.add('', 'has no schema.org Review or Product with reviews');
    return [];
  }
  if (hasProduct) {
    // The same product readProduct would read; its problems about other products are not ours.
    const choice = chooseProduct(docs, input, new Problems(), 'readReviews');
    if (choice) {
      const node = choice.found.node;
      // The same preference as readProduct's product id.
      const keys = hasType(node, 'ProductGroup')
        ? ['productGroupID', 'sku', 'productID', '@id']
        : ['sku', 'productID', '@id'];
      const productId = keys.map((k) => textOf(node[k])?.trim()).find(Boolean);
      for (const key of ['review', 'reviews']) {
        const value = node[key];
        listOf(value, docs).forEach((entry, i) => {
          const path = itemPath(key, value, i);
          const review = reviewFromJsonLd(entry, path, docs, problems, productId);
          if (review) found.push({ review, path });
        });
      }
    }
  }
  for (const f of standalone) {
    const review = reviewFromJsonLd(f.node, f.path, docs, problems);
    if (review) found.push({ review, path: f.path });
  }
  return unique(found, problems);
}

/**
 * Reads reviews from Vitrine's model (one Review or a list, each validated by `validateReview`)
 * or from schema.org JSON-LD: the `review`/`reviews` of the first Product (the one `readProduct`
 * reads) plus standalone Review nodes, in any document shape `readProduct` accepts. Ratings are
 * normalised to 1–5 by bestRating. `value` is the list of usable reviews (possibly empty), or
 * null when the input is not reviews at all. Pure; never throws.
 */
export function readReviews(input: unknown): Result<Review[]> {
  return guard(() => {
    const problems = new Problems();
    if (isJsonLd(input)) return { value: fromJsonLd(input, problems), problems: problems.list };
    if (Array.isArray(input)) {
      const found: { review: Review; path: string }[] = [];
      input.forEach((item, i) => {
        const review = checkReview(item, at('', i), problems);
        if (review) found.push({ review, path: at('', i) });
      });
      return { value: unique(found, problems), problems: problems.list };
    }
    if (isRecord(input)) {
      const review = checkReview(input, '', problems);
      return { value: review ? [review] : [], problems: problems.list };
    }
    problems.add('', `must be reviews (Vitrine's model or schema.org JSON-LD), got ${describe(input)}`);
    return { value: null, problems: problems.list };
  });
}
