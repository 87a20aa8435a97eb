import type { MediaItem, Result, Review, ReviewReply } from './types.js';
import { checkMediaItem } from './validate-media.js';
import {
  LIMITS,
  Problems,
  assign,
  at,
  cut,
  describe,
  guard,
  isIsoDate,
  isRecord,
  optionalArray,
  optionalBoolean,
  optionalDate,
  optionalInteger,
  optionalStringMap,
  optionalStrings,
  optionalText,
  readId,
} from './validate-shared.js';

/** Reads a 1–5 rating in steps of 0.5; one between steps is rounded (reported), one outside is null. */
export function checkReviewRating(value: unknown, path: string, problems: Problems): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 5) {
    problems.add(path, `must be a number from 1 to 5 in steps of 0.5, got ${describe(value)}`);
    return null;
  }
  const rounded = Math.round(value * 2) / 2;
  if (rounded !== value) {
    problems.add(path, `must be a number from 1 to 5 in steps of 0.5, got ${value}; rounded to ${rounded}`);
  }
  return rounded;
}

function checkBody(value: unknown, path: string, problems: Problems): string | null {
  if (typeof value !== 'string') {
    problems.add(
      path,
      value === undefined ? 'is required (it may be empty)' : `must be a string, got ${describe(value)}`,
    );
    return null;
  }
  const body = value.trim();
  if (body.length <= LIMITS.body) return body;
  problems.add(path, `was cut to ${LIMITS.body} characters (it had ${body.length})`);
  return cut(body, LIMITS.body);
}

function checkReply(input: unknown, path: string, problems: Problems): ReviewReply | undefined {
  if (input === undefined || input === null) return undefined;
  if (!isRecord(input)) {
    problems.add(path, `must be an object with body, author and date, got ${describe(input)}`);
    return undefined;
  }
  const body = checkBody(input.body, at(path, 'body'), problems);
  if (body === null) return undefined;
  const reply: ReviewReply = { body };
  assign(reply, 'author', optionalText(input.author, at(path, 'author'), problems));
  assign(reply, 'date', optionalDate(input.date, at(path, 'date'), problems));
  return reply;
}

/** Does the work of {@link validateReview} with paths under `path`. */
export function checkReview(input: unknown, path: string, problems: Problems): Review | null {
  if (!isRecord(input)) {
    problems.add(path, `must be a review object, got ${describe(input)}`);
    return null;
  }
  const id = readId(input.id, at(path, 'id'), problems);
  const rating = checkReviewRating(input.rating, at(path, 'rating'), problems);
  const body = checkBody(input.body, at(path, 'body'), problems);

  let author = '';
  if (typeof input.author === 'string') {
    author = cut(input.author.trim(), LIMITS.short);
    if (input.author.trim().length > LIMITS.short) {
      problems.add(at(path, 'author'), `was cut to ${LIMITS.short} characters`);
    }
  } else {
    // Anonymous reviews are common; the element shows a translated "Anonymous" for "".
    problems.add(
      at(path, 'author'),
      input.author === undefined
        ? 'is required; used ""'
        : `must be a string, got ${describe(input.author)}; used ""`,
    );
  }

  let date: string | null = null;
  if (typeof input.date === 'string' && isIsoDate(input.date.trim())) date = input.date.trim();
  else {
    problems.add(
      at(path, 'date'),
      input.date === undefined
        ? 'is required (an ISO 8601 date such as "2024-05-01")'
        : `must be an ISO 8601 date such as "2024-05-01", got ${describe(input.date)}`,
    );
  }

  const productId =
    input.productId === undefined
      ? undefined
      : (readId(input.productId, at(path, 'productId'), problems) ?? undefined);
  const title = optionalText(input.title, at(path, 'title'), problems, LIMITS.title);
  const verified = optionalBoolean(input.verified, at(path, 'verified'), problems);
  const tags = optionalStrings(input.tags, at(path, 'tags'), problems);
  const variant = optionalStringMap(input.variant, at(path, 'variant'), problems);
  let media: MediaItem[] | undefined;
  if (input.media !== undefined && input.media !== null) {
    media = [];
    optionalArray(input.media, at(path, 'media'), problems).forEach((raw, i) => {
      const fallback = `Photo ${i + 1} from the review${author ? ` by ${author}` : ''}`;
      const item = checkMediaItem(raw, at(at(path, 'media'), i), problems, fallback);
      if (item) media!.push(item);
    });
  }
  const reply = checkReply(input.reply, at(path, 'reply'), problems);
  const helpful = optionalInteger(input.helpful, at(path, 'helpful'), problems, 0);
  const notHelpful = optionalInteger(input.notHelpful, at(path, 'notHelpful'), problems, 0);
  const lang = optionalText(input.lang, at(path, 'lang'), problems, 35);

  if (id === null || rating === null || body === null || date === null) return null;
  const review: Review = { id, rating, body, author, date };
  assign(review, 'productId', productId);
  assign(review, 'title', title);
  assign(review, 'verified', verified);
  assign(review, 'tags', tags);
  assign(review, 'variant', variant);
  assign(review, 'media', media);
  assign(review, 'reply', reply);
  assign(review, 'helpful', helpful);
  assign(review, 'notHelpful', notHelpful);
  assign(review, 'lang', lang);
  return review;
}

/**
 * Validates a {@link Review}: non-empty id, rating 1–5 in steps of 0.5, ISO 8601 date, string
 * body. A missing author becomes `""` (shown as anonymous). `value` is null when the id, rating,
 * body or date is unusable. Never throws.
 */
export function validateReview(input: unknown): Result<Review> {
  return guard(() => {
    const problems = new Problems();
    const value = checkReview(input, '', problems);
    return { value, problems: problems.list };
  });
}
