import type { Review } from '../model/types.js';
import { checkReview } from '../model/validate-review.js';
import { LIMITS, Problems, at, capped, describe, isIsoDate, isRecord } from '../model/validate-shared.js';
import { listOf, nameOf, numberOf, textOf, type JsonLdDocuments, type JsonLdNode } from './jsonld.js';
import { stableHash } from './jsonld-hash.js';
import { MediaList, readImages } from './jsonld-media.js';
import { htmlToLine, htmlToText } from './jsonld-text.js';

const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

/** A review's rating on Vitrine's 1–5 scale in halves, normalised by bestRating; null when unusable. */
function readReviewRating(
  node: JsonLdNode,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
): number | null {
  const rating = listOf(node.reviewRating, docs)[0];
  const ratingPath = at(path, 'reviewRating');
  if (!isRecord(rating)) {
    problems.add(
      ratingPath,
      rating === undefined
        ? 'is required (a Rating with ratingValue)'
        : `must be a Rating, got ${describe(rating)}`,
    );
    return null;
  }
  const value = numberOf(rating.ratingValue);
  const best = numberOf(rating.bestRating) ?? 5;
  const worst = numberOf(rating.worstRating) ?? 1;
  if (value === undefined) {
    problems.add(at(ratingPath, 'ratingValue'), `must be a number, got ${describe(rating.ratingValue)}`);
    return null;
  }
  if (best <= 0 || worst >= best) {
    problems.add(at(ratingPath, 'bestRating'), `must be above worstRating (${worst}), got ${describe(best)}`);
    return null;
  }
  if (value > best || value < Math.min(worst, 0)) {
    problems.add(at(ratingPath, 'ratingValue'), `must be between ${worst} and ${best}, got ${value}`);
    return null;
  }
  const exact = (value / best) * 5;
  // Vitrine keeps 1–5 in halves; the lowest point of a 0–10 scale still reads as one star.
  const rounded = Math.min(5, Math.max(1, Math.round(exact * 2) / 2));
  if (Math.abs(rounded - exact) > 1e-9 && exact >= 1) {
    const scaled =
      best === 5 ? `${value}` : `${value} of ${best} is ${Math.round(exact * 100) / 100} of 5 and`;
    problems.add(
      at(ratingPath, 'ratingValue'),
      `${scaled} was rounded to ${rounded} (ratings are kept in steps of 0.5)`,
    );
  }
  return rounded;
}

/** An ISO 8601 date from datePublished (or dateCreated); other parseable dates are converted, reported. */
function readDate(node: JsonLdNode, path: string, problems: Problems): string | null {
  const key =
    node.datePublished !== undefined
      ? 'datePublished'
      : node.dateCreated !== undefined
        ? 'dateCreated'
        : null;
  if (key === null) {
    problems.add(at(path, 'datePublished'), 'is required (an ISO 8601 date such as "2024-05-01")');
    return null;
  }
  const text = textOf(node[key])?.trim() ?? '';
  if (isIsoDate(text)) return text;
  const time = text.length <= 64 ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) {
    problems.add(at(path, key), `must be an ISO 8601 date such as "2024-05-01", got ${describe(node[key])}`);
    return null;
  }
  // Non-ISO strings parse as local time, so the local calendar date is the one that was written.
  const d = new Date(time);
  const date = [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n, i) => String(n).padStart(i ? 2 : 4, '0'))
    .join('-');
  problems.add(at(path, key), `${describe(text)} is not ISO 8601; read it as "${date}"`);
  return date;
}

/** A BCP 47 tag from inLanguage: text or a Language `{alternateName|name}`. */
function readLang(
  value: unknown,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const first = listOf(value, docs)[0];
  const text = (
    isRecord(first) ? (textOf(first.alternateName) ?? textOf(first.name)) : textOf(first)
  )?.trim();
  if (text && LANG.test(text)) return text;
  problems.add(path, `must be a BCP 47 language tag such as "en" or "zh-CN", got ${describe(value)}`);
  return undefined;
}

/**
 * Maps one schema.org Review to Vitrine's model: reviewRating (normalised by bestRating) →
 * rating, author (text or Person/Organization name) → author, datePublished → date,
 * reviewBody/description → body (HTML stripped), name → title, inLanguage → lang, image → media.
 * The id is `@id`, else a stable hash of author, date and body. Null (reported) without a usable
 * rating or date.
 */
export function reviewFromJsonLd(
  node: unknown,
  path: string,
  docs: JsonLdDocuments,
  problems: Problems,
  productId?: string,
): Review | null {
  if (!isRecord(node)) {
    problems.add(path, `must be a Review, got ${describe(node)}`);
    return null;
  }
  const rating = readReviewRating(node, path, docs, problems);
  const date = readDate(node, path, problems);
  let author = htmlToLine(nameOf(node.author, docs));
  if (author) author = capped(author, LIMITS.short, at(path, 'author'), problems);
  else problems.add(at(path, 'author'), 'is missing; the review is shown as anonymous');
  const bodyKey =
    node.reviewBody !== undefined ? 'reviewBody' : node.description !== undefined ? 'description' : 'text';
  const body = capped(htmlToText(textOf(node[bodyKey])), LIMITS.body, at(path, bodyKey), problems);
  if (rating === null || date === null) return null;

  const id = textOf(node['@id'])?.trim() || `review-${stableHash(`${author}\n${date}\n${body}`)}`;
  const review: Review = { id: id.slice(0, LIMITS.id), rating, body, author, date };
  if (productId) review.productId = productId;
  const title = htmlToLine(textOf(node.name));
  if (title) review.title = capped(title, LIMITS.title, at(path, 'name'), problems);
  const lang = readLang(node.inLanguage, at(path, 'inLanguage'), docs, problems);
  if (lang) review.lang = lang;
  if (node.image !== undefined) {
    const media = new MediaList();
    readImages(
      node.image,
      at(path, 'image'),
      docs,
      problems,
      media,
      author ? `Photo by ${author}` : 'Review photo',
    );
    if (media.items.length) review.media = media.items;
  }
  // Safety net: the mapping builds valid reviews; the validator reports anything it missed.
  const check = new Problems();
  const value = checkReview(review, path, check);
  for (const p of check.list) problems.add(p.path, p.message);
  return value;
}
